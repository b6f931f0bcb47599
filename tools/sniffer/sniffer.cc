// sniffer: the socket module documentation's raw-socket sniffer, on xsock.
//
//   sniffer [--host=ADDR] [--proto=udp|tcp|icmp|all] [--count=N]
//           [--timeout=SECONDS] [--contains=TEXT]
//
// Prints one summary line per IPv4 packet (source -> destination, protocol,
// length, the start of the data; tools/sniffer/packet.h) until N packets
// were printed or SECONDS passed, whichever comes first. Before the first
// receive it prints "ready: ..." on stdout, so a script can start sending
// only once the capture is in place.
//
// Where the backend has the Winsock ioctls (Capability::kWinsockIoctl:
// Windows) it is the documentation's example: an AF_INET SOCK_RAW IPPROTO_IP
// socket bound to the interface address ADDR (not 0.0.0.0: SIO_RCVALL needs
// one interface; quirk WIN-01), IP_HDRINCL on, Ioctl(kRcvAll, kOn), the
// receives, and Ioctl(kRcvAll, kOff) at the end. It sees every IP packet of
// that interface; --proto filters them (default all).
//
// Elsewhere (POSIX, Linux) there is no SIO_RCVALL. The equivalent used here
// is an AF_INET SOCK_RAW socket of the protocol --proto names (default udp),
// bound to ADDR: the kernel hands it a copy of every IPv4 packet of that
// protocol addressed to ADDR, IP header included. ('all' is not possible:
// a raw socket has one protocol.) Linux's own whole-interface capture,
// AF_PACKET, is not used because xsock has no AF_PACKET family. On macOS
// and the BSDs raw sockets never receive UDP or TCP packets (the kernel
// delivers those to the transport only), so there only --proto=icmp
// captures anything, and their raw sockets may report the IP length field
// in host byte order.
//
// Raw sockets are privileged: without the privilege the sniffer exits with
// status 3 and says what is needed (CAP_NET_RAW or root on Linux, root on
// other POSIX systems, Administrator on Windows; quirk WIN-02). Exit status
// 0: N packets printed; 1: an error or the timeout; 2: bad usage.

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/match.h"
#include "absl/time/time.h"
#include "core/deadline.h"
#include "core/error.h"
#include "platform/os.h"
#include "tools/sniffer/packet.h"
#include "tools/sniffer/sniffer_args.h"
#include "xsock/socket.h"

namespace {

using xsock::ErrorKind;
using xsock::GetErrorKind;
using xsock::Socket;
using xsock_tools::kAllProtocols;
using xsock_tools::ProtocolFlagName;

constexpr int kExitError = 1;
constexpr int kExitUsage = 2;
constexpr int kExitNoPrivilege = 3;

// Largest IPv4 datagram.
constexpr size_t kMaxPacket = 65535;

// PrivilegeNeeded names what a raw socket needs on the backend `os`.
std::string PrivilegeNeeded(const xsock::platform::Os& os) {
  if (os.Name() == "windows") {
    return "Administrator rights (run it from an elevated prompt)";
  }
  if (os.Name() == "linux") {
    return "CAP_NET_RAW (run it as root, or grant the capability: "
           "setcap cap_net_raw+ep <sniffer binary>)";
  }
  return "root (on Linux: CAP_NET_RAW)";
}

int NoPrivilege(const xsock::platform::Os& os, std::string_view step,
                const absl::Status& status) {
  std::fprintf(stderr,
               "sniffer: permission denied (%s: %s): capturing with raw "
               "sockets needs %s\n",
               std::string(step).c_str(), std::string(status.message()).c_str(),
               PrivilegeNeeded(os).c_str());
  return kExitNoPrivilege;
}

int Fail(std::string_view step, const absl::Status& status) {
  std::fprintf(stderr, "sniffer: %s: %s\n", std::string(step).c_str(),
               status.ToString().c_str());
  return kExitError;
}

// Capture runs the receive loop on the prepared socket `s`.
int Capture(Socket& s, const xsock_tools::SnifferArgs& args, int proto) {
  const xsock::Deadline deadline = xsock::Deadline::After(args.timeout);
  std::vector<char> buf(kMaxPacket);
  int printed = 0;
  while (printed < args.count) {
    const absl::Duration remaining = deadline.Remaining();
    absl::Status st = remaining > absl::ZeroDuration()
                          ? s.SetTimeout(remaining)
                          : xsock::TimedOut("recv");
    absl::StatusOr<size_t> n =
        st.ok() ? s.RecvInto(absl::MakeSpan(buf)) : absl::StatusOr<size_t>(st);
    if (!n.ok()) {
      if (GetErrorKind(n.status()) == ErrorKind::kTimedOut) {
        std::fprintf(stderr,
                     "sniffer: timed out after %s: %d of %d packet(s) "
                     "matched\n",
                     absl::FormatDuration(args.timeout).c_str(), printed,
                     args.count);
        return kExitError;
      }
      return Fail("recv", n.status());
    }
    std::string_view packet(buf.data(), *n);
    absl::StatusOr<xsock_tools::Ipv4Packet> p = xsock_tools::ParseIpv4(packet);
    if (!p.ok()) {
      if (args.contains.empty()) {
        std::printf("not IPv4 (%s bytes): %s\n",
                    std::to_string(packet.size()).c_str(),
                    std::string(p.status().message()).c_str());
        std::fflush(stdout);
        ++printed;
      }
      continue;
    }
    if (proto != kAllProtocols && p->protocol != proto) continue;
    if (!args.contains.empty() && !absl::StrContains(packet, args.contains)) {
      continue;
    }
    std::printf("%s\n", xsock_tools::Summary(*p).c_str());
    std::fflush(stdout);
    ++printed;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  absl::StatusOr<xsock_tools::SnifferArgs> args =
      xsock_tools::ParseSnifferArgs(argc, argv);
  if (!args.ok()) {
    std::fprintf(stderr, "sniffer: %s\n%s",
                 std::string(args.status().message()).c_str(),
                 xsock_tools::kSnifferUsage);
    return kExitUsage;
  }
  if (args->help) {
    std::fputs(xsock_tools::kSnifferUsage, stdout);
    return 0;
  }
  const xsock::platform::Os& os = xsock::platform::NativeOs();
  const bool rcvall =
      os.Supports(xsock::platform::Capability::kWinsockIoctl);
  const int proto = args->proto.value_or(rcvall ? kAllProtocols
                                                : xsock_tools::kProtoUdp);
  if (!rcvall && proto == kAllProtocols) {
    std::fprintf(stderr,
                 "sniffer: --proto=all needs SIO_RCVALL (Windows); a raw "
                 "socket on the %s backend has one protocol: choose udp, tcp "
                 "or icmp\n",
                 std::string(os.Name()).c_str());
    return kExitUsage;
  }
  absl::StatusOr<xsock::SocketAddress> addr =
      xsock::SocketAddress::ParseInet(args->host, 0);
  if (!addr.ok()) {
    std::fprintf(stderr, "sniffer: --host must be a numeric IPv4 address: %s\n",
                 std::string(addr.status().message()).c_str());
    return kExitUsage;
  }
  if (rcvall && addr->is_unspecified()) {
    std::fprintf(stderr,
                 "sniffer: --host: SIO_RCVALL needs the address of one "
                 "interface, not %s\n",
                 args->host.c_str());
    return kExitUsage;
  }

  // IPPROTO_IP (0) with SIO_RCVALL, as in the documentation's example.
  absl::StatusOr<Socket> s = Socket::Create(
      xsock::Family::kInet, xsock::Type::kRaw, rcvall ? 0 : proto, os);
  if (!s.ok()) {
    if (GetErrorKind(s.status()) == ErrorKind::kPermissionDenied) {
      return NoPrivilege(os, "socket", s.status());
    }
    return Fail("socket", s.status());
  }
  if (absl::Status st = s->Bind(*addr); !st.ok()) return Fail("bind", st);
  if (rcvall) {
    if (absl::Status st = s->SetOption(xsock::Option::kIpHdrIncl, 1);
        !st.ok()) {
      return Fail("setsockopt(IP_HDRINCL)", st);
    }
    xsock::platform::IoctlArg on;
    on.value = static_cast<uint32_t>(xsock::platform::RcvAllMode::kOn);
    if (absl::Status st = s->Ioctl(xsock::platform::IoctlCode::kRcvAll, on);
        !st.ok()) {
      if (GetErrorKind(st) == ErrorKind::kPermissionDenied) {
        return NoPrivilege(os, "ioctl(SIO_RCVALL)", st);
      }
      return Fail("ioctl(SIO_RCVALL, RCVALL_ON)", st);
    }
  }
  std::printf("ready: capturing %s packets to %s (%s), %d packet(s), "
              "timeout %s\n",
              std::string(ProtocolFlagName(proto)).c_str(), args->host.c_str(),
              rcvall ? "SIO_RCVALL" : "raw socket",
              args->count, absl::FormatDuration(args->timeout).c_str());
  std::fflush(stdout);

  int rc = Capture(*s, *args, proto);

  if (rcvall) {
    xsock::platform::IoctlArg off;
    off.value = static_cast<uint32_t>(xsock::platform::RcvAllMode::kOff);
    if (absl::Status st = s->Ioctl(xsock::platform::IoctlCode::kRcvAll, off);
        !st.ok()) {
      Fail("ioctl(SIO_RCVALL, RCVALL_OFF)", st);
      rc = kExitError;
    }
  }
  if (absl::Status st = s->Close(); !st.ok()) rc = Fail("close", st);
  return rc;
}
