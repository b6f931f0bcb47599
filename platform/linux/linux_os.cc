// platform/linux/linux_os.cc: the Linux backend (see linux_os.h).

#include "platform/linux/linux_os.h"

#include <linux/netlink.h>
#include <linux/tipc.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/address.h"
#include "core/error.h"
#include "core/types.h"
#include "platform/posix/errors.h"
#include "platform/posix/sockaddr.h"

namespace xsock {
namespace platform {

using posix_internal::LastError;
using posix_internal::NativeSockAddr;

namespace {

int CreateFlags(CreateOptions options) {
  int flags = 0;
  if (!options.inheritable) flags |= SOCK_CLOEXEC;
  if (options.nonblocking) flags |= SOCK_NONBLOCK;
  return flags;
}

}  // namespace

LinuxOs::LinuxOs() : PosixOs("linux", /*abstract_unix=*/true) {}

bool LinuxOs::HandlesFamily(Family f) const {
  return PosixOs::HandlesFamily(f) || f == Family::kNetlink ||
         f == Family::kTipc;
}

bool LinuxOs::ProbeCapability(Capability c) const {
  switch (c) {
    case Capability::kAtomicCloexec:
      return true;
    case Capability::kUnixAbstract:
    case Capability::kUnixAutobind:
      return PosixOs::ProbeCapability(Capability::kUnixSockets);
    case Capability::kNetlink:
      return ProbeSocket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
    case Capability::kTipc:
      return ProbeSocket(AF_TIPC, SOCK_RDM, 0);
    default:
      return PosixOs::ProbeCapability(c);
  }
}

absl::StatusOr<int> LinuxOs::NewSocket(int af, int type, int proto,
                                       CreateOptions options) const {
  int fd = ::socket(af, type | CreateFlags(options), proto);
  if (fd < 0) return LastError("socket");
  return fd;
}

absl::Status LinuxOs::NewSocketPair(int af, int type, int proto,
                                    CreateOptions options, int fds[2]) const {
  if (::socketpair(af, type | CreateFlags(options), proto, fds) != 0) {
    return LastError("socketpair");
  }
  return absl::OkStatus();
}

absl::StatusOr<NativeHandle> LinuxOs::Accept(NativeHandle h,
                                             SocketAddress* peer) const {
  NativeSockAddr a;
  a.storage.ss_family = AF_UNSPEC;
  a.len = sizeof(a.storage);
  int fd = ::accept4(ToFd(h), a.get(), &a.len, SOCK_CLOEXEC);
  if (fd < 0) return LastError("accept");
  if (peer != nullptr) *peer = DecodePeer(a.get(), a.len, "accept");
  return static_cast<NativeHandle>(fd);
}

absl::Status LinuxOs::EncodeOtherAddress(const SocketAddress& addr,
                                         std::string_view call,
                                         NativeSockAddr* out) const {
  if (addr.family() == Family::kNetlink) {
    sockaddr_nl* nl = reinterpret_cast<sockaddr_nl*>(&out->storage);
    std::memset(nl, 0, sizeof(*nl));
    nl->nl_family = AF_NETLINK;
    nl->nl_pid = addr.netlink_pid();
    nl->nl_groups = addr.netlink_groups();
    out->len = sizeof(*nl);
    return absl::OkStatus();
  }
  if (addr.family() == Family::kTipc) {
    // Field use follows Python's socket module (getsockaddrarg).
    sockaddr_tipc* t = reinterpret_cast<sockaddr_tipc*>(&out->storage);
    std::memset(t, 0, sizeof(*t));
    t->family = AF_TIPC;
    t->scope = static_cast<signed char>(addr.tipc_scope());
    switch (addr.tipc_type()) {
      case TipcAddrType::kNameSeq:
        t->addrtype = TIPC_ADDR_NAMESEQ;
        t->addr.nameseq.type = addr.tipc_v1();
        t->addr.nameseq.lower = addr.tipc_v2();
        t->addr.nameseq.upper = addr.tipc_v3();
        break;
      case TipcAddrType::kName:
        t->addrtype = TIPC_ADDR_NAME;
        t->addr.name.name.type = addr.tipc_v1();
        t->addr.name.name.instance = addr.tipc_v2();
        break;
      case TipcAddrType::kId:
        t->addrtype = TIPC_ADDR_ID;
        t->addr.id.node = addr.tipc_v1();
        t->addr.id.ref = addr.tipc_v2();
        break;
      default:
        return InvalidArgument(call, "address", "invalid TIPC address type");
    }
    out->len = sizeof(*t);
    return absl::OkStatus();
  }
  return PosixOs::EncodeOtherAddress(addr, call, out);
}

absl::StatusOr<SocketAddress> LinuxOs::DecodeOtherAddress(
    const sockaddr* sa, socklen_t len, std::string_view call) const {
  const size_t n = static_cast<size_t>(len);
  if (sa->sa_family == AF_NETLINK) {
    if (n < sizeof(sockaddr_nl)) {
      return InvalidArgument(call, "address", "short AF_NETLINK address");
    }
    sockaddr_nl nl;
    std::memcpy(&nl, sa, sizeof(nl));
    return SocketAddress::Netlink(nl.nl_pid, nl.nl_groups);
  }
  if (sa->sa_family == AF_TIPC) {
    if (n < sizeof(sockaddr_tipc)) {
      return InvalidArgument(call, "address", "short AF_TIPC address");
    }
    sockaddr_tipc t;
    std::memcpy(&t, sa, sizeof(t));
    const uint8_t scope = static_cast<uint8_t>(t.scope);
    switch (t.addrtype) {
      case TIPC_ADDR_NAMESEQ:
        return SocketAddress::Tipc(TipcAddrType::kNameSeq, t.addr.nameseq.type,
                                   t.addr.nameseq.lower, t.addr.nameseq.upper,
                                   scope);
      case TIPC_ADDR_NAME:
        // Python reports the instance twice: (2, type, inst, inst, scope).
        return SocketAddress::Tipc(TipcAddrType::kName, t.addr.name.name.type,
                                   t.addr.name.name.instance,
                                   t.addr.name.name.instance, scope);
      case TIPC_ADDR_ID:
        return SocketAddress::Tipc(TipcAddrType::kId, t.addr.id.node,
                                   t.addr.id.ref, 0, scope);
      default:
        return InvalidArgument(
            call, "address",
            "invalid TIPC address type " + std::to_string(t.addrtype));
    }
  }
  return PosixOs::DecodeOtherAddress(sa, len, call);
}

const Os& LinuxOsInstance() {
  static const LinuxOs* const os = new LinuxOs();
  return *os;
}

}  // namespace platform
}  // namespace xsock
