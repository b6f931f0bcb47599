// api/socket_test.cc: the logic of api/ proven against a fake platform::Os:
// the central I/O loop (EINTR, spurious readiness, one deadline per call),
// connect's single attempt, sendall's single budget, zero-length receives,
// close semantics, argument validation and the socketpair fallback. Real-OS
// behaviour is tested by the conformance suite.
//
// The fake never sleeps to synchronise; where it stands for a blocking wait
// it sleeps at most a few milliseconds (bounded by the timeout it was given),
// and timing assertions are generous bounds on timeouts the tests set.

#include "xsock/socket.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <new>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "core/address.h"
#include "core/error.h"
#include "gtest/gtest.h"
#include "platform/os.h"

// --- allocation counting
// ------------------------------------------------------ Replaces the global
// operator new/delete so a test can count the heap allocations made by one
// thread between two points.

namespace {
thread_local bool t_counting = false;
thread_local int t_allocations = 0;
}  // namespace

void* operator new(std::size_t n) {
  if (t_counting) ++t_allocations;
  if (n == 0) n = 1;
  if (void* p = std::malloc(n)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return operator new(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace xsock {
namespace {

using platform::NativeHandle;
using Clock = std::chrono::steady_clock;

// Native codes the fake speaks (Linux values, for readability).
constexpr int kEagain = 11;
constexpr int kEconnreset = 104;
constexpr int kEisconn = 106;
constexpr int kEconnrefused = 111;
constexpr int kEinprogress = 115;

class AllocationCounter {
 public:
  AllocationCounter() {
    t_allocations = 0;
    t_counting = true;
  }
  ~AllocationCounter() { t_counting = false; }
  int count() const { return t_allocations; }
};

// FakeOs is a scripted platform::Os: tests set the hooks of the calls they
// drive, and read the counters. Calls without a hook succeed trivially.
class FakeOs : public platform::Os {
 public:
  // Hooks.
  std::function<absl::StatusOr<size_t>(const void*, size_t)> send;
  std::function<absl::StatusOr<size_t>(void*, size_t)> recv;
  std::function<absl::StatusOr<size_t>(void*, size_t, SocketAddress*)> recvfrom;
  std::function<absl::StatusOr<unsigned>(unsigned, int)> wait;
  std::function<absl::Status(NativeHandle)> connect;
  std::function<absl::StatusOr<int>()> pending_error;
  std::function<absl::StatusOr<NativeHandle>(SocketAddress*)> accept;
  std::function<absl::Status(NativeHandle)> close;
  std::function<absl::StatusOr<SocketAddress>(NativeHandle)> sockname;
  std::function<absl::StatusOr<SocketAddress>(NativeHandle)> peername;

  // Configuration.
  bool native_socketpair = true;
  bool unix_sockets = true;
  size_t unix_path_max = 108;

  // Counters (atomic: some tests call from two threads).
  mutable std::atomic<int> calls{0};  // every handle-touching call
  mutable std::atomic<int> send_calls{0};
  mutable std::atomic<int> recv_calls{0};
  mutable std::atomic<int> wait_calls{0};
  mutable std::atomic<int> connect_calls{0};
  mutable std::atomic<int> pending_calls{0};
  mutable std::atomic<int> first_wait_ms{-2};
  mutable std::atomic<int> last_wait_ms{-2};
  mutable std::atomic<unsigned> last_interest{0};
  mutable std::vector<std::pair<NativeHandle, bool>> nonblocking_calls;
  mutable std::vector<NativeHandle> closed;
  mutable std::vector<platform::CreateOptions> creates;
  mutable std::vector<Family> socketpair_families;
  mutable NativeHandle next_handle = 100;

  std::string_view Name() const override { return "fake"; }
  bool Supports(platform::Capability c) const override {
    switch (c) {
      case platform::Capability::kNativeSocketPair:
        return native_socketpair;
      case platform::Capability::kUnixSockets:
        return unix_sockets;
      default:
        return true;
    }
  }
  size_t UnixPathMax() const override { return unix_path_max; }

  ErrorKind KindOfNative(int code) const override {
    switch (code) {
      case kEagain:
        return ErrorKind::kWouldBlock;
      case kEconnreset:
        return ErrorKind::kConnectionReset;
      case kEisconn:
        return ErrorKind::kAlreadyConnected;
      case kEconnrefused:
        return ErrorKind::kConnectionRefused;
      case kEinprogress:
        return ErrorKind::kInProgress;
      default:
        return ErrorKind::kUnknown;
    }
  }
  absl::Status ErrorFromNative(int code, std::string_view call) const override {
    return MakeError(KindOfNative(code), call, code, "errno");
  }
  int WouldBlockCode() const override { return kEagain; }

  absl::StatusOr<NativeHandle> Socket(
      Family, Type, int, platform::CreateOptions o) const override {
    ++calls;
    creates.push_back(o);
    return next_handle++;
  }
  absl::StatusOr<std::array<NativeHandle, 2>> SocketPair(
      Family family, Type, int, platform::CreateOptions o) const override {
    ++calls;
    creates.push_back(o);
    socketpair_families.push_back(family);
    NativeHandle a = next_handle++;
    NativeHandle b = next_handle++;
    return std::array<NativeHandle, 2>{a, b};
  }
  absl::Status Close(NativeHandle h) const override {
    ++calls;
    closed.push_back(h);
    return close ? close(h) : absl::OkStatus();
  }
  absl::StatusOr<NativeHandle> Dup(NativeHandle) const override {
    ++calls;
    return next_handle++;
  }
  absl::StatusOr<platform::HandleInfo> Describe(NativeHandle) const override {
    ++calls;
    platform::HandleInfo info;
    info.family = Family::kInet6;
    info.type = Type::kDgram;
    info.proto = 17;
    return info;
  }
  absl::Status Bind(NativeHandle, const SocketAddress&) const override {
    ++calls;
    return absl::OkStatus();
  }
  absl::Status Listen(NativeHandle, int) const override {
    ++calls;
    return absl::OkStatus();
  }
  absl::StatusOr<NativeHandle> Accept(NativeHandle,
                                      SocketAddress* peer) const override {
    ++calls;
    if (accept) return accept(peer);
    return next_handle++;
  }
  absl::Status Connect(NativeHandle h, const SocketAddress&) const override {
    ++calls;
    ++connect_calls;
    return connect ? connect(h) : absl::OkStatus();
  }
  absl::StatusOr<int> PendingError(NativeHandle) const override {
    ++calls;
    ++pending_calls;
    return pending_error ? pending_error() : absl::StatusOr<int>(0);
  }
  absl::StatusOr<SocketAddress> GetSockName(NativeHandle h) const override {
    ++calls;
    return sockname ? sockname(h) : absl::StatusOr<SocketAddress>();
  }
  absl::StatusOr<SocketAddress> GetPeerName(NativeHandle h) const override {
    ++calls;
    return peername ? peername(h) : absl::StatusOr<SocketAddress>();
  }
  absl::Status Shutdown(NativeHandle, ShutdownHow) const override {
    ++calls;
    return absl::OkStatus();
  }
  absl::StatusOr<size_t> Send(NativeHandle, const void* data, size_t len,
                              MsgFlags) const override {
    ++calls;
    ++send_calls;
    return send ? send(data, len) : absl::StatusOr<size_t>(len);
  }
  absl::StatusOr<size_t> SendTo(NativeHandle, const void* data, size_t len,
                                MsgFlags, const SocketAddress&) const override {
    ++calls;
    ++send_calls;
    return send ? send(data, len) : absl::StatusOr<size_t>(len);
  }
  absl::StatusOr<size_t> Recv(NativeHandle, void* buf, size_t len,
                              MsgFlags) const override {
    ++calls;
    ++recv_calls;
    return recv ? recv(buf, len) : absl::StatusOr<size_t>(0);
  }
  absl::StatusOr<size_t> RecvFrom(NativeHandle, void* buf, size_t len, MsgFlags,
                                  SocketAddress* from) const override {
    ++calls;
    ++recv_calls;
    return recvfrom ? recvfrom(buf, len, from) : absl::StatusOr<size_t>(0);
  }
  absl::Status SetNonBlocking(NativeHandle h, bool on) const override {
    ++calls;
    nonblocking_calls.emplace_back(h, on);
    return absl::OkStatus();
  }
  absl::StatusOr<bool> IsNonBlocking(NativeHandle) const override {
    ++calls;
    return false;
  }
  absl::StatusOr<unsigned> Wait(NativeHandle, unsigned interest,
                                int timeout_ms) const override {
    ++calls;
    if (wait_calls++ == 0) first_wait_ms = timeout_ms;
    last_wait_ms = timeout_ms;
    last_interest = interest;
    return wait ? wait(interest, timeout_ms)
                : absl::StatusOr<unsigned>(interest);
  }
  absl::StatusOr<platform::NativeOption> NativeOptionFor(
      Option option) const override {
    return platform::NativeOption{1, static_cast<int>(option)};
  }
  int NativeShutdownHow(ShutdownHow how) const override {
    return static_cast<int>(how);
  }
  absl::Status GetSockOpt(NativeHandle, platform::NativeOption, void*,
                          size_t*) const override {
    ++calls;
    return absl::OkStatus();
  }
  absl::Status SetSockOpt(NativeHandle, platform::NativeOption, const void*,
                          size_t) const override {
    ++calls;
    return absl::OkStatus();
  }
  absl::StatusOr<bool> IsInheritable(NativeHandle) const override {
    ++calls;
    return false;
  }
  absl::Status SetInheritable(NativeHandle, bool) const override {
    ++calls;
    return absl::OkStatus();
  }
  absl::Status Ioctl(NativeHandle, platform::IoctlCode,
                     const platform::IoctlArg&) const override {
    ++calls;
    return absl::OkStatus();
  }
  absl::StatusOr<platform::Linger> GetLinger(NativeHandle) const override {
    ++calls;
    return platform::Linger{};
  }
  absl::Status SetLinger(NativeHandle, platform::Linger) const override {
    ++calls;
    return absl::OkStatus();
  }
  absl::StatusOr<absl::Duration> GetTimeOption(NativeHandle,
                                               Option) const override {
    ++calls;
    return absl::ZeroDuration();
  }
  absl::Status SetTimeOption(NativeHandle, Option,
                             absl::Duration) const override {
    ++calls;
    return absl::OkStatus();
  }
  absl::StatusOr<std::vector<AddrInfo>> GetAddrInfo(
      const char*, const char*, const AddrInfoHints&) const override {
    return Unimplemented("getaddrinfo", "name resolution", "fake");
  }
  absl::StatusOr<NameInfo> GetNameInfo(const SocketAddress&,
                                       uint32_t) const override {
    return Unimplemented("getnameinfo", "name resolution", "fake");
  }
  absl::StatusOr<std::string> GetHostName() const override {
    return Unimplemented("gethostname", "name resolution", "fake");
  }
  absl::StatusOr<HostEntry> GetHostByName(const char*) const override {
    return Unimplemented("gethostbyname", "host database", "fake");
  }
  absl::StatusOr<HostEntry> GetHostByAddr(const SocketAddress&) const override {
    return Unimplemented("gethostbyaddr", "host database", "fake");
  }
  absl::StatusOr<int> GetProtoByName(const char*) const override {
    return Unimplemented("getprotobyname", "protocol database", "fake");
  }
  absl::StatusOr<uint16_t> GetServByName(const char*,
                                         const char*) const override {
    return Unimplemented("getservbyname", "services database", "fake");
  }
  absl::StatusOr<std::string> GetServByPort(uint16_t,
                                            const char*) const override {
    return Unimplemented("getservbyport", "services database", "fake");
  }
  absl::StatusOr<int> OpenHandleCountForTesting() const override { return 0; }
};

// SleepUpTo stands in for a blocking wait of `timeout_ms` (-1 = forever),
// cut to `cap_ms`.
void SleepUpTo(int timeout_ms, int cap_ms) {
  int ms = timeout_ms < 0 ? cap_ms : std::min(timeout_ms, cap_ms);
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

absl::Duration Since(Clock::time_point start) {
  return absl::FromChrono(Clock::now() - start);
}

void ExpectInvalidArgument(const absl::Status& status,
                           const std::string& argument) {
  EXPECT_EQ(GetErrorKind(status), ErrorKind::kInvalidArgument) << status;
  EXPECT_NE(std::string(status.message()).find(": " + argument + ": "),
            std::string::npos)
      << status;
}

class SocketTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(SetDefaultTimeout(std::nullopt).ok()); }
  void TearDown() override {
    ASSERT_TRUE(SetDefaultTimeout(std::nullopt).ok());
  }

  Socket MakeSocket(Timeout timeout, Family family = Family::kInet,
                    Type type = Type::kStream) {
    absl::StatusOr<Socket> s = Socket::Create(family, type, 0, os_);
    EXPECT_TRUE(s.ok()) << s.status();
    EXPECT_TRUE(s->SetTimeout(timeout).ok());
    return std::move(*s);
  }

  static SocketAddress Loopback(uint16_t port) {
    return SocketAddress::Inet4({127, 0, 0, 1}, port);
  }

  FakeOs os_;
};

// --- the central loop
// ---------------------------------------------------------

TEST_F(SocketTest, EintrStormIsRetriedAtOnceInEveryWaitingMode) {
  for (Timeout timeout : {Timeout(), Timeout(absl::Seconds(30))}) {
    Socket s = MakeSocket(timeout);
    int interrupts = 1000;
    os_.recv_calls = 0;
    os_.wait_calls = 0;
    os_.recv = [&](void* buf, size_t) -> absl::StatusOr<size_t> {
      if (interrupts-- > 0) return InterruptedError();
      static_cast<char*>(buf)[0] = 'x';
      return 1;
    };
    absl::StatusOr<std::string> r = s.Recv(16);
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(*r, "x");
    EXPECT_EQ(os_.recv_calls, 1001);
    EXPECT_EQ(os_.wait_calls, 0);
  }
}

TEST_F(SocketTest, NonBlockingWouldBlockIsBareAndNeverWaits) {
  Socket s = MakeSocket(absl::ZeroDuration());
  os_.recv = [](void*, size_t) -> absl::StatusOr<size_t> {
    return WouldBlockError();
  };
  absl::StatusOr<std::string> r = s.Recv(16);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(IsWouldBlock(r.status()));
  EXPECT_TRUE(r.status().message().empty());
  EXPECT_EQ(os_.wait_calls, 0);
  EXPECT_EQ(os_.recv_calls, 1);
}

TEST_F(SocketTest, BlockingModePassesWouldBlockThrough) {
  // In blocking mode the OS blocks; a would-block (user SO_RCVTIMEO) is
  // reported, never waited on.
  Socket s = MakeSocket(std::nullopt);
  os_.recv = [](void*, size_t) -> absl::StatusOr<size_t> {
    return WouldBlockError();
  };
  EXPECT_TRUE(IsWouldBlock(s.Recv(4).status()));
  EXPECT_EQ(os_.wait_calls, 0);
}

TEST_F(SocketTest, TimeoutModeTriesFirstThenWaitsForReadability) {
  Socket s = MakeSocket(absl::Seconds(5));
  int n = 0;
  os_.recv = [&](void*, size_t) -> absl::StatusOr<size_t> {
    if (n++ == 0) return WouldBlockError();
    return 3;
  };
  absl::StatusOr<std::string> r = s.Recv(8);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->size(), 3u);
  EXPECT_EQ(os_.recv_calls, 2);
  EXPECT_EQ(os_.wait_calls, 1);
  EXPECT_EQ(os_.last_interest, platform::kWantRead);
  EXPECT_GT(os_.first_wait_ms, 0);
  EXPECT_LE(os_.first_wait_ms, 5000);
}

TEST_F(SocketTest, DataReadyInTimeoutModeCostsOneCall) {
  Socket s = MakeSocket(absl::Seconds(5));
  os_.calls = 0;
  os_.recv = [](void*, size_t len) -> absl::StatusOr<size_t> { return len; };
  ASSERT_TRUE(s.Recv(8).ok());
  EXPECT_EQ(os_.calls, 1);
}

TEST_F(SocketTest, SpuriousReadinessIsRewaitedAgainstTheSameDeadline) {
  const absl::Duration timeout = absl::Milliseconds(200);
  Socket s = MakeSocket(timeout);
  // Readiness that never leads to data: with a fresh deadline per wait this
  // would never end.
  os_.recv = [](void*, size_t) -> absl::StatusOr<size_t> {
    return WouldBlockError();
  };
  os_.wait = [](unsigned interest, int ms) -> absl::StatusOr<unsigned> {
    SleepUpTo(ms, 10);
    return interest;
  };
  const Clock::time_point start = Clock::now();
  absl::StatusOr<std::string> r = s.Recv(8);
  const absl::Duration took = Since(start);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(GetErrorKind(r.status()), ErrorKind::kTimedOut);
  EXPECT_EQ(GetNativeCode(r.status()), 0);
  EXPECT_EQ(GetFailedCall(r.status()), "recv");
  EXPECT_GE(took, timeout);
  EXPECT_LT(took, absl::Seconds(30));
  EXPECT_GT(os_.wait_calls, 1);
  EXPECT_LE(os_.first_wait_ms, 200);
  EXPECT_LT(os_.last_wait_ms, os_.first_wait_ms);
}

TEST_F(SocketTest, EintrDuringTheWaitKeepsTheDeadline) {
  const absl::Duration timeout = absl::Milliseconds(200);
  Socket s = MakeSocket(timeout);
  os_.recv = [](void*, size_t) -> absl::StatusOr<size_t> {
    return WouldBlockError();
  };
  os_.wait = [](unsigned, int ms) -> absl::StatusOr<unsigned> {
    SleepUpTo(ms, 10);
    return InterruptedError();  // a benign signal, again and again
  };
  const Clock::time_point start = Clock::now();
  absl::StatusOr<std::string> r = s.Recv(8);
  const absl::Duration took = Since(start);
  EXPECT_EQ(GetErrorKind(r.status()), ErrorKind::kTimedOut);
  EXPECT_GE(took, timeout);
  EXPECT_LT(took, absl::Seconds(30));
  EXPECT_EQ(os_.recv_calls, 1);  // EINTR in the wait re-waits, no new recv
  EXPECT_LT(os_.last_wait_ms, os_.first_wait_ms);
}

TEST_F(SocketTest, WaitReturningNothingIsTheLibraryTimeout) {
  Socket s = MakeSocket(absl::Seconds(60));
  os_.recv = [](void*, size_t) -> absl::StatusOr<size_t> {
    return WouldBlockError();
  };
  os_.wait = [](unsigned, int) -> absl::StatusOr<unsigned> { return 0u; };
  const Clock::time_point start = Clock::now();
  absl::Status st = s.Recv(8).status();
  EXPECT_EQ(GetErrorKind(st), ErrorKind::kTimedOut);
  EXPECT_EQ(GetErrorClass(st), ErrorClass::kTimeout);
  EXPECT_EQ(GetNativeCode(st), 0);
  EXPECT_EQ(os_.wait_calls, 1);
  EXPECT_LT(Since(start), absl::Seconds(30));
}

TEST_F(SocketTest, OtherErrorsPassThroughUnchanged) {
  Socket s = MakeSocket(absl::Seconds(5));
  const absl::Status reset =
      MakeError(ErrorKind::kConnectionReset, "recv", kEconnreset, "errno");
  os_.recv = [&](void*, size_t) -> absl::StatusOr<size_t> { return reset; };
  EXPECT_EQ(s.Recv(8).status(), reset);
  EXPECT_EQ(os_.wait_calls, 0);
}

TEST_F(SocketTest, CloseFromAnotherThreadEndsAWaitingCall) {
  Socket s = MakeSocket(absl::Seconds(60));
  absl::Notification waiting;
  os_.recv = [](void*, size_t) -> absl::StatusOr<size_t> {
    return WouldBlockError();
  };
  os_.wait = [&](unsigned interest, int ms) -> absl::StatusOr<unsigned> {
    if (!waiting.HasBeenNotified()) waiting.Notify();
    SleepUpTo(ms, 2);
    return interest;  // spurious: the loop goes round and sees the close
  };
  absl::Status result;
  std::thread reader([&] { result = s.Recv(8).status(); });
  waiting.WaitForNotification();
  const int recvs_before_close = os_.recv_calls;
  EXPECT_TRUE(s.Close().ok());
  reader.join();
  ExpectInvalidArgument(result, "socket");
  EXPECT_NE(std::string(result.message()).find("socket is closed"),
            std::string::npos);
  // At most the call in flight when Close ran.
  EXPECT_LE(os_.recv_calls, recvs_before_close + 1);
}

// --- receive sizes
// ------------------------------------------------------------

TEST_F(SocketTest, ZeroLengthReceivesMakeNoSystemCall) {
  Socket s = MakeSocket(absl::ZeroDuration());
  os_.recv = [](void*, size_t) -> absl::StatusOr<size_t> {
    return WouldBlockError();
  };
  os_.calls = 0;
  absl::StatusOr<std::string> r = s.Recv(0);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, "");
  absl::StatusOr<size_t> n = s.RecvInto(absl::Span<char>());
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 0u);
  EXPECT_EQ(os_.calls, 0);
}

TEST_F(SocketTest, ZeroLengthRecvFromIntoStillCallsTheOs) {
  Socket s = MakeSocket(absl::ZeroDuration());
  size_t seen_len = 99;
  os_.recvfrom = [&](void*, size_t len,
                     SocketAddress*) -> absl::StatusOr<size_t> {
    seen_len = len;
    return WouldBlockError();
  };
  absl::StatusOr<ReceivedInto> r = s.RecvFromInto(absl::Span<char>());
  EXPECT_TRUE(IsWouldBlock(r.status()));
  EXPECT_EQ(os_.recv_calls, 1);
  EXPECT_EQ(seen_len, 0u);
}

TEST_F(SocketTest, RecvIntoHonoursNbytes) {
  Socket s = MakeSocket(std::nullopt);
  size_t seen_len = 0;
  os_.recv = [&](void*, size_t len) -> absl::StatusOr<size_t> {
    seen_len = len;
    return len;
  };
  char buf[16];
  EXPECT_EQ(*s.RecvInto(absl::MakeSpan(buf), 5), 5u);
  EXPECT_EQ(seen_len, 5u);
  EXPECT_EQ(*s.RecvInto(absl::MakeSpan(buf)), 16u);
  EXPECT_EQ(seen_len, 16u);
}

TEST_F(SocketTest, RecvFromReportsAbsentAddressAsNullopt) {
  Socket s = MakeSocket(std::nullopt, Family::kInet, Type::kDgram);
  bool with_address = false;
  os_.recvfrom = [&](void* buf, size_t,
                     SocketAddress* from) -> absl::StatusOr<size_t> {
    if (with_address) *from = Loopback(53);
    static_cast<char*>(buf)[0] = 'q';
    return 1;
  };
  absl::StatusOr<Received> none = s.RecvFrom(4);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->data, "q");
  EXPECT_FALSE(none->address.has_value());
  with_address = true;
  absl::StatusOr<Received> some = s.RecvFrom(4);
  ASSERT_TRUE(some.ok());
  ASSERT_TRUE(some->address.has_value());
  EXPECT_EQ(*some->address, Loopback(53));
}

// --- sendall
// ------------------------------------------------------------------

// OneBytePerSend makes the fake accept one byte per send with a would-block
// in between, appending what it accepted to *wire.
std::function<absl::StatusOr<size_t>(const void*, size_t)> OneBytePerSend(
    std::string* wire) {
  auto blocked = std::make_shared<bool>(false);
  return [wire, blocked](const void* data, size_t) -> absl::StatusOr<size_t> {
    *blocked = !*blocked;
    if (!*blocked) return WouldBlockError();
    wire->push_back(*static_cast<const char*>(data));
    return 1;
  };
}

TEST_F(SocketTest, SendAllLoopsOverPartialSends) {
  Socket s = MakeSocket(absl::Seconds(30));
  std::string wire;
  os_.send = OneBytePerSend(&wire);
  const std::string data = "partial sends add up";
  size_t sent = 0;
  ASSERT_TRUE(s.SendAll(data, MsgFlags::kNone, &sent).ok());
  EXPECT_EQ(wire, data);
  EXPECT_EQ(sent, data.size());
  EXPECT_EQ(os_.send_calls, static_cast<int>(2 * data.size() - 1));
  EXPECT_EQ(os_.wait_calls, static_cast<int>(data.size() - 1));
  EXPECT_EQ(os_.last_interest, platform::kWantWrite);
}

TEST_F(SocketTest, SendAllSpendsOneBudgetAcrossAllSends) {
  const absl::Duration timeout = absl::Milliseconds(150);
  Socket s = MakeSocket(timeout);
  std::string wire;
  os_.send = OneBytePerSend(&wire);
  os_.wait = [](unsigned interest, int ms) -> absl::StatusOr<unsigned> {
    SleepUpTo(ms, 5);  // every byte takes a while to drain
    return interest;
  };
  // 1000 bytes at >= 5 ms each: a per-send budget would take >= 5 s and
  // succeed; one budget for the call must stop it after ~150 ms.
  const std::string data(1000, 'd');
  size_t sent = 0;
  const Clock::time_point start = Clock::now();
  absl::Status st = s.SendAll(data, MsgFlags::kNone, &sent);
  const absl::Duration took = Since(start);
  EXPECT_EQ(GetErrorKind(st), ErrorKind::kTimedOut) << st;
  EXPECT_EQ(GetNativeCode(st), 0);
  EXPECT_GT(sent, 0u);
  EXPECT_LT(sent, data.size());
  EXPECT_EQ(sent, wire.size());
  EXPECT_GE(took, timeout);
  EXPECT_LT(took, absl::Seconds(4));
}

TEST_F(SocketTest, SendAllNonBlockingStopsAtTheFirstWouldBlock) {
  Socket s = MakeSocket(absl::ZeroDuration());
  int n = 0;
  os_.send = [&](const void*, size_t) -> absl::StatusOr<size_t> {
    if (n++ == 0) return 3;
    return WouldBlockError();
  };
  size_t sent = 0;
  absl::Status st = s.SendAll("0123456789", MsgFlags::kNone, &sent);
  EXPECT_TRUE(IsWouldBlock(st));
  EXPECT_EQ(sent, 3u);
  EXPECT_EQ(os_.wait_calls, 0);
}

TEST_F(SocketTest, SendAllOfNothingMakesNoCall) {
  Socket s = MakeSocket(absl::Seconds(1));
  os_.calls = 0;
  size_t sent = 7;
  EXPECT_TRUE(s.SendAll("", MsgFlags::kNone, &sent).ok());
  EXPECT_EQ(sent, 0u);
  EXPECT_EQ(os_.calls, 0);
}

// --- connect
// ------------------------------------------------------------------

TEST_F(SocketTest, BlockingConnectAfterEintrWaitsInsteadOfReconnecting) {
  Socket s = MakeSocket(std::nullopt);
  os_.connect = [](NativeHandle) { return InterruptedError(); };
  EXPECT_TRUE(s.Connect(Loopback(80)).ok());
  EXPECT_EQ(os_.connect_calls, 1);
  EXPECT_EQ(os_.wait_calls, 1);
  EXPECT_EQ(os_.last_interest, platform::kWantWrite);
  EXPECT_EQ(os_.last_wait_ms, -1);  // blocking: no limit
  EXPECT_EQ(os_.pending_calls, 1);
}

TEST_F(SocketTest, TimeoutConnectWaitsThenReadsThePendingError) {
  Socket s = MakeSocket(absl::Seconds(5));
  os_.connect = [](NativeHandle) {
    return MakeError(ErrorKind::kInProgress, "connect", kEinprogress, "errno");
  };
  os_.pending_error = [] { return absl::StatusOr<int>(kEconnrefused); };
  absl::Status st = s.Connect(Loopback(80));
  EXPECT_EQ(GetErrorKind(st), ErrorKind::kConnectionRefused);
  EXPECT_EQ(GetNativeCode(st), kEconnrefused);
  EXPECT_EQ(os_.connect_calls, 1);
  EXPECT_GT(os_.last_wait_ms, 0);
  EXPECT_LE(os_.last_wait_ms, 5000);

  absl::StatusOr<int> code = s.ConnectEx(Loopback(80));
  ASSERT_TRUE(code.ok()) << code.status();
  EXPECT_EQ(*code, kEconnrefused);
  EXPECT_EQ(os_.connect_calls, 2);
}

TEST_F(SocketTest, PendingEisconnCountsAsConnected) {
  Socket s = MakeSocket(absl::Seconds(5));
  os_.connect = [](NativeHandle) {
    return MakeError(ErrorKind::kInProgress, "connect", kEinprogress, "errno");
  };
  os_.pending_error = [] { return absl::StatusOr<int>(kEisconn); };
  EXPECT_TRUE(s.Connect(Loopback(80)).ok());
  EXPECT_EQ(*s.ConnectEx(Loopback(80)), 0);
}

TEST_F(SocketTest, ConnectTimeoutIsLibraryTimeoutAndConnectExWouldBlock) {
  Socket s = MakeSocket(absl::Seconds(5));
  os_.connect = [](NativeHandle) {
    return MakeError(ErrorKind::kInProgress, "connect", kEinprogress, "errno");
  };
  os_.wait = [](unsigned, int) -> absl::StatusOr<unsigned> { return 0u; };
  absl::Status st = s.Connect(Loopback(80));
  EXPECT_EQ(GetErrorKind(st), ErrorKind::kTimedOut);
  EXPECT_EQ(GetNativeCode(st), 0);
  absl::StatusOr<int> code = s.ConnectEx(Loopback(80));
  ASSERT_TRUE(code.ok()) << code.status();
  EXPECT_EQ(*code, kEagain);
  EXPECT_EQ(os_.pending_calls, 0);
}

TEST_F(SocketTest, NonBlockingConnectReportsInProgressWithoutWaiting) {
  Socket s = MakeSocket(absl::ZeroDuration());
  os_.connect = [](NativeHandle) {
    return MakeError(ErrorKind::kInProgress, "connect", kEinprogress, "errno");
  };
  EXPECT_EQ(GetErrorKind(s.Connect(Loopback(80))), ErrorKind::kInProgress);
  EXPECT_EQ(*s.ConnectEx(Loopback(80)), kEinprogress);
  EXPECT_EQ(os_.wait_calls, 0);
}

TEST_F(SocketTest, ConnectExReturnsImmediateErrorsAsCodes) {
  Socket s = MakeSocket(std::nullopt);
  os_.connect = [](NativeHandle) {
    return MakeError(ErrorKind::kConnectionRefused, "connect", kEconnrefused,
                     "errno");
  };
  EXPECT_EQ(*s.ConnectEx(Loopback(80)), kEconnrefused);
  os_.connect = [](NativeHandle) { return absl::OkStatus(); };
  EXPECT_EQ(*s.ConnectEx(Loopback(80)), 0);
  // Non-OS errors stay statuses.
  ExpectInvalidArgument(s.ConnectEx(SocketAddress::Inet4({}, 80)).status(),
                        "address");
}

// --- close
// ----------------------------------------------------------------------

TEST_F(SocketTest, ClosedSocketCallsNeverReachTheBackend) {
  Socket s = MakeSocket(std::nullopt, Family::kInet, Type::kDgram);
  const NativeHandle h = s.Fileno();
  ASSERT_TRUE(s.Close().ok());
  EXPECT_EQ(os_.closed, std::vector<NativeHandle>{h});
  EXPECT_TRUE(s.closed());
  EXPECT_EQ(s.Fileno(), platform::kInvalidHandle);
  os_.calls = 0;

  char buf[4];
  const SocketAddress to = Loopback(9);
  const std::vector<std::pair<std::string, absl::Status>> results = {
      {"accept", s.Accept().status()},
      {"bind", s.Bind(to)},
      {"connect", s.Connect(to)},
      {"connect_ex", s.ConnectEx(to).status()},
      {"dup", s.Dup().status()},
      {"getpeername", s.GetPeerName().status()},
      {"getsockname", s.GetSockName().status()},
      {"getsockopt", s.GetSockOpt(1, 2).status()},
      {"getsockopt", s.GetSockOpt(1, 2, 4).status()},
      {"setsockopt", s.SetSockOpt(1, 2, 3)},
      {"setsockopt", s.SetSockOpt(1, 2, std::string_view("ab"))},
      {"getsockopt", s.GetOption(Option::kRcvBuf).status()},
      {"setsockopt", s.SetOption(Option::kRcvBuf, 1)},
      {"listen", s.Listen()},
      {"recv", s.Recv(4).status()},
      {"recv", s.Recv(0).status()},
      {"recv_into", s.RecvInto(absl::MakeSpan(buf)).status()},
      {"recvfrom", s.RecvFrom(4).status()},
      {"recvfrom_into", s.RecvFromInto(absl::MakeSpan(buf)).status()},
      {"send", s.Send("x").status()},
      {"sendall", s.SendAll("x")},
      {"sendto", s.SendTo("x", to).status()},
      {"setblocking", s.SetBlocking(false)},
      {"settimeout", s.SetTimeout(absl::Seconds(1))},
      {"shutdown", s.Shutdown(ShutdownHow::kBoth)},
      {"get_inheritable", s.GetInheritable().status()},
      {"set_inheritable", s.SetInheritable(true)},
      {"ioctl", s.Ioctl(platform::IoctlCode::kLoopbackFastPath, {})},
  };
  for (const auto& [call, status] : results) {
    EXPECT_EQ(GetErrorKind(status), ErrorKind::kInvalidArgument) << call;
    EXPECT_EQ(status.message(), call + ": socket: socket is closed");
    EXPECT_EQ(GetFailedCall(status), call);
  }
  EXPECT_EQ(os_.calls, 0);
  // Close again: fine, and still no OS call.
  EXPECT_TRUE(s.Close().ok());
  EXPECT_EQ(s.Detach(), platform::kInvalidHandle);
  EXPECT_EQ(os_.calls, 0);
  EXPECT_EQ(os_.closed.size(), 1u);
}

TEST_F(SocketTest, CloseInvalidatesFirstAndIgnoresConnectionReset) {
  Socket s = MakeSocket(std::nullopt);
  NativeHandle seen = 0;
  os_.close = [&](NativeHandle) {
    seen = s.Fileno();  // what another thread would see during close()
    return MakeError(ErrorKind::kConnectionReset, "close", kEconnreset,
                     "errno");
  };
  EXPECT_TRUE(s.Close().ok());
  EXPECT_EQ(seen, platform::kInvalidHandle);

  Socket t = MakeSocket(std::nullopt);
  os_.close = [](NativeHandle) {
    return MakeError(ErrorKind::kBadDescriptor, "close", 9, "errno");
  };
  EXPECT_EQ(GetErrorKind(t.Close()), ErrorKind::kBadDescriptor);
  EXPECT_TRUE(t.closed());  // closed even though close() failed
  EXPECT_TRUE(t.Close().ok());
}

TEST_F(SocketTest, DetachKeepsTheHandleOpen) {
  Socket s = MakeSocket(std::nullopt);
  const NativeHandle h = s.Fileno();
  EXPECT_EQ(s.Detach(), h);
  EXPECT_TRUE(s.closed());
  EXPECT_TRUE(s.Close().ok());
  EXPECT_TRUE(os_.closed.empty());
}

TEST_F(SocketTest, DestructorAndMoveAssignmentClose) {
  NativeHandle first = 0;
  NativeHandle second = 0;
  {
    Socket a = MakeSocket(std::nullopt);
    Socket b = MakeSocket(std::nullopt);
    first = a.Fileno();
    second = b.Fileno();
    a = std::move(b);  // closes a's old handle
    EXPECT_EQ(a.Fileno(), second);
    EXPECT_TRUE(b.closed());  // NOLINT(bugprone-use-after-move)
    EXPECT_EQ(os_.closed, std::vector<NativeHandle>{first});
    Socket c(std::move(a));
    EXPECT_TRUE(a.closed());  // NOLINT(bugprone-use-after-move)
    EXPECT_EQ(c.Fileno(), second);
  }
  EXPECT_EQ(os_.closed, (std::vector<NativeHandle>{first, second}));
}

// --- validation
// -----------------------------------------------------------------

TEST_F(SocketTest, CreateValidatesFamilyAndType) {
  ExpectInvalidArgument(
      Socket::Create(Family::kUnspec, Type::kStream, 0, os_).status(),
      "family");
  ExpectInvalidArgument(
      Socket::Create(static_cast<Family>(42), Type::kStream, 0, os_).status(),
      "family");
  ExpectInvalidArgument(
      Socket::Create(Family::kInet, static_cast<Type>(0), 0, os_).status(),
      "type");
  ExpectInvalidArgument(Socket::FromFd(platform::kInvalidHandle, Family::kInet,
                                       Type::kStream, 0, os_)
                            .status(),
                        "handle");
  ExpectInvalidArgument(Socket::Adopt(platform::kInvalidHandle, os_).status(),
                        "handle");
  EXPECT_EQ(os_.calls, 0);
}

TEST_F(SocketTest, AddressesAreValidatedBeforeTheBackend) {
  Socket s = MakeSocket(std::nullopt);
  os_.calls = 0;
  std::array<uint8_t, 16> v6{};
  v6[15] = 1;
  ExpectInvalidArgument(s.Bind(SocketAddress::Inet6(v6, 1)), "address");
  ExpectInvalidArgument(s.Connect(SocketAddress::Inet6(v6, 1)), "address");
  ExpectInvalidArgument(s.SendTo("x", SocketAddress::Inet6(v6, 1)).status(),
                        "address");
  // BIND-09: an unspecified destination is refused everywhere...
  ExpectInvalidArgument(s.Connect(SocketAddress::Inet4({}, 80)), "address");
  ExpectInvalidArgument(s.SendTo("x", SocketAddress::Inet4({}, 80)).status(),
                        "address");
  EXPECT_EQ(os_.calls, 0);
  // ...but binding to it is the wildcard.
  EXPECT_TRUE(s.Bind(SocketAddress::Inet4({}, 0)).ok());
  EXPECT_EQ(os_.calls, 1);

  Socket s6 = MakeSocket(std::nullopt, Family::kInet6);
  ExpectInvalidArgument(s6.Connect(SocketAddress::Inet6({}, 80)), "address");
}

TEST_F(SocketTest, UnixNamesMustFitThePlatformsSunPath) {
  for (size_t max : {size_t{108}, size_t{104}}) {
    os_.unix_path_max = max;
    Socket s = MakeSocket(std::nullopt, Family::kUnix);
    os_.calls = 0;
    const std::string fits(max - 1, 'p');  // plus the terminator
    const std::string too_long(max, 'p');
    std::string abstract(max, 'a');
    abstract[0] = '\0';
    if (max < kMaxUnixPathBytes) {
      absl::Status st = s.Bind(*SocketAddress::Unix(too_long));
      ExpectInvalidArgument(st, "address");
      EXPECT_NE(std::string(st.message()).find("AF_UNIX path too long"),
                std::string::npos);
      ExpectInvalidArgument(s.Bind(*SocketAddress::Unix(abstract + "a")),
                            "address");
    }
    EXPECT_EQ(os_.calls, 0);
    EXPECT_TRUE(s.Bind(*SocketAddress::Unix(fits)).ok());
    EXPECT_TRUE(s.Connect(*SocketAddress::Unix(abstract)).ok());
    EXPECT_EQ(os_.calls, 2);
  }
}

TEST_F(SocketTest, ArgumentsAreValidatedBeforeTheBackend) {
  Socket dgram = MakeSocket(std::nullopt, Family::kInet, Type::kDgram);
  os_.calls = 0;
  ExpectInvalidArgument(dgram.Listen(), "socket");
  ExpectInvalidArgument(dgram.SetTimeout(absl::Seconds(-1)), "timeout");
  ExpectInvalidArgument(dgram.SetTimeout(absl::InfiniteDuration()), "timeout");
  ExpectInvalidArgument(SetDefaultTimeout(absl::Milliseconds(-1)), "timeout");
  ExpectInvalidArgument(SetDefaultTimeout(absl::InfiniteDuration()), "timeout");
  EXPECT_EQ(GetDefaultTimeout(), std::nullopt);
  char buf[4];
  ExpectInvalidArgument(dgram.RecvInto(absl::MakeSpan(buf), 5).status(),
                        "nbytes");
  ExpectInvalidArgument(dgram.RecvFromInto(absl::MakeSpan(buf), 5).status(),
                        "nbytes");
  ExpectInvalidArgument(dgram.GetSockOpt(1, 2, 0).status(), "buflen");
  ExpectInvalidArgument(dgram.GetSockOpt(1, 2, 1025).status(), "buflen");
  const MsgFlags bad = static_cast<MsgFlags>(1u << 20);
  ExpectInvalidArgument(dgram.Recv(4, bad).status(), "flags");
  ExpectInvalidArgument(dgram.Send("x", bad).status(), "flags");
  ExpectInvalidArgument(dgram.SendAll("x", bad), "flags");
  ExpectInvalidArgument(dgram.SendTo("x", Loopback(1), bad).status(), "flags");
  ExpectInvalidArgument(dgram.RecvInto(absl::MakeSpan(buf), 0, bad).status(),
                        "flags");
  ExpectInvalidArgument(dgram.RecvFrom(4, bad).status(), "flags");
  ExpectInvalidArgument(
      dgram.RecvFromInto(absl::MakeSpan(buf), 0, bad).status(), "flags");
  ExpectInvalidArgument(dgram.Shutdown(static_cast<ShutdownHow>(3)), "how");
  ExpectInvalidArgument(dgram.SetOption(Option::kType, 1), "option");
  ExpectInvalidArgument(dgram.GetOption(Option::kLinger).status(), "option");
  ExpectInvalidArgument(dgram.GetOption(static_cast<Option>(999)).status(),
                        "option");
  ExpectInvalidArgument(dgram.Ioctl(static_cast<platform::IoctlCode>(9), {}),
                        "code");
  platform::IoctlArg arg;
  arg.value = 4;
  ExpectInvalidArgument(dgram.Ioctl(platform::IoctlCode::kRcvAll, arg), "arg");
  arg.value = 2;
  ExpectInvalidArgument(dgram.Ioctl(platform::IoctlCode::kKeepAliveVals, arg),
                        "arg");
  ExpectInvalidArgument(
      dgram.Ioctl(platform::IoctlCode::kLoopbackFastPath, arg), "arg");
  EXPECT_EQ(os_.calls, 0);
  // A negative backlog becomes 0 rather than an error.
  Socket stream = MakeSocket(std::nullopt);
  EXPECT_TRUE(stream.Listen(-5).ok());
}

// --- modes
// ----------------------------------------------------------------------

TEST_F(SocketTest, TimeoutDrivesTheOsFlag) {
  Socket s = MakeSocket(std::nullopt);
  const NativeHandle h = s.Fileno();
  os_.nonblocking_calls.clear();
  ASSERT_TRUE(s.SetTimeout(absl::Seconds(2)).ok());
  EXPECT_EQ(s.GetTimeout(), Timeout(absl::Seconds(2)));
  EXPECT_TRUE(s.GetBlocking());
  ASSERT_TRUE(s.SetBlocking(false).ok());
  EXPECT_EQ(s.GetTimeout(), Timeout(absl::ZeroDuration()));
  EXPECT_FALSE(s.GetBlocking());
  ASSERT_TRUE(s.SetBlocking(true).ok());
  EXPECT_EQ(s.GetTimeout(), std::nullopt);
  EXPECT_TRUE(s.GetBlocking());
  const std::vector<std::pair<NativeHandle, bool>> expected = {
      {h, true}, {h, true}, {h, false}};
  EXPECT_EQ(os_.nonblocking_calls, expected);
}

TEST_F(SocketTest, TinyPositiveTimeoutNeverBecomesNonBlocking) {
  Socket s = MakeSocket(std::nullopt);
  ASSERT_TRUE(s.SetTimeout(absl::Nanoseconds(1) / 4).ok());
  EXPECT_EQ(s.GetTimeout(), Timeout(absl::Nanoseconds(1)));
  EXPECT_TRUE(s.GetBlocking());
}

TEST_F(SocketTest, NewSocketsTakeTheModuleDefault) {
  EXPECT_EQ(GetDefaultTimeout(), std::nullopt);
  absl::StatusOr<Socket> blocking =
      Socket::Create(Family::kInet, Type::kStream, 0, os_);
  ASSERT_TRUE(blocking.ok());
  EXPECT_EQ(blocking->GetTimeout(), std::nullopt);
  EXPECT_FALSE(os_.creates.back().nonblocking);
  EXPECT_FALSE(os_.creates.back().inheritable);

  ASSERT_TRUE(SetDefaultTimeout(absl::Seconds(3)).ok());
  EXPECT_EQ(GetDefaultTimeout(), Timeout(absl::Seconds(3)));
  absl::StatusOr<Socket> timed =
      Socket::Create(Family::kInet, Type::kStream, 0, os_);
  ASSERT_TRUE(timed.ok());
  EXPECT_EQ(timed->GetTimeout(), Timeout(absl::Seconds(3)));
  EXPECT_TRUE(os_.creates.back().nonblocking);

  absl::StatusOr<Socket> raw =
      Socket::CreateRaw(Family::kInet, Type::kStream, 0, os_);
  ASSERT_TRUE(raw.ok());
  EXPECT_TRUE(os_.creates.back().inheritable);
}

TEST_F(SocketTest, AcceptedSocketTakesTheModuleDefaultNotTheListeners) {
  Socket listener = MakeSocket(absl::Seconds(1));
  int n = 0;
  os_.accept = [&](SocketAddress* peer) -> absl::StatusOr<NativeHandle> {
    if (n++ % 2 == 0) return WouldBlockError();
    *peer = Loopback(4242);
    return static_cast<NativeHandle>(500 + n);
  };
  os_.nonblocking_calls.clear();
  absl::StatusOr<Accepted> a = listener.Accept();
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(os_.wait_calls, 1);
  EXPECT_EQ(a->address, Loopback(4242));
  EXPECT_EQ(a->socket.GetTimeout(), std::nullopt);  // blocking
  EXPECT_TRUE(os_.nonblocking_calls.empty());  // the backend hands it blocking
  EXPECT_EQ(a->socket.family(), Family::kInet);

  ASSERT_TRUE(SetDefaultTimeout(absl::Seconds(7)).ok());
  absl::StatusOr<Accepted> b = listener.Accept();
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_EQ(b->socket.GetTimeout(), Timeout(absl::Seconds(7)));
  const std::vector<std::pair<NativeHandle, bool>> expected = {
      {b->socket.Fileno(), true}};
  EXPECT_EQ(os_.nonblocking_calls, expected);
}

TEST_F(SocketTest, DupKeepsTheTimeoutAndFromFdTakesTheDefault) {
  Socket s = MakeSocket(absl::Seconds(4));
  absl::StatusOr<Socket> d = s.Dup();
  ASSERT_TRUE(d.ok());
  EXPECT_NE(d->Fileno(), s.Fileno());
  EXPECT_EQ(d->GetTimeout(), Timeout(absl::Seconds(4)));
  absl::StatusOr<Socket> f =
      Socket::FromFd(s.Fileno(), Family::kInet, Type::kStream, 0, os_);
  ASSERT_TRUE(f.ok());
  EXPECT_NE(f->Fileno(), s.Fileno());
  EXPECT_EQ(f->GetTimeout(), std::nullopt);
  absl::StatusOr<Socket> adopted = Socket::Adopt(77, os_);
  ASSERT_TRUE(adopted.ok());
  EXPECT_EQ(adopted->Fileno(), 77u);
  EXPECT_EQ(adopted->family(), Family::kInet6);
  EXPECT_EQ(adopted->type(), Type::kDgram);
  EXPECT_EQ(adopted->proto(), 17);
}

// --- socketpair
// -----------------------------------------------------------------

TEST_F(SocketTest, SocketPairDefaultFamily) {
  absl::StatusOr<std::pair<Socket, Socket>> p =
      SocketPair(Family::kUnspec, Type::kStream, 0, os_);
  ASSERT_TRUE(p.ok()) << p.status();
  os_.unix_sockets = false;
  absl::StatusOr<std::pair<Socket, Socket>> q =
      SocketPair(Family::kUnspec, Type::kStream, 0, os_);
  ASSERT_TRUE(q.ok()) << q.status();
  EXPECT_EQ(os_.socketpair_families,
            (std::vector<Family>{Family::kUnix, Family::kInet}));
  EXPECT_EQ(p->first.family(), Family::kUnix);
  EXPECT_EQ(q->second.family(), Family::kInet);
}

// ScriptFallback scripts the loopback-listener fallback: handle 100 is the
// listener (bound to :5000), 101 the client (:6000), 102 the accepted end.
void ScriptFallback(FakeOs* os, uint16_t accepted_peer_port) {
  os->native_socketpair = false;
  os->connect = [](NativeHandle) {
    return MakeError(ErrorKind::kInProgress, "connect", kEinprogress, "errno");
  };
  os->accept = [accepted_peer_port](
                   SocketAddress* peer) -> absl::StatusOr<NativeHandle> {
    *peer = SocketAddress::Inet4({127, 0, 0, 1}, accepted_peer_port);
    return NativeHandle{102};
  };
  os->sockname = [](NativeHandle h) -> absl::StatusOr<SocketAddress> {
    return SocketAddress::Inet4({127, 0, 0, 1}, h == 101 ? 6000 : 5000);
  };
  os->peername =
      [accepted_peer_port](NativeHandle h) -> absl::StatusOr<SocketAddress> {
    return SocketAddress::Inet4({127, 0, 0, 1},
                                h == 101 ? 5000 : accepted_peer_port);
  };
}

TEST_F(SocketTest, SocketPairFallbackConnectsThroughALoopbackListener) {
  ScriptFallback(&os_, 6000);
  // The default family is AF_INET without a native socketpair(), even
  // where AF_UNIX sockets exist (Windows).
  ASSERT_TRUE(os_.unix_sockets);
  absl::StatusOr<std::pair<Socket, Socket>> p =
      SocketPair(Family::kUnspec, Type::kStream, 0, os_);
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->first.family(), Family::kInet);
  EXPECT_EQ(p->first.Fileno(), 102u);
  EXPECT_EQ(p->second.Fileno(), 101u);
  EXPECT_EQ(os_.connect_calls, 1);
  EXPECT_EQ(os_.closed, std::vector<NativeHandle>{100});  // the listener
  EXPECT_EQ(p->first.GetTimeout(), std::nullopt);
  EXPECT_EQ(p->second.GetTimeout(), std::nullopt);
}

TEST_F(SocketTest, SocketPairFallbackRejectsAnIntruder) {
  ScriptFallback(&os_, 7000);  // someone else's connection was accepted
  absl::StatusOr<std::pair<Socket, Socket>> p =
      SocketPair(Family::kInet, Type::kStream, 0, os_);
  EXPECT_EQ(GetErrorKind(p.status()), ErrorKind::kConnectionAborted)
      << p.status();
  std::vector<NativeHandle> closed = os_.closed;
  std::sort(closed.begin(), closed.end());
  EXPECT_EQ(closed, (std::vector<NativeHandle>{100, 101, 102}));
}

TEST_F(SocketTest, SocketPairFallbackArguments) {
  os_.native_socketpair = false;
  ExpectInvalidArgument(
      SocketPair(Family::kUnix, Type::kStream, 0, os_).status(), "family");
  ExpectInvalidArgument(
      SocketPair(Family::kInet, Type::kDgram, 0, os_).status(), "type");
  ExpectInvalidArgument(
      SocketPair(Family::kInet, Type::kStream, 6, os_).status(), "proto");
  EXPECT_EQ(os_.calls, 0);
}

// --- allocation
// -----------------------------------------------------------------

TEST_F(SocketTest, HotPathsDoNotAllocate) {
  char buf[64];
  const SocketAddress to = Loopback(9);
  for (Timeout timeout :
       {Timeout(), Timeout(absl::ZeroDuration()), Timeout(absl::Seconds(10))}) {
    Socket s = MakeSocket(timeout, Family::kInet, Type::kDgram);
    // Success paths.
    os_.send = nullptr;
    os_.recv = [](void*, size_t len) -> absl::StatusOr<size_t> { return len; };
    os_.recvfrom = [&](void*, size_t len,
                       SocketAddress* from) -> absl::StatusOr<size_t> {
      *from = to;
      return len;
    };
    {
      AllocationCounter counter;
      EXPECT_TRUE(s.Send("hello").ok());
      EXPECT_TRUE(s.SendTo("hello", to).ok());
      EXPECT_TRUE(s.RecvInto(absl::MakeSpan(buf)).ok());
      EXPECT_TRUE(s.RecvFromInto(absl::MakeSpan(buf)).ok());
      EXPECT_TRUE(s.SendAll("hello").ok());
      EXPECT_EQ(counter.count(), 0);
    }
    if (timeout.has_value() && *timeout > absl::ZeroDuration()) continue;
    // Would-block paths (non-blocking and blocking modes return at once).
    os_.send = [](const void*, size_t) -> absl::StatusOr<size_t> {
      return WouldBlockError();
    };
    os_.recv = [](void*, size_t) -> absl::StatusOr<size_t> {
      return WouldBlockError();
    };
    os_.recvfrom = [](void*, size_t, SocketAddress*) -> absl::StatusOr<size_t> {
      return WouldBlockError();
    };
    {
      AllocationCounter counter;
      EXPECT_TRUE(IsWouldBlock(s.Send("hello").status()));
      EXPECT_TRUE(IsWouldBlock(s.SendTo("hello", to).status()));
      EXPECT_TRUE(IsWouldBlock(s.RecvInto(absl::MakeSpan(buf)).status()));
      EXPECT_TRUE(IsWouldBlock(s.RecvFromInto(absl::MakeSpan(buf)).status()));
      EXPECT_EQ(counter.count(), 0);
    }
  }
}

TEST_F(SocketTest, AllocationCounterSeesAllocations) {
  // The counter itself works (else the test above could not fail).
  AllocationCounter counter;
  std::string* s = new std::string(100, 'x');
  delete s;
  EXPECT_GE(counter.count(), 1);
}

}  // namespace
}  // namespace xsock
