// xsock/socket.h
//
// The socket object: the documented behaviour of the BSD socket interface as
// Python's socket module describes it, in C++17. Include as
// "xsock/socket.h".
//
// Modes (exactly Python's three, encoded in one value, the timeout):
//   blocking      timeout nullopt   GetBlocking() true   OS handle blocking
//   non-blocking  timeout 0         GetBlocking() false  OS handle non-blocking;
//                                   calls that would block fail at once with
//                                   ErrorKind::kWouldBlock
//   timeout       timeout > 0       GetBlocking() true   OS handle non-blocking;
//                                   each call tries the operation first and
//                                   waits (poll/WSAPoll) only when it would
//                                   block, against one deadline fixed at the
//                                   start of the call (it survives EINTR and
//                                   spurious wake-ups); on expiry
//                                   ErrorKind::kTimedOut (ErrorClass::kTimeout)
// New sockets take the module default timeout (SetDefaultTimeout).
//
// Safe defaults: every handle xsock creates is non-inheritable; sends never
// raise SIGPIPE (a write to a closed peer is kBrokenPipe); EINTR is retried
// with the remaining time; after Close()/Detach() the object never touches its
// old descriptor number again: every call that needs the handle fails with
// kInvalidArgument "<call>: socket: socket is closed" (also a call that was
// waiting when another thread closed the socket), Close() is a no-op, and
// Fileno()/GetTimeout()/GetBlocking() keep answering.
//
// Errors: absl::Status with a portable ErrorKind (core/error.h). Bad input is
// kInvalidArgument with a message naming the argument ("<call>: <argument>:
// <what>"); every data call rejects MsgFlags bits outside kAllMsgFlags naming
// "flags".
//
// Thread safety: a Socket may be used from several threads at once (as a
// kernel socket may); Close/Detach racing with other calls never crashes.
//
// Performance: one virtual call into the backend per system call; no
// allocation on success or would-block paths of Send/Recv*/SendTo/RecvFrom*
// (Recv/RecvFrom return a std::string and so allocate it; RecvInto does not);
// in timeout mode a call whose data is ready costs one system call.

#ifndef XSOCK_API_SOCKET_H_
#define XSOCK_API_SOCKET_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "core/address.h"
#include "core/error.h"
#include "core/options.h"
#include "core/types.h"
#include "platform/os.h"

namespace xsock {
namespace api_internal {
struct CallMode;
}  // namespace api_internal

using platform::NativeHandle;
using platform::kInvalidHandle;

// Timeout is a socket timeout: nullopt = blocking, zero = non-blocking,
// positive = timeout mode.
using Timeout = std::optional<absl::Duration>;

// GetDefaultTimeout returns the module default timeout given to new sockets
// (initially nullopt). Python: socket.getdefaulttimeout().
Timeout GetDefaultTimeout();

// SetDefaultTimeout sets the module default timeout for sockets created
// afterwards (including accepted sockets and socketpair ends). Errors:
// kInvalidArgument naming "timeout" if negative or infinite. Python:
// socket.setdefaulttimeout().
absl::Status SetDefaultTimeout(Timeout timeout);

// kDefaultBacklog is listen()'s default: min(SOMAXCONN, 128), as in Python.
// SOMAXCONN (GetConstant("SOMAXCONN") in xsock/constants.h) is at least 128
// on every supported platform (Linux 4096, macOS 128, Windows 0x7fffffff),
// so the default is 128 everywhere; CONST-05 checks it on each build.
inline constexpr int kDefaultBacklog = 128;

class Socket;

// Accepted is what Socket::Accept returns: the connection and its peer.
struct Accepted;
// Received is what Socket::RecvFrom returns.
struct Received;
// ReceivedInto is what Socket::RecvFromInto returns.
struct ReceivedInto;

// SocketPair returns two connected sockets. Defaults: AF_UNIX where the
// backend has AF_UNIX and a native socketpair(), AF_INET otherwise (Windows);
// pass Family::kUnspec for that default. Where the OS has no socketpair()
// (Windows) the pair is built from a loopback listener and the ends'
// addresses are verified (an intruder connecting first is rejected with
// kConnectionAborted). Both ends are
// non-inheritable and take the module default timeout. Errors:
// kInvalidArgument naming "family"/"type" (the fallback also "proto": it
// supports only AF_INET/AF_INET6, SOCK_STREAM, protocol 0);
// kFamilyNotSupported or kOperationNotSupported for a family the native
// socketpair() does not pair (e.g. AF_INET on Linux). Corresponds to
// socketpair(). Python: socket.socketpair().
absl::StatusOr<std::pair<Socket, Socket>> SocketPair(
    Family family = Family::kUnspec, Type type = Type::kStream, int proto = 0,
    const platform::Os& os = platform::NativeOs());

class Socket {
 public:
  // Socket() is a closed socket (Fileno() == kInvalidHandle).
  Socket() = default;
  Socket(Socket&& other) noexcept;
  Socket& operator=(Socket&& other) noexcept;
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  // ~Socket closes the handle if still open (errors are ignored).
  ~Socket();

  // Create makes a new socket of `family` and `type` on backend `os`
  // (default: the native backend), non-inheritable, with the default timeout.
  // Errors: kInvalidArgument naming "family"/"type" for values outside the
  // enumerations or kUnspec; kFamilyNotSupported, kProtocolNotSupported,
  // kTypeNotSupported, kPermissionDenied (raw sockets), kTooManyOpenFiles.
  // Corresponds to socket() / WSASocketW(). Python: socket.socket().
  static absl::StatusOr<Socket> Create(
      Family family, Type type = Type::kStream, int proto = 0,
      const platform::Os& os = platform::NativeOs());

  // CreateRaw is Create without the safe defaults: the handle is
  // inheritable (SIGPIPE suppression still applies per send).
  static absl::StatusOr<Socket> CreateRaw(
      Family family, Type type = Type::kStream, int proto = 0,
      const platform::Os& os = platform::NativeOs());

  // FromFd duplicates `handle` and wraps the duplicate (the caller keeps
  // `handle`). Family/type/proto are those given; the timeout is the module
  // default. As in Python, a default of nullopt leaves the handle's OS
  // non-blocking flag as it is (a non-blocking handle then reports
  // GetTimeout() nullopt yet fails with kWouldBlock; call SetTimeout or
  // SetBlocking to make them agree); any other default sets the flag (which
  // a POSIX duplicate shares with `handle`). Errors: kInvalidArgument naming
  // "handle" for kInvalidHandle, "family"/"type" for values outside the
  // enumerations or kUnspec; kBadDescriptor / kNotASocket from the OS.
  // Corresponds to dup (F_DUPFD_CLOEXEC). Python: socket.fromfd().
  static absl::StatusOr<Socket> FromFd(
      NativeHandle handle, Family family, Type type, int proto = 0,
      const platform::Os& os = platform::NativeOs());

  // Adopt takes ownership of `handle` without duplicating it, detecting
  // family, type and protocol from the OS; the timeout and the OS flag follow
  // the FromFd rule. On failure the caller still owns `handle`. Errors as
  // FromFd, plus kFamilyNotSupported for a family xsock does not model.
  // Python: socket.socket(fileno=handle).
  static absl::StatusOr<Socket> Adopt(
      NativeHandle handle, const platform::Os& os = platform::NativeOs());

  // Accept waits for a connection (per the mode) and returns it with the
  // peer address. The new socket gets the module default timeout (nullopt:
  // blocking, even if the listener had a timeout). Errors: kWouldBlock,
  // kTimedOut, kInvalidArgument (not listening), kConnectionAborted.
  // Corresponds to accept4 / accept. Python: socket.accept().
  absl::StatusOr<Accepted> Accept();

  // Bind binds to `addr`. Errors: kInvalidArgument naming "address" when its
  // family differs from the socket's or an AF_UNIX name is longer than the
  // platform's sun_path (never truncated); kAddressInUse,
  // kAddressNotAvailable, kPermissionDenied. Corresponds to bind().
  absl::Status Bind(const SocketAddress& addr);

  // Close closes the socket; later calls fail with kInvalidArgument. Calling
  // it again is a no-op. The handle is marked closed before the OS call, and
  // an ECONNRESET from close is ignored. Corresponds to close() /
  // closesocket().
  absl::Status Close();

  // Connect connects to `addr`, per the mode: blocking waits in the kernel
  // (an EINTR switches to waiting for writability, never a second connect);
  // timeout mode waits for writability up to the timeout and then reads
  // SO_ERROR; non-blocking returns kInProgress when the connection is not
  // complete yet. Errors: kInvalidArgument naming "address" (wrong family,
  // unspecified IP 0.0.0.0 / :: on every platform, AF_UNIX name too long);
  // kConnectionRefused, kTimedOut, kInProgress, kNetworkUnreachable,
  // kAlreadyConnected. Corresponds to connect() (+ poll +
  // getsockopt(SO_ERROR)).
  absl::Status Connect(const SocketAddress& addr);

  // ConnectEx is Connect returning the native error code of the connect
  // call instead of failing: 0 on success, the errno / WSA code otherwise,
  // and WouldBlockCode() (EWOULDBLOCK / WSAEWOULDBLOCK) when the timeout
  // expires. Non-OS errors (bad address, closed socket) are still returned
  // as a status, and so is kInterrupted (EINTR, which carries no native
  // code) on a non-blocking socket. Map the code with os().KindOfNative().
  // Python: socket.connect_ex().
  absl::StatusOr<int> ConnectEx(const SocketAddress& addr);

  // Detach marks the socket closed without closing the handle and returns
  // the handle (kInvalidHandle if already closed). Python: socket.detach().
  NativeHandle Detach();

  // Dup returns a new socket on a duplicate, non-inheritable handle, with the
  // same family, type, proto and timeout. Corresponds to
  // fcntl(F_DUPFD_CLOEXEC) / WSADuplicateSocketW. Python: socket.dup().
  absl::StatusOr<Socket> Dup() const;

  // Fileno returns the native handle (fd or SOCKET), kInvalidHandle after
  // Close/Detach. Python: socket.fileno().
  NativeHandle Fileno() const;

  // GetPeerName returns the remote address. Errors: kNotConnected.
  // Corresponds to getpeername().
  absl::StatusOr<SocketAddress> GetPeerName() const;

  // GetSockName returns the local address (an unbound inet socket reports
  // the unspecified address and port 0 on every platform; an unbound AF_UNIX
  // socket the unnamed address). Corresponds to getsockname().
  absl::StatusOr<SocketAddress> GetSockName() const;

  // GetSockOpt (integer form) reads native option (level, name) as a C int.
  // Corresponds to getsockopt(). Python: getsockopt(level, name).
  absl::StatusOr<int> GetSockOpt(int level, int name) const;

  // GetSockOpt (buffer form) reads up to `buflen` bytes (1..1024) and
  // returns the bytes the OS returned. Errors: kInvalidArgument naming
  // "buflen" outside 1..1024. Python: getsockopt(level, name, buflen).
  absl::StatusOr<std::string> GetSockOpt(int level, int name,
                                         size_t buflen) const;

  // SetSockOpt (integer form). Corresponds to setsockopt(). Python:
  // setsockopt(level, name, int).
  absl::Status SetSockOpt(int level, int name, int value);

  // SetSockOpt (buffer form) passes `value` bytes unchanged. Python:
  // setsockopt(level, name, bytes).
  absl::Status SetSockOpt(int level, int name, std::string_view value);

  // GetOption / SetOption are the integer forms over a portable Option
  // (core/options.h), mapped by the backend. Errors: kUnimplemented when the
  // platform lacks the option; kInvalidArgument naming "option" for a
  // read-only option (SetOption), one whose value is not an int (SO_LINGER,
  // SO_RCVTIMEO: use the buffer form) or a value outside the enumeration.
  absl::StatusOr<int> GetOption(Option option) const;
  absl::Status SetOption(Option option, int value);

  // Listen starts listening. Errors: kInvalidArgument naming "socket" for a
  // datagram (or other connectionless) socket; kAddressInUse. A negative
  // backlog is treated as 0. Corresponds to listen(). Python: listen().
  absl::Status Listen(int backlog = kDefaultBacklog);

  // Recv receives at most `bufsize` bytes. Empty result = end of stream.
  // bufsize 0 returns "" without a system call. Errors: kWouldBlock,
  // kTimedOut, kConnectionReset, kNotConnected. Corresponds to recv().
  absl::StatusOr<std::string> Recv(size_t bufsize,
                                   MsgFlags flags = MsgFlags::kNone);

  // RecvInto receives into `buffer` (at most `nbytes` bytes; 0 = the whole
  // buffer) and returns the count. An empty request returns 0 without a
  // system call. Errors: kInvalidArgument naming "nbytes" when larger than
  // the buffer; else as Recv. Python: recv_into().
  absl::StatusOr<size_t> RecvInto(absl::Span<char> buffer, size_t nbytes = 0,
                                  MsgFlags flags = MsgFlags::kNone);

  // RecvFrom receives a datagram (or stream bytes) and the sender's address
  // (nullopt when the OS reports none, e.g. connected TCP). Corresponds to
  // recvfrom(). Python: recvfrom().
  absl::StatusOr<Received> RecvFrom(size_t bufsize,
                                    MsgFlags flags = MsgFlags::kNone);

  // RecvFromInto is RecvFrom into `buffer`. Unlike RecvInto, a zero-length
  // request still makes the system call. Errors: kInvalidArgument naming
  // "nbytes" when larger than the buffer. Python: recvfrom_into().
  absl::StatusOr<ReceivedInto> RecvFromInto(absl::Span<char> buffer,
                                            size_t nbytes = 0,
                                            MsgFlags flags = MsgFlags::kNone);

  // Send sends some of `data` and returns how many bytes were sent (may be
  // fewer). Errors: kWouldBlock, kTimedOut, kBrokenPipe, kConnectionReset,
  // kNotConnected, kMessageTooLong. Corresponds to send(). Python: send().
  absl::StatusOr<size_t> Send(std::string_view data,
                              MsgFlags flags = MsgFlags::kNone);

  // SendAll sends all of `data`, looping over partial sends. In timeout mode
  // the whole call has one budget (the timeout), not one per send: once it
  // is spent, kTimedOut, even between two sends that made progress. In
  // non-blocking mode the first send that cannot progress fails with
  // kWouldBlock. On error some bytes may have been sent; *sent (if given)
  // says how many. Empty data returns OK without a system call. Python:
  // sendall().
  absl::Status SendAll(std::string_view data, MsgFlags flags = MsgFlags::kNone,
                       size_t* sent = nullptr);

  // SendTo sends a datagram to `addr`. Errors: kInvalidArgument naming
  // "address" (wrong family, unspecified IP, AF_UNIX name too long);
  // kMessageTooLong, kPermissionDenied (broadcast without SO_BROADCAST).
  // Corresponds to sendto(). Python: sendto().
  absl::StatusOr<size_t> SendTo(std::string_view data,
                                const SocketAddress& addr,
                                MsgFlags flags = MsgFlags::kNone);

  // SetBlocking(true) is SetTimeout(nullopt); SetBlocking(false) is
  // SetTimeout(0). Python: setblocking().
  absl::Status SetBlocking(bool blocking);

  // GetBlocking returns whether the timeout is not zero. Python:
  // getblocking().
  bool GetBlocking() const;

  // SetTimeout sets the mode (see the file comment) and the OS flag (the
  // stored timeout changes only when setting the flag succeeded). A positive
  // timeout is rounded up to whole nanoseconds, so it never becomes 0.
  // Errors: kInvalidArgument naming "timeout" if negative or infinite (use
  // nullopt for blocking). Python: settimeout().
  absl::Status SetTimeout(Timeout timeout);

  // GetTimeout returns the timeout. Python: gettimeout().
  Timeout GetTimeout() const;

  // Shutdown shuts down one or both directions. Errors: kInvalidArgument
  // naming "how" for a value outside ShutdownHow; kNotConnected.
  // Corresponds to shutdown(). Python: shutdown().
  absl::Status Shutdown(ShutdownHow how);

  // GetInheritable / SetInheritable read and change whether child processes
  // inherit the handle (false by default). Python: get_inheritable().
  absl::StatusOr<bool> GetInheritable() const;
  absl::Status SetInheritable(bool inheritable);

  // Ioctl runs a Winsock socket ioctl (SIO_RCVALL, SIO_KEEPALIVE_VALS,
  // SIO_LOOPBACK_FAST_PATH). Errors: kInvalidArgument naming "code" for a
  // value outside IoctlCode or "arg" for a SIO_RCVALL mode outside
  // RcvAllMode or an on/off value other than 0 or 1 (SIO_KEEPALIVE_VALS,
  // SIO_LOOPBACK_FAST_PATH); kUnimplemented on backends without them, with a message
  // saying so; kPermissionDenied / kInvalidArgument for
  // SIO_RCVALL without administrator rights or on an unsuitable socket.
  // Corresponds to WSAIoctl(). Python: socket.ioctl().
  absl::Status Ioctl(platform::IoctlCode code, const platform::IoctlArg& arg);

  Family family() const { return family_; }
  Type type() const { return type_; }
  int proto() const { return proto_; }
  // os returns the backend that made this socket.
  const platform::Os& os() const { return *os_; }
  // closed returns whether Close or Detach was called.
  bool closed() const { return Fileno() == kInvalidHandle; }

 private:
  friend absl::StatusOr<std::pair<Socket, Socket>> SocketPair(
      Family, Type, int, const platform::Os&);

  // Wraps `h`; timeout_ns: -1 blocking, 0 non-blocking, > 0 timeout mode
  // (the OS flag must already match).
  Socket(const platform::Os& os, NativeHandle h, Family family, Type type,
         int proto, int64_t timeout_ns);

  static absl::StatusOr<Socket> CreateImpl(std::string_view call,
                                           Family family, Type type, int proto,
                                           bool inheritable,
                                           const platform::Os& os);

  // Handle returns the open handle or a kInvalidArgument "socket is closed"
  // error naming `call`.
  absl::StatusOr<NativeHandle> Handle(std::string_view call) const;
  // CheckAddress validates `addr` for this socket: its family, the AF_UNIX
  // length against os().UnixPathMax(), and for a `destination` (connect,
  // sendto) that the IP is not unspecified. Errors name "address".
  absl::Status CheckAddress(std::string_view call, const SocketAddress& addr,
                            bool destination) const;
  absl::Status ConnectImpl(const SocketAddress& addr, int* native_code);
  absl::Status SetTimeoutImpl(std::string_view call, Timeout timeout);
  // DataHandle is Handle plus the MsgFlags check of every data call.
  absl::StatusOr<NativeHandle> DataHandle(std::string_view call,
                                          MsgFlags flags) const;
  // RecvImpl / SendImpl run one recv/recvfrom (`from` set) or send/sendto
  // (`to` set) through the central I/O loop.
  absl::StatusOr<size_t> RecvImpl(std::string_view call, NativeHandle h,
                                  char* buf, size_t len, MsgFlags flags,
                                  SocketAddress* from);
  absl::StatusOr<size_t> SendImpl(std::string_view call, NativeHandle h,
                                  const api_internal::CallMode& mode,
                                  std::string_view data, MsgFlags flags,
                                  const SocketAddress* to);
  // IntOption validates a portable option for the integer forms and maps it.
  absl::StatusOr<platform::NativeOption> IntOption(std::string_view call,
                                                   Option option,
                                                   bool write) const;

  const platform::Os* os_ = nullptr;
  std::atomic<NativeHandle> handle_{kInvalidHandle};
  Family family_ = Family::kUnspec;
  Type type_ = Type::kStream;
  int proto_ = 0;
  // Timeout in nanoseconds: -1 = blocking (nullopt), 0 = non-blocking.
  std::atomic<int64_t> timeout_ns_{-1};
};

struct Accepted {
  Socket socket;
  SocketAddress address;
};

struct Received {
  std::string data;
  std::optional<SocketAddress> address;
};

struct ReceivedInto {
  size_t nbytes = 0;
  std::optional<SocketAddress> address;
};


}  // namespace xsock

#endif  // XSOCK_API_SOCKET_H_
