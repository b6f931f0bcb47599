// platform/constants.cc: the native values of the socket-module constants,
// from the OS headers of the platform this is compiled for (the same source
// for every OS; see platform/constants.h). Each entry is guarded by the
// constant's own macro, or, for the names some headers declare only as
// enumerators, by the platforms that declare them.

#include "platform/constants.h"

#include <cstdint>
#include <optional>
#include <string_view>

#if defined(_WIN32)
// Winsock, and the Windows SDK's TCP options MinGW-w64 lacks, exactly as the
// Windows backend sees them.
#include "platform/windows/winsock.h"
#else
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <sys/socket.h>
#include <sys/un.h>
#endif

#if defined(__linux__)
#include <linux/can.h>
#include <linux/can/raw.h>
#include <linux/netlink.h>
#include <linux/tipc.h>
#endif

#include "absl/types/span.h"

namespace xsock {
namespace platform {
namespace {

// XSOCK_CONSTANT(NAME) is the entry for the macro or enumerator NAME;
// XSOCK_CONSTANT_AS(NAME, NATIVE) names NATIVE's value NAME (Python's
// aliases). The name is stringified before expansion.
#define XSOCK_CONSTANT(name) NativeConstant{#name, static_cast<int64_t>(name)}
#define XSOCK_CONSTANT_AS(name, native) \
  NativeConstant{#name, static_cast<int64_t>(native)}

constexpr NativeConstant kNative[] = {
    // AF_*
#if defined(AF_UNSPEC)
    XSOCK_CONSTANT(AF_UNSPEC),
#endif
#if defined(AF_INET)
    XSOCK_CONSTANT(AF_INET),
#endif
#if defined(AF_UNIX)
    XSOCK_CONSTANT(AF_UNIX),
#endif
#if defined(AF_AX25)
    XSOCK_CONSTANT(AF_AX25),
#endif
#if defined(AF_IPX)
    XSOCK_CONSTANT(AF_IPX),
#endif
#if defined(AF_APPLETALK)
    XSOCK_CONSTANT(AF_APPLETALK),
#endif
#if defined(AF_NETROM)
    XSOCK_CONSTANT(AF_NETROM),
#endif
#if defined(AF_BRIDGE)
    XSOCK_CONSTANT(AF_BRIDGE),
#endif
#if defined(AF_ATMPVC)
    XSOCK_CONSTANT(AF_ATMPVC),
#endif
#if defined(AF_AAL5)
    XSOCK_CONSTANT(AF_AAL5),
#endif
#if defined(AF_ALG)
    XSOCK_CONSTANT(AF_ALG),
#endif
#if defined(AF_X25)
    XSOCK_CONSTANT(AF_X25),
#endif
#if defined(AF_INET6)
    XSOCK_CONSTANT(AF_INET6),
#endif
#if defined(AF_ROSE)
    XSOCK_CONSTANT(AF_ROSE),
#endif
#if defined(AF_DECnet)
    XSOCK_CONSTANT(AF_DECnet),
#endif
#if defined(AF_NETBEUI)
    XSOCK_CONSTANT(AF_NETBEUI),
#endif
#if defined(AF_SECURITY)
    XSOCK_CONSTANT(AF_SECURITY),
#endif
#if defined(AF_KEY)
    XSOCK_CONSTANT(AF_KEY),
#endif
#if defined(AF_NETLINK)
    XSOCK_CONSTANT(AF_NETLINK),
#endif
#if defined(AF_QIPCRTR)
    XSOCK_CONSTANT(AF_QIPCRTR),
#endif
#if defined(AF_VSOCK)
    XSOCK_CONSTANT(AF_VSOCK),
#endif
#if defined(AF_ROUTE)
    XSOCK_CONSTANT(AF_ROUTE),
#endif
#if defined(AF_LINK)
    XSOCK_CONSTANT(AF_LINK),
#endif
#if defined(AF_ASH)
    XSOCK_CONSTANT(AF_ASH),
#endif
#if defined(AF_ECONET)
    XSOCK_CONSTANT(AF_ECONET),
#endif
#if defined(AF_ATMSVC)
    XSOCK_CONSTANT(AF_ATMSVC),
#endif
#if defined(AF_SNA)
    XSOCK_CONSTANT(AF_SNA),
#endif
#if defined(AF_IRDA)
    XSOCK_CONSTANT(AF_IRDA),
#endif
#if defined(AF_PPPOX)
    XSOCK_CONSTANT(AF_PPPOX),
#endif
#if defined(AF_WANPIPE)
    XSOCK_CONSTANT(AF_WANPIPE),
#endif
#if defined(AF_LLC)
    XSOCK_CONSTANT(AF_LLC),
#endif
#if defined(AF_HYPERV)
    XSOCK_CONSTANT(AF_HYPERV),
#endif
#if defined(AF_BLUETOOTH)
    XSOCK_CONSTANT(AF_BLUETOOTH),
#elif defined(AF_BTH)
    XSOCK_CONSTANT_AS(AF_BLUETOOTH, AF_BTH),
#endif
#if defined(AF_CAN)
    XSOCK_CONSTANT(AF_CAN),
#endif
#if defined(AF_RDS)
    XSOCK_CONSTANT(AF_RDS),
#endif
#if defined(AF_SYSTEM)
    XSOCK_CONSTANT(AF_SYSTEM),
#endif
#if defined(AF_DIVERT)
    XSOCK_CONSTANT(AF_DIVERT),
#endif
#if defined(AF_PACKET)
    XSOCK_CONSTANT(AF_PACKET),
#endif
#if defined(AF_TIPC)
    XSOCK_CONSTANT(AF_TIPC),
#endif
    // SOCK_*
#if defined(SOCK_STREAM)
    XSOCK_CONSTANT(SOCK_STREAM),
#endif
#if defined(SOCK_DGRAM)
    XSOCK_CONSTANT(SOCK_DGRAM),
#endif
#if defined(SOCK_RAW)
    XSOCK_CONSTANT(SOCK_RAW),
#endif
#if defined(SOCK_SEQPACKET)
    XSOCK_CONSTANT(SOCK_SEQPACKET),
#endif
#if defined(SOCK_RDM)
    XSOCK_CONSTANT(SOCK_RDM),
#endif
#if defined(SOCK_CLOEXEC)
    XSOCK_CONSTANT(SOCK_CLOEXEC),
#endif
#if defined(SOCK_NONBLOCK)
    XSOCK_CONSTANT(SOCK_NONBLOCK),
#endif
    // SO_*
#if defined(SO_DEBUG)
    XSOCK_CONSTANT(SO_DEBUG),
#endif
#if defined(SO_ACCEPTCONN)
    XSOCK_CONSTANT(SO_ACCEPTCONN),
#endif
#if defined(SO_REUSEADDR)
    XSOCK_CONSTANT(SO_REUSEADDR),
#endif
#if defined(SO_EXCLUSIVEADDRUSE)
    XSOCK_CONSTANT(SO_EXCLUSIVEADDRUSE),
#endif
#if defined(SO_INCOMING_CPU)
    XSOCK_CONSTANT(SO_INCOMING_CPU),
#endif
#if defined(SO_KEEPALIVE)
    XSOCK_CONSTANT(SO_KEEPALIVE),
#endif
#if defined(SO_DONTROUTE)
    XSOCK_CONSTANT(SO_DONTROUTE),
#endif
#if defined(SO_BROADCAST)
    XSOCK_CONSTANT(SO_BROADCAST),
#endif
#if defined(SO_USELOOPBACK)
    XSOCK_CONSTANT(SO_USELOOPBACK),
#endif
#if defined(SO_LINGER)
    XSOCK_CONSTANT(SO_LINGER),
#endif
#if defined(SO_OOBINLINE)
    XSOCK_CONSTANT(SO_OOBINLINE),
#endif
#if defined(SO_ORIGINAL_DST)
    XSOCK_CONSTANT(SO_ORIGINAL_DST),
#endif
#if defined(SO_REUSEPORT)
    XSOCK_CONSTANT(SO_REUSEPORT),
#endif
#if defined(SO_REUSEPORT_LB)
    XSOCK_CONSTANT(SO_REUSEPORT_LB),
#endif
#if defined(SO_SNDBUF)
    XSOCK_CONSTANT(SO_SNDBUF),
#endif
#if defined(SO_RCVBUF)
    XSOCK_CONSTANT(SO_RCVBUF),
#endif
#if defined(SO_SNDLOWAT)
    XSOCK_CONSTANT(SO_SNDLOWAT),
#endif
#if defined(SO_RCVLOWAT)
    XSOCK_CONSTANT(SO_RCVLOWAT),
#endif
#if defined(SO_SNDTIMEO)
    XSOCK_CONSTANT(SO_SNDTIMEO),
#endif
#if defined(SO_RCVTIMEO)
    XSOCK_CONSTANT(SO_RCVTIMEO),
#endif
#if defined(SO_ERROR)
    XSOCK_CONSTANT(SO_ERROR),
#endif
#if defined(SO_TYPE)
    XSOCK_CONSTANT(SO_TYPE),
#endif
#if defined(SO_SETFIB)
    XSOCK_CONSTANT(SO_SETFIB),
#endif
#if defined(SO_PASSCRED)
    XSOCK_CONSTANT(SO_PASSCRED),
#endif
#if defined(SO_PEERCRED)
    XSOCK_CONSTANT(SO_PEERCRED),
#endif
#if defined(SO_PASSSEC)
    XSOCK_CONSTANT(SO_PASSSEC),
#endif
#if defined(SO_PEERSEC)
    XSOCK_CONSTANT(SO_PEERSEC),
#endif
#if defined(SO_BINDTODEVICE)
    XSOCK_CONSTANT(SO_BINDTODEVICE),
#endif
#if defined(SO_BINDTOIFINDEX)
    XSOCK_CONSTANT(SO_BINDTOIFINDEX),
#endif
#if defined(SO_PRIORITY)
    XSOCK_CONSTANT(SO_PRIORITY),
#endif
#if defined(SO_MARK)
    XSOCK_CONSTANT(SO_MARK),
#endif
#if defined(SO_USER_COOKIE)
    XSOCK_CONSTANT(SO_USER_COOKIE),
#endif
#if defined(SO_RTABLE)
    XSOCK_CONSTANT(SO_RTABLE),
#endif
#if defined(SO_DOMAIN)
    XSOCK_CONSTANT(SO_DOMAIN),
#endif
#if defined(SO_PROTOCOL)
    XSOCK_CONSTANT(SO_PROTOCOL),
#endif
    // SOL_*
#if defined(SOL_SOCKET)
    XSOCK_CONSTANT(SOL_SOCKET),
#endif
#if defined(SOL_IP)
    XSOCK_CONSTANT(SOL_IP),
#endif
#if defined(SOL_IPX)
    XSOCK_CONSTANT(SOL_IPX),
#endif
#if defined(SOL_AX25)
    XSOCK_CONSTANT(SOL_AX25),
#endif
#if defined(SOL_ATALK)
    XSOCK_CONSTANT(SOL_ATALK),
#endif
#if defined(SOL_NETROM)
    XSOCK_CONSTANT(SOL_NETROM),
#endif
#if defined(SOL_ROSE)
    XSOCK_CONSTANT(SOL_ROSE),
#endif
#if defined(SOL_TCP)
    XSOCK_CONSTANT(SOL_TCP),
#endif
#if defined(SOL_UDP)
    XSOCK_CONSTANT(SOL_UDP),
#endif
#if defined(SOL_CAN_BASE)
    XSOCK_CONSTANT(SOL_CAN_BASE),
#endif
#if defined(SOL_CAN_RAW)
    XSOCK_CONSTANT(SOL_CAN_RAW),
#endif
#if defined(SOL_RDS)
    XSOCK_CONSTANT(SOL_RDS),
#endif
#if defined(SOL_ALG)
    XSOCK_CONSTANT(SOL_ALG),
#endif
#if defined(SOL_TIPC)
    XSOCK_CONSTANT(SOL_TIPC),
#endif
    // IPPROTO_*
#if defined(IPPROTO_IP)
    XSOCK_CONSTANT(IPPROTO_IP),
#endif
#if defined(IPPROTO_HOPOPTS) || defined(_WIN32)
    XSOCK_CONSTANT(IPPROTO_HOPOPTS),
#endif
#if defined(IPPROTO_ICMP) || defined(_WIN32)
    XSOCK_CONSTANT(IPPROTO_ICMP),
#endif
#if defined(IPPROTO_IGMP) || defined(_WIN32)
    XSOCK_CONSTANT(IPPROTO_IGMP),
#endif
#if defined(IPPROTO_GGP) || defined(_WIN32)
    XSOCK_CONSTANT(IPPROTO_GGP),
#endif
#if defined(IPPROTO_IPV4) || defined(_WIN32)
    XSOCK_CONSTANT(IPPROTO_IPV4),
#endif
#if defined(IPPROTO_IPV6) || defined(_WIN32)
    XSOCK_CONSTANT(IPPROTO_IPV6),
#endif
#if defined(IPPROTO_IPIP)
    XSOCK_CONSTANT(IPPROTO_IPIP),
#endif
#if defined(IPPROTO_TCP) || defined(_WIN32)
    XSOCK_CONSTANT(IPPROTO_TCP),
#endif
#if defined(IPPROTO_EGP) || defined(_WIN32)
    XSOCK_CONSTANT(IPPROTO_EGP),
#endif
#if defined(IPPROTO_PUP) || defined(_WIN32)
    XSOCK_CONSTANT(IPPROTO_PUP),
#endif
#if defined(IPPROTO_UDP) || defined(_WIN32)
    XSOCK_CONSTANT(IPPROTO_UDP),
#endif
#if defined(IPPROTO_UDPLITE)
    XSOCK_CONSTANT(IPPROTO_UDPLITE),
#endif
#if defined(IPPROTO_IDP) || defined(_WIN32)
    XSOCK_CONSTANT(IPPROTO_IDP),
#endif
#if defined(IPPROTO_HELLO)
    XSOCK_CONSTANT(IPPROTO_HELLO),
#endif
#if defined(IPPROTO_ND) || defined(_WIN32)
    XSOCK_CONSTANT(IPPROTO_ND),
#endif
#if defined(IPPROTO_TP)
    XSOCK_CONSTANT(IPPROTO_TP),
#endif
#if defined(IPPROTO_ROUTING) || defined(_WIN32)
    XSOCK_CONSTANT(IPPROTO_ROUTING),
#endif
#if defined(IPPROTO_FRAGMENT) || defined(_WIN32)
    XSOCK_CONSTANT(IPPROTO_FRAGMENT),
#endif
#if defined(IPPROTO_RSVP)
    XSOCK_CONSTANT(IPPROTO_RSVP),
#endif
#if defined(IPPROTO_GRE)
    XSOCK_CONSTANT(IPPROTO_GRE),
#endif
#if defined(IPPROTO_ESP) || defined(_WIN32)
    XSOCK_CONSTANT(IPPROTO_ESP),
#endif
#if defined(IPPROTO_AH) || defined(_WIN32)
    XSOCK_CONSTANT(IPPROTO_AH),
#endif
#if defined(IPPROTO_MOBILE)
    XSOCK_CONSTANT(IPPROTO_MOBILE),
#endif
#if defined(IPPROTO_ICMPV6) || defined(_WIN32)
    XSOCK_CONSTANT(IPPROTO_ICMPV6),
#endif
#if defined(IPPROTO_NONE) || defined(_WIN32)
    XSOCK_CONSTANT(IPPROTO_NONE),
#endif
#if defined(IPPROTO_DSTOPTS) || defined(_WIN32)
    XSOCK_CONSTANT(IPPROTO_DSTOPTS),
#endif
#if defined(IPPROTO_XTP)
    XSOCK_CONSTANT(IPPROTO_XTP),
#endif
#if defined(IPPROTO_EON)
    XSOCK_CONSTANT(IPPROTO_EON),
#endif
#if defined(IPPROTO_PIM) || defined(_WIN32)
    XSOCK_CONSTANT(IPPROTO_PIM),
#endif
#if defined(IPPROTO_IPCOMP)
    XSOCK_CONSTANT(IPPROTO_IPCOMP),
#endif
#if defined(IPPROTO_VRRP)
    XSOCK_CONSTANT(IPPROTO_VRRP),
#endif
#if defined(IPPROTO_SCTP) || defined(_WIN32)
    XSOCK_CONSTANT(IPPROTO_SCTP),
#endif
#if defined(IPPROTO_BIP)
    XSOCK_CONSTANT(IPPROTO_BIP),
#endif
#if defined(IPPROTO_MPTCP)
    XSOCK_CONSTANT(IPPROTO_MPTCP),
#endif
#if defined(IPPROTO_RAW) || defined(_WIN32)
    XSOCK_CONSTANT(IPPROTO_RAW),
#endif
#if defined(IPPROTO_MAX) || defined(_WIN32)
    XSOCK_CONSTANT(IPPROTO_MAX),
#endif
#if defined(IPPROTO_ICLFXBM) || defined(_WIN32)
    XSOCK_CONSTANT(IPPROTO_ICLFXBM),
#endif
#if defined(IPPROTO_ST) || defined(_WIN32)
    XSOCK_CONSTANT(IPPROTO_ST),
#endif
#if defined(IPPROTO_CBT) || defined(_WIN32)
    XSOCK_CONSTANT(IPPROTO_CBT),
#endif
#if defined(IPPROTO_IGP) || defined(_WIN32)
    XSOCK_CONSTANT(IPPROTO_IGP),
#endif
#if defined(IPPROTO_RDP) || defined(_WIN32)
    XSOCK_CONSTANT(IPPROTO_RDP),
#endif
#if defined(IPPROTO_PGM) || defined(_WIN32)
    XSOCK_CONSTANT(IPPROTO_PGM),
#endif
#if defined(IPPROTO_L2TP) || defined(_WIN32)
    XSOCK_CONSTANT(IPPROTO_L2TP),
#endif
    // IPPORT_*
#if defined(IPPORT_RESERVED)
    XSOCK_CONSTANT(IPPORT_RESERVED),
#endif
#if defined(IPPORT_USERRESERVED) || defined(__GLIBC__)
    XSOCK_CONSTANT(IPPORT_USERRESERVED),
#endif
    // INADDR_*
#if defined(INADDR_ANY)
    XSOCK_CONSTANT(INADDR_ANY),
#endif
#if defined(INADDR_BROADCAST)
    XSOCK_CONSTANT(INADDR_BROADCAST),
#endif
#if defined(INADDR_LOOPBACK)
    XSOCK_CONSTANT(INADDR_LOOPBACK),
#endif
#if defined(INADDR_UNSPEC_GROUP)
    XSOCK_CONSTANT(INADDR_UNSPEC_GROUP),
#endif
#if defined(INADDR_ALLHOSTS_GROUP)
    XSOCK_CONSTANT(INADDR_ALLHOSTS_GROUP),
#endif
#if defined(INADDR_MAX_LOCAL_GROUP)
    XSOCK_CONSTANT(INADDR_MAX_LOCAL_GROUP),
#endif
#if defined(INADDR_NONE)
    XSOCK_CONSTANT(INADDR_NONE),
#endif
    // IP_*
#if defined(IP_OPTIONS)
    XSOCK_CONSTANT(IP_OPTIONS),
#endif
#if defined(IP_HDRINCL)
    XSOCK_CONSTANT(IP_HDRINCL),
#endif
#if defined(IP_TOS)
    XSOCK_CONSTANT(IP_TOS),
#endif
#if defined(IP_TTL)
    XSOCK_CONSTANT(IP_TTL),
#endif
#if defined(IP_RECVERR)
    XSOCK_CONSTANT(IP_RECVERR),
#endif
#if defined(IP_RECVOPTS)
    XSOCK_CONSTANT(IP_RECVOPTS),
#endif
#if defined(IP_RECVORIGDSTADDR)
    XSOCK_CONSTANT(IP_RECVORIGDSTADDR),
#endif
#if defined(IP_RECVRETOPTS)
    XSOCK_CONSTANT(IP_RECVRETOPTS),
#endif
#if defined(IP_RECVTOS)
    XSOCK_CONSTANT(IP_RECVTOS),
#endif
#if defined(IP_RECVTTL)
    XSOCK_CONSTANT(IP_RECVTTL),
#endif
#if defined(IP_RECVDSTADDR)
    XSOCK_CONSTANT(IP_RECVDSTADDR),
#endif
#if defined(IP_RETOPTS)
    XSOCK_CONSTANT(IP_RETOPTS),
#endif
#if defined(IP_MULTICAST_IF)
    XSOCK_CONSTANT(IP_MULTICAST_IF),
#endif
#if defined(IP_MULTICAST_TTL)
    XSOCK_CONSTANT(IP_MULTICAST_TTL),
#endif
#if defined(IP_MULTICAST_LOOP)
    XSOCK_CONSTANT(IP_MULTICAST_LOOP),
#endif
#if defined(IP_ADD_MEMBERSHIP)
    XSOCK_CONSTANT(IP_ADD_MEMBERSHIP),
#endif
#if defined(IP_DROP_MEMBERSHIP)
    XSOCK_CONSTANT(IP_DROP_MEMBERSHIP),
#endif
#if defined(IP_DEFAULT_MULTICAST_TTL)
    XSOCK_CONSTANT(IP_DEFAULT_MULTICAST_TTL),
#endif
#if defined(IP_DEFAULT_MULTICAST_LOOP)
    XSOCK_CONSTANT(IP_DEFAULT_MULTICAST_LOOP),
#endif
#if defined(IP_MAX_MEMBERSHIPS)
    XSOCK_CONSTANT(IP_MAX_MEMBERSHIPS),
#endif
#if defined(IP_FREEBIND)
    XSOCK_CONSTANT(IP_FREEBIND),
#endif
#if defined(IP_TRANSPARENT)
    XSOCK_CONSTANT(IP_TRANSPARENT),
#endif
#if defined(IP_PKTINFO)
    XSOCK_CONSTANT(IP_PKTINFO),
#endif
#if defined(IP_BIND_ADDRESS_NO_PORT)
    XSOCK_CONSTANT(IP_BIND_ADDRESS_NO_PORT),
#endif
#if defined(IP_UNBLOCK_SOURCE)
    XSOCK_CONSTANT(IP_UNBLOCK_SOURCE),
#endif
#if defined(IP_BLOCK_SOURCE)
    XSOCK_CONSTANT(IP_BLOCK_SOURCE),
#endif
#if defined(IP_ADD_SOURCE_MEMBERSHIP)
    XSOCK_CONSTANT(IP_ADD_SOURCE_MEMBERSHIP),
#endif
#if defined(IP_DROP_SOURCE_MEMBERSHIP)
    XSOCK_CONSTANT(IP_DROP_SOURCE_MEMBERSHIP),
#endif
    // IPV6_*
#if defined(IPV6_JOIN_GROUP)
    XSOCK_CONSTANT(IPV6_JOIN_GROUP),
#endif
#if defined(IPV6_LEAVE_GROUP)
    XSOCK_CONSTANT(IPV6_LEAVE_GROUP),
#endif
#if defined(IPV6_MULTICAST_HOPS)
    XSOCK_CONSTANT(IPV6_MULTICAST_HOPS),
#endif
#if defined(IPV6_MULTICAST_IF)
    XSOCK_CONSTANT(IPV6_MULTICAST_IF),
#endif
#if defined(IPV6_MULTICAST_LOOP)
    XSOCK_CONSTANT(IPV6_MULTICAST_LOOP),
#endif
#if defined(IPV6_UNICAST_HOPS)
    XSOCK_CONSTANT(IPV6_UNICAST_HOPS),
#endif
#if defined(IPV6_V6ONLY)
    XSOCK_CONSTANT(IPV6_V6ONLY),
#endif
#if defined(IPV6_CHECKSUM)
    XSOCK_CONSTANT(IPV6_CHECKSUM),
#endif
#if defined(IPV6_DONTFRAG)
    XSOCK_CONSTANT(IPV6_DONTFRAG),
#endif
#if defined(IPV6_DSTOPTS)
    XSOCK_CONSTANT(IPV6_DSTOPTS),
#endif
#if defined(IPV6_HOPLIMIT)
    XSOCK_CONSTANT(IPV6_HOPLIMIT),
#endif
#if defined(IPV6_HOPOPTS)
    XSOCK_CONSTANT(IPV6_HOPOPTS),
#endif
#if defined(IPV6_NEXTHOP)
    XSOCK_CONSTANT(IPV6_NEXTHOP),
#endif
#if defined(IPV6_PATHMTU)
    XSOCK_CONSTANT(IPV6_PATHMTU),
#endif
#if defined(IPV6_PKTINFO)
    XSOCK_CONSTANT(IPV6_PKTINFO),
#endif
#if defined(IPV6_RECVDSTOPTS)
    XSOCK_CONSTANT(IPV6_RECVDSTOPTS),
#endif
#if defined(IPV6_RECVERR)
    XSOCK_CONSTANT(IPV6_RECVERR),
#endif
#if defined(IPV6_RECVHOPLIMIT)
    XSOCK_CONSTANT(IPV6_RECVHOPLIMIT),
#endif
#if defined(IPV6_RECVHOPOPTS)
    XSOCK_CONSTANT(IPV6_RECVHOPOPTS),
#endif
#if defined(IPV6_RECVPKTINFO)
    XSOCK_CONSTANT(IPV6_RECVPKTINFO),
#endif
#if defined(IPV6_RECVRTHDR)
    XSOCK_CONSTANT(IPV6_RECVRTHDR),
#endif
#if defined(IPV6_RECVTCLASS)
    XSOCK_CONSTANT(IPV6_RECVTCLASS),
#endif
#if defined(IPV6_RTHDR)
    XSOCK_CONSTANT(IPV6_RTHDR),
#endif
#if defined(IPV6_RTHDRDSTOPTS)
    XSOCK_CONSTANT(IPV6_RTHDRDSTOPTS),
#endif
#if defined(IPV6_RTHDR_TYPE_0)
    XSOCK_CONSTANT(IPV6_RTHDR_TYPE_0),
#endif
#if defined(IPV6_RECVPATHMTU)
    XSOCK_CONSTANT(IPV6_RECVPATHMTU),
#endif
#if defined(IPV6_TCLASS)
    XSOCK_CONSTANT(IPV6_TCLASS),
#endif
#if defined(IPV6_USE_MIN_MTU)
    XSOCK_CONSTANT(IPV6_USE_MIN_MTU),
#endif
    // TCP_*
#if defined(TCP_NODELAY)
    XSOCK_CONSTANT(TCP_NODELAY),
#endif
#if defined(TCP_MAXSEG)
    XSOCK_CONSTANT(TCP_MAXSEG),
#endif
#if defined(TCP_CORK)
    XSOCK_CONSTANT(TCP_CORK),
#endif
#if defined(TCP_KEEPIDLE)
    XSOCK_CONSTANT(TCP_KEEPIDLE),
#endif
#if defined(__APPLE__) && defined(TCP_KEEPALIVE)
    XSOCK_CONSTANT(TCP_KEEPALIVE),
#endif
#if defined(TCP_KEEPINTVL)
    XSOCK_CONSTANT(TCP_KEEPINTVL),
#endif
#if defined(TCP_KEEPCNT)
    XSOCK_CONSTANT(TCP_KEEPCNT),
#endif
#if defined(TCP_SYNCNT)
    XSOCK_CONSTANT(TCP_SYNCNT),
#endif
#if defined(TCP_LINGER2)
    XSOCK_CONSTANT(TCP_LINGER2),
#endif
#if defined(TCP_DEFER_ACCEPT)
    XSOCK_CONSTANT(TCP_DEFER_ACCEPT),
#endif
#if defined(TCP_WINDOW_CLAMP)
    XSOCK_CONSTANT(TCP_WINDOW_CLAMP),
#endif
#if defined(TCP_INFO)
    XSOCK_CONSTANT(TCP_INFO),
#endif
#if defined(TCP_CONNECTION_INFO)
    XSOCK_CONSTANT(TCP_CONNECTION_INFO),
#endif
#if defined(TCP_QUICKACK)
    XSOCK_CONSTANT(TCP_QUICKACK),
#elif defined(SIO_TCP_SET_ACK_FREQUENCY)
    XSOCK_CONSTANT_AS(TCP_QUICKACK, SIO_TCP_SET_ACK_FREQUENCY),
#endif
#if defined(TCP_CONGESTION)
    XSOCK_CONSTANT(TCP_CONGESTION),
#endif
#if defined(TCP_MD5SIG)
    XSOCK_CONSTANT(TCP_MD5SIG),
#endif
#if defined(TCP_THIN_LINEAR_TIMEOUTS)
    XSOCK_CONSTANT(TCP_THIN_LINEAR_TIMEOUTS),
#endif
#if defined(TCP_THIN_DUPACK)
    XSOCK_CONSTANT(TCP_THIN_DUPACK),
#endif
#if defined(TCP_USER_TIMEOUT)
    XSOCK_CONSTANT(TCP_USER_TIMEOUT),
#endif
#if defined(TCP_REPAIR)
    XSOCK_CONSTANT(TCP_REPAIR),
#endif
#if defined(TCP_REPAIR_QUEUE)
    XSOCK_CONSTANT(TCP_REPAIR_QUEUE),
#endif
#if defined(TCP_QUEUE_SEQ)
    XSOCK_CONSTANT(TCP_QUEUE_SEQ),
#endif
#if defined(TCP_REPAIR_OPTIONS)
    XSOCK_CONSTANT(TCP_REPAIR_OPTIONS),
#endif
#if defined(TCP_FASTOPEN)
    XSOCK_CONSTANT(TCP_FASTOPEN),
#endif
#if defined(TCP_TIMESTAMP)
    XSOCK_CONSTANT(TCP_TIMESTAMP),
#endif
#if defined(TCP_NOTSENT_LOWAT)
    XSOCK_CONSTANT(TCP_NOTSENT_LOWAT),
#endif
#if defined(TCP_CC_INFO)
    XSOCK_CONSTANT(TCP_CC_INFO),
#endif
#if defined(TCP_SAVE_SYN)
    XSOCK_CONSTANT(TCP_SAVE_SYN),
#endif
#if defined(TCP_SAVED_SYN)
    XSOCK_CONSTANT(TCP_SAVED_SYN),
#endif
#if defined(TCP_REPAIR_WINDOW)
    XSOCK_CONSTANT(TCP_REPAIR_WINDOW),
#endif
#if defined(TCP_FASTOPEN_CONNECT)
    XSOCK_CONSTANT(TCP_FASTOPEN_CONNECT),
#endif
#if defined(TCP_ULP)
    XSOCK_CONSTANT(TCP_ULP),
#endif
#if defined(TCP_MD5SIG_EXT)
    XSOCK_CONSTANT(TCP_MD5SIG_EXT),
#endif
#if defined(TCP_FASTOPEN_KEY)
    XSOCK_CONSTANT(TCP_FASTOPEN_KEY),
#endif
#if defined(TCP_FASTOPEN_NO_COOKIE)
    XSOCK_CONSTANT(TCP_FASTOPEN_NO_COOKIE),
#endif
#if defined(TCP_ZEROCOPY_RECEIVE)
    XSOCK_CONSTANT(TCP_ZEROCOPY_RECEIVE),
#endif
#if defined(TCP_INQ)
    XSOCK_CONSTANT(TCP_INQ),
#endif
#if defined(TCP_TX_DELAY)
    XSOCK_CONSTANT(TCP_TX_DELAY),
#endif
    // MSG_*
#if defined(MSG_OOB)
    XSOCK_CONSTANT(MSG_OOB),
#endif
#if defined(MSG_PEEK)
    XSOCK_CONSTANT(MSG_PEEK),
#endif
#if defined(MSG_DONTROUTE)
    XSOCK_CONSTANT(MSG_DONTROUTE),
#endif
#if defined(MSG_DONTWAIT)
    XSOCK_CONSTANT(MSG_DONTWAIT),
#endif
#if defined(MSG_EOR)
    XSOCK_CONSTANT(MSG_EOR),
#endif
#if defined(MSG_TRUNC)
    XSOCK_CONSTANT(MSG_TRUNC),
#endif
#if defined(MSG_CTRUNC)
    XSOCK_CONSTANT(MSG_CTRUNC),
#endif
#if defined(MSG_WAITALL)
    XSOCK_CONSTANT(MSG_WAITALL),
#endif
#if defined(MSG_BTAG)
    XSOCK_CONSTANT(MSG_BTAG),
#endif
#if defined(MSG_ETAG)
    XSOCK_CONSTANT(MSG_ETAG),
#endif
#if defined(MSG_NOSIGNAL)
    XSOCK_CONSTANT(MSG_NOSIGNAL),
#endif
#if defined(MSG_NOTIFICATION)
    XSOCK_CONSTANT(MSG_NOTIFICATION),
#endif
#if defined(MSG_CMSG_CLOEXEC)
    XSOCK_CONSTANT(MSG_CMSG_CLOEXEC),
#endif
#if defined(MSG_ERRQUEUE)
    XSOCK_CONSTANT(MSG_ERRQUEUE),
#endif
#if defined(MSG_CONFIRM)
    XSOCK_CONSTANT(MSG_CONFIRM),
#endif
#if defined(MSG_MORE)
    XSOCK_CONSTANT(MSG_MORE),
#endif
#if defined(MSG_EOF)
    XSOCK_CONSTANT(MSG_EOF),
#endif
#if defined(MSG_BCAST)
    XSOCK_CONSTANT(MSG_BCAST),
#endif
#if defined(MSG_MCAST)
    XSOCK_CONSTANT(MSG_MCAST),
#endif
#if defined(MSG_FASTOPEN)
    XSOCK_CONSTANT(MSG_FASTOPEN),
#endif
    // EAI_*
#if defined(EAI_ADDRFAMILY)
    XSOCK_CONSTANT(EAI_ADDRFAMILY),
#endif
#if defined(EAI_AGAIN)
    XSOCK_CONSTANT(EAI_AGAIN),
#endif
#if defined(EAI_BADFLAGS)
    XSOCK_CONSTANT(EAI_BADFLAGS),
#endif
#if defined(EAI_FAIL)
    XSOCK_CONSTANT(EAI_FAIL),
#endif
#if defined(EAI_FAMILY)
    XSOCK_CONSTANT(EAI_FAMILY),
#endif
#if defined(EAI_MEMORY)
    XSOCK_CONSTANT(EAI_MEMORY),
#endif
#if defined(EAI_NODATA)
    XSOCK_CONSTANT(EAI_NODATA),
#endif
#if defined(EAI_NONAME)
    XSOCK_CONSTANT(EAI_NONAME),
#endif
#if defined(EAI_OVERFLOW)
    XSOCK_CONSTANT(EAI_OVERFLOW),
#endif
#if defined(EAI_SERVICE)
    XSOCK_CONSTANT(EAI_SERVICE),
#endif
#if defined(EAI_SOCKTYPE)
    XSOCK_CONSTANT(EAI_SOCKTYPE),
#endif
#if defined(EAI_SYSTEM)
    XSOCK_CONSTANT(EAI_SYSTEM),
#endif
#if defined(EAI_BADHINTS)
    XSOCK_CONSTANT(EAI_BADHINTS),
#endif
#if defined(EAI_PROTOCOL)
    XSOCK_CONSTANT(EAI_PROTOCOL),
#endif
#if defined(EAI_MAX)
    XSOCK_CONSTANT(EAI_MAX),
#endif
    // AI_*
#if defined(AI_PASSIVE)
    XSOCK_CONSTANT(AI_PASSIVE),
#endif
#if defined(AI_CANONNAME)
    XSOCK_CONSTANT(AI_CANONNAME),
#endif
#if defined(AI_NUMERICHOST)
    XSOCK_CONSTANT(AI_NUMERICHOST),
#endif
#if defined(AI_NUMERICSERV)
    XSOCK_CONSTANT(AI_NUMERICSERV),
#endif
#if defined(AI_MASK)
    XSOCK_CONSTANT(AI_MASK),
#endif
#if defined(AI_ALL)
    XSOCK_CONSTANT(AI_ALL),
#endif
#if defined(AI_V4MAPPED_CFG)
    XSOCK_CONSTANT(AI_V4MAPPED_CFG),
#endif
#if defined(AI_ADDRCONFIG)
    XSOCK_CONSTANT(AI_ADDRCONFIG),
#endif
#if defined(AI_V4MAPPED)
    XSOCK_CONSTANT(AI_V4MAPPED),
#endif
#if defined(AI_DEFAULT)
    XSOCK_CONSTANT(AI_DEFAULT),
#endif
    // NI_*
#if defined(NI_MAXHOST)
    XSOCK_CONSTANT(NI_MAXHOST),
#endif
#if defined(NI_MAXSERV)
    XSOCK_CONSTANT(NI_MAXSERV),
#endif
#if defined(NI_NOFQDN)
    XSOCK_CONSTANT(NI_NOFQDN),
#endif
#if defined(NI_NUMERICHOST)
    XSOCK_CONSTANT(NI_NUMERICHOST),
#endif
#if defined(NI_NAMEREQD)
    XSOCK_CONSTANT(NI_NAMEREQD),
#endif
#if defined(NI_NUMERICSERV)
    XSOCK_CONSTANT(NI_NUMERICSERV),
#endif
#if defined(NI_DGRAM)
    XSOCK_CONSTANT(NI_DGRAM),
#endif
#if defined(NI_IDN)
    XSOCK_CONSTANT(NI_IDN),
#endif
    // SHUT_*
#if defined(SHUT_RD)
    XSOCK_CONSTANT(SHUT_RD),
#elif defined(SD_RECEIVE)
    XSOCK_CONSTANT_AS(SHUT_RD, SD_RECEIVE),
#endif
#if defined(SHUT_WR)
    XSOCK_CONSTANT(SHUT_WR),
#elif defined(SD_SEND)
    XSOCK_CONSTANT_AS(SHUT_WR, SD_SEND),
#endif
#if defined(SHUT_RDWR)
    XSOCK_CONSTANT(SHUT_RDWR),
#elif defined(SD_BOTH)
    XSOCK_CONSTANT_AS(SHUT_RDWR, SD_BOTH),
#endif
    // SOMAXCONN
#if defined(SOMAXCONN)
    XSOCK_CONSTANT(SOMAXCONN),
#endif
    // SIO_*, RCVALL_* (Windows)
#if defined(SIO_RCVALL)
    XSOCK_CONSTANT(SIO_RCVALL),
#endif
#if defined(SIO_KEEPALIVE_VALS)
    XSOCK_CONSTANT(SIO_KEEPALIVE_VALS),
#endif
#if defined(SIO_LOOPBACK_FAST_PATH)
    XSOCK_CONSTANT(SIO_LOOPBACK_FAST_PATH),
#endif
#if defined(RCVALL_OFF) || defined(_WIN32)
    XSOCK_CONSTANT(RCVALL_OFF),
#endif
#if defined(RCVALL_ON) || defined(_WIN32)
    XSOCK_CONSTANT(RCVALL_ON),
#endif
#if defined(RCVALL_SOCKETLEVELONLY) || defined(_WIN32)
    XSOCK_CONSTANT(RCVALL_SOCKETLEVELONLY),
#endif
#if defined(RCVALL_IPLEVEL) || defined(_WIN32)
    XSOCK_CONSTANT(RCVALL_IPLEVEL),
#endif
#if defined(RCVALL_MAX)
    XSOCK_CONSTANT(RCVALL_MAX),
#endif
    // TIPC_*
#if defined(TIPC_ADDR_NAMESEQ)
    XSOCK_CONSTANT(TIPC_ADDR_NAMESEQ),
#endif
#if defined(TIPC_ADDR_NAME)
    XSOCK_CONSTANT(TIPC_ADDR_NAME),
#endif
#if defined(TIPC_ADDR_ID)
    XSOCK_CONSTANT(TIPC_ADDR_ID),
#endif
#if defined(TIPC_ZONE_SCOPE)
    XSOCK_CONSTANT(TIPC_ZONE_SCOPE),
#endif
#if defined(TIPC_CLUSTER_SCOPE) || defined(__linux__)
    XSOCK_CONSTANT(TIPC_CLUSTER_SCOPE),
#endif
#if defined(TIPC_NODE_SCOPE) || defined(__linux__)
    XSOCK_CONSTANT(TIPC_NODE_SCOPE),
#endif
#if defined(TIPC_IMPORTANCE)
    XSOCK_CONSTANT(TIPC_IMPORTANCE),
#endif
#if defined(TIPC_SRC_DROPPABLE)
    XSOCK_CONSTANT(TIPC_SRC_DROPPABLE),
#endif
#if defined(TIPC_DEST_DROPPABLE)
    XSOCK_CONSTANT(TIPC_DEST_DROPPABLE),
#endif
#if defined(TIPC_CONN_TIMEOUT)
    XSOCK_CONSTANT(TIPC_CONN_TIMEOUT),
#endif
#if defined(TIPC_LOW_IMPORTANCE)
    XSOCK_CONSTANT(TIPC_LOW_IMPORTANCE),
#endif
#if defined(TIPC_MEDIUM_IMPORTANCE)
    XSOCK_CONSTANT(TIPC_MEDIUM_IMPORTANCE),
#endif
#if defined(TIPC_HIGH_IMPORTANCE)
    XSOCK_CONSTANT(TIPC_HIGH_IMPORTANCE),
#endif
#if defined(TIPC_CRITICAL_IMPORTANCE)
    XSOCK_CONSTANT(TIPC_CRITICAL_IMPORTANCE),
#endif
#if defined(TIPC_SUB_PORTS)
    XSOCK_CONSTANT(TIPC_SUB_PORTS),
#endif
#if defined(TIPC_SUB_SERVICE)
    XSOCK_CONSTANT(TIPC_SUB_SERVICE),
#endif
#if defined(TIPC_SUB_CANCEL)
    XSOCK_CONSTANT(TIPC_SUB_CANCEL),
#endif
#if defined(TIPC_WAIT_FOREVER)
    XSOCK_CONSTANT(TIPC_WAIT_FOREVER),
#endif
#if defined(TIPC_PUBLISHED)
    XSOCK_CONSTANT(TIPC_PUBLISHED),
#endif
#if defined(TIPC_WITHDRAWN)
    XSOCK_CONSTANT(TIPC_WITHDRAWN),
#endif
#if defined(TIPC_SUBSCR_TIMEOUT)
    XSOCK_CONSTANT(TIPC_SUBSCR_TIMEOUT),
#endif
#if defined(TIPC_CFG_SRV)
    XSOCK_CONSTANT(TIPC_CFG_SRV),
#endif
#if defined(TIPC_TOP_SRV)
    XSOCK_CONSTANT(TIPC_TOP_SRV),
#endif
    // NETLINK_*
#if defined(NETLINK_ROUTE)
    XSOCK_CONSTANT(NETLINK_ROUTE),
#endif
#if defined(NETLINK_USERSOCK)
    XSOCK_CONSTANT(NETLINK_USERSOCK),
#endif
#if defined(NETLINK_FIREWALL)
    XSOCK_CONSTANT(NETLINK_FIREWALL),
#endif
#if defined(NETLINK_NFLOG)
    XSOCK_CONSTANT(NETLINK_NFLOG),
#endif
#if defined(NETLINK_XFRM)
    XSOCK_CONSTANT(NETLINK_XFRM),
#endif
#if defined(NETLINK_IP6_FW)
    XSOCK_CONSTANT(NETLINK_IP6_FW),
#endif
#if defined(NETLINK_DNRTMSG)
    XSOCK_CONSTANT(NETLINK_DNRTMSG),
#endif
#if defined(NETLINK_CRYPTO)
    XSOCK_CONSTANT(NETLINK_CRYPTO),
#endif
};

#undef XSOCK_CONSTANT
#undef XSOCK_CONSTANT_AS

}  // namespace

absl::Span<const NativeConstant> NativeConstants() { return kNative; }

std::optional<int64_t> NativeConstantValue(std::string_view name) {
  for (const NativeConstant& constant : kNative) {
    if (constant.name == name) return constant.value;
  }
  return std::nullopt;
}

}  // namespace platform
}  // namespace xsock
