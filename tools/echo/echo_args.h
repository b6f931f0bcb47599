// tools/echo/echo_args.h: command-line parsing and address candidates shared
// by echo_server and echo_client.

#ifndef XSOCK_TOOLS_ECHO_ECHO_ARGS_H_
#define XSOCK_TOOLS_ECHO_ECHO_ARGS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "xsock/socket.h"

namespace xsock_tools {

struct EchoArgs {
  std::string host;        // numeric; "" = all interfaces (server only)
  int port = 50007;        // the documentation's port; 0 = any free port
  bool dual_stack = false;  // try IPv6, then IPv4
  std::string message = "Hello, world";  // client only
};

// ParseEchoArgs reads --host=, --port=, --dual-stack and (client) --message=.
// Errors: kInvalidArgument naming the flag.
absl::StatusOr<EchoArgs> ParseEchoArgs(int argc, char** argv, bool server);

// CandidateAddresses returns the addresses to try in order: with dual_stack
// the IPv6 reading of host first (if it is IPv6 text, or "" for "::"), then
// the IPv4 reading (if it is IPv4 text, or "" for 0.0.0.0).
std::vector<xsock::SocketAddress> CandidateAddresses(const EchoArgs& args);

}  // namespace xsock_tools

#endif  // XSOCK_TOOLS_ECHO_ECHO_ARGS_H_
