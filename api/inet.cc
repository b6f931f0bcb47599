// api/inet.cc: the public conversions of xsock/inet.h. The inet_* functions
// are defined in core/inet.cc (declared there too, with the same
// signatures); the byte order functions are the checked forms of
// core/byte_order.h.

#include "xsock/inet.h"

#include "core/byte_order.h"
#include "core/inet.h"

namespace xsock {

absl::StatusOr<uint16_t> Htons(int64_t x) { return CheckedHostToNet16(x); }
absl::StatusOr<uint16_t> Ntohs(int64_t x) { return CheckedNetToHost16(x); }
absl::StatusOr<uint32_t> Htonl(int64_t x) { return CheckedHostToNet32(x); }
absl::StatusOr<uint32_t> Ntohl(int64_t x) { return CheckedNetToHost32(x); }

}  // namespace xsock
