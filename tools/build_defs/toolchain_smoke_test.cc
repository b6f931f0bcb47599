// Proves that the toolchain, Abseil and GoogleTest build, link and run
// together with the project's compiler flags (C++17, XSOCK_TEST_COPTS).

#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "gtest/gtest.h"

namespace xsock {
namespace {

// Sums `values` in milliseconds; rejects negative durations.
absl::StatusOr<absl::Duration> TotalTimeout(absl::Span<const int64_t> values) {
  absl::Duration total = absl::ZeroDuration();
  for (int64_t ms : values) {
    if (ms < 0) {
      return absl::InvalidArgumentError("negative timeout");
    }
    total += absl::Milliseconds(ms);
  }
  return total;
}

TEST(ToolchainSmokeTest, StatusOrCarriesValueOrError) {
  const std::vector<int64_t> ok = {250, 750, 1000};
  absl::StatusOr<absl::Duration> total = TotalTimeout(ok);
  ASSERT_TRUE(total.ok()) << total.status();
  EXPECT_EQ(*total, absl::Seconds(2));

  const std::vector<int64_t> bad = {10, -1};
  absl::StatusOr<absl::Duration> rejected = TotalTimeout(bad);
  EXPECT_EQ(rejected.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(rejected.status().message(), "negative timeout");
}

TEST(ToolchainSmokeTest, TimeArithmeticAndFormatting) {
  const absl::Time deadline = absl::UnixEpoch() + absl::Milliseconds(1500);
  EXPECT_EQ(absl::ToUnixMillis(deadline), 1500);
  EXPECT_EQ(absl::FormatTime("%Y-%m-%dT%H:%M:%E3S", deadline, absl::UTCTimeZone()),
            "1970-01-01T00:00:01.500");
  EXPECT_EQ(absl::Status(), absl::OkStatus());
}

}  // namespace
}  // namespace xsock
