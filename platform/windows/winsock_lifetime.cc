// platform/windows/winsock_lifetime.cc: the reference-counted Winsock
// lifetime (see winsock_lifetime.h).

#include "platform/windows/winsock_lifetime.h"

#include <mutex>

#include "absl/status/status.h"
#include "platform/windows/errors.h"
#include "platform/windows/winsock.h"

namespace xsock {
namespace platform {
namespace {

struct LifetimeState {
  std::mutex mu;
  int count = 0;          // references held
  int startup_error = 0;  // the first acquisition's WSAStartup result
};

// State is never destroyed, so scopes released during static destruction
// still find their mutex.
LifetimeState& State() {
  static LifetimeState* const state = new LifetimeState();
  return *state;
}

// StartWinsock calls WSAStartup(2.2) and returns 0 or its WSA code.
int StartWinsock() {
  WSADATA data;
  const int err = ::WSAStartup(MAKEWORD(2, 2), &data);
  if (err != 0) return err;
  if (LOBYTE(data.wVersion) != 2 || HIBYTE(data.wVersion) != 2) {
    ::WSACleanup();
    return WSAVERNOTSUPPORTED;
  }
  return 0;
}

}  // namespace

int WinsockLifetime::Acquire() {
  LifetimeState& s = State();
  std::lock_guard<std::mutex> lock(s.mu);
  if (s.count == 0) s.startup_error = StartWinsock();
  ++s.count;
  return s.startup_error;
}

bool WinsockLifetime::Release() {
  LifetimeState& s = State();
  std::lock_guard<std::mutex> lock(s.mu);
  if (s.count == 0) return false;  // unbalanced: ignored
  if (--s.count == 0) {
    if (s.startup_error == 0) ::WSACleanup();
    s.startup_error = 0;
  }
  return true;
}

int WinsockLifetime::RefCountForTesting() {
  LifetimeState& s = State();
  std::lock_guard<std::mutex> lock(s.mu);
  return s.count;
}

WinsockScope::WinsockScope()
    : held_(true), error_(WinsockLifetime::Acquire()) {}

WinsockScope::~WinsockScope() {
  if (held_) WinsockLifetime::Release();
}

WinsockScope::WinsockScope(WinsockScope&& other) noexcept
    : held_(other.held_), error_(other.error_) {
  other.held_ = false;
}

WinsockScope& WinsockScope::operator=(WinsockScope&& other) noexcept {
  if (this != &other) {
    if (held_) WinsockLifetime::Release();
    held_ = other.held_;
    error_ = other.error_;
    other.held_ = false;
  }
  return *this;
}

int WinsockScope::error() const { return held_ ? error_ : WSANOTINITIALISED; }

absl::Status WinsockScope::status() const {
  const int err = error();
  if (err == 0) return absl::OkStatus();
  return windows_internal::WsaErrorSlow(err, "WSAStartup");
}

}  // namespace platform
}  // namespace xsock
