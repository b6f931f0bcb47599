// tools/sniffer/sniffer_args.h: the sniffer's command line.

#ifndef XSOCK_TOOLS_SNIFFER_SNIFFER_ARGS_H_
#define XSOCK_TOOLS_SNIFFER_SNIFFER_ARGS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace xsock_tools {

// kMaxCount bounds --count.
inline constexpr int kMaxCount = 100000;
// kMaxTimeout bounds --timeout.
inline constexpr absl::Duration kMaxTimeout = absl::Hours(24);
// kAllProtocols is --proto=all: every IP protocol (SIO_RCVALL only).
inline constexpr int kAllProtocols = 0;

struct SnifferArgs {
  std::string host = "127.0.0.1";  // numeric IPv4 address to bind
  // IANA protocol number (kProtoUdp, ...) or kAllProtocols; nullopt: the
  // platform's default (all with SIO_RCVALL, UDP otherwise).
  std::optional<int> proto;
  int count = 1;                              // packets to print, 1..kMaxCount
  absl::Duration timeout = absl::Seconds(10);  // for all of them together
  std::string contains;  // only packets whose bytes contain this
  bool help = false;
};

// ParseSnifferArgs reads --host=, --proto=udp|tcp|icmp|all, --count=,
// --timeout=SECONDS (may be fractional), --contains= and --help. Errors:
// kInvalidArgument naming the flag.
absl::StatusOr<SnifferArgs> ParseSnifferArgs(int argc, char** argv);

// ProtocolFlagName returns "udp", "tcp", "icmp" or "all" for a --proto
// value.
std::string_view ProtocolFlagName(int proto);

// kSnifferUsage is the --help text.
extern const char kSnifferUsage[];

}  // namespace xsock_tools

#endif  // XSOCK_TOOLS_SNIFFER_SNIFFER_ARGS_H_
