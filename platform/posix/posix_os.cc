// platform/posix/posix_os.cc: the POSIX backend (see posix_os.h).

#include "platform/posix/posix_os.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "core/addrinfo.h"
#include "core/address.h"
#include "core/error.h"
#include "core/options.h"
#include "core/types.h"
#include "platform/internal/addrinfo.h"
#include "platform/internal/errors.h"
#include "platform/internal/translate.h"
#include "platform/os.h"
#include "platform/posix/errors.h"
#include "platform/posix/sockaddr.h"
#include "platform/posix/translate.h"

#if !defined(MSG_NOSIGNAL) && !defined(SO_NOSIGPIPE)
#error "xsock needs MSG_NOSIGNAL or SO_NOSIGPIPE: sends must never raise SIGPIPE"
#endif

namespace xsock {
namespace platform {

using posix_internal::ErrnoError;
using posix_internal::ErrnoErrorSlow;
using posix_internal::LastError;
using posix_internal::NativeSockAddr;

namespace {

// kSendFlags is or-ed into every send()/sendto(): no SIGPIPE (SIG-01). Where
// MSG_NOSIGNAL is missing (Apple), SO_NOSIGPIPE is set on every socket.
#ifdef MSG_NOSIGNAL
constexpr int kSendFlags = MSG_NOSIGNAL;
#else
constexpr int kSendFlags = 0;
#endif

// SetNonBlockingFd sets or clears the non-blocking flag with one call where
// ioctl(FIONBIO) exists, else fcntl(F_GETFL/F_SETFL). Returns 0 or -1/errno.
int SetNonBlockingFd(int fd, bool on) {
#ifdef FIONBIO
  int value = on ? 1 : 0;
  return ::ioctl(fd, FIONBIO, &value);
#else
  int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0) return -1;
  int wanted = on ? (flags | O_NONBLOCK) : (flags & ~O_NONBLOCK);
  if (wanted == flags) return 0;
  return ::fcntl(fd, F_SETFL, wanted);
#endif
}

// SendError is LastError for send()/sendto(). Apple's XNU can return
// EPROTOTYPE from a write racing the peer's teardown; it means the
// connection was reset (platform-quirks SIG-02).
absl::Status SendError(std::string_view call) {
  int e = errno;
#ifdef __APPLE__
  if (e == EPROTOTYPE) e = ECONNRESET;
#endif
  return ErrnoError(e, call);
}

// CountOpenFds counts open descriptors by listing `dir` (/proc/self/fd or
// /dev/fd), leaving out the descriptor of the listing itself. -1 if `dir`
// cannot be opened.
int CountFdsInDir(const char* dir) {
  DIR* d = ::opendir(dir);
  if (d == nullptr) return -1;
  int own = ::dirfd(d);
  int count = 0;
  while (struct dirent* e = ::readdir(d)) {
    const char* name = e->d_name;
    if (name[0] < '0' || name[0] > '9') continue;  // ".", ".."
    char* end = nullptr;
    long fd = std::strtol(name, &end, 10);
    if (end == nullptr || *end != '\0') continue;
    if (fd == own) continue;
    ++count;
  }
  ::closedir(d);
  return count;
}

// CountFdsByProbing counts descriptors with fcntl(F_GETFD) over
// 0..RLIMIT_NOFILE (capped). Slow, but needs no file system.
int CountFdsByProbing() {
  struct rlimit rl;
  long limit = 1024;
  if (::getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) {
    limit = static_cast<long>(rl.rlim_cur);
  }
  if (limit > (1L << 20)) limit = 1L << 20;
  int count = 0;
  for (long fd = 0; fd < limit; ++fd) {
    if (::fcntl(static_cast<int>(fd), F_GETFD) != -1) ++count;
  }
  return count;
}

// --- netdb lookups ---
//
// glibc has the reentrant *_r functions; they fill a caller's buffer and
// answer ERANGE when it is too small, so the buffer doubles from
// kNetdbBufferStart up to kNetdbBufferMax. Other C libraries get the classic
// functions under NetdbMutex(): their results live in static storage shared
// by the whole family, and h_errno is read before the mutex is released.

#if defined(__GLIBC__)
constexpr size_t kNetdbBufferStart = 1024;
constexpr size_t kNetdbBufferMax = size_t{1} << 20;
#else
std::mutex& NetdbMutex() {
  static std::mutex* const mu = new std::mutex();
  return *mu;
}
#endif

absl::Status ProtocolNotFound() {
  return MakeError(ErrorKind::kNotFound, "getprotobyname", 0, "",
                   "protocol not found");
}

absl::Status ServiceNotFound() {
  return MakeError(ErrorKind::kNotFound, "getservbyname", 0, "",
                   "service/proto not found");
}

absl::Status PortNotFound() {
  return MakeError(ErrorKind::kNotFound, "getservbyport", 0, "",
                   "port/proto not found");
}

#if defined(__GLIBC__)
// LookupHost runs `call_r(hostent*, buf, len, hostent**, int* h_err)` (a
// gethostby*_r call) with a growing buffer and converts the entry.
template <typename CallR>
absl::StatusOr<HostEntry> LookupHost(std::string_view call,
                                     const CallR& call_r) {
  std::vector<char> buf(kNetdbBufferStart * 8);
  for (;;) {
    hostent entry;
    hostent* result = nullptr;
    int h_err = 0;
    const int rc = call_r(&entry, buf.data(), buf.size(), &result, &h_err);
    if (result != nullptr) {
      return internal::ConvertHostEntry(*result, AF_INET, AF_INET6);
    }
    if (rc == ERANGE && buf.size() < kNetdbBufferMax) {
      buf.resize(buf.size() * 2);
      continue;
    }
    return posix_internal::HostError(h_err, rc != 0 ? rc : errno, call);
  }
}

// LookupEntry runs `call_r(Entry*, buf, len, Entry**)` (a getprotoby*_r or
// getservby*_r call) with a growing buffer; nullopt when nothing was found
// (or the lookup failed, which Python reports the same way).
template <typename Entry, typename CallR, typename Convert>
auto LookupEntry(const CallR& call_r, const Convert& convert)
    -> std::optional<decltype(convert(std::declval<const Entry&>()))> {
  std::vector<char> buf(kNetdbBufferStart);
  for (;;) {
    Entry entry;
    Entry* result = nullptr;
    const int rc = call_r(&entry, buf.data(), buf.size(), &result);
    if (result != nullptr) return convert(*result);
    if (rc == ERANGE && buf.size() < kNetdbBufferMax) {
      buf.resize(buf.size() * 2);
      continue;
    }
    return std::nullopt;
  }
}
#endif

std::string_view IoctlName(IoctlCode code) {
  switch (code) {
    case IoctlCode::kRcvAll:
      return "SIO_RCVALL (a Windows-only WSAIoctl)";
    case IoctlCode::kKeepAliveVals:
      return "SIO_KEEPALIVE_VALS (a Windows-only WSAIoctl)";
    case IoctlCode::kLoopbackFastPath:
      return "SIO_LOOPBACK_FAST_PATH (a Windows-only WSAIoctl)";
  }
  return "WSAIoctl (Windows-only)";
}

}  // namespace

PosixOs::PosixOs() : PosixOs("posix", /*abstract_unix=*/false) {}

PosixOs::PosixOs(std::string_view name, bool abstract_unix)
    : name_(name), abstract_unix_(abstract_unix) {}

// --- capabilities ----------------------------------------------------------

bool PosixOs::ProbeSocket(int af, int type, int proto) {
  int fd = ::socket(af, type, proto);
  if (fd < 0) return false;
  ::close(fd);
  return true;
}

bool PosixOs::ProbeCapability(Capability c) const {
  switch (c) {
    case Capability::kIpv6:
      return ProbeSocket(AF_INET6, SOCK_STREAM, 0);
    case Capability::kUnixSockets:
      return ProbeSocket(AF_UNIX, SOCK_STREAM, 0);
    case Capability::kUnixDatagram:
      return ProbeSocket(AF_UNIX, SOCK_DGRAM, 0);
    case Capability::kNativeSocketPair:
    case Capability::kSignals:
    case Capability::kInheritanceQuery:
      return true;
    case Capability::kHandleCount:
      return OpenHandleCountForTesting().ok();
    case Capability::kUnixAbstract:
    case Capability::kUnixAutobind:
    case Capability::kAtomicCloexec:
    case Capability::kNetlink:
    case Capability::kTipc:
    case Capability::kWinsockIoctl:
      return false;
  }
  return false;
}

bool PosixOs::Supports(Capability c) const {
  return capabilities_.Get(
      c, [this](Capability probed) { return ProbeCapability(probed); });
}

size_t PosixOs::UnixPathMax() const {
  return posix_internal::UnixSunPathSize();
}

bool PosixOs::HandlesFamily(Family f) const {
  return f == Family::kInet || f == Family::kInet6 || f == Family::kUnix;
}

// --- errors ------------------------------------------------------------------

absl::Status PosixOs::ErrorFromNative(int code, std::string_view call) const {
  return ErrnoError(code, call);
}

ErrorKind PosixOs::KindOfNative(int code) const {
  return posix_internal::ErrnoKind(code);
}

int PosixOs::WouldBlockCode() const { return EWOULDBLOCK; }

// --- addresses -----------------------------------------------------------------

absl::Status PosixOs::EncodeAddress(const SocketAddress& addr,
                                    std::string_view call,
                                    NativeSockAddr* out) const {
  switch (addr.family()) {
    case Family::kInet:
    case Family::kInet6:
      posix_internal::EncodeInet(addr, out);
      return absl::OkStatus();
    case Family::kUnix:
      return posix_internal::EncodeUnix(addr, abstract_unix_, call, out);
    default:
      return EncodeOtherAddress(addr, call, out);
  }
}

absl::StatusOr<SocketAddress> PosixOs::DecodeAddress(
    const sockaddr* sa, socklen_t len, std::string_view call) const {
  int af = posix_internal::SockAddrFamily(sa, len);
  if (af < 0 || af == AF_UNSPEC) return SocketAddress();
  if (af == AF_INET || af == AF_INET6) {
    return posix_internal::DecodeInet(sa, len, call);
  }
  if (af == AF_UNIX) {
    return posix_internal::DecodeUnix(sa, len, abstract_unix_, call);
  }
  return DecodeOtherAddress(sa, len, call);
}

absl::Status PosixOs::EncodeOtherAddress(const SocketAddress& addr,
                                         std::string_view call,
                                         NativeSockAddr* /*out*/) const {
  return MakeError(
      ErrorKind::kFamilyNotSupported, call, 0, "",
      internal::NotSupported(
          std::string(FamilyName(addr.family())) + " addresses", name_));
}

absl::StatusOr<SocketAddress> PosixOs::DecodeOtherAddress(
    const sockaddr* sa, socklen_t /*len*/, std::string_view call) const {
  return internal::UnsupportedNativeFamily(call, sa->sa_family, name_);
}

SocketAddress PosixOs::DecodePeer(const sockaddr* sa, socklen_t len,
                                  std::string_view call) const {
  absl::StatusOr<SocketAddress> addr = DecodeAddress(sa, len, call);
  return addr.ok() ? *addr : SocketAddress();
}

// --- lifetime ------------------------------------------------------------------

absl::Status PosixOs::NativeSocketArgs(Family family, Type type,
                                       std::string_view call, int* af,
                                       int* native_type) const {
  *af = posix_internal::NativeFamily(family);
  if (*af < 0 || !HandlesFamily(family)) {
    return internal::UnsupportedFamily(call, family, name_);
  }
  *native_type = posix_internal::NativeType(type);
  if (*native_type < 0) return internal::UnsupportedType(call, type, name_);
  return absl::OkStatus();
}

int PosixOs::ApplyNoSigPipe(int fd) {
#ifdef SO_NOSIGPIPE
  int on = 1;
  return ::setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, sizeof(on));
#else
  (void)fd;
  return 0;
#endif
}

absl::Status PosixOs::FinishNewHandle(int fd, bool inheritable,
                                      bool nonblocking) const {
  const char* failed = nullptr;
  if (!inheritable && ::fcntl(fd, F_SETFD, FD_CLOEXEC) != 0) {
    failed = "fcntl";
  } else if (nonblocking && SetNonBlockingFd(fd, true) != 0) {
    failed = "ioctl";
  } else if (ApplyNoSigPipe(fd) != 0) {
    failed = "setsockopt";
  }
  if (failed == nullptr) return absl::OkStatus();
  int e = errno;
  ::close(fd);
  return ErrnoError(e, failed);
}

absl::StatusOr<int> PosixOs::NewSocket(int af, int type, int proto,
                                       CreateOptions options) const {
  int fd = ::socket(af, type, proto);
  if (fd < 0) return LastError("socket");
  absl::Status status =
      FinishNewHandle(fd, options.inheritable, options.nonblocking);
  if (!status.ok()) return status;
  return fd;
}

absl::Status PosixOs::NewSocketPair(int af, int type, int proto,
                                    CreateOptions options, int fds[2]) const {
  if (::socketpair(af, type, proto, fds) != 0) return LastError("socketpair");
  absl::Status status =
      FinishNewHandle(fds[0], options.inheritable, options.nonblocking);
  if (!status.ok()) {
    ::close(fds[1]);
    return status;
  }
  status = FinishNewHandle(fds[1], options.inheritable, options.nonblocking);
  if (!status.ok()) ::close(fds[0]);
  return status;
}

absl::StatusOr<NativeHandle> PosixOs::Socket(Family family, Type type,
                                             int proto,
                                             CreateOptions options) const {
  int af = 0;
  int st = 0;
  absl::Status status = NativeSocketArgs(family, type, "socket", &af, &st);
  if (!status.ok()) return status;
  absl::StatusOr<int> fd = NewSocket(af, st, proto, options);
  if (!fd.ok()) return fd.status();
  return static_cast<NativeHandle>(*fd);
}

absl::StatusOr<std::array<NativeHandle, 2>> PosixOs::SocketPair(
    Family family, Type type, int proto, CreateOptions options) const {
  int af = 0;
  int st = 0;
  absl::Status status =
      NativeSocketArgs(family, type, "socketpair", &af, &st);
  if (!status.ok()) return status;
  int fds[2];
  status = NewSocketPair(af, st, proto, options, fds);
  if (!status.ok()) return status;
  return std::array<NativeHandle, 2>{static_cast<NativeHandle>(fds[0]),
                                     static_cast<NativeHandle>(fds[1])};
}

absl::Status PosixOs::Close(NativeHandle h) const {
  if (::close(ToFd(h)) == 0) return absl::OkStatus();
  int e = errno;
  // The descriptor is released on EINTR/EINPROGRESS (Linux, POSIX.1-2024);
  // reporting them would invite a retry that could close a reused number.
  if (e == EINTR || e == EINPROGRESS) return absl::OkStatus();
  return ErrnoErrorSlow(e, "close");
}

absl::StatusOr<NativeHandle> PosixOs::Dup(NativeHandle h) const {
#ifdef F_DUPFD_CLOEXEC
  int fd = ::fcntl(ToFd(h), F_DUPFD_CLOEXEC, 0);
  if (fd < 0) return LastError("fcntl");
#else
  int fd = ::dup(ToFd(h));
  if (fd < 0) return LastError("dup");
  if (::fcntl(fd, F_SETFD, FD_CLOEXEC) != 0) {
    int e = errno;
    ::close(fd);
    return ErrnoError(e, "fcntl");
  }
#endif
  return static_cast<NativeHandle>(fd);
}

absl::StatusOr<HandleInfo> PosixOs::Describe(NativeHandle h) const {
  const int fd = ToFd(h);
  NativeSockAddr a;
  std::memset(&a.storage, 0, sizeof(a.storage));
  a.len = sizeof(a.storage);
  if (::getsockname(fd, a.get(), &a.len) != 0) return LastError("getsockname");
  int af = posix_internal::SockAddrFamily(a.get(), a.len);
#ifdef SO_DOMAIN
  if (af <= 0) {
    int domain = 0;
    socklen_t dlen = sizeof(domain);
    if (::getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &dlen) == 0) {
      af = domain;
    }
  }
#endif
  HandleInfo info;
  if (!posix_internal::PortableFamily(af, &info.family) ||
      !HandlesFamily(info.family)) {
    return internal::UnsupportedNativeFamily("getsockname", af, name_);
  }
  int type = 0;
  socklen_t tlen = sizeof(type);
  if (::getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &tlen) != 0) {
    return LastError("getsockopt");
  }
  if (!posix_internal::PortableType(type, &info.type)) {
    return internal::UnsupportedNativeType("getsockopt", type, name_);
  }
#ifdef SO_PROTOCOL
  int proto = 0;
  socklen_t plen = sizeof(proto);
  if (::getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &proto, &plen) != 0) {
    return LastError("getsockopt");
  }
  info.proto = proto;
#endif
  return info;
}

// --- addresses and connections -------------------------------------------------

absl::Status PosixOs::Bind(NativeHandle h, const SocketAddress& addr) const {
  NativeSockAddr a;
  absl::Status status = EncodeAddress(addr, "bind", &a);
  if (!status.ok()) return status;
  if (::bind(ToFd(h), a.get(), a.len) != 0) return LastError("bind");
  return absl::OkStatus();
}

absl::Status PosixOs::Listen(NativeHandle h, int backlog) const {
  if (::listen(ToFd(h), backlog) != 0) return LastError("listen");
  return absl::OkStatus();
}

absl::StatusOr<NativeHandle> PosixOs::Accept(NativeHandle h,
                                             SocketAddress* peer) const {
  NativeSockAddr a;
  a.storage.ss_family = AF_UNSPEC;
  a.len = sizeof(a.storage);
  int fd = ::accept(ToFd(h), a.get(), &a.len);
  if (fd < 0) return LastError("accept");
  const char* failed = nullptr;
  if (::fcntl(fd, F_SETFD, FD_CLOEXEC) != 0) {
    failed = "fcntl";
  } else if (SetNonBlockingFd(fd, false) != 0) {
    // BSD/macOS children inherit O_NONBLOCK (ACC-01): always blocking.
    failed = "ioctl";
  } else if (ApplyNoSigPipe(fd) != 0) {
    failed = "setsockopt";
  }
  if (failed != nullptr) {
    int e = errno;
    ::close(fd);
    return ErrnoError(e, failed);
  }
  if (peer != nullptr) *peer = DecodePeer(a.get(), a.len, "accept");
  return static_cast<NativeHandle>(fd);
}

absl::Status PosixOs::Connect(NativeHandle h,
                              const SocketAddress& addr) const {
  NativeSockAddr a;
  absl::Status status = EncodeAddress(addr, "connect", &a);
  if (!status.ok()) return status;
  if (::connect(ToFd(h), a.get(), a.len) != 0) return LastError("connect");
  return absl::OkStatus();
}

absl::StatusOr<int> PosixOs::PendingError(NativeHandle h) const {
  int err = 0;
  socklen_t len = sizeof(err);
  if (::getsockopt(ToFd(h), SOL_SOCKET, SO_ERROR, &err, &len) != 0) {
    return LastError("getsockopt");
  }
  return err;
}

absl::StatusOr<SocketAddress> PosixOs::GetSockName(NativeHandle h) const {
  NativeSockAddr a;
  a.storage.ss_family = AF_UNSPEC;
  a.len = sizeof(a.storage);
  if (::getsockname(ToFd(h), a.get(), &a.len) != 0) {
    return LastError("getsockname");
  }
  return DecodeAddress(a.get(), a.len, "getsockname");
}

absl::StatusOr<SocketAddress> PosixOs::GetPeerName(NativeHandle h) const {
  NativeSockAddr a;
  a.storage.ss_family = AF_UNSPEC;
  a.len = sizeof(a.storage);
  if (::getpeername(ToFd(h), a.get(), &a.len) != 0) {
    return LastError("getpeername");
  }
  return DecodeAddress(a.get(), a.len, "getpeername");
}

absl::Status PosixOs::Shutdown(NativeHandle h, ShutdownHow how) const {
  if (::shutdown(ToFd(h), NativeShutdownHow(how)) != 0) return LastError("shutdown");
  return absl::OkStatus();
}

// --- data ----------------------------------------------------------------------

absl::StatusOr<size_t> PosixOs::Send(NativeHandle h, const void* data,
                                     size_t len, MsgFlags flags) const {
  int native = 0;
  absl::Status status =
      posix_internal::NativeMsgFlags(flags, "send", name_, &native);
  if (!status.ok()) return status;
  ssize_t n = ::send(ToFd(h), data, len, native | kSendFlags);
  if (n < 0) return SendError("send");
  return static_cast<size_t>(n);
}

absl::StatusOr<size_t> PosixOs::SendTo(NativeHandle h, const void* data,
                                       size_t len, MsgFlags flags,
                                       const SocketAddress& to) const {
  int native = 0;
  absl::Status status =
      posix_internal::NativeMsgFlags(flags, "sendto", name_, &native);
  if (!status.ok()) return status;
  NativeSockAddr a;
  status = EncodeAddress(to, "sendto", &a);
  if (!status.ok()) return status;
  ssize_t n = ::sendto(ToFd(h), data, len, native | kSendFlags, a.get(), a.len);
  if (n < 0) return SendError("sendto");
  return static_cast<size_t>(n);
}

absl::StatusOr<size_t> PosixOs::Recv(NativeHandle h, void* buf, size_t len,
                                     MsgFlags flags) const {
  int native = 0;
  absl::Status status =
      posix_internal::NativeMsgFlags(flags, "recv", name_, &native);
  if (!status.ok()) return status;
  ssize_t n = ::recv(ToFd(h), buf, len, native);
  if (n < 0) return LastError("recv");
  return static_cast<size_t>(n);
}

absl::StatusOr<size_t> PosixOs::RecvFrom(NativeHandle h, void* buf,
                                         size_t len, MsgFlags flags,
                                         SocketAddress* from) const {
  int native = 0;
  absl::Status status =
      posix_internal::NativeMsgFlags(flags, "recvfrom", name_, &native);
  if (!status.ok()) return status;
  NativeSockAddr a;
  a.storage.ss_family = AF_UNSPEC;
  a.len = sizeof(a.storage);
  ssize_t n = ::recvfrom(ToFd(h), buf, len, native, a.get(), &a.len);
  if (n < 0) return LastError("recvfrom");
  if (from != nullptr) *from = DecodePeer(a.get(), a.len, "recvfrom");
  return static_cast<size_t>(n);
}

// --- modes, readiness, options ---------------------------------------------------

absl::Status PosixOs::SetNonBlocking(NativeHandle h, bool on) const {
  if (SetNonBlockingFd(ToFd(h), on) != 0) {
#ifdef FIONBIO
    return LastError("ioctl");
#else
    return LastError("fcntl");
#endif
  }
  return absl::OkStatus();
}

absl::StatusOr<bool> PosixOs::IsNonBlocking(NativeHandle h) const {
  int flags = ::fcntl(ToFd(h), F_GETFL);
  if (flags < 0) return LastError("fcntl");
  return (flags & O_NONBLOCK) != 0;
}

absl::StatusOr<unsigned> PosixOs::Wait(NativeHandle h, unsigned interest,
                                       int timeout_ms) const {
  struct pollfd p;
  p.fd = ToFd(h);
  // poll() silently ignores negative descriptors (and would sleep for the
  // whole timeout): report them as the bad descriptors they are.
  if (p.fd < 0) return ErrnoErrorSlow(EBADF, "poll");
  p.events = 0;
  if (interest & kWantRead) p.events |= POLLIN;
  if (interest & kWantWrite) p.events |= POLLOUT;
  p.revents = 0;
  int rc = ::poll(&p, 1, timeout_ms);
  if (rc < 0) return LastError("poll");
  if (rc == 0) return 0u;
  if (p.revents & POLLNVAL) return ErrnoErrorSlow(EBADF, "poll");
  unsigned ready = 0;
  if (p.revents & POLLIN) ready |= kReadable;
  if (p.revents & POLLOUT) ready |= kWritable;
  if (p.revents & POLLERR) ready |= kErrorReady;
  if (p.revents & POLLHUP) ready |= kHangup;
  return ready;
}

absl::StatusOr<NativeOption> PosixOs::NativeOptionFor(Option option) const {
  return posix_internal::NativeOptionFor(option, name_);
}

int PosixOs::NativeShutdownHow(ShutdownHow how) const {
  return posix_internal::NativeShutdown(how);
}

absl::Status PosixOs::GetSockOpt(NativeHandle h, NativeOption opt, void* buf,
                                 size_t* len) const {
  socklen_t native_len = *len > 0x7fffffff ? socklen_t{0x7fffffff}
                                           : static_cast<socklen_t>(*len);
  if (::getsockopt(ToFd(h), opt.level, opt.name, buf, &native_len) != 0) {
    return LastError("getsockopt");
  }
  *len = native_len;
  return absl::OkStatus();
}

absl::Status PosixOs::SetSockOpt(NativeHandle h, NativeOption opt,
                                 const void* buf, size_t len) const {
  if (len > 0x7fffffff) return InvalidArgument("setsockopt", "len", "too big");
  if (::setsockopt(ToFd(h), opt.level, opt.name, buf,
                   static_cast<socklen_t>(len)) != 0) {
    return LastError("setsockopt");
  }
  return absl::OkStatus();
}

absl::StatusOr<bool> PosixOs::IsInheritable(NativeHandle h) const {
  int flags = ::fcntl(ToFd(h), F_GETFD);
  if (flags < 0) return LastError("fcntl");
  return (flags & FD_CLOEXEC) == 0;
}

absl::Status PosixOs::SetInheritable(NativeHandle h, bool on) const {
  const int fd = ToFd(h);
  int flags = ::fcntl(fd, F_GETFD);
  if (flags < 0) return LastError("fcntl");
  int wanted = on ? (flags & ~FD_CLOEXEC) : (flags | FD_CLOEXEC);
  if (wanted != flags && ::fcntl(fd, F_SETFD, wanted) != 0) {
    return LastError("fcntl");
  }
  return absl::OkStatus();
}

absl::Status PosixOs::Ioctl(NativeHandle /*h*/, IoctlCode code,
                            const IoctlArg& /*arg*/) const {
  return Unimplemented("ioctl", IoctlName(code), name_);
}

// --- structured options ------------------------------------------------------

namespace {

// kLingerName is the SO_LINGER that counts seconds.
#ifdef SO_LINGER_SEC
constexpr int kLingerName = SO_LINGER_SEC;
#else
constexpr int kLingerName = SO_LINGER;
#endif

// kMaxTimevalSeconds bounds tv_sec (a 32-bit time_t's largest value, about
// 68 years, so no system rejects it as out of range).
constexpr int64_t kMaxTimevalSeconds = 0x7fffffff;

}  // namespace

absl::StatusOr<Linger> PosixOs::GetLinger(NativeHandle h) const {
  struct linger native;
  std::memset(&native, 0, sizeof(native));
  socklen_t len = sizeof(native);
  if (::getsockopt(ToFd(h), SOL_SOCKET, kLingerName, &native, &len) != 0) {
    return LastError("getsockopt");
  }
  Linger out;
  out.on = native.l_onoff != 0;
  out.seconds = native.l_linger;
  return out;
}

absl::Status PosixOs::SetLinger(NativeHandle h, Linger linger) const {
  struct linger native;
  std::memset(&native, 0, sizeof(native));
  native.l_onoff = linger.on ? 1 : 0;
  native.l_linger = linger.seconds;
  if (::setsockopt(ToFd(h), SOL_SOCKET, kLingerName, &native,
                   sizeof(native)) != 0) {
    return LastError("setsockopt");
  }
  return absl::OkStatus();
}

absl::StatusOr<absl::Duration> PosixOs::GetTimeOption(NativeHandle h,
                                                      Option option) const {
  absl::StatusOr<NativeOption> opt =
      internal::TimeOptionFor(*this, option, "getsockopt");
  if (!opt.ok()) return opt.status();
  const int name = opt->name;
  struct timeval tv;
  std::memset(&tv, 0, sizeof(tv));
  socklen_t len = sizeof(tv);
  if (::getsockopt(ToFd(h), SOL_SOCKET, name, &tv, &len) != 0) {
    return LastError("getsockopt");
  }
  return absl::Seconds(static_cast<int64_t>(tv.tv_sec)) +
         absl::Microseconds(static_cast<int64_t>(tv.tv_usec));
}

absl::Status PosixOs::SetTimeOption(NativeHandle h, Option option,
                                    absl::Duration value) const {
  absl::StatusOr<NativeOption> opt =
      internal::TimeOptionFor(*this, option, "setsockopt");
  if (!opt.ok()) return opt.status();
  const int name = opt->name;
  struct timeval tv;
  std::memset(&tv, 0, sizeof(tv));  // zero and infinite: no timeout
  if (value != absl::InfiniteDuration() && value > absl::ZeroDuration()) {
    // Round up to whole microseconds: a positive time never becomes 0.
    int64_t seconds = absl::IDivDuration(value, absl::Seconds(1), &value);
    int64_t micros = absl::ToInt64Microseconds(value);
    if (value > absl::Microseconds(micros)) ++micros;
    if (micros == 1000000) {
      ++seconds;
      micros = 0;
    }
    if (seconds > kMaxTimevalSeconds) {
      seconds = kMaxTimevalSeconds;
      micros = 0;
    }
    tv.tv_sec = static_cast<decltype(tv.tv_sec)>(seconds);
    tv.tv_usec = static_cast<decltype(tv.tv_usec)>(micros);
  }
  if (::setsockopt(ToFd(h), SOL_SOCKET, name, &tv, sizeof(tv)) != 0) {
    return LastError("setsockopt");
  }
  return absl::OkStatus();
}

// --- name resolution -----------------------------------------------------------

absl::StatusOr<std::vector<AddrInfo>> PosixOs::GetAddrInfo(
    const char* host, const char* service, const AddrInfoHints& hints) const {
  internal::NativeAddrInfoHints native;
  absl::Status status =
      posix_internal::TranslateAddrInfoHints(hints, name_, &native);
  if (!status.ok()) return status;
  addrinfo in;
  std::memset(&in, 0, sizeof(in));
  in.ai_family = native.family;
  in.ai_socktype = native.socktype;
  in.ai_protocol = native.protocol;
  in.ai_flags = native.flags;
  addrinfo* list = nullptr;
  errno = 0;
  const int rc = ::getaddrinfo(host, service, &in, &list);
  if (rc != 0) {
    const int e = errno;
    if (list != nullptr) ::freeaddrinfo(list);
    return posix_internal::EaiError(rc, e, "getaddrinfo");
  }
  auto decode = [this](const addrinfo& ai) {
    return DecodeAddress(ai.ai_addr, ai.ai_addrlen, "getaddrinfo");
  };
  std::vector<AddrInfo> out = internal::ConvertAddrInfoList(
      list, posix_internal::PortableFamily, posix_internal::PortableType,
      decode);
  ::freeaddrinfo(list);
  return out;
}

absl::StatusOr<NameInfo> PosixOs::GetNameInfo(const SocketAddress& addr,
                                              uint32_t ni_flags) const {
  int flags = 0;
  absl::Status status = posix_internal::NativeNiFlags(ni_flags, name_, &flags);
  if (!status.ok()) return status;
  NativeSockAddr a;
  posix_internal::EncodeInet(addr, &a);
  char host[1025];  // NI_MAXHOST
  char serv[32];    // NI_MAXSERV
  errno = 0;
  const int rc = ::getnameinfo(a.get(), a.len, host, sizeof(host), serv,
                               sizeof(serv), flags);
  if (rc != 0) return posix_internal::EaiError(rc, errno, "getnameinfo");
  NameInfo info;
  info.host = host;
  info.service = serv;
  return info;
}

absl::StatusOr<std::string> PosixOs::GetHostName() const {
  // POSIX host names are at most HOST_NAME_MAX (255 on Linux) bytes; the
  // result may be unterminated when truncated, so the last byte stays NUL.
  char buf[257];
  std::memset(buf, 0, sizeof(buf));
  if (::gethostname(buf, sizeof(buf) - 1) != 0) return LastError("gethostname");
  buf[sizeof(buf) - 1] = '\0';
  return std::string(buf);
}

// --- host, protocol and service databases ------------------------------------

absl::StatusOr<HostEntry> PosixOs::GetHostByName(const char* name) const {
  constexpr std::string_view kCall = "gethostbyname";
#if defined(__GLIBC__)
  return LookupHost(kCall, [name](hostent* entry, char* buf, size_t len,
                                  hostent** result, int* h_err) {
    return ::gethostbyname_r(name, entry, buf, len, result, h_err);
  });
#else
  std::lock_guard<std::mutex> lock(NetdbMutex());
  errno = 0;
  const hostent* h = ::gethostbyname(name);
  if (h == nullptr) return posix_internal::HostError(h_errno, errno, kCall);
  return internal::ConvertHostEntry(*h, AF_INET, AF_INET6);
#endif
}

absl::StatusOr<HostEntry> PosixOs::GetHostByAddr(
    const SocketAddress& addr) const {
  constexpr std::string_view kCall = "gethostbyaddr";
  absl::StatusOr<internal::HostAddress> raw =
      internal::HostAddressOf(addr, AF_INET, AF_INET6, kCall);
  if (!raw.ok()) return raw.status();
#if defined(__GLIBC__)
  return LookupHost(kCall, [&](hostent* entry, char* buf, size_t buf_len,
                               hostent** result, int* h_err) {
    return ::gethostbyaddr_r(raw->bytes.data(),
                             static_cast<socklen_t>(raw->len), raw->af, entry,
                             buf, buf_len, result, h_err);
  });
#else
  std::lock_guard<std::mutex> lock(NetdbMutex());
  errno = 0;
  const hostent* h = ::gethostbyaddr(
      raw->bytes.data(), static_cast<socklen_t>(raw->len), raw->af);
  if (h == nullptr) return posix_internal::HostError(h_errno, errno, kCall);
  return internal::ConvertHostEntry(*h, AF_INET, AF_INET6);
#endif
}

absl::StatusOr<int> PosixOs::GetProtoByName(const char* name) const {
  auto number = [](const protoent& p) { return p.p_proto; };
#if defined(__GLIBC__)
  std::optional<int> found = LookupEntry<protoent>(
      [name](protoent* entry, char* buf, size_t len, protoent** result) {
        return ::getprotobyname_r(name, entry, buf, len, result);
      },
      number);
  if (!found.has_value()) return ProtocolNotFound();
  return *found;
#else
  std::lock_guard<std::mutex> lock(NetdbMutex());
  const protoent* p = ::getprotobyname(name);
  if (p == nullptr) return ProtocolNotFound();
  return number(*p);
#endif
}

absl::StatusOr<uint16_t> PosixOs::GetServByName(const char* name,
                                                const char* proto) const {
  // s_port is the port in network byte order, in an int.
  auto port = [](const servent& s) {
    return ntohs(static_cast<uint16_t>(s.s_port));
  };
#if defined(__GLIBC__)
  std::optional<uint16_t> found = LookupEntry<servent>(
      [name, proto](servent* entry, char* buf, size_t len, servent** result) {
        return ::getservbyname_r(name, proto, entry, buf, len, result);
      },
      port);
  if (!found.has_value()) return ServiceNotFound();
  return *found;
#else
  std::lock_guard<std::mutex> lock(NetdbMutex());
  const servent* s = ::getservbyname(name, proto);
  if (s == nullptr) return ServiceNotFound();
  return port(*s);
#endif
}

absl::StatusOr<std::string> PosixOs::GetServByPort(uint16_t port,
                                                   const char* proto) const {
  const int net_port = static_cast<int>(htons(port));
  auto name = [](const servent& s) {
    return std::string(s.s_name != nullptr ? s.s_name : "");
  };
#if defined(__GLIBC__)
  std::optional<std::string> found = LookupEntry<servent>(
      [net_port, proto](servent* entry, char* buf, size_t len,
                        servent** result) {
        return ::getservbyport_r(net_port, proto, entry, buf, len, result);
      },
      name);
  if (!found.has_value()) return PortNotFound();
  return *found;
#else
  std::lock_guard<std::mutex> lock(NetdbMutex());
  const servent* s = ::getservbyport(net_port, proto);
  if (s == nullptr) return PortNotFound();
  return name(*s);
#endif
}

// --- testing -------------------------------------------------------------------

absl::StatusOr<int> PosixOs::OpenHandleCountForTesting() const {
  int count = CountFdsInDir("/proc/self/fd");
#ifdef __APPLE__
  // macOS's devfs /dev/fd lists every descriptor (FreeBSD's lists only 0-2
  // unless fdescfs is mounted, so it is not used there).
  if (count < 0) count = CountFdsInDir("/dev/fd");
#endif
  if (count < 0) count = CountFdsByProbing();
  return count;
}

const Os& PosixOsInstance() {
  static const PosixOs* const os = new PosixOs();
  return *os;
}

}  // namespace platform
}  // namespace xsock
