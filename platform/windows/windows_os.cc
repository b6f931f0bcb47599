// platform/windows/windows_os.cc: the Windows backend (see windows_os.h).

#include "platform/windows/windows_os.h"

#include <array>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstring>
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
#include "platform/internal/addrinfo.h"
#include "platform/internal/errors.h"
#include "platform/internal/translate.h"
#include "platform/os.h"
#include "platform/windows/errors.h"
#include "platform/windows/sockaddr.h"
#include "platform/windows/translate.h"
#include "platform/windows/winsock.h"

namespace xsock {
namespace platform {

using windows_internal::LastWin32Error;
using windows_internal::LastWsaError;
using windows_internal::NativeSockAddr;
using windows_internal::WsaError;
using windows_internal::WsaErrorSlow;
using windows_internal::WsaErrorWithKind;
using windows_internal::kBackend;

namespace {

static_assert(sizeof(SOCKET) <= sizeof(NativeHandle),
              "a SOCKET fits a NativeHandle (HND-01)");
static_assert(static_cast<NativeHandle>(INVALID_SOCKET) == kInvalidHandle,
              "INVALID_SOCKET is kInvalidHandle");

SOCKET ToSocket(NativeHandle h) { return static_cast<SOCKET>(h); }
NativeHandle FromSocket(SOCKET s) { return static_cast<NativeHandle>(s); }
HANDLE AsHandle(SOCKET s) { return reinterpret_cast<HANDLE>(s); }

// ClampLen converts a buffer length to Winsock's int, clamping at INT_MAX.
int ClampLen(size_t len) {
  return len > static_cast<size_t>(INT_MAX) ? INT_MAX : static_cast<int>(len);
}

bool IsInetFamily(int af) { return af == AF_INET || af == AF_INET6; }

// ProtocolInfo reads SO_PROTOCOL_INFOW: family, type and protocol of `s`.
absl::Status ProtocolInfo(SOCKET s, std::string_view call,
                          WSAPROTOCOL_INFOW* info) {
  int len = sizeof(*info);
  if (::getsockopt(s, SOL_SOCKET, SO_PROTOCOL_INFOW,
                   reinterpret_cast<char*>(info), &len) != 0) {
    return LastWsaError(call);
  }
  return absl::OkStatus();
}

int SetIntOption(SOCKET s, int level, int name, int value) {
  return ::setsockopt(s, level, name, reinterpret_cast<const char*>(&value),
                      sizeof(value));
}

// SocketType reads SO_TYPE; -1 when it cannot (error paths only).
int SocketType(SOCKET s) {
  int type = -1;
  int len = sizeof(type);
  if (::getsockopt(s, SOL_SOCKET, SO_TYPE, reinterpret_cast<char*>(&type),
                   &len) != 0) {
    return -1;
  }
  return type;
}

// SetUdpConnReset turns the reporting of ICMP port unreachable as
// WSAECONNRESET on (connected) or off (unconnected datagram sockets, IO-11).
int SetUdpConnReset(SOCKET s, bool report) {
  BOOL value = report ? TRUE : FALSE;
  DWORD bytes = 0;
  return ::WSAIoctl(s, SIO_UDP_CONNRESET, &value, sizeof(value), nullptr, 0,
                    &bytes, nullptr, nullptr);
}

// DataError is WsaError for send/recv: on a datagram socket WSAECONNRESET
// is an ICMP port unreachable for a connected socket (IO-11), which POSIX
// reports as ECONNREFUSED.
absl::Status DataError(SOCKET s, int err, std::string_view call) {
  if (err == WSAECONNRESET && SocketType(s) == SOCK_DGRAM) {
    return WsaErrorWithKind(ErrorKind::kConnectionRefused, err, call,
                            "connection refused (ICMP port unreachable)");
  }
  return WsaError(err, call);
}

// FinishNewSocket applies the safe defaults to a socket WSASocketW just
// returned (see windows_os.h). Returns OK or the failing call's error; the
// caller closes the socket.
absl::Status FinishNewSocket(SOCKET s, int af, int type, bool nonblocking) {
  if (nonblocking) {
    u_long on = 1;
    if (::ioctlsocket(s, FIONBIO, &on) != 0) return LastWsaError("ioctlsocket");
  }
  if (IsInetFamily(af) && (type == SOCK_STREAM || type == SOCK_DGRAM)) {
    if (SetIntOption(s, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, 1) != 0) {
      return LastWsaError("setsockopt");
    }
    if (type == SOCK_DGRAM && SetUdpConnReset(s, false) != 0) {
      return LastWsaError("WSAIoctl");
    }
  }
  return absl::OkStatus();
}

// BindWildcardIfUnbound binds `s` to the wildcard address of its family,
// port 0, when it is an unbound AF_INET/AF_INET6 socket of native type
// `type` (getsockname says WSAEINVAL). Sets *bound when it did; OK without
// *bound when the socket is bound already, of another type or not an inet
// socket. Only called on error paths.
absl::Status BindWildcardIfUnbound(SOCKET s, int type, std::string_view call,
                                   bool* bound) {
  *bound = false;
  NativeSockAddr a;
  a.len = sizeof(a.storage);
  if (::getsockname(s, a.get(), &a.len) == 0) return absl::OkStatus();
  if (::WSAGetLastError() != WSAEINVAL) return absl::OkStatus();
  WSAPROTOCOL_INFOW info;
  absl::Status status = ProtocolInfo(s, call, &info);
  if (!status.ok() || !IsInetFamily(info.iAddressFamily) ||
      info.iSocketType != type) {
    return absl::OkStatus();
  }
  absl::StatusOr<SocketAddress> any =
      windows_internal::UnspecifiedAddress(info.iAddressFamily, call);
  if (!any.ok()) return absl::OkStatus();
  status = windows_internal::EncodeAddress(*any, call, &a);
  if (!status.ok()) return status;
  if (::bind(s, a.get(), a.len) != 0) return LastWsaError("bind");
  *bound = true;
  return absl::OkStatus();
}

// DecodePeer decodes an address for accept/recvfrom: an address this
// backend cannot represent becomes SocketAddress() rather than an error,
// because the connection or datagram has already been taken.
SocketAddress DecodePeer(const NativeSockAddr& a, std::string_view call) {
  absl::StatusOr<SocketAddress> addr =
      windows_internal::DecodeAddress(a.get(), a.len, call);
  return addr.ok() ? *addr : SocketAddress();
}

std::string_view IoctlName(IoctlCode code) {
  switch (code) {
    case IoctlCode::kRcvAll:
      return "SIO_RCVALL";
    case IoctlCode::kKeepAliveVals:
      return "SIO_KEEPALIVE_VALS";
    case IoctlCode::kLoopbackFastPath:
      return "SIO_LOOPBACK_FAST_PATH";
  }
  return "WSAIoctl";
}

// ReadBool interprets an option value of `len` bytes as a boolean (any
// non-zero byte is true), for callers passing an int, a BOOL or a char.
bool ReadBool(const void* buf, size_t len) {
  const unsigned char* p = static_cast<const unsigned char*>(buf);
  for (size_t i = 0; i < len; ++i) {
    if (p[i] != 0) return true;
  }
  return false;
}

// PosixLinger is the POSIX layout of struct linger, accepted as well as
// Winsock's two u_shorts.
struct PosixLinger {
  int l_onoff;
  int l_linger;
};

static_assert(sizeof(timeval) != sizeof(DWORD),
              "a timeval and a DWORD can be told apart by size");
static_assert(sizeof(PosixLinger) != sizeof(linger),
              "the two linger layouts can be told apart by size");

}  // namespace

// --- lifetime of Winsock -----------------------------------------------------

// winsock_ (a WinsockScope) acquires the reference and releases it.
WindowsOs::WindowsOs() = default;

WindowsOs::~WindowsOs() = default;

std::string_view WindowsOs::Name() const { return kBackend; }

// --- capabilities ----------------------------------------------------------

namespace {

bool ProbeSocket(int af, int type, int proto) {
  SOCKET s =
      ::WSASocketW(af, type, proto, nullptr, 0, WSA_FLAG_NO_HANDLE_INHERIT);
  if (s == INVALID_SOCKET) return false;
  ::closesocket(s);
  return true;
}

bool ProbeHandleInformation() {
  SOCKET s = ::WSASocketW(AF_INET, SOCK_STREAM, 0, nullptr, 0,
                          WSA_FLAG_NO_HANDLE_INHERIT);
  if (s == INVALID_SOCKET) return false;
  DWORD flags = 0;
  const bool ok = ::GetHandleInformation(AsHandle(s), &flags) != 0 &&
                  (flags & HANDLE_FLAG_INHERIT) == 0;
  ::closesocket(s);
  return ok;
}

}  // namespace

bool WindowsOs::ProbeCapability(Capability c) const {
  if (winsock_.error() != 0) return false;
  switch (c) {
    case Capability::kIpv6:
      return ProbeSocket(AF_INET6, SOCK_STREAM, 0);
    case Capability::kUnixSockets:
      return ProbeSocket(AF_UNIX, SOCK_STREAM, 0);
    case Capability::kUnixDatagram:
      return ProbeSocket(AF_UNIX, SOCK_DGRAM, 0);
    case Capability::kInheritanceQuery:
      return ProbeHandleInformation();
    case Capability::kWinsockIoctl:
      return true;
    case Capability::kHandleCount: {
      // Every Windows process has handles open; a count of 0 means the
      // call does not really count (wine answers 0).
      DWORD count = 0;
      return ::GetProcessHandleCount(::GetCurrentProcess(), &count) != 0 &&
             count > 0;
    }
    case Capability::kUnixAbstract:
    case Capability::kUnixAutobind:
    case Capability::kNativeSocketPair:
    case Capability::kAtomicCloexec:  // accept() is not (see windows_os.h)
    case Capability::kSignals:
    case Capability::kNetlink:
    case Capability::kTipc:
      return false;
  }
  return false;
}

bool WindowsOs::Supports(Capability c) const {
  return capabilities_.Get(
      c, [this](Capability probed) { return ProbeCapability(probed); });
}

size_t WindowsOs::UnixPathMax() const {
  return Supports(Capability::kUnixSockets) ? windows_internal::kUnixSunPathSize
                                            : 0;
}

// --- errors ------------------------------------------------------------------

absl::Status WindowsOs::ErrorFromNative(int code, std::string_view call) const {
  return WsaError(code, call);
}

ErrorKind WindowsOs::KindOfNative(int code) const {
  return windows_internal::WsaKind(code);
}

int WindowsOs::WouldBlockCode() const { return WSAEWOULDBLOCK; }

// --- lifetime ----------------------------------------------------------------

absl::StatusOr<NativeHandle> WindowsOs::Socket(Family family, Type type,
                                               int proto,
                                               CreateOptions options) const {
  if (winsock_.error() != 0) return winsock_.status();
  const int af = windows_internal::NativeFamily(family);
  if (af < 0) return internal::UnsupportedFamily("socket", family, kBackend);
  const int native_type = windows_internal::NativeType(type);
  if (native_type < 0) {
    return internal::UnsupportedType("socket", type, kBackend);
  }
  const DWORD flags = WSA_FLAG_OVERLAPPED |
                      (options.inheritable ? 0 : WSA_FLAG_NO_HANDLE_INHERIT);
  SOCKET s = ::WSASocketW(af, native_type, proto, nullptr, 0, flags);
  if (s == INVALID_SOCKET) return LastWsaError("socket");
  absl::Status status =
      FinishNewSocket(s, af, native_type, options.nonblocking);
  if (!status.ok()) {
    ::closesocket(s);
    return status;
  }
  return FromSocket(s);
}

absl::StatusOr<std::array<NativeHandle, 2>> WindowsOs::SocketPair(
    Family /*family*/, Type /*type*/, int /*proto*/,
    CreateOptions /*options*/) const {
  return Unimplemented("socketpair", "socketpair()", kBackend);
}

absl::Status WindowsOs::Close(NativeHandle h) const {
  const SOCKET s = ToSocket(h);
  if (::closesocket(s) == 0) return absl::OkStatus();
  int err = ::WSAGetLastError();
  if (err == WSAEWOULDBLOCK) {
    // A non-blocking socket with a linger timeout is still open (CLOSE-05):
    // close it in blocking mode, which waits for the linger time.
    u_long off = 0;
    if (::ioctlsocket(s, FIONBIO, &off) == 0 && ::closesocket(s) == 0) {
      return absl::OkStatus();
    }
    err = ::WSAGetLastError();
  }
  if (err == WSAEINTR) return absl::OkStatus();  // released either way
  return WsaErrorSlow(err, "closesocket");
}

absl::StatusOr<NativeHandle> WindowsOs::Dup(NativeHandle h) const {
  WSAPROTOCOL_INFOW info;
  if (::WSADuplicateSocketW(ToSocket(h), ::GetCurrentProcessId(), &info) != 0) {
    return LastWsaError("WSADuplicateSocketW");
  }
  SOCKET s =
      ::WSASocketW(FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO,
                   &info, 0, WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT);
  if (s == INVALID_SOCKET) return LastWsaError("WSASocketW");
  return FromSocket(s);
}

absl::StatusOr<HandleInfo> WindowsOs::Describe(NativeHandle h) const {
  WSAPROTOCOL_INFOW info;
  absl::Status status = ProtocolInfo(ToSocket(h), "getsockopt", &info);
  if (!status.ok()) return status;
  HandleInfo out;
  if (!windows_internal::PortableFamily(info.iAddressFamily, &out.family)) {
    return internal::UnsupportedNativeFamily("getsockopt", info.iAddressFamily,
                                             kBackend);
  }
  if (!windows_internal::PortableType(info.iSocketType, &out.type)) {
    return internal::UnsupportedNativeType("getsockopt", info.iSocketType,
                                           kBackend);
  }
  out.proto = info.iProtocol;
  return out;
}

// --- addresses and connections -----------------------------------------------

absl::Status WindowsOs::Bind(NativeHandle h, const SocketAddress& addr) const {
  NativeSockAddr a;
  absl::Status status = windows_internal::EncodeAddress(addr, "bind", &a);
  if (!status.ok()) return status;
  if (::bind(ToSocket(h), a.get(), a.len) == 0) return absl::OkStatus();
  const int err = ::WSAGetLastError();
  if (err == WSAEACCES && addr.is_inet() &&
      !(addr.family() == Family::kInet &&
        addr.ipv4() == std::array<uint8_t, 4>{255, 255, 255, 255})) {
    // BIND-02: a port held with SO_EXCLUSIVEADDRUSE (or reserved by the
    // system) is WSAEACCES; POSIX says EADDRINUSE.
    return WsaErrorWithKind(
        ErrorKind::kAddressInUse, err, "bind",
        "address already in use (held exclusively by another socket, or "
        "reserved by the system)");
  }
  return WsaError(err, "bind");
}

absl::Status WindowsOs::Listen(NativeHandle h, int backlog) const {
  const SOCKET s = ToSocket(h);
  if (::listen(s, backlog) == 0) return absl::OkStatus();
  const int err = ::WSAGetLastError();
  if (err == WSAEINVAL) {
    const int type = SocketType(s);
    if (type != -1 && type != SOCK_STREAM) {
      // An unbound datagram socket answers WSAEINVAL before WSAEOPNOTSUPP;
      // POSIX says EOPNOTSUPP whether bound or not.
      return WsaErrorWithKind(ErrorKind::kOperationNotSupported, err, "listen");
    }
    // BIND-11: listen() binds an unbound socket implicitly on POSIX.
    bool bound = false;
    absl::Status status =
        BindWildcardIfUnbound(s, SOCK_STREAM, "listen", &bound);
    if (!status.ok()) return status;
    if (bound) {
      if (::listen(s, backlog) == 0) return absl::OkStatus();
      return LastWsaError("listen");
    }
  }
  return WsaError(err, "listen");
}

absl::StatusOr<NativeHandle> WindowsOs::Accept(NativeHandle h,
                                               SocketAddress* peer) const {
  NativeSockAddr a;
  a.storage.ss_family = AF_UNSPEC;
  a.len = sizeof(a.storage);
  SOCKET c = ::accept(ToSocket(h), a.get(), &a.len);
  if (c == INVALID_SOCKET) return LastWsaError("accept");
  // The child is inheritable and inherits FIONBIO (HND-04, ACC-01).
  const char* failed = nullptr;
  int err = 0;
  u_long off = 0;
  if (::SetHandleInformation(AsHandle(c), HANDLE_FLAG_INHERIT, 0) == 0) {
    err = static_cast<int>(::GetLastError());
    failed = "SetHandleInformation";
  } else if (::ioctlsocket(c, FIONBIO, &off) != 0) {
    err = ::WSAGetLastError();
    failed = "ioctlsocket";
  }
  if (failed != nullptr) {
    ::closesocket(c);
    return WsaError(err, failed);
  }
  if (peer != nullptr) *peer = DecodePeer(a, "accept");
  return FromSocket(c);
}

absl::Status WindowsOs::Connect(NativeHandle h,
                                const SocketAddress& addr) const {
  NativeSockAddr a;
  absl::Status status = windows_internal::EncodeAddress(addr, "connect", &a);
  if (!status.ok()) return status;
  const SOCKET s = ToSocket(h);
  if (windows_internal::IsLoopback(addr)) {
    // CONN-04: no SYN retransmissions towards loopback, so a refused
    // connect fails at once instead of after about 2 s. Best effort.
    TCP_INITIAL_RTO_PARAMETERS rto;
    rto.Rtt = TCP_INITIAL_RTO_UNSPECIFIED_RTT;
    rto.MaxSynRetransmissions = TCP_INITIAL_RTO_NO_SYN_RETRANSMISSIONS;
    DWORD bytes = 0;
    (void)::WSAIoctl(s, SIO_TCP_INITIAL_RTO, &rto, sizeof(rto), nullptr, 0,
                     &bytes, nullptr, nullptr);
  }
  if (::connect(s, a.get(), a.len) == 0) {
    // IO-11: a connected datagram socket reports ICMP port unreachable, as
    // on POSIX (it was turned off at creation for unconnected use).
    if (addr.is_inet() && SocketType(s) == SOCK_DGRAM) {
      (void)SetUdpConnReset(s, true);
    }
    return absl::OkStatus();
  }
  const int err = ::WSAGetLastError();
  if (err == WSAEWOULDBLOCK) {
    // CONN-01: Winsock's "in progress" is WSAEWOULDBLOCK.
    return WsaErrorWithKind(ErrorKind::kInProgress, err, "connect");
  }
  return WsaError(err, "connect");
}

absl::StatusOr<int> WindowsOs::PendingError(NativeHandle h) const {
  int err = 0;
  int len = sizeof(err);
  if (::getsockopt(ToSocket(h), SOL_SOCKET, SO_ERROR,
                   reinterpret_cast<char*>(&err), &len) != 0) {
    return LastWsaError("getsockopt");
  }
  return err;
}

absl::StatusOr<SocketAddress> WindowsOs::GetSockName(NativeHandle h) const {
  const SOCKET s = ToSocket(h);
  NativeSockAddr a;
  a.storage.ss_family = AF_UNSPEC;
  a.len = sizeof(a.storage);
  if (::getsockname(s, a.get(), &a.len) == 0) {
    return windows_internal::DecodeAddress(a.get(), a.len, "getsockname");
  }
  const int err = ::WSAGetLastError();
  if (err != WSAEINVAL) return WsaError(err, "getsockname");
  // BIND-10: an unbound socket is WSAEINVAL; POSIX reports the family's
  // unspecified address.
  WSAPROTOCOL_INFOW info;
  absl::Status status = ProtocolInfo(s, "getsockname", &info);
  if (!status.ok()) return WsaError(err, "getsockname");
  return windows_internal::UnspecifiedAddress(info.iAddressFamily,
                                              "getsockname");
}

absl::StatusOr<SocketAddress> WindowsOs::GetPeerName(NativeHandle h) const {
  NativeSockAddr a;
  a.storage.ss_family = AF_UNSPEC;
  a.len = sizeof(a.storage);
  if (::getpeername(ToSocket(h), a.get(), &a.len) != 0) {
    return LastWsaError("getpeername");
  }
  return windows_internal::DecodeAddress(a.get(), a.len, "getpeername");
}

absl::Status WindowsOs::Shutdown(NativeHandle h, ShutdownHow how) const {
  const SOCKET s = ToSocket(h);
  if (SocketType(s) == SOCK_DGRAM) {
    // Winsock shuts down an unconnected datagram socket without complaint;
    // POSIX says ENOTCONN.
    NativeSockAddr peer;
    peer.len = sizeof(peer.storage);
    if (::getpeername(s, peer.get(), &peer.len) != 0 &&
        ::WSAGetLastError() == WSAENOTCONN) {
      return WsaErrorWithKind(ErrorKind::kNotConnected, WSAENOTCONN,
                              "shutdown");
    }
  }
  if (::shutdown(s, NativeShutdownHow(how)) != 0) {
    return LastWsaError("shutdown");
  }
  return absl::OkStatus();
}

// --- data --------------------------------------------------------------------

absl::StatusOr<size_t> WindowsOs::Send(NativeHandle h, const void* data,
                                       size_t len, MsgFlags flags) const {
  int native = 0;
  absl::Status status =
      windows_internal::NativeMsgFlags(flags, /*send=*/true, "send", &native);
  if (!status.ok()) return status;
  const SOCKET s = ToSocket(h);
  const int n =
      ::send(s, static_cast<const char*>(data), ClampLen(len), native);
  if (n == SOCKET_ERROR) {
    const int err = ::WSAGetLastError();
    if (err == WSAEWOULDBLOCK) return WouldBlockError();
    return DataError(s, err, "send");
  }
  return static_cast<size_t>(n);
}

absl::StatusOr<size_t> WindowsOs::SendTo(NativeHandle h, const void* data,
                                         size_t len, MsgFlags flags,
                                         const SocketAddress& to) const {
  int native = 0;
  absl::Status status =
      windows_internal::NativeMsgFlags(flags, /*send=*/true, "sendto", &native);
  if (!status.ok()) return status;
  NativeSockAddr a;
  status = windows_internal::EncodeAddress(to, "sendto", &a);
  if (!status.ok()) return status;
  const SOCKET s = ToSocket(h);
  const int n = ::sendto(s, static_cast<const char*>(data), ClampLen(len),
                         native, a.get(), a.len);
  if (n == SOCKET_ERROR) {
    const int err = ::WSAGetLastError();
    if (err == WSAEWOULDBLOCK) return WouldBlockError();
    return DataError(s, err, "sendto");
  }
  return static_cast<size_t>(n);
}

absl::StatusOr<size_t> WindowsOs::Recv(NativeHandle h, void* buf, size_t len,
                                       MsgFlags flags) const {
  return RecvImpl(h, buf, len, flags, nullptr, "recv");
}

absl::StatusOr<size_t> WindowsOs::RecvFrom(NativeHandle h, void* buf,
                                           size_t len, MsgFlags flags,
                                           SocketAddress* from) const {
  SocketAddress ignored;
  return RecvImpl(h, buf, len, flags, from != nullptr ? from : &ignored,
                  "recvfrom");
}

absl::StatusOr<size_t> WindowsOs::RecvImpl(NativeHandle h, void* buf,
                                           size_t len, MsgFlags flags,
                                           SocketAddress* from,
                                           std::string_view call) const {
  int native = 0;
  absl::Status status =
      windows_internal::NativeMsgFlags(flags, /*send=*/false, call, &native);
  if (!status.ok()) return status;
  const SOCKET s = ToSocket(h);
  const int n_len = ClampLen(len);
  char* const p = static_cast<char*>(buf);
  NativeSockAddr a;
  // At most two attempts: the second after binding an unbound datagram
  // socket (BIND-12).
  for (int attempt = 0;; ++attempt) {
    int n;
    if (from == nullptr) {
      n = ::recv(s, p, n_len, native);
    } else {
      a.storage.ss_family = AF_UNSPEC;
      a.len = sizeof(a.storage);
      n = ::recvfrom(s, p, n_len, native, a.get(), &a.len);
    }
    if (n != SOCKET_ERROR) {
      if (from != nullptr) *from = DecodePeer(a, call);
      return static_cast<size_t>(n);
    }
    const int err = ::WSAGetLastError();
    if (err == WSAEWOULDBLOCK) return WouldBlockError();
    if (err == WSAEMSGSIZE) {
      // IO-05: a datagram longer than the buffer filled it; POSIX returns
      // the truncated length.
      if (from != nullptr) *from = DecodePeer(a, call);
      return static_cast<size_t>(n_len);
    }
    if (err == WSAESHUTDOWN) {
      // After shutdown(SD_RECEIVE/SD_BOTH) POSIX reads end of stream.
      return size_t{0};
    }
    if (err == WSAEINVAL && attempt == 0) {
      bool bound = false;
      status = BindWildcardIfUnbound(s, SOCK_DGRAM, call, &bound);
      if (!status.ok()) return status;
      if (bound) continue;
    }
    if (err == WSAEOPNOTSUPP && HasFlag(flags, MsgFlags::kWaitAll)) {
      // IO-03: Windows has MSG_WAITALL only for blocking stream sockets and
      // not together with MSG_PEEK.
      return Unimplemented(call,
                           "MSG_WAITALL on a non-blocking or datagram socket, "
                           "or with MSG_PEEK,",
                           kBackend);
    }
    return DataError(s, err, call);
  }
}

// --- modes, readiness, options -----------------------------------------------

absl::Status WindowsOs::SetNonBlocking(NativeHandle h, bool on) const {
  u_long value = on ? 1 : 0;
  if (::ioctlsocket(ToSocket(h), FIONBIO, &value) != 0) {
    return LastWsaError("ioctlsocket");
  }
  return absl::OkStatus();
}

absl::StatusOr<bool> WindowsOs::IsNonBlocking(NativeHandle /*h*/) const {
  return Unimplemented(
      "ioctlsocket", "reading back the non-blocking mode (FIONBIO)", kBackend);
}

absl::StatusOr<unsigned> WindowsOs::Wait(NativeHandle h, unsigned interest,
                                         int timeout_ms) const {
  const SOCKET s = ToSocket(h);
  fd_set read_set;
  fd_set write_set;
  fd_set except_set;
  FD_ZERO(&read_set);
  FD_ZERO(&write_set);
  FD_ZERO(&except_set);
  const bool want_read = (interest & kWantRead) != 0;
  const bool want_write = (interest & kWantWrite) != 0;
  if (want_read) FD_SET(s, &read_set);
  if (want_write) FD_SET(s, &write_set);
  // The except set carries a failed connect (CONN-02); with no interest at
  // all it keeps select() valid (all sets empty is WSAEINVAL, HND-03).
  if (want_write || !want_read) FD_SET(s, &except_set);
  timeval tv;
  timeval* timeout = nullptr;
  if (timeout_ms >= 0) {
    tv.tv_sec = timeout_ms / 1000;
    tv.tv_usec = (timeout_ms % 1000) * 1000;
    timeout = &tv;
  }
  const int rc =
      ::select(0, want_read ? &read_set : nullptr,
               want_write ? &write_set : nullptr, &except_set, timeout);
  if (rc == SOCKET_ERROR) return LastWsaError("select");
  if (rc == 0) return 0u;
  unsigned ready = 0;
  if (want_read && FD_ISSET(s, &read_set)) ready |= kReadable;
  if (want_write && FD_ISSET(s, &write_set)) ready |= kWritable;
  if (FD_ISSET(s, &except_set)) ready |= kErrorReady;
  return ready;
}

absl::StatusOr<NativeOption> WindowsOs::NativeOptionFor(Option option) const {
  return windows_internal::NativeOptionFor(option);
}

int WindowsOs::NativeShutdownHow(ShutdownHow how) const {
  return windows_internal::NativeShutdown(how);
}

namespace {

// IsSocketOption is whether `opt` is (SOL_SOCKET, name).
bool IsSocketOption(NativeOption opt, int name) {
  return opt.level == SOL_SOCKET && opt.name == name;
}

bool IsTimeoutOption(NativeOption opt) {
  return IsSocketOption(opt, SO_RCVTIMEO) || IsSocketOption(opt, SO_SNDTIMEO);
}

// IsLeaveGroupOption is whether `opt` with a value of `len` bytes leaves a
// multicast group (IP_DROP_MEMBERSHIP with an ip_mreq, IPV6_LEAVE_GROUP
// with an ipv6_mreq).
bool IsLeaveGroupOption(NativeOption opt, size_t len) {
  return (opt.level == IPPROTO_IP && opt.name == IP_DROP_MEMBERSHIP &&
          len == sizeof(ip_mreq)) ||
         (opt.level == IPPROTO_IPV6 && opt.name == IPV6_LEAVE_GROUP &&
          len == sizeof(ipv6_mreq));
}

// GetReuseAddr answers SO_REUSEADDR for an AF_INET/AF_INET6 socket: 1 when
// the socket is not exclusive (see windows_os.h, "Options").
absl::Status GetReuseAddr(SOCKET s, void* buf, size_t* len) {
  int exclusive = 0;
  int n = sizeof(exclusive);
  if (::getsockopt(s, SOL_SOCKET, SO_EXCLUSIVEADDRUSE,
                   reinterpret_cast<char*>(&exclusive), &n) != 0) {
    return LastWsaError("getsockopt");
  }
  const int value = exclusive != 0 ? 0 : 1;
  if (*len < sizeof(value)) {
    return InvalidArgument("getsockopt", "len",
                           "SO_REUSEADDR needs an int-sized buffer");
  }
  std::memcpy(buf, &value, sizeof(value));
  *len = sizeof(value);
  return absl::OkStatus();
}

// SetReuseAddr gives SO_REUSEADDR its portable meaning on an
// AF_INET/AF_INET6 socket of native type `type` (see windows_os.h). The
// options are changed in an order that never has both set (WSAEINVAL).
absl::Status SetReuseAddr(SOCKET s, int type, bool on) {
  if (on) {
    if (SetIntOption(s, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, 0) != 0) {
      return LastWsaError("setsockopt");
    }
    if (type == SOCK_DGRAM &&
        SetIntOption(s, SOL_SOCKET, SO_REUSEADDR, 1) != 0) {
      return LastWsaError("setsockopt");
    }
    return absl::OkStatus();
  }
  if (SetIntOption(s, SOL_SOCKET, SO_REUSEADDR, 0) != 0 ||
      SetIntOption(s, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, 1) != 0) {
    return LastWsaError("setsockopt");
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status WindowsOs::GetSockOpt(NativeHandle h, NativeOption opt, void* buf,
                                   size_t* len) const {
  const SOCKET s = ToSocket(h);
  if (IsSocketOption(opt, SO_REUSEADDR)) {
    WSAPROTOCOL_INFOW info;
    absl::Status status = ProtocolInfo(s, "getsockopt", &info);
    if (!status.ok()) return status;
    if (IsInetFamily(info.iAddressFamily)) return GetReuseAddr(s, buf, len);
  }
  if (IsTimeoutOption(opt) && *len == sizeof(timeval)) {
    DWORD ms = 0;
    int n = sizeof(ms);
    if (::getsockopt(s, opt.level, opt.name, reinterpret_cast<char*>(&ms),
                     &n) != 0) {
      return LastWsaError("getsockopt");
    }
    timeval tv;
    tv.tv_sec = static_cast<long>(ms / 1000);
    tv.tv_usec = static_cast<long>((ms % 1000) * 1000);
    std::memcpy(buf, &tv, sizeof(tv));
    return absl::OkStatus();
  }
  if (IsSocketOption(opt, SO_LINGER) && *len == sizeof(PosixLinger)) {
    linger native;
    int n = sizeof(native);
    if (::getsockopt(s, opt.level, opt.name, reinterpret_cast<char*>(&native),
                     &n) != 0) {
      return LastWsaError("getsockopt");
    }
    PosixLinger out{native.l_onoff, native.l_linger};
    std::memcpy(buf, &out, sizeof(out));
    return absl::OkStatus();
  }
  int n = ClampLen(*len);
  if (::getsockopt(s, opt.level, opt.name, static_cast<char*>(buf), &n) != 0) {
    return LastWsaError("getsockopt");
  }
  if (n > 0 && static_cast<size_t>(n) < sizeof(int) && *len >= sizeof(int)) {
    // A one-byte boolean (TCP_NODELAY, SO_DONTROUTE, IPV6_V6ONLY, ...):
    // widen it to the int the caller's buffer holds.
    uint32_t value = 0;
    std::memcpy(&value, buf, static_cast<size_t>(n));
    const int widened = static_cast<int>(value);
    std::memcpy(buf, &widened, sizeof(widened));
    n = sizeof(int);
  }
  *len = static_cast<size_t>(n);
  return absl::OkStatus();
}

absl::Status WindowsOs::SetSockOpt(NativeHandle h, NativeOption opt,
                                   const void* buf, size_t len) const {
  if (len > static_cast<size_t>(INT_MAX)) {
    return InvalidArgument("setsockopt", "len", "too big");
  }
  const SOCKET s = ToSocket(h);
  if (IsSocketOption(opt, SO_REUSEADDR)) {
    WSAPROTOCOL_INFOW info;
    absl::Status status = ProtocolInfo(s, "setsockopt", &info);
    if (!status.ok()) return status;
    if (IsInetFamily(info.iAddressFamily)) {
      return SetReuseAddr(s, info.iSocketType, ReadBool(buf, len));
    }
  }
  if (IsTimeoutOption(opt) && len == sizeof(timeval)) {
    // OPT-01: never read a timeval as milliseconds.
    timeval tv;
    std::memcpy(&tv, buf, sizeof(tv));
    if (tv.tv_sec < 0 || tv.tv_usec < 0) {
      return InvalidArgument("setsockopt", "value", "negative timeout");
    }
    uint64_t ms = static_cast<uint64_t>(tv.tv_sec) * 1000 +
                  (static_cast<uint64_t>(tv.tv_usec) + 999) / 1000;
    if (ms > 0xFFFFFFFEu) ms = 0xFFFFFFFEu;
    const DWORD value = static_cast<DWORD>(ms);
    if (::setsockopt(s, opt.level, opt.name,
                     reinterpret_cast<const char*>(&value),
                     sizeof(value)) != 0) {
      return LastWsaError("setsockopt");
    }
    return absl::OkStatus();
  }
  if (IsSocketOption(opt, SO_LINGER) && len == sizeof(PosixLinger)) {
    PosixLinger in;
    std::memcpy(&in, buf, sizeof(in));
    if (in.l_linger < 0 || in.l_linger > 0xFFFF) {
      return InvalidArgument("setsockopt", "value",
                             "SO_LINGER time outside 0..65535 seconds");
    }
    linger native;
    native.l_onoff = static_cast<u_short>(in.l_onoff != 0 ? 1 : 0);
    native.l_linger = static_cast<u_short>(in.l_linger);
    if (::setsockopt(s, opt.level, opt.name,
                     reinterpret_cast<const char*>(&native),
                     sizeof(native)) != 0) {
      return LastWsaError("setsockopt");
    }
    return absl::OkStatus();
  }
  if (::setsockopt(s, opt.level, opt.name, static_cast<const char*>(buf),
                   static_cast<int>(len)) != 0) {
    const int code = ::WSAGetLastError();
    if (code == WSAEINVAL && IsLeaveGroupOption(opt, len)) {
      // OPT-29/OPT-30: Windows answers WSAEINVAL for leaving a group the
      // socket is not a member of, POSIX EADDRNOTAVAIL.
      return WsaErrorWithKind(ErrorKind::kAddressNotAvailable, code,
                              "setsockopt",
                              "not a member of this multicast group");
    }
    return WsaError(code, "setsockopt");
  }
  return absl::OkStatus();
}

absl::StatusOr<bool> WindowsOs::IsInheritable(NativeHandle h) const {
  DWORD flags = 0;
  if (::GetHandleInformation(AsHandle(ToSocket(h)), &flags) == 0) {
    return LastWin32Error("GetHandleInformation");
  }
  return (flags & HANDLE_FLAG_INHERIT) != 0;
}

absl::Status WindowsOs::SetInheritable(NativeHandle h, bool on) const {
  if (::SetHandleInformation(AsHandle(ToSocket(h)), HANDLE_FLAG_INHERIT,
                             on ? HANDLE_FLAG_INHERIT : 0) == 0) {
    return LastWin32Error("SetHandleInformation");
  }
  return absl::OkStatus();
}

absl::Status WindowsOs::Ioctl(NativeHandle h, IoctlCode code,
                              const IoctlArg& arg) const {
  const SOCKET s = ToSocket(h);
  DWORD bytes = 0;
  int rc = 0;
  switch (code) {
    case IoctlCode::kRcvAll: {
      DWORD mode = arg.value;
      rc = ::WSAIoctl(s, SIO_RCVALL, &mode, sizeof(mode), nullptr, 0, &bytes,
                      nullptr, nullptr);
      break;
    }
    case IoctlCode::kKeepAliveVals: {
      tcp_keepalive ka;
      ka.onoff = arg.value;
      ka.keepalivetime = arg.keepalive_time_ms;
      ka.keepaliveinterval = arg.keepalive_interval_ms;
      rc = ::WSAIoctl(s, SIO_KEEPALIVE_VALS, &ka, sizeof(ka), nullptr, 0,
                      &bytes, nullptr, nullptr);
      break;
    }
    case IoctlCode::kLoopbackFastPath: {
      DWORD value = arg.value;
      rc = ::WSAIoctl(s, SIO_LOOPBACK_FAST_PATH, &value, sizeof(value), nullptr,
                      0, &bytes, nullptr, nullptr);
      break;
    }
    default:
      return InvalidArgument("ioctl", "code", "invalid ioctl command");
  }
  if (rc == 0) return absl::OkStatus();
  const int err = ::WSAGetLastError();
  if (code == IoctlCode::kRcvAll) {
    // WIN-01: both ways of failing say what SIO_RCVALL needs.
    constexpr std::string_view kNeeds =
        "SIO_RCVALL needs administrator rights and a raw socket bound to one "
        "interface address (not the wildcard address)";
    if (err == WSAEACCES) {
      return WsaErrorWithKind(ErrorKind::kPermissionDenied, err, "ioctl",
                              kNeeds);
    }
    if (err == WSAEINVAL || err == WSAEOPNOTSUPP) {
      return WsaErrorWithKind(ErrorKind::kInvalidArgument, err, "ioctl",
                              kNeeds);
    }
  }
  const ErrorKind kind = windows_internal::WsaKind(err);
  std::string message(IoctlName(code));
  message += ": ";
  message += ErrorKindText(kind);
  return WsaErrorWithKind(kind, err, "ioctl", message);
}

// --- structured options ------------------------------------------------------

namespace {

// kMaxTimeoutMs is the largest DWORD timeout (0xFFFFFFFF is not special,
// but stays clear of any "infinite" reading).
constexpr uint64_t kMaxTimeoutMs = 0xFFFFFFFEu;

}  // namespace

absl::StatusOr<Linger> WindowsOs::GetLinger(NativeHandle h) const {
  linger native;
  std::memset(&native, 0, sizeof(native));
  int n = sizeof(native);
  if (::getsockopt(ToSocket(h), SOL_SOCKET, SO_LINGER,
                   reinterpret_cast<char*>(&native), &n) != 0) {
    return LastWsaError("getsockopt");
  }
  Linger out;
  out.on = native.l_onoff != 0;
  out.seconds = native.l_linger;
  return out;
}

absl::Status WindowsOs::SetLinger(NativeHandle h, Linger value) const {
  linger native;
  native.l_onoff = static_cast<u_short>(value.on ? 1 : 0);
  native.l_linger = static_cast<u_short>(value.seconds);
  if (::setsockopt(ToSocket(h), SOL_SOCKET, SO_LINGER,
                   reinterpret_cast<const char*>(&native),
                   sizeof(native)) != 0) {
    return LastWsaError("setsockopt");
  }
  return absl::OkStatus();
}

absl::StatusOr<absl::Duration> WindowsOs::GetTimeOption(NativeHandle h,
                                                        Option option) const {
  absl::StatusOr<NativeOption> opt =
      internal::TimeOptionFor(*this, option, "getsockopt");
  if (!opt.ok()) return opt.status();
  const int name = opt->name;
  DWORD ms = 0;
  int n = sizeof(ms);
  if (::getsockopt(ToSocket(h), SOL_SOCKET, name, reinterpret_cast<char*>(&ms),
                   &n) != 0) {
    return LastWsaError("getsockopt");
  }
  return absl::Milliseconds(static_cast<int64_t>(ms));
}

absl::Status WindowsOs::SetTimeOption(NativeHandle h, Option option,
                                      absl::Duration value) const {
  absl::StatusOr<NativeOption> opt =
      internal::TimeOptionFor(*this, option, "setsockopt");
  if (!opt.ok()) return opt.status();
  const int name = opt->name;
  DWORD ms = 0;  // zero and infinite: no timeout
  if (value != absl::InfiniteDuration() && value > absl::ZeroDuration()) {
    // Round up to whole milliseconds: a positive time never becomes 0.
    absl::Duration rest;
    int64_t whole = absl::IDivDuration(value, absl::Milliseconds(1), &rest);
    if (rest > absl::ZeroDuration()) ++whole;
    const uint64_t clamped = static_cast<uint64_t>(whole) > kMaxTimeoutMs
                                 ? kMaxTimeoutMs
                                 : static_cast<uint64_t>(whole);
    ms = static_cast<DWORD>(clamped);
  }
  if (::setsockopt(ToSocket(h), SOL_SOCKET, name,
                   reinterpret_cast<const char*>(&ms), sizeof(ms)) != 0) {
    return LastWsaError("setsockopt");
  }
  return absl::OkStatus();
}

// --- name resolution ---------------------------------------------------------

absl::StatusOr<std::vector<AddrInfo>> WindowsOs::GetAddrInfo(
    const char* host, const char* service, const AddrInfoHints& hints) const {
  // Winsock is started by this instance's reference (winsock_).
  if (winsock_.error() != 0) return winsock_.status();
  internal::NativeAddrInfoHints native;
  absl::Status status =
      windows_internal::TranslateAddrInfoHints(hints, &native);
  if (!status.ok()) return status;
  addrinfo in;
  std::memset(&in, 0, sizeof(in));
  in.ai_family = native.family;
  in.ai_socktype = native.socktype;
  in.ai_protocol = native.protocol;
  in.ai_flags = native.flags;
  addrinfo* list = nullptr;
  int rc = ::getaddrinfo(host, service, &in, &list);
  if (rc != 0) {
    if (rc == SOCKET_ERROR) rc = ::WSAGetLastError();
    if (list != nullptr) ::freeaddrinfo(list);
    return windows_internal::EaiError(rc, "getaddrinfo");
  }
  // Windows leaves ai_socktype (and ai_protocol) 0 when the hints do; such
  // a result stands for what POSIX lists separately.
  static constexpr internal::UntypedResult kUntyped[] = {
      {Type::kStream, IPPROTO_TCP},
      {Type::kDgram, IPPROTO_UDP},
  };
  auto decode = [](const addrinfo& ai) {
    return windows_internal::DecodeAddress(
        ai.ai_addr, static_cast<int>(ai.ai_addrlen), "getaddrinfo");
  };
  std::vector<AddrInfo> out = internal::ConvertAddrInfoList(
      list, windows_internal::PortableFamily, windows_internal::PortableType,
      decode, kUntyped, sizeof(kUntyped) / sizeof(kUntyped[0]));
  ::freeaddrinfo(list);
  return out;
}

absl::StatusOr<NameInfo> WindowsOs::GetNameInfo(const SocketAddress& addr,
                                                uint32_t ni_flags) const {
  if (winsock_.error() != 0) return winsock_.status();
  int flags = 0;
  absl::Status status = windows_internal::NativeNiFlags(ni_flags, &flags);
  if (!status.ok()) return status;
  windows_internal::NativeSockAddr a;
  status = windows_internal::EncodeAddress(addr, "getnameinfo", &a);
  if (!status.ok()) return status;
  char host[NI_MAXHOST];
  char serv[NI_MAXSERV];
  int rc = ::getnameinfo(a.get(), a.len, host, sizeof(host), serv,
                         sizeof(serv), flags);
  if (rc != 0) {
    // The error is the return value or, per the documentation, in
    // WSAGetLastError when the return value is SOCKET_ERROR.
    if (rc == SOCKET_ERROR) rc = ::WSAGetLastError();
    return windows_internal::EaiError(rc, "getnameinfo");
  }
  NameInfo info;
  info.host = host;
  info.service = serv;
  return info;
}

absl::StatusOr<std::string> WindowsOs::GetHostName() const {
  if (winsock_.error() != 0) return winsock_.status();
  // gethostname() fails with WSAEFAULT when the name does not fit; 256
  // bytes hold any DNS host name, and the last byte stays NUL.
  char buf[257];
  std::memset(buf, 0, sizeof(buf));
  if (::gethostname(buf, static_cast<int>(sizeof(buf) - 1)) != 0) {
    return windows_internal::LastWsaError("gethostname");
  }
  buf[sizeof(buf) - 1] = '\0';
  return std::string(buf);
}

// --- host, protocol and service databases ----------------------------------
// Winsock keeps each result in storage of the calling thread, valid until
// that thread's next call of the family: the entry is copied out at once.

absl::StatusOr<HostEntry> WindowsOs::GetHostByName(const char* name) const {
  if (winsock_.error() != 0) return winsock_.status();
  const hostent* h = ::gethostbyname(name);
  if (h == nullptr) {
    return windows_internal::HostError(::WSAGetLastError(), "gethostbyname");
  }
  return internal::ConvertHostEntry(*h, AF_INET, AF_INET6);
}

absl::StatusOr<HostEntry> WindowsOs::GetHostByAddr(
    const SocketAddress& addr) const {
  constexpr std::string_view kCall = "gethostbyaddr";
  absl::StatusOr<internal::HostAddress> raw =
      internal::HostAddressOf(addr, AF_INET, AF_INET6, kCall);
  if (!raw.ok()) return raw.status();
  if (winsock_.error() != 0) return winsock_.status();
  const hostent* h =
      ::gethostbyaddr(reinterpret_cast<const char*>(raw->bytes.data()),
                      raw->len, raw->af);
  if (h == nullptr) {
    return windows_internal::HostError(::WSAGetLastError(), kCall);
  }
  return internal::ConvertHostEntry(*h, AF_INET, AF_INET6);
}

absl::StatusOr<int> WindowsOs::GetProtoByName(const char* name) const {
  if (winsock_.error() != 0) return winsock_.status();
  const protoent* p = ::getprotobyname(name);
  if (p == nullptr) {
    return MakeError(ErrorKind::kNotFound, "getprotobyname", 0, "",
                     "protocol not found");
  }
  return static_cast<int>(p->p_proto);
}

absl::StatusOr<uint16_t> WindowsOs::GetServByName(const char* name,
                                                  const char* proto) const {
  if (winsock_.error() != 0) return winsock_.status();
  const servent* s = ::getservbyname(name, proto);
  if (s == nullptr) {
    return MakeError(ErrorKind::kNotFound, "getservbyname", 0, "",
                     "service/proto not found");
  }
  // s_port is the port in network byte order, in a short.
  return ntohs(static_cast<u_short>(s->s_port));
}

absl::StatusOr<std::string> WindowsOs::GetServByPort(uint16_t port,
                                                     const char* proto) const {
  if (winsock_.error() != 0) return winsock_.status();
  const servent* s = ::getservbyport(static_cast<int>(htons(port)), proto);
  if (s == nullptr) {
    return MakeError(ErrorKind::kNotFound, "getservbyport", 0, "",
                     "port/proto not found");
  }
  return std::string(s->s_name != nullptr ? s->s_name : "");
}

// --- testing -----------------------------------------------------------------

absl::StatusOr<int> WindowsOs::OpenHandleCountForTesting() const {
  DWORD count = 0;
  if (::GetProcessHandleCount(::GetCurrentProcess(), &count) == 0) {
    return LastWin32Error("GetProcessHandleCount");
  }
  return static_cast<int>(count);
}

const Os& WindowsOsInstance() {
  static const WindowsOs* const os = new WindowsOs();
  return *os;
}

}  // namespace platform
}  // namespace xsock
