// core/options.cc: the option descriptor table.

#include "core/options.h"

namespace xsock {
namespace {

constexpr OptionInfo kOptions[] = {
    {Option::kReuseAddr, "SO_REUSEADDR", OptionLevel::kSocket, OptionShape::kInt, true},
    {Option::kReusePort, "SO_REUSEPORT", OptionLevel::kSocket, OptionShape::kInt, true},
    {Option::kKeepAlive, "SO_KEEPALIVE", OptionLevel::kSocket, OptionShape::kInt, true},
    {Option::kBroadcast, "SO_BROADCAST", OptionLevel::kSocket, OptionShape::kInt, true},
    {Option::kLinger, "SO_LINGER", OptionLevel::kSocket, OptionShape::kLinger, true},
    {Option::kRcvBuf, "SO_RCVBUF", OptionLevel::kSocket, OptionShape::kInt, true},
    {Option::kSndBuf, "SO_SNDBUF", OptionLevel::kSocket, OptionShape::kInt, true},
    {Option::kRcvTimeo, "SO_RCVTIMEO", OptionLevel::kSocket, OptionShape::kTimeval, true},
    {Option::kSndTimeo, "SO_SNDTIMEO", OptionLevel::kSocket, OptionShape::kTimeval, true},
    {Option::kRcvLowat, "SO_RCVLOWAT", OptionLevel::kSocket, OptionShape::kInt, true},
    {Option::kOobInline, "SO_OOBINLINE", OptionLevel::kSocket, OptionShape::kInt, true},
    {Option::kDontRoute, "SO_DONTROUTE", OptionLevel::kSocket, OptionShape::kInt, true},
    {Option::kType, "SO_TYPE", OptionLevel::kSocket, OptionShape::kInt, false},
    {Option::kError, "SO_ERROR", OptionLevel::kSocket, OptionShape::kInt, false},
    {Option::kAcceptConn, "SO_ACCEPTCONN", OptionLevel::kSocket, OptionShape::kInt, false},
    {Option::kTcpNoDelay, "TCP_NODELAY", OptionLevel::kTcp, OptionShape::kInt, true},
    {Option::kTcpKeepIdle, "TCP_KEEPIDLE", OptionLevel::kTcp, OptionShape::kInt, true},
    {Option::kTcpKeepIntvl, "TCP_KEEPINTVL", OptionLevel::kTcp, OptionShape::kInt, true},
    {Option::kTcpKeepCnt, "TCP_KEEPCNT", OptionLevel::kTcp, OptionShape::kInt, true},
    {Option::kTcpMaxSeg, "TCP_MAXSEG", OptionLevel::kTcp, OptionShape::kInt, true},
    {Option::kIpTtl, "IP_TTL", OptionLevel::kIp, OptionShape::kInt, true},
    {Option::kIpTos, "IP_TOS", OptionLevel::kIp, OptionShape::kInt, true},
    {Option::kIpMulticastTtl, "IP_MULTICAST_TTL", OptionLevel::kIp, OptionShape::kInt, true},
    {Option::kIpMulticastLoop, "IP_MULTICAST_LOOP", OptionLevel::kIp, OptionShape::kInt, true},
    {Option::kIpHdrIncl, "IP_HDRINCL", OptionLevel::kIp, OptionShape::kInt, true},
    {Option::kIpAddMembership, "IP_ADD_MEMBERSHIP", OptionLevel::kIp, OptionShape::kIpMreq, true},
    {Option::kIpDropMembership, "IP_DROP_MEMBERSHIP", OptionLevel::kIp, OptionShape::kIpMreq, true},
    {Option::kIpMulticastIf, "IP_MULTICAST_IF", OptionLevel::kIp, OptionShape::kInAddr, true},
    {Option::kIpv6V6Only, "IPV6_V6ONLY", OptionLevel::kIpv6, OptionShape::kInt, true},
    {Option::kIpv6UnicastHops, "IPV6_UNICAST_HOPS", OptionLevel::kIpv6, OptionShape::kInt, true},
    {Option::kIpv6MulticastHops, "IPV6_MULTICAST_HOPS", OptionLevel::kIpv6, OptionShape::kInt, true},
    {Option::kIpv6MulticastLoop, "IPV6_MULTICAST_LOOP", OptionLevel::kIpv6, OptionShape::kInt, true},
    {Option::kIpv6JoinGroup, "IPV6_JOIN_GROUP", OptionLevel::kIpv6, OptionShape::kIpv6Mreq, true},
    {Option::kIpv6LeaveGroup, "IPV6_LEAVE_GROUP", OptionLevel::kIpv6, OptionShape::kIpv6Mreq, true},
    {Option::kIpv6MulticastIf, "IPV6_MULTICAST_IF", OptionLevel::kIpv6, OptionShape::kInt, true},
};
static_assert(sizeof(kOptions) / sizeof(kOptions[0]) == kOptionCount,
              "one descriptor per Option");

}  // namespace

const OptionInfo* GetOptionInfo(Option option) {
  int i = static_cast<int>(option);
  if (i < 0 || i >= kOptionCount) return nullptr;
  return &kOptions[i];
}

}  // namespace xsock
