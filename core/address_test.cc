// core/address_test.cc: unit tests of SocketAddress.

#include "core/address.h"

#include <string>
#include <type_traits>

#include "absl/status/status.h"
#include "core/error.h"
#include "gtest/gtest.h"

namespace xsock {
namespace {

static_assert(std::is_trivially_copyable<SocketAddress>::value,
              "SocketAddress must stay a plain value (no heap)");

void ExpectInvalidArgument(const absl::Status& status,
                           const std::string& argument) {
  EXPECT_EQ(GetErrorKind(status), ErrorKind::kInvalidArgument) << status;
  EXPECT_NE(std::string(status.message()).find(argument + ": "),
            std::string::npos)
      << status;
}

TEST(SocketAddressTest, DefaultIsUnspec) {
  SocketAddress a;
  EXPECT_EQ(a.family(), Family::kUnspec);
  EXPECT_FALSE(a.is_inet());
  EXPECT_FALSE(a.is_unspecified());
  EXPECT_EQ(a, SocketAddress());
  EXPECT_EQ(a.host(), "");
}

TEST(SocketAddressTest, ParseInetNumeric) {
  absl::StatusOr<SocketAddress> a = SocketAddress::ParseInet("127.0.0.1", 80);
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->family(), Family::kInet);
  EXPECT_TRUE(a->is_inet());
  EXPECT_EQ(a->port(), 80);
  EXPECT_EQ(a->ipv4(), (std::array<uint8_t, 4>{127, 0, 0, 1}));
  EXPECT_EQ(a->host(), "127.0.0.1");
  EXPECT_EQ(a->ToString(), "127.0.0.1:80");
  EXPECT_FALSE(a->is_unspecified());
  EXPECT_EQ(*a, SocketAddress::Inet4({127, 0, 0, 1}, 80));
}

TEST(SocketAddressTest, ParseInetEmptyIsAnyAndBroadcastName) {
  absl::StatusOr<SocketAddress> any = SocketAddress::ParseInet("", 0);
  ASSERT_TRUE(any.ok());
  EXPECT_EQ(any->host(), "0.0.0.0");
  EXPECT_TRUE(any->is_unspecified());
  absl::StatusOr<SocketAddress> bc =
      SocketAddress::ParseInet("<broadcast>", 9);
  ASSERT_TRUE(bc.ok());
  EXPECT_EQ(bc->host(), "255.255.255.255");
  EXPECT_EQ(bc->port(), 9);
}

TEST(SocketAddressTest, ParseInetRejectsBadHostAndPort) {
  ExpectInvalidArgument(SocketAddress::ParseInet("localhost", 1).status(),
                        "host");
  ExpectInvalidArgument(SocketAddress::ParseInet("1.2.3", 1).status(), "host");
  ExpectInvalidArgument(SocketAddress::ParseInet("::1", 1).status(), "host");
  ExpectInvalidArgument(SocketAddress::ParseInet("1.2.3.4", -1).status(),
                        "port");
  ExpectInvalidArgument(SocketAddress::ParseInet("1.2.3.4", 65536).status(),
                        "port");
  EXPECT_TRUE(SocketAddress::ParseInet("1.2.3.4", 65535).ok());
}

TEST(SocketAddressTest, ParseInet6) {
  absl::StatusOr<SocketAddress> a =
      SocketAddress::ParseInet6("::1", 443, 0x12345, 2);
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->family(), Family::kInet6);
  EXPECT_EQ(a->port(), 443);
  EXPECT_EQ(a->flowinfo(), 0x12345u);
  EXPECT_EQ(a->scope_id(), 2u);
  EXPECT_EQ(a->host(), "::1");
  EXPECT_EQ(a->ToString(), "[::1%2]:443");
  absl::StatusOr<SocketAddress> b = SocketAddress::ParseInet6("FE80::A", 1);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->ToString(), "[fe80::a]:1");
  absl::StatusOr<SocketAddress> any = SocketAddress::ParseInet6("", 0);
  ASSERT_TRUE(any.ok());
  EXPECT_EQ(any->host(), "::");
  EXPECT_TRUE(any->is_unspecified());
}

TEST(SocketAddressTest, ParseInet6RejectsBadArguments) {
  ExpectInvalidArgument(SocketAddress::ParseInet6("1.2.3.4", 1).status(),
                        "host");
  ExpectInvalidArgument(SocketAddress::ParseInet6("::1%lo", 1).status(),
                        "host");
  ExpectInvalidArgument(SocketAddress::ParseInet6("::1", 70000).status(),
                        "port");
  ExpectInvalidArgument(
      SocketAddress::ParseInet6("::1", 1, kMaxFlowInfo + 1).status(),
      "flowinfo");
  EXPECT_TRUE(SocketAddress::ParseInet6("::1", 1, kMaxFlowInfo).ok());
}

TEST(SocketAddressTest, Inet6MasksFlowInfo) {
  SocketAddress a = SocketAddress::Inet6({}, 1, 0xFFFFFFFF, 0);
  EXPECT_EQ(a.flowinfo(), kMaxFlowInfo);
}

TEST(SocketAddressTest, UnixPathLengthRules) {
  const std::string longest_path(kMaxUnixPathBytes - 1, 'p');
  absl::StatusOr<SocketAddress> p = SocketAddress::Unix(longest_path);
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->unix_path(), longest_path);
  EXPECT_FALSE(p->is_abstract());
  ExpectInvalidArgument(SocketAddress::Unix(longest_path + "p").status(),
                        "path");

  // An abstract name may use every byte (it needs no terminator).
  std::string longest_abstract(kMaxUnixPathBytes, 'a');
  longest_abstract[0] = '\0';
  absl::StatusOr<SocketAddress> a = SocketAddress::Unix(longest_abstract);
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_TRUE(a->is_abstract());
  EXPECT_EQ(a->unix_path(), longest_abstract);
  ExpectInvalidArgument(SocketAddress::Unix(longest_abstract + "a").status(),
                        "path");

  ExpectInvalidArgument(
      SocketAddress::Unix(std::string("/tmp/a\0b", 8)).status(), "path");
}

TEST(SocketAddressTest, UnixNamesKeepEveryByte) {
  const std::string name("\0x\0\xff", 4);
  absl::StatusOr<SocketAddress> a = SocketAddress::Unix(name);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->unix_path(), name);
  EXPECT_EQ(a->ToString(), "@x\\x00\\xff");
  absl::StatusOr<SocketAddress> unnamed = SocketAddress::Unix("");
  ASSERT_TRUE(unnamed.ok());
  EXPECT_EQ(unnamed->family(), Family::kUnix);
  EXPECT_EQ(unnamed->unix_path(), "");
  EXPECT_FALSE(unnamed->is_abstract());
  EXPECT_EQ(unnamed->ToString(), "<unnamed>");
  absl::StatusOr<SocketAddress> path = SocketAddress::Unix("/tmp/s");
  ASSERT_TRUE(path.ok());
  EXPECT_EQ(path->ToString(), "/tmp/s");
}

TEST(SocketAddressTest, NetlinkAndTipc) {
  SocketAddress n = SocketAddress::Netlink(42, 0x10);
  EXPECT_EQ(n.family(), Family::kNetlink);
  EXPECT_EQ(n.netlink_pid(), 42u);
  EXPECT_EQ(n.netlink_groups(), 0x10u);
  EXPECT_EQ(n.ToString(), "netlink:42/16");
  SocketAddress t = SocketAddress::Tipc(TipcAddrType::kName, 2000, 205, 0, 2);
  EXPECT_EQ(t.family(), Family::kTipc);
  EXPECT_EQ(t.tipc_type(), TipcAddrType::kName);
  EXPECT_EQ(t.tipc_v1(), 2000u);
  EXPECT_EQ(t.tipc_v2(), 205u);
  EXPECT_EQ(t.tipc_v3(), 0u);
  EXPECT_EQ(t.tipc_scope(), 2);
  EXPECT_EQ(t.ToString(), "tipc:2/2000/205/0");
}

TEST(SocketAddressTest, EqualityComparesEveryFieldOfTheFamily) {
  const SocketAddress v4 = SocketAddress::Inet4({127, 0, 0, 1}, 80);
  EXPECT_EQ(v4, SocketAddress::Inet4({127, 0, 0, 1}, 80));
  EXPECT_NE(v4, SocketAddress::Inet4({127, 0, 0, 1}, 81));
  EXPECT_NE(v4, SocketAddress::Inet4({127, 0, 0, 2}, 80));
  // Same bytes, other family.
  std::array<uint8_t, 16> b{};
  b[0] = 127;
  b[3] = 1;
  EXPECT_NE(v4, SocketAddress::Inet6(b, 80));
  const SocketAddress v6 = SocketAddress::Inet6(b, 80, 1, 2);
  EXPECT_EQ(v6, SocketAddress::Inet6(b, 80, 1, 2));
  EXPECT_NE(v6, SocketAddress::Inet6(b, 80, 0, 2));
  EXPECT_NE(v6, SocketAddress::Inet6(b, 80, 1, 0));
  EXPECT_NE(SocketAddress::Unix("/a").value(), SocketAddress::Unix("/b").value());
  EXPECT_EQ(SocketAddress::Unix("/a").value(), SocketAddress::Unix("/a").value());
  EXPECT_NE(SocketAddress::Netlink(1, 0), SocketAddress::Netlink(1, 1));
  EXPECT_NE(SocketAddress::Tipc(TipcAddrType::kId, 1, 2, 3),
            SocketAddress::Tipc(TipcAddrType::kName, 1, 2, 3));
  EXPECT_NE(SocketAddress(), v4);
}

}  // namespace
}  // namespace xsock
