// core/byte_order.cc: the range-checked byte order conversions.

#include "core/byte_order.h"

#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "core/error.h"

namespace xsock {
namespace {

// CheckRange returns OK when 0 <= x <= max, else the error of `call` naming
// "x": negative values (Python 3.14: ValueError) and values above the width
// (OverflowError) are both kInvalidArgument.
absl::Status CheckRange(std::string_view call, int64_t x, int64_t max,
                        int bits) {
  if (x < 0) {
    return InvalidArgument(call, "x",
                           absl::StrCat("must not be negative (got ", x, ")"));
  }
  if (x > max) {
    return InvalidArgument(
        call, "x",
        absl::StrCat("does not fit in ", bits, " bits: must be at most ", max,
                     " (got ", x, ")"));
  }
  return absl::OkStatus();
}

constexpr int64_t kMax16 = 0xFFFF;
constexpr int64_t kMax32 = 0xFFFFFFFF;

}  // namespace

absl::StatusOr<uint16_t> CheckedHostToNet16(int64_t x) {
  absl::Status status = CheckRange("htons", x, kMax16, 16);
  if (!status.ok()) return status;
  return HostToNet16(static_cast<uint16_t>(x));
}

absl::StatusOr<uint16_t> CheckedNetToHost16(int64_t x) {
  absl::Status status = CheckRange("ntohs", x, kMax16, 16);
  if (!status.ok()) return status;
  return NetToHost16(static_cast<uint16_t>(x));
}

absl::StatusOr<uint32_t> CheckedHostToNet32(int64_t x) {
  absl::Status status = CheckRange("htonl", x, kMax32, 32);
  if (!status.ok()) return status;
  return HostToNet32(static_cast<uint32_t>(x));
}

absl::StatusOr<uint32_t> CheckedNetToHost32(int64_t x) {
  absl::Status status = CheckRange("ntohl", x, kMax32, 32);
  if (!status.ok()) return status;
  return NetToHost32(static_cast<uint32_t>(x));
}

}  // namespace xsock
