// platform/posix/sockaddr.cc: SocketAddress <-> sockaddr_in, sockaddr_in6,
// sockaddr_un.

#include "platform/posix/sockaddr.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "core/address.h"
#include "core/error.h"

namespace xsock {
namespace platform {
namespace posix_internal {
namespace {

// SIN6_LEN, tested below, is the RFC 2553 feature macro for sockaddrs with a
// length byte (sa_len, sin_len, sin6_len, sun_len): BSD and macOS define it.

constexpr size_t kSunPathOffset = offsetof(sockaddr_un, sun_path);
constexpr size_t kSunPathSize = sizeof(sockaddr_un{}.sun_path);

static_assert(sizeof(sockaddr_un) <= sizeof(sockaddr_storage),
              "sockaddr_un fits sockaddr_storage");

}  // namespace

size_t UnixSunPathSize() { return kSunPathSize; }

int SockAddrFamily(const sockaddr* sa, socklen_t len) {
  if (static_cast<size_t>(len) <
      offsetof(sockaddr, sa_family) + sizeof(sa->sa_family)) {
    return -1;
  }
  return sa->sa_family;
}

void EncodeInet(const SocketAddress& addr, NativeSockAddr* out) {
  if (addr.family() == Family::kInet) {
    sockaddr_in* sin = reinterpret_cast<sockaddr_in*>(&out->storage);
    std::memset(sin, 0, sizeof(*sin));
#ifdef SIN6_LEN
    sin->sin_len = sizeof(*sin);
#endif
    sin->sin_family = AF_INET;
    sin->sin_port = htons(addr.port());
    const std::array<uint8_t, 4> ip = addr.ipv4();
    std::memcpy(&sin->sin_addr, ip.data(), ip.size());
    out->len = sizeof(*sin);
    return;
  }
  sockaddr_in6* sin6 = reinterpret_cast<sockaddr_in6*>(&out->storage);
  std::memset(sin6, 0, sizeof(*sin6));
#ifdef SIN6_LEN
  sin6->sin6_len = sizeof(*sin6);
#endif
  sin6->sin6_family = AF_INET6;
  sin6->sin6_port = htons(addr.port());
  sin6->sin6_flowinfo = htonl(addr.flowinfo());
  std::memcpy(&sin6->sin6_addr, addr.ipv6().data(), 16);
  sin6->sin6_scope_id = addr.scope_id();
  out->len = sizeof(*sin6);
}

absl::Status EncodeUnix(const SocketAddress& addr, bool allow_abstract,
                        std::string_view call, NativeSockAddr* out) {
  std::string_view name = addr.unix_path();
  sockaddr_un* sun = reinterpret_cast<sockaddr_un*>(&out->storage);
  std::memset(sun, 0, kSunPathOffset);
  sun->sun_family = AF_UNIX;
  if (name.empty()) {
    // The unnamed address: just the family (Linux autobinds on bind()).
    out->len = static_cast<socklen_t>(kSunPathOffset);
  } else if (name[0] == '\0') {
    if (!allow_abstract) {
      return MakeError(ErrorKind::kFamilyNotSupported, call, 0, "",
                       "abstract AF_UNIX names (leading NUL byte) are not "
                       "supported by this backend");
    }
    if (name.size() > kSunPathSize) {
      return InvalidArgument(call, "path", "AF_UNIX abstract name too long");
    }
    std::memcpy(sun->sun_path, name.data(), name.size());
    out->len = static_cast<socklen_t>(kSunPathOffset + name.size());
  } else {
    if (name.size() + 1 > kSunPathSize) {
      return InvalidArgument(call, "path", "AF_UNIX path too long");
    }
    std::memcpy(sun->sun_path, name.data(), name.size());
    sun->sun_path[name.size()] = '\0';
    out->len = static_cast<socklen_t>(kSunPathOffset + name.size() + 1);
  }
#ifdef SIN6_LEN
  sun->sun_len = static_cast<uint8_t>(out->len);
#endif
  return absl::OkStatus();
}

absl::StatusOr<SocketAddress> DecodeInet(const sockaddr* sa, socklen_t len,
                                         std::string_view call) {
  const size_t n = static_cast<size_t>(len);
  if (SockAddrFamily(sa, len) == AF_INET) {
    if (n < sizeof(sockaddr_in)) {
      return InvalidArgument(call, "address", "short AF_INET address");
    }
    sockaddr_in sin;
    std::memcpy(&sin, sa, sizeof(sin));
    std::array<uint8_t, 4> ip;
    std::memcpy(ip.data(), &sin.sin_addr, 4);
    return SocketAddress::Inet4(ip, ntohs(sin.sin_port));
  }
  if (SockAddrFamily(sa, len) == AF_INET6) {
    if (n < sizeof(sockaddr_in6)) {
      return InvalidArgument(call, "address", "short AF_INET6 address");
    }
    sockaddr_in6 sin6;
    std::memcpy(&sin6, sa, sizeof(sin6));
    std::array<uint8_t, 16> ip;
    std::memcpy(ip.data(), &sin6.sin6_addr, 16);
    return SocketAddress::Inet6(ip, ntohs(sin6.sin6_port),
                                ntohl(sin6.sin6_flowinfo),
                                sin6.sin6_scope_id);
  }
  return MakeError(ErrorKind::kFamilyNotSupported, call, 0, "",
                   "not an AF_INET/AF_INET6 address");
}

absl::StatusOr<SocketAddress> DecodeUnix(const sockaddr* sa, socklen_t len,
                                         bool allow_abstract,
                                         std::string_view call) {
  const size_t n = static_cast<size_t>(len);
  if (n > sizeof(sockaddr_un)) {
    return InvalidArgument(call, "address", "AF_UNIX address too long");
  }
  if (n <= kSunPathOffset) return SocketAddress::Unix("");
  const char* path = reinterpret_cast<const sockaddr_un*>(sa)->sun_path;
  size_t path_len = n - kSunPathOffset;
  if (path[0] == '\0') {
    if (!allow_abstract) return SocketAddress::Unix("");
    // Abstract: exactly the bytes the kernel reported, NULs included.
    return SocketAddress::Unix(std::string_view(path, path_len));
  }
  // A path: up to its terminator (Linux may or may not count it in `len`).
  size_t end = 0;
  while (end < path_len && path[end] != '\0') ++end;
  return SocketAddress::Unix(std::string_view(path, end));
}

}  // namespace posix_internal
}  // namespace platform
}  // namespace xsock
