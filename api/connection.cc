// api/connection.cc: CreateConnection.

#include "xsock/connection.h"

#include <cmath>
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

// TryOne makes one attempt at `addr` and returns the connected socket.
absl::StatusOr<Socket> TryOne(const AddrInfo& ai, const ConnectOptions& opts,
                              const platform::Os& os) {
  if (opts.source_address.has_value() &&
      opts.source_address->family() != ai.family) {
    return InvalidArgument(kCall, "source_address",
                           "family differs from the address's");
  }
  absl::StatusOr<Socket> sock = Socket::Create(ai.family, ai.type, ai.proto, os);
  if (!sock.ok()) return sock.status();
  if (opts.timeout.has_value()) {
    if (absl::Status s = sock->SetTimeout(*opts.timeout); !s.ok()) {
      (void)sock->Close();
      return s;
    }
  }
  if (opts.source_address.has_value()) {
    if (absl::Status s = sock->Bind(*opts.source_address); !s.ok()) {
      (void)sock->Close();
      return s;
    }
  }
  if (absl::Status s = sock->Connect(ai.address); !s.ok()) {
    (void)sock->Close();
    return s;
  }
  return sock;
}

// AttemptText is "<address>: <error>" for the failure message; a bare
// status (would-block, interrupted) gets the kind's text.
std::string AttemptText(const SocketAddress& addr, const absl::Status& s) {
  std::string_view what = s.message();
  if (what.empty()) what = ErrorKindText(GetErrorKind(s));
  return absl::StrCat(addr.ToString(), ": ", what);
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

absl::StatusOr<Socket> CreateConnection(std::string_view host, int port,
                                        ConnectOptions opts,
                                        const platform::Os& os) {
  if (host.empty()) return InvalidArgument(kCall, "host", "must not be empty");
  if (port < 0 || port > 65535) {
    return InvalidArgument(kCall, "port", "must be 0..65535");
  }
  if (opts.timeout.has_value() && opts.timeout->has_value()) {
    absl::Duration t = **opts.timeout;
    if (t < absl::ZeroDuration() || t == absl::InfiniteDuration()) {
      return InvalidArgument(kCall, "timeout",
                             "must be non-negative and finite");
    }
  }
  if (opts.happy_eyeballs) {
    return MakeError(ErrorKind::kUnimplemented, kCall, 0, "",
                     "happy_eyeballs: not implemented");
  }
  AddrInfoHints hints;
  hints.family = Family::kUnspec;
  hints.type = Type::kStream;
  absl::StatusOr<std::vector<AddrInfo>> infos =
      GetAddrInfo(host, port, hints, os);
  if (!infos.ok()) return infos.status();

  std::vector<std::string> attempts;
  absl::Status last;
  for (const AddrInfo& ai : *infos) {
    absl::StatusOr<Socket> sock = TryOne(ai, opts, os);
    if (sock.ok()) return sock;
    last = sock.status();
    attempts.push_back(AttemptText(ai.address, last));
  }
  if (attempts.empty()) {
    // GetAddrInfo never succeeds with no result; kept for safety.
    return MakeError(ErrorKind::kAddrInfoNoName, kCall);
  }
  std::string message =
      opts.all_errors ? absl::StrCat("every attempt failed: ",
                                     absl::StrJoin(attempts, "; "))
                      : attempts.back();
  return MakeError(GetErrorKind(last), kCall, GetNativeCode(last), "",
                   message);
}

}  // namespace xsock
