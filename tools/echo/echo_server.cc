// echo_server: the socket module documentation's echo server, on xsock.
//
//   echo_server [--host=HOST] [--port=PORT] [--dual-stack]
//
// Serves one client: everything it receives is sent back until the client
// closes. Without --dual-stack it is the IPv4-only example (HOST defaults to
// "", all interfaces). With --dual-stack it tries the address families in
// turn -- IPv6 first, then IPv4 -- and serves on the first one where
// socket(), bind() and listen() all succeed, as the dual-stack example does
// with getaddrinfo(None, PORT, AF_UNSPEC, SOCK_STREAM, 0, AI_PASSIVE).
// HOST must be numeric ("" means all interfaces). PORT 0 picks a free port;
// the line "Listening on ADDRESS" on stdout tells which.

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tools/echo/echo_args.h"
#include "xsock/socket.h"

namespace {

using xsock::Family;
using xsock::Socket;
using xsock::SocketAddress;

std::optional<Socket> OpenListener(const std::vector<SocketAddress>& addrs) {
  for (const SocketAddress& addr : addrs) {
    auto s = Socket::Create(addr.family(), xsock::Type::kStream);
    if (!s.ok()) continue;
    if (!s->Bind(addr).ok() || !s->Listen(1).ok()) continue;
    return std::move(*s);
  }
  return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
  auto args = xsock_tools::ParseEchoArgs(argc, argv, /*server=*/true);
  if (!args.ok()) {
    std::fprintf(stderr, "echo_server: %s\n", std::string(args.status().message()).c_str());
    return 2;
  }
  std::vector<SocketAddress> addrs = xsock_tools::CandidateAddresses(*args);
  if (addrs.empty()) {
    std::fprintf(stderr, "echo_server: host must be a numeric address: '%s'\n",
                 args->host.c_str());
    return 2;
  }
  std::optional<Socket> listener = OpenListener(addrs);
  if (!listener) {
    std::puts("could not open socket");
    return 1;
  }
  auto local = listener->GetSockName();
  std::printf("Listening on %s\n",
              local.ok() ? local->ToString().c_str() : "?");
  std::fflush(stdout);

  auto conn = listener->Accept();
  if (!conn.ok()) {
    std::fprintf(stderr, "echo_server: %s\n", conn.status().ToString().c_str());
    return 1;
  }
  std::printf("Connected by %s\n", conn->address.ToString().c_str());
  std::fflush(stdout);
  char buf[1024];
  for (;;) {
    auto n = conn->socket.RecvInto(absl::MakeSpan(buf, sizeof buf));
    if (!n.ok()) {
      std::fprintf(stderr, "echo_server: %s\n", n.status().ToString().c_str());
      return 1;
    }
    if (*n == 0) break;
    absl::Status st = conn->socket.SendAll(std::string_view(buf, *n));
    if (!st.ok()) {
      std::fprintf(stderr, "echo_server: %s\n", st.ToString().c_str());
      return 1;
    }
  }
  return conn->socket.Close().ok() ? 0 : 1;
}
