// platform/windows/sockaddr.cc: SocketAddress <-> SOCKADDR_IN, SOCKADDR_IN6,
// SOCKADDR_UN, through the templates of platform/internal/sockaddr.h.

#include "platform/windows/sockaddr.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/address.h"
#include "core/error.h"
#include "core/types.h"
#include "platform/internal/errors.h"
#include "platform/internal/sockaddr.h"
#include "platform/windows/translate.h"
#include "platform/windows/winsock.h"

namespace xsock {
namespace platform {
namespace windows_internal {
namespace {

static_assert(kUnixSunPathSize <= kMaxUnixPathBytes,
              "SocketAddress holds every Windows AF_UNIX name");

}  // namespace

absl::Status EncodeAddress(const SocketAddress& addr, std::string_view call,
                           NativeSockAddr* out) {
  switch (addr.family()) {
    case Family::kInet:
      internal::EncodeInet4<sockaddr_in>(addr, AF_INET, out);
      return absl::OkStatus();
    case Family::kInet6:
      internal::EncodeInet6<sockaddr_in6>(addr, AF_INET6, out);
      return absl::OkStatus();
    case Family::kUnix:
      if (addr.is_abstract()) {
        return MakeError(ErrorKind::kFamilyNotSupported, call, 0, "",
                         "abstract AF_UNIX names (leading NUL byte) are not "
                         "supported on Windows");
      }
      return internal::EncodeUnix<sockaddr_un>(addr, AF_UNIX, call, out);
    default:
      return MakeError(ErrorKind::kFamilyNotSupported, call, 0, "",
                       std::string(FamilyName(addr.family())) +
                           " addresses are not supported by the windows "
                           "backend");
  }
}

absl::StatusOr<SocketAddress> DecodeAddress(const sockaddr* sa, int len,
                                            std::string_view call) {
  const int af = internal::SockAddrFamily(sa, len);
  if (af < 0 || af == AF_UNSPEC) return SocketAddress();
  const size_t n = static_cast<size_t>(len);
  if (af == AF_INET) return internal::DecodeInet4<sockaddr_in>(sa, n, call);
  if (af == AF_INET6) return internal::DecodeInet6<sockaddr_in6>(sa, n, call);
  if (af == AF_UNIX) {
    // Windows reports unnamed sockets as an empty (zeroed) sun_path; there
    // are no abstract names.
    return internal::DecodeUnix<sockaddr_un>(sa, n, /*allow_abstract=*/false,
                                             call);
  }
  return internal::UnsupportedNativeFamily(call, af, kBackend);
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
      return internal::UnsupportedNativeFamily(call, af, kBackend);
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
