// platform/internal/backend_test_util.h (testonly, for the backend tests in
// platform/)
//
// GoogleTest helpers shared by the tests that drive a platform::Os backend
// directly (the POSIX/Linux backend suite, posix/backend_test_suite.cc, and
// the Windows backend test, windows/windows_os_test.cc): status assertions,
// a handle owner, and loopback sockets, listeners, closed ports, connected
// TCP and socketpair pairs, bound UDP sockets and blocking transfers, all
// through the Os interface. Includes no OS header.

#ifndef XSOCK_PLATFORM_INTERNAL_BACKEND_TEST_UTIL_H_
#define XSOCK_PLATFORM_INTERNAL_BACKEND_TEST_UTIL_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/address.h"
#include "core/error.h"
#include "core/types.h"
#include "gtest/gtest.h"
#include "platform/os.h"

namespace xsock {
namespace platform {
namespace testing {

// StatusOf returns the status of a Status or a StatusOr (for the macros
// below).
inline const absl::Status& StatusOf(const absl::Status& s) { return s; }
template <typename T>
const absl::Status& StatusOf(const absl::StatusOr<T>& s) {
  return s.status();
}

// XSOCK_ASSERT_OK(expr) asserts that a Status or StatusOr is OK and prints
// the status otherwise.
#define XSOCK_ASSERT_OK(expr)                                   \
  do {                                                          \
    const auto& xsock_result_ = (expr);                         \
    ASSERT_TRUE(xsock_result_.ok()) << StatusOf(xsock_result_); \
  } while (0)

// XSOCK_ASSERT_OK_AND_ASSIGN(lhs, expr) asserts that the StatusOr `expr` is
// OK and moves its value into `lhs` (a declaration or a variable).
#define XSOCK_CONCAT_INNER(a, b) a##b
#define XSOCK_CONCAT(a, b) XSOCK_CONCAT_INNER(a, b)
#define XSOCK_ASSERT_OK_AND_ASSIGN(lhs, expr)                              \
  XSOCK_ASSERT_OK_AND_ASSIGN_IMPL(XSOCK_CONCAT(xsock_statusor_, __LINE__), \
                                  lhs, expr)
#define XSOCK_ASSERT_OK_AND_ASSIGN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                    \
  ASSERT_TRUE(tmp.ok()) << tmp.status();                \
  lhs = std::move(*tmp)

// Handle owns a NativeHandle and closes it through its backend.
class Handle {
 public:
  Handle() = default;
  Handle(const Os* os, NativeHandle h) : os_(os), h_(h) {}
  Handle(Handle&& other) noexcept : os_(other.os_), h_(other.Release()) {}
  Handle& operator=(Handle&& other) noexcept {
    if (this != &other) {
      Reset();
      os_ = other.os_;
      h_ = other.Release();
    }
    return *this;
  }
  ~Handle() { Reset(); }

  NativeHandle get() const { return h_; }
  NativeHandle Release() {
    NativeHandle h = h_;
    h_ = kInvalidHandle;
    return h;
  }
  void Reset() {
    if (h_ != kInvalidHandle) os_->Close(h_).IgnoreError();
    h_ = kInvalidHandle;
  }

 private:
  const Os* os_ = nullptr;
  NativeHandle h_ = kInvalidHandle;
};

// Loopback returns 127.0.0.1 or ::1 (for Family::kInet6) with `port`.
inline SocketAddress Loopback(Family f, uint16_t port = 0) {
  if (f == Family::kInet6) {
    std::array<uint8_t, 16> ip{};
    ip[15] = 1;
    return SocketAddress::Inet6(ip, port);
  }
  return SocketAddress::Inet4({127, 0, 0, 1}, port);
}

// MakeSocket creates a socket of `os` and owns it.
inline absl::StatusOr<Handle> MakeSocket(const Os& os, Family f, Type t,
                                         CreateOptions options = {},
                                         int proto = 0) {
  absl::StatusOr<NativeHandle> h = os.Socket(f, t, proto, options);
  if (!h.ok()) return h.status();
  return Handle(&os, *h);
}

// BoundSocket is a socket bound to a loopback address and that address.
struct BoundSocket {
  Handle handle;
  SocketAddress addr;
};

// MakeBoundSocket binds a socket of type `t` to the loopback address of `f`,
// port 0, and reads the port back.
inline absl::StatusOr<BoundSocket> MakeBoundSocket(const Os& os, Family f,
                                                   Type t,
                                                   CreateOptions options = {}) {
  absl::StatusOr<Handle> h = MakeSocket(os, f, t, options);
  if (!h.ok()) return h.status();
  absl::Status s = os.Bind(h->get(), Loopback(f));
  if (!s.ok()) return s;
  absl::StatusOr<SocketAddress> addr = os.GetSockName(h->get());
  if (!addr.ok()) return addr.status();
  return BoundSocket{std::move(*h), *addr};
}

// Listener is a listening TCP socket and the address it listens on.
using Listener = BoundSocket;

// MakeListener binds a TCP socket to the loopback address of `f`, port 0,
// reads the port back and listens.
inline absl::StatusOr<Listener> MakeListener(const Os& os,
                                             Family f = Family::kInet,
                                             CreateOptions options = {}) {
  absl::StatusOr<BoundSocket> l =
      MakeBoundSocket(os, f, Type::kStream, options);
  if (!l.ok()) return l.status();
  absl::Status s = os.Listen(l->handle.get(), 16);
  if (!s.ok()) return s;
  return l;
}

// Pair is two connected sockets.
struct Pair {
  Handle client;
  Handle server;
};

// MakeTcpPair connects a client to a fresh loopback listener and accepts it.
inline absl::StatusOr<Pair> MakeTcpPair(const Os& os,
                                        Family f = Family::kInet) {
  absl::StatusOr<Listener> l = MakeListener(os, f);
  if (!l.ok()) return l.status();
  absl::StatusOr<Handle> c = MakeSocket(os, f, Type::kStream);
  if (!c.ok()) return c.status();
  absl::Status s = os.Connect(c->get(), l->addr);
  if (!s.ok()) return s;
  SocketAddress peer;
  absl::StatusOr<NativeHandle> a = os.Accept(l->handle.get(), &peer);
  if (!a.ok()) return a.status();
  return Pair{std::move(*c), Handle(&os, *a)};
}

// MakeUnixPair creates a connected AF_UNIX socketpair of type `t`.
inline absl::StatusOr<Pair> MakeUnixPair(const Os& os, Type t = Type::kStream) {
  absl::StatusOr<std::array<NativeHandle, 2>> p =
      os.SocketPair(Family::kUnix, t, 0, CreateOptions{});
  if (!p.ok()) return p.status();
  return Pair{Handle(&os, (*p)[0]), Handle(&os, (*p)[1])};
}

// ClosedPort is a 127.0.0.1 address whose port is held by a bound,
// non-listening socket (so nothing else takes it): connects are refused.
using ClosedPort = BoundSocket;

// MakeClosedPort binds a socket of type `t` to 127.0.0.1, port 0, and reads
// the port back.
inline absl::StatusOr<ClosedPort> MakeClosedPort(const Os& os,
                                                 Type t = Type::kStream) {
  return MakeBoundSocket(os, Family::kInet, t);
}

// Datagrams is two UDP sockets bound to 127.0.0.1 and their names.
struct Datagrams {
  Handle a;
  Handle b;
  SocketAddress a_name;
  SocketAddress b_name;
};

// MakeDatagrams binds two UDP sockets to 127.0.0.1, port 0, and reads their
// names back.
inline absl::StatusOr<Datagrams> MakeDatagrams(const Os& os) {
  absl::StatusOr<BoundSocket> a =
      MakeBoundSocket(os, Family::kInet, Type::kDgram);
  if (!a.ok()) return a.status();
  absl::StatusOr<BoundSocket> b =
      MakeBoundSocket(os, Family::kInet, Type::kDgram);
  if (!b.ok()) return b.status();
  return Datagrams{std::move(a->handle), std::move(b->handle), a->addr,
                   b->addr};
}

// SendAll sends all of `data` on blocking handle `h`, over short sends and
// interrupted calls.
inline absl::Status SendAll(const Os& os, NativeHandle h,
                            std::string_view data) {
  while (!data.empty()) {
    absl::StatusOr<size_t> n =
        os.Send(h, data.data(), data.size(), MsgFlags::kNone);
    if (!n.ok() && IsInterrupted(n.status())) continue;
    if (!n.ok()) return n.status();
    data.remove_prefix(*n);
  }
  return absl::OkStatus();
}

// RecvExactly receives `len` bytes from blocking handle `h`, over short
// receives and interrupted calls; fewer if the stream ends first.
inline absl::StatusOr<std::string> RecvExactly(const Os& os, NativeHandle h,
                                               size_t len) {
  std::string out(len, '\0');
  size_t got = 0;
  while (got < len) {
    absl::StatusOr<size_t> n =
        os.Recv(h, &out[got], len - got, MsgFlags::kNone);
    if (!n.ok() && IsInterrupted(n.status())) continue;
    if (!n.ok()) return n.status();
    if (*n == 0) break;
    got += *n;
  }
  out.resize(got);
  return out;
}

}  // namespace testing
}  // namespace platform
}  // namespace xsock

#endif  // XSOCK_PLATFORM_INTERNAL_BACKEND_TEST_UTIL_H_
