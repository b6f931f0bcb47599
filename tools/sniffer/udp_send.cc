// udp_send: sends one UDP datagram to itself over an IPv4 address, for the
// sniffer's test.
//
//   udp_send [--host=ADDR] --payload=TEXT
//
// Binds a UDP socket to ADDR (default 127.0.0.1) port 0, reads the port
// back, sends TEXT to that same address and port, and receives it (within
// 10 s) to be sure it was delivered. Prints "sent N bytes A -> A". Exit
// status: 0 delivered, 1 error, 2 bad usage.

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "xsock/socket.h"

namespace {

int Fail(std::string_view step, const absl::Status& status) {
  std::fprintf(stderr, "udp_send: %s: %s\n", std::string(step).c_str(),
               status.ToString().c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string host = "127.0.0.1";
  std::optional<std::string> payload;
  for (int i = 1; i < argc; ++i) {
    std::string_view v = argv[i];
    if (absl::ConsumePrefix(&v, "--host=")) {
      host = std::string(v);
    } else if (absl::ConsumePrefix(&v, "--payload=")) {
      payload = std::string(v);
    } else {
      std::fprintf(stderr, "udp_send: unknown flag %s\n", argv[i]);
      return 2;
    }
  }
  if (!payload || payload->empty()) {
    std::fprintf(stderr, "udp_send: --payload=TEXT is required\n");
    return 2;
  }
  absl::StatusOr<xsock::SocketAddress> addr =
      xsock::SocketAddress::ParseInet(host, 0);
  if (!addr.ok()) {
    std::fprintf(stderr, "udp_send: --host must be a numeric IPv4 address\n");
    return 2;
  }
  absl::StatusOr<xsock::Socket> s =
      xsock::Socket::Create(xsock::Family::kInet, xsock::Type::kDgram);
  if (!s.ok()) return Fail("socket", s.status());
  if (absl::Status st = s->SetTimeout(absl::Seconds(10)); !st.ok()) {
    return Fail("settimeout", st);
  }
  if (absl::Status st = s->Bind(*addr); !st.ok()) return Fail("bind", st);
  absl::StatusOr<xsock::SocketAddress> self = s->GetSockName();
  if (!self.ok()) return Fail("getsockname", self.status());
  absl::StatusOr<size_t> sent = s->SendTo(*payload, *self);
  if (!sent.ok()) return Fail("sendto", sent.status());
  absl::StatusOr<xsock::Received> got = s->RecvFrom(payload->size() + 1);
  if (!got.ok()) return Fail("recvfrom", got.status());
  if (got->data != *payload) {
    std::fprintf(stderr, "udp_send: received %s other bytes\n",
                 std::to_string(got->data.size()).c_str());
    return 1;
  }
  std::printf("sent %s bytes %s -> %s\n", std::to_string(*sent).c_str(),
              self->ToString().c_str(), self->ToString().c_str());
  return s->Close().ok() ? 0 : 1;
}
