// platform/posix/posix_os_test.cc: the backend suite on PosixOs, plus the
// POSIX backend's own rules (capabilities it must not claim, address
// encoding details, translation tables).

#include "platform/posix/posix_os.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <array>
#include <cstring>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/address.h"
#include "core/error.h"
#include "core/options.h"
#include "core/types.h"
#include "gtest/gtest.h"
#include "platform/os.h"
#include "platform/posix/backend_test_suite.h"
#include "platform/posix/sockaddr.h"
#include "platform/posix/translate.h"

namespace xsock {
namespace platform {
namespace testing {
namespace {

using posix_internal::NativeSockAddr;

INSTANTIATE_TEST_SUITE_P(Posix, BackendTest,
                         ::testing::Values(&PosixOsInstance()), BackendName);

const PosixOs& Posix() {
  return static_cast<const PosixOs&>(PosixOsInstance());
}

TEST(PosixOsTest, NameAndCapabilities) {
  const Os& os = PosixOsInstance();
  EXPECT_EQ(os.Name(), "posix");
  // Linux-only features are never claimed by the POSIX backend.
  EXPECT_FALSE(os.Supports(Capability::kAtomicCloexec));
  EXPECT_FALSE(os.Supports(Capability::kUnixAbstract));
  EXPECT_FALSE(os.Supports(Capability::kUnixAutobind));
  EXPECT_FALSE(os.Supports(Capability::kNetlink));
  EXPECT_FALSE(os.Supports(Capability::kTipc));
  EXPECT_FALSE(os.Supports(Capability::kWinsockIoctl));
  EXPECT_TRUE(os.Supports(Capability::kNativeSocketPair));
  EXPECT_TRUE(os.Supports(Capability::kSignals));
  EXPECT_TRUE(os.Supports(Capability::kInheritanceQuery));
  EXPECT_TRUE(os.Supports(Capability::kUnixSockets));
  EXPECT_TRUE(os.Supports(Capability::kHandleCount));
  EXPECT_EQ(os.UnixPathMax(), sizeof(sockaddr_un{}.sun_path));
  EXPECT_EQ(&PosixOsInstance(), &os) << "one instance per process";
}

TEST(PosixOsTest, Inet4EncodingAndRoundTrip) {
  SocketAddress addr = SocketAddress::Inet4({192, 0, 2, 7}, 8080);
  NativeSockAddr n;
  ASSERT_TRUE(Posix().EncodeAddress(addr, "bind", &n).ok());
  ASSERT_EQ(n.len, sizeof(sockaddr_in));
  sockaddr_in sin;
  std::memcpy(&sin, &n.storage, sizeof(sin));
  EXPECT_EQ(sin.sin_family, AF_INET);
  EXPECT_EQ(ntohs(sin.sin_port), 8080);
  EXPECT_EQ(ntohl(sin.sin_addr.s_addr), 0xC0000207u);
  absl::StatusOr<SocketAddress> back =
      Posix().DecodeAddress(n.get(), n.len, "getsockname");
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, addr);
  // A length too short for the family is an error, never a partial read.
  back = Posix().DecodeAddress(n.get(), n.len - 1, "getsockname");
  EXPECT_EQ(GetErrorKind(back.status()), ErrorKind::kInvalidArgument);
}

TEST(PosixOsTest, Inet6FlowinfoIsNetworkOrderAndScopeIsKept) {
  std::array<uint8_t, 16> ip{0xfe, 0x80};
  ip[15] = 0x42;
  SocketAddress addr = SocketAddress::Inet6(ip, 443, 0x12345, 7);
  NativeSockAddr n;
  ASSERT_TRUE(Posix().EncodeAddress(addr, "connect", &n).ok());
  ASSERT_EQ(n.len, sizeof(sockaddr_in6));
  sockaddr_in6 sin6;
  std::memcpy(&sin6, &n.storage, sizeof(sin6));
  EXPECT_EQ(sin6.sin6_family, AF_INET6);
  EXPECT_EQ(ntohs(sin6.sin6_port), 443);
  EXPECT_EQ(sin6.sin6_flowinfo, htonl(0x12345));
  EXPECT_EQ(sin6.sin6_scope_id, 7u);
  EXPECT_EQ(std::memcmp(&sin6.sin6_addr, ip.data(), 16), 0);
  absl::StatusOr<SocketAddress> back =
      Posix().DecodeAddress(n.get(), n.len, "getsockname");
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, addr);
  EXPECT_EQ(back->flowinfo(), 0x12345u);
  EXPECT_EQ(back->scope_id(), 7u);
}

TEST(PosixOsTest, UnixPathEncodingHasTerminatorAndExactLength) {
  absl::StatusOr<SocketAddress> addr = SocketAddress::Unix("/tmp/x.sock");
  ASSERT_TRUE(addr.ok());
  NativeSockAddr n;
  ASSERT_TRUE(Posix().EncodeAddress(*addr, "bind", &n).ok());
  const size_t offset = offsetof(sockaddr_un, sun_path);
  EXPECT_EQ(n.len, offset + 11 + 1);
  const sockaddr_un* sun = reinterpret_cast<const sockaddr_un*>(&n.storage);
  EXPECT_EQ(sun->sun_family, AF_UNIX);
  EXPECT_STREQ(sun->sun_path, "/tmp/x.sock");
  absl::StatusOr<SocketAddress> back =
      Posix().DecodeAddress(n.get(), n.len, "getsockname");
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, *addr);

  // Unnamed: only the family goes to the OS, and comes back unnamed.
  addr = SocketAddress::Unix("");
  ASSERT_TRUE(Posix().EncodeAddress(*addr, "bind", &n).ok());
  EXPECT_EQ(n.len, offset);
  back = Posix().DecodeAddress(n.get(), n.len, "getsockname");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->family(), Family::kUnix);
  EXPECT_EQ(back->unix_path(), "");
}

TEST(PosixOsTest, PathThatDoesNotFitSunPathIsRejectedNotTruncated) {
  const size_t sun_path = sizeof(sockaddr_un{}.sun_path);
  if (sun_path >= kMaxUnixPathBytes) {
    GTEST_SKIP() << "sun_path holds every name SocketAddress can store";
  }
  absl::StatusOr<SocketAddress> addr =
      SocketAddress::Unix("/" + std::string(sun_path - 1, 'a'));
  ASSERT_TRUE(addr.ok());
  NativeSockAddr n;
  absl::Status st = Posix().EncodeAddress(*addr, "bind", &n);
  EXPECT_EQ(GetErrorKind(st), ErrorKind::kInvalidArgument) << st;
}

TEST(PosixOsTest, AbstractNamesAreNotSupported) {
  absl::StatusOr<SocketAddress> addr =
      SocketAddress::Unix(std::string("\0abstract", 9));
  ASSERT_TRUE(addr.ok());
  NativeSockAddr n;
  absl::Status st = Posix().EncodeAddress(*addr, "bind", &n);
  EXPECT_EQ(GetErrorKind(st), ErrorKind::kFamilyNotSupported) << st;
  EXPECT_EQ(GetFailedCall(st), "bind");
}

TEST(PosixOsTest, NetlinkAndTipcBelongToTheLinuxBackend) {
  const Os& os = PosixOsInstance();
  absl::StatusOr<NativeHandle> h =
      os.Socket(Family::kNetlink, Type::kRaw, 0, CreateOptions{});
  EXPECT_EQ(GetErrorKind(h.status()), ErrorKind::kFamilyNotSupported)
      << h.status();
  NativeSockAddr n;
  absl::Status st =
      Posix().EncodeAddress(SocketAddress::Netlink(0, 0), "bind", &n);
  EXPECT_EQ(GetErrorKind(st), ErrorKind::kFamilyNotSupported) << st;
  st = Posix().EncodeAddress(
      SocketAddress::Tipc(TipcAddrType::kName, 1, 2, 3), "bind", &n);
  EXPECT_EQ(GetErrorKind(st), ErrorKind::kFamilyNotSupported) << st;
}

TEST(PosixOsTest, NoAddressDecodesAsUnspec) {
  NativeSockAddr n;
  n.storage.ss_family = AF_UNSPEC;
  absl::StatusOr<SocketAddress> a = Posix().DecodeAddress(n.get(), 0, "recvfrom");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->family(), Family::kUnspec);
}

TEST(PosixTranslateTest, TablesCoverEveryPortableValue) {
  using namespace posix_internal;  // NOLINT: test of the internal tables
  EXPECT_EQ(NativeFamily(Family::kInet), AF_INET);
  EXPECT_EQ(NativeFamily(Family::kInet6), AF_INET6);
  EXPECT_EQ(NativeFamily(Family::kUnix), AF_UNIX);
  EXPECT_EQ(NativeFamily(Family::kUnspec), -1);
  EXPECT_EQ(NativeFamily(static_cast<Family>(99)), -1);
  for (Family f : {Family::kInet, Family::kInet6, Family::kUnix}) {
    Family back = Family::kUnspec;
    ASSERT_TRUE(PortableFamily(NativeFamily(f), &back));
    EXPECT_EQ(back, f);
  }
  for (Type t : {Type::kStream, Type::kDgram, Type::kRaw, Type::kSeqPacket}) {
    Type back = Type::kRdm;
    ASSERT_TRUE(PortableType(NativeType(t), &back)) << TypeName(t);
    EXPECT_EQ(back, t);
  }
  EXPECT_EQ(NativeType(static_cast<Type>(0)), -1);
  EXPECT_EQ(NativeShutdown(ShutdownHow::kRead), SHUT_RD);
  EXPECT_EQ(NativeShutdown(ShutdownHow::kWrite), SHUT_WR);
  EXPECT_EQ(NativeShutdown(ShutdownHow::kBoth), SHUT_RDWR);
  EXPECT_EQ(NativeShutdown(static_cast<ShutdownHow>(3)), -1);

  int native = -1;
  ASSERT_TRUE(NativeMsgFlags(MsgFlags::kNone, "recv", "posix", &native).ok());
  EXPECT_EQ(native, 0);
  ASSERT_TRUE(NativeMsgFlags(MsgFlags::kPeek | MsgFlags::kWaitAll, "recv",
                             "posix", &native)
                  .ok());
  EXPECT_EQ(native, MSG_PEEK | MSG_WAITALL);

  absl::StatusOr<NativeOption> opt =
      posix_internal::NativeOptionFor(Option::kReuseAddr, "posix");
  ASSERT_TRUE(opt.ok());
  EXPECT_EQ(opt->level, SOL_SOCKET);
  EXPECT_EQ(opt->name, SO_REUSEADDR);
  opt = posix_internal::NativeOptionFor(Option::kIpv6V6Only, "posix");
  ASSERT_TRUE(opt.ok());
  EXPECT_EQ(opt->level, IPPROTO_IPV6);
  EXPECT_EQ(opt->name, IPV6_V6ONLY);
}

}  // namespace
}  // namespace testing
}  // namespace platform
}  // namespace xsock
