// api/connection_test.cc: CreateConnection over loopback on the native
// backend (argument checks, the timeout it leaves, failure messages, the
// connection race) and the order InterleaveFamilies gives.

#include "xsock/connection.h"

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "core/addrinfo.h"
#include "core/address.h"
#include "core/error.h"
#include "gtest/gtest.h"
#include "xsock/socket.h"

namespace xsock {
namespace {

absl::StatusOr<Socket> Listener(uint16_t* port) {
  absl::StatusOr<Socket> l = Socket::Create(Family::kInet);
  if (!l.ok()) return l;
  if (absl::Status s = l->Bind(SocketAddress::Inet4({127, 0, 0, 1}, 0));
      !s.ok())
    return s;
  if (absl::Status s = l->Listen(); !s.ok()) return s;
  absl::StatusOr<SocketAddress> a = l->GetSockName();
  if (!a.ok()) return a.status();
  *port = a->port();
  return l;
}

TEST(CreateConnection, RejectsBadArguments) {
  absl::StatusOr<Socket> s = CreateConnection("", 80);
  ASSERT_EQ(GetErrorKind(s.status()), ErrorKind::kInvalidArgument);
  EXPECT_NE(s.status().message().find("host"), std::string::npos);
  s = CreateConnection("127.0.0.1", 65536);
  ASSERT_EQ(GetErrorKind(s.status()), ErrorKind::kInvalidArgument);
  EXPECT_NE(s.status().message().find("port"), std::string::npos);
  s = CreateConnection("127.0.0.1", -1);
  ASSERT_EQ(GetErrorKind(s.status()), ErrorKind::kInvalidArgument);
  ConnectOptions opts;
  opts.timeout = Timeout(absl::Seconds(-1));
  s = CreateConnection("127.0.0.1", 80, opts);
  ASSERT_EQ(GetErrorKind(s.status()), ErrorKind::kInvalidArgument);
  EXPECT_NE(s.status().message().find("timeout"), std::string::npos);
}

TEST(CreateConnection, ConnectsAndAppliesTimeout) {
  uint16_t port = 0;
  absl::StatusOr<Socket> l = Listener(&port);
  ASSERT_TRUE(l.ok()) << l.status();
  ConnectOptions opts;
  opts.timeout = Timeout(absl::Seconds(3));
  absl::StatusOr<Socket> c = CreateConnection("127.0.0.1", port, opts);
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->family(), Family::kInet);
  EXPECT_EQ(c->GetTimeout(), Timeout(absl::Seconds(3)));
  absl::StatusOr<SocketAddress> peer = c->GetPeerName();
  ASSERT_TRUE(peer.ok()) << peer.status();
  EXPECT_EQ(peer->port(), port);
}

TEST(CreateConnection, SourceFamilyMismatchIsRecorded) {
  uint16_t port = 0;
  absl::StatusOr<Socket> l = Listener(&port);
  ASSERT_TRUE(l.ok()) << l.status();
  ConnectOptions opts;
  opts.source_address = SocketAddress::Inet6({}, 0);
  opts.all_errors = true;
  absl::StatusOr<Socket> c = CreateConnection("127.0.0.1", port, opts);
  ASSERT_EQ(GetErrorKind(c.status()), ErrorKind::kInvalidArgument);
  EXPECT_NE(c.status().message().find("127.0.0.1:"), std::string::npos)
      << c.status();
  EXPECT_NE(c.status().message().find("source_address"), std::string::npos);
}

TEST(CreateConnection, RefusedKeepsKindAndListsAttempts) {
  uint16_t port = 0;
  {
    absl::StatusOr<Socket> l = Listener(&port);
    ASSERT_TRUE(l.ok()) << l.status();
  }
  ConnectOptions opts;
  opts.all_errors = true;
  absl::StatusOr<Socket> c = CreateConnection("127.0.0.1", port, opts);
  ASSERT_EQ(GetErrorKind(c.status()), ErrorKind::kConnectionRefused)
      << c.status();
  EXPECT_EQ(GetFailedCall(c.status()), "create_connection");
  EXPECT_NE(c.status().message().find("127.0.0.1:" + std::to_string(port)),
            std::string::npos)
      << c.status();
}

TEST(CreateConnection, HappyEyeballsConnectsAndKeepsTheTimeout) {
  uint16_t port = 0;
  absl::StatusOr<Socket> l = Listener(&port);
  ASSERT_TRUE(l.ok()) << l.status();
  ConnectOptions opts;
  opts.happy_eyeballs = true;
  opts.timeout = Timeout(absl::Seconds(3));
  absl::Time start = absl::Now();
  absl::StatusOr<Socket> c = CreateConnection("localhost", port, opts);
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_LT(absl::Now() - start, absl::Seconds(2));
  EXPECT_EQ(c->family(), Family::kInet);
  EXPECT_EQ(c->GetTimeout(), Timeout(absl::Seconds(3)));
  opts.timeout = Timeout();
  c = CreateConnection("127.0.0.1", port, opts);
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->GetTimeout(), Timeout());
}

TEST(CreateConnection, HappyEyeballsRefusedListsEveryAttempt) {
  uint16_t port = 0;
  {
    absl::StatusOr<Socket> l = Listener(&port);
    ASSERT_TRUE(l.ok()) << l.status();
  }
  ConnectOptions opts;
  opts.happy_eyeballs = true;
  opts.all_errors = true;
  absl::StatusOr<Socket> c = CreateConnection("127.0.0.1", port, opts);
  ASSERT_EQ(GetErrorKind(c.status()), ErrorKind::kConnectionRefused)
      << c.status();
  EXPECT_NE(c.status().message().find("127.0.0.1:" + std::to_string(port)),
            std::string::npos)
      << c.status();
}

AddrInfo Info(const SocketAddress& a) {
  AddrInfo ai;
  ai.family = a.family();
  ai.address = a;
  return ai;
}

std::vector<std::string> Order(const std::vector<AddrInfo>& infos) {
  std::vector<std::string> out;
  for (const AddrInfo& ai : infos) out.push_back(ai.address.ToString());
  return out;
}

TEST(InterleaveFamilies, AlternatesStartingWithTheFirstResultsFamily) {
  SocketAddress a6 = SocketAddress::Inet6({0x20, 1, 0xd, 0xb8, 0, 0, 0, 0, 0,
                                           0, 0, 0, 0, 0, 0, 1},
                                          80);
  SocketAddress b6 = SocketAddress::Inet6({0x20, 1, 0xd, 0xb8, 0, 0, 0, 0, 0,
                                           0, 0, 0, 0, 0, 0, 2},
                                          80);
  SocketAddress c6 = SocketAddress::Inet6({0x20, 1, 0xd, 0xb8, 0, 0, 0, 0, 0,
                                           0, 0, 0, 0, 0, 0, 3},
                                          80);
  SocketAddress a4 = SocketAddress::Inet4({192, 0, 2, 1}, 80);
  SocketAddress b4 = SocketAddress::Inet4({192, 0, 2, 2}, 80);
  EXPECT_EQ(Order(InterleaveFamilies(
                {Info(a6), Info(b6), Info(c6), Info(a4), Info(b4)})),
            Order({Info(a6), Info(a4), Info(b6), Info(b4), Info(c6)}));
  EXPECT_EQ(Order(InterleaveFamilies({Info(a4), Info(b4), Info(a6)})),
            Order({Info(a4), Info(a6), Info(b4)}));
  EXPECT_EQ(Order(InterleaveFamilies({Info(a4), Info(b4)})),
            Order({Info(a4), Info(b4)}));
  EXPECT_TRUE(InterleaveFamilies({}).empty());
}

}  // namespace
}  // namespace xsock
