// platform/windows/winsock_lifetime_test.cc: the Winsock reference count
// (winsock_lifetime.h), built for Windows and run under wine by
// `bazel test //...`.
//
// The binary never creates the process-wide WindowsOs, so every test starts
// with no reference held and Winsock stopped, and each one returns to that
// state. Whether Winsock is started is read from Winsock itself: socket()
// fails with WSANOTINITIALISED while it is not, and a direct WSACleanup
// without a matching WSAStartup fails the same way once Winsock's own count
// is zero, which shows that the lifetime made exactly one WSAStartup and one
// WSACleanup.

#include "platform/windows/winsock_lifetime.h"

#include <atomic>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "gtest/gtest.h"
#include "platform/os.h"
#include "platform/windows/windows_os.h"
#include "platform/windows/winsock.h"

namespace xsock {
namespace platform {
namespace {

int RefCount() { return WinsockLifetime::RefCountForTesting(); }

// SocketError creates and closes a TCP socket with plain Winsock calls and
// returns 0, or the WSA code socket() failed with.
int SocketError() {
  SOCKET s = ::socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
  if (s == INVALID_SOCKET) return ::WSAGetLastError();
  ::closesocket(s);
  return 0;
}

// WinsockCountIsZero is whether Winsock's own reference count is zero: a
// direct WSACleanup then fails with WSANOTINITIALISED (and changes nothing).
bool WinsockCountIsZero() {
  return ::WSACleanup() == SOCKET_ERROR &&
         ::WSAGetLastError() == WSANOTINITIALISED;
}

class WinsockLifetimeTest : public testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(RefCount(), 0) << "a test before this one kept a reference";
  }
  void TearDown() override {
    EXPECT_EQ(RefCount(), 0) << "the test kept a reference";
  }
};

TEST_F(WinsockLifetimeTest, WithoutAReferenceWinsockIsNotStarted) {
  EXPECT_EQ(SocketError(), WSANOTINITIALISED);
  EXPECT_TRUE(WinsockCountIsZero());
}

TEST_F(WinsockLifetimeTest, AScopeStartsWinsockAndItsReleaseStopsIt) {
  {
    WinsockScope scope;
    EXPECT_TRUE(scope.held());
    EXPECT_EQ(scope.error(), 0);
    EXPECT_TRUE(scope.status().ok()) << scope.status();
    EXPECT_EQ(RefCount(), 1);
    EXPECT_EQ(SocketError(), 0);
  }
  EXPECT_EQ(RefCount(), 0);
  EXPECT_EQ(SocketError(), WSANOTINITIALISED);
  EXPECT_TRUE(WinsockCountIsZero()) << "WSACleanup was not called";
}

TEST_F(WinsockLifetimeTest, NestedScopesKeepWinsockStartedWhileAnyLives) {
  std::optional<WinsockScope> outer;
  std::optional<WinsockScope> inner;
  outer.emplace();
  EXPECT_EQ(RefCount(), 1);
  inner.emplace();
  EXPECT_EQ(RefCount(), 2);
  EXPECT_EQ(inner->error(), 0);
  EXPECT_EQ(SocketError(), 0);

  // Released out of order: the outer scope first.
  outer.reset();
  EXPECT_EQ(RefCount(), 1);
  EXPECT_EQ(SocketError(), 0) << "Winsock stopped while a scope lives";

  inner.reset();
  EXPECT_EQ(RefCount(), 0);
  EXPECT_EQ(SocketError(), WSANOTINITIALISED);
}

TEST_F(WinsockLifetimeTest,
       OnlyTheFirstAcquisitionAndTheLastReleaseCallWinsock) {
  std::optional<WinsockScope> first;
  std::optional<WinsockScope> second;
  first.emplace();
  second.emplace();
  ASSERT_EQ(RefCount(), 2);

  // One direct WSACleanup stops Winsock: the two scopes made one WSAStartup.
  ASSERT_EQ(::WSACleanup(), 0);
  EXPECT_EQ(SocketError(), WSANOTINITIALISED)
      << "the second acquisition called WSAStartup again";
  WSADATA data;
  ASSERT_EQ(::WSAStartup(MAKEWORD(2, 2), &data), 0);  // give it back

  // Releasing a reference that is not the last calls no WSACleanup.
  first.reset();
  EXPECT_EQ(RefCount(), 1);
  EXPECT_EQ(SocketError(), 0) << "a release that is not the last stopped it";

  second.reset();
  EXPECT_EQ(RefCount(), 0);
  EXPECT_TRUE(WinsockCountIsZero()) << "the last release made no WSACleanup";
}

TEST_F(WinsockLifetimeTest, AcquireAndReleaseMoveTheCountUpAndDown) {
  EXPECT_EQ(WinsockLifetime::Acquire(), 0);
  EXPECT_EQ(RefCount(), 1);
  EXPECT_EQ(WinsockLifetime::Acquire(), 0);
  EXPECT_EQ(RefCount(), 2);
  EXPECT_EQ(WinsockLifetime::Acquire(), 0);
  EXPECT_EQ(RefCount(), 3);
  EXPECT_TRUE(WinsockLifetime::Release());
  EXPECT_EQ(RefCount(), 2);
  EXPECT_TRUE(WinsockLifetime::Release());
  EXPECT_EQ(RefCount(), 1);
  EXPECT_EQ(SocketError(), 0);
  EXPECT_TRUE(WinsockLifetime::Release());
  EXPECT_EQ(RefCount(), 0);
  EXPECT_EQ(SocketError(), WSANOTINITIALISED);
}

TEST_F(WinsockLifetimeTest, ReleaseWithoutAcquireIsIgnored) {
  EXPECT_FALSE(WinsockLifetime::Release());
  EXPECT_FALSE(WinsockLifetime::Release());
  EXPECT_EQ(RefCount(), 0);
  EXPECT_TRUE(WinsockCountIsZero()) << "an ignored release called WSACleanup";

  // The count is intact: the next acquisition starts Winsock as usual.
  {
    WinsockScope scope;
    EXPECT_EQ(RefCount(), 1);
    EXPECT_EQ(scope.error(), 0);
    EXPECT_EQ(SocketError(), 0);
  }
  EXPECT_EQ(RefCount(), 0);
  EXPECT_FALSE(WinsockLifetime::Release());
  EXPECT_EQ(RefCount(), 0);
}

TEST_F(WinsockLifetimeTest, AMovedFromScopeDoesNotReleaseTwice) {
  {
    WinsockScope a;
    EXPECT_EQ(RefCount(), 1);
    WinsockScope b(std::move(a));
    EXPECT_EQ(RefCount(), 1) << "a move takes no reference";
    EXPECT_FALSE(a.held());  // NOLINT(bugprone-use-after-move)
    EXPECT_EQ(a.error(), WSANOTINITIALISED);
    EXPECT_FALSE(a.status().ok());
    EXPECT_TRUE(b.held());
    EXPECT_EQ(b.error(), 0);
    {
      WinsockScope c(std::move(b));
      EXPECT_EQ(RefCount(), 1);
    }
    // c released the one reference; a and b must not release it again.
    EXPECT_EQ(RefCount(), 0);
    EXPECT_EQ(SocketError(), WSANOTINITIALISED);
  }
  EXPECT_EQ(RefCount(), 0);
  EXPECT_TRUE(WinsockCountIsZero());
}

TEST_F(WinsockLifetimeTest, MoveAssignmentReleasesTheTargetsReference) {
  {
    WinsockScope x;
    WinsockScope y;
    EXPECT_EQ(RefCount(), 2);
    x = std::move(y);
    EXPECT_EQ(RefCount(), 1) << "x's own reference was released";
    EXPECT_TRUE(x.held());
    EXPECT_FALSE(y.held());  // NOLINT(bugprone-use-after-move)
    EXPECT_EQ(SocketError(), 0);

    // Assigning a moved-from scope releases the target and takes nothing.
    x = std::move(y);
    EXPECT_FALSE(x.held());
    EXPECT_EQ(RefCount(), 0);
    EXPECT_EQ(SocketError(), WSANOTINITIALISED);
  }
  EXPECT_EQ(RefCount(), 0);
}

TEST_F(WinsockLifetimeTest, ConcurrentScopesAlwaysSeeWinsockStarted) {
  // The count goes 0 -> 1 -> 0 over and over from several threads; every
  // thread holding a scope must be able to create a socket, i.e. no
  // acquisition returns before WSAStartup or overlaps the last WSACleanup.
  constexpr int kThreads = 4;
  constexpr int kRounds = 100;
  std::atomic<int> failures{0};
  std::atomic<int> first_failure{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kRounds; ++i) {
        WinsockScope scope;
        int err = scope.error();
        if (err == 0) err = SocketError();
        if (err != 0) {
          int expected = 0;
          first_failure.compare_exchange_strong(expected, err);
          failures.fetch_add(1);
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0) << "first WSA error " << first_failure.load();
  EXPECT_EQ(RefCount(), 0);
  EXPECT_TRUE(WinsockCountIsZero());
}

TEST_F(WinsockLifetimeTest, AWindowsOsHoldsOneReferenceWhileItLives) {
  {
    WindowsOs os;
    EXPECT_EQ(RefCount(), 1);
    absl::StatusOr<NativeHandle> h =
        os.Socket(Family::kInet, Type::kStream, 0, CreateOptions{});
    ASSERT_TRUE(h.ok()) << h.status();
    EXPECT_TRUE(os.Close(*h).ok());
    {
      WinsockScope scope;
      EXPECT_EQ(RefCount(), 2);
    }
    EXPECT_EQ(RefCount(), 1);
    EXPECT_EQ(SocketError(), 0) << "the WindowsOs keeps Winsock started";
  }
  EXPECT_EQ(RefCount(), 0);
  EXPECT_EQ(SocketError(), WSANOTINITIALISED);
  EXPECT_TRUE(WinsockCountIsZero());
}

}  // namespace
}  // namespace platform
}  // namespace xsock
