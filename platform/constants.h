// platform/constants.h
//
// The native values of the socket-module constants (core/constants.h) on the
// platform this file is compiled for, each taken from the OS headers by the
// OS's own source (platform/posix/constants.cc for POSIX and Linux,
// platform/windows/constants.cc for Windows; both expand the one table of
// platform/internal/constants_table.inc) and looked up by
// platform/constants.cc, which includes no OS header. The headers: POSIX
// <sys/socket.h>, <netinet/in.h>, <netinet/tcp.h>, <netinet/udp.h>,
// <netdb.h>, <sys/un.h>; on Linux also <linux/netlink.h>, <linux/tipc.h>,
// <linux/can.h>, <linux/can/raw.h>; on Windows the Windows backend's
// platform/windows/winsock.h: <winsock2.h>, <ws2tcpip.h>, <mstcpip.h>, ...,
// plus the Windows SDK's TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT and
// TCP_MAXSEG where MinGW-w64 lacks them. A name the headers do not define
// is absent, never given a substitute number.
//
// Most constants are macros; those some headers declare as enumerators
// only (Winsock's IPPROTO_* in the Windows SDK, mstcpip.h's RCVALL_*,
// glibc's IPPORT_USERRESERVED, linux/tipc.h's TIPC_CLUSTER_SCOPE and
// TIPC_NODE_SCOPE) are taken on the platforms that declare them. Aliases
// Python makes, and xsock with it: on Windows SHUT_RD, SHUT_WR and SHUT_RDWR
// are SD_RECEIVE, SD_SEND and SD_BOTH, AF_BLUETOOTH is AF_BTH and
// TCP_QUICKACK is the ioctl code SIO_TCP_SET_ACK_FREQUENCY; TCP_KEEPALIVE is
// Apple's only (Python exports it there alone).
//
// Values are the headers' values converted to int64_t from their C type, so
// unsigned 32-bit values (INADDR_NONE, the Winsock SIO_* codes) are never
// negative.
//
// The header includes no OS header.

#ifndef XSOCK_PLATFORM_CONSTANTS_H_
#define XSOCK_PLATFORM_CONSTANTS_H_

#include <cstdint>
#include <optional>
#include <string_view>

#include "absl/types/span.h"

namespace xsock {
namespace platform {

// NativeConstant is one constant this platform's headers define.
struct NativeConstant {
  std::string_view name;
  int64_t value;
};

// NativeConstants returns every constant of core/constants.h's list this
// platform defines, in the list's order.
absl::Span<const NativeConstant> NativeConstants();

// NativeConstantValue returns the value of the constant `name` on this
// platform, nullopt when the platform's headers do not define it (or the
// name is not a known constant).
std::optional<int64_t> NativeConstantValue(std::string_view name);

// ConstantsPlatform returns the column of docs/constants.md (the constants
// each platform lacks) this build's values belong to: "Linux", "Windows", or
// "" on any other OS (the page has no column for it).
std::string_view ConstantsPlatform();

}  // namespace platform
}  // namespace xsock

#endif  // XSOCK_PLATFORM_CONSTANTS_H_
