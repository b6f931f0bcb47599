// conformance/suites/modes_suite.cc: MODE-nn, blocking, non-blocking and
// timeout mode, the module default timeout, and deadlines that survive
// signals (docs/behaviour/modes.md).

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "conformance/harness.h"
#include "conformance/internal/signal_storm.h"
#include "conformance/suites/suites.h"

namespace xsock {
namespace conformance {
namespace {

using conformance_internal::SignalStorm;

constexpr absl::Duration kShortTimeout = absl::Milliseconds(200);
constexpr absl::Duration kStormTimeout = absl::Milliseconds(300);
// A storm fires every 2 ms; over a 300 ms call far more than this many
// signals arrive. Fewer means the storm did not reach the calling thread and
// the test would prove nothing.
constexpr int kMinSignalsDuringCall = 10;

// ExpectOsNonBlocking checks the OS-level flag behind a mode, where the
// backend can read it back (Windows cannot: IO-01).
void ExpectOsNonBlocking(const Socket& s, bool expected) {
  absl::StatusOr<bool> nonblocking = s.os().IsNonBlocking(s.Fileno());
  if (GetErrorKind(nonblocking.status()) == ErrorKind::kUnimplemented) {
    testing::Test::RecordProperty("os_flag_readable", "false");
    return;
  }
  ASSERT_TRUE(IsOk(nonblocking)) << "IsNonBlocking";
  EXPECT_EQ(*nonblocking, expected) << "OS non-blocking flag";
}

void ExpectBlockingMode(const Socket& s) {
  EXPECT_EQ(s.GetTimeout(), std::nullopt);
  EXPECT_TRUE(s.GetBlocking());
  ExpectOsNonBlocking(s, false);
}

void ExpectNonBlockingMode(const Socket& s) {
  EXPECT_EQ(s.GetTimeout(), Timeout(absl::ZeroDuration()));
  EXPECT_FALSE(s.GetBlocking());
  ExpectOsNonBlocking(s, true);
}

void ExpectTimeoutMode(const Socket& s, absl::Duration timeout) {
  EXPECT_EQ(s.GetTimeout(), Timeout(timeout));
  EXPECT_TRUE(s.GetBlocking());
  ExpectOsNonBlocking(s, true);
}

// WaitReadable waits (bounded) until the OS reports `s` readable.
void WaitReadable(const Socket& s) {
  absl::StatusOr<unsigned> ready = s.os().Wait(
      s.Fileno(), platform::kWantRead,
      static_cast<int>(absl::ToInt64Milliseconds(kPeerTimeout)));
  ASSERT_TRUE(IsOk(ready)) << "Wait";
  ASSERT_NE(*ready, 0u) << "not readable within " << kPeerTimeout;
}

// StalledConnect is a connect that cannot complete: a listen(1) socket that
// never accepts, whose accept queue is full (Linux then drops further SYNs,
// so the next connect stays in SYN_SENT), and a fresh client in timeout
// mode.
struct StalledConnect {
  Listening listening;
  std::vector<Socket> held;  // the connections that fill the queue
  Socket client;
};

// PrepareStalledConnect fills the queue by connecting until one connect
// with a short timeout times out (each one is Connected or TimedOut), then
// makes the client with `timeout`.
void PrepareStalledConnect(const platform::Os& os, absl::Duration timeout,
                           StalledConnect* out) {
  ASSERT_OK_AND_ASSIGN(out->listening,
                       ListenLoopbackOn(os, Family::kInet, /*backlog=*/1));
  bool full = false;
  for (int i = 0; i < 64 && !full; ++i) {
    ASSERT_OK_AND_ASSIGN(Socket s,
                         Socket::Create(Family::kInet, Type::kStream, 0, os));
    ASSERT_OK(s.SetTimeout(kShortTimeout));
    absl::Status status = s.Connect(out->listening.address);
    if (status.ok()) {
      out->held.push_back(std::move(s));
      continue;
    }
    ASSERT_KIND(status, ErrorKind::kTimedOut) << "connect #" << i;
    full = true;
  }
  ASSERT_TRUE(full) << "the accept queue of a listen(1) socket never filled "
                       "in 64 connections";
  ASSERT_OK_AND_ASSIGN(out->client,
                       Socket::Create(Family::kInet, Type::kStream, 0, os));
  ASSERT_OK(out->client.SetTimeout(timeout));
}

// ExpectTimesOut runs `call` on a socket whose timeout is `timeout` and
// checks that it fails with kTimedOut, of Python's timeout class, within the
// bounds of that timeout.
void ExpectTimesOut(const std::function<absl::Status()>& call,
                    absl::Duration timeout) {
  Stopwatch stopwatch;
  absl::Status status = call();
  const absl::Duration elapsed = stopwatch.Elapsed();
  ASSERT_KIND(status, ErrorKind::kTimedOut);
  EXPECT_EQ(GetErrorClass(status), ErrorClass::kTimeout);
  EXPECT_TRUE(WithinTimeoutBounds(elapsed, timeout));
}

// ExpectTimesOutDuringStorm is ExpectTimesOut (timeout kStormTimeout) while
// a signal storm interrupts the call.
void ExpectTimesOutDuringStorm(const std::function<absl::Status()>& call) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<SignalStorm> storm,
                       SignalStorm::Start());
  int delivered = 0;
  ExpectTimesOut(
      [&] {
        absl::Status status = call();
        delivered = storm->Delivered();
        return status;
      },
      kStormTimeout);
  storm.reset();
  EXPECT_GE(delivered, kMinSignalsDuringCall)
      << "the storm did not reach the call: the test proves nothing";
}

TEST_P(ModesSuite, MODE_01_NewSocketIsBlocking) {
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet));
  ExpectBlockingMode(s);
  ASSERT_OK_AND_ASSIGN(Socket d, NewSocket(Family::kInet, Type::kDgram));
  ExpectBlockingMode(d);
}

TEST_P(ModesSuite, MODE_02_SetBlockingFalseIsNonBlocking) {
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet));
  ASSERT_OK(s.SetBlocking(false));
  ExpectNonBlockingMode(s);
  ASSERT_OK(s.SetTimeout(absl::ZeroDuration()));
  ExpectNonBlockingMode(s);
}

TEST_P(ModesSuite, MODE_03_TimeoutModeIsBlockingButOsNonBlocking) {
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet));
  ASSERT_OK(s.SetTimeout(absl::Milliseconds(1500)));
  ExpectTimeoutMode(s, absl::Milliseconds(1500));
  // Sub-millisecond timeouts are kept as given (not rounded to zero).
  ASSERT_OK(s.SetTimeout(absl::Nanoseconds(1)));
  ExpectTimeoutMode(s, absl::Nanoseconds(1));
}

TEST_P(ModesSuite, MODE_04_ModeTransitions) {
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet));
  ASSERT_OK(s.SetTimeout(absl::Seconds(2)));
  ExpectTimeoutMode(s, absl::Seconds(2));
  ASSERT_OK(s.SetBlocking(true));
  ExpectBlockingMode(s);
  ASSERT_OK(s.SetBlocking(false));
  ExpectNonBlockingMode(s);
  ASSERT_OK(s.SetTimeout(absl::Seconds(1)));
  ExpectTimeoutMode(s, absl::Seconds(1));
  ASSERT_OK(s.SetTimeout(std::nullopt));
  ExpectBlockingMode(s);
  ASSERT_OK(s.SetTimeout(absl::ZeroDuration()));
  ExpectNonBlockingMode(s);
}

TEST_P(ModesSuite, MODE_04_TypeIsUnchangedByModeChanges) {
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet, Type::kStream));
  ASSERT_OK(s.SetBlocking(false));
  EXPECT_EQ(s.type(), Type::kStream);
  ASSERT_OK(s.SetTimeout(absl::Seconds(1)));
  EXPECT_EQ(s.type(), Type::kStream);
  ASSERT_OK(s.SetBlocking(true));
  EXPECT_EQ(s.type(), Type::kStream);
  ASSERT_OK_AND_ASSIGN(int so_type, s.GetOption(Option::kType));
  ASSERT_OK_AND_ASSIGN(Socket fresh, NewSocket(Family::kInet, Type::kStream));
  ASSERT_OK_AND_ASSIGN(int fresh_type, fresh.GetOption(Option::kType));
  EXPECT_EQ(so_type, fresh_type) << "SO_TYPE changed with the mode";
}

TEST_P(ModesSuite, MODE_05_DefaultTimeoutAppliesToNewSockets) {
  EXPECT_EQ(GetDefaultTimeout(), std::nullopt);
  {
    ScopedDefaultTimeout default_timeout(absl::Milliseconds(2500));
    EXPECT_EQ(GetDefaultTimeout(), Timeout(absl::Milliseconds(2500)));
    ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet));
    ExpectTimeoutMode(s, absl::Milliseconds(2500));
    ASSERT_OK_AND_ASSIGN(Socket d, NewSocket(Family::kInet, Type::kDgram));
    ExpectTimeoutMode(d, absl::Milliseconds(2500));
  }
  // Back to nullopt: new sockets are blocking again.
  EXPECT_EQ(GetDefaultTimeout(), std::nullopt);
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet));
  ExpectBlockingMode(s);
}

TEST_P(ModesSuite, MODE_05_DefaultTimeoutZeroMakesNewSocketsNonBlocking) {
  ScopedDefaultTimeout default_timeout(absl::ZeroDuration());
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet, Type::kDgram));
  ExpectNonBlockingMode(s);
  ASSERT_OK(s.Bind(Loopback(Family::kInet)));
  EXPECT_KIND(s.Recv(16), ErrorKind::kWouldBlock);
}

TEST_P(ModesSuite, MODE_05_DefaultTimeoutAppliesToSocketPairEnds) {
  ScopedDefaultTimeout default_timeout(absl::Seconds(4));
  ASSERT_OK_AND_ASSIGN(auto pair, SocketPair(Family::kUnspec, Type::kStream,
                                             0, os()));
  ExpectTimeoutMode(pair.first, absl::Seconds(4));
  ExpectTimeoutMode(pair.second, absl::Seconds(4));
}

TEST_P(ModesSuite, MODE_05_InvalidDefaultTimeoutLeavesTheDefault) {
  ScopedDefaultTimeout default_timeout(absl::Seconds(3));
  EXPECT_INVALID_ARGUMENT(SetDefaultTimeout(absl::Seconds(-1)), "timeout");
  EXPECT_INVALID_ARGUMENT(SetDefaultTimeout(absl::InfiniteDuration()),
                          "timeout");
  EXPECT_EQ(GetDefaultTimeout(), Timeout(absl::Seconds(3)));
}

TEST_P(ModesSuite, MODE_06_AcceptedSocketIgnoresTheListenersTimeout) {
  // bpo-7995: a listener in timeout mode must not hand out non-blocking
  // connections when there is no module default.
  ASSERT_OK_AND_ASSIGN(Listening listening, ListenLoopback());
  ASSERT_OK(listening.socket.SetTimeout(kPeerTimeout));
  ASSERT_OK_AND_ASSIGN(Socket client, ConnectClient(listening.address));
  ASSERT_OK_AND_ASSIGN(Accepted accepted, listening.socket.Accept());
  ExpectBlockingMode(accepted.socket);
}

TEST_P(ModesSuite, MODE_06_AcceptedSocketTakesTheDefaultTimeout) {
  ASSERT_OK_AND_ASSIGN(Listening listening, ListenLoopback());
  ASSERT_OK_AND_ASSIGN(Socket client, ConnectClient(listening.address));
  ScopedDefaultTimeout default_timeout(absl::Seconds(6));
  ASSERT_OK_AND_ASSIGN(Accepted accepted, listening.socket.Accept());
  ExpectTimeoutMode(accepted.socket, absl::Seconds(6));
}

TEST_P(ModesSuite, MODE_06_AcceptFromANonBlockingListenerIsBlocking) {
  // ACC-01: BSD and Windows children inherit the listener's non-blocking
  // flag; xsock's accepted socket is blocking everywhere.
  ASSERT_OK_AND_ASSIGN(Listening listening, ListenLoopback());
  ASSERT_OK(listening.socket.SetBlocking(false));
  ASSERT_OK_AND_ASSIGN(Socket client, ConnectClient(listening.address));
  WaitReadable(listening.socket);
  ASSERT_OK_AND_ASSIGN(Accepted accepted, listening.socket.Accept());
  ExpectBlockingMode(accepted.socket);
}

TEST_P(ModesSuite, MODE_07_NonBlockingAcceptWouldBlockAtOnce) {
  ASSERT_OK_AND_ASSIGN(Listening listening, ListenLoopback());
  ASSERT_OK(listening.socket.SetBlocking(false));
  Stopwatch stopwatch;
  absl::StatusOr<Accepted> accepted = listening.socket.Accept();
  EXPECT_LT(stopwatch.Elapsed(), absl::Seconds(1));
  EXPECT_KIND(accepted, ErrorKind::kWouldBlock);
}

TEST_P(ModesSuite, MODE_07_NonBlockingRecvWouldBlock) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.client.SetBlocking(false));
  EXPECT_KIND(c.client.Recv(16), ErrorKind::kWouldBlock);
  std::array<char, 16> buffer{};
  EXPECT_KIND(c.client.RecvInto(absl::MakeSpan(buffer)),
              ErrorKind::kWouldBlock);
  EXPECT_KIND(c.client.RecvFrom(16), ErrorKind::kWouldBlock);
  EXPECT_KIND(c.client.RecvFromInto(absl::MakeSpan(buffer)),
              ErrorKind::kWouldBlock);
  // Data arrives: the same call now succeeds.
  ASSERT_OK(c.server.SendAll(kMsg));
  WaitReadable(c.client);
  ASSERT_OK_AND_ASSIGN(std::string got, c.client.Recv(1024));
  EXPECT_FALSE(got.empty());
}

TEST_P(ModesSuite, MODE_07_NonBlockingSendFillsThenWouldBlock) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK_AND_ASSIGN(size_t filled, FillSendBuffer(c.client));
  EXPECT_GT(filled, 0u);
  EXPECT_KIND(c.client.Send("x"), ErrorKind::kWouldBlock);
  size_t sent = 0;
  EXPECT_KIND(c.client.SendAll(std::string(1024, 'y'), MsgFlags::kNone, &sent),
              ErrorKind::kWouldBlock);
}

TEST_P(ModesSuite, MODE_07_NonBlockingDatagramRecvWouldBlock) {
  ASSERT_OK_AND_ASSIGN(Bound b, BindLoopback(Family::kInet, Type::kDgram));
  ASSERT_OK(b.socket.SetBlocking(false));
  EXPECT_KIND(b.socket.RecvFrom(16), ErrorKind::kWouldBlock);
}

TEST_P(ModesSuite, MODE_07_WouldBlockIsNotATimeout) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.client.SetTimeout(absl::ZeroDuration()));
  absl::Status status = c.client.Recv(16).status();
  EXPECT_KIND(status, ErrorKind::kWouldBlock);
  EXPECT_EQ(GetErrorClass(status), ErrorClass::kOsError);
  EXPECT_NE(GetErrorClass(status), ErrorClass::kTimeout);
}

TEST_P(ModesSuite, MODE_08_NonBlockingSendOfAHugeBufferIsPartial) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.client.SetBlocking(false));
  const std::string huge(64 * 1024 * 1024, 'h');
  ASSERT_OK_AND_ASSIGN(size_t sent, c.client.Send(huge));
  EXPECT_GT(sent, 0u);
  EXPECT_LT(sent, huge.size());
}

TEST_P(ModesSuite, MODE_09_NonBlockingConnectIsInProgress) {
  ASSERT_OK_AND_ASSIGN(Listening listening, ListenLoopback());
  ASSERT_OK_AND_ASSIGN(Socket client, NewSocket(Family::kInet));
  ASSERT_OK(client.SetBlocking(false));
  absl::Status status = client.Connect(listening.address);
  if (!status.ok()) {
    ASSERT_KIND(status, ErrorKind::kInProgress);
    ASSERT_OK_AND_ASSIGN(
        unsigned ready,
        os().Wait(client.Fileno(), platform::kWantWrite,
                  static_cast<int>(absl::ToInt64Milliseconds(kPeerTimeout))));
    ASSERT_NE(ready & platform::kWritable, 0u);
    ASSERT_OK_AND_ASSIGN(int pending, client.GetOption(Option::kError));
    EXPECT_EQ(pending, 0);
  }
  EXPECT_OK(client.GetPeerName());
  // A repeated connect is not how completion is detected; after a
  // non-blocking connect Linux answers the first one with success (ERR-11).
  absl::Status again = client.Connect(listening.address);
  if (!again.ok()) {
    EXPECT_KIND(again, ErrorKind::kAlreadyConnected);
  }
  EXPECT_KIND(client.Connect(listening.address), ErrorKind::kAlreadyConnected);
}

TEST_P(ModesSuite, MODE_10_AcceptTimesOut) {
  ASSERT_OK_AND_ASSIGN(Listening listening, ListenLoopback());
  ASSERT_OK(listening.socket.SetTimeout(kShortTimeout));
  ExpectTimesOut([&] { return listening.socket.Accept().status(); },
                 kShortTimeout);
}

TEST_P(ModesSuite, MODE_11_RecvTimesOut) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.client.SetTimeout(kShortTimeout));
  ExpectTimesOut([&] { return c.client.Recv(16).status(); }, kShortTimeout);
  // The socket is still usable after a timeout.
  ASSERT_OK(c.client.SetTimeout(kPeerTimeout));
  EXPECT_TRUE(Transfers(c.server, c.client, kMsg));
}

TEST_P(ModesSuite, MODE_11_RecvIntoTimesOut) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.client.SetTimeout(kShortTimeout));
  std::array<char, 16> buffer{};
  ExpectTimesOut(
      [&] { return c.client.RecvInto(absl::MakeSpan(buffer)).status(); },
      kShortTimeout);
}

TEST_P(ModesSuite, MODE_11_DatagramRecvFromTimesOut) {
  ASSERT_OK_AND_ASSIGN(Bound b, BindLoopback(Family::kInet, Type::kDgram));
  ASSERT_OK(b.socket.SetTimeout(kShortTimeout));
  ExpectTimesOut([&] { return b.socket.RecvFrom(16).status(); },
                 kShortTimeout);
}

TEST_P(ModesSuite, MODE_11_RecvWithReadyDataReturnsAtOnce) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.server.SendAll(kMsg));
  WaitReadable(c.client);
  ASSERT_OK(c.client.SetTimeout(absl::Seconds(3)));
  Stopwatch stopwatch;
  ASSERT_OK_AND_ASSIGN(std::string got, c.client.Recv(1024));
  EXPECT_LT(stopwatch.Elapsed(), absl::Seconds(1));
  EXPECT_FALSE(got.empty());
}

TEST_P(ModesSuite, MODE_12_SendTimesOutWhenTheBufferStaysFull) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(FillSendBuffer(c.client).status());
  ASSERT_OK(c.client.SetTimeout(kShortTimeout));
  const std::string chunk(64 * 1024, 's');
  ExpectTimesOut([&] { return c.client.Send(chunk).status(); },
                 kShortTimeout);
}

TEST_P(ModesSuite, MODE_12_SendAllTimesOutOnANonReadingPeer) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.client.SetTimeout(kShortTimeout));
  // Far more than loopback socket buffers hold.
  const std::string data(32 * 1024 * 1024, 'a');
  size_t sent = 0;
  ExpectTimesOut(
      [&] { return c.client.SendAll(data, MsgFlags::kNone, &sent); },
      kShortTimeout);
  EXPECT_GT(sent, 0u);
  EXPECT_LT(sent, data.size());
}

TEST_P(ModesSuite, MODE_13_SendAllSpendsOneBudget) {
  // A slow reader frees a little buffer space every few milliseconds, so
  // every individual send makes progress well within the timeout: only a
  // budget for the whole SendAll can expire.
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.server.SetTimeout(absl::Seconds(1)));
  std::atomic<bool> stop{false};
  const absl::Duration timeout = absl::Milliseconds(500);
  const std::string data(64 * 1024 * 1024, 'b');
  size_t sent = 0;
  absl::Status status;
  absl::Duration elapsed;
  {
    ScopedThread reader([&] {
      // Bounded: at most 10000 rounds of about 5 ms.
      for (int i = 0; i < 10000 && !stop.load(); ++i) {
        absl::StatusOr<std::string> chunk = c.server.Recv(16 * 1024);
        if (chunk.ok() && chunk->empty()) return;
        if (!chunk.ok() &&
            GetErrorKind(chunk.status()) != ErrorKind::kTimedOut) {
          return;
        }
        // Pacing, not synchronisation: this throttles the reader to about
        // 3 MB/s; nothing waits for this thread to reach any point.
        absl::SleepFor(absl::Milliseconds(5));
      }
    });
    ASSERT_OK(c.client.SetTimeout(timeout));
    Stopwatch stopwatch;
    status = c.client.SendAll(data, MsgFlags::kNone, &sent);
    elapsed = stopwatch.Elapsed();
    stop.store(true);
  }
  ASSERT_KIND(status, ErrorKind::kTimedOut)
      << "a per-send timeout would let this SendAll run for ~20 s";
  EXPECT_TRUE(WithinTimeoutBounds(elapsed, timeout));
  EXPECT_GT(sent, 0u);
  EXPECT_LT(sent, data.size());
}

TEST_P(ModesSuite, MODE_14_ConnectTimesOutOnAFullBacklog) {
  // Linux drops SYNs while the accept queue is full, so a connect with a
  // timeout times out once the queue (backlog 1: two connections) is full.
  // Each connect is Connected or TimedOut, never anything else.
  ASSERT_OK_AND_ASSIGN(Listening listening,
                       ListenLoopback(Family::kInet, /*backlog=*/1));
  std::vector<Socket> held;
  bool timed_out = false;
  for (int i = 0; i < 64 && !timed_out; ++i) {
    ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet));
    ASSERT_OK(s.SetTimeout(kStormTimeout));
    Stopwatch stopwatch;
    absl::Status status = s.Connect(listening.address);
    const absl::Duration elapsed = stopwatch.Elapsed();
    if (status.ok()) {
      held.push_back(std::move(s));
      continue;
    }
    ASSERT_KIND(status, ErrorKind::kTimedOut) << "connect #" << i;
    EXPECT_TRUE(WithinTimeoutBounds(elapsed, kStormTimeout));
    timed_out = true;
  }
  RecordProperty("connections_before_timeout",
                 static_cast<int>(held.size()));
  EXPECT_TRUE(timed_out) << "64 connects to a listen(1) socket that never "
                            "accepts all succeeded";
}

TEST_P(ModesSuite, MODE_14_ConnectExTimeoutReturnsTheWouldBlockCode) {
  StalledConnect stalled;
  PrepareStalledConnect(os(), kShortTimeout, &stalled);
  if (HasFatalFailure()) return;
  Stopwatch stopwatch;
  ASSERT_OK_AND_ASSIGN(int code,
                       stalled.client.ConnectEx(stalled.listening.address));
  const absl::Duration elapsed = stopwatch.Elapsed();
  EXPECT_EQ(code, os().WouldBlockCode());
  EXPECT_TRUE(WithinTimeoutBounds(elapsed, kShortTimeout));
}

TEST_P(ModesSuite, MODE_14_TimeoutConnectToAClosedPortIsRefusedAtOnce) {
  ASSERT_OK_AND_ASSIGN(Bound closed, ClosedPort());
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet));
  ASSERT_OK(s.SetTimeout(absl::Seconds(4)));
  Stopwatch stopwatch;
  absl::Status status = s.Connect(closed.address);
  EXPECT_LT(stopwatch.Elapsed(), absl::Seconds(1));
  EXPECT_KIND(status, ErrorKind::kConnectionRefused);
}

TEST_P(ModesSuite, MODE_15_RecvTimeoutSurvivesASignalStorm) {
  XSOCK_REQUIRE(kSignals);
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.client.SetTimeout(kStormTimeout));
  ExpectTimesOutDuringStorm([&] { return c.client.Recv(16).status(); });
}

TEST_P(ModesSuite, MODE_15_SendAllTimeoutSurvivesASignalStorm) {
  XSOCK_REQUIRE(kSignals);
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.client.SetTimeout(kStormTimeout));
  const std::string data(32 * 1024 * 1024, 'a');
  size_t sent = 0;
  ExpectTimesOutDuringStorm(
      [&] { return c.client.SendAll(data, MsgFlags::kNone, &sent); });
  EXPECT_LT(sent, data.size());
}

TEST_P(ModesSuite, MODE_15_AcceptTimeoutSurvivesASignalStorm) {
  XSOCK_REQUIRE(kSignals);
  ASSERT_OK_AND_ASSIGN(Listening listening, ListenLoopback());
  ASSERT_OK(listening.socket.SetTimeout(kStormTimeout));
  ExpectTimesOutDuringStorm(
      [&] { return listening.socket.Accept().status(); });
}

TEST_P(ModesSuite, MODE_15_ConnectTimeoutSurvivesASignalStorm) {
  XSOCK_REQUIRE(kSignals);
  StalledConnect stalled;
  PrepareStalledConnect(os(), kStormTimeout, &stalled);
  if (HasFatalFailure()) return;
  ExpectTimesOutDuringStorm(
      [&] { return stalled.client.Connect(stalled.listening.address); });
}

TEST_P(ModesSuite, MODE_16_BlockingRecvSurvivesASignalStorm) {
  XSOCK_REQUIRE(kSignals);
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ExpectBlockingMode(c.client);
  ASSERT_OK(c.server.SetTimeout(kPeerTimeout));
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<SignalStorm> storm,
                       SignalStorm::Start());
  absl::StatusOr<std::string> got;
  int delivered = 0;
  {
    // The peer sends only after the storm has been running for a while, so
    // the blocking recv is interrupted many times before data arrives. If
    // the peer fails, closing its socket ends the recv (EOF), never a hang.
    ScopedThread peer([&] {
      EXPECT_TRUE(storm->WaitForSignals(25, kPeerTimeout));
      EXPECT_OK(c.server.SendAll(kMsg));
    });
    got = c.client.Recv(1024);
    delivered = storm->Delivered();
  }
  storm.reset();
  ASSERT_OK(got) << "a blocking recv must retry EINTR, never fail with it";
  EXPECT_EQ(*got, kMsg.substr(0, got->size()));
  EXPECT_FALSE(got->empty());
  EXPECT_GE(delivered, 25);
}

TEST_P(ModesSuite, MODE_16_BlockingAcceptSurvivesASignalStorm) {
  XSOCK_REQUIRE(kSignals);
  ASSERT_OK_AND_ASSIGN(Listening listening, ListenLoopback());
  ExpectBlockingMode(listening.socket);
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<SignalStorm> storm,
                       SignalStorm::Start());
  absl::StatusOr<Accepted> accepted;
  {
    ScopedThread peer([&] {
      EXPECT_TRUE(storm->WaitForSignals(25, kPeerTimeout));
      // Retry until connected (bounded) so the blocking accept always ends.
      for (int i = 0; i < 100; ++i) {
        absl::StatusOr<Socket> client =
            Socket::Create(Family::kInet, Type::kStream, 0, os());
        if (!client.ok()) continue;
        if (!client->SetTimeout(kPeerTimeout).ok()) continue;
        if (client->Connect(listening.address).ok()) return;
      }
      ADD_FAILURE() << "the peer could not connect";
    });
    accepted = listening.socket.Accept();
  }
  storm.reset();
  ASSERT_OK(accepted) << "a blocking accept must retry EINTR";
}

TEST_P(ModesSuite, MODE_17_RecvZeroMakesNoSystemCall) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  // Non-blocking with nothing queued: recv() would fail with would-block.
  ASSERT_OK(c.client.SetBlocking(false));
  ASSERT_OK_AND_ASSIGN(std::string got, c.client.Recv(0));
  EXPECT_EQ(got, "");
  // Timeout mode with nothing queued: a wait would take the full timeout.
  ASSERT_OK(c.client.SetTimeout(absl::Seconds(3)));
  Stopwatch stopwatch;
  ASSERT_OK_AND_ASSIGN(got, c.client.Recv(0));
  EXPECT_EQ(got, "");
  EXPECT_LT(stopwatch.Elapsed(), absl::Seconds(1));
}

TEST_P(ModesSuite, MODE_17_RecvZeroWhereTheOsWouldFail) {
  // Linux answers recv(fd, buf, 0) on a connected TCP socket with 0, so the
  // missing system call shows only where the OS would fail it: a datagram
  // socket with nothing queued (EAGAIN) and a listening socket (ENOTCONN).
  ASSERT_OK_AND_ASSIGN(Bound d, BindLoopback(Family::kInet, Type::kDgram));
  ASSERT_OK(d.socket.SetBlocking(false));
  ASSERT_OK_AND_ASSIGN(std::string got, d.socket.Recv(0));
  EXPECT_EQ(got, "");
  std::array<char, 0> empty{};
  ASSERT_OK_AND_ASSIGN(size_t n, d.socket.RecvInto(absl::MakeSpan(empty)));
  EXPECT_EQ(n, 0u);
  ASSERT_OK_AND_ASSIGN(Listening listening, ListenLoopback());
  ASSERT_OK_AND_ASSIGN(got, listening.socket.Recv(0));
  EXPECT_EQ(got, "");
}

TEST_P(ModesSuite, MODE_17_RecvIntoAnEmptyBufferMakesNoSystemCall) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.client.SetBlocking(false));
  std::array<char, 0> empty{};
  ASSERT_OK_AND_ASSIGN(size_t n, c.client.RecvInto(absl::MakeSpan(empty)));
  EXPECT_EQ(n, 0u);
  ASSERT_OK(c.client.SetTimeout(absl::Seconds(3)));
  Stopwatch stopwatch;
  ASSERT_OK_AND_ASSIGN(n, c.client.RecvInto(absl::MakeSpan(empty)));
  EXPECT_EQ(n, 0u);
  EXPECT_LT(stopwatch.Elapsed(), absl::Seconds(1));
}

TEST_P(ModesSuite, MODE_18_HugeTimeoutsWork) {
  // gh-126876: INT_MAX + 1 seconds must not overflow the poll timeout.
  const absl::Duration huge =
      absl::Seconds(int64_t{std::numeric_limits<int32_t>::max()} + 1);
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.client.SetTimeout(huge));
  EXPECT_EQ(c.client.GetTimeout(), Timeout(huge));
  EXPECT_TRUE(Transfers(c.server, c.client, kMsg));
  ASSERT_OK(c.server.SetTimeout(kPeerTimeout));
  EXPECT_TRUE(Transfers(c.client, c.server, kMsg));
}

}  // namespace
}  // namespace conformance
}  // namespace xsock
