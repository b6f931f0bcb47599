// conformance/suites/connection_suite.cc: CREATE-nn, CreateConnection
// (docs/behaviour/connection.md).

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/time/time.h"
#include "conformance/harness.h"
#include "conformance/suites/suites.h"
#include "core/addrinfo.h"
#include "core/address.h"
#include "core/error.h"
#include "core/types.h"
#include "xsock/connection.h"
#include "xsock/resolver.h"
#include "xsock/socket.h"

namespace xsock {
namespace conformance {
namespace {

// ExpectEveryAttemptFailed checks a failed CreateConnection to a port
// nobody listens on: its kind is one Python lists for an unused port
// (ECONNREFUSED, ENETUNREACH, EADDRNOTAVAIL, EHOSTUNREACH, EAFNOSUPPORT
// without IPv6) and the message names every resolved address.
void ExpectEveryAttemptFailed(const absl::Status& status,
                              const std::vector<AddrInfo>& infos) {
  const ErrorKind kind = GetErrorKind(status);
  EXPECT_TRUE(kind == ErrorKind::kConnectionRefused ||
              kind == ErrorKind::kNetworkUnreachable ||
              kind == ErrorKind::kAddressNotAvailable ||
              kind == ErrorKind::kHostUnreachable ||
              kind == ErrorKind::kFamilyNotSupported)
      << status;
  for (const AddrInfo& ai : infos) {
    EXPECT_TRUE(MessageHas(status, ai.address.ToString() + ": "));
  }
}

// LocalhostStreamRecords is what CreateConnection("localhost", port)
// resolves: localhost's stream records for `port`.
absl::StatusOr<std::vector<AddrInfo>> LocalhostStreamRecords(
    int port, const platform::Os& os) {
  AddrInfoHints hints;
  hints.type = Type::kStream;
  return GetAddrInfo("localhost", port, hints, os);
}

// StreamRecord is the AddrInfo GetAddrInfo gives for a TCP address.
AddrInfo StreamRecord(const SocketAddress& address) {
  AddrInfo ai;
  ai.family = address.family();
  ai.type = Type::kStream;
  ai.proto = 6;  // IPPROTO_TCP on every platform
  ai.address = address;
  return ai;
}

constexpr char kRefusesFullQueue[] =
    "a full accept queue is refused here (or never fills in 8 connections), "
    "not left unanswered";

// FillAcceptQueue connects clients to `listener` (listening with backlog 0)
// until one times out, at most 8: from then on the kernel drops SYNs to it,
// so it is an address that never answers. Returns the queued connections
// (keep them open), or nullopt where the platform answers a full queue
// instead (a connect refused: Windows answers with RST) or never fills it
// in 8 connections. Any other connect error is returned.
absl::StatusOr<std::optional<std::vector<Socket>>> FillAcceptQueue(
    const SocketAddress& listener, const platform::Os& os) {
  std::vector<Socket> queued;
  for (int i = 0; i < 8; ++i) {
    absl::StatusOr<Socket> c =
        Socket::Create(Family::kInet, Type::kStream, 0, os);
    if (!c.ok()) return c.status();
    if (absl::Status s = c->SetTimeout(absl::Milliseconds(300)); !s.ok()) {
      return s;
    }
    absl::Status s = c->Connect(listener);
    if (s.ok()) {
      queued.push_back(*std::move(c));
      continue;
    }
    if (GetErrorKind(s) == ErrorKind::kConnectionRefused) break;
    if (GetErrorKind(s) != ErrorKind::kTimedOut) return s;
    return std::optional<std::vector<Socket>>(std::move(queued));
  }
  return std::optional<std::vector<Socket>>();
}

// HangingFirst is an address that never answers (a listener whose accept
// queue FillAcceptQueue filled) and a listening one, as candidates in that
// order.
struct HangingFirst {
  Listening full;
  Listening good;
  std::vector<Socket> queued;
  std::vector<AddrInfo> candidates;
};

// MakeHangingFirst builds a HangingFirst on backend `os`; nullopt where a
// full accept queue is refused instead.
absl::StatusOr<std::optional<HangingFirst>> MakeHangingFirst(
    const platform::Os& os) {
  HangingFirst h;
  absl::StatusOr<Listening> full = ListenLoopbackOn(os, Family::kInet, 0);
  if (!full.ok()) return full.status();
  h.full = *std::move(full);
  absl::StatusOr<Listening> good =
      ListenLoopbackOn(os, Family::kInet, kDefaultBacklog);
  if (!good.ok()) return good.status();
  h.good = *std::move(good);
  absl::StatusOr<std::optional<std::vector<Socket>>> queued =
      FillAcceptQueue(h.full.address, os);
  if (!queued.ok()) return queued.status();
  if (!queued->has_value()) return std::optional<HangingFirst>();
  h.queued = **std::move(queued);
  h.candidates = {StreamRecord(h.full.address), StreamRecord(h.good.address)};
  return std::optional<HangingFirst>(std::move(h));
}

// ConnectedTo checks that `c` is a connection to `want`.
testing::AssertionResult ConnectedTo(const absl::StatusOr<Socket>& c,
                                     const SocketAddress& want) {
  if (!c.ok()) return testing::AssertionFailure() << c.status();
  absl::StatusOr<SocketAddress> peer = c->GetPeerName();
  if (!peer.ok()) return testing::AssertionFailure() << peer.status();
  if (*peer != want) {
    return testing::AssertionFailure()
           << "connected to " << peer->ToString() << ", not "
           << want.ToString();
  }
  return testing::AssertionSuccess();
}

// ---------------------------------------------------------------- CREATE-01

TEST_P(ConnectionSuite, CREATE_01_ConnectsToAnInetListener) {
  ASSERT_OK_AND_ASSIGN(Listening l, ListenLoopback(Family::kInet));
  ASSERT_OK_AND_ASSIGN(Socket c,
                       CreateConnection("127.0.0.1", l.address.port(), {},
                                        os()));
  EXPECT_FALSE(c.closed());
  EXPECT_EQ(c.family(), Family::kInet);
  EXPECT_EQ(c.type(), Type::kStream);
  ASSERT_OK_AND_ASSIGN(SocketAddress peer, c.GetPeerName());
  EXPECT_EQ(peer, l.address);
}

// ---------------------------------------------------------------- CREATE-02

TEST_P(ConnectionSuite, CREATE_02_SourceAddressIsBound) {
  ASSERT_OK_AND_ASSIGN(Listening l, ListenLoopback(Family::kInet));
  ConnectOptions opts;
  opts.source_address = SocketAddress::Inet4({127, 0, 0, 1}, 0);
  ASSERT_OK_AND_ASSIGN(
      Socket c, CreateConnection("127.0.0.1", l.address.port(), opts, os()));
  ASSERT_OK_AND_ASSIGN(SocketAddress local, c.GetSockName());
  EXPECT_EQ(local.host(), "127.0.0.1");
  EXPECT_NE(local.port(), 0);
  ASSERT_OK_AND_ASSIGN(Accepted a, l.socket.Accept());
  ASSERT_OK_AND_ASSIGN(SocketAddress seen, a.socket.GetPeerName());
  EXPECT_EQ(seen, local);
}

TEST_P(ConnectionSuite, CREATE_02_SourceOfAnotherFamilyIsNotTried) {
  ASSERT_OK_AND_ASSIGN(Listening l, ListenLoopback(Family::kInet));
  ConnectOptions opts;
  opts.source_address = SocketAddress::Inet6({}, 0);
  absl::StatusOr<Socket> c =
      CreateConnection("127.0.0.1", l.address.port(), opts, os());
  EXPECT_INVALID_ARGUMENT(c, "source_address");
}

// ---------------------------------------------------------------- CREATE-03

TEST_P(ConnectionSuite, CREATE_03_RefusedKeepsTheKind) {
  ASSERT_OK_AND_ASSIGN(Bound closed, ClosedPort(Family::kInet));
  absl::StatusOr<Socket> c =
      CreateConnection("127.0.0.1", closed.address.port(), {}, os());
  ASSERT_KIND(c, ErrorKind::kConnectionRefused);
  EXPECT_EQ(GetFailedCall(c.status()), "create_connection");
  EXPECT_EQ(GetErrorClass(c.status()), ErrorClass::kOsError);
  EXPECT_NE(GetNativeCode(c.status()), 0);
  EXPECT_TRUE(MessageHas(c.status(), closed.address.ToString()));
}

TEST_P(ConnectionSuite, CREATE_03_AllErrorsListsEveryAttempt) {
  ASSERT_OK_AND_ASSIGN(Bound closed, ClosedPort(Family::kInet));
  const int port = closed.address.port();
  ASSERT_OK_AND_ASSIGN(std::vector<AddrInfo> infos,
                       LocalhostStreamRecords(port, os()));
  ConnectOptions opts;
  opts.all_errors = true;
  absl::StatusOr<Socket> c = CreateConnection("localhost", port, opts, os());
  ASSERT_FALSE(c.ok());
  const ErrorKind kind = GetErrorKind(c.status());
  ExpectEveryAttemptFailed(c.status(), infos);
  if (infos.back().address == closed.address) {
    EXPECT_EQ(kind, ErrorKind::kConnectionRefused);
  }
}

TEST_P(ConnectionSuite, CREATE_03_WithoutAllErrorsOnlyTheLastAttempt) {
  ASSERT_OK_AND_ASSIGN(Bound closed, ClosedPort(Family::kInet));
  const int port = closed.address.port();
  ASSERT_OK_AND_ASSIGN(std::vector<AddrInfo> infos,
                       LocalhostStreamRecords(port, os()));
  absl::StatusOr<Socket> c = CreateConnection("localhost", port, {}, os());
  ASSERT_FALSE(c.ok());
  EXPECT_TRUE(MessageHas(c.status(), infos.back().address.ToString() + ": "));
  for (size_t i = 0; i + 1 < infos.size(); ++i) {
    if (infos[i].address == infos.back().address) continue;
    EXPECT_FALSE(MessageHas(c.status(), infos[i].address.ToString() + ": "));
  }
}

// ---------------------------------------------------------------- CREATE-04

TEST_P(ConnectionSuite, CREATE_04_NoTimeoutTakesTheModuleDefault) {
  ASSERT_OK_AND_ASSIGN(Listening l, ListenLoopback(Family::kInet));
  {
    ASSERT_OK_AND_ASSIGN(
        Socket c, CreateConnection("127.0.0.1", l.address.port(), {}, os()));
    EXPECT_EQ(c.GetTimeout(), Timeout());
  }
  ScopedDefaultTimeout dflt(absl::Seconds(30));
  ASSERT_OK_AND_ASSIGN(
      Socket c, CreateConnection("127.0.0.1", l.address.port(), {}, os()));
  EXPECT_EQ(c.GetTimeout(), Timeout(absl::Seconds(30)));
}

TEST_P(ConnectionSuite, CREATE_04_ExplicitNulloptIsBlocking) {
  ASSERT_OK_AND_ASSIGN(Listening l, ListenLoopback(Family::kInet));
  ScopedDefaultTimeout dflt(absl::Seconds(30));
  ConnectOptions opts;
  opts.timeout = Timeout();
  ASSERT_OK_AND_ASSIGN(
      Socket c, CreateConnection("127.0.0.1", l.address.port(), opts, os()));
  EXPECT_EQ(c.GetTimeout(), Timeout());
  EXPECT_TRUE(c.GetBlocking());
}

TEST_P(ConnectionSuite, CREATE_04_ExplicitValueIsKept) {
  ASSERT_OK_AND_ASSIGN(Listening l, ListenLoopback(Family::kInet));
  ScopedDefaultTimeout dflt(absl::Seconds(30));
  ConnectOptions opts;
  opts.timeout = Timeout(absl::Seconds(5));
  ASSERT_OK_AND_ASSIGN(
      Socket c, CreateConnection("127.0.0.1", l.address.port(), opts, os()));
  EXPECT_EQ(c.GetTimeout(), Timeout(absl::Seconds(5)));
}

// ---------------------------------------------------------------- CREATE-05

TEST_P(ConnectionSuite, CREATE_05_BadArgumentsAreRejected) {
  EXPECT_INVALID_ARGUMENT(CreateConnection("", 80, {}, os()), "host");
  EXPECT_INVALID_ARGUMENT(CreateConnection("127.0.0.1", -1, {}, os()),
                          "port");
  EXPECT_INVALID_ARGUMENT(CreateConnection("127.0.0.1", 65536, {}, os()),
                          "port");
  ConnectOptions opts;
  opts.timeout = Timeout(absl::Seconds(-1));
  EXPECT_INVALID_ARGUMENT(CreateConnection("127.0.0.1", 80, opts, os()),
                          "timeout");
}

// ---------------------------------------------------------------- CREATE-06

TEST_P(ConnectionSuite, CREATE_06_HappyEyeballsReachesTheFamilyThatListens) {
  ASSERT_OK_AND_ASSIGN(Listening l, ListenLoopback(Family::kInet));
  ConnectOptions opts;
  opts.happy_eyeballs = true;
  opts.timeout = Timeout(absl::Seconds(4));
  Stopwatch watch;
  ASSERT_OK_AND_ASSIGN(
      Socket c, CreateConnection("localhost", l.address.port(), opts, os()));
  EXPECT_LT(watch.Elapsed(), absl::Seconds(2));
  EXPECT_EQ(c.family(), Family::kInet);
  EXPECT_EQ(c.GetTimeout(), Timeout(absl::Seconds(4)));
  ASSERT_OK_AND_ASSIGN(SocketAddress peer, c.GetPeerName());
  EXPECT_EQ(peer, l.address);
}

TEST_P(ConnectionSuite, CREATE_06_HappyEyeballsRefusedListsEveryAttempt) {
  ASSERT_OK_AND_ASSIGN(Bound closed, ClosedPort(Family::kInet));
  const int port = closed.address.port();
  ASSERT_OK_AND_ASSIGN(std::vector<AddrInfo> infos,
                       LocalhostStreamRecords(port, os()));
  ConnectOptions opts;
  opts.happy_eyeballs = true;
  opts.all_errors = true;
  opts.timeout = Timeout(absl::Seconds(4));
  Stopwatch watch;
  absl::StatusOr<Socket> c = CreateConnection("localhost", port, opts, os());
  EXPECT_LT(watch.Elapsed(), kTimeoutUpperBound);
  ASSERT_FALSE(c.ok());
  ExpectEveryAttemptFailed(c.status(), infos);
}

// ---------------------------------------------------------------- CREATE-07

TEST_P(ConnectionSuite, CREATE_07_CandidatesAreTriedWithoutResolving) {
  ASSERT_OK_AND_ASSIGN(Listening l, ListenLoopback(Family::kInet));
  ASSERT_OK_AND_ASSIGN(Bound closed, ClosedPort(Family::kInet));
  ConnectOptions opts;
  opts.all_errors = true;
  ASSERT_OK_AND_ASSIGN(
      Socket c, CreateConnection({StreamRecord(closed.address),
                                  StreamRecord(l.address)},
                                 opts, os()));
  ASSERT_OK_AND_ASSIGN(SocketAddress peer, c.GetPeerName());
  EXPECT_EQ(peer, l.address);
  absl::StatusOr<Socket> refused =
      CreateConnection({StreamRecord(closed.address)}, opts, os());
  ASSERT_KIND(refused, ErrorKind::kConnectionRefused);
  EXPECT_TRUE(MessageHas(refused.status(), closed.address.ToString()));
}

TEST_P(ConnectionSuite, CREATE_07_BadCandidatesAreRejected) {
  EXPECT_INVALID_ARGUMENT(CreateConnection(std::vector<AddrInfo>{}, {}, os()),
                          "candidates");
  AddrInfo dgram = StreamRecord(Loopback(Family::kInet, 9));
  dgram.type = Type::kDgram;
  EXPECT_INVALID_ARGUMENT(CreateConnection({dgram}, {}, os()), "candidates");
  AddrInfo mixed = StreamRecord(Loopback(Family::kInet, 9));
  mixed.family = Family::kInet6;
  EXPECT_INVALID_ARGUMENT(CreateConnection({mixed}, {}, os()), "candidates");
  ConnectOptions opts;
  opts.timeout = Timeout(absl::InfiniteDuration());
  EXPECT_INVALID_ARGUMENT(
      CreateConnection({StreamRecord(Loopback(Family::kInet, 9))}, opts, os()),
      "timeout");
}

// ---------------------------------------------------------------- CREATE-08

TEST_P(ConnectionSuite, CREATE_08_SequentialWaitsOutAnUnansweredAddress) {
  ASSERT_OK_AND_ASSIGN(std::optional<HangingFirst> h, MakeHangingFirst(os()));
  if (!h.has_value()) GTEST_SKIP() << kRefusesFullQueue;
  ConnectOptions opts;
  opts.timeout = Timeout(absl::Seconds(1));
  Stopwatch watch;
  absl::StatusOr<Socket> c = CreateConnection(h->candidates, opts, os());
  const absl::Duration elapsed = watch.Elapsed();
  EXPECT_TRUE(ConnectedTo(c, h->good.address));
  // The first attempt has the whole timeout before the second starts.
  EXPECT_GE(elapsed, absl::Milliseconds(900));
  EXPECT_LT(elapsed, absl::Seconds(1) + kTimeoutUpperBound);
  // Only the unanswered address: the error is the timeout's.
  opts.timeout = Timeout(absl::Milliseconds(300));
  absl::StatusOr<Socket> none =
      CreateConnection({h->candidates.front()}, opts, os());
  ASSERT_KIND(none, ErrorKind::kTimedOut);
  EXPECT_EQ(GetErrorClass(none.status()), ErrorClass::kTimeout);
}

TEST_P(ConnectionSuite, CREATE_08_HappyEyeballsStartsTheNextAfterTheDelay) {
  ASSERT_OK_AND_ASSIGN(std::optional<HangingFirst> h, MakeHangingFirst(os()));
  if (!h.has_value()) GTEST_SKIP() << kRefusesFullQueue;
  ConnectOptions opts;
  opts.happy_eyeballs = true;
  opts.timeout = Timeout(absl::Seconds(20));
  Stopwatch watch;
  absl::StatusOr<Socket> c = CreateConnection(h->candidates, opts, os());
  const absl::Duration elapsed = watch.Elapsed();
  EXPECT_TRUE(ConnectedTo(c, h->good.address));
  // The second attempt starts after the 250 ms Connection Attempt Delay,
  // long before the first attempt's 20 s timeout.
  EXPECT_GE(elapsed, absl::Milliseconds(240));
  EXPECT_LT(elapsed, kTimeoutUpperBound);
  if (c.ok()) {
    EXPECT_EQ(c->GetTimeout(), Timeout(absl::Seconds(20)));
  }
  // Blocking (no timeout) races the same way.
  opts.timeout = Timeout();
  absl::StatusOr<Socket> b = CreateConnection(h->candidates, opts, os());
  EXPECT_TRUE(ConnectedTo(b, h->good.address));
  if (b.ok()) {
    EXPECT_TRUE(b->GetBlocking());
  }
}

}  // namespace
}  // namespace conformance
}  // namespace xsock
