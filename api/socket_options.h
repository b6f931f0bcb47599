// xsock/socket_options.h
//
// Typed socket options: one getter and one setter per common option, over a
// Socket, with the value in its natural C++ type and unit (bool, int,
// absl::Duration) on every OS. Include as "xsock/socket_options.h". The
// documented behaviour is docs/behaviour/options.md (OPT-17 to OPT-32).
//
// Each function is one getsockopt()/setsockopt() (through the socket's
// backend, platform::Os), so it costs what the raw call costs; the integer
// options go through Socket::GetOption/SetOption, the structured ones
// (SO_LINGER, SO_RCVTIMEO, SO_SNDTIMEO) through the backend's typed calls,
// which use the platform's own struct layout, and the multicast memberships
// through the buffer form with the ip_mreq / ipv6_mreq layout every platform
// shares (core/options.h).
//
// Errors (every function): kInvalidArgument "<call>: socket: socket is
// closed" on a closed socket, exactly as the Socket methods say it (the call
// is "getsockopt" or "setsockopt"); kInvalidArgument naming the argument for
// bad input ("setsockopt: linger: ...") before any system call, and naming
// "socket" when the socket's family does not have the option (an AF_UNIX
// socket asked for its TTL); kUnimplemented naming the option where the
// platform lacks it (SO_REUSEPORT on Windows); otherwise the OS's error with
// its portable kind.

#ifndef XSOCK_API_SOCKET_OPTIONS_H_
#define XSOCK_API_SOCKET_OPTIONS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "xsock/socket.h"

namespace xsock {

// --- SOL_SOCKET ----------------------------------------------------------------

// GetReuseAddress / SetReuseAddress read and change SO_REUSEADDR: whether a
// bind may reuse an address whose previous socket is in TIME_WAIT (off by
// default). It never lets a second socket bind the address of a live
// listener (OPT-15). Corresponds to get/setsockopt(SOL_SOCKET,
// SO_REUSEADDR). Platform notes: on Windows the backend gives the option this
// portable meaning through SO_EXCLUSIVEADDRUSE (platform/windows/
// windows_os.h). OPT-17.
absl::StatusOr<bool> GetReuseAddress(const Socket& socket);
absl::Status SetReuseAddress(Socket& socket, bool on);

// GetReusePort / SetReusePort read and change SO_REUSEPORT: whether several
// sockets that all set it may bind the same address and port. Corresponds to
// get/setsockopt(SOL_SOCKET, SO_REUSEPORT). Errors: kUnimplemented naming
// SO_REUSEPORT where the platform lacks it (Windows). Platform notes: Linux
// balances connections and datagrams between the sockets; BSD and macOS give
// multicast datagrams to all of them. OPT-18.
absl::StatusOr<bool> GetReusePort(const Socket& socket);
absl::Status SetReusePort(Socket& socket, bool on);

// GetKeepAlive / SetKeepAlive read and change SO_KEEPALIVE: whether the TCP
// stack probes an idle connection (off by default). Corresponds to
// get/setsockopt(SOL_SOCKET, SO_KEEPALIVE). OPT-19.
absl::StatusOr<bool> GetKeepAlive(const Socket& socket);
absl::Status SetKeepAlive(Socket& socket, bool on);

// GetBroadcast / SetBroadcast read and change SO_BROADCAST: whether the
// socket may send to a broadcast address (off by default; without it such a
// send is kPermissionDenied). Corresponds to get/setsockopt(SOL_SOCKET,
// SO_BROADCAST). OPT-25.
absl::StatusOr<bool> GetBroadcast(const Socket& socket);
absl::Status SetBroadcast(Socket& socket, bool on);

// GetLinger returns SO_LINGER: nullopt when close does not linger (the
// default), else the linger time in whole seconds (zero: close resets the
// connection). SetLinger changes it: nullopt turns lingering off, a duration
// turns it on for that many seconds. Errors: kInvalidArgument naming
// "linger" for a negative, infinite or fractional duration or one above
// 65535 seconds (the largest Windows holds, so the same values work
// everywhere). Corresponds to get/setsockopt(SOL_SOCKET, SO_LINGER) with the
// platform's struct linger (Os::GetLinger/SetLinger). Platform notes: the
// fields are two ints on POSIX and two u_shorts on Windows; on Apple systems
// the backend uses SO_LINGER_SEC, because SO_LINGER counts clock ticks there
// (quirk CLOSE-06). OPT-20.
absl::StatusOr<std::optional<absl::Duration>> GetLinger(const Socket& socket);
absl::Status SetLinger(Socket& socket, std::optional<absl::Duration> linger);

// GetReceiveBufferSize / SetReceiveBufferSize read and change SO_RCVBUF, the
// kernel's receive buffer in bytes; GetSendBufferSize / SetSendBufferSize the
// same for SO_SNDBUF. Errors: kInvalidArgument naming "size" for a size that
// is not positive. Corresponds to get/setsockopt(SOL_SOCKET,
// SO_RCVBUF/SO_SNDBUF). Platform notes (quirk OPT-02): the value read back
// is the kernel's, not the request: Linux doubles the request (bookkeeping
// overhead) and clamps it between a minimum and net.core.rmem_max /
// wmem_max; BSD, macOS and Windows report the value set. Portable code may
// rely only on "changed, and at least the request" for a modest size.
// OPT-21.
absl::StatusOr<int> GetReceiveBufferSize(const Socket& socket);
absl::Status SetReceiveBufferSize(Socket& socket, int size);
absl::StatusOr<int> GetSendBufferSize(const Socket& socket);
absl::Status SetSendBufferSize(Socket& socket, int size);

// GetReceiveTimeout / SetReceiveTimeout read and change the OS receive
// timeout SO_RCVTIMEO; GetSendTimeout / SetSendTimeout the OS send timeout
// SO_SNDTIMEO. nullopt means none (the default); a duration is rounded up to
// the platform's unit (never down to 0, which would mean none). Errors:
// kInvalidArgument naming "timeout" for a zero, negative or infinite
// duration (use nullopt for none). Corresponds to get/setsockopt(SOL_SOCKET,
// SO_RCVTIMEO/SO_SNDTIMEO) (Os::GetTimeOption/SetTimeOption).
//
// These are the kernel's timeouts, separate from the socket's own mode
// (Socket::SetTimeout, xsock/socket.h):
//   - blocking mode (timeout nullopt): the OS handle is blocking, so the OS
//     timeout applies; a recv/send (accept too on Linux) that it ends fails
//     with the OS's error, returned unchanged: kWouldBlock on POSIX
//     (EAGAIN/EWOULDBLOCK) and kTimedOut on Windows (WSAETIMEDOUT). Portable
//     code treats either kind as "the OS timeout expired".
//   - timeout mode and non-blocking mode: xsock keeps the OS handle
//     non-blocking, so the OS never waits and the OS timeouts have no
//     effect; the socket's own timeout (kTimedOut) or kWouldBlock applies.
// Platform notes (quirk OPT-01): a struct timeval on POSIX, where Linux
// keeps the time in clock ticks (a read returns the request rounded up to
// the kernel's tick, exact for whole multiples of 10 ms); DWORD milliseconds
// on Windows, where the socket's state after a timed-out call is
// indeterminate (Microsoft: close it). OPT-22.
absl::StatusOr<std::optional<absl::Duration>> GetReceiveTimeout(
    const Socket& socket);
absl::Status SetReceiveTimeout(Socket& socket,
                               std::optional<absl::Duration> timeout);
absl::StatusOr<std::optional<absl::Duration>> GetSendTimeout(
    const Socket& socket);
absl::Status SetSendTimeout(Socket& socket,
                            std::optional<absl::Duration> timeout);

// --- IPPROTO_TCP -----------------------------------------------------------------

// GetNoDelay / SetNoDelay read and change TCP_NODELAY: whether small
// segments are sent at once instead of being coalesced (Nagle's algorithm;
// off by default). Corresponds to get/setsockopt(IPPROTO_TCP, TCP_NODELAY).
// Platform notes: Windows stores it as one byte; the backend widens it.
// OPT-23.
absl::StatusOr<bool> GetNoDelay(const Socket& socket);
absl::Status SetNoDelay(Socket& socket, bool on);

// --- IPPROTO_IP / IPPROTO_IPV6 ---------------------------------------------------

// GetV6Only / SetV6Only read and change IPV6_V6ONLY: whether an AF_INET6
// socket is restricted to IPv6 (no IPv4-mapped traffic). Set it before
// bind. Errors: kInvalidArgument naming "socket" for a socket that is not
// AF_INET6. Corresponds to get/setsockopt(IPPROTO_IPV6, IPV6_V6ONLY).
// Platform notes (quirk BIND-06): the default differs (Linux: the
// net.ipv6.bindv6only sysctl, usually off; BSD, macOS and Windows: on).
// OPT-24.
absl::StatusOr<bool> GetV6Only(const Socket& socket);
absl::Status SetV6Only(Socket& socket, bool on);

// GetTtl / SetTtl read and change the unicast hop limit of outgoing
// packets: IP_TTL on an AF_INET socket, IPV6_UNICAST_HOPS on an AF_INET6
// socket. Errors: kInvalidArgument naming "ttl" outside 1..255, naming
// "socket" for another family. Corresponds to get/setsockopt(IPPROTO_IP,
// IP_TTL) / (IPPROTO_IPV6, IPV6_UNICAST_HOPS). Platform notes: the default
// is 64 on Linux and macOS and 128 on Windows. OPT-26.
absl::StatusOr<int> GetTtl(const Socket& socket);
absl::Status SetTtl(Socket& socket, int ttl);

// GetMulticastTtl / SetMulticastTtl read and change the hop limit of
// outgoing multicast packets (default 1: the local network; 0: this host
// only): IP_MULTICAST_TTL on AF_INET, IPV6_MULTICAST_HOPS on AF_INET6.
// Errors: kInvalidArgument naming "ttl" outside 0..255, naming "socket" for
// another family. Corresponds to get/setsockopt(IPPROTO_IP,
// IP_MULTICAST_TTL) / (IPPROTO_IPV6, IPV6_MULTICAST_HOPS). Platform notes:
// passed as an int everywhere (BSD and macOS also accept it, though their
// native IPv4 type is u_char). OPT-27.
absl::StatusOr<int> GetMulticastTtl(const Socket& socket);
absl::Status SetMulticastTtl(Socket& socket, int ttl);

// GetMulticastLoop / SetMulticastLoop read and change whether multicast
// datagrams this socket sends are looped back to the host's own members (on
// by default): IP_MULTICAST_LOOP on AF_INET, IPV6_MULTICAST_LOOP on
// AF_INET6. Errors: kInvalidArgument naming "socket" for another family.
// Corresponds to get/setsockopt(IPPROTO_IP, IP_MULTICAST_LOOP) /
// (IPPROTO_IPV6, IPV6_MULTICAST_LOOP). Platform notes: POSIX applies it to
// the sending socket, Windows to the receiving one. OPT-28.
absl::StatusOr<bool> GetMulticastLoop(const Socket& socket);
absl::Status SetMulticastLoop(Socket& socket, bool on);

// GetMulticastInterfaceV4 / SetMulticastInterfaceV4 read and change
// IP_MULTICAST_IF on an AF_INET socket: the address of the interface that
// outgoing multicast datagrams leave from, as a dotted quad ("0.0.0.0", the
// default: the system chooses by its routes). Errors: kInvalidArgument
// naming "interface_address" when it is not a numeric IPv4 address, naming
// "socket" for a socket that is not AF_INET; kAddressNotAvailable (or the
// OS's kind) for an address no interface has. Corresponds to
// get/setsockopt(IPPROTO_IP, IP_MULTICAST_IF) with a struct in_addr (a DWORD
// in network order on Windows: the same four bytes). Platform notes: Linux
// refuses the option on a stream socket (EINVAL). OPT-32.
absl::StatusOr<std::string> GetMulticastInterfaceV4(const Socket& socket);
absl::Status SetMulticastInterfaceV4(Socket& socket,
                                     std::string_view interface_address);

// GetMulticastInterfaceV6 / SetMulticastInterfaceV6 read and change
// IPV6_MULTICAST_IF on an AF_INET6 socket: the index of the interface that
// outgoing multicast datagrams leave from (0, the default: the system
// chooses). Errors: kInvalidArgument naming "socket" for a socket that is
// not AF_INET6; the OS's error for an index no interface has (Linux:
// ENODEV). Corresponds to get/setsockopt(IPPROTO_IPV6, IPV6_MULTICAST_IF)
// with an unsigned int (DWORD on Windows). Platform notes: Linux refuses the
// option on a stream socket (ENOPROTOOPT). OPT-32.
absl::StatusOr<uint32_t> GetMulticastInterfaceV6(const Socket& socket);
absl::Status SetMulticastInterfaceV6(Socket& socket, uint32_t interface_index);

// JoinMulticastV4 makes the AF_INET socket a member of the IPv4 multicast
// `group` (224.0.0.0/4) on the interface whose address is
// `interface_address` ("0.0.0.0": the system chooses); LeaveMulticastV4 ends
// the membership. Both addresses are numeric dotted quads (core/inet.h
// ParseIPv4). (The parameter is not called `interface`: the Windows headers
// define that name as a macro.) Errors: kInvalidArgument naming "group"
// when it is not an IPv4 address or not a multicast one, naming
// "interface_address" when it is not an IPv4 address, naming
// "socket" for a socket that is not AF_INET; kAddressNotAvailable for
// leaving a group the socket is not a member of (Windows answers WSAEINVAL;
// the backend reports it as this kind) or for an interface address no
// interface has; joining a group the socket is already a member of is the
// OS's error (POSIX: EADDRINUSE, kAddressInUse; Windows documents
// WSAEADDRNOTAVAIL, kAddressNotAvailable). Corresponds to
// setsockopt(IPPROTO_IP,
// IP_ADD_MEMBERSHIP / IP_DROP_MEMBERSHIP) with a struct ip_mreq (the same
// layout on every platform). OPT-29.
absl::Status JoinMulticastV4(Socket& socket, std::string_view group,
                             std::string_view interface_address = "0.0.0.0");
absl::Status LeaveMulticastV4(
    Socket& socket, std::string_view group,
    std::string_view interface_address = "0.0.0.0");

// JoinMulticastV6 makes the AF_INET6 socket a member of the IPv6 multicast
// `group` (ff00::/8) on the interface with index `interface_index` (0: the
// system chooses, by its routes); LeaveMulticastV6 ends the membership. The
// group is numeric IPv6 text without a zone (core/inet.h ParseIPv6).
// Errors: kInvalidArgument naming "group" when it is not an IPv6 address or
// not a multicast one, naming "socket" for a socket that is not AF_INET6;
// kAddressNotAvailable for leaving a group the socket is not a member of
// (normalised on Windows as for IPv4); joining twice as for IPv4; the OS's
// error for an index no interface has (Linux: ENODEV, kind
// kUnknown). Corresponds to setsockopt(IPPROTO_IPV6, IPV6_JOIN_GROUP /
// IPV6_LEAVE_GROUP) (IPV6_ADD_MEMBERSHIP / IPV6_DROP_MEMBERSHIP on Linux)
// with a struct ipv6_mreq (the same layout on every platform). OPT-30.
absl::Status JoinMulticastV6(Socket& socket, std::string_view group,
                             uint32_t interface_index = 0);
absl::Status LeaveMulticastV6(Socket& socket, std::string_view group,
                              uint32_t interface_index = 0);

}  // namespace xsock

#endif  // XSOCK_API_SOCKET_OPTIONS_H_
