// platform/posix/posix_os.h
//
// PosixOs: the platform::Os backend for any POSIX system (Linux, macOS, the
// BSDs), using only POSIX calls plus the common extensions behind feature
// macros (MSG_NOSIGNAL, SO_NOSIGPIPE, F_DUPFD_CLOEXEC, SO_PROTOCOL). It builds
// and runs on Linux too, where the conformance suite runs it next to LinuxOs.
//
// What each method does natively:
//   Socket      socket(); fcntl(F_SETFD, FD_CLOEXEC) unless inheritable;
//               ioctl(FIONBIO) if non-blocking; setsockopt(SO_NOSIGPIPE)
//               where defined. Not atomic: a fork+exec in another thread
//               between socket() and fcntl() inherits the descriptor, so
//               Supports(kAtomicCloexec) is false (platform-quirks HND-04).
//   Accept      accept(); fcntl(FD_CLOEXEC); ioctl(FIONBIO, 0) (BSD and
//               macOS children inherit O_NONBLOCK, ACC-01); SO_NOSIGPIPE.
//   Dup         fcntl(F_DUPFD_CLOEXEC).
//   SocketPair  socketpair() + the same steps as Socket on both ends.
//   Send*       send()/sendto() with MSG_NOSIGNAL where defined (SIG-01).
//   Wait        poll(); POLLNVAL is reported as kBadDescriptor.
//   Get/SetLinger  getsockopt/setsockopt(SO_LINGER_SEC where defined (Apple:
//               SO_LINGER counts clock ticks there, quirk CLOSE-06), else
//               SO_LINGER) with struct linger.
//   Get/SetTimeOption  getsockopt/setsockopt(SO_RCVTIMEO/SO_SNDTIMEO) with
//               struct timeval; a positive time is rounded up to whole
//               microseconds.
//   Describe    getsockname() (family) + SO_TYPE + SO_PROTOCOL where defined.
//   GetAddrInfo getaddrinfo() with the translated hints; results decoded
//               like getsockname's, those xsock does not model dropped;
//               freeaddrinfo() always. GetNameInfo: getnameinfo() on an
//               AF_INET/AF_INET6 address. GetHostName: gethostname().
//               EAI codes go through the one EAI table (errors.cc).
//   GetHostByName / GetHostByAddr / GetProtoByName / GetServByName /
//               GetServByPort  the reentrant gethostbyname_r,
//               gethostbyaddr_r, getprotobyname_r, getservbyname_r and
//               getservbyport_r on glibc (a buffer of 8 KiB or 1 KiB,
//               doubled on ERANGE up to 1 MiB); elsewhere gethostbyname,
//               gethostbyaddr, getprotobyname, getservbyname and
//               getservbyport under one process-wide mutex (static
//               results), h_errno read under it. h_errno codes go through
//               the one h_errno table (errors.cc).
// Errors go through the one errno table (errors.cc); EAGAIN/EWOULDBLOCK and
// EINTR come back as the bare statuses and never allocate.
//
// Abstract AF_UNIX names are Linux-only: PosixOs rejects them with
// kFamilyNotSupported, and passes the unnamed address (Unix("")) to the OS
// as is. AF_NETLINK and AF_TIPC belong to LinuxOs.
//
// LinuxOs (platform/linux) derives from PosixOs: it overrides Accept and the
// protected hooks (descriptor creation, extra address families, probes).

#ifndef XSOCK_PLATFORM_POSIX_POSIX_OS_H_
#define XSOCK_PLATFORM_POSIX_POSIX_OS_H_

#include <sys/socket.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "core/addrinfo.h"
#include "core/address.h"
#include "core/error.h"
#include "core/options.h"
#include "core/types.h"
#include "platform/internal/capability_cache.h"
#include "platform/os.h"
#include "platform/posix/sockaddr.h"

namespace xsock {
namespace platform {

class PosixOs : public Os {
 public:
  PosixOs();
  ~PosixOs() override = default;
  PosixOs(const PosixOs&) = delete;
  PosixOs& operator=(const PosixOs&) = delete;

  std::string_view Name() const override { return name_; }
  bool Supports(Capability c) const override;
  size_t UnixPathMax() const override;

  absl::Status ErrorFromNative(int code, std::string_view call) const override;
  ErrorKind KindOfNative(int code) const override;
  int WouldBlockCode() const override;

  absl::StatusOr<NativeHandle> Socket(Family family, Type type, int proto,
                                      CreateOptions options) const override;
  absl::StatusOr<std::array<NativeHandle, 2>> SocketPair(
      Family family, Type type, int proto,
      CreateOptions options) const override;
  absl::Status Close(NativeHandle h) const override;
  absl::StatusOr<NativeHandle> Dup(NativeHandle h) const override;
  absl::StatusOr<HandleInfo> Describe(NativeHandle h) const override;

  absl::Status Bind(NativeHandle h, const SocketAddress& addr) const override;
  absl::Status Listen(NativeHandle h, int backlog) const override;
  absl::StatusOr<NativeHandle> Accept(NativeHandle h,
                                      SocketAddress* peer) const override;
  absl::Status Connect(NativeHandle h,
                       const SocketAddress& addr) const override;
  absl::StatusOr<int> PendingError(NativeHandle h) const override;
  absl::StatusOr<SocketAddress> GetSockName(NativeHandle h) const override;
  absl::StatusOr<SocketAddress> GetPeerName(NativeHandle h) const override;
  absl::Status Shutdown(NativeHandle h, ShutdownHow how) const override;

  absl::StatusOr<size_t> Send(NativeHandle h, const void* data, size_t len,
                              MsgFlags flags) const override;
  absl::StatusOr<size_t> SendTo(NativeHandle h, const void* data, size_t len,
                                MsgFlags flags,
                                const SocketAddress& to) const override;
  absl::StatusOr<size_t> Recv(NativeHandle h, void* buf, size_t len,
                              MsgFlags flags) const override;
  absl::StatusOr<size_t> RecvFrom(NativeHandle h, void* buf, size_t len,
                                  MsgFlags flags,
                                  SocketAddress* from) const override;

  absl::Status SetNonBlocking(NativeHandle h, bool on) const override;
  absl::StatusOr<bool> IsNonBlocking(NativeHandle h) const override;
  absl::StatusOr<unsigned> Wait(NativeHandle h, unsigned interest,
                                int timeout_ms) const override;
  absl::StatusOr<NativeOption> NativeOptionFor(Option option) const override;
  int NativeShutdownHow(ShutdownHow how) const override;
  absl::Status GetSockOpt(NativeHandle h, NativeOption opt, void* buf,
                          size_t* len) const override;
  absl::Status SetSockOpt(NativeHandle h, NativeOption opt, const void* buf,
                          size_t len) const override;
  absl::StatusOr<bool> IsInheritable(NativeHandle h) const override;
  absl::Status SetInheritable(NativeHandle h, bool on) const override;
  absl::Status Ioctl(NativeHandle h, IoctlCode code,
                     const IoctlArg& arg) const override;
  absl::StatusOr<Linger> GetLinger(NativeHandle h) const override;
  absl::Status SetLinger(NativeHandle h, Linger linger) const override;
  absl::StatusOr<absl::Duration> GetTimeOption(NativeHandle h,
                                               Option option) const override;
  absl::Status SetTimeOption(NativeHandle h, Option option,
                             absl::Duration value) const override;

  absl::StatusOr<std::vector<AddrInfo>> GetAddrInfo(
      const char* host, const char* service,
      const AddrInfoHints& hints) const override;
  absl::StatusOr<NameInfo> GetNameInfo(const SocketAddress& addr,
                                       uint32_t ni_flags) const override;
  absl::StatusOr<std::string> GetHostName() const override;

  absl::StatusOr<HostEntry> GetHostByName(const char* name) const override;
  absl::StatusOr<HostEntry> GetHostByAddr(
      const SocketAddress& addr) const override;
  absl::StatusOr<int> GetProtoByName(const char* name) const override;
  absl::StatusOr<uint16_t> GetServByName(const char* name,
                                         const char* proto) const override;
  absl::StatusOr<std::string> GetServByPort(uint16_t port,
                                            const char* proto) const override;

  absl::StatusOr<int> OpenHandleCountForTesting() const override;

  // EncodeAddress converts `addr` to a native sockaddr for `call`: inet and
  // AF_UNIX here (abstract names only if this backend allows them), other
  // families through EncodeOtherAddress. No allocation on success.
  absl::Status EncodeAddress(const SocketAddress& addr, std::string_view call,
                             posix_internal::NativeSockAddr* out) const;

  // DecodeAddress converts a native sockaddr of length `len` (as returned by
  // getsockname/accept/recvfrom) to a SocketAddress: length 0 (no address) is
  // SocketAddress(); other families go through DecodeOtherAddress.
  absl::StatusOr<SocketAddress> DecodeAddress(const sockaddr* sa,
                                              socklen_t len,
                                              std::string_view call) const;

 protected:
  // PosixOs(name, abstract_unix) is for derived backends: `name` is what
  // Name() returns, `abstract_unix` whether Linux abstract AF_UNIX names are
  // encoded and decoded.
  PosixOs(std::string_view name, bool abstract_unix);

  // HandlesFamily returns whether this backend creates and describes sockets
  // of family `f` (PosixOs: inet, inet6, unix).
  virtual bool HandlesFamily(Family f) const;

  // ProbeCapability probes `c` on this machine; called once per capability,
  // the result is cached by Supports().
  virtual bool ProbeCapability(Capability c) const;

  // EncodeOtherAddress converts an address of a family PosixOs does not
  // know (netlink, TIPC); PosixOs: kFamilyNotSupported.
  virtual absl::Status EncodeOtherAddress(
      const SocketAddress& addr, std::string_view call,
      posix_internal::NativeSockAddr* out) const;

  // DecodeOtherAddress converts a native address of a family PosixOs does
  // not know; PosixOs: kFamilyNotSupported.
  virtual absl::StatusOr<SocketAddress> DecodeOtherAddress(
      const sockaddr* sa, socklen_t len, std::string_view call) const;

  // NewSocket creates a socket descriptor with the safe defaults of
  // `options` (native af/type/proto, already translated and checked).
  // PosixOs: socket() + FinishNewHandle; LinuxOs: one socket() call with
  // SOCK_CLOEXEC/SOCK_NONBLOCK.
  virtual absl::StatusOr<int> NewSocket(int af, int type, int proto,
                                        CreateOptions options) const;

  // NewSocketPair is NewSocket for socketpair(): fills fds[0], fds[1].
  virtual absl::Status NewSocketPair(int af, int type, int proto,
                                     CreateOptions options,
                                     int fds[2]) const;

  // FinishNewHandle applies the safe defaults to a descriptor socket() or
  // socketpair() just returned: FD_CLOEXEC unless `inheritable`, O_NONBLOCK
  // if `nonblocking`, SO_NOSIGPIPE where defined. On failure it closes `fd`
  // and returns the error.
  absl::Status FinishNewHandle(int fd, bool inheritable,
                               bool nonblocking) const;

  // ApplyNoSigPipe sets SO_NOSIGPIPE where the platform has it (Apple, BSD);
  // returns 0, or -1 with errno set.
  static int ApplyNoSigPipe(int fd);

  // ProbeSocket returns whether socket(af, type, proto) succeeds here (the
  // probe socket is closed again).
  static bool ProbeSocket(int af, int type, int proto);

  // ToFd converts a NativeHandle to a descriptor; handles outside int range
  // (including kInvalidHandle) become -1, so the OS reports EBADF and no
  // truncated value ever names a live descriptor.
  static int ToFd(NativeHandle h) {
    return h > static_cast<NativeHandle>(kMaxFd) ? -1 : static_cast<int>(h);
  }

  // DecodePeer decodes an address for accept/recvfrom: an address this
  // backend cannot represent becomes SocketAddress() rather than an error,
  // because the connection or datagram has already been taken.
  SocketAddress DecodePeer(const sockaddr* sa, socklen_t len,
                           std::string_view call) const;

 private:
  static constexpr int kMaxFd = 0x7fffffff;

  // NativeSocketArgs translates (family, type) for socket()/socketpair() and
  // checks HandlesFamily. Errors: kFamilyNotSupported, kTypeNotSupported.
  absl::Status NativeSocketArgs(Family family, Type type,
                                std::string_view call, int* af,
                                int* native_type) const;

  std::string_view name_;
  bool abstract_unix_;
  internal::CapabilityCache capabilities_;
};

// PosixOsInstance returns the process-wide PosixOs.
const Os& PosixOsInstance();

}  // namespace platform
}  // namespace xsock

#endif  // XSOCK_PLATFORM_POSIX_POSIX_OS_H_
