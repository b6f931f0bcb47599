// conformance/harness.h
//
// The conformance harness: what every behaviour suite (conformance/suites/)
// is built from.
//   - Backend, the value every suite is parameterized over: a name and the
//     platform::Os to run against. One cc_test per backend instantiates the
//     suites (conformance/all_suites.h).
//   - ConformanceTest, the fixture base of every suite. SetUp consults the
//     deviation registry (conformance/deviations.h) with the test's name
//     (its behaviour ID) and skips a deviation that always applies with its
//     reason; conditional ones (under wine) are consulted by the test where
//     the behaviour diverges (XSOCK_SKIP_IF_DEVIATION, XSOCK_REQUIRE). SetUp
//     also records the open handle count, which TearDown checks again, so
//     every test is also a descriptor-leak test (backends without
//     Capability::kHandleCount skip that check).
//   - Helpers: loopback listeners on port 0, connected pairs, a bound but
//     non-listening ("closed") port, short temporary directories for AF_UNIX
//     paths, threads that are always joined, and status assertions that
//     compare portable ErrorKinds and print the whole status on failure.
//
// Rules the helpers enforce: loopback only (127.0.0.1, ::1, AF_UNIX paths in
// a private temporary directory), port 0 read back with GetSockName, and
// every wait bounded (peer sockets get kPeerTimeout).
//
// Thread safety: a fixture is used by the test's own thread; ScopedThread
// bodies must only use sockets handed to them.

#ifndef XSOCK_CONFORMANCE_HARNESS_H_
#define XSOCK_CONFORMANCE_HARNESS_H_

#include <chrono>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "core/address.h"
#include "core/error.h"
#include "core/types.h"
#include "gtest/gtest.h"
#include "platform/os.h"
#include "xsock/socket.h"

namespace xsock {
namespace conformance {

// Backend is the parameter of every suite: the backend's name (the same as
// os->Name(), used in test names and in the deviation registry) and the
// backend itself.
struct Backend {
  std::string name;
  const platform::Os* os = nullptr;
};

// PrintTo prints a Backend as its name (for gtest messages).
void PrintTo(const Backend& backend, std::ostream* out);

// BackendName is the test-name generator of INSTANTIATE_TEST_SUITE_P: the
// parameter suffix of every test is the backend's name.
std::string BackendName(const testing::TestParamInfo<Backend>& info);

// kPeerTimeout bounds every wait of a helper or peer thread: long enough to
// never fire on a healthy machine, short enough that a broken backend fails
// a test instead of hanging the binary.
inline constexpr absl::Duration kPeerTimeout = absl::Seconds(10);

// kMsg is CPython's test message (28 bytes of UTF-8, including a non-ASCII
// character and CRLF).
inline constexpr std::string_view kMsg =
    "Michael Gilfix was here\xe1\x88\xb4\r\n";

// Loopback returns the loopback address of `family` (127.0.0.1 or ::1) with
// `port`.
SocketAddress Loopback(Family family, uint16_t port = 0);

// Unspecified returns 0.0.0.0 or :: with `port`.
SocketAddress Unspecified(Family family, uint16_t port = 0);

// HasKind is the predicate behind ASSERT_KIND / EXPECT_KIND: success when
// GetErrorKind(status) == kind; the failure message names both kinds and
// prints the status.
testing::AssertionResult HasKind(const absl::Status& status, ErrorKind kind);
template <typename T>
testing::AssertionResult HasKind(const absl::StatusOr<T>& result,
                                 ErrorKind kind) {
  return HasKind(result.status(), kind);
}

// NamesArgument is the predicate behind ASSERT_INVALID_ARGUMENT: the status
// is kInvalidArgument and its message names `argument` ("<call>: <argument>:
// <what>", core/error.h InvalidArgument).
testing::AssertionResult NamesArgument(const absl::Status& status,
                                       std::string_view argument);
template <typename T>
testing::AssertionResult NamesArgument(const absl::StatusOr<T>& result,
                                       std::string_view argument) {
  return NamesArgument(result.status(), argument);
}

// MessageHas checks that a failed status's message contains `text`.
testing::AssertionResult MessageHas(const absl::Status& status,
                                    std::string_view text);

// IsOk is the predicate behind ASSERT_OK / EXPECT_OK.
testing::AssertionResult IsOk(const absl::Status& status);
template <typename T>
testing::AssertionResult IsOk(const absl::StatusOr<T>& result) {
  return IsOk(result.status());
}

// Stopwatch measures elapsed monotonic time (for timeout bounds only).
class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  absl::Duration Elapsed() const {
    return absl::FromChrono(std::chrono::steady_clock::now() - start_);
  }

 private:
  std::chrono::steady_clock::time_point start_;
};

// kTimeoutUpperBound is the generous upper bound for every timeout a test
// sets itself (the timeouts are 0.2-0.5 s).
inline constexpr absl::Duration kTimeoutUpperBound = absl::Seconds(5);

// WithinTimeoutBounds checks how long a call that failed with kTimedOut
// took, given the timeout it was given: at least 3/4 of it (the deadline
// never ends early; 3/4 allows for the clocks' granularity) and less than
// kTimeoutUpperBound.
testing::AssertionResult WithinTimeoutBounds(absl::Duration elapsed,
                                             absl::Duration timeout);

// ScopedThread runs `body` on a new thread and joins it in its destructor
// (or in Join), so a failing assertion never leaves a thread running past
// the test. The thread blocks the signal-storm signal first, so storms are
// delivered to the test's own thread.
class ScopedThread {
 public:
  explicit ScopedThread(std::function<void()> body);
  ~ScopedThread();
  ScopedThread(const ScopedThread&) = delete;
  ScopedThread& operator=(const ScopedThread&) = delete;
  void Join();

 private:
  std::thread thread_;
};

// ScopedDefaultTimeout sets the module default timeout and restores the
// previous one when it goes out of scope.
class ScopedDefaultTimeout {
 public:
  explicit ScopedDefaultTimeout(Timeout timeout);
  ~ScopedDefaultTimeout();
  ScopedDefaultTimeout(const ScopedDefaultTimeout&) = delete;
  ScopedDefaultTimeout& operator=(const ScopedDefaultTimeout&) = delete;

 private:
  Timeout previous_;
};

// Listening is a listening socket and the address to connect to.
struct Listening {
  Socket socket;
  SocketAddress address;
};

// ListenLoopbackOn returns a TCP listener of backend `os` on the loopback
// address of `family`, port 0, with `backlog`, and the port it got (for
// helpers outside the fixture; tests call ConformanceTest::ListenLoopback).
absl::StatusOr<Listening> ListenLoopbackOn(const platform::Os& os,
                                           Family family, int backlog);

// Connection is a connected TCP (or AF_UNIX) pair: the connecting side and
// the accepted side. Both are in blocking mode.
struct Connection {
  Socket client;
  Socket server;
};

// Bound is a socket bound to a loopback address, and that address.
struct Bound {
  Socket socket;
  SocketAddress address;
};

// ConformanceTest is the fixture every suite derives from; see the file
// comment.
class ConformanceTest : public testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  void TearDown() override;

  const platform::Os& os() const { return *GetParam().os; }
  const std::string& backend_name() const { return GetParam().name; }
  bool Supports(platform::Capability c) const { return os().Supports(c); }

  // NewSocket creates a socket on this backend.
  absl::StatusOr<Socket> NewSocket(Family family, Type type = Type::kStream);

  // ListenLoopback returns a TCP listener on the loopback address of
  // `family`, port 0, with `backlog` (ListenLoopbackOn on this backend).
  absl::StatusOr<Listening> ListenLoopback(Family family = Family::kInet,
                                           int backlog = kDefaultBacklog);

  // BindLoopback returns a socket of `type` bound to loopback port 0.
  absl::StatusOr<Bound> BindLoopback(Family family, Type type);

  // ClosedPort returns a TCP socket bound to a loopback port without
  // listening (kept open so the port stays ours: connects to it are refused
  // without racing another process for the port; platform-quirks note 5).
  absl::StatusOr<Bound> ClosedPort(Family family = Family::kInet);

  // ConnectClient returns a new socket of `address`'s family connected to
  // `address` (with a bounded wait), back in blocking mode; nothing is
  // accepted.
  absl::StatusOr<Socket> ConnectClient(const SocketAddress& address);

  // Connect returns a connected TCP pair over the loopback of `family`.
  absl::StatusOr<Connection> Connect(Family family = Family::kInet);

  // ConnectTo connects a new socket of the listener's family to `listening`
  // and accepts it.
  absl::StatusOr<Connection> ConnectTo(Listening& listening);

  // TempDir returns a private, short temporary directory for AF_UNIX paths
  // (created on first use, removed with everything in it by TearDown): a
  // fresh directory under the first of TEST_TMPDIR, the system temporary
  // directory and a last resort (the root of that directory's drive on
  // Windows, /tmp elsewhere) whose path is short enough to leave room in
  // sun_path (104 bytes on BSD, 108 on Linux and Windows).
  std::string TempDir();

  // UnixPath returns TempDir() joined with `name` by the native separator.
  std::string UnixPath(std::string_view name);

  // MissingCapability returns the skip reason when the backend lacks `c`,
  // nullopt when it has it (see XSOCK_REQUIRE). When a conditional
  // deviation is registered for this test and applies (DeviationHere), the
  // reason is the deviation's: the capability is missing only because of,
  // for instance, wine.
  std::optional<std::string> MissingCapability(platform::Capability c) const;

  // DeviationHere returns the skip message of the conditional deviation
  // (When::kUnderWine, conformance/deviations.h) registered for this
  // backend and this test, when it applies: the process runs under wine.
  // nullopt otherwise. Tests call it through XSOCK_SKIP_IF_DEVIATION at the
  // point where the behaviour diverges.
  std::optional<std::string> DeviationHere() const;

 private:
  std::optional<int> handles_at_setup_;
  std::string temp_dir_;
};

// HostOs is the operating system a test binary was built for, for the few
// expectations that depend on the system's own databases rather than on
// the backend (e.g. which services /etc/services lists).
enum class HostOs { kLinux, kWindows, kOther };

// BuildHostOs returns the HostOs of this build.
HostOs BuildHostOs();

// CapabilityName returns "kIpv6", "kUnixSockets", ...
std::string_view CapabilityName(platform::Capability c);

// ReadExactly reads exactly `n` bytes from `socket` (looping over short
// reads, bounded by the socket's own mode); an early end of stream is an
// error.
absl::StatusOr<std::string> ReadExactly(Socket& socket, size_t n);

// ReadToEof reads until end of stream, at most `limit` bytes.
absl::StatusOr<std::string> ReadToEof(Socket& socket, size_t limit);

// Transfers sends `data` with SendAll on `from` and reads as many bytes on
// `to` (in `to`'s mode); success when they arrive unchanged.
testing::AssertionResult Transfers(Socket& from, Socket& to,
                                   std::string_view data);

// FillSendBuffer makes `socket` non-blocking and sends until the OS reports
// kWouldBlock (bounded); returns the bytes sent. The socket is left
// non-blocking.
absl::StatusOr<size_t> FillSendBuffer(Socket& socket);

// Pattern returns `n` bytes of a position-dependent pattern, so a lost,
// reordered or duplicated chunk changes the content.
std::string Pattern(size_t n);

}  // namespace conformance
}  // namespace xsock

// ASSERT_KIND / EXPECT_KIND compare the portable ErrorKind of a Status or
// StatusOr with `kind` (an ErrorKind enumerator) and print the status.
#define ASSERT_KIND(status, kind) \
  ASSERT_TRUE(::xsock::conformance::HasKind((status), (kind)))
#define EXPECT_KIND(status, kind) \
  EXPECT_TRUE(::xsock::conformance::HasKind((status), (kind)))

// ASSERT_INVALID_ARGUMENT / EXPECT_INVALID_ARGUMENT check for
// kInvalidArgument with a message naming `argument`.
#define ASSERT_INVALID_ARGUMENT(status, argument) \
  ASSERT_TRUE(::xsock::conformance::NamesArgument((status), (argument)))
#define EXPECT_INVALID_ARGUMENT(status, argument) \
  EXPECT_TRUE(::xsock::conformance::NamesArgument((status), (argument)))

#ifndef ASSERT_OK
#define ASSERT_OK(expr) ASSERT_TRUE(::xsock::conformance::IsOk((expr)))
#endif
#ifndef EXPECT_OK
#define EXPECT_OK(expr) EXPECT_TRUE(::xsock::conformance::IsOk((expr)))
#endif

#define XSOCK_CONFORMANCE_CONCAT_INNER(a, b) a##b
#define XSOCK_CONFORMANCE_CONCAT(a, b) XSOCK_CONFORMANCE_CONCAT_INNER(a, b)

// ASSERT_OK_AND_ASSIGN(lhs, rexpr) evaluates the StatusOr `rexpr`, fails the
// test (returning from the function) if it is an error, and otherwise moves
// its value into `lhs` (which may be a declaration: `auto s`).
#define ASSERT_OK_AND_ASSIGN(lhs, rexpr)                                   \
  XSOCK_CONFORMANCE_ASSIGN_IMPL(                                           \
      XSOCK_CONFORMANCE_CONCAT(xsock_statusor_, __LINE__), lhs, rexpr)
#define XSOCK_CONFORMANCE_ASSIGN_IMPL(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                                  \
  ASSERT_TRUE(::xsock::conformance::IsOk(tmp));        \
  lhs = std::move(tmp).value()

// XSOCK_REQUIRE(capability) skips the test with the reason when the backend
// lacks platform::Capability::capability.
#define XSOCK_REQUIRE(capability)                                          \
  do {                                                                     \
    if (auto xsock_missing = MissingCapability(                            \
            ::xsock::platform::Capability::capability)) {                  \
      GTEST_SKIP() << *xsock_missing;                                      \
    }                                                                      \
  } while (0)

// XSOCK_SKIP_IF_DEVIATION(diverged) marks the point of a test where a
// registered conditional deviation (conformance/deviations.h, e.g. a
// Winsock feature wine lacks) shows: when `diverged` is true and a deviation
// registered for this backend and test applies here (DeviationHere), the
// test is skipped with the registered reason. Otherwise it does nothing and
// the assertions that follow judge the answer as usual — on Windows itself,
// and wherever the answer did not diverge, the test goes on.
#define XSOCK_SKIP_IF_DEVIATION(diverged)                                  \
  do {                                                                     \
    if (diverged) {                                                        \
      if (auto xsock_deviation = DeviationHere()) {                        \
        GTEST_SKIP() << *xsock_deviation;                                  \
      }                                                                    \
    }                                                                      \
  } while (0)

#endif  // XSOCK_CONFORMANCE_HARNESS_H_
