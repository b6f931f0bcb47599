// platform/posix/sockaddr.h (internal to the POSIX and Linux backends)
//
// SocketAddress <-> native sockaddr conversion for AF_INET, AF_INET6 and
// AF_UNIX. The Linux backend adds AF_NETLINK and AF_TIPC on top
// (platform/linux), through PosixOs's EncodeOtherAddress/DecodeOtherAddress
// hooks.
//
// Rules (reference: python-socket-behaviour.md 2.6, platform-quirks UNIX-01,
// UNIX-02):
//   - IPv6 flowinfo travels in network order, scope_id as is.
//   - AF_UNIX paths get their NUL terminator; a path that does not fit
//     sun_path is rejected (kInvalidArgument naming "path"), never truncated.
//   - Abstract names (leading NUL) are passed with their exact length and no
//     terminator, and only when the caller allows them; otherwise they are
//     kFamilyNotSupported.
//   - The unnamed AF_UNIX address (SocketAddress::Unix("")) is the bare
//     family (length offsetof(sun_path)); on Linux bind() then autobinds.
//   - On systems whose sockaddrs start with a length byte (BSD, macOS) it is
//     filled in.
// Decoding never truncates either: a reported length that does not fit the
// family's structure is an error.
// Neither direction allocates on success. The encoding and decoding of the
// three families is shared with the Windows backend
// (platform/internal/sockaddr.h); this file adds the BSD length bytes and
// the abstract names.

#ifndef XSOCK_PLATFORM_POSIX_SOCKADDR_H_
#define XSOCK_PLATFORM_POSIX_SOCKADDR_H_

#include <sys/socket.h>

#include <cstddef>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/address.h"
#include "platform/internal/sockaddr.h"

namespace xsock {
namespace platform {
namespace posix_internal {

// NativeSockAddr is a sockaddr_storage and its socklen_t length (see
// internal::NativeSockAddrOf).
using NativeSockAddr =
    internal::NativeSockAddrOf<sockaddr_storage, sockaddr, socklen_t>;

// UnixSunPathSize is sizeof(sockaddr_un::sun_path) (108 on Linux, 104 on
// BSD and macOS).
size_t UnixSunPathSize();

// EncodeInet writes an AF_INET or AF_INET6 address. `addr` must be one.
void EncodeInet(const SocketAddress& addr, NativeSockAddr* out);

// EncodeUnix writes an AF_UNIX address. Errors: kInvalidArgument naming
// "path" when the name does not fit sun_path; kFamilyNotSupported for an
// abstract name when `allow_abstract` is false.
absl::Status EncodeUnix(const SocketAddress& addr, bool allow_abstract,
                        std::string_view call, NativeSockAddr* out);

// DecodeInet reads an AF_INET/AF_INET6 address of length `len`. Errors:
// kInvalidArgument when `len` is too short for the family.
absl::StatusOr<SocketAddress> DecodeInet(const sockaddr* sa, socklen_t len,
                                         std::string_view call);

// DecodeUnix reads an AF_UNIX address of length `len`. A name starting with
// NUL is an abstract name (exact length) when `allow_abstract`, otherwise the
// unnamed address (BSD and macOS report unbound sockets as a zeroed
// sun_path). Errors: kInvalidArgument when `len` exceeds sockaddr_un or a
// path does not fit SocketAddress.
absl::StatusOr<SocketAddress> DecodeUnix(const sockaddr* sa, socklen_t len,
                                         bool allow_abstract,
                                         std::string_view call);

// SockAddrFamily returns sa->sa_family, or -1 when `len` is too short to
// hold it (e.g. recvfrom on a connected TCP socket reports length 0).
int SockAddrFamily(const sockaddr* sa, socklen_t len);

}  // namespace posix_internal
}  // namespace platform
}  // namespace xsock

#endif  // XSOCK_PLATFORM_POSIX_SOCKADDR_H_
