// conformance/internal/signal_storm.h
//
// SignalStorm: a burst of harmless signals for the tests that check that
// xsock retries EINTR with the remaining time (one deadline per call) and
// never surfaces kInterrupted from a blocking call.
//
// POSIX (signal_storm_posix.cc): a no-op SIGALRM handler installed WITHOUT
// SA_RESTART, so every blocking system call the test thread is in fails with
// EINTR, and setitimer(ITIMER_REAL) firing every `period`. The storm stops by
// itself after `max_duration` (so an implementation that restarts its
// deadline on every EINTR still finishes, and fails the time bound instead
// of hanging), or when the object is destroyed. ITIMER_REAL signals are
// process-directed; the kernel gives them to a thread that does not block
// them, so helper threads call BlockStormSignalInThisThread first (the
// harness's ScopedThread does) and the test's own thread receives them.
//
// Other platforms (signal_storm_none.cc): Start returns kUnimplemented; the
// tests are skipped earlier by Capability::kSignals.
//
// This is test infrastructure: the POSIX file includes OS headers.

#ifndef XSOCK_CONFORMANCE_INTERNAL_SIGNAL_STORM_H_
#define XSOCK_CONFORMANCE_INTERNAL_SIGNAL_STORM_H_

#include <memory>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace xsock {
namespace conformance_internal {

class SignalStorm {
 public:
  // Start begins a storm: a signal every `period` (default 2 ms) for at
  // most `max_duration`. The default, 8 s, is longer than the harness's
  // upper bound for timeouts (kTimeoutUpperBound, 5 s): a call that restarts
  // its timeout on every signal runs until the storm ends and so fails the
  // bound. Only one storm may run at a time (kFailedPrecondition otherwise).
  static absl::StatusOr<std::unique_ptr<SignalStorm>> Start(
      absl::Duration period = absl::Milliseconds(2),
      absl::Duration max_duration = absl::Seconds(8));

  // ~SignalStorm stops the timer. The no-op handler stays installed for
  // signals already in flight (a default SIGALRM disposition would kill the
  // process), unless an earlier handler was installed, which is restored.
  virtual ~SignalStorm() = default;

  // Delivered returns how many signals the handler has run for since the
  // storm started.
  virtual int Delivered() const = 0;

  // WaitForSignals waits until `n` more signals than now have been
  // delivered, at most `timeout`; returns whether they were.
  virtual bool WaitForSignals(int n, absl::Duration timeout) const = 0;
};

// BlockStormSignalInThisThread blocks the storm's signal in the calling
// thread (a no-op where there are no signals).
void BlockStormSignalInThisThread();

}  // namespace conformance_internal
}  // namespace xsock

#endif  // XSOCK_CONFORMANCE_INTERNAL_SIGNAL_STORM_H_
