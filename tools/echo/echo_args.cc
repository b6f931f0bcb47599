// tools/echo/echo_args.cc

#include "tools/echo/echo_args.h"

#include <optional>
#include <string_view>

#include "absl/strings/numbers.h"
#include "core/error.h"

namespace xsock_tools {

absl::StatusOr<EchoArgs> ParseEchoArgs(int argc, char** argv, bool server) {
  EchoArgs args;
  if (!server) args.host = "127.0.0.1";
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    auto value = [&](std::string_view flag) -> std::optional<std::string_view> {
      if (a.substr(0, flag.size()) == flag) return a.substr(flag.size());
      return std::nullopt;
    };
    const std::optional<std::string_view> host = value("--host=");
    const std::optional<std::string_view> port = value("--port=");
    const std::optional<std::string_view> message = value("--message=");
    if (host) {
      args.host = std::string(*host);
    } else if (port) {
      if (!absl::SimpleAtoi(*port, &args.port) || args.port < 0 || args.port > 65535) {
        return xsock::InvalidArgument("echo", "--port", "must be 0..65535");
      }
    } else if (a == "--dual-stack") {
      args.dual_stack = true;
    } else if (message && !server) {
      args.message = std::string(*message);
    } else {
      return xsock::InvalidArgument("echo", a, "unknown flag");
    }
  }
  return args;
}

std::vector<xsock::SocketAddress> CandidateAddresses(const EchoArgs& args) {
  std::vector<xsock::SocketAddress> out;
  if (args.dual_stack) {
    if (auto a6 = xsock::SocketAddress::ParseInet6(args.host, args.port); a6.ok()) {
      out.push_back(*a6);
    }
  }
  if (auto a4 = xsock::SocketAddress::ParseInet(args.host, args.port); a4.ok()) {
    out.push_back(*a4);
  }
  return out;
}

}  // namespace xsock_tools
