// conformance/suites/constants_suite.cc: CONST-nn, the socket module's
// constants with the platform's native values (docs/behaviour/constants.md)
// and the list of what each platform lacks (docs/constants.md).
//
// The values are the build platform's whatever the backend: the POSIX and
// Linux backends of a Linux build both see the Linux values.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "conformance/harness.h"
#include "conformance/suites/suites.h"
#include "core/constants.h"
#include "core/error.h"
#include "core/options.h"
#include "core/types.h"
#include "platform/constants.h"
#include "xsock/constants.h"
#include "xsock/resolver.h"
#include "xsock/socket.h"

namespace xsock {
namespace conformance {
namespace {

// kAvailabilityDoc is docs/constants.md (//conformance:constants_doc).
constexpr char kAvailabilityDoc[] =
#include "conformance/constants_doc.inc"
    ;

// Constant returns GetConstant(name) as an int (the type the raw calls
// take); the test fails when the name has no value.
int Constant(std::string_view name) {
  absl::StatusOr<int64_t> value = GetConstant(name);
  EXPECT_TRUE(IsOk(value)) << name;
  return value.ok() ? static_cast<int>(*value) : -1;
}

// ExpectShutValue checks that the constant `name` is the native value the
// backend passes to shutdown() for `how`.
void ExpectShutValue(const platform::Os& os, std::string_view name,
                     ShutdownHow how) {
  EXPECT_EQ(Constant(name), os.NativeShutdownHow(how)) << name;
}

// --- CONST-01 ----------------------------------------------------------------

TEST_P(ConstantsSuite, CONST_01_EveryKnownNameIsAValueOrNotAvailable) {
  int available = 0;
  for (const ConstantName& known : KnownConstants()) {
    absl::StatusOr<int64_t> value = GetConstant(known.name);
    EXPECT_EQ(HasConstant(known.name), value.ok()) << known.name;
    if (value.ok()) {
      ++available;
      continue;
    }
    EXPECT_KIND(value, ErrorKind::kUnimplemented);
    EXPECT_TRUE(MessageHas(
        value.status(),
        absl::StrCat("GetConstant: ", known.name,
                     " is not available on this platform (")));
  }
  EXPECT_GT(available, 100) << "too few constants have a value";
  EXPECT_LT(available, static_cast<int>(KnownConstants().size()))
      << "no platform has every constant (Linux-only and Windows-only "
         "names are both in the list)";
}

TEST_P(ConstantsSuite, CONST_01_EveryNativeConstantIsKnown) {
  std::set<std::string_view> seen;
  for (const platform::NativeConstant& native : platform::NativeConstants()) {
    EXPECT_NE(FindKnownConstant(native.name), nullptr) << native.name;
    EXPECT_TRUE(seen.insert(native.name).second) << native.name << " twice";
    absl::StatusOr<int64_t> value = GetConstant(native.name);
    ASSERT_OK(value);
    EXPECT_EQ(*value, native.value) << native.name;
  }
}

TEST_P(ConstantsSuite, CONST_01_ConstantNamesListsEveryNameOfTheFamily) {
  size_t total = 0;
  for (int f = 0; f < kConstantFamilyCount; ++f) {
    const auto family = static_cast<ConstantFamily>(f);
    std::vector<std::string_view> names = ConstantNames(family);
    EXPECT_FALSE(names.empty()) << ConstantFamilyPrefix(family);
    for (std::string_view name : names) {
      const ConstantName* known = FindKnownConstant(name);
      ASSERT_NE(known, nullptr) << name;
      EXPECT_EQ(known->family, family) << name;
    }
    total += names.size();
  }
  EXPECT_EQ(total, KnownConstants().size());
  // Names of another platform are listed too: NETLINK_* everywhere,
  // SIO_* off Windows.
  std::vector<std::string_view> netlink = ConstantNames(ConstantFamily::kNetlink);
  EXPECT_NE(std::find(netlink.begin(), netlink.end(), "NETLINK_ROUTE"),
            netlink.end());
  std::vector<std::string_view> sio = ConstantNames(ConstantFamily::kSio);
  EXPECT_NE(std::find(sio.begin(), sio.end(), "SIO_RCVALL"), sio.end());
  EXPECT_NE(std::find(sio.begin(), sio.end(), "RCVALL_ON"), sio.end());
  EXPECT_TRUE(ConstantNames(static_cast<ConstantFamily>(99)).empty());
}

TEST_P(ConstantsSuite, CONST_01_CommonNamesHaveDistinctValues) {
  for (std::string_view name :
       {"AF_INET", "AF_INET6", "AF_UNSPEC", "SOCK_STREAM", "SOCK_DGRAM",
        "SOL_SOCKET", "SO_REUSEADDR", "SO_TYPE", "IPPROTO_TCP", "IPPROTO_UDP",
        "MSG_PEEK", "SHUT_RD", "SHUT_WR", "SHUT_RDWR", "SOMAXCONN",
        "EAI_NONAME", "AI_PASSIVE", "NI_NUMERICHOST"}) {
    EXPECT_TRUE(HasConstant(name)) << name;
  }
  for (std::vector<std::string_view> alternatives :
       {std::vector<std::string_view>{"AF_UNSPEC", "AF_INET", "AF_INET6"},
        std::vector<std::string_view>{"SOCK_STREAM", "SOCK_DGRAM"},
        std::vector<std::string_view>{"SHUT_RD", "SHUT_WR", "SHUT_RDWR"}}) {
    std::set<int> values;
    for (std::string_view name : alternatives) values.insert(Constant(name));
    EXPECT_EQ(values.size(), alternatives.size()) << alternatives.front();
  }
}

// --- CONST-02 ----------------------------------------------------------------

TEST_P(ConstantsSuite, CONST_02_UnknownNameIsInvalidArgument) {
  for (std::string_view name :
       {"so_reuseaddr", "AF_", "SO_REUSEADDR ", " AF_INET", "", "O_NONBLOCK",
        "AF_NOSUCHFAMILY", "SOMAXCONN2"}) {
    absl::StatusOr<int64_t> value = GetConstant(name);
    EXPECT_INVALID_ARGUMENT(value, "name") << "\"" << name << "\"";
    EXPECT_FALSE(HasConstant(name)) << "\"" << name << "\"";
  }
}

// --- CONST-03 ----------------------------------------------------------------

TEST_P(ConstantsSuite, CONST_03_OptionConstantsAreTheBackendsLevelAndName) {
  int checked = 0;
  for (int i = 0; i < kOptionCount; ++i) {
    const auto option = static_cast<Option>(i);
    const OptionInfo* info = GetOptionInfo(option);
    ASSERT_NE(info, nullptr);
    if (FindKnownConstant(info->name) == nullptr) continue;
    absl::StatusOr<platform::NativeOption> native = os().NativeOptionFor(option);
    if (!native.ok()) {
      EXPECT_KIND(native, ErrorKind::kUnimplemented) << info->name;
      continue;
    }
    absl::StatusOr<int64_t> name = GetConstant(info->name);
    if (!name.ok() && option == Option::kTcpKeepIdle) {
      name = GetConstant("TCP_KEEPALIVE");  // Apple's name for it
    }
    ASSERT_OK(name) << info->name;
    EXPECT_EQ(*name, native->name) << info->name;
    std::string_view level_name;
    switch (info->level) {
      case OptionLevel::kSocket: level_name = "SOL_SOCKET"; break;
      case OptionLevel::kTcp: level_name = "IPPROTO_TCP"; break;
      case OptionLevel::kIp: level_name = "IPPROTO_IP"; break;
      case OptionLevel::kIpv6: level_name = "IPPROTO_IPV6"; break;
    }
    EXPECT_EQ(Constant(level_name), native->level) << info->name;
    ++checked;
  }
  EXPECT_GE(checked, 15) << "too few options compared";
}

// --- CONST-04 ----------------------------------------------------------------

TEST_P(ConstantsSuite, CONST_04_RawGetSockOptAnswersInConstants) {
  const int sol_socket = Constant("SOL_SOCKET");
  const int so_type = Constant("SO_TYPE");
  ASSERT_OK_AND_ASSIGN(Socket tcp, NewSocket(Family::kInet, Type::kStream));
  ASSERT_OK_AND_ASSIGN(int tcp_type, tcp.GetSockOpt(sol_socket, so_type));
  EXPECT_EQ(tcp_type, Constant("SOCK_STREAM"));
  ASSERT_OK_AND_ASSIGN(Socket udp, NewSocket(Family::kInet, Type::kDgram));
  ASSERT_OK_AND_ASSIGN(int udp_type, udp.GetSockOpt(sol_socket, so_type));
  EXPECT_EQ(udp_type, Constant("SOCK_DGRAM"));
  if (HasConstant("SO_DOMAIN")) {
    ASSERT_OK_AND_ASSIGN(int domain,
                         tcp.GetSockOpt(sol_socket, Constant("SO_DOMAIN")));
    EXPECT_EQ(domain, Constant("AF_INET"));
  }
  if (HasConstant("SO_PROTOCOL")) {
    ASSERT_OK_AND_ASSIGN(int protocol,
                         tcp.GetSockOpt(sol_socket, Constant("SO_PROTOCOL")));
    EXPECT_EQ(protocol, Constant("IPPROTO_TCP"));
  }
}

// --- CONST-05 ----------------------------------------------------------------

TEST_P(ConstantsSuite, CONST_05_DefaultBacklogIsSomaxconnCappedAt128) {
  ASSERT_OK_AND_ASSIGN(int64_t somaxconn, GetConstant("SOMAXCONN"));
  EXPECT_GT(somaxconn, 0);
  EXPECT_EQ(kDefaultBacklog, std::min<int64_t>(somaxconn, 128));
}

TEST_P(ConstantsSuite, CONST_05_ListenWithSomaxconnAccepts) {
  ASSERT_OK_AND_ASSIGN(int64_t somaxconn, GetConstant("SOMAXCONN"));
  ASSERT_OK_AND_ASSIGN(Socket socket, NewSocket(Family::kInet));
  ASSERT_OK(socket.Bind(Loopback(Family::kInet)));
  ASSERT_OK(socket.Listen(static_cast<int>(somaxconn)));
  ASSERT_OK_AND_ASSIGN(SocketAddress address, socket.GetSockName());
  Listening listening{std::move(socket), address};
  ASSERT_OK_AND_ASSIGN(Connection c, ConnectTo(listening));
  ASSERT_OK(c.client.SetTimeout(kPeerTimeout));
  ASSERT_OK(c.server.SetTimeout(kPeerTimeout));
  EXPECT_TRUE(Transfers(c.client, c.server, kMsg));
}

// --- CONST-06 ----------------------------------------------------------------

TEST_P(ConstantsSuite, CONST_06_LookupErrorCarriesAnEaiConstant) {
  absl::Status status =
      GetAddrInfo("xsock-test.invalid", std::nullopt, AddrInfoHints{}, os())
          .status();
  ASSERT_FALSE(status.ok());
  const int code = GetNativeCode(status);
  std::set<int64_t> eai;
  for (std::string_view name : ConstantNames(ConstantFamily::kEai)) {
    if (name == "EAI_MAX") continue;  // a bound, not a code
    absl::StatusOr<int64_t> value = GetConstant(name);
    if (value.ok()) eai.insert(*value);
  }
  EXPECT_EQ(eai.count(code), 1u) << "native code " << code << ": " << status;
  std::string_view expected;
  switch (GetErrorKind(status)) {
    case ErrorKind::kAddrInfoNoName: expected = "EAI_NONAME"; break;
    case ErrorKind::kAddrInfoNoData: expected = "EAI_NODATA"; break;
    case ErrorKind::kAddrInfoAgain: expected = "EAI_AGAIN"; break;
    case ErrorKind::kAddrInfoFail: expected = "EAI_FAIL"; break;
    default:
      ADD_FAILURE() << "not a not-found kind: " << status;
      return;
  }
  EXPECT_EQ(code, Constant(expected)) << status;
}

// --- CONST-07 ----------------------------------------------------------------

TEST_P(ConstantsSuite, CONST_07_ShutWrClosesTheSendingSide) {
  ExpectShutValue(os(), "SHUT_WR", ShutdownHow::kWrite);
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.client.SetTimeout(kPeerTimeout));
  ASSERT_OK(c.server.SetTimeout(kPeerTimeout));
  ASSERT_OK(c.client.Shutdown(ShutdownHow::kWrite));
  absl::StatusOr<std::string> at_server = ReadToEof(c.server, 16);
  ASSERT_OK(at_server);
  EXPECT_EQ(*at_server, "");
  ASSERT_OK(c.server.SendAll("ok"));
  absl::StatusOr<std::string> at_client = ReadExactly(c.client, 2);
  ASSERT_OK(at_client);
  EXPECT_EQ(*at_client, "ok");
}

TEST_P(ConstantsSuite, CONST_07_ShutRdKeepsTheSendingSide) {
  ExpectShutValue(os(), "SHUT_RD", ShutdownHow::kRead);
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.client.SetTimeout(kPeerTimeout));
  ASSERT_OK(c.server.SetTimeout(kPeerTimeout));
  ASSERT_OK(c.client.Shutdown(ShutdownHow::kRead));
  ASSERT_OK(c.client.SendAll("after"));
  absl::StatusOr<std::string> at_server = ReadExactly(c.server, 5);
  ASSERT_OK(at_server);
  EXPECT_EQ(*at_server, "after");
}

TEST_P(ConstantsSuite, CONST_07_ShutRdwrClosesBoth) {
  ExpectShutValue(os(), "SHUT_RDWR", ShutdownHow::kBoth);
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.client.SetTimeout(kPeerTimeout));
  ASSERT_OK(c.server.SetTimeout(kPeerTimeout));
  ASSERT_OK(c.client.Shutdown(ShutdownHow::kBoth));
  absl::StatusOr<std::string> at_server = ReadToEof(c.server, 16);
  ASSERT_OK(at_server);
  EXPECT_EQ(*at_server, "");
  EXPECT_FALSE(c.client.Send("x").ok());
}

// --- CONST-08 ----------------------------------------------------------------

TEST_P(ConstantsSuite, CONST_08_AvailabilityListMatchesTheBuild) {
  const std::string_view column = platform::ConstantsPlatform();
  if (column.empty()) {
    GTEST_SKIP() << "docs/constants.md has no column for this platform";
  }
  const size_t index = column == "Linux" ? 0 : 1;
  // Rows: | `NAME` | Linux | Windows |, each answer "yes" or "no".
  std::set<std::string> listed_missing;
  std::set<std::string> rows;
  int row_count = 0;
  for (std::string_view line : absl::StrSplit(kAvailabilityDoc, '\n')) {
    if (!absl::StartsWith(line, "| `")) continue;
    std::vector<std::string_view> cells = absl::StrSplit(line, '|');
    // "", " `NAME` ", " linux ", " windows ", ""
    ASSERT_EQ(cells.size(), 5u) << line;
    std::string_view name = absl::StripAsciiWhitespace(cells[1]);
    ASSERT_TRUE(absl::ConsumePrefix(&name, "`") &&
                absl::ConsumeSuffix(&name, "`"))
        << line;
    std::string_view answers[2] = {absl::StripAsciiWhitespace(cells[2]),
                                   absl::StripAsciiWhitespace(cells[3])};
    for (std::string_view answer : answers) {
      EXPECT_TRUE(answer == "yes" || answer == "no") << line;
    }
    EXPECT_FALSE(answers[0] == "yes" && answers[1] == "yes")
        << line << ": available on both, so no row";
    EXPECT_NE(FindKnownConstant(name), nullptr) << line;
    EXPECT_TRUE(rows.insert(std::string(name)).second) << line << " twice";
    if (answers[index] == "no") listed_missing.insert(std::string(name));
    ++row_count;
  }
  ASSERT_GT(row_count, 0) << "no table rows in docs/constants.md";
  std::string changes;
  for (const ConstantName& known : KnownConstants()) {
    const std::string name(known.name);
    const bool missing = !HasConstant(known.name);
    if (missing && listed_missing.count(name) == 0) {
      absl::StrAppend(&changes, "\n  ", name, ": not available here, mark it `no` in the ",
                      column, " column",
                      rows.count(name) ? "" : " (new row; the other column: yes)");
    } else if (!missing && listed_missing.count(name) != 0) {
      absl::StrAppend(&changes, "\n  ", name, ": available here, mark it `yes` in the ",
                      column, " column (drop the row if the other column is yes)");
    }
  }
  EXPECT_TRUE(changes.empty())
      << "docs/constants.md disagrees with this build; change the rows:"
      << changes
      << "\nthen rerun the CONST_08 test of the linux and the windows "
         "conformance tests (see docs/constants.md).";
}

}  // namespace
}  // namespace conformance
}  // namespace xsock
