// platform/windows/translate.h (internal to the Windows backend)
//
// The portable -> Winsock translation tables, in one place: Family <-> AF_*,
// Type <-> SOCK_*, MsgFlags -> MSG_*, ShutdownHow -> SD_*, Option ->
// (level, name), AiFlags -> AI_*, NiFlags -> NI_*. A value Windows lacks is
// reported as missing (-1 / an error naming it).

#ifndef XSOCK_PLATFORM_WINDOWS_TRANSLATE_H_
#define XSOCK_PLATFORM_WINDOWS_TRANSLATE_H_

#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include <cstdint>

#include "core/addrinfo.h"
#include "core/options.h"
#include "core/types.h"
#include "platform/internal/addrinfo.h"
#include "platform/os.h"

namespace xsock {
namespace platform {
namespace windows_internal {

// kBackend is the Windows backend's name (WindowsOs::Name()), which its
// messages of missing features name.
inline constexpr std::string_view kBackend = "windows";

// NativeFamily returns the AF_* value of `f` (AF_INET, AF_INET6, AF_UNIX),
// or -1 for families Windows does not have (netlink, TIPC) and kUnspec.
int NativeFamily(Family f);

// PortableFamily sets *f to the Family of native `af`; false if xsock does
// not model `af` on Windows.
bool PortableFamily(int af, Family* f);

// NativeType returns the SOCK_* value of `t` (Windows numbers SOCK_RDM 4 and
// SOCK_SEQPACKET 5 the other way round from Linux), or -1.
int NativeType(Type t);

// PortableType sets *t to the Type of native SOCK_* value `type`.
bool PortableType(int type, Type* t);

// NativeShutdown returns SD_RECEIVE/SD_SEND/SD_BOTH for `how`, or -1.
int NativeShutdown(ShutdownHow how);

// NativeMsgFlags converts `flags` to MSG_* bits in *native. Windows has
// MSG_PEEK, MSG_OOB, MSG_WAITALL (receives only) and MSG_DONTROUTE; the
// others (MSG_DONTWAIT, MSG_TRUNC, MSG_EOR, and MSG_WAITALL on a send) are
// kUnimplemented naming the flag. `send` selects the send-side rules. Does
// not allocate on success.
absl::Status NativeMsgFlags(MsgFlags flags, bool send, std::string_view call,
                            int* native);

// NativeOptionFor maps `option` to its (level, name); kUnimplemented naming
// the option where Windows lacks it; kInvalidArgument naming "option" for a
// value outside the enumeration.
absl::StatusOr<NativeOption> NativeOptionFor(Option option);

// TranslateAddrInfoHints converts getaddrinfo's portable hints to native
// (AF_*, SOCK_* or 0 when unset, protocol, AI_* bits). Errors:
// kFamilyNotSupported / kTypeNotSupported for a value Windows lacks;
// kUnimplemented naming an AI_* flag Windows lacks. Unknown flag bits are
// api/'s to reject.
absl::Status TranslateAddrInfoHints(const AddrInfoHints& hints,
                                    internal::NativeAddrInfoHints* out);

// NativeNiFlags converts portable NiFlags bits (known bits only: api/
// checks) to NI_* bits. Errors: kUnimplemented naming an NI_* flag Windows
// lacks.
absl::Status NativeNiFlags(uint32_t flags, int* native);

}  // namespace windows_internal
}  // namespace platform
}  // namespace xsock

#endif  // XSOCK_PLATFORM_WINDOWS_TRANSLATE_H_
