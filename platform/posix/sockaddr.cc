// platform/posix/sockaddr.cc: SocketAddress <-> sockaddr_in, sockaddr_in6,
// sockaddr_un, through the templates of platform/internal/sockaddr.h plus
// what only POSIX systems have (the BSD length bytes, Linux abstract
// names).

#include "platform/posix/sockaddr.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/address.h"
#include "core/error.h"
#include "platform/internal/sockaddr.h"

namespace xsock {
namespace platform {
namespace posix_internal {
namespace {

// SIN6_LEN, tested below, is the RFC 2553 feature macro for sockaddrs with a
// length byte (sa_len, sin_len, sin6_len, sun_len): BSD and macOS define it.

constexpr size_t kSunPathSize = sizeof(sockaddr_un{}.sun_path);

}  // namespace

size_t UnixSunPathSize() { return kSunPathSize; }

int SockAddrFamily(const sockaddr* sa, socklen_t len) {
  return internal::SockAddrFamily(sa, len);
}

void EncodeInet(const SocketAddress& addr, NativeSockAddr* out) {
  if (addr.family() == Family::kInet) {
    [[maybe_unused]] sockaddr_in* sin =
        internal::EncodeInet4<sockaddr_in>(addr, AF_INET, out);
#ifdef SIN6_LEN
    sin->sin_len = sizeof(*sin);
#endif
    return;
  }
  [[maybe_unused]] sockaddr_in6* sin6 =
      internal::EncodeInet6<sockaddr_in6>(addr, AF_INET6, out);
#ifdef SIN6_LEN
  sin6->sin6_len = sizeof(*sin6);
#endif
}

absl::Status EncodeUnix(const SocketAddress& addr, bool allow_abstract,
                        std::string_view call, NativeSockAddr* out) {
  if (addr.is_abstract() && !allow_abstract) {
    return MakeError(ErrorKind::kFamilyNotSupported, call, 0, "",
                     "abstract AF_UNIX names (leading NUL byte) are not "
                     "supported by this backend");
  }
  absl::Status status =
      internal::EncodeUnix<sockaddr_un>(addr, AF_UNIX, call, out);
  if (!status.ok()) return status;
#ifdef SIN6_LEN
  reinterpret_cast<sockaddr_un*>(&out->storage)->sun_len =
      static_cast<uint8_t>(out->len);
#endif
  return absl::OkStatus();
}

absl::StatusOr<SocketAddress> DecodeInet(const sockaddr* sa, socklen_t len,
                                         std::string_view call) {
  const int af = SockAddrFamily(sa, len);
  if (af == AF_INET) return internal::DecodeInet4<sockaddr_in>(sa, len, call);
  if (af == AF_INET6) {
    return internal::DecodeInet6<sockaddr_in6>(sa, len, call);
  }
  return MakeError(ErrorKind::kFamilyNotSupported, call, 0, "",
                   "not an AF_INET/AF_INET6 address");
}

absl::StatusOr<SocketAddress> DecodeUnix(const sockaddr* sa, socklen_t len,
                                         bool allow_abstract,
                                         std::string_view call) {
  return internal::DecodeUnix<sockaddr_un>(sa, len, allow_abstract, call);
}

}  // namespace posix_internal
}  // namespace platform
}  // namespace xsock
