// core/deadline.cc

#include "core/deadline.h"

#include <cstdint>
#include <limits>

namespace xsock {

Deadline Deadline::After(absl::Duration timeout) {
  Deadline d;
  if (timeout == absl::InfiniteDuration()) return d;
  if (timeout < absl::ZeroDuration()) timeout = absl::ZeroDuration();
  d.infinite_ = false;
  Clock::time_point now = Clock::now();
  // Saturate far-future deadlines instead of overflowing the clock.
  const Clock::duration max_left = Clock::time_point::max() - now;
  const absl::Duration cap = absl::FromChrono(std::chrono::duration_cast<std::chrono::nanoseconds>(max_left)) / 2;
  if (timeout > cap) timeout = cap;
  d.when_ = now + std::chrono::duration_cast<Clock::duration>(
                      absl::ToChronoNanoseconds(timeout));
  return d;
}

bool Deadline::Expired() const {
  return !infinite_ && Clock::now() >= when_;
}

absl::Duration Deadline::Remaining() const {
  if (infinite_) return absl::InfiniteDuration();
  Clock::time_point now = Clock::now();
  if (now >= when_) return absl::ZeroDuration();
  return absl::FromChrono(
      std::chrono::duration_cast<std::chrono::nanoseconds>(when_ - now));
}

int ToPollTimeoutMs(absl::Duration d) {
  if (d == absl::InfiniteDuration()) return -1;
  if (d <= absl::ZeroDuration()) return 0;
  const absl::Duration max_ms = absl::Milliseconds(std::numeric_limits<int32_t>::max());
  if (d >= max_ms) return std::numeric_limits<int32_t>::max();
  int64_t ms = absl::ToInt64Milliseconds(d);
  if (absl::Milliseconds(ms) < d) ++ms;  // round up
  return static_cast<int>(ms);
}

int Deadline::PollTimeoutMs() const {
  if (infinite_) return -1;
  return ToPollTimeoutMs(Remaining());
}

}  // namespace xsock
