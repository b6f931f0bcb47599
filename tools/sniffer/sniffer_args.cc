// tools/sniffer/sniffer_args.cc

#include "tools/sniffer/sniffer_args.h"

#include <cmath>

#include "absl/strings/numbers.h"
#include "absl/strings/strip.h"
#include "core/error.h"
#include "tools/sniffer/packet.h"

namespace xsock_tools {

const char kSnifferUsage[] =
    "usage: sniffer [--host=ADDR] [--proto=udp|tcp|icmp|all] [--count=N]\n"
    "               [--timeout=SECONDS] [--contains=TEXT]\n"
    "Prints one line per IPv4 packet received on a raw socket bound to ADDR\n"
    "(default 127.0.0.1) until N packets (default 1) matched or SECONDS\n"
    "(default 10) passed. With SIO_RCVALL (Windows) the socket sees every IP\n"
    "packet of the interface and --proto filters (default all); elsewhere it\n"
    "is a raw socket of that protocol (default udp; 'all' is not possible).\n"
    "--contains keeps only packets whose bytes contain TEXT.\n"
    "Exit status: 0 done, 1 error or timeout, 2 bad usage, 3 no privilege\n"
    "(CAP_NET_RAW or root on Linux, root elsewhere on POSIX, Administrator on\n"
    "Windows).\n";

absl::StatusOr<SnifferArgs> ParseSnifferArgs(int argc, char** argv) {
  SnifferArgs args;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    std::string_view v = a;
    if (absl::ConsumePrefix(&v, "--host=")) {
      args.host = std::string(v);
    } else if (absl::ConsumePrefix(&v, "--proto=")) {
      if (v == "udp") {
        args.proto = kProtoUdp;
      } else if (v == "tcp") {
        args.proto = kProtoTcp;
      } else if (v == "icmp") {
        args.proto = kProtoIcmp;
      } else if (v == "all") {
        args.proto = kAllProtocols;
      } else {
        return xsock::InvalidArgument("sniffer", "--proto",
                                      "must be udp, tcp, icmp or all");
      }
    } else if (absl::ConsumePrefix(&v, "--count=")) {
      if (!absl::SimpleAtoi(v, &args.count) || args.count < 1 ||
          args.count > kMaxCount) {
        return xsock::InvalidArgument("sniffer", "--count",
                                      "must be 1..100000");
      }
    } else if (absl::ConsumePrefix(&v, "--timeout=")) {
      double seconds = 0;
      if (!absl::SimpleAtod(v, &seconds) || !std::isfinite(seconds) ||
          seconds <= 0 || absl::Seconds(seconds) > kMaxTimeout) {
        return xsock::InvalidArgument(
            "sniffer", "--timeout", "must be a number of seconds in (0, 86400]");
      }
      args.timeout = absl::Seconds(seconds);
    } else if (absl::ConsumePrefix(&v, "--contains=")) {
      args.contains = std::string(v);
    } else if (a == "--help" || a == "-h") {
      args.help = true;
    } else {
      return xsock::InvalidArgument("sniffer", a, "unknown flag");
    }
  }
  return args;
}

std::string_view ProtocolFlagName(int proto) {
  switch (proto) {
    case kProtoUdp:
      return "udp";
    case kProtoTcp:
      return "tcp";
    case kProtoIcmp:
      return "icmp";
    case kAllProtocols:
      return "all";
    default:
      return "?";
  }
}

}  // namespace xsock_tools
