// platform/posix/translate.cc: the portable -> native tables of the POSIX
// backends. Every #ifdef about which constants a platform has is here; the
// lookups over the tables (and the checks of their sizes) are shared with the
// Windows backend in platform/internal/translate.h.

#include "platform/posix/translate.h"

#include <netdb.h>
#include <stddef.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include "core/options.h"
#include "core/types.h"
#include "platform/internal/addrinfo.h"
#include "platform/internal/translate.h"

namespace xsock {
namespace platform {
namespace posix_internal {
namespace {

// Families, indexed by Family value.
constexpr int kFamilies[] = {
    -1,       // kUnspec: never a socket family here
    AF_INET,  // kInet
    AF_INET6,  // kInet6
    AF_UNIX,  // kUnix
#ifdef AF_NETLINK
    AF_NETLINK,  // kNetlink
#else
    -1,
#endif
#ifdef AF_TIPC
    AF_TIPC,  // kTipc
#else
    -1,
#endif
};

// Types, indexed by Type value.
constexpr int kTypes[] = {
    -1,           // 0: not a Type
    SOCK_STREAM,  // kStream
    SOCK_DGRAM,   // kDgram
    SOCK_RAW,     // kRaw
    SOCK_SEQPACKET,  // kSeqPacket
#ifdef SOCK_RDM
    SOCK_RDM,  // kRdm
#else
    -1,
#endif
};

// Shutdown directions, indexed by ShutdownHow value.
constexpr int kShutdownHows[] = {
    SHUT_RD,    // kRead
    SHUT_WR,    // kWrite
    SHUT_RDWR,  // kBoth
};

struct FlagEntry {
  MsgFlags flag;
  int native;  // -1: the platform lacks it
  std::string_view name;
};

constexpr FlagEntry kMsgFlags[] = {
    {MsgFlags::kPeek, MSG_PEEK, "MSG_PEEK"},
    {MsgFlags::kOob, MSG_OOB, "MSG_OOB"},
    {MsgFlags::kWaitAll, MSG_WAITALL, "MSG_WAITALL"},
#ifdef MSG_DONTWAIT
    {MsgFlags::kDontWait, MSG_DONTWAIT, "MSG_DONTWAIT"},
#else
    {MsgFlags::kDontWait, -1, "MSG_DONTWAIT"},
#endif
    {MsgFlags::kDontRoute, MSG_DONTROUTE, "MSG_DONTROUTE"},
#ifdef MSG_TRUNC
    {MsgFlags::kTrunc, MSG_TRUNC, "MSG_TRUNC"},
#else
    {MsgFlags::kTrunc, -1, "MSG_TRUNC"},
#endif
#ifdef MSG_EOR
    {MsgFlags::kEor, MSG_EOR, "MSG_EOR"},
#else
    {MsgFlags::kEor, -1, "MSG_EOR"},
#endif
};

using internal::OptionEntry;

#define XSOCK_OPT(option, level, name) {Option::option, level, name}
#define XSOCK_NO_OPT(option) {Option::option, -1, -1}

// kOptions is indexed by Option value (checked by the static_assert below and
// at run time).
constexpr OptionEntry kOptions[] = {
    XSOCK_OPT(kReuseAddr, SOL_SOCKET, SO_REUSEADDR),
#ifdef SO_REUSEPORT
    XSOCK_OPT(kReusePort, SOL_SOCKET, SO_REUSEPORT),
#else
    XSOCK_NO_OPT(kReusePort),
#endif
    XSOCK_OPT(kKeepAlive, SOL_SOCKET, SO_KEEPALIVE),
    XSOCK_OPT(kBroadcast, SOL_SOCKET, SO_BROADCAST),
    XSOCK_OPT(kLinger, SOL_SOCKET, SO_LINGER),
    XSOCK_OPT(kRcvBuf, SOL_SOCKET, SO_RCVBUF),
    XSOCK_OPT(kSndBuf, SOL_SOCKET, SO_SNDBUF),
    XSOCK_OPT(kRcvTimeo, SOL_SOCKET, SO_RCVTIMEO),
    XSOCK_OPT(kSndTimeo, SOL_SOCKET, SO_SNDTIMEO),
    XSOCK_OPT(kRcvLowat, SOL_SOCKET, SO_RCVLOWAT),
    XSOCK_OPT(kOobInline, SOL_SOCKET, SO_OOBINLINE),
    XSOCK_OPT(kDontRoute, SOL_SOCKET, SO_DONTROUTE),
    XSOCK_OPT(kType, SOL_SOCKET, SO_TYPE),
    XSOCK_OPT(kError, SOL_SOCKET, SO_ERROR),
#ifdef SO_ACCEPTCONN
    XSOCK_OPT(kAcceptConn, SOL_SOCKET, SO_ACCEPTCONN),
#else
    XSOCK_NO_OPT(kAcceptConn),
#endif
    XSOCK_OPT(kTcpNoDelay, IPPROTO_TCP, TCP_NODELAY),
#if defined(TCP_KEEPIDLE)
    XSOCK_OPT(kTcpKeepIdle, IPPROTO_TCP, TCP_KEEPIDLE),
#elif defined(TCP_KEEPALIVE)
    // Apple names the idle time TCP_KEEPALIVE (seconds, same meaning).
    XSOCK_OPT(kTcpKeepIdle, IPPROTO_TCP, TCP_KEEPALIVE),
#else
    XSOCK_NO_OPT(kTcpKeepIdle),
#endif
#ifdef TCP_KEEPINTVL
    XSOCK_OPT(kTcpKeepIntvl, IPPROTO_TCP, TCP_KEEPINTVL),
#else
    XSOCK_NO_OPT(kTcpKeepIntvl),
#endif
#ifdef TCP_KEEPCNT
    XSOCK_OPT(kTcpKeepCnt, IPPROTO_TCP, TCP_KEEPCNT),
#else
    XSOCK_NO_OPT(kTcpKeepCnt),
#endif
#ifdef TCP_MAXSEG
    XSOCK_OPT(kTcpMaxSeg, IPPROTO_TCP, TCP_MAXSEG),
#else
    XSOCK_NO_OPT(kTcpMaxSeg),
#endif
    XSOCK_OPT(kIpTtl, IPPROTO_IP, IP_TTL),
    XSOCK_OPT(kIpTos, IPPROTO_IP, IP_TOS),
    XSOCK_OPT(kIpMulticastTtl, IPPROTO_IP, IP_MULTICAST_TTL),
    XSOCK_OPT(kIpMulticastLoop, IPPROTO_IP, IP_MULTICAST_LOOP),
#ifdef IP_HDRINCL
    XSOCK_OPT(kIpHdrIncl, IPPROTO_IP, IP_HDRINCL),
#else
    XSOCK_NO_OPT(kIpHdrIncl),
#endif
    XSOCK_OPT(kIpAddMembership, IPPROTO_IP, IP_ADD_MEMBERSHIP),
    XSOCK_OPT(kIpDropMembership, IPPROTO_IP, IP_DROP_MEMBERSHIP),
    XSOCK_OPT(kIpMulticastIf, IPPROTO_IP, IP_MULTICAST_IF),
    XSOCK_OPT(kIpv6V6Only, IPPROTO_IPV6, IPV6_V6ONLY),
    XSOCK_OPT(kIpv6UnicastHops, IPPROTO_IPV6, IPV6_UNICAST_HOPS),
    XSOCK_OPT(kIpv6MulticastHops, IPPROTO_IPV6, IPV6_MULTICAST_HOPS),
    XSOCK_OPT(kIpv6MulticastLoop, IPPROTO_IPV6, IPV6_MULTICAST_LOOP),
#if defined(IPV6_JOIN_GROUP)
    XSOCK_OPT(kIpv6JoinGroup, IPPROTO_IPV6, IPV6_JOIN_GROUP),
    XSOCK_OPT(kIpv6LeaveGroup, IPPROTO_IPV6, IPV6_LEAVE_GROUP),
#else
    // Older systems name them after RFC 2133.
    XSOCK_OPT(kIpv6JoinGroup, IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP),
    XSOCK_OPT(kIpv6LeaveGroup, IPPROTO_IPV6, IPV6_DROP_MEMBERSHIP),
#endif
    XSOCK_OPT(kIpv6MulticastIf, IPPROTO_IPV6, IPV6_MULTICAST_IF),
};

#undef XSOCK_OPT
#undef XSOCK_NO_OPT

static_assert(internal::OptionsInOrder(kOptions),
              "kOptions is indexed by Option value");

// api/ builds the membership values as bytes in the layout OptionShape
// documents (core/options.h).
static_assert(internal::MembershipLayoutsArePortable<ip_mreq, ipv6_mreq>(),
              "ip_mreq / ipv6_mreq differ from the portable layout");

// getaddrinfo's AI_* flags, one row per AiFlags bit.
constexpr internal::ResolverFlagEntry kAiFlags[] = {
    {kAiPassive, "AI_PASSIVE", AI_PASSIVE},
    {kAiCanonName, "AI_CANONNAME", AI_CANONNAME},
    {kAiNumericHost, "AI_NUMERICHOST", AI_NUMERICHOST},
#ifdef AI_NUMERICSERV
    {kAiNumericServ, "AI_NUMERICSERV", AI_NUMERICSERV},
#else
    {kAiNumericServ, "AI_NUMERICSERV", -1},
#endif
#ifdef AI_ADDRCONFIG
    {kAiAddrConfig, "AI_ADDRCONFIG", AI_ADDRCONFIG},
#else
    {kAiAddrConfig, "AI_ADDRCONFIG", -1},
#endif
#ifdef AI_V4MAPPED
    {kAiV4Mapped, "AI_V4MAPPED", AI_V4MAPPED},
#else
    {kAiV4Mapped, "AI_V4MAPPED", -1},
#endif
#ifdef AI_ALL
    {kAiAll, "AI_ALL", AI_ALL},
#else
    {kAiAll, "AI_ALL", -1},
#endif
};

// getnameinfo's NI_* flags, one row per NiFlags bit.
constexpr internal::ResolverFlagEntry kNiFlags[] = {
    {kNiNumericHost, "NI_NUMERICHOST", NI_NUMERICHOST},
    {kNiNumericServ, "NI_NUMERICSERV", NI_NUMERICSERV},
    {kNiNameReqd, "NI_NAMEREQD", NI_NAMEREQD},
    {kNiNoFqdn, "NI_NOFQDN", NI_NOFQDN},
    {kNiDgram, "NI_DGRAM", NI_DGRAM},
};
static_assert(sizeof(kNiFlags) / sizeof(kNiFlags[0]) == 5 &&
                  kAllNiFlags == (1u << 5) - 1,
              "one native entry per NiFlags bit");

}  // namespace

int NativeFamily(Family f) { return internal::NativeValue(kFamilies, f); }

bool PortableFamily(int af, Family* f) {
  return internal::PortableValue(kFamilies, af, f);
}

int NativeType(Type t) { return internal::NativeValue(kTypes, t); }

bool PortableType(int type, Type* t) {
  return internal::PortableValue(kTypes, type, t);
}

int NativeShutdown(ShutdownHow how) {
  return internal::NativeValue(kShutdownHows, how);
}

absl::Status NativeMsgFlags(MsgFlags flags, std::string_view call,
                            std::string_view backend, int* native) {
  return internal::NativeMsgFlags(
      kMsgFlags, [](const FlagEntry& e) { return e.native; }, flags, call,
      backend, native);
}

absl::StatusOr<NativeOption> NativeOptionFor(Option option,
                                             std::string_view backend) {
  return internal::NativeOptionFor(kOptions, option, backend);
}

absl::Status TranslateAddrInfoHints(const AddrInfoHints& hints,
                                    std::string_view backend,
                                    internal::NativeAddrInfoHints* out) {
  return internal::TranslateHints(hints, kAiFlags, NativeFamily, NativeType,
                                  backend, out);
}

absl::Status NativeNiFlags(uint32_t flags, std::string_view backend,
                           int* native) {
  return internal::NativeResolverFlags(kNiFlags, flags, "getnameinfo",
                                       backend, native);
}

}  // namespace posix_internal
}  // namespace platform
}  // namespace xsock
