// echo_client: the socket module documentation's echo client, on xsock.
//
//   echo_client --host=HOST --port=PORT [--message=TEXT] [--dual-stack]
//
// Connects, sends TEXT (default "Hello, world") with sendall, reads one reply
// of up to 1024 bytes and prints "Received 'REPLY'". With --dual-stack it
// tries every candidate address in turn (IPv6 text as IPv6, IPv4 text as
// IPv4) and uses the first that connects, as the dual-stack example does with
// getaddrinfo's results. HOST must be numeric.

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "tools/echo/echo_args.h"
#include "xsock/socket.h"

namespace {

using xsock::Socket;
using xsock::SocketAddress;

}  // namespace

int main(int argc, char** argv) {
  auto args = xsock_tools::ParseEchoArgs(argc, argv, /*server=*/false);
  if (!args.ok()) {
    std::fprintf(stderr, "echo_client: %s\n", std::string(args.status().message()).c_str());
    return 2;
  }
  std::vector<SocketAddress> addrs = xsock_tools::CandidateAddresses(*args);
  if (addrs.empty()) {
    std::fprintf(stderr, "echo_client: host must be a numeric address: '%s'\n",
                 args->host.c_str());
    return 2;
  }
  std::optional<Socket> sock;
  absl::Status last = absl::OkStatus();
  for (const SocketAddress& addr : addrs) {
    auto s = Socket::Create(addr.family(), xsock::Type::kStream);
    if (!s.ok()) {
      last = s.status();
      continue;
    }
    last = s->Connect(addr);
    if (!last.ok()) continue;
    sock = std::move(*s);
    break;
  }
  if (!sock) {
    std::printf("could not open socket\n");
    if (!last.ok()) std::fprintf(stderr, "echo_client: %s\n", last.ToString().c_str());
    return 1;
  }
  absl::Status st = sock->SendAll(args->message);
  if (!st.ok()) {
    std::fprintf(stderr, "echo_client: %s\n", st.ToString().c_str());
    return 1;
  }
  auto data = sock->Recv(1024);
  if (!data.ok()) {
    std::fprintf(stderr, "echo_client: %s\n", data.status().ToString().c_str());
    return 1;
  }
  (void)sock->Close();
  std::printf("Received '%s'\n", data->c_str());
  return 0;
}
