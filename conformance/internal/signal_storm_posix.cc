// conformance/internal/signal_storm_posix.cc: SignalStorm on POSIX
// (setitimer + a SIGALRM handler without SA_RESTART). Test infrastructure,
// so OS headers are allowed here.

#include <signal.h>
#include <sys/time.h>
#include <time.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "conformance/internal/signal_storm.h"

namespace xsock {
namespace conformance_internal {
namespace {

std::atomic<int> g_delivered{0};
std::atomic<bool> g_running{false};

extern "C" void CountSignal(int) {
  // Lock-free atomics are async-signal-safe.
  g_delivered.fetch_add(1, std::memory_order_relaxed);
}

timeval PeriodToTimeval(absl::Duration d) {
  timeval tv{};
  int64_t us = absl::ToInt64Microseconds(d);
  if (us < 1) us = 1;
  tv.tv_sec = static_cast<time_t>(us / 1000000);
  tv.tv_usec = static_cast<suseconds_t>(us % 1000000);
  return tv;
}

void Disarm() {
  itimerval off{};
  setitimer(ITIMER_REAL, &off, nullptr);
}

class PosixSignalStorm : public SignalStorm {
 public:
  PosixSignalStorm(const struct sigaction& previous,
                   absl::Duration max_duration)
      : previous_(previous) {
    // The watchdog ends the storm after max_duration even if the test
    // thread is stuck in a call that restarts its deadline on every EINTR.
    watchdog_ = std::thread([this, max_duration] {
      BlockStormSignalInThisThread();
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait_for(lock, absl::ToChronoNanoseconds(max_duration),
                   [this] { return stop_; });
      Disarm();
    });
  }

  ~PosixSignalStorm() override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    watchdog_.join();
    Disarm();
    // Keep the no-op handler if the previous disposition was the default
    // (which terminates the process on SIGALRM): a signal generated just
    // before the timer was disarmed may still be on its way.
    if (previous_.sa_handler != SIG_DFL) {
      sigaction(SIGALRM, &previous_, nullptr);
    }
    g_running.store(false);
  }

  int Delivered() const override {
    return g_delivered.load(std::memory_order_relaxed);
  }

  bool WaitForSignals(int n, absl::Duration timeout) const override {
    const int target = Delivered() + n;
    const absl::Time deadline = absl::Now() + timeout;
    // Bounded poll of the counter: the handler cannot signal a condition
    // variable, so wait in 1 ms steps (an interrupted nanosleep just loops).
    while (Delivered() < target) {
      if (absl::Now() >= deadline) return false;
      timespec step{0, 1000000};
      nanosleep(&step, nullptr);
    }
    return true;
  }

 private:
  struct sigaction previous_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread watchdog_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<SignalStorm>> SignalStorm::Start(
    absl::Duration period, absl::Duration max_duration) {
  if (g_running.exchange(true)) {
    return absl::FailedPreconditionError("a signal storm is already running");
  }
  g_delivered.store(0);
  struct sigaction action {};
  action.sa_handler = CountSignal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: blocking calls fail with EINTR
  struct sigaction previous {};
  if (sigaction(SIGALRM, &action, &previous) != 0) {
    g_running.store(false);
    return absl::InternalError(absl::StrCat("sigaction: errno ", errno));
  }
  // The handler must run in this (the test's) thread: make sure it is not
  // blocked here.
  sigset_t alarm;
  sigemptyset(&alarm);
  sigaddset(&alarm, SIGALRM);
  pthread_sigmask(SIG_UNBLOCK, &alarm, nullptr);

  auto storm = std::make_unique<PosixSignalStorm>(previous, max_duration);
  itimerval timer{};
  timer.it_interval = PeriodToTimeval(period);
  timer.it_value = PeriodToTimeval(period);
  if (setitimer(ITIMER_REAL, &timer, nullptr) != 0) {
    return absl::InternalError(absl::StrCat("setitimer: errno ", errno));
  }
  return std::unique_ptr<SignalStorm>(std::move(storm));
}

void BlockStormSignalInThisThread() {
  sigset_t alarm;
  sigemptyset(&alarm);
  sigaddset(&alarm, SIGALRM);
  pthread_sigmask(SIG_BLOCK, &alarm, nullptr);
}

}  // namespace conformance_internal
}  // namespace xsock
