// conformance/internal/signal_storm_none.cc: SignalStorm where the OS has no
// POSIX signals (Windows). Tests that need a storm are skipped before they
// get here (Capability::kSignals); Start says why if one is called anyway.

#include <memory>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "conformance/internal/signal_storm.h"

namespace xsock {
namespace conformance_internal {

absl::StatusOr<std::unique_ptr<SignalStorm>> SignalStorm::Start(
    absl::Duration, absl::Duration) {
  return absl::UnimplementedError(
      "signal storms need POSIX signals (setitimer, SIGALRM)");
}

void BlockStormSignalInThisThread() {}

}  // namespace conformance_internal
}  // namespace xsock
