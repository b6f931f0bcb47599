// conformance/harness.cc: the fixture base and helpers of the conformance
// suites (see harness.h).

#include "conformance/harness.h"

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "conformance/deviations.h"
#include "conformance/internal/signal_storm.h"
#include "conformance/internal/wine.h"
#include "core/error.h"

namespace xsock {
namespace conformance {
namespace {

// kMaxTempDirLength leaves room in sun_path (104 bytes on BSD/macOS) for the
// file names the suites use.
constexpr size_t kMaxTempDirLength = 60;

std::string StatusText(const absl::Status& status) {
  if (status.ok()) return "OK";
  return absl::StrCat(ErrorKindName(GetErrorKind(status)), " (",
                      status.ToString(), ")");
}

// DeviationMessage is the skip message of registered deviation `d`;
// `circumstances` says when it applied (" under wine 8.0", or "").
std::string DeviationMessage(const Deviation& d,
                             std::string_view circumstances) {
  return absl::StrCat("documented deviation of ", d.backend, " from ", d.id,
                      circumstances, " (docs/deviations.md): ", d.reason);
}

}  // namespace

void PrintTo(const Backend& backend, std::ostream* out) {
  *out << backend.name;
}

std::string BackendName(const testing::TestParamInfo<Backend>& info) {
  return info.param.name;
}

SocketAddress Loopback(Family family, uint16_t port) {
  if (family == Family::kInet6) {
    std::array<uint8_t, 16> ip{};
    ip[15] = 1;
    return SocketAddress::Inet6(ip, port);
  }
  return SocketAddress::Inet4({127, 0, 0, 1}, port);
}

SocketAddress Unspecified(Family family, uint16_t port) {
  if (family == Family::kInet6) {
    return SocketAddress::Inet6(std::array<uint8_t, 16>{}, port);
  }
  return SocketAddress::Inet4({0, 0, 0, 0}, port);
}

testing::AssertionResult HasKind(const absl::Status& status, ErrorKind kind) {
  ErrorKind actual = GetErrorKind(status);
  if (actual == kind) return testing::AssertionSuccess();
  return testing::AssertionFailure()
         << "expected ErrorKind " << ErrorKindName(kind) << ", got "
         << StatusText(status);
}

testing::AssertionResult MessageHas(const absl::Status& status,
                                    std::string_view text) {
  if (absl::StrContains(status.message(), text)) {
    return testing::AssertionSuccess();
  }
  return testing::AssertionFailure()
         << "status " << status << " does not say \"" << text << "\"";
}

testing::AssertionResult NamesArgument(const absl::Status& status,
                                       std::string_view argument) {
  if (GetErrorKind(status) != ErrorKind::kInvalidArgument) {
    return testing::AssertionFailure()
           << "expected InvalidArgument naming \"" << argument << "\", got "
           << StatusText(status);
  }
  if (!absl::StrContains(status.message(), absl::StrCat(argument, ": "))) {
    return testing::AssertionFailure()
           << "InvalidArgument does not name \"" << argument
           << "\" (expected \"<call>: " << argument << ": <what>\"): "
           << status.message();
  }
  return testing::AssertionSuccess();
}

testing::AssertionResult IsOk(const absl::Status& status) {
  if (status.ok()) return testing::AssertionSuccess();
  return testing::AssertionFailure() << "expected OK, got "
                                     << StatusText(status);
}

testing::AssertionResult WithinTimeoutBounds(absl::Duration elapsed,
                                             absl::Duration timeout) {
  if (elapsed < timeout * 3 / 4) {
    return testing::AssertionFailure()
           << "timed out after " << elapsed << ", before its timeout of "
           << timeout;
  }
  if (elapsed >= kTimeoutUpperBound) {
    return testing::AssertionFailure()
           << "timed out after " << elapsed << " for a timeout of " << timeout
           << " (bound " << kTimeoutUpperBound << ")";
  }
  return testing::AssertionSuccess();
}

ScopedThread::ScopedThread(std::function<void()> body)
    : thread_([body = std::move(body)] {
        conformance_internal::BlockStormSignalInThisThread();
        body();
      }) {}

ScopedThread::~ScopedThread() { Join(); }

void ScopedThread::Join() {
  if (thread_.joinable()) thread_.join();
}

ScopedDefaultTimeout::ScopedDefaultTimeout(Timeout timeout)
    : previous_(GetDefaultTimeout()) {
  absl::Status status = SetDefaultTimeout(timeout);
  EXPECT_TRUE(IsOk(status)) << "SetDefaultTimeout";
}

ScopedDefaultTimeout::~ScopedDefaultTimeout() {
  absl::Status status = SetDefaultTimeout(previous_);
  EXPECT_TRUE(IsOk(status)) << "SetDefaultTimeout (restore)";
}

HostOs BuildHostOs() {
#if defined(__linux__)
  return HostOs::kLinux;
#elif defined(_WIN32)
  return HostOs::kWindows;
#else
  return HostOs::kOther;
#endif
}

std::string_view CapabilityName(platform::Capability c) {
  using platform::Capability;
  switch (c) {
    case Capability::kIpv6:
      return "kIpv6";
    case Capability::kUnixSockets:
      return "kUnixSockets";
    case Capability::kUnixDatagram:
      return "kUnixDatagram";
    case Capability::kUnixAbstract:
      return "kUnixAbstract";
    case Capability::kUnixAutobind:
      return "kUnixAutobind";
    case Capability::kNativeSocketPair:
      return "kNativeSocketPair";
    case Capability::kAtomicCloexec:
      return "kAtomicCloexec";
    case Capability::kSignals:
      return "kSignals";
    case Capability::kInheritanceQuery:
      return "kInheritanceQuery";
    case Capability::kNetlink:
      return "kNetlink";
    case Capability::kTipc:
      return "kTipc";
    case Capability::kWinsockIoctl:
      return "kWinsockIoctl";
    case Capability::kHandleCount:
      return "kHandleCount";
  }
  return "k?";
}

void ConformanceTest::SetUp() {
  ASSERT_NE(GetParam().os, nullptr) << "backend " << GetParam().name;
  ASSERT_EQ(os().Name(), GetParam().name)
      << "the Backend's name must be the backend's Os::Name()";

  // A documented deviation that always applies skips the test with its
  // reason; the conditional ones (under wine) are consulted by the test
  // where the behaviour diverges (DeviationHere).
  const testing::TestInfo* info =
      testing::UnitTest::GetInstance()->current_test_info();
  ASSERT_FALSE(BehaviourIdOfTestName(info->name()).empty())
      << "test name " << info->name() << " does not start with a behaviour ID";
  if (const Deviation* d =
          FindDeviation(backend_name(), info->name(), When::kAlways)) {
    GTEST_SKIP() << DeviationMessage(*d, "");
  }

  ASSERT_FALSE(GetDefaultTimeout().has_value())
      << "a previous test left a module default timeout set";

  if (os().Supports(platform::Capability::kHandleCount)) {
    absl::StatusOr<int> count = os().OpenHandleCountForTesting();
    ASSERT_TRUE(IsOk(count)) << "OpenHandleCountForTesting";
    handles_at_setup_ = *count;
  }
}

void ConformanceTest::TearDown() {
  // Every Socket of the test body has been destroyed by now, and every
  // ScopedThread joined: the descriptors the test opened must all be closed.
  if (handles_at_setup_.has_value()) {
    absl::StatusOr<int> count = os().OpenHandleCountForTesting();
    EXPECT_TRUE(IsOk(count)) << "OpenHandleCountForTesting";
    if (count.ok()) {
      EXPECT_EQ(*count, *handles_at_setup_)
          << "open handles before and after the test differ: a leak (or a "
             "double close) in the backend, api/ or the test";
    }
  }
  if (GetDefaultTimeout().has_value()) {
    ADD_FAILURE() << "the test left a module default timeout set";
    (void)SetDefaultTimeout(std::nullopt);
  }
  if (!temp_dir_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(temp_dir_, ec);
  }
}

std::optional<std::string> ConformanceTest::DeviationHere() const {
  std::optional<std::string> wine = conformance_internal::WineVersion();
  if (!wine.has_value()) return std::nullopt;
  const testing::TestInfo* info =
      testing::UnitTest::GetInstance()->current_test_info();
  const Deviation* d =
      FindDeviation(backend_name(), info->name(), When::kUnderWine);
  if (d == nullptr) return std::nullopt;
  return DeviationMessage(*d, absl::StrCat(" under wine ", *wine));
}

std::optional<std::string> ConformanceTest::MissingCapability(
    platform::Capability c) const {
  if (os().Supports(c)) return std::nullopt;
  // Missing only because of wine: the registered deviation says so.
  if (std::optional<std::string> deviation = DeviationHere()) {
    return absl::StrCat(*deviation, " (backend ", backend_name(),
                        " lacks capability ", CapabilityName(c), " here)");
  }
  return absl::StrCat("backend ", backend_name(), " lacks capability ",
                      CapabilityName(c), " on this machine");
}

absl::StatusOr<Socket> ConformanceTest::NewSocket(Family family, Type type) {
  return Socket::Create(family, type, 0, os());
}

absl::StatusOr<Listening> ListenLoopbackOn(const platform::Os& os,
                                           Family family, int backlog) {
  absl::StatusOr<Socket> socket = Socket::Create(family, Type::kStream, 0, os);
  if (!socket.ok()) return socket.status();
  absl::Status status = socket->Bind(Loopback(family));
  if (!status.ok()) return status;
  status = socket->Listen(backlog);
  if (!status.ok()) return status;
  absl::StatusOr<SocketAddress> address = socket->GetSockName();
  if (!address.ok()) return address.status();
  if (address->port() == 0) {
    return absl::InternalError("listener reports port 0 after bind+listen");
  }
  return Listening{*std::move(socket), *address};
}

absl::StatusOr<Listening> ConformanceTest::ListenLoopback(Family family,
                                                          int backlog) {
  return ListenLoopbackOn(os(), family, backlog);
}

absl::StatusOr<Bound> ConformanceTest::BindLoopback(Family family, Type type) {
  absl::StatusOr<Socket> socket = NewSocket(family, type);
  if (!socket.ok()) return socket.status();
  absl::Status status = socket->Bind(Loopback(family));
  if (!status.ok()) return status;
  absl::StatusOr<SocketAddress> address = socket->GetSockName();
  if (!address.ok()) return address.status();
  return Bound{*std::move(socket), *address};
}

absl::StatusOr<Bound> ConformanceTest::ClosedPort(Family family) {
  return BindLoopback(family, Type::kStream);
}

absl::StatusOr<Socket> ConformanceTest::ConnectClient(
    const SocketAddress& address) {
  absl::StatusOr<Socket> client = NewSocket(address.family(), Type::kStream);
  if (!client.ok()) return client.status();
  // Bounded waits while connecting, then back to the default blocking mode.
  absl::Status status = client->SetTimeout(kPeerTimeout);
  if (!status.ok()) return status;
  status = client->Connect(address);
  if (!status.ok()) return status;
  status = client->SetBlocking(true);
  if (!status.ok()) return status;
  return client;
}

absl::StatusOr<Connection> ConformanceTest::ConnectTo(Listening& listening) {
  absl::StatusOr<Socket> client = ConnectClient(listening.address);
  if (!client.ok()) return client.status();

  Timeout listener_timeout = listening.socket.GetTimeout();
  absl::Status status = listening.socket.SetTimeout(kPeerTimeout);
  if (!status.ok()) return status;
  absl::StatusOr<Accepted> accepted = listening.socket.Accept();
  absl::Status restore = listening.socket.SetTimeout(listener_timeout);
  if (!accepted.ok()) return accepted.status();
  if (!restore.ok()) return restore;
  return Connection{*std::move(client), std::move(accepted->socket)};
}

absl::StatusOr<Connection> ConformanceTest::Connect(Family family) {
  absl::StatusOr<Listening> listening = ListenLoopback(family);
  if (!listening.ok()) return listening.status();
  return ConnectTo(*listening);
}

std::string ConformanceTest::TempDir() {
  if (!temp_dir_.empty()) return temp_dir_;
  namespace fs = std::filesystem;
  std::error_code ec;
  // The first short candidate: TEST_TMPDIR (Bazel's, private to the test),
  // the system temporary directory (on Windows GetTempPath, e.g.
  // C:\Users\<name>\AppData\Local\Temp), else the root of the temporary
  // directory's drive on systems with drive letters (C:\), else /tmp.
  fs::path system_temp = fs::temp_directory_path(ec);
  if (ec) system_temp.clear();
  std::vector<fs::path> candidates;
  if (const char* test_tmpdir = std::getenv("TEST_TMPDIR")) {
    candidates.emplace_back(test_tmpdir);
  }
  candidates.push_back(system_temp);
  candidates.push_back(system_temp.has_root_name() ? system_temp.root_path()
                                                   : fs::path("/tmp"));
  fs::path base = candidates.back();
  for (const fs::path& candidate : candidates) {
    if (!candidate.empty() &&
        candidate.string().size() < kMaxTempDirLength - 12) {
      base = candidate;
      break;
    }
  }
  std::random_device seed;
  std::mt19937_64 random(seed());
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::path candidate =
        base / absl::StrCat("xs", absl::Hex(random() & 0xffffffffu));
    if (fs::create_directory(candidate, ec) && !ec) {
      temp_dir_ = candidate.string();
      return temp_dir_;
    }
  }
  ADD_FAILURE() << "cannot create a temporary directory under " << base;
  return std::string(base.string());
}

std::string ConformanceTest::UnixPath(std::string_view name) {
  // fs::path joins with the native separator ('\\' on Windows, whose AF_UNIX
  // names are file system paths too).
  return (std::filesystem::path(TempDir()) / std::string(name)).string();
}

absl::StatusOr<std::string> ReadExactly(Socket& socket, size_t n) {
  std::string out;
  out.reserve(n);
  // Bounded: every iteration either adds at least one byte or returns.
  while (out.size() < n) {
    absl::StatusOr<std::string> chunk = socket.Recv(n - out.size());
    if (!chunk.ok()) return chunk.status();
    if (chunk->empty()) {
      return absl::DataLossError(absl::StrCat("end of stream after ",
                                              out.size(), " of ", n,
                                              " bytes"));
    }
    out += *chunk;
  }
  return out;
}

absl::StatusOr<std::string> ReadToEof(Socket& socket, size_t limit) {
  std::string out;
  // Bounded: every iteration adds a byte, returns, or hits the limit.
  while (out.size() <= limit) {
    absl::StatusOr<std::string> chunk = socket.Recv(64 * 1024);
    if (!chunk.ok()) return chunk.status();
    if (chunk->empty()) return out;
    out += *chunk;
  }
  return absl::OutOfRangeError(
      absl::StrCat("more than ", limit, " bytes before end of stream"));
}

testing::AssertionResult Transfers(Socket& from, Socket& to,
                                   std::string_view data) {
  absl::Status sent = from.SendAll(data);
  if (!sent.ok()) {
    return testing::AssertionFailure() << "SendAll: " << StatusText(sent);
  }
  absl::StatusOr<std::string> got = ReadExactly(to, data.size());
  if (!got.ok()) {
    return testing::AssertionFailure()
           << "reading " << data.size() << " bytes: "
           << StatusText(got.status());
  }
  if (*got != data) {
    return testing::AssertionFailure()
           << "received bytes differ from the " << data.size() << " sent";
  }
  return testing::AssertionSuccess();
}

absl::StatusOr<size_t> FillSendBuffer(Socket& socket) {
  absl::Status status = socket.SetBlocking(false);
  if (!status.ok()) return status;
  const std::string chunk(64 * 1024, 'f');
  size_t total = 0;
  // Loopback buffers are a few MiB at most; 64 MiB is a generous bound.
  for (int i = 0; i < 1024; ++i) {
    absl::StatusOr<size_t> sent = socket.Send(chunk);
    if (IsWouldBlock(sent.status())) return total;
    if (!sent.ok()) return sent.status();
    total += *sent;
  }
  return absl::InternalError(
      absl::StrCat("send buffer still not full after ", total, " bytes"));
}

std::string Pattern(size_t n) {
  std::string out(n, '\0');
  uint32_t x = 2463534242u;
  for (size_t i = 0; i < n; ++i) {
    // xorshift32: cheap, and no period shorter than the data.
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    out[i] = static_cast<char>(x);
  }
  return out;
}

}  // namespace conformance
}  // namespace xsock
