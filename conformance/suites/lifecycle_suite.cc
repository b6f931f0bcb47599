// conformance/suites/lifecycle_suite.cc: LIFE-nn, the life of a socket
// object and its handle (docs/behaviour/lifecycle.md).

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/time/time.h"
#include "conformance/harness.h"
#include "conformance/suites/suites.h"

namespace xsock {
namespace conformance {
namespace {

using platform::kInvalidHandle;

void ExpectFreshSocket(const Socket& s, Family family, Type type) {
  EXPECT_FALSE(s.closed());
  EXPECT_NE(s.Fileno(), kInvalidHandle);
  EXPECT_EQ(s.family(), family);
  EXPECT_EQ(s.type(), type);
  EXPECT_EQ(s.proto(), 0);
  EXPECT_EQ(s.GetTimeout(), std::nullopt);
}

TEST_P(LifecycleSuite, LIFE_01_CreateInetStream) {
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet, Type::kStream));
  ExpectFreshSocket(s, Family::kInet, Type::kStream);
}

TEST_P(LifecycleSuite, LIFE_01_CreateInetDatagram) {
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet, Type::kDgram));
  ExpectFreshSocket(s, Family::kInet, Type::kDgram);
}

TEST_P(LifecycleSuite, LIFE_01_CreateInet6) {
  XSOCK_REQUIRE(kIpv6);
  ASSERT_OK_AND_ASSIGN(Socket stream, NewSocket(Family::kInet6, Type::kStream));
  ExpectFreshSocket(stream, Family::kInet6, Type::kStream);
  ASSERT_OK_AND_ASSIGN(Socket dgram, NewSocket(Family::kInet6, Type::kDgram));
  ExpectFreshSocket(dgram, Family::kInet6, Type::kDgram);
}

TEST_P(LifecycleSuite, LIFE_01_CreateUnixStream) {
  XSOCK_REQUIRE(kUnixSockets);
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kUnix, Type::kStream));
  ExpectFreshSocket(s, Family::kUnix, Type::kStream);
}

TEST_P(LifecycleSuite, LIFE_01_CreateUnixDatagram) {
  XSOCK_REQUIRE(kUnixDatagram);
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kUnix, Type::kDgram));
  ExpectFreshSocket(s, Family::kUnix, Type::kDgram);
}

TEST_P(LifecycleSuite, LIFE_02_SocketRemembersItsBackend) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  EXPECT_EQ(&c.client.os(), &os());
  EXPECT_EQ(&c.server.os(), &os());  // accepted
  ASSERT_OK_AND_ASSIGN(Socket dup, c.client.Dup());
  EXPECT_EQ(&dup.os(), &os());
  ASSERT_OK_AND_ASSIGN(auto pair, SocketPair(Family::kUnspec, Type::kStream,
                                             0, os()));
  EXPECT_EQ(&pair.first.os(), &os());
  EXPECT_EQ(&pair.second.os(), &os());
  EXPECT_EQ(c.client.os().Name(), backend_name());
}

TEST_P(LifecycleSuite, LIFE_03_CloseTwiceIsANoOp) {
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet));
  EXPECT_OK(s.Close());
  EXPECT_TRUE(s.closed());
  EXPECT_OK(s.Close());
  EXPECT_OK(s.Close());
  EXPECT_EQ(s.Fileno(), kInvalidHandle);
}

TEST_P(LifecycleSuite, LIFE_03_CloseOfDefaultConstructedSocketIsANoOp) {
  Socket s;
  EXPECT_TRUE(s.closed());
  EXPECT_OK(s.Close());
}

// Every call that takes the handle, as (name, call) pairs; each must fail
// with kInvalidArgument "socket is closed" once the socket is closed.
std::vector<std::pair<std::string, std::function<absl::Status(Socket&)>>>
CallsOnHandle() {
  const SocketAddress local = Loopback(Family::kInet);
  static char buffer[16];
  return {
      {"Bind", [=](Socket& s) { return s.Bind(local); }},
      {"Connect", [=](Socket& s) { return s.Connect(local); }},
      {"ConnectEx", [=](Socket& s) { return s.ConnectEx(local).status(); }},
      {"Listen", [](Socket& s) { return s.Listen(); }},
      {"Accept", [](Socket& s) { return s.Accept().status(); }},
      {"Send", [](Socket& s) { return s.Send("x").status(); }},
      {"SendAll", [](Socket& s) { return s.SendAll("x"); }},
      {"SendTo", [=](Socket& s) { return s.SendTo("x", local).status(); }},
      {"Recv", [](Socket& s) { return s.Recv(16).status(); }},
      {"RecvInto",
       [](Socket& s) {
         return s.RecvInto(absl::MakeSpan(buffer, sizeof(buffer))).status();
       }},
      {"RecvFrom", [](Socket& s) { return s.RecvFrom(16).status(); }},
      {"RecvFromInto",
       [](Socket& s) {
         return s.RecvFromInto(absl::MakeSpan(buffer, sizeof(buffer)))
             .status();
       }},
      {"GetSockName", [](Socket& s) { return s.GetSockName().status(); }},
      {"GetPeerName", [](Socket& s) { return s.GetPeerName().status(); }},
      {"GetOption",
       [](Socket& s) { return s.GetOption(Option::kReuseAddr).status(); }},
      {"SetOption",
       [](Socket& s) { return s.SetOption(Option::kReuseAddr, 1); }},
      {"Shutdown", [](Socket& s) { return s.Shutdown(ShutdownHow::kBoth); }},
      {"SetBlocking", [](Socket& s) { return s.SetBlocking(false); }},
      {"SetTimeout",
       [](Socket& s) { return s.SetTimeout(absl::Milliseconds(100)); }},
      {"GetInheritable",
       [](Socket& s) { return s.GetInheritable().status(); }},
      {"SetInheritable", [](Socket& s) { return s.SetInheritable(true); }},
      {"Dup", [](Socket& s) { return s.Dup().status(); }},
  };
}

void ExpectEveryCallSaysClosed(Socket& s) {
  for (auto& [name, call] : CallsOnHandle()) {
    absl::Status status = call(s);
    EXPECT_KIND(status, ErrorKind::kInvalidArgument) << name;
    EXPECT_TRUE(absl::StrContains(status.message(), "closed"))
        << name << ": " << status;
  }
}

TEST_P(LifecycleSuite, LIFE_04_CallsAfterCloseFailWithInvalidArgument) {
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet));
  ASSERT_OK(s.Close());
  ExpectEveryCallSaysClosed(s);
}

TEST_P(LifecycleSuite, LIFE_04_CallsAfterDetachFailWithInvalidArgument) {
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet));
  platform::NativeHandle h = s.Detach();
  ASSERT_NE(h, kInvalidHandle);
  ExpectEveryCallSaysClosed(s);
  ASSERT_OK(os().Close(h));
}

TEST_P(LifecycleSuite, LIFE_04_CallsOnConnectedSocketAfterClose) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.client.Close());
  ExpectEveryCallSaysClosed(c.client);
}

TEST_P(LifecycleSuite, LIFE_05_ClosedSocketNeverTouchesReusedDescriptor) {
  ASSERT_OK_AND_ASSIGN(Socket a, NewSocket(Family::kInet));
  const platform::NativeHandle old = a.Fileno();
  ASSERT_OK(a.Close());

  // POSIX hands out the lowest free descriptor, so b normally gets a's old
  // number; Windows handles may differ, which makes the test weaker there
  // but not wrong.
  ASSERT_OK_AND_ASSIGN(Listening b, ListenLoopback());
  if (b.socket.Fileno() != old) {
    RecordProperty("descriptor_reused", "false");
  }

  // None of these may reach b's descriptor.
  EXPECT_KIND(a.Send("x"), ErrorKind::kInvalidArgument);
  EXPECT_KIND(a.Recv(1), ErrorKind::kInvalidArgument);
  EXPECT_KIND(a.Shutdown(ShutdownHow::kBoth), ErrorKind::kInvalidArgument);
  EXPECT_KIND(a.SetBlocking(false), ErrorKind::kInvalidArgument);
  EXPECT_KIND(a.SetOption(Option::kReuseAddr, 1), ErrorKind::kInvalidArgument);
  EXPECT_OK(a.Close());  // a no-op: must not close b's descriptor
  EXPECT_EQ(a.Detach(), kInvalidHandle);
  { Socket moved = std::move(a); }  // destroying it must not close b either

  // b is intact: still blocking, still listening, still accepting.
  EXPECT_EQ(b.socket.GetTimeout(), std::nullopt);
  ASSERT_OK_AND_ASSIGN(int listening, b.socket.GetOption(Option::kAcceptConn));
  EXPECT_NE(listening, 0);
  ASSERT_OK_AND_ASSIGN(Connection c, ConnectTo(b));
  EXPECT_TRUE(Transfers(c.client, c.server, kMsg));
}

TEST_P(LifecycleSuite, LIFE_06_DestructorClosesHandle) {
  XSOCK_REQUIRE(kHandleCount);
  ASSERT_OK_AND_ASSIGN(int before, os().OpenHandleCountForTesting());
  {
    ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet));
    ASSERT_OK_AND_ASSIGN(int during, os().OpenHandleCountForTesting());
    EXPECT_EQ(during, before + 1);
  }
  ASSERT_OK_AND_ASSIGN(int after, os().OpenHandleCountForTesting());
  EXPECT_EQ(after, before);
}

TEST_P(LifecycleSuite, LIFE_06_MoveTransfersOwnership) {
  ASSERT_OK_AND_ASSIGN(Socket a, NewSocket(Family::kInet));
  const platform::NativeHandle h = a.Fileno();
  Socket b(std::move(a));
  EXPECT_TRUE(a.closed());  // NOLINT(bugprone-use-after-move): specified
  EXPECT_EQ(b.Fileno(), h);
  EXPECT_EQ(b.family(), Family::kInet);
  EXPECT_EQ(&b.os(), &os());
  ASSERT_OK(b.Bind(Loopback(Family::kInet)));
}

TEST_P(LifecycleSuite, LIFE_06_MoveAssignmentClosesTheTarget) {
  XSOCK_REQUIRE(kHandleCount);
  ASSERT_OK_AND_ASSIGN(Socket a, NewSocket(Family::kInet));
  ASSERT_OK_AND_ASSIGN(Socket b, NewSocket(Family::kInet));
  ASSERT_OK_AND_ASSIGN(int before, os().OpenHandleCountForTesting());
  const platform::NativeHandle h = a.Fileno();
  b = std::move(a);
  EXPECT_EQ(b.Fileno(), h);
  ASSERT_OK_AND_ASSIGN(int after, os().OpenHandleCountForTesting());
  EXPECT_EQ(after, before - 1) << "b's old handle was not closed";
}

TEST_P(LifecycleSuite, LIFE_07_DetachReturnsOpenHandle) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  const platform::NativeHandle h = c.server.Fileno();
  EXPECT_EQ(c.server.Detach(), h);
  EXPECT_TRUE(c.server.closed());
  EXPECT_EQ(c.server.Fileno(), kInvalidHandle);
  EXPECT_EQ(c.server.Detach(), kInvalidHandle);
  EXPECT_KIND(c.server.Recv(16), ErrorKind::kInvalidArgument);

  // The handle is still open and connected: adopt it and read.
  ASSERT_OK_AND_ASSIGN(Socket adopted, Socket::Adopt(h, os()));
  EXPECT_TRUE(Transfers(c.client, adopted, kMsg));
}

TEST_P(LifecycleSuite, LIFE_08_DupSharesConnectionAndCopiesTimeout) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.server.SetTimeout(absl::Seconds(7)));
  ASSERT_OK_AND_ASSIGN(Socket dup, c.server.Dup());
  EXPECT_NE(dup.Fileno(), c.server.Fileno());
  EXPECT_EQ(dup.family(), c.server.family());
  EXPECT_EQ(dup.type(), c.server.type());
  EXPECT_EQ(dup.proto(), c.server.proto());
  EXPECT_EQ(dup.GetTimeout(), Timeout(absl::Seconds(7)));
  EXPECT_TRUE(Transfers(c.client, dup, kMsg));
}

TEST_P(LifecycleSuite, LIFE_08_DupSurvivesCloseOfOriginal) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK_AND_ASSIGN(Socket dup, c.client.Dup());
  ASSERT_OK(c.client.Close());
  EXPECT_TRUE(Transfers(dup, c.server, kMsg));
}

TEST_P(LifecycleSuite, LIFE_09_FromFdDuplicatesHandle) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK_AND_ASSIGN(
      Socket copy, Socket::FromFd(c.server.Fileno(), Family::kInet,
                                  Type::kStream, 0, os()));
  EXPECT_NE(copy.Fileno(), c.server.Fileno());
  EXPECT_EQ(copy.family(), Family::kInet);
  EXPECT_EQ(copy.type(), Type::kStream);
  // The caller keeps its handle: both work, and closing one keeps the other.
  EXPECT_TRUE(Transfers(c.client, copy, kMsg));
  ASSERT_OK(copy.Close());
  EXPECT_TRUE(Transfers(c.client, c.server, kMsg));
}

TEST_P(LifecycleSuite, LIFE_09_FromFdTakesDefaultTimeoutNotTheOriginals) {
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet));
  ASSERT_OK(s.SetTimeout(absl::Seconds(3)));
  {
    ScopedDefaultTimeout default_timeout(absl::Seconds(9));
    ASSERT_OK_AND_ASSIGN(Socket copy, Socket::FromFd(s.Fileno(), Family::kInet,
                                                     Type::kStream, 0, os()));
    EXPECT_EQ(copy.GetTimeout(), Timeout(absl::Seconds(9)));
  }
  ASSERT_OK_AND_ASSIGN(Socket copy, Socket::FromFd(s.Fileno(), Family::kInet,
                                                   Type::kStream, 0, os()));
  EXPECT_EQ(copy.GetTimeout(), std::nullopt);
}

TEST_P(LifecycleSuite, LIFE_10_AdoptTakesOwnershipWithoutDuplicating) {
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet));
  const platform::NativeHandle h = s.Detach();
  ASSERT_OK_AND_ASSIGN(Socket adopted, Socket::Adopt(h, os()));
  EXPECT_EQ(adopted.Fileno(), h);
  EXPECT_EQ(&adopted.os(), &os());
  ASSERT_OK(adopted.Close());  // closes h: the fixture's leak check agrees
}

void ExpectAdoptDetects(const platform::Os& os, Socket original, Family family,
                        Type type) {
  const platform::NativeHandle h = original.Detach();
  ASSERT_NE(h, kInvalidHandle);
  absl::StatusOr<Socket> adopted = Socket::Adopt(h, os);
  if (!adopted.ok()) {
    (void)os.Close(h);
    FAIL() << "Adopt: " << adopted.status();
  }
  EXPECT_EQ(adopted->family(), family);
  EXPECT_EQ(adopted->type(), type);
}

TEST_P(LifecycleSuite, LIFE_10_AdoptDetectsInetStream) {
  ASSERT_OK_AND_ASSIGN(Bound b, BindLoopback(Family::kInet, Type::kStream));
  ExpectAdoptDetects(os(), std::move(b.socket), Family::kInet, Type::kStream);
}

TEST_P(LifecycleSuite, LIFE_10_AdoptDetectsInetDatagram) {
  ASSERT_OK_AND_ASSIGN(Bound b, BindLoopback(Family::kInet, Type::kDgram));
  ExpectAdoptDetects(os(), std::move(b.socket), Family::kInet, Type::kDgram);
}

TEST_P(LifecycleSuite, LIFE_10_AdoptDetectsInet6Stream) {
  XSOCK_REQUIRE(kIpv6);
  ASSERT_OK_AND_ASSIGN(Bound b, BindLoopback(Family::kInet6, Type::kStream));
  ExpectAdoptDetects(os(), std::move(b.socket), Family::kInet6,
                     Type::kStream);
}

TEST_P(LifecycleSuite, LIFE_10_AdoptDetectsUnixStream) {
  XSOCK_REQUIRE(kUnixSockets);
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kUnix, Type::kStream));
  ASSERT_OK_AND_ASSIGN(SocketAddress path,
                       SocketAddress::Unix(UnixPath("adopt")));
  ASSERT_OK(s.Bind(path));
  ExpectAdoptDetects(os(), std::move(s), Family::kUnix, Type::kStream);
}

TEST_P(LifecycleSuite, LIFE_11_FilenoIsInvalidOnlyWhenClosed) {
  Socket none;
  EXPECT_EQ(none.Fileno(), kInvalidHandle);
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet));
  const platform::NativeHandle h = s.Fileno();
  EXPECT_NE(h, kInvalidHandle);
  ASSERT_OK(s.SetTimeout(absl::Seconds(1)));
  EXPECT_EQ(s.Fileno(), h) << "a mode change must keep the handle";
  ASSERT_OK(s.Close());
  EXPECT_EQ(s.Fileno(), kInvalidHandle);
}

void ExpectNonInheritable(const Socket& s, const char* what) {
  absl::StatusOr<bool> inheritable = s.GetInheritable();
  ASSERT_TRUE(IsOk(inheritable)) << what;
  EXPECT_FALSE(*inheritable) << what << " is inheritable";
}

TEST_P(LifecycleSuite, LIFE_12_CreateIsNonInheritable) {
  XSOCK_REQUIRE(kInheritanceQuery);
  for (Type type : {Type::kStream, Type::kDgram}) {
    ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet, type));
    ExpectNonInheritable(s, "Create");
  }
}

TEST_P(LifecycleSuite, LIFE_12_AcceptIsNonInheritable) {
  XSOCK_REQUIRE(kInheritanceQuery);
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ExpectNonInheritable(c.server, "Accept");
  ExpectNonInheritable(c.client, "Create (connected)");
}

TEST_P(LifecycleSuite, LIFE_12_DupIsNonInheritable) {
  XSOCK_REQUIRE(kInheritanceQuery);
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet));
  ASSERT_OK(s.SetInheritable(true));
  ASSERT_OK_AND_ASSIGN(Socket dup, s.Dup());
  ExpectNonInheritable(dup, "Dup of an inheritable socket");
  ASSERT_OK(s.Close());
  ExpectNonInheritable(dup, "Dup after the original closed");
}

TEST_P(LifecycleSuite, LIFE_12_SocketPairEndsAreNonInheritable) {
  XSOCK_REQUIRE(kInheritanceQuery);
  ASSERT_OK_AND_ASSIGN(auto pair, SocketPair(Family::kUnspec, Type::kStream,
                                             0, os()));
  ExpectNonInheritable(pair.first, "SocketPair first");
  ExpectNonInheritable(pair.second, "SocketPair second");
}

TEST_P(LifecycleSuite, LIFE_12_FromFdIsNonInheritable) {
  XSOCK_REQUIRE(kInheritanceQuery);
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet));
  ASSERT_OK(s.SetInheritable(true));
  ASSERT_OK_AND_ASSIGN(Socket copy, Socket::FromFd(s.Fileno(), Family::kInet,
                                                   Type::kStream, 0, os()));
  ExpectNonInheritable(copy, "FromFd");
}

TEST_P(LifecycleSuite, LIFE_12_SetInheritableRoundTrips) {
  XSOCK_REQUIRE(kInheritanceQuery);
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet));
  ASSERT_OK(s.SetInheritable(true));
  ASSERT_OK_AND_ASSIGN(bool on, s.GetInheritable());
  EXPECT_TRUE(on);
  // The flag is read from the OS, not cached: the native call agrees.
  ASSERT_OK_AND_ASSIGN(bool native, os().IsInheritable(s.Fileno()));
  EXPECT_TRUE(native);
  ASSERT_OK(s.SetInheritable(false));
  ASSERT_OK_AND_ASSIGN(on, s.GetInheritable());
  EXPECT_FALSE(on);
  // Changed behind the object's back, GetInheritable sees it.
  ASSERT_OK(os().SetInheritable(s.Fileno(), true));
  ASSERT_OK_AND_ASSIGN(on, s.GetInheritable());
  EXPECT_TRUE(on);
}

TEST_P(LifecycleSuite, LIFE_12_CreateRawIsInheritable) {
  XSOCK_REQUIRE(kInheritanceQuery);
  ASSERT_OK_AND_ASSIGN(Socket s, Socket::CreateRaw(Family::kInet,
                                                   Type::kStream, 0, os()));
  ASSERT_OK_AND_ASSIGN(bool on, s.GetInheritable());
  EXPECT_TRUE(on);
}

TEST_P(LifecycleSuite, LIFE_13_NoHandleLeakAcrossManyOperations) {
  XSOCK_REQUIRE(kHandleCount);
  ASSERT_OK_AND_ASSIGN(int before, os().OpenHandleCountForTesting());
  ASSERT_OK_AND_ASSIGN(Listening listening, ListenLoopback());
  ASSERT_OK_AND_ASSIGN(Bound closed, ClosedPort());
  for (int i = 0; i < 50; ++i) {
    ASSERT_OK_AND_ASSIGN(Connection c, ConnectTo(listening));
    ASSERT_OK_AND_ASSIGN(Socket dup, c.server.Dup());
    ASSERT_OK_AND_ASSIGN(auto pair, SocketPair(Family::kUnspec, Type::kStream,
                                               0, os()));
    // Failing calls must not leak either.
    ASSERT_OK_AND_ASSIGN(Socket refused, NewSocket(Family::kInet));
    EXPECT_KIND(refused.Connect(closed.address),
                ErrorKind::kConnectionRefused);
    EXPECT_KIND(NewSocket(Family::kInet, static_cast<Type>(77)),
                ErrorKind::kInvalidArgument);
  }
  ASSERT_OK(listening.socket.Close());
  ASSERT_OK(closed.socket.Close());
  ASSERT_OK_AND_ASSIGN(int after, os().OpenHandleCountForTesting());
  EXPECT_EQ(after, before);
}

TEST_P(LifecycleSuite, LIFE_14_SocketPairIsConnectedBothWays) {
  ASSERT_OK_AND_ASSIGN(auto pair, SocketPair(Family::kUnspec, Type::kStream,
                                             0, os()));
  ASSERT_OK(pair.first.SetTimeout(kPeerTimeout));
  ASSERT_OK(pair.second.SetTimeout(kPeerTimeout));
  EXPECT_TRUE(Transfers(pair.first, pair.second, kMsg));
  EXPECT_TRUE(Transfers(pair.second, pair.first, kMsg));
}

TEST_P(LifecycleSuite, LIFE_14_SocketPairDefaultsToUnixStream) {
  ASSERT_OK_AND_ASSIGN(auto pair, SocketPair(Family::kUnspec, Type::kStream,
                                             0, os()));
  const Family expected =
      Supports(platform::Capability::kUnixSockets) ? Family::kUnix
                                                   : Family::kInet;
  EXPECT_EQ(pair.first.family(), expected);
  EXPECT_EQ(pair.second.family(), expected);
  EXPECT_EQ(pair.first.type(), Type::kStream);
  EXPECT_EQ(pair.first.proto(), 0);
  EXPECT_EQ(pair.first.GetTimeout(), std::nullopt);
}

TEST_P(LifecycleSuite, LIFE_14_SocketPairCloseGivesEof) {
  ASSERT_OK_AND_ASSIGN(auto pair, SocketPair(Family::kUnspec, Type::kStream,
                                             0, os()));
  ASSERT_OK(pair.second.SetTimeout(kPeerTimeout));
  ASSERT_OK(pair.first.SendAll("last"));
  ASSERT_OK(pair.first.Close());
  ASSERT_OK_AND_ASSIGN(std::string got, ReadToEof(pair.second, 1024));
  EXPECT_EQ(got, "last");
}

}  // namespace
}  // namespace conformance
}  // namespace xsock
