// platform/linux/linux_os.h
//
// LinuxOs: the platform::Os backend for Linux. It is PosixOs with Linux's
// atomic and extra features:
//   Socket      socket(type | SOCK_CLOEXEC [| SOCK_NONBLOCK]): one call, no
//               fork+exec race (platform-quirks HND-04, kAtomicCloexec).
//   SocketPair  socketpair(type | SOCK_CLOEXEC [| SOCK_NONBLOCK]).
//   Accept      accept4(SOCK_CLOEXEC); Linux children never inherit
//               O_NONBLOCK (ACC-01), so the child is blocking.
//   AF_UNIX     abstract names (leading NUL): exact length, no terminator,
//               returned byte for byte (UNIX-02); bind(Unix("")) autobinds
//               to a 6-byte abstract name (kUnixAbstract, kUnixAutobind).
//   AF_NETLINK  sockaddr_nl (pid, groups) (kNetlink when
//               socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) works).
//   AF_TIPC     sockaddr_tipc (kTipc when socket(AF_TIPC, SOCK_RDM) works,
//               i.e. the module is loaded).
// Sends use MSG_NOSIGNAL (inherited from PosixOs).

#ifndef XSOCK_PLATFORM_LINUX_LINUX_OS_H_
#define XSOCK_PLATFORM_LINUX_LINUX_OS_H_

#include <sys/socket.h>

#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/address.h"
#include "core/types.h"
#include "platform/os.h"
#include "platform/posix/posix_os.h"
#include "platform/posix/sockaddr.h"

namespace xsock {
namespace platform {

class LinuxOs : public PosixOs {
 public:
  LinuxOs();

  absl::StatusOr<NativeHandle> Accept(NativeHandle h,
                                      SocketAddress* peer) const override;

 protected:
  absl::StatusOr<int> NewSocket(int af, int type, int proto,
                                CreateOptions options) const override;
  absl::Status NewSocketPair(int af, int type, int proto,
                             CreateOptions options,
                             int fds[2]) const override;
  bool HandlesFamily(Family f) const override;
  bool ProbeCapability(Capability c) const override;
  absl::Status EncodeOtherAddress(
      const SocketAddress& addr, std::string_view call,
      posix_internal::NativeSockAddr* out) const override;
  absl::StatusOr<SocketAddress> DecodeOtherAddress(
      const sockaddr* sa, socklen_t len, std::string_view call) const override;
};

// LinuxOsInstance returns the process-wide LinuxOs.
const Os& LinuxOsInstance();

}  // namespace platform
}  // namespace xsock

#endif  // XSOCK_PLATFORM_LINUX_LINUX_OS_H_
