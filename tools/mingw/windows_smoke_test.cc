// Proves that the MinGW-w64 toolchain builds working Windows programs and
// that they run under wine: Abseil and GoogleTest, the C++ runtime's threads
// (winpthreads), and Winsock over the loopback interface.

#include <winsock2.h>
#include <ws2tcpip.h>

#include <atomic>
#include <cstring>
#include <string>
#include <thread>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace xsock {
namespace {

// Parses a port number; rejects anything outside 1..65535.
absl::StatusOr<int> ParsePort(int value) {
  if (value < 1 || value > 65535) {
    return absl::OutOfRangeError(absl::StrCat("port ", value, " out of range"));
  }
  return value;
}

// Returns the text of the last Winsock error, for assertion messages.
std::string WsaError(const char* call) {
  return absl::StrCat(call, " failed with WSA error ", WSAGetLastError());
}

TEST(WindowsSmokeTest, TargetIsWindows) {
#ifdef _WIN32
  const bool win32 = true;
#else
  const bool win32 = false;
#endif
  EXPECT_TRUE(win32);
  // The project's Windows macros (tools/build_defs/copts.bzl) are in effect.
  EXPECT_EQ(_WIN32_WINNT, 0x0A00);
#ifdef NOMINMAX
  const bool nominmax = true;
#else
  const bool nominmax = false;
#endif
  EXPECT_TRUE(nominmax);
  EXPECT_NE(GetCurrentProcessId(), 0u);
}

TEST(WindowsSmokeTest, StatusOrCarriesValueOrError) {
  absl::StatusOr<int> ok = ParsePort(8080);
  ASSERT_TRUE(ok.ok()) << ok.status();
  EXPECT_EQ(*ok, 8080);

  absl::StatusOr<int> bad = ParsePort(70000);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(bad.status().message(), "port 70000 out of range");
}

TEST(WindowsSmokeTest, ThreadRuns) {
  std::atomic<int> value{0};
  std::thread worker([&value] { value.store(42); });
  worker.join();
  EXPECT_EQ(value.load(), 42);
}

// Owns a SOCKET; closes it on destruction.
class Socket {
 public:
  explicit Socket(SOCKET s) : s_(s) {}
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  ~Socket() {
    if (s_ != INVALID_SOCKET) {
      closesocket(s_);
    }
  }
  SOCKET get() const { return s_; }

 private:
  SOCKET s_;
};

class WinsockTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WSADATA data;
    ASSERT_EQ(WSAStartup(MAKEWORD(2, 2), &data), 0);
    started_ = true;
    EXPECT_EQ(data.wVersion, MAKEWORD(2, 2));
  }
  void TearDown() override {
    if (started_) {
      EXPECT_EQ(WSACleanup(), 0);
    }
  }

 private:
  bool started_ = false;
};

TEST_F(WinsockTest, TcpLoopbackRoundTrip) {
  Socket listener(socket(AF_INET, SOCK_STREAM, IPPROTO_TCP));
  ASSERT_NE(listener.get(), INVALID_SOCKET) << WsaError("socket");

  sockaddr_in addr;
  std::memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons(0);
  ASSERT_EQ(inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr), 1);
  ASSERT_EQ(bind(listener.get(), reinterpret_cast<const sockaddr*>(&addr), sizeof addr), 0)
      << WsaError("bind");
  ASSERT_EQ(listen(listener.get(), 1), 0) << WsaError("listen");

  sockaddr_in bound;
  int bound_len = sizeof bound;
  ASSERT_EQ(getsockname(listener.get(), reinterpret_cast<sockaddr*>(&bound), &bound_len), 0)
      << WsaError("getsockname");
  ASSERT_EQ(bound.sin_family, AF_INET);
  ASSERT_NE(ntohs(bound.sin_port), 0);

  // The client connects, sends a request and reads the echo.
  std::string client_error;
  std::string client_received;
  std::thread client([&bound, &client_error, &client_received] {
    Socket s(socket(AF_INET, SOCK_STREAM, IPPROTO_TCP));
    if (s.get() == INVALID_SOCKET) {
      client_error = WsaError("client socket");
      return;
    }
    // A broken server side must fail the test, not hang it.
    const DWORD timeout_ms = 10000;
    if (setsockopt(s.get(), SOL_SOCKET, SO_RCVTIMEO, reinterpret_cast<const char*>(&timeout_ms),
                   sizeof timeout_ms) != 0) {
      client_error = WsaError("setsockopt(SO_RCVTIMEO)");
      return;
    }
    if (connect(s.get(), reinterpret_cast<const sockaddr*>(&bound), sizeof bound) != 0) {
      client_error = WsaError("connect");
      return;
    }
    const char request[] = "ping";
    if (send(s.get(), request, 4, 0) != 4) {
      client_error = WsaError("client send");
      return;
    }
    char buf[16];
    int total = 0;
    while (total < 4) {
      int n = recv(s.get(), buf + total, static_cast<int>(sizeof buf) - total, 0);
      if (n <= 0) {
        client_error = n == 0 ? "client recv: connection closed early" : WsaError("client recv");
        return;
      }
      total += n;
    }
    client_received.assign(buf, static_cast<size_t>(total));
  });

  // No ASSERT_* until the client thread is joined (a joinable std::thread
  // must not be destroyed); conn is closed before the join.
  {
    Socket conn(accept(listener.get(), nullptr, nullptr));
    if (conn.get() == INVALID_SOCKET) {
      ADD_FAILURE() << WsaError("accept");
    } else {
      char buf[16];
      int total = 0;
      while (total < 4) {
        int n = recv(conn.get(), buf + total, static_cast<int>(sizeof buf) - total, 0);
        if (n <= 0) {
          ADD_FAILURE() << (n == 0 ? std::string("server recv: connection closed early")
                                   : WsaError("server recv"));
          break;
        }
        total += n;
      }
      EXPECT_EQ(std::string(buf, static_cast<size_t>(total)), "ping");
      EXPECT_EQ(send(conn.get(), buf, total, 0), total) << WsaError("server send");
    }
  }
  client.join();
  EXPECT_EQ(client_error, "");
  EXPECT_EQ(client_received, "ping");
}

}  // namespace
}  // namespace xsock
