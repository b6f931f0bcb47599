// core/byte_order.h
//
// Byte order conversions (htons/ntohs/htonl/ntohl), written here so they need
// no OS header: the host's byte order is a compile-time constant.
//
// The plain forms are constexpr on uint16_t/uint32_t. The checked forms take
// an int64_t (a Python int) and reject what does not fit the width with
// kInvalidArgument naming "x", as Python 3.14 rejects it (ValueError for a
// negative value, OverflowError for one above the width).
//
// No OS headers, no system calls.

#ifndef XSOCK_CORE_BYTE_ORDER_H_
#define XSOCK_CORE_BYTE_ORDER_H_

#include <cstdint>

#include "absl/status/statusor.h"

namespace xsock {

// kHostIsBigEndian is true on big-endian hosts. GCC and Clang say so through
// __BYTE_ORDER__; every Windows target MSVC builds for is little-endian.
#if defined(__BYTE_ORDER__) && defined(__ORDER_BIG_ENDIAN__) && \
    defined(__ORDER_LITTLE_ENDIAN__)
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
inline constexpr bool kHostIsBigEndian = true;
#elif __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
inline constexpr bool kHostIsBigEndian = false;
#else
#error "xsock: mixed-endian hosts are not supported"
#endif
#elif defined(_WIN32)
inline constexpr bool kHostIsBigEndian = false;
#else
#error "xsock: cannot tell the host's byte order"
#endif

// ByteSwap16 / ByteSwap32 reverse the bytes of a value.
constexpr uint16_t ByteSwap16(uint16_t v) {
  return static_cast<uint16_t>(((v & 0x00FFu) << 8) | ((v & 0xFF00u) >> 8));
}
constexpr uint32_t ByteSwap32(uint32_t v) {
  return ((v & 0x000000FFu) << 24) | ((v & 0x0000FF00u) << 8) |
         ((v & 0x00FF0000u) >> 8) | ((v & 0xFF000000u) >> 24);
}

// HostToNet16 is htons: the value with its bytes in network (big-endian)
// order in memory. NetToHost16 is ntohs, its inverse (the same swap).
constexpr uint16_t HostToNet16(uint16_t v) {
  return kHostIsBigEndian ? v : ByteSwap16(v);
}
constexpr uint16_t NetToHost16(uint16_t v) { return HostToNet16(v); }

// HostToNet32 is htonl, NetToHost32 is ntohl.
constexpr uint32_t HostToNet32(uint32_t v) {
  return kHostIsBigEndian ? v : ByteSwap32(v);
}
constexpr uint32_t NetToHost32(uint32_t v) { return HostToNet32(v); }

// CheckedHostToNet16 (htons), CheckedNetToHost16 (ntohs): `x` must be in
// 0..65535, else kInvalidArgument "<htons|ntohs>: x: ...".
absl::StatusOr<uint16_t> CheckedHostToNet16(int64_t x);
absl::StatusOr<uint16_t> CheckedNetToHost16(int64_t x);

// CheckedHostToNet32 (htonl), CheckedNetToHost32 (ntohl): `x` must be in
// 0..4294967295, else kInvalidArgument "<htonl|ntohl>: x: ...".
absl::StatusOr<uint32_t> CheckedHostToNet32(int64_t x);
absl::StatusOr<uint32_t> CheckedNetToHost32(int64_t x);

}  // namespace xsock

#endif  // XSOCK_CORE_BYTE_ORDER_H_
