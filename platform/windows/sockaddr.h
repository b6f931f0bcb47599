// platform/windows/sockaddr.h (internal to the Windows backend)
//
// SocketAddress <-> Winsock sockaddr conversion for AF_INET, AF_INET6 and
// AF_UNIX (afunix.h, Windows 10 build 17063+).
//
// Rules (reference: python-socket-behaviour.md 2.6, platform-quirks UNIX-01,
// UNIX-03):
//   - IPv6 flowinfo travels in network order, scope_id as is.
//   - AF_UNIX paths get their NUL terminator; sun_path is 108 bytes as on
//     Linux; a path that does not fit is rejected (kInvalidArgument naming
//     "path"), never truncated.
//   - Abstract names (leading NUL) are kFamilyNotSupported: Windows does not
//     support the abstract namespace (no kUnixAbstract).
//   - The unnamed AF_UNIX address (SocketAddress::Unix("")) is the bare
//     family; Windows has no autobind, so binding it fails in the OS.
// Decoding never truncates either: a reported length that does not fit the
// family's structure is an error. Neither direction allocates on success.
// The encoding and decoding of the three families is shared with the POSIX
// backends (platform/internal/sockaddr.h).

#ifndef XSOCK_PLATFORM_WINDOWS_SOCKADDR_H_
#define XSOCK_PLATFORM_WINDOWS_SOCKADDR_H_

#include <cstddef>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/address.h"
#include "platform/internal/sockaddr.h"
#include "platform/windows/winsock.h"

namespace xsock {
namespace platform {
namespace windows_internal {

// NativeSockAddr is a sockaddr_storage and its length, an int as in
// Winsock (see internal::NativeSockAddrOf).
using NativeSockAddr =
    internal::NativeSockAddrOf<sockaddr_storage, sockaddr, int>;

// kUnixSunPathSize is sizeof(sockaddr_un::sun_path) on Windows (108).
inline constexpr size_t kUnixSunPathSize = sizeof(sockaddr_un{}.sun_path);

// EncodeAddress converts `addr` for `call`: AF_INET, AF_INET6 and AF_UNIX
// paths. Errors: kInvalidArgument naming "path" when an AF_UNIX path does
// not fit sun_path; kFamilyNotSupported for abstract AF_UNIX names and for
// families Windows does not have (netlink, TIPC, unspecified).
absl::Status EncodeAddress(const SocketAddress& addr, std::string_view call,
                           NativeSockAddr* out);

// DecodeAddress converts a native address of length `len` (as returned by
// getsockname/getpeername/accept/recvfrom): length 0 or AF_UNSPEC is
// SocketAddress(). Errors: kInvalidArgument for a length too short (or too
// long) for the family; kFamilyNotSupported for other families.
absl::StatusOr<SocketAddress> DecodeAddress(const sockaddr* sa, int len,
                                            std::string_view call);

// UnspecifiedAddress returns what POSIX reports for an unbound socket of
// native family `af`: 0.0.0.0:0, [::]:0 or the unnamed AF_UNIX address;
// kFamilyNotSupported for other families.
absl::StatusOr<SocketAddress> UnspecifiedAddress(int af, std::string_view call);

// IsLoopback returns whether `addr` is an IPv4 127.0.0.0/8 address, ::1 or
// an IPv4-mapped 127.0.0.0/8 address.
bool IsLoopback(const SocketAddress& addr);

}  // namespace windows_internal
}  // namespace platform
}  // namespace xsock

#endif  // XSOCK_PLATFORM_WINDOWS_SOCKADDR_H_
