// platform/windows/windows_os.h
//
// WindowsOs: the platform::Os backend for Windows 10 and later, on Winsock 2
// (ws2_32). Like the other backends it performs the system call (or the
// short fixed sequence documented below) and reports the outcome through its
// one WSA-code table (errors.cc); WSAEWOULDBLOCK and WSAEINTR come back as
// the bare statuses and never allocate. This header includes no Windows
// header: the Winsock includes live in platform/windows/winsock.h.
//
// Lifetime. Winsock must be started (WSAStartup) before any Winsock call,
// the resolver's included (quirk HND-05). Each WindowsOs holds one reference
// to the process-wide Winsock lifetime (a WinsockScope,
// winsock_lifetime.h) from construction to destruction: the first reference
// in the process calls WSAStartup(2.2), the last one WSACleanup. The
// process-wide instance is created by the first WindowsOsInstance() call
// (thread-safe static initialisation) and, like the other backends'
// instances, is never destroyed, so Winsock stays started until the process
// exits. If WSAStartup fails, Socket() reports that error (call
// "WSAStartup") and Supports() reports no capability.
//
// Handles. A SOCKET (UINT_PTR) is widened to NativeHandle unchanged; an
// INVALID_SOCKET is kInvalidHandle (quirk HND-01). A closed SOCKET and a
// handle that is not a socket both answer WSAENOTSOCK: kNotASocket.
//
// What each method does natively:
//   Socket      WSASocketW(af, type, proto, NULL, 0, WSA_FLAG_OVERLAPPED |
//               WSA_FLAG_NO_HANDLE_INHERIT). The overlapped attribute is what
//               socket() and CPython give every socket; without it
//               SO_RCVTIMEO/SO_SNDTIMEO never take effect (Microsoft KB
//               181610; wine behaves the same). It does not make any call
//               asynchronous: the backend never passes an OVERLAPPED.
//               Then ioctlsocket(FIONBIO) if non-blocking;
//               SO_EXCLUSIVEADDRUSE on AF_INET/AF_INET6 stream and datagram
//               sockets; WSAIoctl(SIO_UDP_CONNRESET, FALSE) on
//               AF_INET/AF_INET6 datagram sockets. Any failure closes the new
//               socket and reports the failing call.
//   SocketPair  kUnimplemented; Supports(kNativeSocketPair) is false and
//               api/ builds the pair from a loopback listener (UNIX-04).
//   Close       closesocket(); see "Normalisations" for WSAEWOULDBLOCK.
//   Dup         WSADuplicateSocketW(own process) + WSASocketW(
//               FROM_PROTOCOL_INFO, WSA_FLAG_OVERLAPPED |
//               WSA_FLAG_NO_HANDLE_INHERIT).
//   Describe    getsockopt(SO_PROTOCOL_INFOW): family, type and protocol.
//   Accept      accept(); SetHandleInformation(HANDLE_FLAG_INHERIT, 0);
//               ioctlsocket(FIONBIO, 0).
//   Connect     WSAIoctl(SIO_TCP_INITIAL_RTO) for loopback destinations
//               (best effort), then connect(); after a datagram socket's
//               connect, WSAIoctl(SIO_UDP_CONNRESET, TRUE).
//   Shutdown    shutdown(SD_RECEIVE/SD_SEND/SD_BOTH), after getsockopt(
//               SO_TYPE) and, for datagram sockets, getpeername().
//   Send*/Recv* send()/sendto()/recv()/recvfrom(); lengths above INT_MAX
//               are clamped (a short transfer, as the contract allows).
//   SetNonBlocking  ioctlsocket(FIONBIO). IsNonBlocking is kUnimplemented:
//               Winsock cannot read the mode back (quirk IO-01); api/ keeps
//               the mode itself.
//   Wait        select() on the one handle, never WSAPoll: read interest
//               uses the read set; write interest uses the write AND the
//               except set, because a failed non-blocking connect is
//               reported only in the except set (quirk CONN-02) and WSAPoll
//               did not report it at all before Windows 10 2004 (CONN-03).
//               Winsock's fd_set is a counted array of SOCKETs, so one
//               handle of any value fits (the FD_SETSIZE limit of POSIX
//               select does not apply, HND-02). The except set is reported
//               as kErrorReady; it also fires for unread out-of-band data
//               while write interest is asked (SO_OOBINLINE off), which
//               makes a blocked send retry early, never wrongly. No
//               kHangup: end of stream shows as kReadable.
//   Get/SetSockOpt  getsockopt()/setsockopt(); see "Options".
//   IsInheritable / SetInheritable  GetHandleInformation /
//               SetHandleInformation(HANDLE_FLAG_INHERIT).
//   Ioctl       WSAIoctl: SIO_RCVALL (RCVALL_OFF/ON/SOCKETLEVELONLY/
//               IPLEVEL as a DWORD), SIO_KEEPALIVE_VALS (struct
//               tcp_keepalive: on/off, time and interval in milliseconds),
//               SIO_LOOPBACK_FAST_PATH (the value as a DWORD).
//   Get/SetLinger  getsockopt/setsockopt(SO_LINGER) with Winsock's struct
//               linger of two u_shorts (seconds 0..65535).
//   Get/SetTimeOption  getsockopt/setsockopt(SO_RCVTIMEO/SO_SNDTIMEO) with
//               a DWORD of milliseconds; a positive time is rounded up to
//               whole milliseconds (never 0, "no timeout") and clamped to
//               0xFFFFFFFE.
//   GetAddrInfo getaddrinfo() (ANSI) with the translated hints; results
//               decoded like getsockname's, those xsock does not model
//               dropped; a result without a socket type (Windows leaves
//               ai_socktype 0 when the hints do) stands for a stream/TCP
//               and a datagram/UDP result, as POSIX reports them;
//               freeaddrinfo() always. GetNameInfo: getnameinfo() (ANSI)
//               on an AF_INET/AF_INET6 address. GetHostName:
//               gethostname(). All three rely on this instance's Winsock
//               reference (no WinsockScope of their own) and report its
//               WSAStartup error if it failed. EAI codes (WSA codes on
//               Windows) go through the one EAI table (errors.cc).
//   GetHostByName / GetHostByAddr / GetProtoByName / GetServByName /
//               GetServByPort  gethostbyname, gethostbyaddr,
//               getprotobyname, getservbyname and getservbyport; Winsock
//               keeps their results per thread, so no lock is needed and
//               the entry is copied out at once. A failed host lookup's
//               WSAGetLastError goes through the one host error table
//               (errors.cc: WSAHOST_NOT_FOUND, WSATRY_AGAIN,
//               WSANO_RECOVERY, WSANO_DATA); a protocol or service not
//               found is kNotFound whatever the code. Same Winsock
//               reference as the resolver calls.
//   OpenHandleCountForTesting  GetProcessHandleCount (every kernel handle
//               of the process, not only sockets).
//
// Normalisations (each is what the POSIX backends answer natively):
//   - Exclusive binding (quirks BIND-01, BIND-02). Every AF_INET/AF_INET6
//     stream and datagram socket is created with SO_EXCLUSIVEADDRUSE, so no
//     other socket can bind its address while it lives, not even one asking
//     for SO_REUSEADDR. The backend never sets both options (that is
//     WSAEINVAL). See "Options" for what SO_REUSEADDR does.
//   - bind() answering WSAEACCES on an AF_INET/AF_INET6 socket (an address
//     held exclusively by another socket, or a port range Windows reserves)
//     is kAddressInUse, keeping the WSA code; except for 255.255.255.255,
//     where WSAEACCES means "SO_BROADCAST is off" (kPermissionDenied).
//   - listen() without bind() (BIND-11): Windows answers WSAEINVAL; the
//     backend then binds an unbound AF_INET/AF_INET6 stream socket to the
//     wildcard address, port 0, and listens again, as POSIX does
//     implicitly. On a socket that is not a stream socket that WSAEINVAL is
//     kOperationNotSupported (POSIX's EOPNOTSUPP; Windows says
//     WSAEOPNOTSUPP only once the socket is bound).
//   - recv/recvfrom on a datagram socket that was never bound (BIND-12):
//     Windows answers WSAEINVAL; the backend then binds it to the wildcard
//     address, port 0, and receives again, so a non-blocking socket would
//     block (bare kWouldBlock) and a blocking one blocks, as on POSIX. (On
//     POSIX the socket stays unbound until its first send; here it has an
//     ephemeral port from then on.)
//   - getsockname on an unbound socket (BIND-10): Windows answers WSAEINVAL;
//     the backend returns the family's unspecified address: 0.0.0.0:0,
//     [::]:0, or the unnamed AF_UNIX address.
//   - connect() on a non-blocking socket answering WSAEWOULDBLOCK is
//     kInProgress with native code WSAEWOULDBLOCK (CONN-01), which
//     connect_ex reports as Python does on Windows. A repeated connect is
//     WSAEALREADY (kAlreadyInProgress) or WSAEISCONN (kAlreadyConnected):
//     ws2_32 reports the Winsock 1.1 WSAEINVAL only to 1.1 applications.
//   - Refused loopback connects fail fast (CONN-04): before connect() to
//     127.0.0.0/8, ::1 or ::ffff:127.0.0.0/104 the backend sets
//     SIO_TCP_INITIAL_RTO with TCP_INITIAL_RTO_NO_SYN_RETRANSMISSIONS (as
//     libuv does), so the RST is not waited out for about 2 s. Best effort:
//     on Windows versions without it (and on datagram sockets) the ioctl's
//     error is ignored. It overrides an initial RTO the caller set before.
//   - ICMP port unreachable on UDP (IO-11): SIO_UDP_CONNRESET is disabled at
//     creation, so a datagram an unconnected socket sent to a closed port
//     never makes a later recvfrom fail with WSAECONNRESET. A successful
//     connect() of an AF_INET/AF_INET6 datagram socket turns it on again,
//     and WSAECONNRESET on a datagram socket's send/recv is then
//     kConnectionRefused (keeping the WSA code), as POSIX reports
//     ECONNREFUSED on connected UDP sockets.
//   - recv/recvfrom after shutdown(SD_RECEIVE or SD_BOTH) is WSAESHUTDOWN on
//     Windows; the backend returns 0 (end of stream), as POSIX does.
//   - shutdown() of an unconnected datagram socket succeeds on Windows; the
//     backend answers kNotConnected (WSAENOTCONN) as POSIX does, checked
//     with getpeername() before shutdown() on datagram sockets.
//   - Truncated datagrams (IO-05): Windows fills the buffer and fails with
//     WSAEMSGSIZE; the backend returns the buffer length, as POSIX recv does
//     (the rest of the datagram is discarded; with MSG_PEEK it stays).
//   - accept() (ACC-01, HND-04): the child inherits the listener's FIONBIO
//     mode and is created inheritable whatever the listener; the backend
//     makes it non-inheritable and blocking. This is two calls after
//     accept(), so Supports(kAtomicCloexec) is false: a CreateProcess with
//     bInheritHandles in another thread can inherit an accepted socket in
//     between (Socket and Dup are atomic).
//   - No SIGPIPE exists: a send after the peer closed is WSAECONNRESET or
//     WSAECONNABORTED (kConnectionReset / kConnectionAborted); a send after
//     shutdown(SD_SEND) is WSAESHUTDOWN, mapped to kBrokenPipe (note 3).
//   - WSAENETRESET (a keep-alive timeout) is kTimedOut (ERR-03, note 3).
//   - Message flags: MSG_PEEK, MSG_OOB, MSG_WAITALL (receives) and
//     MSG_DONTROUTE are passed on; MSG_DONTWAIT, MSG_TRUNC, MSG_EOR, and
//     MSG_WAITALL or MSG_PEEK on a send, are kUnimplemented naming the flag
//     (IO-02, IO-03). Windows refuses MSG_WAITALL on non-blocking and
//     datagram sockets and together with MSG_PEEK (WSAEOPNOTSUPP): that is
//     kUnimplemented naming MSG_WAITALL too.
//   - closesocket() answering WSAEWOULDBLOCK (a non-blocking socket with a
//     non-zero SO_LINGER timeout, CLOSE-05) leaves the socket open; the
//     backend switches it to blocking and closes it again, so Close always
//     releases the handle (it may block for the linger time).
//   - SIO_RCVALL (WIN-01): WSAEACCES is kPermissionDenied, and WSAEINVAL or
//     WSAEOPNOTSUPP (a socket that is not a raw socket bound to one
//     interface address) are kInvalidArgument; both messages say that
//     SIO_RCVALL needs administrator rights and a raw socket bound to one
//     interface address.
//
// Options (NativeOptionFor maps every core Option Windows has; SO_REUSEPORT
// and SO_RCVLOWAT are kUnimplemented naming the option):
//   - SO_REUSEADDR on AF_INET/AF_INET6 sockets means what it means
//     portably, "rebind past TIME_WAIT, never steal a live port":
//     setting it to 1 clears SO_EXCLUSIVEADDRUSE (Windows rebinds past
//     TIME_WAIT by default, BIND-03) and, on datagram sockets only, sets the
//     native SO_REUSEADDR too (several sockets that all ask for it may share
//     a port, e.g. multicast receivers, BIND-05); a stream socket never gets
//     the native, hijacking SO_REUSEADDR. Setting it to 0 clears the native
//     option and sets SO_EXCLUSIVEADDRUSE again. Reading it answers 1 when
//     the socket is not exclusive. Other families pass it through.
//   - SO_RCVTIMEO / SO_SNDTIMEO are DWORD milliseconds natively (OPT-01). A
//     value given as a struct timeval (exactly sizeof(timeval) bytes) is
//     converted, rounding up to whole milliseconds, so a timeval is never
//     read as milliseconds; reading with a timeval-sized buffer returns a
//     timeval.
//   - SO_LINGER is struct linger of two u_shorts natively; a POSIX-layout
//     {int l_onoff; int l_linger} (8 bytes) is converted both ways (l_linger
//     0..65535 seconds).
//   - Leaving a multicast group the socket is not a member of
//     (IP_DROP_MEMBERSHIP with an ip_mreq, IPV6_LEAVE_GROUP with an
//     ipv6_mreq) fails with WSAEINVAL on Windows; the backend reports it as
//     kAddressNotAvailable (keeping the native code), POSIX's EADDRNOTAVAIL
//     (OPT-29, OPT-30).
//   - Windows writes some boolean options (TCP_NODELAY, SO_DONTROUTE,
//     IPV6_V6ONLY, ...) as one byte; when the caller's buffer holds an int,
//     the value is widened to an int and the length reported is sizeof(int).

#ifndef XSOCK_PLATFORM_WINDOWS_WINDOWS_OS_H_
#define XSOCK_PLATFORM_WINDOWS_WINDOWS_OS_H_

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
#include "platform/windows/winsock_lifetime.h"

namespace xsock {
namespace platform {

class WindowsOs : public Os {
 public:
  // WindowsOs takes one reference to the Winsock lifetime
  // (WinsockLifetime::Acquire; the first one in the process calls
  // WSAStartup 2.2).
  WindowsOs();
  // ~WindowsOs gives it back (the last one calls WSACleanup).
  ~WindowsOs() override;
  WindowsOs(const WindowsOs&) = delete;
  WindowsOs& operator=(const WindowsOs&) = delete;

  std::string_view Name() const override;
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
  absl::Status SetLinger(NativeHandle h, Linger value) const override;
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

 private:
  bool ProbeCapability(Capability c) const;

  // RecvImpl is Recv (from == nullptr) and RecvFrom, with the slow-path
  // normalisations (truncation, unbound datagram sockets, MSG_WAITALL).
  absl::StatusOr<size_t> RecvImpl(NativeHandle h, void* buf, size_t len,
                                  MsgFlags flags, SocketAddress* from,
                                  std::string_view call) const;

  WinsockScope winsock_;  // error(): WSAStartup's result (0: started)
  internal::CapabilityCache capabilities_;
};

// WindowsOsInstance returns the process-wide WindowsOs; the first call
// starts Winsock.
const Os& WindowsOsInstance();

}  // namespace platform
}  // namespace xsock

#endif  // XSOCK_PLATFORM_WINDOWS_WINDOWS_OS_H_
