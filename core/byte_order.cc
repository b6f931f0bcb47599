// core/byte_order.cc: the range-checked byte order conversions.

#include "core/byte_order.h"

#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "core/error.h"

namespace xsock {
namespace {

// CheckRange returns OK when `x` fits in `bits` (16 or 32) unsigned bits,
// else the error of `call` naming "x": negative values (Python 3.14:
// ValueError) and values above the width (OverflowError) are both
// kInvalidArgument.
absl::Status CheckRange(std::string_view call, int64_t x, int bits) {
  const int64_t max = (int64_t{1} << bits) - 1;
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

}  // namespace

absl::StatusOr<uint16_t> CheckedHostToNet16(int64_t x) {
  absl::Status status = CheckRange("htons", x, 16);
  if (!status.ok()) return status;
  return HostToNet16(static_cast<uint16_t>(x));
}

absl::StatusOr<uint16_t> CheckedNetToHost16(int64_t x) {
  absl::Status status = CheckRange("ntohs", x, 16);
  if (!status.ok()) return status;
  return NetToHost16(static_cast<uint16_t>(x));
}

absl::StatusOr<uint32_t> CheckedHostToNet32(int64_t x) {
  absl::Status status = CheckRange("htonl", x, 32);
  if (!status.ok()) return status;
  return HostToNet32(static_cast<uint32_t>(x));
}

absl::StatusOr<uint32_t> CheckedNetToHost32(int64_t x) {
  absl::Status status = CheckRange("ntohl", x, 32);
  if (!status.ok()) return status;
  return NetToHost32(static_cast<uint32_t>(x));
}

}  // namespace xsock
