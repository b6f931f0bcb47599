// platform/windows/sockaddr.cc: SocketAddress <-> SOCKADDR_IN, SOCKADDR_IN6,
// SOCKADDR_UN.

#include "platform/windows/sockaddr.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "core/address.h"
#include "core/error.h"
#include "core/types.h"
#include "platform/windows/winsock.h"

namespace xsock {
namespace platform {
namespace windows_internal {
namespace {

constexpr size_t kSunPathOffset = offsetof(sockaddr_un, sun_path);

static_assert(sizeof(sockaddr_un) <= sizeof(sockaddr_storage),
              "sockaddr_un fits sockaddr_storage");
static_assert(kUnixSunPathSize <= kMaxUnixPathBytes,
              "SocketAddress holds every Windows AF_UNIX name");

int FamilyOf(const sockaddr* sa, int len) {
  if (len < 0 || static_cast<size_t>(len) <
                     offsetof(sockaddr, sa_family) + sizeof(sa->sa_family)) {
    return -1;
  }
  return sa->sa_family;
}

}  // namespace

absl::Status EncodeAddress(const SocketAddress& addr, std::string_view call,
                           NativeSockAddr* out) {
  switch (addr.family()) {
    case Family::kInet: {
      sockaddr_in* sin = reinterpret_cast<sockaddr_in*>(&out->storage);
      std::memset(sin, 0, sizeof(*sin));
      sin->sin_family = AF_INET;
      sin->sin_port = htons(addr.port());
      const std::array<uint8_t, 4> ip = addr.ipv4();
      std::memcpy(&sin->sin_addr, ip.data(), ip.size());
      out->len = sizeof(*sin);
      return absl::OkStatus();
    }
    case Family::kInet6: {
      sockaddr_in6* sin6 = reinterpret_cast<sockaddr_in6*>(&out->storage);
      std::memset(sin6, 0, sizeof(*sin6));
      sin6->sin6_family = AF_INET6;
      sin6->sin6_port = htons(addr.port());
      sin6->sin6_flowinfo = htonl(addr.flowinfo());
      std::memcpy(&sin6->sin6_addr, addr.ipv6().data(), 16);
      sin6->sin6_scope_id = addr.scope_id();
      out->len = sizeof(*sin6);
      return absl::OkStatus();
    }
    case Family::kUnix: {
      std::string_view name = addr.unix_path();
      sockaddr_un* sun = reinterpret_cast<sockaddr_un*>(&out->storage);
      std::memset(sun, 0, kSunPathOffset);
      sun->sun_family = AF_UNIX;
      if (name.empty()) {
        out->len = static_cast<int>(kSunPathOffset);
        return absl::OkStatus();
      }
      if (name[0] == '\0') {
        return MakeError(ErrorKind::kFamilyNotSupported, call, 0, "",
                         "abstract AF_UNIX names (leading NUL byte) are not "
                         "supported on Windows");
      }
      if (name.size() + 1 > kUnixSunPathSize) {
        return InvalidArgument(call, "path", "AF_UNIX path too long");
      }
      std::memcpy(sun->sun_path, name.data(), name.size());
      sun->sun_path[name.size()] = '\0';
      out->len = static_cast<int>(kSunPathOffset + name.size() + 1);
      return absl::OkStatus();
    }
    default:
      return MakeError(ErrorKind::kFamilyNotSupported, call, 0, "",
                       std::string(FamilyName(addr.family())) +
                           " addresses are not supported by the windows "
                           "backend");
  }
}

absl::StatusOr<SocketAddress> DecodeAddress(const sockaddr* sa, int len,
                                            std::string_view call) {
  const int af = FamilyOf(sa, len);
  if (af < 0 || af == AF_UNSPEC) return SocketAddress();
  const size_t n = static_cast<size_t>(len);
  if (af == AF_INET) {
    if (n < sizeof(sockaddr_in)) {
      return InvalidArgument(call, "address", "short AF_INET address");
    }
    sockaddr_in sin;
    std::memcpy(&sin, sa, sizeof(sin));
    std::array<uint8_t, 4> ip;
    std::memcpy(ip.data(), &sin.sin_addr, 4);
    return SocketAddress::Inet4(ip, ntohs(sin.sin_port));
  }
  if (af == AF_INET6) {
    if (n < sizeof(sockaddr_in6)) {
      return InvalidArgument(call, "address", "short AF_INET6 address");
    }
    sockaddr_in6 sin6;
    std::memcpy(&sin6, sa, sizeof(sin6));
    std::array<uint8_t, 16> ip;
    std::memcpy(ip.data(), &sin6.sin6_addr, 16);
    return SocketAddress::Inet6(ip, ntohs(sin6.sin6_port),
                                ntohl(sin6.sin6_flowinfo), sin6.sin6_scope_id);
  }
  if (af == AF_UNIX) {
    if (n > sizeof(sockaddr_un)) {
      return InvalidArgument(call, "address", "AF_UNIX address too long");
    }
    if (n <= kSunPathOffset) return SocketAddress::Unix("");
    const char* path = reinterpret_cast<const sockaddr_un*>(sa)->sun_path;
    const size_t path_len = n - kSunPathOffset;
    // Windows reports unnamed sockets as an empty (zeroed) sun_path; there
    // are no abstract names. A path runs up to its terminator.
    size_t end = 0;
    while (end < path_len && path[end] != '\0') ++end;
    return SocketAddress::Unix(std::string_view(path, end));
  }
  return MakeError(ErrorKind::kFamilyNotSupported, call, 0, "",
                   "address family " + std::to_string(af) +
                       " is not supported by the windows backend");
}

absl::StatusOr<SocketAddress> UnspecifiedAddress(int af,
                                                 std::string_view call) {
  switch (af) {
    case AF_INET:
      return SocketAddress::Inet4({0, 0, 0, 0}, 0);
    case AF_INET6:
      return SocketAddress::Inet6({}, 0);
    case AF_UNIX:
      return SocketAddress::Unix("");
    default:
      return MakeError(ErrorKind::kFamilyNotSupported, call, 0, "",
                       "address family " + std::to_string(af) +
                           " is not supported by the windows backend");
  }
}

bool IsLoopback(const SocketAddress& addr) {
  if (addr.family() == Family::kInet) return addr.ipv4()[0] == 127;
  if (addr.family() != Family::kInet6) return false;
  const std::array<uint8_t, 16>& ip = addr.ipv6();
  bool zero_prefix = true;
  for (int i = 0; i < 10; ++i) zero_prefix = zero_prefix && ip[i] == 0;
  if (!zero_prefix) return false;
  if (ip[10] == 0xff && ip[11] == 0xff) return ip[12] == 127;  // v4-mapped
  for (int i = 10; i < 15; ++i) {
    if (ip[i] != 0) return false;
  }
  return ip[15] == 1;
}

}  // namespace windows_internal
}  // namespace platform
}  // namespace xsock
