// api/socket_options_test.cc: the argument checks of the typed options, on
// the native backend. Round trips against each backend are the conformance
// suite's (docs/behaviour/options.md, OPT-17 onward).

#include "xsock/socket_options.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "core/error.h"
#include "core/types.h"
#include "gtest/gtest.h"
#include "xsock/socket.h"

namespace xsock {
namespace {

// ExpectInvalidArgument checks the kind and that the message names
// `argument` ("<call>: <argument>: ...").
void ExpectInvalidArgument(const absl::Status& status,
                           std::string_view argument) {
  EXPECT_EQ(GetErrorKind(status), ErrorKind::kInvalidArgument) << status;
  EXPECT_TRUE(absl::StrContains(status.message(),
                                absl::StrCat(": ", argument, ": ")))
      << status << " should name " << argument;
}

TEST(SocketOptionsTest, EveryFunctionRejectsAClosedSocket) {
  absl::StatusOr<Socket> created = Socket::Create(Family::kInet, Type::kDgram);
  ASSERT_TRUE(created.ok()) << created.status();
  Socket s = std::move(*created);
  ASSERT_TRUE(s.Close().ok());
  const absl::Status statuses[] = {
      GetReuseAddress(s).status(),
      SetReuseAddress(s, true),
      GetReusePort(s).status(),
      SetReusePort(s, true),
      GetKeepAlive(s).status(),
      SetKeepAlive(s, true),
      GetBroadcast(s).status(),
      SetBroadcast(s, true),
      GetLinger(s).status(),
      SetLinger(s, absl::Seconds(1)),
      GetReceiveBufferSize(s).status(),
      SetReceiveBufferSize(s, 4096),
      GetSendBufferSize(s).status(),
      SetSendBufferSize(s, 4096),
      GetReceiveTimeout(s).status(),
      SetReceiveTimeout(s, absl::Seconds(1)),
      GetSendTimeout(s).status(),
      SetSendTimeout(s, absl::Seconds(1)),
      GetNoDelay(s).status(),
      SetNoDelay(s, true),
      GetV6Only(s).status(),
      SetV6Only(s, true),
      GetTtl(s).status(),
      SetTtl(s, 5),
      GetMulticastTtl(s).status(),
      SetMulticastTtl(s, 5),
      GetMulticastLoop(s).status(),
      SetMulticastLoop(s, false),
      GetMulticastInterfaceV4(s).status(),
      SetMulticastInterfaceV4(s, "127.0.0.1"),
      GetMulticastInterfaceV6(s).status(),
      SetMulticastInterfaceV6(s, 1),
      JoinMulticastV4(s, "239.1.2.3", "127.0.0.1"),
      LeaveMulticastV4(s, "239.1.2.3", "127.0.0.1"),
      JoinMulticastV6(s, "ff15::1"),
      LeaveMulticastV6(s, "ff15::1"),
  };
  for (const absl::Status& status : statuses) {
    ExpectInvalidArgument(status, "socket");
    EXPECT_TRUE(absl::StrContains(status.message(), "socket is closed"))
        << status;
  }
}

TEST(SocketOptionsTest, BadValuesNameTheArgument) {
  absl::StatusOr<Socket> created = Socket::Create(Family::kInet, Type::kDgram);
  ASSERT_TRUE(created.ok()) << created.status();
  Socket& s = *created;
  ExpectInvalidArgument(SetLinger(s, -absl::Seconds(1)), "linger");
  ExpectInvalidArgument(SetLinger(s, absl::Milliseconds(1500)), "linger");
  ExpectInvalidArgument(SetLinger(s, absl::InfiniteDuration()), "linger");
  ExpectInvalidArgument(SetLinger(s, absl::Seconds(65536)), "linger");
  ExpectInvalidArgument(SetReceiveBufferSize(s, 0), "size");
  ExpectInvalidArgument(SetSendBufferSize(s, -1), "size");
  for (absl::Duration bad : {absl::ZeroDuration(), -absl::Seconds(1),
                             absl::InfiniteDuration()}) {
    ExpectInvalidArgument(SetReceiveTimeout(s, bad), "timeout");
    ExpectInvalidArgument(SetSendTimeout(s, bad), "timeout");
  }
  ExpectInvalidArgument(SetTtl(s, 0), "ttl");
  ExpectInvalidArgument(SetTtl(s, 256), "ttl");
  ExpectInvalidArgument(SetMulticastTtl(s, -1), "ttl");
  ExpectInvalidArgument(SetMulticastTtl(s, 256), "ttl");
  ExpectInvalidArgument(JoinMulticastV4(s, "10.0.0.1", "127.0.0.1"), "group");
  ExpectInvalidArgument(JoinMulticastV4(s, "239.1.2", "127.0.0.1"), "group");
  ExpectInvalidArgument(LeaveMulticastV4(s, "localhost"), "group");
  ExpectInvalidArgument(JoinMulticastV4(s, "239.1.2.3", "lo"),
                        "interface_address");
  // The value the checks rejected never reached the OS.
  absl::StatusOr<std::optional<absl::Duration>> linger = GetLinger(s);
  ASSERT_TRUE(linger.ok()) << linger.status();
  EXPECT_FALSE(linger->has_value());
  absl::StatusOr<std::optional<absl::Duration>> timeout = GetReceiveTimeout(s);
  ASSERT_TRUE(timeout.ok()) << timeout.status();
  EXPECT_FALSE(timeout->has_value());
}

TEST(SocketOptionsTest, FamilySpecificOptionsCheckTheFamily) {
  absl::StatusOr<Socket> inet = Socket::Create(Family::kInet, Type::kDgram);
  ASSERT_TRUE(inet.ok()) << inet.status();
  ExpectInvalidArgument(GetV6Only(*inet).status(), "socket");
  EXPECT_EQ(GetV6Only(*inet).status().message(),
            "getsockopt: socket: not an AF_INET6 socket");
  ExpectInvalidArgument(SetV6Only(*inet, true), "socket");
  ExpectInvalidArgument(JoinMulticastV6(*inet, "ff15::1"), "socket");
  absl::StatusOr<std::pair<Socket, Socket>> pair =
      SocketPair(Family::kUnspec, Type::kStream);
  ASSERT_TRUE(pair.ok()) << pair.status();
  if (pair->first.family() != Family::kInet &&
      pair->first.family() != Family::kInet6) {
    ExpectInvalidArgument(GetTtl(pair->first).status(), "socket");
    ExpectInvalidArgument(SetMulticastTtl(pair->first, 1), "socket");
    ExpectInvalidArgument(SetMulticastLoop(pair->first, true), "socket");
  }
  ExpectInvalidArgument(JoinMulticastV4(pair->first, "239.1.2.3"), "socket");
  EXPECT_EQ(JoinMulticastV4(pair->first, "239.1.2.3").message(),
            "setsockopt: socket: not an AF_INET socket");
  absl::StatusOr<Socket> inet6 = Socket::Create(Family::kInet6, Type::kDgram);
  if (inet6.ok()) {
    ExpectInvalidArgument(JoinMulticastV4(*inet6, "239.1.2.3"), "socket");
    ExpectInvalidArgument(JoinMulticastV6(*inet6, "fe80::1"), "group");
    ExpectInvalidArgument(JoinMulticastV6(*inet6, "ff15::1%1"), "group");
    ExpectInvalidArgument(LeaveMulticastV6(*inet6, "239.1.2.3"), "group");
  }
}

}  // namespace
}  // namespace xsock
