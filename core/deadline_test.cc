// core/deadline_test.cc: unit tests of Deadline and the poll timeout
// conversion.

#include "core/deadline.h"

#include <cstdint>
#include <limits>

#include "absl/time/time.h"
#include "gtest/gtest.h"

namespace xsock {
namespace {

constexpr int kIntMax = std::numeric_limits<int32_t>::max();

TEST(ToPollTimeoutMsTest, RoundsUp) {
  EXPECT_EQ(ToPollTimeoutMs(absl::Nanoseconds(1)), 1);
  EXPECT_EQ(ToPollTimeoutMs(absl::Microseconds(999)), 1);
  EXPECT_EQ(ToPollTimeoutMs(absl::Milliseconds(1)), 1);
  EXPECT_EQ(ToPollTimeoutMs(absl::Milliseconds(1) + absl::Nanoseconds(1)), 2);
  EXPECT_EQ(ToPollTimeoutMs(absl::Milliseconds(1500)), 1500);
  EXPECT_EQ(ToPollTimeoutMs(absl::Seconds(1) + absl::Microseconds(1)), 1001);
}

TEST(ToPollTimeoutMsTest, ZeroNegativeAndInfinite) {
  EXPECT_EQ(ToPollTimeoutMs(absl::ZeroDuration()), 0);
  EXPECT_EQ(ToPollTimeoutMs(absl::Milliseconds(-5)), 0);
  EXPECT_EQ(ToPollTimeoutMs(absl::InfiniteDuration()), -1);
}

TEST(ToPollTimeoutMsTest, ClampsToIntMax) {
  EXPECT_EQ(ToPollTimeoutMs(absl::Milliseconds(kIntMax) - absl::Nanoseconds(1)),
            kIntMax);
  EXPECT_EQ(ToPollTimeoutMs(absl::Milliseconds(kIntMax)), kIntMax);
  // INT_MAX + 1 seconds (CPython's testLargeTimeout).
  EXPECT_EQ(ToPollTimeoutMs(absl::Seconds(int64_t{kIntMax} + 1)), kIntMax);
  EXPECT_EQ(ToPollTimeoutMs(absl::Hours(24 * 365 * 100)), kIntMax);
}

TEST(DeadlineTest, InfiniteNeverExpires) {
  Deadline d = Deadline::Infinite();
  EXPECT_TRUE(d.is_infinite());
  EXPECT_FALSE(d.Expired());
  EXPECT_EQ(d.Remaining(), absl::InfiniteDuration());
  EXPECT_EQ(d.PollTimeoutMs(), -1);
  EXPECT_TRUE(Deadline::After(absl::InfiniteDuration()).is_infinite());
}

TEST(DeadlineTest, ZeroAndNegativeAreAlreadyExpired) {
  for (absl::Duration t : {absl::ZeroDuration(), absl::Seconds(-3)}) {
    Deadline d = Deadline::After(t);
    EXPECT_FALSE(d.is_infinite());
    EXPECT_TRUE(d.Expired());
    EXPECT_EQ(d.Remaining(), absl::ZeroDuration());
    EXPECT_EQ(d.PollTimeoutMs(), 0);
  }
}

TEST(DeadlineTest, FiniteDeadlineCountsDown) {
  Deadline d = Deadline::After(absl::Seconds(100));
  EXPECT_FALSE(d.is_infinite());
  EXPECT_FALSE(d.Expired());
  const absl::Duration left = d.Remaining();
  EXPECT_GT(left, absl::Seconds(90));
  EXPECT_LE(left, absl::Seconds(100));
  const int ms = d.PollTimeoutMs();
  EXPECT_GT(ms, 90000);
  EXPECT_LE(ms, 100000);
  // Never increases.
  EXPECT_LE(d.Remaining(), left);
  EXPECT_LE(d.PollTimeoutMs(), ms);
}

TEST(DeadlineTest, SubMillisecondRemainderStillWaits) {
  // A deadline with time left must never produce a zero (busy) poll timeout.
  Deadline d = Deadline::After(absl::Microseconds(900));
  const int ms = d.PollTimeoutMs();
  EXPECT_LE(ms, 1);
  // Zero only once the deadline has passed (time never goes back).
  if (ms == 0) {
    EXPECT_TRUE(d.Expired());
  }
}

TEST(DeadlineTest, HugeTimeoutSaturatesWithoutOverflow) {
  Deadline d = Deadline::After(absl::Hours(24 * 365 * 1000));
  EXPECT_FALSE(d.Expired());
  EXPECT_GT(d.Remaining(), absl::Hours(24 * 365));
  EXPECT_EQ(d.PollTimeoutMs(), kIntMax);
}

}  // namespace
}  // namespace xsock
