// core/types.cc: names of the portable enums, for messages and reports.

#include "core/types.h"

namespace xsock {

std::string_view FamilyName(Family f) {
  switch (f) {
    case Family::kUnspec:
      return "AF_UNSPEC";
    case Family::kInet:
      return "AF_INET";
    case Family::kInet6:
      return "AF_INET6";
    case Family::kUnix:
      return "AF_UNIX";
    case Family::kNetlink:
      return "AF_NETLINK";
    case Family::kTipc:
      return "AF_TIPC";
  }
  return "AF_?";
}

std::string_view TypeName(Type t) {
  switch (t) {
    case Type::kStream:
      return "SOCK_STREAM";
    case Type::kDgram:
      return "SOCK_DGRAM";
    case Type::kRaw:
      return "SOCK_RAW";
    case Type::kSeqPacket:
      return "SOCK_SEQPACKET";
    case Type::kRdm:
      return "SOCK_RDM";
  }
  return "SOCK_?";
}

}  // namespace xsock
