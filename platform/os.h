// platform/os.h
//
// The narrow OS interface: the only way xsock reaches the operating system.
// One abstract class, platform::Os, implemented by each backend:
//   platform/posix    any POSIX system (socket + fcntl, poll, MSG_NOSIGNAL or
//                     SO_NOSIGPIPE)
//   platform/linux    posix plus SOCK_CLOEXEC/SOCK_NONBLOCK, accept4,
//                     abstract AF_UNIX (and netlink, TIPC)
//   platform/windows  Winsock 2 (SOCKET handles, WSAStartup lifetime,
//                     WSAGetLastError, ioctlsocket/WSAIoctl, select)
//
// Contract for every backend:
//   - It performs one system call (or the fixed short sequence documented on
//     the method) and reports the outcome; it never waits, loops on
//     would-block, validates user arguments or applies timeouts: documented
//     behaviour lives in api/ and core/.
//   - Errors are built with the backend's one native-code -> ErrorKind map;
//     would-block and EINTR come back as the bare statuses of core/error.h
//     (no allocation). EINTR is NOT retried here: api/ retries it with the
//     remaining time.
//   - Safe defaults: handles it creates (Socket, Accept, Dup, SocketPair) are
//     non-inheritable unless CreateOptions::inheritable says otherwise, and
//     Send/SendTo never raise SIGPIPE.
//   - Handles are NativeHandle: a POSIX fd or a Windows SOCKET widened to 64
//     bits; kInvalidHandle is both -1 and INVALID_SOCKET.
//   - Methods are thread-safe (they hold no mutable state besides the Windows
//     WSAStartup reference count).
//
// A Socket remembers the Os that created it, so the same process can run
// sockets of several backends side by side (the conformance suite runs POSIX
// and Linux in one Linux build).

#ifndef XSOCK_PLATFORM_OS_H_
#define XSOCK_PLATFORM_OS_H_

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

namespace xsock {
namespace platform {

// NativeHandle is a POSIX file descriptor or a Windows SOCKET.
using NativeHandle = uint64_t;
inline constexpr NativeHandle kInvalidHandle = ~uint64_t{0};

// Capability names an optional feature a backend may have; see
// Os::Supports. Tests that need one are skipped with the reason when absent.
enum class Capability {
  kIpv6,              // AF_INET6 sockets
  kUnixSockets,       // AF_UNIX stream sockets
  kUnixDatagram,      // AF_UNIX datagram sockets
  kUnixAbstract,      // Linux abstract AF_UNIX names
  kUnixAutobind,      // bind("") gives an abstract autobind name (Linux)
  kNativeSocketPair,  // the OS has socketpair(); otherwise api/ emulates it
  kAtomicCloexec,     // non-inheritable at creation (SOCK_CLOEXEC, accept4,
                      // WSA_FLAG_NO_HANDLE_INHERIT), no fcntl race
  kSignals,           // POSIX signals interrupt system calls (EINTR)
  kInheritanceQuery,  // IsInheritable/SetInheritable work
  kNetlink,           // AF_NETLINK
  kTipc,              // AF_TIPC (kernel module loaded)
  kWinsockIoctl,      // SIO_RCVALL, SIO_KEEPALIVE_VALS, SIO_LOOPBACK_FAST_PATH
  kHandleCount,       // OpenHandleCountForTesting works
};

// Interest selects what Wait waits for.
enum Interest : unsigned { kWantRead = 1u, kWantWrite = 2u };

// Readiness bits returned by Wait.
enum Ready : unsigned {
  kReadable = 1u,
  kWritable = 2u,
  kErrorReady = 4u,  // POLLERR
  kHangup = 8u,      // POLLHUP
};

// CreateOptions are the knobs of Socket(). The defaults are the safe ones.
struct CreateOptions {
  bool nonblocking = false;  // create in non-blocking mode (one call on Linux)
  bool inheritable = false;  // skip the non-inheritable default ("Raw")
};

// NativeOption is a native (level, name) pair for getsockopt/setsockopt.
struct NativeOption {
  int level = 0;
  int name = 0;
};

// HandleInfo describes an existing handle (for fromfd / adopting a handle).
struct HandleInfo {
  Family family = Family::kUnspec;
  Type type = Type::kStream;
  int proto = 0;
};

// IoctlCode is a portable name for the Winsock socket ioctls.
enum class IoctlCode {
  kRcvAll,            // SIO_RCVALL, value: RcvAllMode
  kKeepAliveVals,     // SIO_KEEPALIVE_VALS, value: on/off, time, interval
  kLoopbackFastPath,  // SIO_LOOPBACK_FAST_PATH, value: 0/1
};

// RcvAllMode is SIO_RCVALL's argument (RCVALL_OFF, _ON, _SOCKETLEVELONLY,
// _IPLEVEL).
enum class RcvAllMode : uint32_t {
  kOff = 0,
  kOn = 1,
  kSocketLevelOnly = 2,
  kIpLevel = 3,
};

// Linger is SO_LINGER's value: whether close lingers, and for how many
// seconds.
struct Linger {
  bool on = false;
  int seconds = 0;
};

// IoctlArg carries the argument of an IoctlCode.
struct IoctlArg {
  uint32_t value = 0;               // RcvAllMode, on/off or bool
  uint32_t keepalive_time_ms = 0;   // kKeepAliveVals only
  uint32_t keepalive_interval_ms = 0;  // kKeepAliveVals only
};

class Os {
 public:
  virtual ~Os() = default;

  // Name returns the backend's name: "posix", "linux" or "windows".
  virtual std::string_view Name() const = 0;

  // Supports returns whether the backend has capability `c` on this machine
  // (probed once, cached).
  virtual bool Supports(Capability c) const = 0;

  // UnixPathMax returns sizeof(sun_path) (0 without AF_UNIX).
  virtual size_t UnixPathMax() const = 0;

  // --- errors --------------------------------------------------------------

  // ErrorFromNative builds the status for native code `code` (errno or WSA)
  // returned by `call`, through the backend's one mapping table.
  virtual absl::Status ErrorFromNative(int code,
                                       std::string_view call) const = 0;

  // KindOfNative maps a native code to its portable kind.
  virtual ErrorKind KindOfNative(int code) const = 0;

  // WouldBlockCode returns the native would-block code (EWOULDBLOCK /
  // WSAEWOULDBLOCK), which connect_ex reports on a timeout.
  virtual int WouldBlockCode() const = 0;

  // --- lifetime ------------------------------------------------------------

  // Socket creates a socket. Corresponds to socket() (+ fcntl FD_CLOEXEC and
  // SO_NOSIGPIPE where needed) / WSASocketW(WSA_FLAG_NO_HANDLE_INHERIT).
  // Errors: kFamilyNotSupported, kProtocolNotSupported, kTypeNotSupported,
  // kPermissionDenied, kTooManyOpenFiles, kNoBufferSpace.
  virtual absl::StatusOr<NativeHandle> Socket(Family family, Type type,
                                              int proto,
                                              CreateOptions options) const = 0;

  // SocketPair creates a connected pair. Corresponds to socketpair().
  // Backends without it (Windows) return kUnimplemented and report
  // !Supports(kNativeSocketPair); api/ then builds the pair from a loopback
  // listener.
  virtual absl::StatusOr<std::array<NativeHandle, 2>> SocketPair(
      Family family, Type type, int proto, CreateOptions options) const = 0;

  // Close closes the handle once (no EINTR retry: the descriptor is gone
  // either way). Corresponds to close() / closesocket().
  virtual absl::Status Close(NativeHandle h) const = 0;

  // Dup duplicates the handle, non-inheritable. Corresponds to
  // fcntl(F_DUPFD_CLOEXEC) / WSADuplicateSocketW + WSASocketW.
  virtual absl::StatusOr<NativeHandle> Dup(NativeHandle h) const = 0;

  // Describe reads family, type and protocol of an existing handle.
  // Corresponds to getsockname() + getsockopt(SO_TYPE, SO_PROTOCOL) /
  // getsockopt(SO_PROTOCOL_INFOW). Errors: kBadDescriptor, kNotASocket,
  // kFamilyNotSupported (a family xsock does not model).
  virtual absl::StatusOr<HandleInfo> Describe(NativeHandle h) const = 0;

  // --- addresses and connections ---------------------------------------------

  // Bind. Corresponds to bind(). The address family must match the socket's
  // (api/ checks); AF_UNIX names longer than UnixPathMax() are rejected by
  // api/ before this call.
  virtual absl::Status Bind(NativeHandle h, const SocketAddress& addr) const = 0;

  // Listen. Corresponds to listen().
  virtual absl::Status Listen(NativeHandle h, int backlog) const = 0;

  // Accept returns a new non-inheritable handle and fills *peer (which may be
  // unnamed for AF_UNIX). The new handle is in blocking mode on every
  // backend (BSD/Windows children inherit O_NONBLOCK/FIONBIO; the backend
  // clears it). Corresponds to accept4(SOCK_CLOEXEC) / accept() + fcntl.
  virtual absl::StatusOr<NativeHandle> Accept(NativeHandle h,
                                              SocketAddress* peer) const = 0;

  // Connect starts or completes a connection. On a non-blocking handle an
  // unfinished connect is kInProgress (EINPROGRESS; WSAEWOULDBLOCK on
  // Windows). Corresponds to connect().
  virtual absl::Status Connect(NativeHandle h,
                               const SocketAddress& addr) const = 0;

  // PendingError reads and clears SO_ERROR; returns the native code (0 = no
  // error). Corresponds to getsockopt(SOL_SOCKET, SO_ERROR).
  virtual absl::StatusOr<int> PendingError(NativeHandle h) const = 0;

  // GetSockName / GetPeerName. An unbound socket reports the family's
  // unspecified address (Windows: normalised from WSAEINVAL).
  virtual absl::StatusOr<SocketAddress> GetSockName(NativeHandle h) const = 0;
  virtual absl::StatusOr<SocketAddress> GetPeerName(NativeHandle h) const = 0;

  // Shutdown. `how` is a ShutdownHow value (api/ checks). Corresponds to
  // shutdown(SHUT_RD/WR/RDWR, SD_*).
  virtual absl::Status Shutdown(NativeHandle h, ShutdownHow how) const = 0;

  // --- data ------------------------------------------------------------------
  // Flags have been validated by api/; a flag the platform lacks is
  // kUnimplemented. Send/SendTo never raise SIGPIPE (MSG_NOSIGNAL or
  // SO_NOSIGPIPE): a write to a closed peer is kBrokenPipe.

  // Send. Corresponds to send(). Returns the bytes accepted (may be short).
  virtual absl::StatusOr<size_t> Send(NativeHandle h, const void* data,
                                      size_t len, MsgFlags flags) const = 0;
  // SendTo. Corresponds to sendto().
  virtual absl::StatusOr<size_t> SendTo(NativeHandle h, const void* data,
                                        size_t len, MsgFlags flags,
                                        const SocketAddress& to) const = 0;
  // Recv. Corresponds to recv(). 0 means end of stream (or an empty
  // datagram).
  virtual absl::StatusOr<size_t> Recv(NativeHandle h, void* buf, size_t len,
                                      MsgFlags flags) const = 0;
  // RecvFrom fills *from (family kUnspec when the OS reports no address,
  // e.g. connected TCP on Linux). Corresponds to recvfrom().
  virtual absl::StatusOr<size_t> RecvFrom(NativeHandle h, void* buf,
                                          size_t len, MsgFlags flags,
                                          SocketAddress* from) const = 0;

  // --- modes, readiness, options --------------------------------------------

  // SetNonBlocking sets the OS non-blocking flag. Corresponds to
  // ioctl(FIONBIO) / fcntl(O_NONBLOCK) / ioctlsocket(FIONBIO).
  virtual absl::Status SetNonBlocking(NativeHandle h, bool on) const = 0;

  // IsNonBlocking reads the OS flag back (Windows cannot: kUnimplemented).
  virtual absl::StatusOr<bool> IsNonBlocking(NativeHandle h) const = 0;

  // Wait waits up to `timeout_ms` (-1 = forever, 0 = poll) for `interest`
  // and returns the Ready bits, 0 on timeout; kInterrupted on EINTR.
  // Corresponds to poll() on POSIX (never select(): no FD_SETSIZE limit).
  // Windows uses select() with the write AND except sets for write interest,
  // because WSAPoll did not report failed connects before Windows 10 2004;
  // a Winsock fd_set is a list of handles, so one handle of any value fits.
  virtual absl::StatusOr<unsigned> Wait(NativeHandle h, unsigned interest,
                                        int timeout_ms) const = 0;

  // NativeOption maps a portable option to (level, name); kUnimplemented
  // naming the option when the platform lacks it.
  virtual absl::StatusOr<NativeOption> NativeOptionFor(Option option) const = 0;

  // NativeShutdownHow returns the value Shutdown passes to shutdown() for
  // `how`: SHUT_RD, SHUT_WR or SHUT_RDWR (SD_RECEIVE, SD_SEND or SD_BOTH on
  // Windows), from the backend's one table; -1 for a value that is not a
  // ShutdownHow. No system call.
  virtual int NativeShutdownHow(ShutdownHow how) const = 0;

  // GetSockOpt reads up to *len bytes into `buf`, sets *len to the size the
  // OS returned. Corresponds to getsockopt().
  virtual absl::Status GetSockOpt(NativeHandle h, NativeOption opt, void* buf,
                                  size_t* len) const = 0;
  // SetSockOpt. Corresponds to setsockopt().
  virtual absl::Status SetSockOpt(NativeHandle h, NativeOption opt,
                                  const void* buf, size_t len) const = 0;

  // IsInheritable / SetInheritable read and change FD_CLOEXEC
  // (HANDLE_FLAG_INHERIT on Windows).
  virtual absl::StatusOr<bool> IsInheritable(NativeHandle h) const = 0;
  virtual absl::Status SetInheritable(NativeHandle h, bool on) const = 0;

  // Ioctl runs a Winsock socket ioctl. Corresponds to WSAIoctl(). Backends
  // without them return kUnimplemented "... is not implemented on this
  // platform (<name>)".
  virtual absl::Status Ioctl(NativeHandle h, IoctlCode code,
                             const IoctlArg& arg) const = 0;

  // --- structured options ------------------------------------------------------
  // The options whose value is not a C int, in the platform's own layout, so
  // that api/ never builds a struct whose layout differs between systems.

  // GetLinger reads SO_LINGER. Corresponds to getsockopt(SO_LINGER): struct
  // linger {int, int} on POSIX (SO_LINGER_SEC where the system has it, so
  // the time is seconds and never clock ticks), {u_short, u_short} on
  // Windows.
  virtual absl::StatusOr<Linger> GetLinger(NativeHandle h) const = 0;
  // SetLinger writes SO_LINGER (as GetLinger). `linger.seconds` is 0..65535
  // (api/ checks), which every platform's field holds.
  virtual absl::Status SetLinger(NativeHandle h, Linger linger) const = 0;

  // GetTimeOption reads SO_RCVTIMEO or SO_SNDTIMEO (`option` kRcvTimeo or
  // kSndTimeo; another option is kInvalidArgument naming "option"); zero
  // means no timeout. Corresponds to getsockopt(): a struct timeval on POSIX
  // (Linux reports the time it keeps, in clock ticks), DWORD milliseconds on
  // Windows.
  virtual absl::StatusOr<absl::Duration> GetTimeOption(NativeHandle h,
                                                       Option option) const = 0;
  // SetTimeOption writes SO_RCVTIMEO or SO_SNDTIMEO. Zero (or an infinite
  // duration) means no timeout; a positive duration is rounded up to the
  // unit of the field (microseconds, milliseconds on Windows), so it never
  // becomes 0, and clamped to the largest the field holds. `value` is not
  // negative (api/ checks). Errors: kInvalidArgument naming "option" as
  // GetTimeOption.
  virtual absl::Status SetTimeOption(NativeHandle h, Option option,
                                     absl::Duration value) const = 0;

  // --- name resolution --------------------------------------------------------
  // The resolver's system calls. Arguments have been validated by api/;
  // the backend translates the portable hints and flags, calls the C library
  // (Winsock on Windows, started by the WindowsOs instance's reference), and
  // maps errors through its one EAI table: EAI_* codes become
  // ErrorKind::kAddrInfo* (ErrorClass kAddressInfo) with the native EAI code
  // (labelled "EAI"; on Windows the EAI codes are WSA codes, labelled "WSA")
  // and the system's text for it (gai_strerror); EAI_SYSTEM becomes the OS
  // error in errno. Results the portable vocabulary cannot express (unknown
  // families or types) are dropped.

  // GetAddrInfo resolves `host` and `service` (either may be null, not both)
  // into typed results in the order the OS returned them; a type the hints
  // leave unset matches any. Corresponds to getaddrinfo() (Winsock's ANSI
  // getaddrinfo on Windows). Errors: kAddrInfoNoName, kAddrInfoNoData,
  // kAddrInfoAgain, kAddrInfoFail, kAddrInfoFamily, kAddrInfoSockType,
  // kAddrInfoService, kAddrInfoBadFlags, kAddrInfoMemory, kAddrInfoOverflow,
  // kAddressInfo (other EAI codes); kFamilyNotSupported / kTypeNotSupported
  // for a hint the platform lacks.
  virtual absl::StatusOr<std::vector<AddrInfo>> GetAddrInfo(
      const char* host, const char* service,
      const AddrInfoHints& hints) const = 0;

  // GetNameInfo turns an IPv4/IPv6 address (api/ checks the family) into
  // host and service text. Corresponds to getnameinfo() (Winsock's ANSI
  // getnameinfo on Windows). Errors as GetAddrInfo.
  virtual absl::StatusOr<NameInfo> GetNameInfo(const SocketAddress& addr,
                                               uint32_t ni_flags) const = 0;

  // GetHostName returns the machine's host name. Corresponds to
  // gethostname().
  virtual absl::StatusOr<std::string> GetHostName() const = 0;

  // --- host, protocol and service databases -----------------------------------
  // The netdb lookups of Python's gethostbyname_ex, gethostbyaddr,
  // getprotobyname, getservbyname and getservbyport. Arguments have been
  // validated by api/. POSIX backends use the reentrant *_r functions where
  // the C library has them (glibc) and otherwise the classic functions under
  // one process-wide mutex (their results live in static storage); Winsock's
  // results are per thread, so the Windows backend calls them directly.
  // Host errors are h_errno (WSAGetLastError on Windows) through the
  // backend's one h_errno table: HOST_NOT_FOUND / WSAHOST_NOT_FOUND is
  // kHostNotFound, TRY_AGAIN / WSATRY_AGAIN kHostTryAgain, NO_RECOVERY /
  // WSANO_RECOVERY kHostNoRecovery, NO_DATA (= NO_ADDRESS) / WSANO_DATA
  // kHostNoData (ErrorClass kHostError), with the native code (labelled
  // "h_errno", or "WSA") and the system's text for it (hstrerror); an
  // internal error (NETDB_INTERNAL) is the OS error in errno. A protocol or
  // service lookup that finds nothing is kNotFound (ErrorClass kOsError, as
  // Python's OSError without errno) with the message "protocol not found",
  // "service/proto not found" or "port/proto not found" and no native code.

  // GetHostByName looks `name` up in the host database, IPv4 only: the
  // official name, the aliases and the IPv4 addresses (port 0). A numeric
  // IPv4 name is returned as its own entry by the C library. Corresponds to
  // gethostbyname_r() / gethostbyname(). Errors: the kHost* kinds.
  virtual absl::StatusOr<HostEntry> GetHostByName(const char* name) const = 0;

  // GetHostByAddr looks the IPv4 or IPv6 address `addr` (the port is
  // ignored) up in the host database: its name, the aliases and the
  // addresses of the entry (of `addr`'s family). Corresponds to
  // gethostbyaddr_r() / gethostbyaddr(). Errors: the kHost* kinds;
  // kInvalidArgument naming "address" for another family.
  virtual absl::StatusOr<HostEntry> GetHostByAddr(
      const SocketAddress& addr) const = 0;

  // GetProtoByName returns the number of protocol `name` ("tcp" is 6) from
  // the protocols database. Corresponds to getprotobyname_r() /
  // getprotobyname(). Errors: kNotFound "protocol not found".
  virtual absl::StatusOr<int> GetProtoByName(const char* name) const = 0;

  // GetServByName returns the port (host byte order) of service `name` for
  // protocol `proto` (nullptr: the first entry of any protocol) from the
  // services database. Corresponds to getservbyname_r() / getservbyname().
  // Errors: kNotFound "service/proto not found".
  virtual absl::StatusOr<uint16_t> GetServByName(const char* name,
                                                 const char* proto) const = 0;

  // GetServByPort returns the service name of `port` (host byte order) for
  // protocol `proto` (nullptr: any) from the services database. Corresponds
  // to getservbyport_r() / getservbyport(). Errors: kNotFound "port/proto
  // not found".
  virtual absl::StatusOr<std::string> GetServByPort(
      uint16_t port, const char* proto) const = 0;

  // --- testing -----------------------------------------------------------------

  // OpenHandleCountForTesting counts the process's open descriptors/handles
  // (for leak checks). kUnimplemented without kHandleCount.
  virtual absl::StatusOr<int> OpenHandleCountForTesting() const = 0;
};

// NativeOs returns the backend chosen at build time for this OS (defined by
// exactly one of the backend libraries selected in //platform:native).
const Os& NativeOs();

}  // namespace platform
}  // namespace xsock

#endif  // XSOCK_PLATFORM_OS_H_
