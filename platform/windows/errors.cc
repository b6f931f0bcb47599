// platform/windows/errors.cc: the one WSA code -> ErrorKind table of the
// Windows backend (reference: platform-quirks.md note 3).

#include "platform/windows/errors.h"

#include <cstddef>
#include <string_view>

#include "core/error.h"
#include "platform/internal/addrinfo.h"
#include "platform/internal/errors.h"
#include "platform/windows/winsock.h"

namespace xsock {
namespace platform {
namespace windows_internal {
namespace {

// kWsaTable lists every WSA / Win32 code the backend gives a portable
// meaning. Where Windows differs from POSIX on purpose, the entry says why.
constexpr internal::NativeErrorEntry kWsaTable[] = {
    {WSAEWOULDBLOCK, ErrorKind::kWouldBlock},
    {WSAEINTR, ErrorKind::kInterrupted},
    // WSAEINPROGRESS is the Winsock 1.1 "a blocking call is in progress",
    // not POSIX's EINPROGRESS (that is WSAEWOULDBLOCK from connect, mapped
    // in WindowsOs::Connect); kInProgress would make api/ wait for a
    // connection that was never started.
    {WSAEINPROGRESS, ErrorKind::kAlreadyInProgress},
    {WSAEALREADY, ErrorKind::kAlreadyInProgress},
    {WSAEISCONN, ErrorKind::kAlreadyConnected},
    {WSAENOTCONN, ErrorKind::kNotConnected},
    {WSAECONNREFUSED, ErrorKind::kConnectionRefused},
    {WSAECONNRESET, ErrorKind::kConnectionReset},
    {WSAECONNABORTED, ErrorKind::kConnectionAborted},
    // ERR-03: WSAENETRESET is what a keep-alive timeout reports; note 3
    // maps it to kTimedOut by policy (POSIX reports ETIMEDOUT there).
    {WSAENETRESET, ErrorKind::kTimedOut},
    // A send after shutdown(SD_SEND): POSIX reports EPIPE (note 3).
    {WSAESHUTDOWN, ErrorKind::kBrokenPipe},
    {WSAETIMEDOUT, ErrorKind::kTimedOut},
    {WSAEADDRINUSE, ErrorKind::kAddressInUse},
    {WSAEADDRNOTAVAIL, ErrorKind::kAddressNotAvailable},
    {WSAEDESTADDRREQ, ErrorKind::kAddressRequired},
    {WSAENETUNREACH, ErrorKind::kNetworkUnreachable},
    {WSAENETDOWN, ErrorKind::kNetworkDown},
    {WSAEHOSTUNREACH, ErrorKind::kHostUnreachable},
    {WSAEHOSTDOWN, ErrorKind::kHostUnreachable},
    {WSAEAFNOSUPPORT, ErrorKind::kFamilyNotSupported},
    {WSAEPFNOSUPPORT, ErrorKind::kFamilyNotSupported},
    {WSAEPROTONOSUPPORT, ErrorKind::kProtocolNotSupported},
    {WSAESOCKTNOSUPPORT, ErrorKind::kTypeNotSupported},
    {WSAEOPNOTSUPP, ErrorKind::kOperationNotSupported},
    {WSAENOPROTOOPT, ErrorKind::kProtocolOptionNotSupported},
    {WSAEPROTOTYPE, ErrorKind::kWrongProtocolType},
    {WSAEACCES, ErrorKind::kPermissionDenied},
    {WSAENOBUFS, ErrorKind::kNoBufferSpace},
    {WSA_NOT_ENOUGH_MEMORY, ErrorKind::kNoBufferSpace},
    {WSAEMFILE, ErrorKind::kTooManyOpenFiles},
    {WSAEMSGSIZE, ErrorKind::kMessageTooLong},
    {WSAEBADF, ErrorKind::kBadDescriptor},
    {WSA_INVALID_HANDLE, ErrorKind::kBadDescriptor},  // = ERROR_INVALID_HANDLE
    // A closed SOCKET and a handle that is not a socket look the same to
    // Winsock: both are WSAENOTSOCK.
    {WSAENOTSOCK, ErrorKind::kNotASocket},
    {WSAEINVAL, ErrorKind::kInvalidArgument},
    {WSA_INVALID_PARAMETER, ErrorKind::kInvalidArgument},  // = 87
    {WSAEFAULT, ErrorKind::kInvalidArgument},
    {WSAENAMETOOLONG, ErrorKind::kInvalidArgument},
    {ERROR_ACCESS_DENIED, ErrorKind::kPermissionDenied},
    {ERROR_NOT_SUPPORTED, ErrorKind::kOperationNotSupported},
    {ERROR_FILE_NOT_FOUND, ErrorKind::kNotFound},
    {ERROR_PATH_NOT_FOUND, ErrorKind::kNotFound},
    {WSAVERNOTSUPPORTED, ErrorKind::kUnimplemented},
};

// kEaiTable is the one EAI -> ErrorKind table of the Windows backend
// (platform-quirks RES-03): the EAI_* names of ws2tcpip.h are WSA codes.
constexpr internal::NativeErrorEntry kEaiTable[] = {
    {EAI_NONAME, ErrorKind::kAddrInfoNoName},    // WSAHOST_NOT_FOUND 11001
    {WSANO_DATA, ErrorKind::kAddrInfoNoData},    // EAI_NODATA 11004
    {EAI_AGAIN, ErrorKind::kAddrInfoAgain},      // WSATRY_AGAIN 11002
    {EAI_FAIL, ErrorKind::kAddrInfoFail},        // WSANO_RECOVERY 11003
    {EAI_FAMILY, ErrorKind::kAddrInfoFamily},    // WSAEAFNOSUPPORT
    {EAI_SOCKTYPE, ErrorKind::kAddrInfoSockType},  // WSAESOCKTNOSUPPORT
    {EAI_SERVICE, ErrorKind::kAddrInfoService},  // WSATYPE_NOT_FOUND
    {EAI_BADFLAGS, ErrorKind::kAddrInfoBadFlags},  // WSAEINVAL
    {EAI_MEMORY, ErrorKind::kAddrInfoMemory},    // WSA_NOT_ENOUGH_MEMORY
};

// kHostTable is the one h_errno -> ErrorKind table of the Windows backend:
// Winsock's h_errno is WSAGetLastError, and its h_errno names are WSA codes.
constexpr internal::NativeErrorEntry kHostTable[] = {
    {WSAHOST_NOT_FOUND, ErrorKind::kHostNotFound},  // HOST_NOT_FOUND 11001
    {WSATRY_AGAIN, ErrorKind::kHostTryAgain},       // TRY_AGAIN 11002
    {WSANO_RECOVERY, ErrorKind::kHostNoRecovery},   // NO_RECOVERY 11003
    {WSANO_DATA, ErrorKind::kHostNoData},           // NO_DATA 11004
};

// SystemMessage writes FormatMessage's text for `code` to `buf` without the
// trailing line break; returns "" when the system has none.
std::string_view SystemMessage(int code, char* buf, size_t size) {
  DWORD n = ::FormatMessageA(
      FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, nullptr,
      static_cast<DWORD>(code), MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US),
      buf, static_cast<DWORD>(size), nullptr);
  if (n == 0) {
    n = ::FormatMessageA(
        FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, nullptr,
        static_cast<DWORD>(code), 0, buf, static_cast<DWORD>(size), nullptr);
  }
  while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r' ||
                   buf[n - 1] == ' ' || buf[n - 1] == '.')) {
    --n;
  }
  return std::string_view(buf, n);
}

}  // namespace

ErrorKind WsaKind(int code) { return internal::KindOf(kWsaTable, code); }

absl::Status WsaErrorWithKind(ErrorKind kind, int code, std::string_view call,
                              std::string_view message) {
  return MakeError(kind, call, code, "WSA", message);
}

absl::Status WsaErrorSlow(int code, std::string_view call) {
  char buf[256];
  // A code the table does not know: the system's text says what it is.
  auto system_text = [code, &buf] {
    return SystemMessage(code, buf, sizeof(buf));
  };
  return internal::NativeError(WsaKind(code), code, call, "WSA", system_text);
}

absl::Status EaiError(int code, std::string_view call) {
  char buf[256];
  auto text = [code, &buf] { return SystemMessage(code, buf, sizeof(buf)); };
  return internal::AddrInfoError(kEaiTable, code, call, "WSA", text);
}

absl::Status HostError(int code, std::string_view call) {
  const ErrorKind kind = internal::KindOf(kHostTable, code);
  if (kind == ErrorKind::kUnknown) {
    // WSAEWOULDBLOCK and WSAEINTR would be the bare statuses, which a
    // lookup never means: say "try again".
    if (code == WSAEWOULDBLOCK || code == WSAEINTR || code == 0) {
      return MakeError(ErrorKind::kHostTryAgain, call, code, "WSA");
    }
    return WsaErrorSlow(code, call);
  }
  char buf[256];
  return MakeError(kind, call, code, "WSA",
                   SystemMessage(code, buf, sizeof(buf)));
}

}  // namespace windows_internal
}  // namespace platform
}  // namespace xsock
