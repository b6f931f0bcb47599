// api/internal/io_loop.h
//
// The central I/O loop: the one routine every blocking-capable Socket
// operation (accept, recv*, send*, the wait phase of connect) runs through,
// so the three modes behave identically for all of them (Python's
// sock_call_ex, reference/python-socket-behaviour.md 2.2):
//
//   1. Try the system call first.
//   2. EINTR: retry at once (in timeout mode against the same deadline).
//   3. Would-block:
//        non-blocking mode  return kWouldBlock (the bare status, no
//                           allocation);
//        timeout mode       wait for readiness with Os::Wait, for the time
//                           left until ONE deadline fixed at the start of the
//                           call, then go to 1 (so spurious readiness and
//                           EINTR never extend the total time); when the
//                           deadline passes: TimedOut(call) (kTimedOut,
//                           native code 0);
//        blocking mode      the OS blocked already; a would-block here comes
//                           from the user's own SO_RCVTIMEO or an adopted
//                           non-blocking handle and is returned as is.
//   4. Anything else is returned unchanged.
// Between retries the loop checks that the socket was not closed meanwhile,
// so it never touches a descriptor number that may have been reused.
//
// Private to api/: not part of the public API.

#ifndef XSOCK_API_INTERNAL_IO_LOOP_H_
#define XSOCK_API_INTERNAL_IO_LOOP_H_

#include <atomic>
#include <cstdint>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/deadline.h"
#include "core/error.h"
#include "platform/os.h"

namespace xsock {
namespace api_internal {

// CallMode is a snapshot of a socket's mode, taken once at the start of a
// call: the timeout in nanoseconds (-1 blocking, 0 non-blocking, > 0 timeout
// mode) and, in timeout mode, the call's one deadline.
struct CallMode {
  int64_t timeout_ns = -1;
  Deadline deadline = Deadline::Infinite();

  // Start fixes the deadline for a call on a socket whose timeout is
  // `timeout_ns` (reads the monotonic clock only in timeout mode).
  static CallMode Start(int64_t timeout_ns);

  bool blocking() const { return timeout_ns < 0; }
  bool nonblocking() const { return timeout_ns == 0; }
  bool timed() const { return timeout_ns > 0; }
};

// SocketClosedError is the error of every call on a closed socket:
// kInvalidArgument "<call>: socket: socket is closed".
absl::Status SocketClosedError(std::string_view call);

// StillOpen returns whether `handle` still holds `h` (Close/Detach not called
// since the call started).
inline bool StillOpen(const std::atomic<platform::NativeHandle>& handle,
                      platform::NativeHandle h) {
  return handle.load(std::memory_order_acquire) == h;
}

// WaitReady waits until `h` is ready for `interest` or `deadline` passes.
// EINTR from the wait is retried with the time left. Returns OK when ready
// (readable, writable, error or hang-up: the caller's next system call
// reports which); TimedOut(call) once the deadline has passed, without
// waiting when no time is left; SocketClosedError(call) if the socket was
// closed meanwhile; other Wait errors unchanged. An infinite deadline waits
// without limit.
absl::Status WaitReady(const platform::Os& os,
                       const std::atomic<platform::NativeHandle>& handle,
                       platform::NativeHandle h, unsigned interest,
                       const Deadline& deadline, std::string_view call);

// ConnectError reads the outcome of a connect that was in progress on `h`
// once `h` is writable (Os::PendingError, which clears SO_ERROR): 0 when it
// connected, EISCONN / WSAEISCONN (kAlreadyConnected) counting as connected,
// otherwise the native code; PendingError's own error unchanged.
absl::StatusOr<int> ConnectError(const platform::Os& os,
                                 platform::NativeHandle h);

// StatusOf returns the status of a Status or StatusOr result.
inline const absl::Status& StatusOf(const absl::Status& s) { return s; }
template <typename T>
const absl::Status& StatusOf(const absl::StatusOr<T>& s) {
  return s.status();
}

// IoLoop runs `op` (one backend call returning absl::StatusOr<T> or
// absl::Status) under `mode`, as the file comment describes. `interest` is
// platform::kWantRead or kWantWrite; `call` names the operation in a
// timeout or closed-socket error. A template, so `op` is inlined and nothing
// is allocated on the success and would-block paths.
template <typename Op>
auto IoLoop(const platform::Os& os,
            const std::atomic<platform::NativeHandle>& handle,
            platform::NativeHandle h, unsigned interest, const CallMode& mode,
            std::string_view call, Op&& op) -> decltype(op()) {
  for (;;) {
    auto result = op();
    if (result.ok()) return result;
    const absl::Status& status = StatusOf(result);
    if (IsInterrupted(status)) {
      if (!StillOpen(handle, h)) return SocketClosedError(call);
      continue;  // retry at once; the deadline (if any) is unchanged
    }
    if (!mode.timed() || !IsWouldBlock(status)) return result;
    absl::Status ready =
        WaitReady(os, handle, h, interest, mode.deadline, call);
    if (!ready.ok()) return ready;
  }
}

}  // namespace api_internal
}  // namespace xsock

#endif  // XSOCK_API_INTERNAL_IO_LOOP_H_
