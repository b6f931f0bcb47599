// conformance/suites/resolver_suite.cc: NAME-nn, name resolution through
// xsock/resolver.h on every backend (docs/behaviour/resolver.md). No DNS and
// no internet: localhost, numeric addresses, the services database and the
// reserved name xsock-test.invalid only.

#include <optional>
#include <string>
#include <vector>

#include "conformance/harness.h"
#include "conformance/suites/suites.h"
#include "core/addrinfo.h"
#include "core/address.h"
#include "core/error.h"
#include "core/types.h"
#include "xsock/resolver.h"

namespace xsock {
namespace conformance {
namespace {

constexpr char kNotFound[] = "xsock-test.invalid";

AddrInfoHints Hints(Family family = Family::kUnspec,
                    std::optional<Type> type = std::nullopt, int proto = 0,
                    uint32_t flags = 0) {
  AddrInfoHints h;
  h.family = family;
  h.type = type;
  h.proto = proto;
  h.flags = flags;
  return h;
}

bool IsLoopback(const SocketAddress& a) {
  if (a.family() == Family::kInet) return a.ipv4()[0] == 127;
  if (a.family() == Family::kInet6) {
    return a == SocketAddress::Inet6({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                      0, 0, 1},
                                     a.port());
  }
  return false;
}

std::string Describe(const std::vector<AddrInfo>& v) {
  std::string out;
  for (const AddrInfo& i : v) out += i.ToString() + "\n";
  return out;
}

// ExpectNotFound checks the error of a name that cannot resolve: Python's
// gaierror class, one of the kinds a resolver without network may answer,
// a native code and a message.
void ExpectNotFound(const absl::Status& status) {
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(GetErrorClass(status), ErrorClass::kAddressInfo) << status;
  const ErrorKind kind = GetErrorKind(status);
  EXPECT_TRUE(kind == ErrorKind::kAddrInfoNoName ||
              kind == ErrorKind::kAddrInfoNoData ||
              kind == ErrorKind::kAddrInfoAgain ||
              kind == ErrorKind::kAddrInfoFail)
      << status;
  EXPECT_NE(GetNativeCode(status), 0) << status;
  EXPECT_EQ(GetFailedCall(status), "getaddrinfo") << status;
}

// --- NAME-01 -----------------------------------------------------------------

TEST_P(ResolverSuite, NAME_01_NumericIpv4GivesTypedRecords) {
  ASSERT_OK_AND_ASSIGN(std::vector<AddrInfo> r,
                       GetAddrInfo("127.0.0.1", "80", Hints(), os()));
  ASSERT_FALSE(r.empty());
  bool stream = false;
  bool dgram = false;
  for (const AddrInfo& i : r) {
    EXPECT_EQ(i.family, Family::kInet);
    EXPECT_EQ(i.address, SocketAddress::Inet4({127, 0, 0, 1}, 80));
    EXPECT_TRUE(i.canonname.empty());
    if (i.type == Type::kStream) {
      stream = true;
      EXPECT_EQ(i.proto, 6);
    }
    if (i.type == Type::kDgram) {
      dgram = true;
      EXPECT_EQ(i.proto, 17);
    }
  }
  EXPECT_TRUE(stream && dgram) << Describe(r);
}

TEST_P(ResolverSuite, NAME_01_NumericIpv6GivesTypedRecords) {
  XSOCK_REQUIRE(kIpv6);
  ASSERT_OK_AND_ASSIGN(
      std::vector<AddrInfo> r,
      GetAddrInfo("::1", 443, Hints(Family::kUnspec, Type::kStream), os()));
  ASSERT_EQ(r.size(), 1u) << Describe(r);
  EXPECT_EQ(r[0].family, Family::kInet6);
  EXPECT_EQ(r[0].type, Type::kStream);
  EXPECT_TRUE(r[0].proto == 6 || r[0].proto == 0) << Describe(r);
  EXPECT_EQ(r[0].address.host(), "::1");
  EXPECT_EQ(r[0].address.port(), 443);
}

TEST_P(ResolverSuite, NAME_01_NoPortIsPortZero) {
  ASSERT_OK_AND_ASSIGN(
      std::vector<AddrInfo> r,
      GetAddrInfo("10.1.2.3", std::nullopt, Hints(Family::kInet), os()));
  ASSERT_FALSE(r.empty());
  for (const AddrInfo& i : r) {
    EXPECT_EQ(i.address, SocketAddress::Inet4({10, 1, 2, 3}, 0));
  }
}

// --- NAME-02 -----------------------------------------------------------------

// The records api/ builds for numeric input equal the backend's own
// getaddrinfo answer for the same input.
TEST_P(ResolverSuite, NAME_02_NumericFastPathEqualsTheSystem) {
  struct Case {
    const char* host;
    const char* port;
    AddrInfoHints hints;
  };
  const Case cases[] = {
      {"127.0.0.1", "80", Hints()},
      {"127.0.0.1", nullptr, Hints()},
      {"192.0.2.1", "65535", Hints(Family::kInet)},
      {"127.0.0.1", "0", Hints(Family::kUnspec, Type::kStream)},
      {"127.0.0.1", "53", Hints(Family::kUnspec, Type::kDgram)},
      {"127.0.0.1", "80", Hints(Family::kUnspec, std::nullopt, 6)},
      {"127.0.0.1", "80", Hints(Family::kUnspec, std::nullopt, 17)},
      {"127.0.0.1", "80", Hints(Family::kUnspec, Type::kStream, 6)},
      {"127.0.0.1", "80",
       Hints(Family::kUnspec, std::nullopt, 0,
             kAiNumericHost | kAiNumericServ)},
      {nullptr, "80", Hints(Family::kInet, Type::kStream, 0, kAiPassive)},
      {"::1", "80", Hints()},
      {"2001:db8::1", nullptr, Hints(Family::kInet6, Type::kDgram)},
      {nullptr, "80", Hints(Family::kInet6, std::nullopt, 0, kAiPassive)},
  };
  for (const Case& c : cases) {
    const std::string label = std::string(c.host ? c.host : "<none>") + " " +
                              (c.port ? c.port : "<none>");
    const bool v6 = c.hints.family == Family::kInet6 ||
                    (c.host != nullptr && std::string(c.host).find(':') !=
                                              std::string::npos);
    if (v6 && !Supports(platform::Capability::kIpv6)) continue;
    std::optional<std::string_view> host;
    std::optional<std::string_view> port;
    if (c.host != nullptr) host = c.host;
    if (c.port != nullptr) port = c.port;
    absl::StatusOr<std::vector<AddrInfo>> fast =
        GetAddrInfo(host, port, c.hints, os());
    absl::StatusOr<std::vector<AddrInfo>> system =
        os().GetAddrInfo(c.host, c.port, c.hints);
    ASSERT_TRUE(fast.ok()) << label << ": " << fast.status();
    ASSERT_TRUE(system.ok()) << label << ": " << system.status();
    EXPECT_TRUE(*fast == *system)
        << label << "\napi:\n"
        << Describe(*fast) << "system:\n"
        << Describe(*system);
  }
}

// --- NAME-03 -----------------------------------------------------------------

TEST_P(ResolverSuite, NAME_03_TypeAndProtoFiltersAreHonoured) {
  for (const char* host : {"127.0.0.1", "localhost"}) {
    ASSERT_OK_AND_ASSIGN(
        std::vector<AddrInfo> stream,
        GetAddrInfo(host, "80", Hints(Family::kUnspec, Type::kStream), os()));
    ASSERT_FALSE(stream.empty()) << host;
    for (const AddrInfo& i : stream) {
      EXPECT_EQ(i.type, Type::kStream) << host;
      EXPECT_TRUE(i.proto == 6 || i.proto == 0) << host << "\n"
                                                << Describe(stream);
    }
    ASSERT_OK_AND_ASSIGN(
        std::vector<AddrInfo> dgram,
        GetAddrInfo(host, "80", Hints(Family::kUnspec, Type::kDgram), os()));
    ASSERT_FALSE(dgram.empty()) << host;
    for (const AddrInfo& i : dgram) {
      EXPECT_EQ(i.type, Type::kDgram) << host;
      EXPECT_TRUE(i.proto == 17 || i.proto == 0) << host << "\n"
                                                 << Describe(dgram);
    }
    ASSERT_OK_AND_ASSIGN(
        std::vector<AddrInfo> tcp,
        GetAddrInfo(host, "80", Hints(Family::kUnspec, std::nullopt, 6),
                    os()));
    ASSERT_FALSE(tcp.empty()) << host;
    for (const AddrInfo& i : tcp) {
      EXPECT_EQ(i.type, Type::kStream) << host;
      EXPECT_EQ(i.proto, 6) << host;
    }
  }
}

TEST_P(ResolverSuite, NAME_03_FamilyFilterIsHonoured) {
  ASSERT_OK_AND_ASSIGN(
      std::vector<AddrInfo> v4,
      GetAddrInfo("localhost", 80, Hints(Family::kInet, Type::kStream), os()));
  ASSERT_FALSE(v4.empty());
  for (const AddrInfo& i : v4) {
    EXPECT_EQ(i.family, Family::kInet);
    EXPECT_EQ(i.address.family(), Family::kInet);
  }
  // A literal of the other family is an address-info error, never an
  // empty success.
  absl::StatusOr<std::vector<AddrInfo>> wrong =
      GetAddrInfo("127.0.0.1", 80, Hints(Family::kInet6), os());
  ASSERT_FALSE(wrong.ok()) << Describe(*wrong);
  EXPECT_EQ(GetErrorClass(wrong.status()), ErrorClass::kAddressInfo)
      << wrong.status();
}

// --- NAME-04 -----------------------------------------------------------------

TEST_P(ResolverSuite, NAME_04_LocalhostResolvesToLoopback) {
  ASSERT_OK_AND_ASSIGN(std::vector<AddrInfo> r,
                       GetAddrInfo("localhost", 8080, Hints(), os()));
  ASSERT_FALSE(r.empty());
  for (const AddrInfo& i : r) {
    EXPECT_TRUE(IsLoopback(i.address)) << Describe(r);
    EXPECT_EQ(i.address.port(), 8080);
    EXPECT_EQ(i.family, i.address.family());
  }
}

// --- NAME-05 -----------------------------------------------------------------

TEST_P(ResolverSuite, NAME_05_ServiceNameGivesItsPort) {
  absl::StatusOr<std::vector<AddrInfo>> r = GetAddrInfo(
      "127.0.0.1", "http", Hints(Family::kInet, Type::kStream), os());
  if (!r.ok() && GetErrorKind(r.status()) == ErrorKind::kAddrInfoService) {
    GTEST_SKIP() << "the services database has no http/tcp: " << r.status();
  }
  ASSERT_OK(r.status());
  ASSERT_FALSE(r->empty());
  for (const AddrInfo& i : *r) {
    EXPECT_EQ(i.address, SocketAddress::Inet4({127, 0, 0, 1}, 80));
  }
}

TEST_P(ResolverSuite, NAME_05_ServiceNameWithNumericServIsAnError) {
  absl::StatusOr<std::vector<AddrInfo>> r =
      GetAddrInfo("127.0.0.1", "http",
                  Hints(Family::kInet, Type::kStream, 0, kAiNumericServ),
                  os());
  ASSERT_FALSE(r.ok()) << Describe(*r);
  EXPECT_EQ(GetErrorClass(r.status()), ErrorClass::kAddressInfo)
      << r.status();
}

// --- NAME-06 -----------------------------------------------------------------

TEST_P(ResolverSuite, NAME_06_UnknownNameIsAnAddressInfoError) {
  ExpectNotFound(GetAddrInfo(kNotFound, 80, Hints(), os()).status());
  ExpectNotFound(GetAddrInfo(kNotFound, std::nullopt,
                             Hints(Family::kInet, Type::kStream), os())
                     .status());
}

TEST_P(ResolverSuite, NAME_06_NumericHostFlagRejectsANameWithoutLookup) {
  absl::StatusOr<std::vector<AddrInfo>> r =
      GetAddrInfo("localhost", 80, Hints(Family::kUnspec, std::nullopt, 0,
                                         kAiNumericHost),
                  os());
  ASSERT_FALSE(r.ok()) << Describe(*r);
  EXPECT_EQ(GetErrorClass(r.status()), ErrorClass::kAddressInfo)
      << r.status();
  EXPECT_KIND(r.status(), ErrorKind::kAddrInfoNoName);
}

// --- NAME-07 -----------------------------------------------------------------

TEST_P(ResolverSuite, NAME_07_PassiveWithoutHostIsTheWildcard) {
  for (const char* empty : {static_cast<const char*>(nullptr), ""}) {
    std::optional<std::string_view> host;
    if (empty != nullptr) host = empty;
    ASSERT_OK_AND_ASSIGN(
        std::vector<AddrInfo> r,
        GetAddrInfo(host, 80, Hints(Family::kInet, Type::kStream, 0,
                                    kAiPassive),
                    os()));
    ASSERT_EQ(r.size(), 1u) << Describe(r);
    EXPECT_EQ(r[0].address, SocketAddress::Inet4({0, 0, 0, 0}, 80));
    ASSERT_OK_AND_ASSIGN(
        std::vector<AddrInfo> any,
        GetAddrInfo(host, 80, Hints(Family::kUnspec, Type::kStream, 0,
                                    kAiPassive),
                    os()));
    ASSERT_FALSE(any.empty());
    for (const AddrInfo& i : any) {
      EXPECT_TRUE(i.address.is_unspecified()) << Describe(any);
      EXPECT_EQ(i.address.port(), 80);
    }
  }
}

TEST_P(ResolverSuite, NAME_07_NoHostWithoutPassiveIsLoopback) {
  for (const char* empty : {static_cast<const char*>(nullptr), ""}) {
    std::optional<std::string_view> host;
    if (empty != nullptr) host = empty;
    ASSERT_OK_AND_ASSIGN(
        std::vector<AddrInfo> r,
        GetAddrInfo(host, 80, Hints(Family::kUnspec, Type::kStream), os()));
    ASSERT_FALSE(r.empty());
    for (const AddrInfo& i : r) {
      EXPECT_TRUE(IsLoopback(i.address)) << Describe(r);
      EXPECT_EQ(i.address.port(), 80);
    }
  }
}

// --- NAME-08 -----------------------------------------------------------------

TEST_P(ResolverSuite, NAME_08_CanonNameIsOnTheFirstResult) {
  ASSERT_OK_AND_ASSIGN(
      std::vector<AddrInfo> r,
      GetAddrInfo("localhost", 80,
                  Hints(Family::kInet, Type::kStream, 0, kAiCanonName),
                  os()));
  ASSERT_FALSE(r.empty());
  EXPECT_FALSE(r[0].canonname.empty()) << Describe(r);
  for (size_t i = 1; i < r.size(); ++i) {
    EXPECT_TRUE(r[i].canonname.empty()) << Describe(r);
  }
  ASSERT_OK_AND_ASSIGN(
      std::vector<AddrInfo> plain,
      GetAddrInfo("localhost", 80, Hints(Family::kInet, Type::kStream),
                  os()));
  for (const AddrInfo& i : plain) EXPECT_TRUE(i.canonname.empty());
}

// --- NAME-09 -----------------------------------------------------------------

TEST_P(ResolverSuite, NAME_09_InvalidArgumentsNameTheArgument) {
  EXPECT_INVALID_ARGUMENT(
      GetAddrInfo(std::nullopt, std::nullopt, Hints(), os()).status(),
      "host");
  EXPECT_INVALID_ARGUMENT(GetAddrInfo("", "", Hints(), os()).status(),
                          "host");
  EXPECT_INVALID_ARGUMENT(GetAddrInfo("localhost", -1, Hints(), os()).status(),
                          "port");
  EXPECT_INVALID_ARGUMENT(
      GetAddrInfo("localhost", 65536, Hints(), os()).status(), "port");
  EXPECT_INVALID_ARGUMENT(
      GetAddrInfo("localhost", 80,
                  Hints(Family::kUnspec, std::nullopt, 0, 1u << 30), os())
          .status(),
      "flags");
  const SocketAddress loopback = SocketAddress::Inet4({127, 0, 0, 1}, 80);
  EXPECT_INVALID_ARGUMENT(GetNameInfo(loopback, 1u << 30, os()).status(),
                          "flags");
  ASSERT_OK_AND_ASSIGN(SocketAddress unix_address, SocketAddress::Unix("/x"));
  EXPECT_INVALID_ARGUMENT(GetNameInfo(unix_address, 0, os()).status(),
                          "address");
  EXPECT_INVALID_ARGUMENT(GetNameInfo(SocketAddress(), 0, os()).status(),
                          "address");
}

// --- NAME-10 -----------------------------------------------------------------

TEST_P(ResolverSuite, NAME_10_NameInfoNumeric) {
  ASSERT_OK_AND_ASSIGN(
      NameInfo v4, GetNameInfo(SocketAddress::Inet4({127, 0, 0, 1}, 8080),
                               kNiNumericHost | kNiNumericServ, os()));
  EXPECT_EQ(v4.host, "127.0.0.1");
  EXPECT_EQ(v4.service, "8080");
  if (Supports(platform::Capability::kIpv6)) {
    ASSERT_OK_AND_ASSIGN(
        NameInfo v6,
        GetNameInfo(SocketAddress::Inet6({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                          0, 0, 0, 1},
                                         443),
                    kNiNumericHost | kNiNumericServ, os()));
    EXPECT_EQ(v6.host, "::1");
    EXPECT_EQ(v6.service, "443");
  }
}

TEST_P(ResolverSuite, NAME_10_NameInfoServiceName) {
  ASSERT_OK_AND_ASSIGN(
      NameInfo info, GetNameInfo(SocketAddress::Inet4({127, 0, 0, 1}, 80),
                                 kNiNumericHost, os()));
  EXPECT_EQ(info.host, "127.0.0.1");
  if (info.service == "80") {
    GTEST_SKIP() << "the services database has no name for port 80/tcp";
  }
  EXPECT_EQ(info.service, "http");
}

TEST_P(ResolverSuite, NAME_10_NameInfoOfLoopbackGivesAName) {
  ASSERT_OK_AND_ASSIGN(
      NameInfo info, GetNameInfo(SocketAddress::Inet4({127, 0, 0, 1}, 80),
                                 kNiNumericServ, os()));
  EXPECT_FALSE(info.host.empty());
  EXPECT_EQ(info.service, "80");
}

// --- NAME-11 -----------------------------------------------------------------

TEST_P(ResolverSuite, NAME_11_HostNameIsNotEmpty) {
  ASSERT_OK_AND_ASSIGN(std::string name, GetHostName(os()));
  EXPECT_FALSE(name.empty());
  EXPECT_EQ(name.find('\0'), std::string::npos);
}

// --- NAME-12 -----------------------------------------------------------------

TEST_P(ResolverSuite, NAME_12_HostByNameSpecialNamesAndLiterals) {
  ASSERT_OK_AND_ASSIGN(std::string any, GetHostByName("", os()));
  EXPECT_EQ(any, "0.0.0.0");
  ASSERT_OK_AND_ASSIGN(std::string broadcast,
                       GetHostByName("<broadcast>", os()));
  EXPECT_EQ(broadcast, "255.255.255.255");
  ASSERT_OK_AND_ASSIGN(std::string literal, GetHostByName("10.0.0.7", os()));
  EXPECT_EQ(literal, "10.0.0.7");
  ASSERT_OK_AND_ASSIGN(std::string localhost,
                       GetHostByName("localhost", os()));
  ASSERT_OK_AND_ASSIGN(SocketAddress parsed,
                       SocketAddress::ParseInet(localhost, 0));
  EXPECT_TRUE(IsLoopback(parsed)) << localhost;
}

TEST_P(ResolverSuite, NAME_12_HostByNameErrors) {
  absl::StatusOr<std::string> v6 = GetHostByName("::1", os());
  ASSERT_FALSE(v6.ok()) << *v6;
  EXPECT_EQ(GetErrorClass(v6.status()), ErrorClass::kAddressInfo)
      << v6.status();
  absl::StatusOr<std::string> missing = GetHostByName(kNotFound, os());
  ExpectNotFound(missing.status());
}

// --- NAME-13 -----------------------------------------------------------------

TEST_P(ResolverSuite, NAME_13_FqdnOfTheLocalHost) {
  const std::string fqdn = GetFqdn("", os());
  EXPECT_FALSE(fqdn.empty());
  // python test_getfqdn_filter_localhost: the wildcard addresses mean the
  // local host.
  EXPECT_EQ(GetFqdn("0.0.0.0", os()), fqdn);
  EXPECT_EQ(GetFqdn("::", os()), fqdn);
  EXPECT_EQ(GetFqdn("  ", os()), fqdn);
}

TEST_P(ResolverSuite, NAME_13_FqdnOfAnUnknownNameIsTheName) {
  EXPECT_EQ(GetFqdn(kNotFound, os()), kNotFound);
  EXPECT_EQ(GetFqdn(std::string(" ") + kNotFound + "\n", os()), kNotFound);
}

TEST_P(ResolverSuite, NAME_13_FqdnOfLoopbackIsItsReverseName) {
  ASSERT_OK_AND_ASSIGN(
      NameInfo reverse,
      GetNameInfo(SocketAddress::Inet4({127, 0, 0, 1}, 0), kNiNameReqd,
                  os()));
  const std::string fqdn = GetFqdn("127.0.0.1", os());
  // The reverse name, unless it has no dot and the canonical name does.
  if (reverse.host.find('.') != std::string::npos || fqdn.find('.') ==
                                                          std::string::npos) {
    EXPECT_EQ(fqdn, reverse.host);
  }
  EXPECT_FALSE(fqdn.empty());
}

// --- NAME-14 -----------------------------------------------------------------

TEST_P(ResolverSuite, NAME_14_ServByNameGivesThePort) {
  absl::StatusOr<uint16_t> any = GetServByName("http", "", os());
  if (!any.ok() && GetErrorKind(any.status()) == ErrorKind::kNotFound) {
    GTEST_SKIP() << "the services database has no http: " << any.status();
  }
  ASSERT_OK(any.status());
  EXPECT_EQ(*any, 80);
  ASSERT_OK_AND_ASSIGN(uint16_t tcp, GetServByName("http", "tcp", os()));
  EXPECT_EQ(tcp, 80);
  absl::StatusOr<uint16_t> udp = GetServByName("domain", "udp", os());
  if (udp.ok()) {
    EXPECT_EQ(*udp, 53);
  }
}

TEST_P(ResolverSuite, NAME_14_ServByNameNotFound) {
  for (const char* name : {"xsock-no-such-service", "80", ""}) {
    absl::StatusOr<uint16_t> r = GetServByName(name, "tcp", os());
    ASSERT_FALSE(r.ok()) << name << " -> " << *r;
    EXPECT_KIND(r.status(), ErrorKind::kNotFound);
    EXPECT_EQ(GetErrorClass(r.status()), ErrorClass::kOsError);
    EXPECT_EQ(GetFailedCall(r.status()), "getservbyname");
  }
  EXPECT_KIND(GetServByName("http", "sctp", os()).status(),
              ErrorKind::kUnimplemented);
}

// --- NAME-15 -----------------------------------------------------------------

TEST_P(ResolverSuite, NAME_15_ServByPortGivesTheName) {
  absl::StatusOr<std::string> tcp = GetServByPort(80, "tcp", os());
  if (!tcp.ok() && GetErrorKind(tcp.status()) == ErrorKind::kNotFound) {
    GTEST_SKIP() << "the services database has no name for 80/tcp: "
                 << tcp.status();
  }
  ASSERT_OK(tcp.status());
  EXPECT_EQ(*tcp, "http");
  ASSERT_OK_AND_ASSIGN(std::string any, GetServByPort(80, "", os()));
  EXPECT_EQ(any, "http");
  absl::StatusOr<std::string> udp = GetServByPort(53, "udp", os());
  if (udp.ok()) {
    EXPECT_EQ(*udp, "domain");
  }
}

TEST_P(ResolverSuite, NAME_15_ServByPortErrors) {
  absl::StatusOr<std::string> none = GetServByPort(0, "tcp", os());
  ASSERT_FALSE(none.ok()) << *none;
  EXPECT_KIND(none.status(), ErrorKind::kNotFound);
  EXPECT_EQ(GetErrorClass(none.status()), ErrorClass::kOsError);
  EXPECT_INVALID_ARGUMENT(GetServByPort(-1, "", os()).status(), "port");
  EXPECT_INVALID_ARGUMENT(GetServByPort(65536, "", os()).status(), "port");
  EXPECT_KIND(GetServByPort(80, "sctp", os()).status(),
              ErrorKind::kUnimplemented);
}

// --- NAME-16 -----------------------------------------------------------------

TEST_P(ResolverSuite, NAME_16_HasIpv6MeansAnIpv6SocketCanBeCreated) {
  if (!HasIpv6(os())) GTEST_SKIP() << "backend " << backend_name()
                                   << " has no IPv6 on this machine";
  ASSERT_OK_AND_ASSIGN(Socket s, NewSocket(Family::kInet6));
  EXPECT_TRUE(s.Close().ok());
}

}  // namespace
}  // namespace conformance
}  // namespace xsock
