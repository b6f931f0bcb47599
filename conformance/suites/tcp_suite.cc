// conformance/suites/tcp_suite.cc: TCP-nn, stream sockets over the loopback
// (docs/behaviour/tcp.md).

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/time.h"
#include "conformance/harness.h"
#include "conformance/suites/suites.h"

namespace xsock {
namespace conformance {
namespace {

void ExpectRoundTrip(Connection& c) {
  ASSERT_OK(c.client.SetTimeout(kPeerTimeout));
  ASSERT_OK(c.server.SetTimeout(kPeerTimeout));
  ASSERT_OK_AND_ASSIGN(size_t sent, c.client.Send(kMsg));
  EXPECT_GT(sent, 0u);
  EXPECT_LE(sent, kMsg.size());
  ASSERT_OK(c.client.SendAll(kMsg.substr(sent)));
  ASSERT_OK_AND_ASSIGN(std::string got, ReadExactly(c.server, kMsg.size()));
  EXPECT_EQ(got, kMsg);
  EXPECT_TRUE(Transfers(c.server, c.client, kMsg));
}

TEST_P(TcpSuite, TCP_01_RoundTripInet) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect(Family::kInet));
  ExpectRoundTrip(c);
}

TEST_P(TcpSuite, TCP_02_RoundTripInet6) {
  XSOCK_REQUIRE(kIpv6);
  ASSERT_OK_AND_ASSIGN(Connection c, Connect(Family::kInet6));
  EXPECT_EQ(c.server.family(), Family::kInet6);
  ExpectRoundTrip(c);
}

TEST_P(TcpSuite, TCP_03_SendAllDeliversEverything) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.server.SetTimeout(kPeerTimeout));
  ASSERT_OK(c.client.SetTimeout(kPeerTimeout));
  const std::string data = Pattern(4 * 1024 * 1024);
  absl::StatusOr<std::string> received;
  {
    ScopedThread reader(
        [&] { received = ReadToEof(c.server, data.size() + 1); });
    size_t sent = 0;
    EXPECT_OK(c.client.SendAll(data, MsgFlags::kNone, &sent));
    EXPECT_EQ(sent, data.size());
    EXPECT_OK(c.client.Shutdown(ShutdownHow::kWrite));
  }
  ASSERT_OK(received);
  ASSERT_EQ(received->size(), data.size());
  EXPECT_TRUE(*received == data) << "content differs";
}

TEST_P(TcpSuite, TCP_04_RecvReturnsAtMostBufsizeAndPiecesReassemble) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.client.SetTimeout(kPeerTimeout));
  ASSERT_OK(c.server.SendAll(kMsg));
  ASSERT_OK_AND_ASSIGN(std::string first, c.client.Recv(kMsg.size() - 3));
  EXPECT_GT(first.size(), 0u);
  EXPECT_LE(first.size(), kMsg.size() - 3);
  ASSERT_OK_AND_ASSIGN(std::string rest,
                       ReadExactly(c.client, kMsg.size() - first.size()));
  EXPECT_EQ(first + rest, kMsg);
}

TEST_P(TcpSuite, TCP_05_GetSockNameReportsBoundAddressAndPort) {
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet));
  ASSERT_OK(s.Bind(Loopback(Family::kInet, 0)));
  ASSERT_OK_AND_ASSIGN(SocketAddress name, s.GetSockName());
  EXPECT_EQ(name.family(), Family::kInet);
  EXPECT_EQ(name.host(), "127.0.0.1");
  EXPECT_NE(name.port(), 0);
}

TEST_P(TcpSuite, TCP_05_WildcardBindReportsWildcard) {
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet));
  ASSERT_OK(s.Bind(Unspecified(Family::kInet, 0)));
  ASSERT_OK_AND_ASSIGN(SocketAddress name, s.GetSockName());
  EXPECT_EQ(name.host(), "0.0.0.0");
  EXPECT_NE(name.port(), 0);
}

TEST_P(TcpSuite, TCP_05_GetSockNameInet6) {
  XSOCK_REQUIRE(kIpv6);
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet6));
  ASSERT_OK(s.Bind(Loopback(Family::kInet6, 0)));
  ASSERT_OK_AND_ASSIGN(SocketAddress name, s.GetSockName());
  EXPECT_EQ(name.family(), Family::kInet6);
  EXPECT_EQ(name.host(), "::1");
  EXPECT_NE(name.port(), 0);
  EXPECT_EQ(name.flowinfo(), 0u);
  EXPECT_EQ(name.scope_id(), 0u);
}

TEST_P(TcpSuite, TCP_06_UnboundGetSockNameIsUnspecified) {
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet));
  ASSERT_OK_AND_ASSIGN(SocketAddress name, s.GetSockName());
  EXPECT_EQ(name.family(), Family::kInet);
  EXPECT_TRUE(name.is_unspecified()) << name.ToString();
  EXPECT_EQ(name.port(), 0);
}

TEST_P(TcpSuite, TCP_06_UnboundGetSockNameIsUnspecifiedInet6) {
  XSOCK_REQUIRE(kIpv6);
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet6));
  ASSERT_OK_AND_ASSIGN(SocketAddress name, s.GetSockName());
  EXPECT_EQ(name.family(), Family::kInet6);
  EXPECT_TRUE(name.is_unspecified()) << name.ToString();
  EXPECT_EQ(name.port(), 0);
}

TEST_P(TcpSuite, TCP_07_AcceptReportsThePeerAddress) {
  ASSERT_OK_AND_ASSIGN(Listening listening, ListenLoopback());
  ASSERT_OK_AND_ASSIGN(Socket client, ConnectClient(listening.address));
  ASSERT_OK(listening.socket.SetTimeout(kPeerTimeout));
  ASSERT_OK_AND_ASSIGN(Accepted accepted, listening.socket.Accept());
  ASSERT_OK_AND_ASSIGN(SocketAddress client_name, client.GetSockName());
  EXPECT_EQ(accepted.address, client_name)
      << accepted.address.ToString() << " vs " << client_name.ToString();
}

TEST_P(TcpSuite, TCP_07_GetPeerNameMatchesBothEnds) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK_AND_ASSIGN(SocketAddress client_name, c.client.GetSockName());
  ASSERT_OK_AND_ASSIGN(SocketAddress client_peer, c.client.GetPeerName());
  ASSERT_OK_AND_ASSIGN(SocketAddress server_name, c.server.GetSockName());
  ASSERT_OK_AND_ASSIGN(SocketAddress server_peer, c.server.GetPeerName());
  EXPECT_EQ(client_peer, server_name);
  EXPECT_EQ(server_peer, client_name);
}

TEST_P(TcpSuite, TCP_08_GetPeerNameUnconnectedIsNotConnected) {
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet));
  EXPECT_KIND(s.GetPeerName(), ErrorKind::kNotConnected);
  ASSERT_OK_AND_ASSIGN(Listening listening, ListenLoopback());
  EXPECT_KIND(listening.socket.GetPeerName(), ErrorKind::kNotConnected);
}

TEST_P(TcpSuite, TCP_09_ListenWithoutBindPicksAPort) {
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet));
  ASSERT_OK(s.Listen());
  ASSERT_OK_AND_ASSIGN(SocketAddress name, s.GetSockName());
  ASSERT_NE(name.port(), 0);
  Listening listening{std::move(s), Loopback(Family::kInet, name.port())};
  ASSERT_OK_AND_ASSIGN(Connection c, ConnectTo(listening));
  ExpectRoundTrip(c);
}

TEST_P(TcpSuite, TCP_10_NegativeBacklogIsTreatedAsZero) {
  ASSERT_OK_AND_ASSIGN(Listening listening,
                       ListenLoopback(Family::kInet, /*backlog=*/-5));
  ASSERT_OK_AND_ASSIGN(int accepting,
                       listening.socket.GetOption(Option::kAcceptConn));
  EXPECT_NE(accepting, 0);
  // A zero backlog still admits one connection on every supported OS.
  ASSERT_OK_AND_ASSIGN(Connection c, ConnectTo(listening));
  ExpectRoundTrip(c);
}

TEST_P(TcpSuite, TCP_11_RecvIntoFillsTheBuffer) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.client.SetTimeout(kPeerTimeout));
  ASSERT_OK(c.server.SendAll(kMsg));
  std::array<char, 1024> buffer{};
  size_t total = 0;
  // Bounded: each round reads at least one byte or fails.
  while (total < kMsg.size()) {
    ASSERT_OK_AND_ASSIGN(
        size_t n, c.client.RecvInto(absl::MakeSpan(buffer).subspan(total)));
    ASSERT_GT(n, 0u) << "unexpected end of stream";
    total += n;
  }
  EXPECT_EQ(std::string(buffer.data(), total), kMsg);
}

TEST_P(TcpSuite, TCP_11_RecvIntoHonoursNbytes) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.client.SetTimeout(kPeerTimeout));
  ASSERT_OK(c.server.SendAll(kMsg));
  std::array<char, 64> buffer;
  buffer.fill('#');
  ASSERT_OK_AND_ASSIGN(size_t n,
                       c.client.RecvInto(absl::MakeSpan(buffer), 5));
  EXPECT_GT(n, 0u);
  EXPECT_LE(n, 5u);
  EXPECT_EQ(std::string(buffer.data(), n), kMsg.substr(0, n));
  EXPECT_EQ(buffer[n], '#') << "wrote past nbytes";
}

TEST_P(TcpSuite, TCP_12_RecvFromOnAStreamReturnsDataAndOptionalAddress) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.client.SetTimeout(kPeerTimeout));
  ASSERT_OK(c.server.SendAll(kMsg));
  ASSERT_OK_AND_ASSIGN(Received r, c.client.RecvFrom(kMsg.size()));
  EXPECT_FALSE(r.data.empty());
  EXPECT_EQ(r.data, kMsg.substr(0, r.data.size()));
  if (r.address.has_value()) {
    ASSERT_OK_AND_ASSIGN(SocketAddress peer, c.client.GetPeerName());
    EXPECT_EQ(*r.address, peer);
  }
}

TEST_P(TcpSuite, TCP_13_RecvFromIntoZeroLengthStillCallsTheOs) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.client.SetBlocking(false));
  std::array<char, 0> empty{};
  // Nothing queued: the system call is made and would block.
  EXPECT_KIND(c.client.RecvFromInto(absl::MakeSpan(empty)),
              ErrorKind::kWouldBlock);
  // Data queued: the call succeeds with 0 bytes and consumes nothing.
  ASSERT_OK(c.server.SendAll(kMsg));
  ASSERT_OK(c.client.SetTimeout(kPeerTimeout));
  ASSERT_OK_AND_ASSIGN(ReceivedInto r,
                       c.client.RecvFromInto(absl::MakeSpan(empty)));
  EXPECT_EQ(r.nbytes, 0u);
  ASSERT_OK_AND_ASSIGN(std::string got, ReadExactly(c.client, kMsg.size()));
  EXPECT_EQ(got, kMsg);
}

TEST_P(TcpSuite, TCP_14_PeekDoesNotConsume) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.client.SetTimeout(kPeerTimeout));
  ASSERT_OK(c.server.SendAll("hello"));
  // One small send arrives as one segment on the loopback; peek until all
  // five bytes are visible (bounded).
  std::string peeked;
  for (int i = 0; i < 1000 && peeked.size() < 5; ++i) {
    ASSERT_OK_AND_ASSIGN(peeked, c.client.Recv(5, MsgFlags::kPeek));
  }
  EXPECT_EQ(peeked, "hello");
  ASSERT_OK_AND_ASSIGN(std::string again, c.client.Recv(5, MsgFlags::kPeek));
  EXPECT_EQ(again, "hello");
  ASSERT_OK_AND_ASSIGN(std::string read, ReadExactly(c.client, 5));
  EXPECT_EQ(read, "hello");
}

TEST_P(TcpSuite, TCP_15_ConnectExReturnsZeroOnSuccess) {
  ASSERT_OK_AND_ASSIGN(Listening listening, ListenLoopback());
  ASSERT_OK_AND_ASSIGN(Socket client, NewSocket(Family::kInet));
  ASSERT_OK(client.SetTimeout(kPeerTimeout));
  ASSERT_OK_AND_ASSIGN(int code, client.ConnectEx(listening.address));
  EXPECT_EQ(code, 0);
  EXPECT_OK(client.GetPeerName());
}

TEST_P(TcpSuite, TCP_15_ConnectExReturnsTheRefusedCode) {
  ASSERT_OK_AND_ASSIGN(Bound closed, ClosedPort());
  ASSERT_OK_AND_ASSIGN(Socket client, NewSocket(Family::kInet));
  ASSERT_OK_AND_ASSIGN(int code, client.ConnectEx(closed.address));
  EXPECT_NE(code, 0);
  EXPECT_EQ(ErrorKindName(os().KindOfNative(code)),
            ErrorKindName(ErrorKind::kConnectionRefused))
      << "native code " << code;
}

TEST_P(TcpSuite, TCP_15_ConnectExOnAConnectedSocketReturnsIsConn) {
  ASSERT_OK_AND_ASSIGN(Listening listening, ListenLoopback());
  ASSERT_OK_AND_ASSIGN(Socket client, NewSocket(Family::kInet));
  // Blocking connect (see ERR-11 for what Linux does after a timeout-mode
  // one).
  ASSERT_OK(client.Connect(listening.address));
  ASSERT_OK_AND_ASSIGN(int code, client.ConnectEx(listening.address));
  EXPECT_EQ(ErrorKindName(os().KindOfNative(code)),
            ErrorKindName(ErrorKind::kAlreadyConnected))
      << "native code " << code;
}

TEST_P(TcpSuite, TCP_15_ConnectExBadAddressIsStillAStatus) {
  ASSERT_OK_AND_ASSIGN(Socket client, NewSocket(Family::kInet));
  EXPECT_INVALID_ARGUMENT(client.ConnectEx(Loopback(Family::kInet6, 9)),
                          "address");
}

TEST_P(TcpSuite, TCP_16_EmptySendReturnsZero) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK_AND_ASSIGN(size_t sent, c.client.Send(""));
  EXPECT_EQ(sent, 0u);
}

TEST_P(TcpSuite, TCP_16_EmptySendAllMakesNoSystemCall) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  // After a half close, any send() fails (EPIPE, even for zero bytes): Send
  // makes the call and reports it, SendAll("") must not make it.
  ASSERT_OK(c.client.Shutdown(ShutdownHow::kWrite));
  EXPECT_KIND(c.client.Send(""), ErrorKind::kBrokenPipe);
  EXPECT_OK(c.client.SendAll(""));
  // Also with a full send buffer, in every mode.
  ASSERT_OK_AND_ASSIGN(Connection d, Connect());
  ASSERT_OK(FillSendBuffer(d.client).status());
  EXPECT_OK(d.client.SendAll(""));
  ASSERT_OK(d.client.SetTimeout(absl::Milliseconds(1)));
  EXPECT_OK(d.client.SendAll(""));
}

TEST_P(TcpSuite, TCP_17_WriteToAClosedPeerNeverRaisesSigpipe) {
  // SIGPIPE keeps its default action (terminate) in this process: if a send
  // raised it, the test binary would die.
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.server.Close());
  ASSERT_OK(c.client.SetTimeout(kPeerTimeout));
  absl::Status status;
  // The first sends may still succeed (the RST is in flight); bounded.
  for (int i = 0; i < 1000 && status.ok(); ++i) {
    status = c.client.Send(kMsg).status();
  }
  ASSERT_FALSE(status.ok()) << "1000 sends to a closed peer all succeeded";
  const ErrorKind kind = GetErrorKind(status);
  EXPECT_TRUE(kind == ErrorKind::kBrokenPipe ||
              kind == ErrorKind::kConnectionReset)
      << status;
}

TEST_P(TcpSuite, TCP_18_AcceptedSocketMatchesTheListener) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect(Family::kInet));
  EXPECT_EQ(c.server.family(), Family::kInet);
  EXPECT_EQ(c.server.type(), Type::kStream);
  EXPECT_EQ(c.server.proto(), c.client.proto());
  EXPECT_FALSE(c.server.closed());
  ASSERT_OK_AND_ASSIGN(SocketAddress name, c.server.GetSockName());
  EXPECT_EQ(name.host(), "127.0.0.1");
}

TEST_P(TcpSuite, TCP_19_ListenerAcceptsManyConnections) {
  ASSERT_OK_AND_ASSIGN(Listening listening, ListenLoopback());
  std::vector<Connection> connections;
  for (int i = 0; i < 20; ++i) {
    ASSERT_OK_AND_ASSIGN(Connection c, ConnectTo(listening));
    connections.push_back(std::move(c));
  }
  // Each accepted socket talks to its own client.
  for (size_t i = 0; i < connections.size(); ++i) {
    const std::string msg = "connection " + std::to_string(i);
    ASSERT_OK(connections[i].client.SetTimeout(kPeerTimeout));
    EXPECT_TRUE(Transfers(connections[i].server, connections[i].client, msg));
  }
}

}  // namespace
}  // namespace conformance
}  // namespace xsock
