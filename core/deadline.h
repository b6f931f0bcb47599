// core/deadline.h
//
// Deadline: a point on the monotonic clock fixed once per call, from which a
// timeout-mode operation recomputes its remaining wait after every wake-up
// (EINTR, spurious readiness, partial sends), so retries never extend the
// total time. Infinite deadlines stand for blocking mode.
//
// No OS headers, no system calls (std::chrono::steady_clock only).

#ifndef XSOCK_CORE_DEADLINE_H_
#define XSOCK_CORE_DEADLINE_H_

#include <chrono>
#include <cstdint>

#include "absl/time/time.h"

namespace xsock {

class Deadline {
 public:
  using Clock = std::chrono::steady_clock;

  // Infinite returns a deadline that never expires.
  static Deadline Infinite() { return Deadline(); }

  // After returns now + `timeout`. A negative timeout is treated as zero;
  // absl::InfiniteDuration() gives Infinite().
  static Deadline After(absl::Duration timeout);

  bool is_infinite() const { return infinite_; }

  // Expired returns whether the deadline has passed (never for Infinite).
  bool Expired() const;

  // Remaining returns the time left (zero once expired,
  // absl::InfiniteDuration() for Infinite).
  absl::Duration Remaining() const;

  // PollTimeoutMs returns the remaining time for poll()/WSAPoll(): -1 for
  // Infinite, otherwise milliseconds rounded up (so a wait never ends early)
  // and clamped to INT32_MAX (about 24.8 days; longer waits just loop).
  int PollTimeoutMs() const;

 private:
  Deadline() = default;
  bool infinite_ = true;
  Clock::time_point when_{};
};

// ToPollTimeoutMs converts a non-negative duration as PollTimeoutMs does.
int ToPollTimeoutMs(absl::Duration d);

}  // namespace xsock

#endif  // XSOCK_CORE_DEADLINE_H_
