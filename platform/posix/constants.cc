// platform/posix/constants.cc: the native values of the socket-module
// constants on POSIX systems, Linux included (see platform/constants.h), from
// the POSIX headers and, on Linux, the Linux ones. The entries are the shared
// table of platform/internal/constants_table.inc.

#include "platform/constants.h"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <sys/socket.h>
#include <sys/un.h>

#if defined(__linux__)
#include <linux/can.h>
#include <linux/can/raw.h>
#include <linux/netlink.h>
#include <linux/tipc.h>
#endif

#include <cstdint>
#include <string_view>

#include "absl/types/span.h"

// The names these headers declare only as enumerators (see
// constants_table.inc).
#if defined(__GLIBC__)
#define XSOCK_IPPORT_USERRESERVED_ENUMERATOR 1
#endif
#if defined(__linux__)
#define XSOCK_TIPC_SCOPE_ENUMERATORS 1
#endif
// TCP_KEEPALIVE: Python exports it on Apple's systems only.
#if defined(__APPLE__)
#define XSOCK_TCP_KEEPALIVE_EXPORTED 1
#endif

namespace xsock {
namespace platform {
namespace {

constexpr NativeConstant kNative[] = {
#include "platform/internal/constants_table.inc"
};

}  // namespace

absl::Span<const NativeConstant> NativeConstants() { return kNative; }

std::string_view ConstantsPlatform() {
#if defined(__linux__)
  return "Linux";
#else
  return "";
#endif
}

}  // namespace platform
}  // namespace xsock
