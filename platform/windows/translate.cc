// platform/windows/translate.cc: the portable -> Winsock tables of the
// Windows backend; the lookups over them (and the checks of their sizes) are
// shared with the POSIX backends in platform/internal/translate.h.

#include "platform/windows/translate.h"

#include <stddef.h>

#include <string_view>

#include "core/options.h"
#include "core/types.h"
#include "platform/internal/addrinfo.h"
#include "platform/internal/translate.h"
#include "platform/windows/winsock.h"

namespace xsock {
namespace platform {
namespace windows_internal {
namespace {

// Families, indexed by Family value.
constexpr int kFamilies[] = {
    -1,        // kUnspec: never a socket family here
    AF_INET,   // kInet
    AF_INET6,  // kInet6
    AF_UNIX,   // kUnix (Windows 10 1803+; probed at run time)
    -1,        // kNetlink: Linux only
    -1,        // kTipc: Linux only
};

// Types, indexed by Type value.
constexpr int kTypes[] = {
    -1,              // 0: not a Type
    SOCK_STREAM,     // kStream
    SOCK_DGRAM,      // kDgram
    SOCK_RAW,        // kRaw
    SOCK_SEQPACKET,  // kSeqPacket
    SOCK_RDM,        // kRdm
};

// Shutdown directions, indexed by ShutdownHow value.
constexpr int kShutdownHows[] = {
    SD_RECEIVE,  // kRead
    SD_SEND,     // kWrite
    SD_BOTH,     // kBoth
};

struct FlagEntry {
  MsgFlags flag;
  int recv_native;  // -1: not on receives
  int send_native;  // -1: not on sends
  std::string_view name;
};

// MSG_WAITALL is a receive flag on Windows (send(MSG_WAITALL) is
// WSAEOPNOTSUPP, quirk IO-03); MSG_DONTWAIT, MSG_TRUNC and MSG_EOR do not
// exist (IO-02).
constexpr FlagEntry kMsgFlags[] = {
    {MsgFlags::kPeek, MSG_PEEK, -1, "MSG_PEEK"},
    {MsgFlags::kOob, MSG_OOB, MSG_OOB, "MSG_OOB"},
    {MsgFlags::kWaitAll, MSG_WAITALL, -1, "MSG_WAITALL"},
    {MsgFlags::kDontWait, -1, -1, "MSG_DONTWAIT"},
    {MsgFlags::kDontRoute, MSG_DONTROUTE, MSG_DONTROUTE, "MSG_DONTROUTE"},
    {MsgFlags::kTrunc, -1, -1, "MSG_TRUNC"},
    {MsgFlags::kEor, -1, -1, "MSG_EOR"},
};

using internal::OptionEntry;

#define XSOCK_OPT(option, level, name) {Option::option, level, name}
#define XSOCK_NO_OPT(option) {Option::option, -1, -1}

// kOptions is indexed by Option value (checked below).
constexpr OptionEntry kOptions[] = {
    // SO_REUSEADDR keeps its native name; WindowsOs::SetSockOpt/GetSockOpt
    // give it the portable meaning (see windows_os.h, BIND-01/02).
    XSOCK_OPT(kReuseAddr, SOL_SOCKET, SO_REUSEADDR),
    XSOCK_NO_OPT(kReusePort),  // Windows has no SO_REUSEPORT (BIND-04)
    XSOCK_OPT(kKeepAlive, SOL_SOCKET, SO_KEEPALIVE),
    XSOCK_OPT(kBroadcast, SOL_SOCKET, SO_BROADCAST),
    XSOCK_OPT(kLinger, SOL_SOCKET, SO_LINGER),
    XSOCK_OPT(kRcvBuf, SOL_SOCKET, SO_RCVBUF),
    XSOCK_OPT(kSndBuf, SOL_SOCKET, SO_SNDBUF),
    XSOCK_OPT(kRcvTimeo, SOL_SOCKET, SO_RCVTIMEO),  // DWORD milliseconds
    XSOCK_OPT(kSndTimeo, SOL_SOCKET, SO_SNDTIMEO),  // DWORD milliseconds
    // Winsock defines SO_RCVLOWAT but neither getsockopt nor setsockopt
    // supports it.
    XSOCK_NO_OPT(kRcvLowat),
    XSOCK_OPT(kOobInline, SOL_SOCKET, SO_OOBINLINE),
    XSOCK_OPT(kDontRoute, SOL_SOCKET, SO_DONTROUTE),
    XSOCK_OPT(kType, SOL_SOCKET, SO_TYPE),
    XSOCK_OPT(kError, SOL_SOCKET, SO_ERROR),
    XSOCK_OPT(kAcceptConn, SOL_SOCKET, SO_ACCEPTCONN),
    XSOCK_OPT(kTcpNoDelay, IPPROTO_TCP, TCP_NODELAY),
    XSOCK_OPT(kTcpKeepIdle, IPPROTO_TCP, TCP_KEEPIDLE),    // 1709+, seconds
    XSOCK_OPT(kTcpKeepIntvl, IPPROTO_TCP, TCP_KEEPINTVL),  // 1709+, seconds
    XSOCK_OPT(kTcpKeepCnt, IPPROTO_TCP, TCP_KEEPCNT),      // 1703+
    XSOCK_OPT(kTcpMaxSeg, IPPROTO_TCP, TCP_MAXSEG),
    XSOCK_OPT(kIpTtl, IPPROTO_IP, IP_TTL),
    XSOCK_OPT(kIpTos, IPPROTO_IP, IP_TOS),
    XSOCK_OPT(kIpMulticastTtl, IPPROTO_IP, IP_MULTICAST_TTL),
    XSOCK_OPT(kIpMulticastLoop, IPPROTO_IP, IP_MULTICAST_LOOP),
    XSOCK_OPT(kIpHdrIncl, IPPROTO_IP, IP_HDRINCL),
    XSOCK_OPT(kIpAddMembership, IPPROTO_IP, IP_ADD_MEMBERSHIP),
    XSOCK_OPT(kIpDropMembership, IPPROTO_IP, IP_DROP_MEMBERSHIP),
    // An in_addr (network order), or an interface index in 0.0.0.0/8.
    XSOCK_OPT(kIpMulticastIf, IPPROTO_IP, IP_MULTICAST_IF),
    XSOCK_OPT(kIpv6V6Only, IPPROTO_IPV6, IPV6_V6ONLY),
    XSOCK_OPT(kIpv6UnicastHops, IPPROTO_IPV6, IPV6_UNICAST_HOPS),
    XSOCK_OPT(kIpv6MulticastHops, IPPROTO_IPV6, IPV6_MULTICAST_HOPS),
    XSOCK_OPT(kIpv6MulticastLoop, IPPROTO_IPV6, IPV6_MULTICAST_LOOP),
    XSOCK_OPT(kIpv6JoinGroup, IPPROTO_IPV6, IPV6_JOIN_GROUP),
    XSOCK_OPT(kIpv6LeaveGroup, IPPROTO_IPV6, IPV6_LEAVE_GROUP),
    XSOCK_OPT(kIpv6MulticastIf, IPPROTO_IPV6, IPV6_MULTICAST_IF),  // DWORD
};

#undef XSOCK_OPT
#undef XSOCK_NO_OPT

static_assert(internal::OptionsInOrder(kOptions),
              "kOptions is indexed by Option value");

// api/ builds the membership values as bytes in the layout OptionShape
// documents (core/options.h): ws2ipdef.h has the POSIX layouts.
static_assert(internal::MembershipLayoutsArePortable<ip_mreq, ipv6_mreq>(),
              "ip_mreq / ipv6_mreq differ from the portable layout");

// getaddrinfo's AI_* flags, one row per AiFlags bit (ws2def.h /
// ws2tcpip.h).
constexpr internal::ResolverFlagEntry kAiFlags[] = {
    {kAiPassive, "AI_PASSIVE", AI_PASSIVE},
    {kAiCanonName, "AI_CANONNAME", AI_CANONNAME},
    {kAiNumericHost, "AI_NUMERICHOST", AI_NUMERICHOST},
#ifdef AI_NUMERICSERV
    {kAiNumericServ, "AI_NUMERICSERV", AI_NUMERICSERV},
#else
    {kAiNumericServ, "AI_NUMERICSERV", 0x00000008},
#endif
    {kAiAddrConfig, "AI_ADDRCONFIG", AI_ADDRCONFIG},
    {kAiV4Mapped, "AI_V4MAPPED", AI_V4MAPPED},
    {kAiAll, "AI_ALL", AI_ALL},
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

absl::Status NativeMsgFlags(MsgFlags flags, bool send, std::string_view call,
                            int* native) {
  return internal::NativeMsgFlags(
      kMsgFlags,
      [send](const FlagEntry& e) {
        return send ? e.send_native : e.recv_native;
      },
      flags, call, kBackend, native);
}

absl::StatusOr<NativeOption> NativeOptionFor(Option option) {
  return internal::NativeOptionFor(kOptions, option, kBackend);
}

absl::Status TranslateAddrInfoHints(const AddrInfoHints& hints,
                                    internal::NativeAddrInfoHints* out) {
  return internal::TranslateHints(hints, kAiFlags, NativeFamily, NativeType,
                                  kBackend, out);
}

absl::Status NativeNiFlags(uint32_t flags, int* native) {
  return internal::NativeResolverFlags(kNiFlags, flags, "getnameinfo",
                                       kBackend, native);
}

}  // namespace windows_internal
}  // namespace platform
}  // namespace xsock
