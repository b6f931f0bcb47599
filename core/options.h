// core/options.h
//
// Portable socket option descriptors. Option names the common options in one
// vocabulary; each backend maps an Option to its native (level, name) pair
// (platform::Os::NativeOption) or reports it unavailable. The descriptor says
// how the value is shaped, so api/ can validate once.
//
// No OS headers, no system calls.

#ifndef XSOCK_CORE_OPTIONS_H_
#define XSOCK_CORE_OPTIONS_H_

#include <string_view>

namespace xsock {

// OptionLevel is the protocol level an option lives at.
enum class OptionLevel { kSocket, kTcp, kIp, kIpv6 };

// OptionShape is the C type of an option's value.
enum class OptionShape {
  kInt,      // int (booleans are ints 0/1)
  kLinger,   // struct linger
  kTimeval,  // struct timeval on POSIX, DWORD milliseconds on Windows
  kInAddr,   // struct in_addr (4 bytes, network order)
  kIpMreq,   // struct ip_mreq: group and interface in_addr (8 bytes, the
             // same layout on POSIX and Windows)
  kIpv6Mreq,  // struct ipv6_mreq: group in6_addr, unsigned interface index
              // (20 bytes, the same layout on POSIX and Windows)
};

// Option lists the portable options, grouped by level.
enum class Option {
  // SOL_SOCKET
  kReuseAddr,   // SO_REUSEADDR
  kReusePort,   // SO_REUSEPORT
  kKeepAlive,   // SO_KEEPALIVE
  kBroadcast,   // SO_BROADCAST
  kLinger,      // SO_LINGER
  kRcvBuf,      // SO_RCVBUF
  kSndBuf,      // SO_SNDBUF
  kRcvTimeo,    // SO_RCVTIMEO
  kSndTimeo,    // SO_SNDTIMEO
  kRcvLowat,    // SO_RCVLOWAT
  kOobInline,   // SO_OOBINLINE
  kDontRoute,   // SO_DONTROUTE
  kType,        // SO_TYPE (read-only)
  kError,       // SO_ERROR (read-only, reading clears it)
  kAcceptConn,  // SO_ACCEPTCONN (read-only)
  // IPPROTO_TCP
  kTcpNoDelay,    // TCP_NODELAY
  kTcpKeepIdle,   // TCP_KEEPIDLE
  kTcpKeepIntvl,  // TCP_KEEPINTVL
  kTcpKeepCnt,    // TCP_KEEPCNT
  kTcpMaxSeg,     // TCP_MAXSEG
  // IPPROTO_IP
  kIpTtl,            // IP_TTL
  kIpTos,            // IP_TOS
  kIpMulticastTtl,   // IP_MULTICAST_TTL
  kIpMulticastLoop,  // IP_MULTICAST_LOOP
  kIpHdrIncl,        // IP_HDRINCL
  kIpAddMembership,   // IP_ADD_MEMBERSHIP (write-only)
  kIpDropMembership,  // IP_DROP_MEMBERSHIP (write-only)
  kIpMulticastIf,     // IP_MULTICAST_IF
  // IPPROTO_IPV6
  kIpv6V6Only,          // IPV6_V6ONLY
  kIpv6UnicastHops,     // IPV6_UNICAST_HOPS
  kIpv6MulticastHops,   // IPV6_MULTICAST_HOPS
  kIpv6MulticastLoop,   // IPV6_MULTICAST_LOOP
  kIpv6JoinGroup,       // IPV6_JOIN_GROUP (IPV6_ADD_MEMBERSHIP; write-only)
  kIpv6LeaveGroup,      // IPV6_LEAVE_GROUP (IPV6_DROP_MEMBERSHIP; write-only)
  kIpv6MulticastIf,     // IPV6_MULTICAST_IF (an interface index)
};
inline constexpr int kOptionCount = static_cast<int>(Option::kIpv6MulticastIf) + 1;

struct OptionInfo {
  Option id;
  std::string_view name;  // the C name, e.g. "SO_REUSEADDR"
  OptionLevel level;
  OptionShape shape;
  bool writable;  // false for SO_TYPE, SO_ERROR, SO_ACCEPTCONN
};

// GetOptionInfo returns the descriptor of `option`; nullptr for a value
// outside the enumeration.
const OptionInfo* GetOptionInfo(Option option);

}  // namespace xsock

#endif  // XSOCK_CORE_OPTIONS_H_
