// platform/internal/sockaddr.h (internal to the backends in platform/)
//
// SocketAddress <-> sockaddr_in, sockaddr_in6 and sockaddr_un, written once
// for the POSIX and the Windows backend (platform/posix/sockaddr.cc,
// platform/windows/sockaddr.cc) as templates over the native structures. A
// backend instantiates them with the types of its own headers and passes its
// AF_* value; the field names (sin_family, sin_port, sin_addr, sin6_flowinfo,
// sin6_scope_id, sun_family, sun_path, sa_family) are the same everywhere.
// Ports and IPv6 flowinfo are stored in network byte order byte by byte (what
// htons/htonl do), so this header includes no OS header.
//
// What differs stays in the backends: the BSD length bytes (sin_len,
// sin6_len, sun_len), whether abstract AF_UNIX names are allowed, and the
// families beyond these three.
//
// Rules (reference: python-socket-behaviour.md 2.6, platform-quirks UNIX-01):
// IPv6 flowinfo travels in network order, scope_id as is; an AF_UNIX path
// gets its NUL terminator and is never truncated; an abstract name (leading
// NUL) is passed with its exact length and no terminator; the unnamed
// address (SocketAddress::Unix("")) is the bare family. Decoding never
// truncates either: a reported length that does not fit the family's
// structure is an error. Neither direction allocates on success.

#ifndef XSOCK_PLATFORM_INTERNAL_SOCKADDR_H_
#define XSOCK_PLATFORM_INTERNAL_SOCKADDR_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/address.h"
#include "core/error.h"

namespace xsock {
namespace platform {
namespace internal {

// NativeSockAddrOf is a native socket address (`Storage`, i.e.
// sockaddr_storage) and its length (`Len`: socklen_t, or int for Winsock);
// get() views it as a `SockAddr` (sockaddr). `storage` is left
// uninitialised by default: the encoders write what they use.
template <typename Storage, typename SockAddr, typename Len>
struct NativeSockAddrOf {
  Storage storage;
  Len len = 0;

  SockAddr* get() { return reinterpret_cast<SockAddr*>(&storage); }
  const SockAddr* get() const {
    return reinterpret_cast<const SockAddr*>(&storage);
  }
};

// StoreNetworkOrder writes `value` to `field` most significant byte first,
// as htons/htonl do.
template <typename Field>
void StoreNetworkOrder(uint32_t value, Field* field) {
  unsigned char bytes[sizeof(Field)];
  for (size_t i = 0; i < sizeof(Field); ++i) {
    bytes[i] =
        static_cast<unsigned char>(value >> (8 * (sizeof(Field) - 1 - i)));
  }
  std::memcpy(field, bytes, sizeof(Field));
}

// LoadNetworkOrder reads `field`, stored most significant byte first, as
// ntohs/ntohl do.
template <typename Field>
uint32_t LoadNetworkOrder(const Field& field) {
  unsigned char bytes[sizeof(Field)];
  std::memcpy(bytes, &field, sizeof(Field));
  uint32_t value = 0;
  for (size_t i = 0; i < sizeof(Field); ++i) value = (value << 8) | bytes[i];
  return value;
}

// SockAddrFamily returns sa->sa_family, or -1 when `len` is too short to
// hold it (e.g. recvfrom on a connected TCP socket reports length 0) or
// negative.
template <typename SockAddr, typename Len>
int SockAddrFamily(const SockAddr* sa, Len len) {
  if constexpr (std::is_signed_v<Len>) {
    if (len < 0) return -1;
  }
  if (static_cast<size_t>(len) <
      offsetof(SockAddr, sa_family) + sizeof(sa->sa_family)) {
    return -1;
  }
  return sa->sa_family;
}

// EncodeInet4 writes AF_INET address `addr` as a `SockAddrIn` (native family
// `af_inet`) to `out`, zeroed first, sets out->len and returns the structure
// (for the fields only some systems have).
template <typename SockAddrIn, typename Buffer>
SockAddrIn* EncodeInet4(const SocketAddress& addr, int af_inet, Buffer* out) {
  static_assert(sizeof(SockAddrIn) <= sizeof(out->storage));
  SockAddrIn* sin = reinterpret_cast<SockAddrIn*>(&out->storage);
  std::memset(sin, 0, sizeof(*sin));
  sin->sin_family = static_cast<decltype(sin->sin_family)>(af_inet);
  StoreNetworkOrder(addr.port(), &sin->sin_port);
  const std::array<uint8_t, 4> ip = addr.ipv4();
  std::memcpy(&sin->sin_addr, ip.data(), ip.size());
  out->len = sizeof(*sin);
  return sin;
}

// EncodeInet6 is EncodeInet4 for AF_INET6 (`SockAddrIn6`, `af_inet6`):
// flowinfo in network order, scope_id as is.
template <typename SockAddrIn6, typename Buffer>
SockAddrIn6* EncodeInet6(const SocketAddress& addr, int af_inet6, Buffer* out) {
  static_assert(sizeof(SockAddrIn6) <= sizeof(out->storage));
  SockAddrIn6* sin6 = reinterpret_cast<SockAddrIn6*>(&out->storage);
  std::memset(sin6, 0, sizeof(*sin6));
  sin6->sin6_family = static_cast<decltype(sin6->sin6_family)>(af_inet6);
  StoreNetworkOrder(addr.port(), &sin6->sin6_port);
  StoreNetworkOrder(addr.flowinfo(), &sin6->sin6_flowinfo);
  std::memcpy(&sin6->sin6_addr, addr.ipv6().data(), 16);
  sin6->sin6_scope_id = addr.scope_id();
  out->len = sizeof(*sin6);
  return sin6;
}

// EncodeUnix writes AF_UNIX address `addr` as a `SockAddrUn` (native family
// `af_unix`) to `out` and sets out->len: the unnamed address is the bare
// family (length offsetof(sun_path)), an abstract name (leading NUL) its
// exact bytes, a path its bytes and a NUL terminator. Whether the backend
// allows abstract names is for the caller to check first
// (SocketAddress::is_abstract). Errors: kInvalidArgument naming "path" when
// the name does not fit sun_path.
template <typename SockAddrUn, typename Buffer>
absl::Status EncodeUnix(const SocketAddress& addr, int af_unix,
                        std::string_view call, Buffer* out) {
  static_assert(sizeof(SockAddrUn) <= sizeof(out->storage),
                "sockaddr_un fits sockaddr_storage");
  constexpr size_t kSunPathOffset = offsetof(SockAddrUn, sun_path);
  constexpr size_t kSunPathSize = sizeof(SockAddrUn::sun_path);
  using Len = decltype(out->len);
  std::string_view name = addr.unix_path();
  SockAddrUn* sun = reinterpret_cast<SockAddrUn*>(&out->storage);
  std::memset(sun, 0, kSunPathOffset);
  sun->sun_family = static_cast<decltype(sun->sun_family)>(af_unix);
  if (name.empty()) {
    // The unnamed address: just the family (on bind() Linux autobinds,
    // Windows fails).
    out->len = static_cast<Len>(kSunPathOffset);
  } else if (name[0] == '\0') {
    if (name.size() > kSunPathSize) {
      return InvalidArgument(call, "path", "AF_UNIX abstract name too long");
    }
    std::memcpy(sun->sun_path, name.data(), name.size());
    out->len = static_cast<Len>(kSunPathOffset + name.size());
  } else {
    if (name.size() + 1 > kSunPathSize) {
      return InvalidArgument(call, "path", "AF_UNIX path too long");
    }
    std::memcpy(sun->sun_path, name.data(), name.size());
    sun->sun_path[name.size()] = '\0';
    out->len = static_cast<Len>(kSunPathOffset + name.size() + 1);
  }
  return absl::OkStatus();
}

// DecodeInet4 reads the AF_INET address `sa` (a `SockAddrIn`) of length
// `len`. Errors: kInvalidArgument when `len` is too short.
template <typename SockAddrIn>
absl::StatusOr<SocketAddress> DecodeInet4(const void* sa, size_t len,
                                          std::string_view call) {
  if (len < sizeof(SockAddrIn)) {
    return InvalidArgument(call, "address", "short AF_INET address");
  }
  SockAddrIn sin;
  std::memcpy(&sin, sa, sizeof(sin));
  std::array<uint8_t, 4> ip;
  std::memcpy(ip.data(), &sin.sin_addr, 4);
  return SocketAddress::Inet4(
      ip, static_cast<uint16_t>(LoadNetworkOrder(sin.sin_port)));
}

// DecodeInet6 is DecodeInet4 for AF_INET6 (`SockAddrIn6`).
template <typename SockAddrIn6>
absl::StatusOr<SocketAddress> DecodeInet6(const void* sa, size_t len,
                                          std::string_view call) {
  if (len < sizeof(SockAddrIn6)) {
    return InvalidArgument(call, "address", "short AF_INET6 address");
  }
  SockAddrIn6 sin6;
  std::memcpy(&sin6, sa, sizeof(sin6));
  std::array<uint8_t, 16> ip;
  std::memcpy(ip.data(), &sin6.sin6_addr, 16);
  return SocketAddress::Inet6(
      ip, static_cast<uint16_t>(LoadNetworkOrder(sin6.sin6_port)),
      LoadNetworkOrder(sin6.sin6_flowinfo), sin6.sin6_scope_id);
}

// DecodeUnix reads the AF_UNIX address `sa` (a `SockAddrUn`) of length
// `len`. A name starting with NUL is an abstract name (exact length) when
// `allow_abstract`, otherwise the unnamed address (BSD, macOS and Windows
// report unbound sockets as a zeroed sun_path). A path runs up to its
// terminator. Errors: kInvalidArgument when `len` exceeds the structure.
template <typename SockAddrUn>
absl::StatusOr<SocketAddress> DecodeUnix(const void* sa, size_t len,
                                         bool allow_abstract,
                                         std::string_view call) {
  constexpr size_t kSunPathOffset = offsetof(SockAddrUn, sun_path);
  if (len > sizeof(SockAddrUn)) {
    return InvalidArgument(call, "address", "AF_UNIX address too long");
  }
  if (len <= kSunPathOffset) return SocketAddress::Unix("");
  const char* path = static_cast<const SockAddrUn*>(sa)->sun_path;
  size_t path_len = len - kSunPathOffset;
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

}  // namespace internal
}  // namespace platform
}  // namespace xsock

#endif  // XSOCK_PLATFORM_INTERNAL_SOCKADDR_H_
