// platform/linux/linux_os_test.cc: the backend suite on LinuxOs, plus what
// only the Linux backend does (atomic CLOEXEC, abstract AF_UNIX, netlink,
// TIPC address conversion, SO_PROTOCOL).

#include "platform/linux/linux_os.h"

#include <fcntl.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstddef>
#include <cstring>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/address.h"
#include "core/error.h"
#include "core/types.h"
#include "gtest/gtest.h"
#include "platform/os.h"
#include "platform/posix/backend_test_suite.h"
#include "platform/posix/sockaddr.h"

namespace xsock {
namespace platform {
namespace testing {
namespace {

using posix_internal::NativeSockAddr;

INSTANTIATE_TEST_SUITE_P(Linux, BackendTest,
                         ::testing::Values(&LinuxOsInstance()), BackendName);

const LinuxOs& Linux() {
  return static_cast<const LinuxOs&>(LinuxOsInstance());
}

TEST(LinuxOsTest, NameAndCapabilities) {
  const Os& os = LinuxOsInstance();
  EXPECT_EQ(os.Name(), "linux");
  EXPECT_TRUE(os.Supports(Capability::kAtomicCloexec));
  EXPECT_TRUE(os.Supports(Capability::kUnixSockets));
  EXPECT_TRUE(os.Supports(Capability::kUnixDatagram));
  EXPECT_TRUE(os.Supports(Capability::kUnixAbstract));
  EXPECT_TRUE(os.Supports(Capability::kUnixAutobind));
  EXPECT_TRUE(os.Supports(Capability::kNativeSocketPair));
  EXPECT_TRUE(os.Supports(Capability::kSignals));
  EXPECT_TRUE(os.Supports(Capability::kInheritanceQuery));
  EXPECT_TRUE(os.Supports(Capability::kHandleCount));
  EXPECT_FALSE(os.Supports(Capability::kWinsockIoctl));
  EXPECT_EQ(os.UnixPathMax(), 108u);
}

TEST(LinuxOsTest, NetlinkCapabilityMatchesTheKernel) {
  int fd = ::socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
  if (fd >= 0) ::close(fd);
  EXPECT_EQ(LinuxOsInstance().Supports(Capability::kNetlink), fd >= 0);
}

TEST(LinuxOsTest, TipcCapabilityMatchesTheKernel) {
  int fd = ::socket(AF_TIPC, SOCK_RDM, 0);
  if (fd >= 0) ::close(fd);
  EXPECT_EQ(LinuxOsInstance().Supports(Capability::kTipc), fd >= 0);
}

TEST(LinuxOsTest, DescribeReportsTheProtocol) {
  absl::StatusOr<NativeHandle> h = LinuxOsInstance().Socket(
      Family::kInet, Type::kStream, 0, CreateOptions{});
  ASSERT_TRUE(h.ok()) << h.status();
  absl::StatusOr<HandleInfo> info = LinuxOsInstance().Describe(*h);
  ASSERT_TRUE(info.ok()) << info.status();
  EXPECT_EQ(info->proto, IPPROTO_TCP);
  ASSERT_TRUE(LinuxOsInstance().Close(*h).ok());
}

TEST(LinuxOsTest, NetlinkSocketBindsAndReportsItsPortId) {
  const Os& os = LinuxOsInstance();
  if (!os.Supports(Capability::kNetlink)) GTEST_SKIP() << "no AF_NETLINK";
  absl::StatusOr<NativeHandle> h =
      os.Socket(Family::kNetlink, Type::kRaw, NETLINK_ROUTE, CreateOptions{});
  ASSERT_TRUE(h.ok()) << h.status();
  int flags = ::fcntl(static_cast<int>(*h), F_GETFD);
  EXPECT_NE(flags & FD_CLOEXEC, 0);
  absl::StatusOr<SocketAddress> unbound = os.GetSockName(*h);
  ASSERT_TRUE(unbound.ok()) << unbound.status();
  EXPECT_EQ(*unbound, SocketAddress::Netlink(0, 0));
  ASSERT_TRUE(os.Bind(*h, SocketAddress::Netlink(0, 0)).ok());
  absl::StatusOr<SocketAddress> name = os.GetSockName(*h);
  ASSERT_TRUE(name.ok()) << name.status();
  EXPECT_EQ(name->family(), Family::kNetlink);
  EXPECT_NE(name->netlink_pid(), 0u) << "the kernel assigns a port id";
  absl::StatusOr<HandleInfo> info = os.Describe(*h);
  ASSERT_TRUE(info.ok()) << info.status();
  EXPECT_EQ(info->family, Family::kNetlink);
  EXPECT_EQ(info->type, Type::kRaw);
  EXPECT_EQ(info->proto, NETLINK_ROUTE);
  ASSERT_TRUE(os.Close(*h).ok());
}

TEST(LinuxOsTest, NetlinkAddressEncoding) {
  NativeSockAddr n;
  ASSERT_TRUE(
      Linux().EncodeAddress(SocketAddress::Netlink(1234, 0x11), "bind", &n)
          .ok());
  ASSERT_EQ(n.len, sizeof(sockaddr_nl));
  sockaddr_nl nl;
  std::memcpy(&nl, &n.storage, sizeof(nl));
  EXPECT_EQ(nl.nl_family, AF_NETLINK);
  EXPECT_EQ(nl.nl_pad, 0);
  EXPECT_EQ(nl.nl_pid, 1234u);
  EXPECT_EQ(nl.nl_groups, 0x11u);
  absl::StatusOr<SocketAddress> back =
      Linux().DecodeAddress(n.get(), n.len, "getsockname");
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, SocketAddress::Netlink(1234, 0x11));
  back = Linux().DecodeAddress(n.get(), n.len - 1, "getsockname");
  EXPECT_EQ(GetErrorKind(back.status()), ErrorKind::kInvalidArgument);
}

TEST(LinuxOsTest, TipcAddressesFollowPython) {
  NativeSockAddr n;
  // TIPC_ADDR_NAMESEQ (type, lower, upper): round trip.
  SocketAddress seq = SocketAddress::Tipc(TipcAddrType::kNameSeq, 2000, 200,
                                          210, 2);
  absl::Status st = Linux().EncodeAddress(seq, "bind", &n);
  ASSERT_TRUE(st.ok()) << st;
  absl::StatusOr<SocketAddress> back =
      Linux().DecodeAddress(n.get(), n.len, "getsockname");
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, seq);
  // TIPC_ADDR_NAME (type, instance): v3 comes back as the instance.
  ASSERT_TRUE(Linux()
                  .EncodeAddress(SocketAddress::Tipc(TipcAddrType::kName,
                                                     2000, 205, 0, 2),
                                 "sendto", &n)
                  .ok());
  back = Linux().DecodeAddress(n.get(), n.len, "recvfrom");
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back,
            SocketAddress::Tipc(TipcAddrType::kName, 2000, 205, 205, 2));
  // TIPC_ADDR_ID (node, ref): v3 comes back as 0.
  ASSERT_TRUE(Linux()
                  .EncodeAddress(SocketAddress::Tipc(TipcAddrType::kId, 7,
                                                     99, 5, 3),
                                 "connect", &n)
                  .ok());
  back = Linux().DecodeAddress(n.get(), n.len, "getpeername");
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, SocketAddress::Tipc(TipcAddrType::kId, 7, 99, 0, 3));
}

TEST(LinuxOsTest, AbstractNameLengthIsExact) {
  std::string name("\0xsock", 6);
  absl::StatusOr<SocketAddress> addr = SocketAddress::Unix(name);
  ASSERT_TRUE(addr.ok());
  NativeSockAddr n;
  ASSERT_TRUE(Linux().EncodeAddress(*addr, "bind", &n).ok());
  EXPECT_EQ(n.len, offsetof(sockaddr_un, sun_path) + 6)
      << "no terminator, no padding (UNIX-02)";
}

}  // namespace
}  // namespace testing
}  // namespace platform
}  // namespace xsock
