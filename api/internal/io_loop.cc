// api/internal/io_loop.cc: the wait half of the central I/O loop.

#include "api/internal/io_loop.h"

#include <cstdint>
#include <limits>

#include "absl/time/time.h"

namespace xsock {
namespace api_internal {

CallMode CallMode::Start(int64_t timeout_ns) {
  CallMode mode;
  mode.timeout_ns = timeout_ns;
  if (timeout_ns > 0)
    mode.deadline = Deadline::After(absl::Nanoseconds(timeout_ns));
  return mode;
}

absl::Status SocketClosedError(std::string_view call) {
  return InvalidArgument(call, "socket", "socket is closed");
}

absl::StatusOr<int> ConnectError(const platform::Os& os,
                                 platform::NativeHandle h) {
  absl::StatusOr<int> pending = os.PendingError(h);
  if (pending.ok() && *pending != 0 &&
      os.KindOfNative(*pending) == ErrorKind::kAlreadyConnected) {
    return 0;
  }
  return pending;
}

absl::Status WaitReady(const platform::Os& os,
                       const std::atomic<platform::NativeHandle>& handle,
                       platform::NativeHandle h, unsigned interest,
                       const Deadline& deadline, std::string_view call) {
  for (;;) {
    if (!StillOpen(handle, h)) return SocketClosedError(call);
    // Recomputed after every wake-up: one deadline for the whole call.
    const int timeout_ms = deadline.PollTimeoutMs();
    if (timeout_ms == 0) return TimedOut(call);  // no time left: no poll
    absl::StatusOr<unsigned> ready = os.Wait(h, interest, timeout_ms);
    if (!ready.ok()) {
      if (IsInterrupted(ready.status())) continue;
      return ready.status();
    }
    if (*ready != 0) {
      // Closed meanwhile: do not retry the call on a number now free.
      if (!StillOpen(handle, h)) return SocketClosedError(call);
      return absl::OkStatus();
    }
    // Wait timed out. Only a wait cut short by the clamp to INT32_MAX ms
    // (deadlines beyond ~24.8 days) or an infinite wait has time left.
    if (timeout_ms == std::numeric_limits<int32_t>::max() || timeout_ms < 0) {
      continue;
    }
    return TimedOut(call);
  }
}

}  // namespace api_internal
}  // namespace xsock
