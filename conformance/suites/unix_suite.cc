// conformance/suites/unix_suite.cc: UNIX-nn, AF_UNIX sockets: paths, unnamed
// sockets, Linux abstract names and autobind (docs/behaviour/unix.md).

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <random>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "conformance/harness.h"
#include "conformance/suites/suites.h"

namespace xsock {
namespace conformance {
namespace {

// ListenUnix binds a stream socket to `address` and listens.
absl::StatusOr<Listening> ListenUnix(const platform::Os& os,
                                     const SocketAddress& address) {
  absl::StatusOr<Socket> s = Socket::Create(Family::kUnix, Type::kStream, 0, os);
  if (!s.ok()) return s.status();
  absl::Status status = s->Bind(address);
  if (!status.ok()) return status;
  status = s->Listen();
  if (!status.ok()) return status;
  return Listening{*std::move(s), address};
}

// UniqueAbstractName returns "\0xsock-<random>" followed by `tail`.
std::string UniqueAbstractName(std::string_view tail) {
  std::random_device seed;
  return absl::StrCat(std::string_view("\0xsock-", 7),
                      absl::Hex(static_cast<uint32_t>(seed())), tail);
}

void ExpectStreamEcho(Connection& c) {
  ASSERT_OK(c.client.SetTimeout(kPeerTimeout));
  ASSERT_OK(c.server.SetTimeout(kPeerTimeout));
  EXPECT_TRUE(Transfers(c.client, c.server, kMsg));
  EXPECT_TRUE(Transfers(c.server, c.client, kMsg));
}

TEST_P(UnixSuite, UNIX_01_PathBindNameAndEcho) {
  XSOCK_REQUIRE(kUnixSockets);
  const std::string path = UnixPath("echo.sock");
  ASSERT_OK_AND_ASSIGN(SocketAddress address, SocketAddress::Unix(path));
  ASSERT_OK_AND_ASSIGN(Listening listening, ListenUnix(os(), address));
  ASSERT_OK_AND_ASSIGN(SocketAddress name, listening.socket.GetSockName());
  EXPECT_EQ(name.family(), Family::kUnix);
  EXPECT_EQ(name.unix_path(), path);
  EXPECT_FALSE(name.is_abstract());
  ASSERT_OK_AND_ASSIGN(Connection c, ConnectTo(listening));
  ASSERT_OK_AND_ASSIGN(SocketAddress peer, c.client.GetPeerName());
  EXPECT_EQ(peer.unix_path(), path);
  ExpectStreamEcho(c);
}

TEST_P(UnixSuite, UNIX_02_UnboundSocketIsUnnamed) {
  XSOCK_REQUIRE(kUnixSockets);
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kUnix, Type::kStream));
  ASSERT_OK_AND_ASSIGN(SocketAddress name, s.GetSockName());
  EXPECT_EQ(name.family(), Family::kUnix);
  EXPECT_EQ(name.unix_path(), "") << name.ToString();
}

TEST_P(UnixSuite, UNIX_02_ConnectedClientIsUnnamed) {
  XSOCK_REQUIRE(kUnixSockets);
  ASSERT_OK_AND_ASSIGN(SocketAddress address,
                       SocketAddress::Unix(UnixPath("unnamed.sock")));
  ASSERT_OK_AND_ASSIGN(Listening listening, ListenUnix(os(), address));
  ASSERT_OK_AND_ASSIGN(Socket client, ConnectClient(address));
  ASSERT_OK(listening.socket.SetTimeout(kPeerTimeout));
  ASSERT_OK_AND_ASSIGN(Accepted accepted, listening.socket.Accept());
  EXPECT_EQ(accepted.address.unix_path(), "")
      << accepted.address.ToString();
  ASSERT_OK_AND_ASSIGN(SocketAddress client_name, client.GetSockName());
  EXPECT_EQ(client_name.family(), Family::kUnix);
  EXPECT_EQ(client_name.unix_path(), "");
  ASSERT_OK_AND_ASSIGN(SocketAddress server_peer,
                       accepted.socket.GetPeerName());
  EXPECT_EQ(server_peer.unix_path(), "");
}

TEST_P(UnixSuite, UNIX_03_BindingAnExistingPathIsAddressInUse) {
  XSOCK_REQUIRE(kUnixSockets);
  const std::string path = UnixPath("taken.sock");
  ASSERT_OK_AND_ASSIGN(SocketAddress address, SocketAddress::Unix(path));
  ASSERT_OK_AND_ASSIGN(Listening first, ListenUnix(os(), address));
  ASSERT_OK_AND_ASSIGN(Socket second, NewSocket(Family::kUnix));
  EXPECT_KIND(second.Bind(address), ErrorKind::kAddressInUse);
  // The socket file outlives the socket: still in use after close...
  ASSERT_OK(first.socket.Close());
  ASSERT_OK_AND_ASSIGN(Socket third, NewSocket(Family::kUnix));
  EXPECT_KIND(third.Bind(address), ErrorKind::kAddressInUse);
  // ...and free once the file is removed.
  ASSERT_TRUE(std::filesystem::remove(path));
  EXPECT_OK(third.Bind(address));
}

TEST_P(UnixSuite, UNIX_04_LongestPathIsKeptExactly) {
  XSOCK_REQUIRE(kUnixSockets);
  // The longest path both SocketAddress and this backend's sun_path hold
  // (one byte is the terminator).
  const size_t longest =
      std::min(os().UnixPathMax(), kMaxUnixPathBytes) - 1;
  std::string path = UnixPath("");
  ASSERT_LT(path.size(), longest) << "temporary directory too long";
  path.append(longest - path.size(), 'p');
  ASSERT_EQ(path.size(), longest);
  ASSERT_OK_AND_ASSIGN(SocketAddress address, SocketAddress::Unix(path));
  ASSERT_OK_AND_ASSIGN(Listening listening, ListenUnix(os(), address));
  ASSERT_OK_AND_ASSIGN(SocketAddress name, listening.socket.GetSockName());
  EXPECT_EQ(name.unix_path(), path) << "the name was altered or truncated";
  ASSERT_OK_AND_ASSIGN(Connection c, ConnectTo(listening));
  ExpectStreamEcho(c);
}

TEST_P(UnixSuite, UNIX_04_TooLongPathIsRejectedNotTruncated) {
  // A path needs its terminator: kMaxUnixPathBytes bytes is one too many.
  const std::string path =
      "/" + std::string(kMaxUnixPathBytes - 1, 'x');
  EXPECT_INVALID_ARGUMENT(SocketAddress::Unix(path), "path");
  EXPECT_INVALID_ARGUMENT(SocketAddress::Unix(path + "yyyy"), "path");
  EXPECT_INVALID_ARGUMENT(
      SocketAddress::Unix(std::string_view("/tmp/a\0b", 8)), "path");
}

TEST_P(UnixSuite, UNIX_04_PathBeyondTheBackendLimitIsRejected) {
  XSOCK_REQUIRE(kUnixSockets);
  const size_t max = os().UnixPathMax();
  if (max >= kMaxUnixPathBytes) {
    GTEST_SKIP() << "sun_path of backend " << backend_name() << " is " << max
                 << " bytes: every path SocketAddress accepts fits "
                    "(UNIX_04_TooLongPathIsRejectedNotTruncated covers "
                    "longer ones)";
  }
  // A path SocketAddress holds but this OS's sun_path does not.
  std::string path = UnixPath("");
  path.append(max - path.size(), 'q');
  ASSERT_OK_AND_ASSIGN(SocketAddress address, SocketAddress::Unix(path));
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kUnix));
  EXPECT_INVALID_ARGUMENT(s.Bind(address), "address");
  EXPECT_INVALID_ARGUMENT(s.Connect(address), "address");
  EXPECT_FALSE(std::filesystem::exists(path.substr(0, max - 1)))
      << "a truncated name was bound";
}

TEST_P(UnixSuite, UNIX_05_AbstractNameRoundTripsByteForByte) {
  XSOCK_REQUIRE(kUnixAbstract);
  // An embedded NUL and a byte that is not UTF-8 must survive.
  const std::string name =
      UniqueAbstractName(std::string_view("-\0\xff-end", 7));
  ASSERT_OK_AND_ASSIGN(SocketAddress address, SocketAddress::Unix(name));
  EXPECT_TRUE(address.is_abstract());
  ASSERT_OK_AND_ASSIGN(Listening listening, ListenUnix(os(), address));
  ASSERT_OK_AND_ASSIGN(SocketAddress bound, listening.socket.GetSockName());
  EXPECT_EQ(bound.unix_path(), name) << bound.ToString();
  EXPECT_TRUE(bound.is_abstract());
  ASSERT_OK_AND_ASSIGN(Connection c, ConnectTo(listening));
  ASSERT_OK_AND_ASSIGN(SocketAddress peer, c.client.GetPeerName());
  EXPECT_EQ(peer.unix_path(), name) << peer.ToString();
  ExpectStreamEcho(c);
}

TEST_P(UnixSuite, UNIX_05_AbstractNameMaximumLength) {
  XSOCK_REQUIRE(kUnixAbstract);
  // Abstract names use all of sun_path: the leading NUL plus 107 bytes.
  std::string name = UniqueAbstractName("");
  name.append(kMaxUnixPathBytes - name.size(), 'm');
  ASSERT_EQ(name.size(), kMaxUnixPathBytes);
  ASSERT_OK_AND_ASSIGN(SocketAddress address, SocketAddress::Unix(name));
  ASSERT_OK_AND_ASSIGN(Listening listening, ListenUnix(os(), address));
  ASSERT_OK_AND_ASSIGN(SocketAddress bound, listening.socket.GetSockName());
  EXPECT_EQ(bound.unix_path(), name);
  ASSERT_OK_AND_ASSIGN(Connection c, ConnectTo(listening));
  ExpectStreamEcho(c);
  // One byte more does not fit.
  EXPECT_INVALID_ARGUMENT(SocketAddress::Unix(name + "m"), "path");
}

bool IsAutobindName(std::string_view name) {
  if (name.size() != 6 || name[0] != '\0') return false;
  return std::all_of(name.begin() + 1, name.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) ||
           (c >= 'a' && c <= 'f');
  });
}

TEST_P(UnixSuite, UNIX_06_AutobindGivesDistinctAbstractNames) {
  XSOCK_REQUIRE(kUnixAutobind);
  ASSERT_OK_AND_ASSIGN(SocketAddress unnamed, SocketAddress::Unix(""));
  ASSERT_OK_AND_ASSIGN(Socket a, NewSocket(Family::kUnix));
  ASSERT_OK_AND_ASSIGN(Socket b, NewSocket(Family::kUnix));
  ASSERT_OK(a.Bind(unnamed));
  ASSERT_OK(b.Bind(unnamed));
  ASSERT_OK_AND_ASSIGN(SocketAddress name_a, a.GetSockName());
  ASSERT_OK_AND_ASSIGN(SocketAddress name_b, b.GetSockName());
  EXPECT_TRUE(IsAutobindName(name_a.unix_path())) << name_a.ToString();
  EXPECT_TRUE(IsAutobindName(name_b.unix_path())) << name_b.ToString();
  EXPECT_NE(name_a, name_b);
  // The autobound name is a real address: b can listen on it and a connect.
  ASSERT_OK(b.Listen());
  Listening listening{std::move(b), name_b};
  ASSERT_OK_AND_ASSIGN(Connection c, ConnectTo(listening));
  ExpectStreamEcho(c);
}

TEST_P(UnixSuite, UNIX_07_DatagramPathRoundTrip) {
  XSOCK_REQUIRE(kUnixDatagram);
  ASSERT_OK_AND_ASSIGN(SocketAddress path_a,
                       SocketAddress::Unix(UnixPath("a.dgram")));
  ASSERT_OK_AND_ASSIGN(SocketAddress path_b,
                       SocketAddress::Unix(UnixPath("b.dgram")));
  ASSERT_OK_AND_ASSIGN(Socket a, NewSocket(Family::kUnix, Type::kDgram));
  ASSERT_OK_AND_ASSIGN(Socket b, NewSocket(Family::kUnix, Type::kDgram));
  ASSERT_OK(a.Bind(path_a));
  ASSERT_OK(b.Bind(path_b));
  ASSERT_OK(b.SetTimeout(kPeerTimeout));
  ASSERT_OK(a.SendTo("one", path_b).status());
  ASSERT_OK(a.SendTo("two!", path_b).status());
  ASSERT_OK_AND_ASSIGN(Received r, b.RecvFrom(1024));
  EXPECT_EQ(r.data, "one");
  ASSERT_TRUE(r.address.has_value());
  EXPECT_EQ(r.address->unix_path(), path_a.unix_path());
  ASSERT_OK_AND_ASSIGN(r, b.RecvFrom(1024));
  EXPECT_EQ(r.data, "two!");
}

TEST_P(UnixSuite, UNIX_07_DatagramSocketPairKeepsBoundaries) {
  XSOCK_REQUIRE(kUnixDatagram);
  ASSERT_OK_AND_ASSIGN(auto pair,
                       SocketPair(Family::kUnix, Type::kDgram, 0, os()));
  EXPECT_EQ(pair.first.type(), Type::kDgram);
  ASSERT_OK(pair.second.SetTimeout(kPeerTimeout));
  ASSERT_OK(pair.first.Send("ab").status());
  ASSERT_OK(pair.first.Send("").status());
  ASSERT_OK(pair.first.Send("cde").status());
  ASSERT_OK_AND_ASSIGN(std::string one, pair.second.Recv(1024));
  ASSERT_OK_AND_ASSIGN(std::string empty, pair.second.Recv(1024));
  ASSERT_OK_AND_ASSIGN(std::string two, pair.second.Recv(1024));
  EXPECT_EQ(one, "ab");
  EXPECT_EQ(empty, "");
  EXPECT_EQ(two, "cde");
}

TEST_P(UnixSuite, UNIX_08_ConnectToAMissingPathIsNotFound) {
  XSOCK_REQUIRE(kUnixSockets);
  ASSERT_OK_AND_ASSIGN(SocketAddress missing,
                       SocketAddress::Unix(UnixPath("nobody-here.sock")));
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kUnix));
  EXPECT_KIND(s.Connect(missing), ErrorKind::kNotFound);
}

TEST_P(UnixSuite, UNIX_09_ConnectToANonListeningPathIsRefused) {
  XSOCK_REQUIRE(kUnixSockets);
  ASSERT_OK_AND_ASSIGN(SocketAddress address,
                       SocketAddress::Unix(UnixPath("deaf.sock")));
  ASSERT_OK_AND_ASSIGN(Socket deaf, NewSocket(Family::kUnix));
  ASSERT_OK(deaf.Bind(address));
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kUnix));
  EXPECT_KIND(s.Connect(address), ErrorKind::kConnectionRefused);
}

}  // namespace
}  // namespace conformance
}  // namespace xsock
