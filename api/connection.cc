// api/connection.cc: CreateConnection.

#include "xsock/connection.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "api/internal/io_loop.h"
#include "core/addrinfo.h"
#include "core/address.h"
#include "core/error.h"
#include "core/types.h"
#include "platform/os.h"
#include "xsock/resolver.h"
#include "xsock/socket.h"

namespace xsock {
namespace {

constexpr std::string_view kCall = "create_connection";

// NewAttempt creates the socket for one attempt at `ai`: the family must
// match source_address, the timeout is `timeout` when given (otherwise the
// module default), and the socket is bound to source_address when given.
// The socket closes itself if a step fails.
absl::StatusOr<Socket> NewAttempt(const AddrInfo& ai,
                                  const ConnectOptions& opts,
                                  const std::optional<Timeout>& timeout,
                                  const platform::Os& os) {
  if (opts.source_address.has_value() &&
      opts.source_address->family() != ai.family) {
    return InvalidArgument(kCall, "source_address",
                           "family differs from the address's");
  }
  absl::StatusOr<Socket> sock = Socket::Create(ai.family, ai.type, ai.proto, os);
  if (!sock.ok()) return sock.status();
  if (timeout.has_value()) {
    if (absl::Status s = sock->SetTimeout(*timeout); !s.ok()) return s;
  }
  if (opts.source_address.has_value()) {
    if (absl::Status s = sock->Bind(*opts.source_address); !s.ok()) return s;
  }
  return sock;
}

// TryOne makes one attempt at `addr` and returns the connected socket.
absl::StatusOr<Socket> TryOne(const AddrInfo& ai, const ConnectOptions& opts,
                              const platform::Os& os) {
  absl::StatusOr<Socket> sock = NewAttempt(ai, opts, opts.timeout, os);
  if (!sock.ok()) return sock.status();
  if (absl::Status s = sock->Connect(ai.address); !s.ok()) return s;
  return sock;
}

// AttemptText is "<address>: <error>" for the failure message; a bare
// status (would-block, interrupted) gets the kind's text.
std::string AttemptText(const SocketAddress& addr, const absl::Status& s) {
  std::string_view what = s.message();
  if (what.empty()) what = ErrorKindText(GetErrorKind(s));
  return absl::StrCat(addr.ToString(), ": ", what);
}

// kAttemptDelay is RFC 8305's recommended Connection Attempt Delay.
constexpr absl::Duration kAttemptDelay = absl::Milliseconds(250);
// kPollSlice bounds how long one wait on the newest attempt lasts before
// the older attempts are looked at again.
constexpr absl::Duration kPollSlice = absl::Milliseconds(10);

struct InFlight {
  Socket socket;
  SocketAddress address;
};

// StartOne creates a non-blocking socket for `ai`, binds it and starts the
// connect. Returns the socket when the connect is under way or done
// (*done set), an error otherwise.
absl::StatusOr<Socket> StartOne(const AddrInfo& ai, const ConnectOptions& opts,
                                const platform::Os& os, bool* done) {
  *done = false;
  absl::StatusOr<Socket> sock =
      NewAttempt(ai, opts, Timeout(absl::ZeroDuration()), os);
  if (!sock.ok()) return sock.status();
  absl::Status s = sock->Connect(ai.address);
  if (s.ok()) {
    *done = true;
    return sock;
  }
  const ErrorKind kind = GetErrorKind(s);
  if (kind == ErrorKind::kInProgress || kind == ErrorKind::kWouldBlock) {
    return sock;
  }
  return s;
}

// Race runs the RFC 8305 connection race over `order`: an attempt starts
// every kAttemptDelay, or at once when the previous ones have all failed;
// the first connect to complete wins and the others are closed. `deadline`
// (InfiniteFuture when blocking) bounds the whole race. Failed attempts are
// appended to `attempts` and `last`.
absl::StatusOr<Socket> Race(const std::vector<AddrInfo>& order,
                            const ConnectOptions& opts,
                            const platform::Os& os, absl::Time deadline,
                            std::vector<std::string>* attempts,
                            absl::Status* last) {
  std::vector<InFlight> flying;
  size_t next = 0;
  absl::Time next_start = absl::Now();
  while (next < order.size() || !flying.empty()) {
    absl::Time now = absl::Now();
    if (now >= deadline) break;
    if (next < order.size() && (flying.empty() || now >= next_start)) {
      const AddrInfo& ai = order[next++];
      bool done = false;
      absl::StatusOr<Socket> sock = StartOne(ai, opts, os, &done);
      if (!sock.ok()) {
        *last = sock.status();
        attempts->push_back(AttemptText(ai.address, *last));
        continue;
      }
      if (done) return sock;
      flying.push_back(InFlight{*std::move(sock), ai.address});
      next_start = now + kAttemptDelay;
    }
    // Look at every attempt without waiting.
    for (size_t i = 0; i < flying.size();) {
      const NativeHandle h = flying[i].socket.Fileno();
      absl::StatusOr<unsigned> ready = os.Wait(h, platform::kWantWrite, 0);
      if (ready.ok() && *ready == 0) {
        ++i;
        continue;
      }
      absl::Status result = ready.status();
      if (ready.ok()) {
        absl::StatusOr<int> pending = api_internal::ConnectError(os, h);
        if (!pending.ok()) {
          result = pending.status();
        } else if (*pending == 0) {
          return std::move(flying[i].socket);
        } else {
          result = os.ErrorFromNative(*pending, "connect");
        }
      } else if (IsInterrupted(result)) {
        ++i;
        continue;
      }
      *last = result;
      attempts->push_back(AttemptText(flying[i].address, result));
      (void)flying[i].socket.Close();
      flying.erase(flying.begin() + static_cast<std::ptrdiff_t>(i));
    }
    if (flying.empty()) continue;
    // Wait on the newest attempt, at most until the next start, the deadline
    // or one slice.
    absl::Time until = std::min(absl::Now() + kPollSlice, deadline);
    if (next < order.size()) until = std::min(until, next_start);
    const absl::Duration left = until - absl::Now();
    if (left > absl::ZeroDuration()) {
      (void)os.Wait(flying.back().socket.Fileno(), platform::kWantWrite,
                    static_cast<int>(absl::ToInt64Milliseconds(left)) + 1);
    }
  }
  for (InFlight& f : flying) {
    *last = TimedOut("connect");
    attempts->push_back(AttemptText(f.address, *last));
    (void)f.socket.Close();
  }
  if (last->ok() || next < order.size()) *last = TimedOut("connect");
  return *last;
}

}  // namespace

std::vector<AddrInfo> InterleaveFamilies(const std::vector<AddrInfo>& infos) {
  std::vector<const AddrInfo*> v6, v4;
  std::vector<AddrInfo> out;
  out.reserve(infos.size());
  for (const AddrInfo& ai : infos) {
    if (ai.family == Family::kInet6) v6.push_back(&ai);
    if (ai.family == Family::kInet) v4.push_back(&ai);
  }
  const bool v6_first = !infos.empty() && infos.front().family != Family::kInet;
  const std::vector<const AddrInfo*>& first = v6_first ? v6 : v4;
  const std::vector<const AddrInfo*>& second = v6_first ? v4 : v6;
  for (size_t i = 0; i < first.size() || i < second.size(); ++i) {
    if (i < first.size()) out.push_back(*first[i]);
    if (i < second.size()) out.push_back(*second[i]);
  }
  for (const AddrInfo& ai : infos) {
    if (ai.family != Family::kInet6 && ai.family != Family::kInet) {
      out.push_back(ai);
    }
  }
  return out;
}

namespace {

// CheckTimeout rejects a negative or infinite ConnectOptions::timeout.
absl::Status CheckTimeout(const ConnectOptions& opts) {
  if (opts.timeout.has_value() && opts.timeout->has_value()) {
    absl::Duration t = **opts.timeout;
    if (t < absl::ZeroDuration() || t == absl::InfiniteDuration()) {
      return InvalidArgument(kCall, "timeout",
                             "must be non-negative and finite");
    }
  }
  return absl::OkStatus();
}

// ConnectToCandidates tries `infos` (validated, not empty) per `opts`.
absl::StatusOr<Socket> ConnectToCandidates(const std::vector<AddrInfo>& infos,
                                           const ConnectOptions& opts,
                                           const platform::Os& os) {
  std::vector<std::string> attempts;
  absl::Status last;
  const Timeout timeout =
      opts.timeout.has_value() ? *opts.timeout : GetDefaultTimeout();
  if (opts.happy_eyeballs &&
      (!timeout.has_value() || *timeout > absl::ZeroDuration())) {
    const absl::Time deadline = timeout.has_value()
                                    ? absl::Now() + *timeout
                                    : absl::InfiniteFuture();
    absl::StatusOr<Socket> sock = Race(InterleaveFamilies(infos), opts, os,
                                       deadline, &attempts, &last);
    if (sock.ok()) {
      if (absl::Status s = sock->SetTimeout(timeout); !s.ok()) return s;
      return sock;
    }
    last = sock.status();
  } else {
    for (const AddrInfo& ai : infos) {
      absl::StatusOr<Socket> sock = TryOne(ai, opts, os);
      if (sock.ok()) return sock;
      last = sock.status();
      attempts.push_back(AttemptText(ai.address, last));
    }
  }
  if (attempts.empty()) {
    return MakeError(GetErrorKind(last), kCall, GetNativeCode(last), "",
                     last.message());
  }
  std::string message =
      opts.all_errors ? absl::StrCat("every attempt failed: ",
                                     absl::StrJoin(attempts, "; "))
                      : attempts.back();
  return MakeError(GetErrorKind(last), kCall, GetNativeCode(last), "",
                   message);
}

}  // namespace

absl::StatusOr<Socket> CreateConnection(std::string_view host, int port,
                                        ConnectOptions opts,
                                        const platform::Os& os) {
  if (host.empty()) return InvalidArgument(kCall, "host", "must not be empty");
  if (port < 0 || port > 65535) {
    return InvalidArgument(kCall, "port", "must be 0..65535");
  }
  if (absl::Status s = CheckTimeout(opts); !s.ok()) return s;
  AddrInfoHints hints;
  hints.family = Family::kUnspec;
  hints.type = Type::kStream;
  absl::StatusOr<std::vector<AddrInfo>> infos =
      GetAddrInfo(host, port, hints, os);
  if (!infos.ok()) return infos.status();
  return ConnectToCandidates(*infos, opts, os);
}

absl::StatusOr<Socket> CreateConnection(const std::vector<AddrInfo>& candidates,
                                        ConnectOptions opts,
                                        const platform::Os& os) {
  if (candidates.empty()) {
    return InvalidArgument(kCall, "candidates", "must not be empty");
  }
  for (const AddrInfo& ai : candidates) {
    const bool inet = ai.family == Family::kInet || ai.family == Family::kInet6;
    if (!inet || ai.type != Type::kStream || ai.address.family() != ai.family) {
      return InvalidArgument(kCall, "candidates",
                             "every record must be an AF_INET/AF_INET6 "
                             "stream record of its own family");
    }
  }
  if (absl::Status s = CheckTimeout(opts); !s.ok()) return s;
  return ConnectToCandidates(candidates, opts, os);
}

}  // namespace xsock
