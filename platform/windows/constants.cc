// platform/windows/constants.cc: the native values of the socket-module
// constants on Windows (see platform/constants.h), from the Windows
// backend's headers (winsock.h), so both see the same constants. The entries
// are the shared table of platform/internal/constants_table.inc.

#include "platform/constants.h"

#include <cstdint>
#include <string_view>

#include "absl/types/span.h"
#include "platform/windows/winsock.h"

// The names the Windows SDK declares only as enumerators (see
// constants_table.inc): Winsock's IPPROTO_* and mstcpip.h's RCVALL_*.
#define XSOCK_IPPROTO_ENUMERATORS 1
#define XSOCK_RCVALL_ENUMERATORS 1

namespace xsock {
namespace platform {
namespace {

constexpr NativeConstant kNative[] = {
#include "platform/internal/constants_table.inc"
};

}  // namespace

absl::Span<const NativeConstant> NativeConstants() { return kNative; }

std::string_view ConstantsPlatform() { return "Windows"; }

}  // namespace platform
}  // namespace xsock
