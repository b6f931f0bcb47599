// platform/posix/errors.h (internal to the POSIX and Linux backends)
//
// The errno -> ErrorKind map of the POSIX backends and the status builders
// every system-call wrapper uses. The table itself lives in errors.cc; it is
// the only place that decides what an errno means.
//
// Messages: "<call>: <kind text> [errno <n>]", e.g. "connect: connection
// refused [errno 111]" (the same text on every backend); an errno the table
// does not know gets the C library's strerror text instead of "unknown
// error".
//
// Allocation: ErrnoError() returns the bare would-block / interrupted statuses
// for EAGAIN, EWOULDBLOCK and EINTR without building a message, so those
// paths never allocate. Every other code goes through MakeError (an error
// path; it allocates).

#ifndef XSOCK_PLATFORM_POSIX_ERRORS_H_
#define XSOCK_PLATFORM_POSIX_ERRORS_H_

#include <cerrno>
#include <string_view>

#include "absl/status/status.h"
#include "core/error.h"

namespace xsock {
namespace platform {
namespace posix_internal {

// ErrnoKind maps errno value `code` to its portable kind; codes the table
// does not list are ErrorKind::kUnknown (the caller keeps the value).
ErrorKind ErrnoKind(int code);

// ErrnoErrorSlow builds the full status for `code` (kind, native code,
// failing call and message). Prefer ErrnoError, which short-cuts the
// bare statuses.
absl::Status ErrnoErrorSlow(int code, std::string_view call);

// ErrnoError returns the status for errno value `code` returned by `call`:
// the bare WouldBlockError() for EAGAIN/EWOULDBLOCK, the bare
// InterruptedError() for EINTR (neither allocates), otherwise ErrnoErrorSlow.
inline absl::Status ErrnoError(int code, std::string_view call) {
  if (code == EAGAIN || code == EWOULDBLOCK) {
    return WouldBlockError();
  }
  if (code == EINTR) return InterruptedError();
  return ErrnoErrorSlow(code, call);
}

// LastError is ErrnoError(errno, call); call it right after the failing
// system call, before anything else can change errno.
inline absl::Status LastError(std::string_view call) {
  return ErrnoError(errno, call);
}

// EaiError returns the status of EAI code `code` (not 0) that `call`
// ("getaddrinfo", "getnameinfo") returned, through the one EAI table
// (errors.cc): the kAddrInfo* kind (ErrorClass kAddressInfo), the code
// labelled "EAI" and gai_strerror's text; a code the table does not list is
// kAddressInfo keeping the code. EAI_SYSTEM is the OS error in `sys_errno`
// (errno right after the call) through the errno table.
absl::Status EaiError(int code, int sys_errno, std::string_view call);

// HostError returns the status of h_errno value `code` that `call`
// ("gethostbyname", "gethostbyaddr") reported, through the one h_errno table
// (errors.cc): HOST_NOT_FOUND, TRY_AGAIN, NO_RECOVERY and NO_DATA (=
// NO_ADDRESS) are kHostNotFound, kHostTryAgain, kHostNoRecovery and
// kHostNoData (ErrorClass kHostError), the code labelled "h_errno" with
// hstrerror's text; a code the table does not list is kHostNotFound keeping
// the code. NETDB_INTERNAL is the OS error in `sys_errno` through the errno
// table (kHostTryAgain when that is EAGAIN, EINTR or 0, which the errno
// table would make a bare would-block or interrupted status).
absl::Status HostError(int code, int sys_errno, std::string_view call);

}  // namespace posix_internal
}  // namespace platform
}  // namespace xsock

#endif  // XSOCK_PLATFORM_POSIX_ERRORS_H_
