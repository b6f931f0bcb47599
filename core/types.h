// core/types.h
//
// Portable vocabulary enums shared by every layer: address families, socket
// types, shutdown directions and message flags. The values are xsock's own,
// not any OS's numbers; each backend translates them in one place and rejects
// a value it does not know with ErrorKind::kInvalidArgument.
//
// No OS headers, no system calls.

#ifndef XSOCK_CORE_TYPES_H_
#define XSOCK_CORE_TYPES_H_

#include <cstdint>
#include <string_view>

namespace xsock {

// Family is an address family (Python: AF_*).
enum class Family : int {
  kUnspec = 0,   // AF_UNSPEC: only meaningful for resolution filters.
  kInet = 1,     // AF_INET
  kInet6 = 2,    // AF_INET6
  kUnix = 3,     // AF_UNIX (AF_LOCAL)
  kNetlink = 4,  // AF_NETLINK (Linux only)
  kTipc = 5,     // AF_TIPC (Linux only, needs the tipc kernel module)
};

// Type is a socket type (Python: SOCK_*). SOCK_NONBLOCK / SOCK_CLOEXEC are not
// types: non-blocking mode is a timeout of zero and sockets are always created
// non-inheritable.
enum class Type : int {
  kStream = 1,     // SOCK_STREAM
  kDgram = 2,      // SOCK_DGRAM
  kRaw = 3,        // SOCK_RAW
  kSeqPacket = 4,  // SOCK_SEQPACKET
  kRdm = 5,        // SOCK_RDM
};

// ShutdownHow selects what shutdown() closes (Python: SHUT_RD, SHUT_WR,
// SHUT_RDWR).
enum class ShutdownHow : int {
  kRead = 0,
  kWrite = 1,
  kBoth = 2,
};

// MsgFlags is a bit set of portable message flags (Python: MSG_*). The backend
// maps each bit to its native flag; a bit the platform lacks is rejected with
// ErrorKind::kUnimplemented naming the flag.
enum class MsgFlags : uint32_t {
  kNone = 0,
  kPeek = 1u << 0,       // MSG_PEEK
  kOob = 1u << 1,        // MSG_OOB
  kWaitAll = 1u << 2,    // MSG_WAITALL
  kDontWait = 1u << 3,   // MSG_DONTWAIT (POSIX only)
  kDontRoute = 1u << 4,  // MSG_DONTROUTE
  kTrunc = 1u << 5,      // MSG_TRUNC (Linux: return the real datagram length)
  kEor = 1u << 6,        // MSG_EOR
};
inline constexpr uint32_t kAllMsgFlags = (1u << 7) - 1;

constexpr MsgFlags operator|(MsgFlags a, MsgFlags b) {
  return static_cast<MsgFlags>(static_cast<uint32_t>(a) |
                               static_cast<uint32_t>(b));
}
constexpr MsgFlags operator&(MsgFlags a, MsgFlags b) {
  return static_cast<MsgFlags>(static_cast<uint32_t>(a) &
                               static_cast<uint32_t>(b));
}
constexpr bool HasFlag(MsgFlags set, MsgFlags flag) {
  return (static_cast<uint32_t>(set) & static_cast<uint32_t>(flag)) != 0;
}

// IsValidFamily returns whether `f` is one of the Family enumerators.
constexpr bool IsValidFamily(Family f) {
  return static_cast<int>(f) >= 0 && static_cast<int>(f) <= 5;
}
// IsValidType returns whether `t` is one of the Type enumerators.
constexpr bool IsValidType(Type t) {
  return static_cast<int>(t) >= 1 && static_cast<int>(t) <= 5;
}
// IsValidShutdownHow returns whether `h` is one of the ShutdownHow values.
constexpr bool IsValidShutdownHow(ShutdownHow h) {
  return static_cast<int>(h) >= 0 && static_cast<int>(h) <= 2;
}
// IsValidMsgFlags returns whether `f` has only known bits set.
constexpr bool IsValidMsgFlags(MsgFlags f) {
  return (static_cast<uint32_t>(f) & ~kAllMsgFlags) == 0;
}

// FamilyName returns "AF_INET", "AF_INET6", ... or "AF_?" for other values.
std::string_view FamilyName(Family f);
// TypeName returns "SOCK_STREAM", ... or "SOCK_?" for other values.
std::string_view TypeName(Type t);

}  // namespace xsock

#endif  // XSOCK_CORE_TYPES_H_
