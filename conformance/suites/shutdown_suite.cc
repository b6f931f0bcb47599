// conformance/suites/shutdown_suite.cc: SHUT-nn, half close, end of stream
// and what shutdown() reports (docs/behaviour/shutdown.md).

#include <string>
#include <utility>

#include "absl/time/time.h"
#include "conformance/harness.h"
#include "conformance/suites/suites.h"

namespace xsock {
namespace conformance {
namespace {

TEST_P(ShutdownSuite, SHUT_01_HalfCloseDeliversEverythingThenEof) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.client.SetTimeout(kPeerTimeout));
  ASSERT_OK(c.server.SetTimeout(kPeerTimeout));
  const std::string data = Pattern(1024 * 1024);
  absl::StatusOr<std::string> at_server;
  {
    ScopedThread server([&] {
      at_server = ReadToEof(c.server, data.size() + 1);
      // The server can still write after the client's half close.
      EXPECT_OK(c.server.SendAll("ok"));
      EXPECT_OK(c.server.Close());
    });
    ASSERT_OK(c.client.SendAll(data));
    ASSERT_OK(c.client.Shutdown(ShutdownHow::kWrite));
    // The client can still read after its own half close.
    absl::StatusOr<std::string> reply = ReadToEof(c.client, 1024);
    ASSERT_OK(reply);
    EXPECT_EQ(*reply, "ok");
  }
  ASSERT_OK(at_server);
  EXPECT_EQ(at_server->size(), data.size());
  EXPECT_TRUE(*at_server == data) << "content differs";
}

TEST_P(ShutdownSuite, SHUT_02_RecvAfterPeerCloseIsEof) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.client.SetTimeout(kPeerTimeout));
  ASSERT_OK(c.server.SendAll(kMsg));
  ASSERT_OK(c.server.Close());
  ASSERT_OK_AND_ASSIGN(std::string got, ReadToEof(c.client, 1024));
  EXPECT_EQ(got, kMsg);
}

TEST_P(ShutdownSuite, SHUT_02_EofRepeats) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.client.SetTimeout(kPeerTimeout));
  ASSERT_OK(c.server.Close());
  for (int i = 0; i < 3; ++i) {
    ASSERT_OK_AND_ASSIGN(std::string got, c.client.Recv(16));
    EXPECT_EQ(got, "") << "read #" << i;
  }
  // End of stream is "readable": it never waits for the timeout.
  ASSERT_OK(c.client.SetBlocking(false));
  ASSERT_OK_AND_ASSIGN(std::string got, c.client.Recv(16));
  EXPECT_EQ(got, "");
}

TEST_P(ShutdownSuite, SHUT_02_EofAfterPeerShutdownWrite) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.client.SetTimeout(kPeerTimeout));
  ASSERT_OK(c.server.SendAll("bye"));
  ASSERT_OK(c.server.Shutdown(ShutdownHow::kWrite));
  ASSERT_OK_AND_ASSIGN(std::string got, ReadToEof(c.client, 1024));
  EXPECT_EQ(got, "bye");
}

TEST_P(ShutdownSuite, SHUT_03_SendAfterShutdownWriteIsBrokenPipe) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.client.Shutdown(ShutdownHow::kWrite));
  EXPECT_KIND(c.client.Send("late"), ErrorKind::kBrokenPipe);
  EXPECT_KIND(c.client.SendAll("late"), ErrorKind::kBrokenPipe);
}

TEST_P(ShutdownSuite, SHUT_03_SendAfterShutdownBothIsBrokenPipe) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.client.Shutdown(ShutdownHow::kBoth));
  EXPECT_KIND(c.client.Send("late"), ErrorKind::kBrokenPipe);
}

TEST_P(ShutdownSuite, SHUT_04_ShutdownOfAnUnconnectedStreamIsNotConnected) {
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet));
  EXPECT_KIND(s.Shutdown(ShutdownHow::kWrite), ErrorKind::kNotConnected);
  EXPECT_KIND(s.Shutdown(ShutdownHow::kBoth), ErrorKind::kNotConnected);
  ASSERT_OK(s.Bind(Loopback(Family::kInet)));
  EXPECT_KIND(s.Shutdown(ShutdownHow::kRead), ErrorKind::kNotConnected);
}

TEST_P(ShutdownSuite, SHUT_04_ShutdownOfAnUnconnectedDatagramIsNotConnected) {
  ASSERT_OK_AND_ASSIGN(Bound b, BindLoopback(Family::kInet, Type::kDgram));
  EXPECT_KIND(b.socket.Shutdown(ShutdownHow::kBoth), ErrorKind::kNotConnected);
}

TEST_P(ShutdownSuite, SHUT_05_ShutdownBothGivesEofBothWays) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.client.SetTimeout(kPeerTimeout));
  ASSERT_OK(c.server.SetTimeout(kPeerTimeout));
  ASSERT_OK(c.client.Shutdown(ShutdownHow::kBoth));
  ASSERT_OK_AND_ASSIGN(std::string at_server, c.server.Recv(16));
  EXPECT_EQ(at_server, "");
  ASSERT_OK_AND_ASSIGN(std::string at_client, c.client.Recv(16));
  EXPECT_EQ(at_client, "");
}

TEST_P(ShutdownSuite, SHUT_06_ShutdownReadStillSends) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.server.SetTimeout(kPeerTimeout));
  ASSERT_OK(c.client.Shutdown(ShutdownHow::kRead));
  EXPECT_TRUE(Transfers(c.client, c.server, kMsg));
}

TEST_P(ShutdownSuite, SHUT_07_ShutdownAfterThePeerClosedSucceeds) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.client.SetTimeout(kPeerTimeout));
  ASSERT_OK(c.server.Close());
  ASSERT_OK_AND_ASSIGN(std::string eof, c.client.Recv(16));
  ASSERT_EQ(eof, "");
  EXPECT_OK(c.client.Shutdown(ShutdownHow::kBoth));
}

TEST_P(ShutdownSuite, SHUT_07_ShutdownTwiceSucceeds) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  EXPECT_OK(c.client.Shutdown(ShutdownHow::kWrite));
  EXPECT_OK(c.client.Shutdown(ShutdownHow::kWrite));
  EXPECT_OK(c.client.Shutdown(ShutdownHow::kBoth));
}

TEST_P(ShutdownSuite, SHUT_08_SocketPairShutdownWriteGivesEof) {
  ASSERT_OK_AND_ASSIGN(auto pair, SocketPair(Family::kUnspec, Type::kStream,
                                             0, os()));
  ASSERT_OK(pair.first.SetTimeout(kPeerTimeout));
  ASSERT_OK(pair.second.SetTimeout(kPeerTimeout));
  ASSERT_OK(pair.first.SendAll(kMsg));
  ASSERT_OK(pair.first.Shutdown(ShutdownHow::kWrite));
  ASSERT_OK_AND_ASSIGN(std::string got, ReadToEof(pair.second, 1024));
  EXPECT_EQ(got, kMsg);
  // The other direction is still open.
  EXPECT_TRUE(Transfers(pair.second, pair.first, "back"));
}

}  // namespace
}  // namespace conformance
}  // namespace xsock
