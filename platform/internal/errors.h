// platform/internal/errors.h (internal to the backends in platform/)
//
// The status builders the POSIX and the Windows backend share: the step from
// a native error code to a status (the lookup in the backend's table of
// codes, the bare would-block and interrupted statuses, the portable text),
// and the "... is not supported by the <backend> backend" errors for
// families and types a backend does not handle. Each backend keeps its own
// table of native codes. Includes no OS header.

#ifndef XSOCK_PLATFORM_INTERNAL_ERRORS_H_
#define XSOCK_PLATFORM_INTERNAL_ERRORS_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "core/error.h"
#include "core/types.h"

namespace xsock {
namespace platform {
namespace internal {

// NativeErrorEntry is one row of a backend's table of native error codes:
// `code` (an errno value, a WSA or Win32 code) means `kind`.
struct NativeErrorEntry {
  int code;
  ErrorKind kind;
};

// KindOf returns the kind of native `code` in `table`: the first row listing
// it (so a code listed twice under two alias names is harmless), or
// ErrorKind::kUnknown when no row does.
template <size_t N>
ErrorKind KindOf(const NativeErrorEntry (&table)[N], int code) {
  for (const NativeErrorEntry& e : table) {
    if (e.code == code) return e.kind;
  }
  return ErrorKind::kUnknown;
}

// NativeError builds the status of `kind` for native `code` that `call`
// returned, the code labelled `label` ("errno", "WSA") in the message: the
// bare WouldBlockError() and InterruptedError() for those kinds (no
// allocation); for another kind the table knows, the kind's portable text
// ("connection refused"), identical on every backend, with the code after
// it; for ErrorKind::kUnknown the system's text for the code,
// `system_text()` (called only then; "" when there is none), with the code.
template <typename SystemText>
absl::Status NativeError(ErrorKind kind, int code, std::string_view call,
                         std::string_view label,
                         const SystemText& system_text) {
  if (kind == ErrorKind::kWouldBlock) return WouldBlockError();
  if (kind == ErrorKind::kInterrupted) return InterruptedError();
  if (kind != ErrorKind::kUnknown) return MakeError(kind, call, code, label);
  return MakeError(kind, call, code, label, system_text());
}

// NotSupported returns "<what> is not supported by the <backend> backend"
// (error paths only: it allocates).
std::string NotSupported(std::string_view what, std::string_view backend);

// UnsupportedFamily returns kFamilyNotSupported for `call`:
// "<family name> is not supported by the <backend> backend".
absl::Status UnsupportedFamily(std::string_view call, Family family,
                               std::string_view backend);

// UnsupportedType returns kTypeNotSupported for `call`: "<type name> is not
// supported by the <backend> backend".
absl::Status UnsupportedType(std::string_view call, Type type,
                             std::string_view backend);

// UnsupportedNativeFamily returns kFamilyNotSupported for `call`: "address
// family <af> is not supported by the <backend> backend".
absl::Status UnsupportedNativeFamily(std::string_view call, int af,
                                     std::string_view backend);

// UnsupportedNativeType returns kTypeNotSupported for `call`: "socket type
// <type> is not supported by the <backend> backend".
absl::Status UnsupportedNativeType(std::string_view call, int type,
                                   std::string_view backend);

}  // namespace internal
}  // namespace platform
}  // namespace xsock

#endif  // XSOCK_PLATFORM_INTERNAL_ERRORS_H_
