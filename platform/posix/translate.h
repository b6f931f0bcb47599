// platform/posix/translate.h (internal to the POSIX and Linux backends)
//
// The portable -> native translation tables of the POSIX backends, in one
// place: Family <-> AF_*, Type <-> SOCK_*, MsgFlags -> MSG_*, ShutdownHow ->
// SHUT_*, Option -> (level, name), AiFlags -> AI_*, NiFlags -> NI_*. A
// value the platform's headers lack is reported as missing (-1 / false) and
// the caller turns that into kUnimplemented / kFamilyNotSupported naming the
// value.

#ifndef XSOCK_PLATFORM_POSIX_TRANSLATE_H_
#define XSOCK_PLATFORM_POSIX_TRANSLATE_H_

#include <cstdint>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/addrinfo.h"
#include "core/options.h"
#include "core/types.h"
#include "platform/internal/addrinfo.h"
#include "platform/os.h"

namespace xsock {
namespace platform {
namespace posix_internal {

// NativeFamily returns the AF_* value of `f`, or -1 when the platform's
// headers do not define it (or `f` is kUnspec or out of range).
int NativeFamily(Family f);

// PortableFamily sets *f to the Family of native `af`; false if xsock does
// not model `af`.
bool PortableFamily(int af, Family* f);

// NativeType returns the SOCK_* value of `t`, or -1.
int NativeType(Type t);

// PortableType sets *t to the Type of native SOCK_* value `type`; false if
// xsock does not model it.
bool PortableType(int type, Type* t);

// NativeShutdown returns SHUT_RD/SHUT_WR/SHUT_RDWR for `how`, or -1.
int NativeShutdown(ShutdownHow how);

// NativeMsgFlags converts `flags` to MSG_* bits in *native. Returns OK, or
// kUnimplemented naming the first flag the platform lacks ("MSG_TRUNC"), with
// `call` and `backend` in the message. Does not allocate on success.
absl::Status NativeMsgFlags(MsgFlags flags, std::string_view call,
                            std::string_view backend, int* native);

// NativeOptionFor maps `option` to its (level, name); kUnimplemented naming
// the option (e.g. "SO_REUSEPORT") where the platform lacks it;
// kInvalidArgument naming "option" for a value outside the enumeration.
absl::StatusOr<NativeOption> NativeOptionFor(Option option,
                                             std::string_view backend);

// TranslateAddrInfoHints converts getaddrinfo's portable hints to native
// (AF_*, SOCK_* or 0 when unset, protocol, AI_* bits). Errors:
// kFamilyNotSupported / kTypeNotSupported for a value the platform lacks;
// kUnimplemented naming an AI_* flag the platform lacks. Unknown flag bits
// are api/'s to reject.
absl::Status TranslateAddrInfoHints(const AddrInfoHints& hints,
                                    std::string_view backend,
                                    internal::NativeAddrInfoHints* out);

// NativeNiFlags converts portable NiFlags bits (known bits only: api/
// checks) to NI_* bits. Errors: kUnimplemented naming an NI_* flag the
// platform lacks.
absl::Status NativeNiFlags(uint32_t flags, std::string_view backend,
                           int* native);

}  // namespace posix_internal
}  // namespace platform
}  // namespace xsock

#endif  // XSOCK_PLATFORM_POSIX_TRANSLATE_H_
