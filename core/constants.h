// core/constants.h
//
// The names of Python's socket-module constants that xsock knows, each with
// its family: address families (AF_*), socket types (SOCK_*), socket-level
// options (SO_*), option levels (SOL_*), protocol numbers (IPPROTO_*),
// reserved ports (IPPORT_*), IPv4 addresses (INADDR_*), IPv4, IPv6 and TCP
// options (IP_*, IPV6_*, TCP_*), message flags (MSG_*), resolver errors,
// flags and limits (EAI_*, AI_*, NI_*), shutdown directions (SHUT_*),
// SOMAXCONN, the Winsock ioctls and their arguments (SIO_*, RCVALL_*), and
// the Linux TIPC and netlink constants (TIPC_*, NETLINK_*).
//
// The list is portable: it names every constant CPython's socket module
// defines in these families on some platform, whether or not this platform
// has it. The values are the platform's own and live in platform/constants.h
// (public: xsock/constants.h). Left out: the options and other constants of
// protocols xsock does not model (Bluetooth BTPROTO_*/SO_L2CAP_*/..., CAN_*,
// J1939_*, RDS_*, ALG_*, PACKET_*, the VSOCK and Hyper-V SO_* options), the
// PF_* aliases, SCM_* and ETH*; those protocols' AF_* and SOL_* numbers are
// in the list.
//
// No OS headers, no system calls.

#ifndef XSOCK_CORE_CONSTANTS_H_
#define XSOCK_CORE_CONSTANTS_H_

#include <string_view>

#include "absl/types/span.h"

namespace xsock {

// ConstantFamily groups the known constants by their name's prefix.
enum class ConstantFamily {
  kAf,         // AF_*: address families
  kSock,       // SOCK_*: socket types and socket() flags
  kSo,         // SO_*: SOL_SOCKET-level options
  kSol,        // SOL_*: option levels
  kIpproto,    // IPPROTO_*: protocol numbers
  kIpport,     // IPPORT_*: reserved port limits
  kInaddr,     // INADDR_*: IPv4 addresses, host byte order
  kIp,         // IP_*: IPPROTO_IP options
  kIpv6,       // IPV6_*: IPPROTO_IPV6 options
  kTcp,        // TCP_*: IPPROTO_TCP options
  kMsg,        // MSG_*: send/recv flags
  kEai,        // EAI_*: getaddrinfo/getnameinfo errors
  kAi,         // AI_*: getaddrinfo flags
  kNi,         // NI_*: getnameinfo flags and buffer sizes
  kShut,       // SHUT_*: shutdown directions
  kSomaxconn,  // SOMAXCONN: the listen backlog limit
  kSio,        // SIO_*, RCVALL_*: Winsock ioctls and SIO_RCVALL's modes
  kTipc,       // TIPC_*: Linux TIPC addresses, options, subscriptions
  kNetlink,    // NETLINK_*: Linux netlink protocols
};
inline constexpr int kConstantFamilyCount =
    static_cast<int>(ConstantFamily::kNetlink) + 1;

// ConstantName is one known constant: its Python (and C) name and family.
struct ConstantName {
  std::string_view name;
  ConstantFamily family;
};

// KnownConstants returns every known constant, grouped by family in the
// order of ConstantFamily, each name once.
absl::Span<const ConstantName> KnownConstants();

// FindKnownConstant returns the entry named `name` (exact, case-sensitive
// match), or nullptr for a name xsock does not know.
const ConstantName* FindKnownConstant(std::string_view name);

// ConstantFamilyPrefix returns the family's name prefix: "AF_", "SOCK_",
// ..., "SOMAXCONN" for kSomaxconn, "SIO_" for kSio (whose RCVALL_* names
// are SIO_RCVALL's arguments); "?" for a value outside the enumeration.
std::string_view ConstantFamilyPrefix(ConstantFamily family);

}  // namespace xsock

#endif  // XSOCK_CORE_CONSTANTS_H_
