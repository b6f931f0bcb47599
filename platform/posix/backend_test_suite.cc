// platform/posix/backend_test_suite.cc: the backend suite (see
// backend_test_suite.h). Only the fixture's parameter decides the backend;
// nothing here is #ifdef'd per OS.

#include "platform/posix/backend_test_suite.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "core/address.h"
#include "core/error.h"
#include "core/options.h"
#include "core/types.h"
#include "gtest/gtest.h"
#include "platform/internal/backend_checks.h"
#include "platform/internal/backend_test_util.h"
#include "platform/internal/resolver_test_util.h"
#include "platform/os.h"

// --- allocation counting -------------------------------------------------------
// The would-block and success paths of the data calls must not allocate
// (GUIDE "Decisions already taken"); the replaceable global operator new
// counts allocations so the suite can check that.

namespace {
std::atomic<long> g_allocations{0};
}  // namespace

void* operator new(std::size_t n) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  void* p = std::malloc(n == 0 ? 1 : n);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace xsock {
namespace platform {
namespace testing {
namespace {

// TempDir is a short private directory under /tmp (AF_UNIX paths must fit
// sun_path, which Bazel's TEST_TMPDIR may not), removed with its entries.
class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/xsock-os-XXXXXX";
    if (::mkdtemp(tmpl) != nullptr) path_ = tmpl;
  }
  ~TempDir() {
    for (const std::string& f : files_) ::unlink(f.c_str());
    if (!path_.empty()) ::rmdir(path_.c_str());
  }
  bool ok() const { return !path_.empty(); }
  std::string File(std::string_view name) {
    std::string f = path_ + "/" + std::string(name);
    files_.push_back(f);
    return f;
  }

 private:
  std::string path_;
  std::vector<std::string> files_;
};

std::string UniqueAbstractName(std::string_view tag) {
  static std::atomic<int> counter{0};
  std::string name(1, '\0');
  name += "xsock-os-test-";
  name += std::to_string(::getpid());
  name += "-";
  name += std::to_string(counter.fetch_add(1));
  name += "-";
  name += tag;
  return name;
}

// --- TCP / UDP data ---------------------------------------------------------------

TEST_P(BackendTest, TcpLoopbackConnectAcceptSendRecv) {
  CheckTcpLoopbackRoundTrip(os(), nullptr);
}

TEST_P(BackendTest, Ipv6LoopbackRoundTrip) {
  if (!os().Supports(Capability::kIpv6)) GTEST_SKIP() << "no AF_INET6";
  CheckIpv6LoopbackRoundTrip(os());
}

TEST_P(BackendTest, UdpSendToRecvFromReportsSender) {
  CheckUdpSendToRecvFromReportsSender(os());
}

TEST_P(BackendTest, RecvFromOnConnectedTcpReportsNoAddressOrThePeer) {
  XSOCK_ASSERT_OK_AND_ASSIGN(Pair p, MakeTcpPair(os(), Family::kInet));
  XSOCK_ASSERT_OK(SendAll(os(), p.client.get(), "x"));
  char buf[4];
  SocketAddress from = SocketAddress::Netlink(1, 1);  // overwritten
  XSOCK_ASSERT_OK_AND_ASSIGN(
      size_t n,
      os().RecvFrom(p.server.get(), buf, sizeof(buf), MsgFlags::kNone, &from));
  EXPECT_EQ(n, 1u);
  XSOCK_ASSERT_OK_AND_ASSIGN(SocketAddress client_name,
                             os().GetSockName(p.client.get()));
  EXPECT_TRUE(from.family() == Family::kUnspec || from == client_name)
      << from.ToString();
}

TEST_P(BackendTest, ShutdownWriteGivesPeerEndOfStream) {
  XSOCK_ASSERT_OK_AND_ASSIGN(Pair p, MakeTcpPair(os(), Family::kInet));
  CheckShutdownWriteGivesPeerEndOfStream(os(), p);
}

TEST_P(BackendTest, NativeShutdownHowIsTheShutMacro) {
  EXPECT_EQ(os().NativeShutdownHow(ShutdownHow::kRead), SHUT_RD);
  EXPECT_EQ(os().NativeShutdownHow(ShutdownHow::kWrite), SHUT_WR);
  EXPECT_EQ(os().NativeShutdownHow(ShutdownHow::kBoth), SHUT_RDWR);
  EXPECT_EQ(os().NativeShutdownHow(static_cast<ShutdownHow>(3)), -1);
}

// --- would-block, modes, readiness ---------------------------------------------------

TEST_P(BackendTest, EmptyNonBlockingRecvIsBareWouldBlock) {
  XSOCK_ASSERT_OK_AND_ASSIGN(Pair p, MakeTcpPair(os(), Family::kInet));
  XSOCK_ASSERT_OK(os().SetNonBlocking(p.server.get(), true));
  XSOCK_ASSERT_OK_AND_ASSIGN(bool nb, os().IsNonBlocking(p.server.get()));
  EXPECT_TRUE(nb);
  char buf[8];
  absl::StatusOr<size_t> n =
      os().Recv(p.server.get(), buf, sizeof(buf), MsgFlags::kNone);
  ASSERT_FALSE(n.ok());
  EXPECT_TRUE(IsWouldBlock(n.status())) << n.status();
  EXPECT_EQ(GetErrorKind(n.status()), ErrorKind::kWouldBlock);
  EXPECT_TRUE(n.status().message().empty());

  SocketAddress from;
  n = os().RecvFrom(p.server.get(), buf, sizeof(buf), MsgFlags::kNone, &from);
  EXPECT_TRUE(IsWouldBlock(n.status())) << n.status();

  XSOCK_ASSERT_OK(os().SetNonBlocking(p.server.get(), false));
  XSOCK_ASSERT_OK_AND_ASSIGN(nb, os().IsNonBlocking(p.server.get()));
  EXPECT_FALSE(nb);
}

TEST_P(BackendTest, CreateNonBlockingOptionGivesNonBlockingHandle) {
  CreateOptions options;
  options.nonblocking = true;
  XSOCK_ASSERT_OK_AND_ASSIGN(
      Handle h, MakeSocket(os(), Family::kInet, Type::kDgram, options));
  XSOCK_ASSERT_OK_AND_ASSIGN(bool nb, os().IsNonBlocking(h.get()));
  EXPECT_TRUE(nb);
  XSOCK_ASSERT_OK_AND_ASSIGN(Handle b,
                             MakeSocket(os(), Family::kInet, Type::kDgram));
  XSOCK_ASSERT_OK_AND_ASSIGN(nb, os().IsNonBlocking(b.get()));
  EXPECT_FALSE(nb);
  // An unbound, empty UDP socket would block (BIND-12).
  char buf[4];
  absl::StatusOr<size_t> n = os().Recv(h.get(), buf, 4, MsgFlags::kNone);
  EXPECT_TRUE(IsWouldBlock(n.status())) << n.status();
}

TEST_P(BackendTest, DontWaitFlagOnBlockingHandleWouldBlock) {
  XSOCK_ASSERT_OK_AND_ASSIGN(Pair p, MakeTcpPair(os(), Family::kInet));
  char buf[4];
  absl::StatusOr<size_t> n =
      os().Recv(p.server.get(), buf, sizeof(buf), MsgFlags::kDontWait);
  if (!n.ok() && GetErrorKind(n.status()) == ErrorKind::kUnimplemented) {
    GTEST_SKIP() << "no MSG_DONTWAIT: " << n.status();
  }
  EXPECT_TRUE(IsWouldBlock(n.status())) << n.status();
}

TEST_P(BackendTest, WouldBlockAndSuccessPathsDoNotAllocate) {
  CheckWouldBlockAndSuccessPathsDoNotAllocate(os(), g_allocations);
}

TEST_P(BackendTest, WaitReportsReadinessAndBadHandles) {
  XSOCK_ASSERT_OK_AND_ASSIGN(Pair p, MakeUnixPair(os()));
  XSOCK_ASSERT_OK_AND_ASSIGN(unsigned r, os().Wait(p.server.get(), kWantRead, 0));
  EXPECT_EQ(r, 0u);
  XSOCK_ASSERT_OK_AND_ASSIGN(r, os().Wait(p.server.get(), kWantWrite, 0));
  EXPECT_EQ(r & kWritable, unsigned{kWritable});
  XSOCK_ASSERT_OK(SendAll(os(), p.client.get(), "z"));
  XSOCK_ASSERT_OK_AND_ASSIGN(r, os().Wait(p.server.get(), kWantRead, -1));
  EXPECT_EQ(r & kReadable, unsigned{kReadable});
  p.client.Reset();
  XSOCK_ASSERT_OK_AND_ASSIGN(r, os().Wait(p.server.get(), kWantRead, -1));
  EXPECT_NE(r & (kReadable | kHangup), 0u);

  absl::StatusOr<unsigned> bad = os().Wait(kInvalidHandle, kWantRead, 1000);
  EXPECT_EQ(GetErrorKind(bad.status()), ErrorKind::kBadDescriptor)
      << bad.status();
  // A descriptor that is not open: POLLNVAL is an error, not a Ready bit.
  NativeHandle closed = p.server.Release();
  XSOCK_ASSERT_OK(os().Close(closed));
  bad = os().Wait(closed, kWantRead, 1000);
  EXPECT_EQ(GetErrorKind(bad.status()), ErrorKind::kBadDescriptor)
      << bad.status();
}

TEST_P(BackendTest, AcceptedSocketIsBlockingEvenFromNonBlockingListener) {
  CreateOptions nb;
  nb.nonblocking = true;
  XSOCK_ASSERT_OK_AND_ASSIGN(Listener l,
                             MakeListener(os(), Family::kInet, nb));
  absl::StatusOr<NativeHandle> none = os().Accept(l.handle.get(), nullptr);
  EXPECT_TRUE(IsWouldBlock(none.status())) << none.status();

  XSOCK_ASSERT_OK_AND_ASSIGN(Handle c,
                             MakeSocket(os(), Family::kInet, Type::kStream));
  XSOCK_ASSERT_OK(os().Connect(c.get(), l.addr));
  XSOCK_ASSERT_OK_AND_ASSIGN(unsigned r,
                             os().Wait(l.handle.get(), kWantRead, -1));
  EXPECT_NE(r & kReadable, 0u);
  XSOCK_ASSERT_OK_AND_ASSIGN(NativeHandle a,
                             os().Accept(l.handle.get(), nullptr));
  Handle s(&os(), a);
  XSOCK_ASSERT_OK_AND_ASSIGN(bool is_nb, os().IsNonBlocking(s.get()));
  EXPECT_FALSE(is_nb) << "ACC-01: the accepted socket must be blocking";
}

// --- errors -------------------------------------------------------------------------

TEST_P(BackendTest, ConnectToClosedPortIsConnectionRefused) {
  // A bound but not listening socket holds the port (quirks note 5).
  CheckConnectToClosedPortIsRefused(os(), ECONNREFUSED);
}

TEST_P(BackendTest, NonBlockingConnectRefusalComesThroughPendingError) {
  XSOCK_ASSERT_OK_AND_ASSIGN(ClosedPort closed, MakeClosedPort(os()));
  CreateOptions nb;
  nb.nonblocking = true;
  XSOCK_ASSERT_OK_AND_ASSIGN(
      Handle c, MakeSocket(os(), Family::kInet, Type::kStream, nb));
  absl::Status s = os().Connect(c.get(), closed.addr);
  if (GetErrorKind(s) == ErrorKind::kConnectionRefused) return;  // at once
  ASSERT_EQ(GetErrorKind(s), ErrorKind::kInProgress) << s;
  XSOCK_ASSERT_OK_AND_ASSIGN(unsigned r, os().Wait(c.get(), kWantWrite, -1));
  EXPECT_NE(r, 0u);
  XSOCK_ASSERT_OK_AND_ASSIGN(int err, os().PendingError(c.get()));
  EXPECT_EQ(os().KindOfNative(err), ErrorKind::kConnectionRefused) << err;
  EXPECT_EQ(GetErrorKind(os().ErrorFromNative(err, "connect")),
            ErrorKind::kConnectionRefused);
  XSOCK_ASSERT_OK_AND_ASSIGN(err, os().PendingError(c.get()));
  EXPECT_EQ(err, 0) << "SO_ERROR is cleared by reading it (CONN-06)";
}

TEST_P(BackendTest, ErrorMappingKeepsKindCodeAndCall) {
  CheckErrorMapping(os(), NativeErrorCodes{os().WouldBlockCode(), EINTR,
                                           ECONNRESET, ETIMEDOUT});
  EXPECT_TRUE(IsWouldBlock(os().ErrorFromNative(EAGAIN, "recv")));

  const NativeErrorCase cases[] = {
      {EINPROGRESS, ErrorKind::kInProgress},
      {EALREADY, ErrorKind::kAlreadyInProgress},
      {EISCONN, ErrorKind::kAlreadyConnected},
      {ECONNREFUSED, ErrorKind::kConnectionRefused},
      {ECONNABORTED, ErrorKind::kConnectionAborted},
      {EPIPE, ErrorKind::kBrokenPipe},
      {ENOTCONN, ErrorKind::kNotConnected},
      {EADDRINUSE, ErrorKind::kAddressInUse},
      {EADDRNOTAVAIL, ErrorKind::kAddressNotAvailable},
      {EDESTADDRREQ, ErrorKind::kAddressRequired},
      {ENETUNREACH, ErrorKind::kNetworkUnreachable},
      {ENETDOWN, ErrorKind::kNetworkDown},
      {EHOSTUNREACH, ErrorKind::kHostUnreachable},
      {EAFNOSUPPORT, ErrorKind::kFamilyNotSupported},
      {EPROTONOSUPPORT, ErrorKind::kProtocolNotSupported},
      {EOPNOTSUPP, ErrorKind::kOperationNotSupported},
      {ENOPROTOOPT, ErrorKind::kProtocolOptionNotSupported},
      {EPROTOTYPE, ErrorKind::kWrongProtocolType},
      {EACCES, ErrorKind::kPermissionDenied},
      {EPERM, ErrorKind::kPermissionDenied},
      {ENOBUFS, ErrorKind::kNoBufferSpace},
      {ENOMEM, ErrorKind::kNoBufferSpace},
      {EMFILE, ErrorKind::kTooManyOpenFiles},
      {ENFILE, ErrorKind::kTooManyOpenFiles},
      {EMSGSIZE, ErrorKind::kMessageTooLong},
      {EBADF, ErrorKind::kBadDescriptor},
      {ENOTSOCK, ErrorKind::kNotASocket},
      {ENOENT, ErrorKind::kNotFound},
      {EINVAL, ErrorKind::kInvalidArgument},
  };
  CheckNativeErrorTable(os(), cases, "errno");
}

TEST_P(BackendTest, WritingToClosedPeerIsBrokenPipeWithoutSignal) {
  // SIGPIPE's default action would kill this test binary (SIG-01).
  struct sigaction old_action;
  struct sigaction dfl;
  std::memset(&dfl, 0, sizeof(dfl));
  dfl.sa_handler = SIG_DFL;
  ASSERT_EQ(::sigaction(SIGPIPE, &dfl, &old_action), 0);

  {
    XSOCK_ASSERT_OK_AND_ASSIGN(Pair p, MakeUnixPair(os()));
    p.server.Reset();
    absl::StatusOr<size_t> n =
        os().Send(p.client.get(), "x", 1, MsgFlags::kNone);
    EXPECT_EQ(GetErrorKind(n.status()), ErrorKind::kBrokenPipe) << n.status();
  }
  {
    XSOCK_ASSERT_OK_AND_ASSIGN(Pair p, MakeTcpPair(os(), Family::kInet));
    p.server.Reset();
    absl::Status last;
    for (int i = 0; i < 1000 && last.ok(); ++i) {
      last = os().Send(p.client.get(), "y", 1, MsgFlags::kNone).status();
    }
    ErrorKind kind = GetErrorKind(last);
    EXPECT_TRUE(kind == ErrorKind::kBrokenPipe ||
                kind == ErrorKind::kConnectionReset)
        << last;
  }
  ::sigaction(SIGPIPE, &old_action, nullptr);
}

TEST_P(BackendTest, IoctlIsWindowsOnlyHere) {
  if (os().Supports(Capability::kWinsockIoctl)) {
    GTEST_SKIP() << "backend has Winsock ioctls";
  }
  XSOCK_ASSERT_OK_AND_ASSIGN(Handle h,
                             MakeSocket(os(), Family::kInet, Type::kStream));
  absl::Status s = os().Ioctl(h.get(), IoctlCode::kRcvAll, IoctlArg{});
  EXPECT_EQ(GetErrorKind(s), ErrorKind::kUnimplemented) << s;
  EXPECT_NE(std::string(s.message()).find("SIO_RCVALL"), std::string::npos) << s;
  EXPECT_NE(std::string(s.message()).find("Windows"), std::string::npos) << s;
  EXPECT_NE(std::string(s.message()).find(os().Name()), std::string::npos) << s;
}

// --- safe defaults: inheritance ---------------------------------------------------------

// NativeInheritable is whether fcntl(F_GETFD) shows no FD_CLOEXEC.
bool NativeInheritable(NativeHandle h) {
  int flags = ::fcntl(static_cast<int>(h), F_GETFD);
  return !(flags >= 0 && (flags & FD_CLOEXEC) != 0);
}

TEST_P(BackendTest, EveryCreatedHandleIsNonInheritable) {
  CheckCreatedHandlesAreNonInheritable(os(), NativeInheritable);
}

TEST_P(BackendTest, InheritableOptionAndSetInheritableRoundTrip) {
  CheckInheritableOptionAndSetInheritableRoundTrip(os(), NativeInheritable);
}

TEST_P(BackendTest, DupDescribesTheSameSocket) {
  CheckDupIsTheSameSocket(os(), NativeInheritable);
}

// --- addresses ---------------------------------------------------------------------------

TEST_P(BackendTest, UnboundInetSocketNameIsUnspecifiedAddressPortZero) {
  XSOCK_ASSERT_OK_AND_ASSIGN(Handle h,
                             MakeSocket(os(), Family::kInet, Type::kDgram));
  XSOCK_ASSERT_OK_AND_ASSIGN(SocketAddress name, os().GetSockName(h.get()));
  EXPECT_EQ(name.family(), Family::kInet);
  EXPECT_TRUE(name.is_unspecified());
  EXPECT_EQ(name.port(), 0);
  if (!os().Supports(Capability::kIpv6)) return;
  XSOCK_ASSERT_OK_AND_ASSIGN(Handle h6,
                             MakeSocket(os(), Family::kInet6, Type::kDgram));
  XSOCK_ASSERT_OK_AND_ASSIGN(name, os().GetSockName(h6.get()));
  EXPECT_EQ(name.family(), Family::kInet6);
  EXPECT_TRUE(name.is_unspecified());
  EXPECT_EQ(name.port(), 0);
}

TEST_P(BackendTest, GetPeerNameOnUnconnectedIsNotConnected) {
  CheckPeerNameOfUnconnectedIsNotConnected(os());
}

TEST_P(BackendTest, UnixPathRoundTrip) {
  if (!os().Supports(Capability::kUnixSockets)) GTEST_SKIP() << "no AF_UNIX";
  TempDir dir;
  ASSERT_TRUE(dir.ok());
  XSOCK_ASSERT_OK_AND_ASSIGN(SocketAddress path,
                             SocketAddress::Unix(dir.File("s")));
  SocketAddress peer;
  Pair p;
  ASSERT_NO_FATAL_FAILURE(CheckUnixStreamPathRoundTrip(os(), path, &peer, &p));
  EXPECT_EQ(peer.family(), Family::kUnix);
  EXPECT_EQ(peer.unix_path(), "") << "the client is unnamed";
  XSOCK_ASSERT_OK_AND_ASSIGN(SocketAddress client_peer,
                             os().GetPeerName(p.client.get()));
  EXPECT_EQ(client_peer, path);

  // Connecting to a missing path is NotFound.
  XSOCK_ASSERT_OK_AND_ASSIGN(SocketAddress missing,
                             SocketAddress::Unix(dir.File("missing")));
  XSOCK_ASSERT_OK_AND_ASSIGN(Handle c2,
                             MakeSocket(os(), Family::kUnix, Type::kStream));
  absl::Status st = os().Connect(c2.get(), missing);
  EXPECT_EQ(GetErrorKind(st), ErrorKind::kNotFound) << st;
}

TEST_P(BackendTest, LongestUnixPathFitsAndIsNeverTruncated) {
  if (!os().Supports(Capability::kUnixSockets)) GTEST_SKIP() << "no AF_UNIX";
  TempDir dir;
  ASSERT_TRUE(dir.ok());
  const size_t max = os().UnixPathMax();
  ASSERT_GE(max, 92u);
  std::string base = dir.File("");
  // The longest path that fits: max - 1 bytes plus the terminator.
  std::string longest = base + std::string(max - 1 - base.size(), 'p');
  dir.File(longest.substr(base.size()));
  XSOCK_ASSERT_OK_AND_ASSIGN(SocketAddress addr, SocketAddress::Unix(longest));
  XSOCK_ASSERT_OK_AND_ASSIGN(Handle h,
                             MakeSocket(os(), Family::kUnix, Type::kStream));
  XSOCK_ASSERT_OK(os().Bind(h.get(), addr));
  XSOCK_ASSERT_OK_AND_ASSIGN(SocketAddress name, os().GetSockName(h.get()));
  EXPECT_EQ(name.unix_path(), longest);

  // One byte more does not fit sun_path: rejected, not truncated.
  if (max < kMaxUnixPathBytes) {
    std::string too_long = longest + "q";
    XSOCK_ASSERT_OK_AND_ASSIGN(SocketAddress bad,
                               SocketAddress::Unix(too_long));
    XSOCK_ASSERT_OK_AND_ASSIGN(Handle h2,
                               MakeSocket(os(), Family::kUnix, Type::kStream));
    absl::Status st = os().Bind(h2.get(), bad);
    EXPECT_EQ(GetErrorKind(st), ErrorKind::kInvalidArgument) << st;
  }
}

TEST_P(BackendTest, AbstractUnixNamesFollowTheCapability) {
  if (!os().Supports(Capability::kUnixSockets)) GTEST_SKIP() << "no AF_UNIX";
  // Embedded NUL and non-UTF-8 bytes must come back byte for byte (UNIX-02).
  std::string raw = UniqueAbstractName("abs");
  raw += std::string("\0\xff\x01", 3);
  XSOCK_ASSERT_OK_AND_ASSIGN(SocketAddress name, SocketAddress::Unix(raw));
  ASSERT_TRUE(name.is_abstract());
  XSOCK_ASSERT_OK_AND_ASSIGN(Handle l,
                             MakeSocket(os(), Family::kUnix, Type::kStream));
  absl::Status st = os().Bind(l.get(), name);
  if (!os().Supports(Capability::kUnixAbstract)) {
    EXPECT_EQ(GetErrorKind(st), ErrorKind::kFamilyNotSupported) << st;
    return;
  }
  XSOCK_ASSERT_OK(st);
  XSOCK_ASSERT_OK(os().Listen(l.get(), 4));
  XSOCK_ASSERT_OK_AND_ASSIGN(SocketAddress bound, os().GetSockName(l.get()));
  EXPECT_EQ(bound.unix_path(), raw);
  EXPECT_EQ(bound, name);
  XSOCK_ASSERT_OK_AND_ASSIGN(Handle c,
                             MakeSocket(os(), Family::kUnix, Type::kStream));
  XSOCK_ASSERT_OK(os().Connect(c.get(), name));
  XSOCK_ASSERT_OK_AND_ASSIGN(SocketAddress peer, os().GetPeerName(c.get()));
  EXPECT_EQ(peer, name);

  // The longest abstract name: all of sun_path, no terminator.
  std::string longest = UniqueAbstractName("max");
  longest.resize(os().UnixPathMax(), 'm');
  XSOCK_ASSERT_OK_AND_ASSIGN(SocketAddress max_name,
                             SocketAddress::Unix(longest));
  XSOCK_ASSERT_OK_AND_ASSIGN(Handle m,
                             MakeSocket(os(), Family::kUnix, Type::kDgram));
  XSOCK_ASSERT_OK(os().Bind(m.get(), max_name));
  XSOCK_ASSERT_OK_AND_ASSIGN(bound, os().GetSockName(m.get()));
  EXPECT_EQ(bound.unix_path(), longest);
}

TEST_P(BackendTest, AutobindGivesSixByteAbstractName) {
  if (!os().Supports(Capability::kUnixAutobind)) {
    GTEST_SKIP() << "backend has no AF_UNIX autobind";
  }
  XSOCK_ASSERT_OK_AND_ASSIGN(SocketAddress unnamed, SocketAddress::Unix(""));
  XSOCK_ASSERT_OK_AND_ASSIGN(Handle a,
                             MakeSocket(os(), Family::kUnix, Type::kDgram));
  XSOCK_ASSERT_OK_AND_ASSIGN(Handle b,
                             MakeSocket(os(), Family::kUnix, Type::kDgram));
  XSOCK_ASSERT_OK(os().Bind(a.get(), unnamed));
  XSOCK_ASSERT_OK(os().Bind(b.get(), unnamed));
  XSOCK_ASSERT_OK_AND_ASSIGN(SocketAddress na, os().GetSockName(a.get()));
  XSOCK_ASSERT_OK_AND_ASSIGN(SocketAddress nb, os().GetSockName(b.get()));
  ASSERT_TRUE(na.is_abstract()) << na.ToString();
  EXPECT_EQ(na.unix_path().size(), 6u) << na.ToString();
  for (char ch : na.unix_path().substr(1)) {
    EXPECT_TRUE((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))
        << na.ToString();
  }
  EXPECT_NE(na, nb);

  // The autobound name is reachable: b sends to a, a sees b's name.
  XSOCK_ASSERT_OK(os().SendTo(b.get(), "hi", 2, MsgFlags::kNone, na));
  char buf[8];
  SocketAddress from;
  XSOCK_ASSERT_OK_AND_ASSIGN(
      size_t n, os().RecvFrom(a.get(), buf, sizeof(buf), MsgFlags::kNone, &from));
  EXPECT_EQ(std::string(buf, n), "hi");
  EXPECT_EQ(from, nb) << from.ToString();
}

TEST_P(BackendTest, UnixDatagramFromUnboundSenderIsUnnamed) {
  if (!os().Supports(Capability::kUnixDatagram)) {
    GTEST_SKIP() << "no AF_UNIX datagram sockets";
  }
  XSOCK_ASSERT_OK_AND_ASSIGN(Pair p, MakeUnixPair(os(), Type::kDgram));
  XSOCK_ASSERT_OK(os().Send(p.client.get(), "dg", 2, MsgFlags::kNone));
  char buf[8];
  SocketAddress from = SocketAddress::Netlink(1, 1);
  XSOCK_ASSERT_OK_AND_ASSIGN(
      size_t n,
      os().RecvFrom(p.server.get(), buf, sizeof(buf), MsgFlags::kNone, &from));
  EXPECT_EQ(std::string(buf, n), "dg");
  EXPECT_TRUE(from.family() == Family::kUnspec ||
              (from.family() == Family::kUnix && from.unix_path().empty()))
      << from.ToString();
}

TEST_P(BackendTest, SocketPairTransfersBothWaysAndEnds) {
  if (!os().Supports(Capability::kNativeSocketPair)) {
    GTEST_SKIP() << "no native socketpair";
  }
  XSOCK_ASSERT_OK_AND_ASSIGN(Pair p, MakeUnixPair(os()));
  XSOCK_ASSERT_OK(SendAll(os(), p.client.get(), "ping"));
  XSOCK_ASSERT_OK_AND_ASSIGN(std::string got,
                             RecvExactly(os(), p.server.get(), 4));
  EXPECT_EQ(got, "ping");
  XSOCK_ASSERT_OK(SendAll(os(), p.server.get(), "pong"));
  XSOCK_ASSERT_OK_AND_ASSIGN(got, RecvExactly(os(), p.client.get(), 4));
  EXPECT_EQ(got, "pong");
  p.client.Reset();
  XSOCK_ASSERT_OK_AND_ASSIGN(got, RecvExactly(os(), p.server.get(), 1));
  EXPECT_EQ(got, "") << "end of stream after the peer closed";
}

TEST_P(BackendTest, UnsupportedFamilyIsFamilyNotSupported) {
  CheckUnsupportedFamiliesAreFamilyNotSupported(os());
}

// --- Describe -----------------------------------------------------------------------------

TEST_P(BackendTest, DescribeReadsFamilyTypeAndProtocol) {
  CheckDescribeReadsInetFamilyTypeAndProtocol(os(),
                                              /*protocol_may_be_zero=*/true);
  XSOCK_ASSERT_OK_AND_ASSIGN(Pair unix_pair, MakeUnixPair(os(), Type::kDgram));
  XSOCK_ASSERT_OK_AND_ASSIGN(HandleInfo info,
                             os().Describe(unix_pair.client.get()));
  EXPECT_EQ(info.family, Family::kUnix);
  EXPECT_EQ(info.type, Type::kDgram);
}

TEST_P(BackendTest, DescribeRejectsNonSockets) {
  absl::StatusOr<HandleInfo> info = os().Describe(kInvalidHandle);
  EXPECT_EQ(GetErrorKind(info.status()), ErrorKind::kBadDescriptor)
      << info.status();
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  info = os().Describe(static_cast<NativeHandle>(fds[0]));
  ::close(fds[0]);
  ::close(fds[1]);
  EXPECT_EQ(GetErrorKind(info.status()), ErrorKind::kNotASocket)
      << info.status();
}

// --- options ------------------------------------------------------------------------------

TEST_P(BackendTest, OptionsMapAndRoundTrip) {
  // A set boolean option reads back as any non-zero value (some BSDs
  // answer with the option's flag bit).
  CheckOptionsMapAndRoundTrip(
      os(), {Option::kReuseAddr, Option::kKeepAlive, Option::kTcpNoDelay},
      /*true_is_one=*/false, NativeSocketConstants{SOL_SOCKET, SOCK_STREAM});
}

TEST_P(BackendTest, LingerRoundTripsInSeconds) {
  XSOCK_ASSERT_OK_AND_ASSIGN(Handle h,
                             MakeSocket(os(), Family::kInet, Type::kStream));
  CheckLingerRoundTripsInSeconds(os(), h.get());
}

TEST_P(BackendTest, TimeOptionsRoundTripAndNeverRoundToNone) {
  XSOCK_ASSERT_OK_AND_ASSIGN(Handle h,
                             MakeSocket(os(), Family::kInet, Type::kStream));
  CheckTimeOptionsRoundTripAndNeverRoundToNone(os(), h.get());
}

// --- handle accounting -------------------------------------------------------------------

TEST_P(BackendTest, OpenHandleCountUnchangedAfterCreateAndClose) {
  if (!os().Supports(Capability::kHandleCount)) {
    GTEST_SKIP() << "backend cannot count handles";
  }
  CheckHandleCountUnchangedAfterCreateAndClose(os(),
                                               /*one_handle_per_socket=*/true);
}

TEST_P(BackendTest, CloseOfClosedHandleIsBadDescriptor) {
  absl::Status st = os().Close(kInvalidHandle);
  EXPECT_EQ(GetErrorKind(st), ErrorKind::kBadDescriptor) << st;
  // Handles outside int range never alias a small descriptor number.
  st = os().Close((NativeHandle{1} << 32) | 1);
  EXPECT_EQ(GetErrorKind(st), ErrorKind::kBadDescriptor) << st;
}

// --- name resolution (loopback, numeric and local databases only) ---------

TEST_P(BackendTest, GetAddrInfoNumericIpv4HonoursTheTypeFilter) {
  CheckNumericIpv4(os());
}

TEST_P(BackendTest, GetAddrInfoNumericIpv6) {
  if (!os().Supports(Capability::kIpv6)) GTEST_SKIP() << "no AF_INET6";
  CheckNumericIpv6(os());
}

TEST_P(BackendTest, GetAddrInfoPassiveNullHostIsTheWildcard) {
  CheckPassiveWildcard(os());
}

TEST_P(BackendTest, GetAddrInfoLocalhostIsLoopback) { CheckLocalhost(os()); }

TEST_P(BackendTest, GetAddrInfoNumericHostRejectsANameWithNoName) {
  CheckNumericHostRejectsName(os());
}

TEST_P(BackendTest, GetAddrInfoInvalidTldIsAnAddressInfoError) {
  CheckInvalidName(os());
}

TEST_P(BackendTest, GetAddrInfoNumericServRejectsAServiceName) {
  CheckNumericServiceRejectsName(os());
}

TEST_P(BackendTest, GetNameInfoNumericLoopback) { CheckNameInfoNumeric(os()); }

TEST_P(BackendTest, GetHostNameIsNotEmpty) { CheckHostName(os()); }

TEST_P(BackendTest, GetHostByNameLocalhostLiteralAndNotFound) {
  CheckHostByName(os());
}

TEST_P(BackendTest, GetHostByAddrOfLoopback) { CheckHostByAddr(os()); }

TEST_P(BackendTest, GetProtoByName) { CheckProtoByName(os()); }

TEST_P(BackendTest, GetServByName) { CheckServByName(os()); }

TEST_P(BackendTest, GetServByPort) { CheckServByPort(os()); }

}  // namespace

std::string BackendName(const ::testing::TestParamInfo<const Os*>& info) {
  return std::string(info.param->Name());
}

}  // namespace testing
}  // namespace platform
}  // namespace xsock
