// core/error.h
//
// The portable error model. Every fallible xsock call returns absl::Status or
// absl::StatusOr<T>; an error carries
//   - a portable ErrorKind (the one table below: XSOCK_ERROR_KINDS),
//   - the native code (errno, WSA* code, EAI_* code or h_errno; 0 if none),
//   - the name of the call that failed ("connect", "recv", ...),
// and helpers read them back. Each backend maps its native codes onto the
// kinds in one place (platform/<os>/errors.cc); unknown native codes become
// ErrorKind::kUnknown with the value kept.
//
// Python's four error classes map onto ErrorClass: socket.error/OSError,
// socket.herror (h_errno), socket.gaierror (EAI_*), socket.timeout.
//
// Allocation: the would-block and interrupted errors are "bare" statuses (a
// status code with no message and no payload), which absl stores inline, so
// the paths an event loop hits constantly never allocate. They carry no native
// code (it is always EAGAIN/EWOULDBLOCK/WSAEWOULDBLOCK or EINTR/WSAEINTR).
//
// No OS headers, no system calls.

#ifndef XSOCK_CORE_ERROR_H_
#define XSOCK_CORE_ERROR_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace xsock {

// ErrorClass is which of Python's socket exception classes an error belongs to.
enum class ErrorClass {
  kNone,         // OK status.
  kOsError,      // socket.error / OSError (errno or WSA code)
  kHostError,    // socket.herror (h_errno from gethostbyname_ex/gethostbyaddr:
                 // the kHost* kinds)
  kAddressInfo,  // socket.gaierror (EAI_* from getaddrinfo/getnameinfo)
  kTimeout,      // socket.timeout / TimeoutError
};

// XSOCK_ERROR_KINDS(X) lists every portable error kind once:
//   X(Name, absl::StatusCode, ErrorClass, "description")
// A bare status of kUnavailable means kWouldBlock and a bare kAborted means
// kInterrupted (see the file comment); every other kind carries a payload.
#define XSOCK_ERROR_KINDS(X)                                                  \
  X(Unknown, kUnknown, kOsError, "unknown error")                            \
  X(InvalidArgument, kInvalidArgument, kOsError, "invalid argument")         \
  X(Unimplemented, kUnimplemented, kOsError,                                 \
    "not implemented on this platform")                                      \
  X(WouldBlock, kUnavailable, kOsError, "operation would block")             \
  X(Interrupted, kAborted, kOsError, "interrupted system call")              \
  X(InProgress, kUnavailable, kOsError, "operation now in progress")         \
  X(AlreadyInProgress, kFailedPrecondition, kOsError,                        \
    "operation already in progress")                                         \
  X(TimedOut, kDeadlineExceeded, kTimeout, "timed out")                      \
  X(ConnectionRefused, kUnavailable, kOsError, "connection refused")         \
  X(ConnectionReset, kUnavailable, kOsError, "connection reset by peer")     \
  X(ConnectionAborted, kAborted, kOsError, "connection aborted")             \
  X(BrokenPipe, kFailedPrecondition, kOsError, "broken pipe")                \
  X(NotConnected, kFailedPrecondition, kOsError, "socket is not connected")  \
  X(AlreadyConnected, kFailedPrecondition, kOsError,                         \
    "socket is already connected")                                           \
  X(AddressInUse, kAlreadyExists, kOsError, "address already in use")        \
  X(AddressNotAvailable, kUnavailable, kOsError,                             \
    "cannot assign requested address")                                       \
  X(AddressRequired, kFailedPrecondition, kOsError,                          \
    "destination address required")                                          \
  X(NetworkUnreachable, kUnavailable, kOsError, "network is unreachable")    \
  X(NetworkDown, kUnavailable, kOsError, "network is down")                  \
  X(HostUnreachable, kUnavailable, kOsError, "no route to host")             \
  X(FamilyNotSupported, kUnimplemented, kOsError,                            \
    "address family not supported")                                          \
  X(ProtocolNotSupported, kUnimplemented, kOsError,                          \
    "protocol not supported")                                                \
  X(TypeNotSupported, kUnimplemented, kOsError, "socket type not supported") \
  X(OperationNotSupported, kUnimplemented, kOsError,                         \
    "operation not supported")                                               \
  X(ProtocolOptionNotSupported, kUnimplemented, kOsError,                    \
    "protocol option not available")                                         \
  X(WrongProtocolType, kInvalidArgument, kOsError,                           \
    "protocol wrong type for socket")                                        \
  X(PermissionDenied, kPermissionDenied, kOsError, "permission denied")      \
  X(NoBufferSpace, kResourceExhausted, kOsError, "no buffer space available")\
  X(TooManyOpenFiles, kResourceExhausted, kOsError, "too many open files")   \
  X(MessageTooLong, kOutOfRange, kOsError, "message too long")               \
  X(BadDescriptor, kFailedPrecondition, kOsError, "bad file descriptor")     \
  X(NotASocket, kFailedPrecondition, kOsError, "not a socket")               \
  X(NotFound, kNotFound, kOsError, "no such file or directory")              \
  X(Shutdown, kFailedPrecondition, kOsError,                                 \
    "cannot send after socket shutdown")                                     \
  X(HostNotFound, kNotFound, kHostError, "host not found")                   \
  X(HostTryAgain, kUnavailable, kHostError,                                  \
    "host lookup failed for now, try again later")                           \
  X(HostNoRecovery, kUnavailable, kHostError,                                \
    "non-recoverable failure in host lookup")                                \
  X(HostNoData, kNotFound, kHostError,                                       \
    "valid name, no address of the requested type")                          \
  X(AddressInfo, kNotFound, kAddressInfo, "address resolution failed")      \
  X(AddrInfoNoName, kNotFound, kAddressInfo,                                 \
    "name or service not known")                                             \
  X(AddrInfoNoData, kNotFound, kAddressInfo,                                 \
    "no address associated with name")                                       \
  X(AddrInfoAgain, kUnavailable, kAddressInfo,                               \
    "temporary failure in name resolution")                                  \
  X(AddrInfoFail, kUnavailable, kAddressInfo,                                \
    "non-recoverable failure in name resolution")                            \
  X(AddrInfoFamily, kInvalidArgument, kAddressInfo,                          \
    "address family not supported for this name")                           \
  X(AddrInfoSockType, kInvalidArgument, kAddressInfo,                        \
    "socket type not supported for name resolution")                         \
  X(AddrInfoService, kNotFound, kAddressInfo,                                \
    "service not supported for this socket type")                            \
  X(AddrInfoBadFlags, kInvalidArgument, kAddressInfo,                        \
    "invalid value for ai_flags")                                            \
  X(AddrInfoMemory, kResourceExhausted, kAddressInfo,                        \
    "memory allocation failure in name resolution")                          \
  X(AddrInfoOverflow, kOutOfRange, kAddressInfo, "argument buffer overflow")

// ErrorKind is the portable classification of an error (see the table above).
enum class ErrorKind {
  kOk = 0,  // GetErrorKind of an OK status.
#define XSOCK_ERROR_KIND_ENUM(name, code, cls, text) k##name,
  XSOCK_ERROR_KINDS(XSOCK_ERROR_KIND_ENUM)
#undef XSOCK_ERROR_KIND_ENUM
};

// ErrorKindName returns the kind's name without the k prefix, e.g.
// "ConnectionRefused"; "Ok" for kOk.
std::string_view ErrorKindName(ErrorKind kind);

// ErrorKindText returns the kind's one-line description, e.g.
// "connection refused".
std::string_view ErrorKindText(ErrorKind kind);

// ErrorKindClass returns the Python error class of `kind`.
ErrorClass ErrorKindClass(ErrorKind kind);

// MakeError returns a non-OK status of `kind` for the failed `call`, carrying
// `native_code` (0 when there is none) and a message
// "<call>: <message or kind text> [<native_label> <native_code>]".
// `native_label` names the code's namespace ("errno", "WSA", "EAI", "h_errno").
// MakeError(kWouldBlock, ...) and MakeError(kInterrupted, ...) return the bare
// statuses (no allocation) and drop the other arguments.
absl::Status MakeError(ErrorKind kind, std::string_view call,
                       int native_code = 0, std::string_view native_label = "",
                       std::string_view message = "");

// InvalidArgument returns a kInvalidArgument status whose message names the
// call and the offending argument: "<call>: <argument>: <what>".
absl::Status InvalidArgument(std::string_view call, std::string_view argument,
                             std::string_view what);

// Unimplemented returns a kUnimplemented status "<call>: <what> is not
// implemented on this platform (<backend>)".
absl::Status Unimplemented(std::string_view call, std::string_view what,
                           std::string_view backend);

// TimedOut returns the library timeout: kind kTimedOut, native code 0,
// message "<call>: timed out" (Python: socket.timeout("timed out")).
absl::Status TimedOut(std::string_view call);

// WouldBlockError returns the bare would-block status (never allocates).
absl::Status WouldBlockError();
// InterruptedError returns the bare interrupted status (never allocates).
absl::Status InterruptedError();

// GetErrorKind returns the kind of `status` (kOk for OK). A status that was
// not made by xsock maps from its absl code to the closest kind.
ErrorKind GetErrorKind(const absl::Status& status);

// GetNativeCode returns the native code carried by `status`, or 0.
int GetNativeCode(const absl::Status& status);

// GetFailedCall returns the name of the call that failed, or "".
std::string GetFailedCall(const absl::Status& status);

// GetErrorClass returns Python's error class for `status`.
ErrorClass GetErrorClass(const absl::Status& status);

// IsWouldBlock is GetErrorKind(status) == ErrorKind::kWouldBlock, without
// parsing a payload.
inline bool IsWouldBlock(const absl::Status& status) {
  return status.code() == absl::StatusCode::kUnavailable &&
         status.message().empty();
}
// IsInterrupted is GetErrorKind(status) == ErrorKind::kInterrupted, without
// parsing a payload.
inline bool IsInterrupted(const absl::Status& status) {
  return status.code() == absl::StatusCode::kAborted &&
         status.message().empty();
}

}  // namespace xsock

#endif  // XSOCK_CORE_ERROR_H_
