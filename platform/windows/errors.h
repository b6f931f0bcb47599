// platform/windows/errors.h (internal to the Windows backend)
//
// The WSAGetLastError -> ErrorKind map of the Windows backend and the status
// builders every Winsock wrapper uses. The table itself lives in errors.cc;
// it is the only place that decides what a WSA code means (reference:
// platform-quirks.md note 3 and ERR-01/ERR-03).
//
// Messages: "<call>: <kind text> [WSA <n>]", e.g. "connect: connection
// refused [WSA 10061]" (the same kind text as on every backend); a code the
// table does not know gets the system's FormatMessage text instead of
// "unknown error", and keeps its value.
//
// Allocation: WsaError() returns the bare would-block / interrupted statuses
// for WSAEWOULDBLOCK and WSAEINTR without building a message, so those paths
// never allocate. Every other code goes through MakeError (an error path; it
// allocates).
//
// The table also covers the Win32 codes GetLastError reports for the handle
// calls the backend makes (GetHandleInformation, SetHandleInformation):
// ERROR_INVALID_HANDLE (= WSA_INVALID_HANDLE, 6) is kBadDescriptor.

#ifndef XSOCK_PLATFORM_WINDOWS_ERRORS_H_
#define XSOCK_PLATFORM_WINDOWS_ERRORS_H_

#include <string_view>

#include "absl/status/status.h"
#include "core/error.h"
#include "platform/windows/winsock.h"

namespace xsock {
namespace platform {
namespace windows_internal {

// WsaKind maps WSA (or Win32) code `code` to its portable kind; codes the
// table does not list are ErrorKind::kUnknown (the caller keeps the value).
ErrorKind WsaKind(int code);

// WsaErrorSlow builds the full status for `code` (kind, native code, failing
// call and message). Prefer WsaError, which short-cuts the bare statuses.
absl::Status WsaErrorSlow(int code, std::string_view call);

// WsaErrorWithKind builds a status of `kind` that keeps native `code` and
// says `message` (for the backend's documented normalisations, e.g.
// WSAEWOULDBLOCK from connect() is kInProgress).
absl::Status WsaErrorWithKind(ErrorKind kind, int code, std::string_view call,
                              std::string_view message = "");

// WsaError returns the status for WSA code `code` returned by `call`: the
// bare WouldBlockError() for WSAEWOULDBLOCK, the bare InterruptedError() for
// WSAEINTR (neither allocates), otherwise WsaErrorSlow.
inline absl::Status WsaError(int code, std::string_view call) {
  if (code == WSAEWOULDBLOCK) return WouldBlockError();
  if (code == WSAEINTR) return InterruptedError();
  return WsaErrorSlow(code, call);
}

// LastWsaError is WsaError(WSAGetLastError(), call); call it right after the
// failing Winsock call, before anything else can reset the thread's error
// (quirk CONN-06: even a successful getsockopt may reset it).
inline absl::Status LastWsaError(std::string_view call) {
  return WsaError(::WSAGetLastError(), call);
}

// LastWin32Error is the same for Win32 calls that report through
// GetLastError (GetHandleInformation, GetProcessHandleCount, ...).
inline absl::Status LastWin32Error(std::string_view call) {
  return WsaError(static_cast<int>(::GetLastError()), call);
}

// EaiError returns the status of the EAI code `code` (not 0) that `call`
// ("getaddrinfo", "getnameinfo") returned, through the one EAI table
// (errors.cc). On Windows the EAI_* names are WSA codes (EAI_NONAME =
// WSAHOST_NOT_FOUND 11001, EAI_AGAIN = WSATRY_AGAIN, EAI_FAIL =
// WSANO_RECOVERY, EAI_FAMILY = WSAEAFNOSUPPORT, EAI_SOCKTYPE =
// WSAESOCKTNOSUPPORT, EAI_SERVICE = WSATYPE_NOT_FOUND, EAI_BADFLAGS =
// WSAEINVAL, EAI_MEMORY = WSA_NOT_ENOUGH_MEMORY, EAI_NODATA = WSANO_DATA);
// they become the kAddrInfo* kinds (ErrorClass kAddressInfo), the code
// labelled "WSA". The message is the system's text for the code (what
// gai_strerrorA returns, but written to a local buffer: gai_strerrorA uses
// a static one and is not thread-safe, platform-quirks RES-03), or the
// kind's text when the system has none. A code the table does not list is
// kAddressInfo keeping the code.
absl::Status EaiError(int code, std::string_view call);

// HostError returns the status of the WSA code `code` (WSAGetLastError right
// after a failed gethostbyname / gethostbyaddr, Winsock's h_errno) that
// `call` reported, through the one host error table (errors.cc):
// WSAHOST_NOT_FOUND, WSATRY_AGAIN, WSANO_RECOVERY and WSANO_DATA are
// kHostNotFound, kHostTryAgain, kHostNoRecovery and kHostNoData
// (ErrorClass kHostError), the code labelled "WSA" with the system's text
// for it (or the kind's text); any other code is an OS error through the
// WSA table (WsaErrorSlow), e.g. WSANOTINITIALISED.
absl::Status HostError(int code, std::string_view call);

}  // namespace windows_internal
}  // namespace platform
}  // namespace xsock

#endif  // XSOCK_PLATFORM_WINDOWS_ERRORS_H_
