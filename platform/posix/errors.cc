// platform/posix/errors.cc: the one errno -> ErrorKind table of the POSIX
// and Linux backends (reference: platform-quirks.md note 3).

#include "platform/posix/errors.h"

#include <netdb.h>
#include <string.h>

#include <cerrno>
#include <string_view>

#include "core/error.h"
#include "platform/internal/addrinfo.h"
#include "platform/internal/errors.h"

namespace xsock {
namespace platform {
namespace posix_internal {
namespace {

// kErrnoTable lists every errno the backends give a portable meaning. Codes
// that are aliases on some systems (EAGAIN/EWOULDBLOCK, EOPNOTSUPP/ENOTSUP)
// are both listed; the first match wins, so duplicates are harmless.
constexpr internal::NativeErrorEntry kErrnoTable[] = {
    {EAGAIN, ErrorKind::kWouldBlock},
    {EWOULDBLOCK, ErrorKind::kWouldBlock},
    {EINTR, ErrorKind::kInterrupted},
    {EINPROGRESS, ErrorKind::kInProgress},
    {EALREADY, ErrorKind::kAlreadyInProgress},
    {EISCONN, ErrorKind::kAlreadyConnected},
    {ENOTCONN, ErrorKind::kNotConnected},
    {ECONNREFUSED, ErrorKind::kConnectionRefused},
    {ECONNRESET, ErrorKind::kConnectionReset},
    {ENETRESET, ErrorKind::kConnectionReset},
    {ECONNABORTED, ErrorKind::kConnectionAborted},
    {EPIPE, ErrorKind::kBrokenPipe},
#ifdef ESHUTDOWN
    {ESHUTDOWN, ErrorKind::kShutdown},
#endif
    {ETIMEDOUT, ErrorKind::kTimedOut},
    {EADDRINUSE, ErrorKind::kAddressInUse},
    {EADDRNOTAVAIL, ErrorKind::kAddressNotAvailable},
    {EDESTADDRREQ, ErrorKind::kAddressRequired},
    {ENETUNREACH, ErrorKind::kNetworkUnreachable},
    {ENETDOWN, ErrorKind::kNetworkDown},
    {EHOSTUNREACH, ErrorKind::kHostUnreachable},
#ifdef EHOSTDOWN
    {EHOSTDOWN, ErrorKind::kHostUnreachable},
#endif
    {EAFNOSUPPORT, ErrorKind::kFamilyNotSupported},
#ifdef EPFNOSUPPORT
    {EPFNOSUPPORT, ErrorKind::kFamilyNotSupported},
#endif
    {EPROTONOSUPPORT, ErrorKind::kProtocolNotSupported},
#ifdef ESOCKTNOSUPPORT
    {ESOCKTNOSUPPORT, ErrorKind::kTypeNotSupported},
#endif
    {EOPNOTSUPP, ErrorKind::kOperationNotSupported},
#ifdef ENOTSUP
    {ENOTSUP, ErrorKind::kOperationNotSupported},
#endif
    {ENOPROTOOPT, ErrorKind::kProtocolOptionNotSupported},
    {EPROTOTYPE, ErrorKind::kWrongProtocolType},
    {EACCES, ErrorKind::kPermissionDenied},
    {EPERM, ErrorKind::kPermissionDenied},
    {ENOBUFS, ErrorKind::kNoBufferSpace},
    {ENOMEM, ErrorKind::kNoBufferSpace},
    {EMFILE, ErrorKind::kTooManyOpenFiles},
    {ENFILE, ErrorKind::kTooManyOpenFiles},
    {EMSGSIZE, ErrorKind::kMessageTooLong},
    {EBADF, ErrorKind::kBadDescriptor},
    {ENOTSOCK, ErrorKind::kNotASocket},
    {ENOENT, ErrorKind::kNotFound},
    {ENOTDIR, ErrorKind::kNotFound},
    {EINVAL, ErrorKind::kInvalidArgument},
    {EFAULT, ErrorKind::kInvalidArgument},
    {ENAMETOOLONG, ErrorKind::kInvalidArgument},
    {ENOSYS, ErrorKind::kUnimplemented},
};

// kEaiTable is the one EAI_* -> ErrorKind table of the POSIX backends
// (platform-quirks RES-03). EAI_NODATA and EAI_ADDRFAMILY exist only on some
// systems (glibc declares them with _GNU_SOURCE; FreeBSD removed them).
// EAI_SYSTEM is not listed: it means "see errno".
constexpr internal::NativeErrorEntry kEaiTable[] = {
    {EAI_NONAME, ErrorKind::kAddrInfoNoName},
#ifdef EAI_NODATA
    {EAI_NODATA, ErrorKind::kAddrInfoNoData},
#endif
    {EAI_AGAIN, ErrorKind::kAddrInfoAgain},
    {EAI_FAIL, ErrorKind::kAddrInfoFail},
    {EAI_FAMILY, ErrorKind::kAddrInfoFamily},
#ifdef EAI_ADDRFAMILY
    {EAI_ADDRFAMILY, ErrorKind::kAddrInfoFamily},
#endif
    {EAI_SOCKTYPE, ErrorKind::kAddrInfoSockType},
    {EAI_SERVICE, ErrorKind::kAddrInfoService},
    {EAI_BADFLAGS, ErrorKind::kAddrInfoBadFlags},
    {EAI_MEMORY, ErrorKind::kAddrInfoMemory},
#ifdef EAI_OVERFLOW
    {EAI_OVERFLOW, ErrorKind::kAddrInfoOverflow},
#endif
};

// kHErrnoTable is the one h_errno -> ErrorKind table of the POSIX backends.
// NO_ADDRESS is NO_DATA wherever both exist.
constexpr internal::NativeErrorEntry kHErrnoTable[] = {
    {HOST_NOT_FOUND, ErrorKind::kHostNotFound},
    {TRY_AGAIN, ErrorKind::kHostTryAgain},
    {NO_RECOVERY, ErrorKind::kHostNoRecovery},
    {NO_DATA, ErrorKind::kHostNoData},
};

// StrErrorResult adapts both strerror_r flavours: XSI returns int (0 on
// success, text in `buf`), GNU returns the text pointer.
[[maybe_unused]] const char* StrErrorResult(int rc, const char* buf) {
  return rc == 0 ? buf : nullptr;
}
[[maybe_unused]] const char* StrErrorResult(const char* text,
                                            const char* /*buf*/) {
  return text;
}

}  // namespace

ErrorKind ErrnoKind(int code) { return internal::KindOf(kErrnoTable, code); }

absl::Status ErrnoErrorSlow(int code, std::string_view call) {
  char buf[128];
  // An errno the table does not know: the C library's text says what it is.
  auto strerror_text = [code, &buf] {
    buf[0] = '\0';
    const char* text = StrErrorResult(strerror_r(code, buf, sizeof(buf)), buf);
    return (text != nullptr && text[0] != '\0') ? std::string_view(text)
                                                : std::string_view();
  };
  return internal::NativeError(ErrnoKind(code), code, call, "errno",
                               strerror_text);
}

absl::Status EaiError(int code, int sys_errno, std::string_view call) {
#ifdef EAI_SYSTEM
  if (code == EAI_SYSTEM && sys_errno != 0) return ErrnoError(sys_errno, call);
#else
  (void)sys_errno;
#endif
  // gai_strerror returns static text for every code (unknown ones
  // included) and is thread-safe on the POSIX systems xsock supports.
  auto text = [code] {
    const char* t = ::gai_strerror(code);
    return t != nullptr ? std::string_view(t) : std::string_view();
  };
  return internal::AddrInfoError(kEaiTable, code, call, "EAI", text);
}

absl::Status HostError(int code, int sys_errno, std::string_view call) {
#ifdef NETDB_INTERNAL
  if (code == NETDB_INTERNAL) {
    if (sys_errno != 0 && sys_errno != EAGAIN && sys_errno != EWOULDBLOCK &&
        sys_errno != EINTR) {
      return ErrnoErrorSlow(sys_errno, call);
    }
    code = TRY_AGAIN;
  }
#else
  (void)sys_errno;
#endif
  ErrorKind kind = internal::KindOf(kHErrnoTable, code);
  if (kind == ErrorKind::kUnknown) kind = ErrorKind::kHostNotFound;
  // hstrerror returns static text for every code (unknown ones included).
  const char* text = ::hstrerror(code);
  return MakeError(kind, call, code, "h_errno",
                   text != nullptr ? std::string_view(text)
                                   : std::string_view());
}

}  // namespace posix_internal
}  // namespace platform
}  // namespace xsock
