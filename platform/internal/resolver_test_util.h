// platform/internal/resolver_test_util.h (testonly)
//
// The resolver checks of the backend unit tests, written once for the POSIX
// backend suite (posix/backend_test_suite.cc) and windows_os_test.cc: each
// function runs one case against a platform::Os with GoogleTest assertions.
// Loopback, numeric addresses and the local databases (hosts file, services,
// protocols) only: no DNS query is needed for any of them to pass.

#ifndef XSOCK_PLATFORM_INTERNAL_RESOLVER_TEST_UTIL_H_
#define XSOCK_PLATFORM_INTERNAL_RESOLVER_TEST_UTIL_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/addrinfo.h"
#include "core/address.h"
#include "core/error.h"
#include "core/types.h"
#include "gtest/gtest.h"
#include "platform/internal/backend_test_util.h"
#include "platform/os.h"

namespace xsock {
namespace platform {
namespace testing {

// IsLoopbackAddress returns whether `a` is in 127.0.0.0/8 or is ::1.
inline bool IsLoopbackAddress(const SocketAddress& a) {
  if (a.family() == Family::kInet) return a.ipv4()[0] == 127;
  if (a.family() == Family::kInet6) {
    std::array<uint8_t, 16> one{};
    one[15] = 1;
    return a.ipv6() == one;
  }
  return false;
}

// ExpectAddressInfoError checks that `st` is an address-info error of
// `call` with a non-zero native code.
inline void ExpectAddressInfoError(const absl::Status& st,
                                   const std::string& call) {
  ASSERT_FALSE(st.ok()) << call << " succeeded";
  EXPECT_EQ(GetErrorClass(st), ErrorClass::kAddressInfo) << st;
  EXPECT_NE(GetNativeCode(st), 0) << st;
  EXPECT_EQ(GetFailedCall(st), call) << st;
}

// CheckNumericIpv4 resolves "127.0.0.1" port "80" numerically with the type
// filter SOCK_STREAM: exactly one result, 127.0.0.1:80, stream.
inline void CheckNumericIpv4(const Os& os) {
  AddrInfoHints hints;
  hints.family = Family::kInet;
  hints.type = Type::kStream;
  hints.flags = kAiNumericHost | kAiNumericServ;
  absl::StatusOr<std::vector<AddrInfo>> r =
      os.GetAddrInfo("127.0.0.1", "80", hints);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->size(), 1u);
  const AddrInfo& ai = (*r)[0];
  EXPECT_EQ(ai.family, Family::kInet);
  EXPECT_EQ(ai.type, Type::kStream);
  EXPECT_EQ(ai.address, SocketAddress::Inet4({127, 0, 0, 1}, 80))
      << ai.address.ToString();
  EXPECT_TRUE(ai.canonname.empty()) << ai.canonname;

  // Without a type filter every result is still 127.0.0.1:80, and a
  // datagram filter gives only datagram results.
  hints.type.reset();
  r = os.GetAddrInfo("127.0.0.1", "80", hints);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_FALSE(r->empty());
  for (const AddrInfo& a : *r) {
    EXPECT_EQ(a.address, SocketAddress::Inet4({127, 0, 0, 1}, 80));
  }
  hints.type = Type::kDgram;
  r = os.GetAddrInfo("127.0.0.1", "80", hints);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_FALSE(r->empty());
  for (const AddrInfo& a : *r) EXPECT_EQ(a.type, Type::kDgram);
}

// CheckNumericIpv6 resolves "::1" port "443" numerically: [::1]:443.
inline void CheckNumericIpv6(const Os& os) {
  AddrInfoHints hints;
  hints.family = Family::kInet6;
  hints.type = Type::kStream;
  hints.flags = kAiNumericHost | kAiNumericServ;
  absl::StatusOr<std::vector<AddrInfo>> r = os.GetAddrInfo("::1", "443", hints);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].family, Family::kInet6);
  EXPECT_EQ((*r)[0].type, Type::kStream);
  EXPECT_EQ((*r)[0].address, Loopback(Family::kInet6, 443))
      << (*r)[0].address.ToString();
}

// CheckPassiveWildcard resolves a null host with AI_PASSIVE: wildcard
// addresses (0.0.0.0 / ::) with the port.
inline void CheckPassiveWildcard(const Os& os) {
  AddrInfoHints hints;
  hints.type = Type::kStream;
  hints.flags = kAiPassive | kAiNumericServ;
  absl::StatusOr<std::vector<AddrInfo>> r =
      os.GetAddrInfo(nullptr, "8080", hints);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_FALSE(r->empty());
  for (const AddrInfo& a : *r) {
    EXPECT_TRUE(a.address.is_unspecified()) << a.address.ToString();
    EXPECT_EQ(a.address.port(), 8080);
    EXPECT_EQ(a.type, Type::kStream);
  }
}

// CheckLocalhost resolves "localhost" (the hosts file): every result is a
// loopback address.
inline void CheckLocalhost(const Os& os) {
  AddrInfoHints hints;
  hints.type = Type::kStream;
  absl::StatusOr<std::vector<AddrInfo>> r =
      os.GetAddrInfo("localhost", nullptr, hints);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_FALSE(r->empty());
  for (const AddrInfo& a : *r) {
    EXPECT_TRUE(IsLoopbackAddress(a.address)) << a.address.ToString();
  }
}

// CheckNumericHostRejectsName: a host name with AI_NUMERICHOST is
// kAddrInfoNoName.
inline void CheckNumericHostRejectsName(const Os& os) {
  AddrInfoHints hints;
  hints.flags = kAiNumericHost;
  absl::StatusOr<std::vector<AddrInfo>> r =
      os.GetAddrInfo("localhost", "80", hints);
  ExpectAddressInfoError(r.status(), "getaddrinfo");
  EXPECT_EQ(GetErrorKind(r.status()), ErrorKind::kAddrInfoNoName)
      << r.status();
}

// CheckInvalidName: a name under the reserved ".invalid" does not resolve;
// a resolver without network may say no name, no data, try again or fail.
inline void CheckInvalidName(const Os& os) {
  AddrInfoHints hints;
  hints.type = Type::kStream;
  absl::StatusOr<std::vector<AddrInfo>> r =
      os.GetAddrInfo("xsock-test.invalid", nullptr, hints);
  ExpectAddressInfoError(r.status(), "getaddrinfo");
  const ErrorKind kind = GetErrorKind(r.status());
  EXPECT_TRUE(kind == ErrorKind::kAddrInfoNoName ||
              kind == ErrorKind::kAddrInfoAgain ||
              kind == ErrorKind::kAddrInfoFail ||
              kind == ErrorKind::kAddrInfoNoData)
      << r.status();
}

// CheckNumericServiceRejectsName: a service name with AI_NUMERICSERV is an
// address-info error.
inline void CheckNumericServiceRejectsName(const Os& os) {
  AddrInfoHints hints;
  hints.type = Type::kStream;
  hints.flags = kAiNumericHost | kAiNumericServ;
  absl::StatusOr<std::vector<AddrInfo>> r =
      os.GetAddrInfo("127.0.0.1", "no-such-service-xsock", hints);
  ExpectAddressInfoError(r.status(), "getaddrinfo");
}

// CheckNameInfoNumeric: getnameinfo of 127.0.0.1:<port> with
// NI_NUMERICHOST | NI_NUMERICSERV is ("127.0.0.1", "<port>"). (Another
// family is api/'s to reject: api/resolver_test.cc.)
inline void CheckNameInfoNumeric(const Os& os) {
  absl::StatusOr<NameInfo> r = os.GetNameInfo(
      SocketAddress::Inet4({127, 0, 0, 1}, 8765),
      kNiNumericHost | kNiNumericServ);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->host, "127.0.0.1");
  EXPECT_EQ(r->service, "8765");
}

// CheckHostName: gethostname gives a non-empty name.
inline void CheckHostName(const Os& os) {
  absl::StatusOr<std::string> r = os.GetHostName();
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_FALSE(r->empty());
  EXPECT_EQ(r->find('\0'), std::string::npos);
}

// ExpectHostError checks that `st` is a host error (h_errno) of `call`
// with a non-zero native code.
inline void ExpectHostError(const absl::Status& st, const std::string& call) {
  ASSERT_FALSE(st.ok()) << call << " succeeded";
  EXPECT_EQ(GetErrorClass(st), ErrorClass::kHostError) << st;
  const ErrorKind kind = GetErrorKind(st);
  EXPECT_TRUE(kind == ErrorKind::kHostNotFound ||
              kind == ErrorKind::kHostTryAgain ||
              kind == ErrorKind::kHostNoRecovery ||
              kind == ErrorKind::kHostNoData)
      << st;
  EXPECT_NE(GetNativeCode(st), 0) << st;
  EXPECT_EQ(GetFailedCall(st), call) << st;
}

// ExpectDatabaseNotFound checks a protocol or service lookup that found nothing:
// kNotFound of class kOsError, no native code, `call` and `message`.
inline void ExpectDatabaseNotFound(const absl::Status& st,
                                   const std::string& call,
                                   const std::string& message) {
  ASSERT_FALSE(st.ok()) << call << " succeeded";
  EXPECT_EQ(GetErrorKind(st), ErrorKind::kNotFound) << st;
  EXPECT_EQ(GetErrorClass(st), ErrorClass::kOsError) << st;
  EXPECT_EQ(GetNativeCode(st), 0) << st;
  EXPECT_EQ(GetFailedCall(st), call) << st;
  EXPECT_NE(st.message().find(message), std::string::npos) << st;
}

// CheckHostByName: gethostbyname("localhost") (the hosts file) gives a
// name and only IPv4 loopback addresses, port 0; a dotted quad is its own
// entry; the reserved xsock-test.invalid is a host error.
inline void CheckHostByName(const Os& os) {
  absl::StatusOr<HostEntry> local = os.GetHostByName("localhost");
  ASSERT_TRUE(local.ok()) << local.status();
  EXPECT_FALSE(local->name.empty()) << local->ToString();
  ASSERT_FALSE(local->addresses.empty()) << local->ToString();
  for (const SocketAddress& a : local->addresses) {
    EXPECT_EQ(a.family(), Family::kInet) << local->ToString();
    EXPECT_TRUE(IsLoopbackAddress(a)) << local->ToString();
    EXPECT_EQ(a.port(), 0);
  }

  absl::StatusOr<HostEntry> literal = os.GetHostByName("127.0.0.1");
  ASSERT_TRUE(literal.ok()) << literal.status();
  EXPECT_EQ(literal->name, "127.0.0.1") << literal->ToString();
  EXPECT_EQ(literal->addresses,
            std::vector<SocketAddress>{SocketAddress::Inet4({127, 0, 0, 1}, 0)})
      << literal->ToString();

  ExpectHostError(os.GetHostByName("xsock-test.invalid").status(),
                  "gethostbyname");
}

// CheckHostByAddr: gethostbyaddr(127.0.0.1) gives a name (the hosts file)
// and IPv4 addresses; an address that is not IPv4/IPv6 is kInvalidArgument
// naming "address".
inline void CheckHostByAddr(const Os& os) {
  absl::StatusOr<HostEntry> r =
      os.GetHostByAddr(SocketAddress::Inet4({127, 0, 0, 1}, 8080));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_FALSE(r->name.empty()) << r->ToString();
  ASSERT_FALSE(r->addresses.empty()) << r->ToString();
  for (const SocketAddress& a : r->addresses) {
    EXPECT_EQ(a.family(), Family::kInet) << r->ToString();
    EXPECT_EQ(a.port(), 0);
  }
  absl::StatusOr<HostEntry> bad = os.GetHostByAddr(SocketAddress());
  EXPECT_EQ(GetErrorKind(bad.status()), ErrorKind::kInvalidArgument)
      << bad.status();
  EXPECT_NE(bad.status().message().find("address"), std::string::npos)
      << bad.status();
}

// CheckProtoByName: the protocols database gives tcp 6 and udp 17; an
// unknown name is "protocol not found".
inline void CheckProtoByName(const Os& os) {
  absl::StatusOr<int> tcp = os.GetProtoByName("tcp");
  ASSERT_TRUE(tcp.ok()) << tcp.status();
  EXPECT_EQ(*tcp, 6);
  absl::StatusOr<int> udp = os.GetProtoByName("udp");
  ASSERT_TRUE(udp.ok()) << udp.status();
  EXPECT_EQ(*udp, 17);
  ExpectDatabaseNotFound(os.GetProtoByName("xsock-no-such-proto").status(),
                         "getprotobyname", "protocol not found");
}

// CheckServByName: the services database gives http/tcp 80 (also with no
// protocol) and domain/udp 53; an unknown name, or a known one with another
// protocol name, is "service/proto not found".
inline void CheckServByName(const Os& os) {
  absl::StatusOr<uint16_t> http = os.GetServByName("http", "tcp");
  ASSERT_TRUE(http.ok()) << http.status();
  EXPECT_EQ(*http, 80);
  absl::StatusOr<uint16_t> any = os.GetServByName("http", nullptr);
  ASSERT_TRUE(any.ok()) << any.status();
  EXPECT_EQ(*any, 80);
  absl::StatusOr<uint16_t> domain = os.GetServByName("domain", "udp");
  ASSERT_TRUE(domain.ok()) << domain.status();
  EXPECT_EQ(*domain, 53);
  ExpectDatabaseNotFound(
      os.GetServByName("xsock-no-such-service", "tcp").status(),
      "getservbyname", "service/proto not found");
  ExpectDatabaseNotFound(os.GetServByName("http", "xsock-proto").status(),
                         "getservbyname", "service/proto not found");
}

// CheckServByPort: 80/tcp is "http" (also with no protocol), 53/udp is
// "domain"; port 0 is "port/proto not found".
inline void CheckServByPort(const Os& os) {
  absl::StatusOr<std::string> http = os.GetServByPort(80, "tcp");
  ASSERT_TRUE(http.ok()) << http.status();
  EXPECT_EQ(*http, "http");
  absl::StatusOr<std::string> any = os.GetServByPort(80, nullptr);
  ASSERT_TRUE(any.ok()) << any.status();
  EXPECT_EQ(*any, "http");
  absl::StatusOr<std::string> domain = os.GetServByPort(53, "udp");
  ASSERT_TRUE(domain.ok()) << domain.status();
  EXPECT_EQ(*domain, "domain");
  ExpectDatabaseNotFound(os.GetServByPort(0, "tcp").status(), "getservbyport",
                         "port/proto not found");
}

}  // namespace testing
}  // namespace platform
}  // namespace xsock

#endif  // XSOCK_PLATFORM_INTERNAL_RESOLVER_TEST_UTIL_H_
