// Unit tests of api/resolver.cc: validation happens before any backend
// call, numeric input takes the fast path (no backend call) and gives the
// records the backend gives, and everything else reaches the backend.

#include "xsock/resolver.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "core/addrinfo.h"
#include "core/address.h"
#include "core/error.h"
#include "core/types.h"
#include "gtest/gtest.h"
#include "platform/os.h"

namespace xsock {
namespace {

using platform::NativeHandle;

// CountingOs forwards every call to the native backend and counts the
// resolver calls. `answer`, when set, replaces the backend's getaddrinfo.
class CountingOs : public platform::Os {
 public:
  explicit CountingOs(const platform::Os& real) : real_(real) {}

  mutable int getaddrinfo_calls = 0;
  mutable int getnameinfo_calls = 0;
  mutable int gethostname_calls = 0;
  mutable int gethostbyname_calls = 0;
  mutable int gethostbyaddr_calls = 0;
  mutable int netdb_calls = 0;  // getprotobyname, getservbyname/port
  mutable SocketAddress last_hostbyaddr;
  mutable bool last_proto_was_null = false;
  std::optional<absl::StatusOr<std::vector<AddrInfo>>> answer;
  // `host_answer`, when set, replaces the backend's gethostbyaddr.
  std::optional<absl::StatusOr<HostEntry>> host_answer;

  std::string_view Name() const override { return real_.Name(); }
  bool Supports(platform::Capability c) const override {
    return real_.Supports(c);
  }
  size_t UnixPathMax() const override { return real_.UnixPathMax(); }
  absl::Status ErrorFromNative(int code, std::string_view call) const override {
    return real_.ErrorFromNative(code, call);
  }
  ErrorKind KindOfNative(int code) const override {
    return real_.KindOfNative(code);
  }
  int WouldBlockCode() const override { return real_.WouldBlockCode(); }
  absl::StatusOr<NativeHandle> Socket(
      Family f, Type t, int p, platform::CreateOptions o) const override {
    return real_.Socket(f, t, p, o);
  }
  absl::StatusOr<std::array<NativeHandle, 2>> SocketPair(
      Family f, Type t, int p, platform::CreateOptions o) const override {
    return real_.SocketPair(f, t, p, o);
  }
  absl::Status Close(NativeHandle h) const override { return real_.Close(h); }
  absl::StatusOr<NativeHandle> Dup(NativeHandle h) const override {
    return real_.Dup(h);
  }
  absl::StatusOr<platform::HandleInfo> Describe(NativeHandle h) const override {
    return real_.Describe(h);
  }
  absl::Status Bind(NativeHandle h, const SocketAddress& a) const override {
    return real_.Bind(h, a);
  }
  absl::Status Listen(NativeHandle h, int b) const override {
    return real_.Listen(h, b);
  }
  absl::StatusOr<NativeHandle> Accept(NativeHandle h,
                                      SocketAddress* peer) const override {
    return real_.Accept(h, peer);
  }
  absl::Status Connect(NativeHandle h, const SocketAddress& a) const override {
    return real_.Connect(h, a);
  }
  absl::StatusOr<int> PendingError(NativeHandle h) const override {
    return real_.PendingError(h);
  }
  absl::StatusOr<SocketAddress> GetSockName(NativeHandle h) const override {
    return real_.GetSockName(h);
  }
  absl::StatusOr<SocketAddress> GetPeerName(NativeHandle h) const override {
    return real_.GetPeerName(h);
  }
  absl::Status Shutdown(NativeHandle h, ShutdownHow how) const override {
    return real_.Shutdown(h, how);
  }
  absl::StatusOr<size_t> Send(NativeHandle h, const void* d, size_t n,
                              MsgFlags f) const override {
    return real_.Send(h, d, n, f);
  }
  absl::StatusOr<size_t> SendTo(NativeHandle h, const void* d, size_t n,
                                MsgFlags f,
                                const SocketAddress& to) const override {
    return real_.SendTo(h, d, n, f, to);
  }
  absl::StatusOr<size_t> Recv(NativeHandle h, void* b, size_t n,
                              MsgFlags f) const override {
    return real_.Recv(h, b, n, f);
  }
  absl::StatusOr<size_t> RecvFrom(NativeHandle h, void* b, size_t n,
                                  MsgFlags f,
                                  SocketAddress* from) const override {
    return real_.RecvFrom(h, b, n, f, from);
  }
  absl::Status SetNonBlocking(NativeHandle h, bool on) const override {
    return real_.SetNonBlocking(h, on);
  }
  absl::StatusOr<bool> IsNonBlocking(NativeHandle h) const override {
    return real_.IsNonBlocking(h);
  }
  absl::StatusOr<unsigned> Wait(NativeHandle h, unsigned interest,
                                int timeout_ms) const override {
    return real_.Wait(h, interest, timeout_ms);
  }
  absl::StatusOr<platform::NativeOption> NativeOptionFor(
      Option option) const override {
    return real_.NativeOptionFor(option);
  }
  int NativeShutdownHow(ShutdownHow how) const override {
    return real_.NativeShutdownHow(how);
  }
  absl::Status GetSockOpt(NativeHandle h, platform::NativeOption o, void* b,
                          size_t* n) const override {
    return real_.GetSockOpt(h, o, b, n);
  }
  absl::Status SetSockOpt(NativeHandle h, platform::NativeOption o,
                          const void* b, size_t n) const override {
    return real_.SetSockOpt(h, o, b, n);
  }
  absl::StatusOr<bool> IsInheritable(NativeHandle h) const override {
    return real_.IsInheritable(h);
  }
  absl::Status SetInheritable(NativeHandle h, bool on) const override {
    return real_.SetInheritable(h, on);
  }
  absl::Status Ioctl(NativeHandle h, platform::IoctlCode c,
                     const platform::IoctlArg& a) const override {
    return real_.Ioctl(h, c, a);
  }
  absl::StatusOr<platform::Linger> GetLinger(NativeHandle h) const override {
    return real_.GetLinger(h);
  }
  absl::Status SetLinger(NativeHandle h, platform::Linger l) const override {
    return real_.SetLinger(h, l);
  }
  absl::StatusOr<absl::Duration> GetTimeOption(NativeHandle h,
                                               Option o) const override {
    return real_.GetTimeOption(h, o);
  }
  absl::Status SetTimeOption(NativeHandle h, Option o,
                             absl::Duration d) const override {
    return real_.SetTimeOption(h, o, d);
  }
  absl::StatusOr<std::vector<AddrInfo>> GetAddrInfo(
      const char* host, const char* service,
      const AddrInfoHints& hints) const override {
    ++getaddrinfo_calls;
    if (answer.has_value()) return *answer;
    return real_.GetAddrInfo(host, service, hints);
  }
  absl::StatusOr<NameInfo> GetNameInfo(const SocketAddress& addr,
                                       uint32_t flags) const override {
    ++getnameinfo_calls;
    return real_.GetNameInfo(addr, flags);
  }
  absl::StatusOr<std::string> GetHostName() const override {
    ++gethostname_calls;
    return real_.GetHostName();
  }
  absl::StatusOr<HostEntry> GetHostByName(const char* name) const override {
    ++gethostbyname_calls;
    return real_.GetHostByName(name);
  }
  absl::StatusOr<HostEntry> GetHostByAddr(
      const SocketAddress& addr) const override {
    ++gethostbyaddr_calls;
    last_hostbyaddr = addr;
    if (host_answer.has_value()) return *host_answer;
    return real_.GetHostByAddr(addr);
  }
  absl::StatusOr<int> GetProtoByName(const char* name) const override {
    ++netdb_calls;
    return real_.GetProtoByName(name);
  }
  absl::StatusOr<uint16_t> GetServByName(const char* name,
                                         const char* proto) const override {
    ++netdb_calls;
    last_proto_was_null = proto == nullptr;
    return real_.GetServByName(name, proto);
  }
  absl::StatusOr<std::string> GetServByPort(uint16_t port,
                                            const char* proto) const override {
    ++netdb_calls;
    last_proto_was_null = proto == nullptr;
    return real_.GetServByPort(port, proto);
  }
  absl::StatusOr<int> OpenHandleCountForTesting() const override {
    return real_.OpenHandleCountForTesting();
  }

 private:
  const platform::Os& real_;
};

std::string Describe(const std::vector<AddrInfo>& v) {
  std::string out;
  for (const AddrInfo& i : v) out += i.ToString() + "\n";
  return out;
}

bool NamesArgument(const absl::Status& s, std::string_view argument) {
  return s.code() == absl::StatusCode::kInvalidArgument &&
         s.message().find(std::string(argument) + ":") !=
             std::string_view::npos;
}

class ResolverTest : public ::testing::Test {
 protected:
  CountingOs os_{platform::NativeOs()};
};

// A numeric case of the fast path: no backend call, and the records equal
// the backend's own answer for the same input.
struct NumericCase {
  std::optional<std::string_view> host;
  std::optional<std::string_view> port;
  AddrInfoHints hints;
};

TEST_F(ResolverTest, NumericInputMakesNoBackendCallAndMatchesTheBackend) {
  if (!NumericFastPathAvailable()) {
    GTEST_SKIP() << "no numeric fast path in this build";
  }
  auto hints = [](Family f, std::optional<Type> t, int proto, uint32_t flags) {
    AddrInfoHints h;
    h.family = f;
    h.type = t;
    h.proto = proto;
    h.flags = flags;
    return h;
  };
  const NumericCase cases[] = {
      {"127.0.0.1", "80", {}},
      {"127.0.0.1", std::nullopt, {}},
      {"127.0.0.1", "0", {}},
      {"127.0.0.1", "65535", {}},
      {"10.1.2.3", "8080", hints(Family::kInet, std::nullopt, 0, 0)},
      {"127.0.0.1", "80", hints(Family::kUnspec, Type::kStream, 0, 0)},
      {"127.0.0.1", "80", hints(Family::kUnspec, Type::kDgram, 0, 0)},
      {"127.0.0.1", "80", hints(Family::kUnspec, Type::kStream, 6, 0)},
      {"127.0.0.1", "80", hints(Family::kUnspec, std::nullopt, 6, 0)},
      {"127.0.0.1", "80", hints(Family::kUnspec, std::nullopt, 17, 0)},
      {"127.0.0.1", "80",
       hints(Family::kUnspec, std::nullopt, 0, kAiNumericHost)},
      {"127.0.0.1", "80",
       hints(Family::kUnspec, std::nullopt, 0,
             kAiNumericHost | kAiNumericServ | kAiPassive)},
      {"::1", "80", {}},
      {"::1", std::nullopt, hints(Family::kInet6, Type::kStream, 0, 0)},
      {"2001:db8::5", "443", {}},
      {"::ffff:127.0.0.1", "80", {}},
      {std::nullopt, "80", hints(Family::kInet, Type::kStream, 0, kAiPassive)},
      {"", "80", hints(Family::kInet, std::nullopt, 0, kAiPassive)},
  };
  for (const NumericCase& c : cases) {
    const std::string label = std::string(c.host.value_or("<none>")) + " " +
                              std::string(c.port.value_or("<none>"));
    if (c.host.has_value() && c.host->find(':') != std::string_view::npos &&
        !os_.Supports(platform::Capability::kIpv6)) {
      continue;
    }
    os_.getaddrinfo_calls = 0;
    absl::StatusOr<std::vector<AddrInfo>> fast =
        GetAddrInfo(c.host, c.port, c.hints, os_);
    ASSERT_TRUE(fast.ok()) << label << ": " << fast.status();
    EXPECT_EQ(os_.getaddrinfo_calls, 0) << label;
    ASSERT_FALSE(fast->empty()) << label;
    // The backend's answer for the same input ("" is no host).
    std::string host_text(c.host.value_or(""));
    std::string port_text(c.port.value_or(""));
    absl::StatusOr<std::vector<AddrInfo>> system = platform::NativeOs()
        .GetAddrInfo(host_text.empty() ? nullptr : host_text.c_str(),
                     c.port.has_value() ? port_text.c_str() : nullptr,
                     c.hints);
    ASSERT_TRUE(system.ok()) << label << ": " << system.status();
    EXPECT_TRUE(*fast == *system)
        << label << "\nfast path:\n"
        << Describe(*fast) << "system:\n"
        << Describe(*system);
  }
}

TEST_F(ResolverTest, IntegerPortTakesTheFastPath) {
  if (!NumericFastPathAvailable()) {
    GTEST_SKIP() << "no numeric fast path in this build";
  }
  absl::StatusOr<std::vector<AddrInfo>> r = GetAddrInfo("127.0.0.1", 80, {}, os_);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(os_.getaddrinfo_calls, 0);
  EXPECT_EQ(r->front().address, SocketAddress::Inet4({127, 0, 0, 1}, 80));
  EXPECT_EQ(r->front().type, Type::kStream);
  EXPECT_EQ(r->front().proto, 6);
}

TEST_F(ResolverTest, NonNumericInputGoesToTheBackend) {
  struct Case {
    std::optional<std::string_view> host;
    std::optional<std::string_view> port;
    uint32_t flags;
  };
  const Case cases[] = {
      {"localhost", "80", 0},         // a name
      {"127.0.0.1", "http", 0},       // a service name
      {"127.1", "80", 0},             // not a strict literal
      {"127.0.0.1", "080", 0},        // leading zero
      {"127.0.0.1", "80", kAiCanonName},
      {"127.0.0.1", "80", kAiAddrConfig},
      {std::nullopt, "80", 0},        // no host, not passive
      {std::nullopt, "80", kAiPassive},  // no family: the system's order
      {"fe80::1%1", "80", 0},         // a zone
  };
  for (const Case& c : cases) {
    os_.getaddrinfo_calls = 0;
    AddrInfoHints hints;
    hints.flags = c.flags;
    (void)GetAddrInfo(c.host, c.port, hints, os_);
    EXPECT_EQ(os_.getaddrinfo_calls, 1)
        << c.host.value_or("<none>") << " " << c.port.value_or("<none>");
  }
}

TEST_F(ResolverTest, FamilyMismatchOrUnfixedTypeGoesToTheBackend) {
  AddrInfoHints h6;
  h6.family = Family::kInet6;
  (void)GetAddrInfo("127.0.0.1", "80", h6, os_);
  AddrInfoHints raw;
  raw.type = Type::kRaw;
  (void)GetAddrInfo("127.0.0.1", std::nullopt, raw, os_);
  AddrInfoHints sctp;
  sctp.proto = 132;
  (void)GetAddrInfo("127.0.0.1", "80", sctp, os_);
  AddrInfoHints mismatch;
  mismatch.type = Type::kStream;
  mismatch.proto = 17;
  (void)GetAddrInfo("127.0.0.1", "80", mismatch, os_);
  EXPECT_EQ(os_.getaddrinfo_calls, 4);
}

TEST_F(ResolverTest, ValidationComesBeforeAnyBackendCall) {
  EXPECT_TRUE(NamesArgument(
      GetAddrInfo(std::nullopt, std::nullopt, {}, os_).status(), "host"));
  EXPECT_TRUE(NamesArgument(GetAddrInfo("", "", {}, os_).status(), "host"));
  EXPECT_TRUE(NamesArgument(GetAddrInfo("", std::nullopt, {}, os_).status(),
                            "host"));
  EXPECT_TRUE(NamesArgument(GetAddrInfo("localhost", -1, {}, os_).status(),
                            "port"));
  EXPECT_TRUE(NamesArgument(GetAddrInfo("localhost", 65536, {}, os_).status(),
                            "port"));
  AddrInfoHints bad_flags;
  bad_flags.flags = 1u << 20;
  EXPECT_TRUE(NamesArgument(
      GetAddrInfo("localhost", "80", bad_flags, os_).status(), "flags"));
  AddrInfoHints bad_family;
  bad_family.family = static_cast<Family>(99);
  EXPECT_TRUE(NamesArgument(
      GetAddrInfo("localhost", "80", bad_family, os_).status(), "family"));
  AddrInfoHints bad_type;
  bad_type.type = static_cast<Type>(99);
  EXPECT_TRUE(NamesArgument(
      GetAddrInfo("localhost", "80", bad_type, os_).status(), "type"));
  EXPECT_TRUE(NamesArgument(
      GetAddrInfo(std::string_view("a\0b", 3), "80", {}, os_).status(),
      "host"));
  EXPECT_TRUE(NamesArgument(
      GetAddrInfo("localhost", std::string_view("8\0", 2), {}, os_).status(),
      "port"));
  EXPECT_EQ(os_.getaddrinfo_calls, 0);

  const SocketAddress v4 = SocketAddress::Inet4({127, 0, 0, 1}, 80);
  EXPECT_TRUE(NamesArgument(GetNameInfo(SocketAddress(), 0, os_).status(),
                            "address"));
  EXPECT_TRUE(NamesArgument(GetNameInfo(v4, 1u << 20, os_).status(), "flags"));
  EXPECT_EQ(os_.getnameinfo_calls, 0);
}

TEST_F(ResolverTest, AnEmptyBackendAnswerIsAnError) {
  os_.answer = std::vector<AddrInfo>{};
  absl::StatusOr<std::vector<AddrInfo>> r =
      GetAddrInfo("localhost", "80", {}, os_);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(GetErrorKind(r.status()), ErrorKind::kAddrInfoNoName);
  EXPECT_EQ(GetErrorClass(r.status()), ErrorClass::kAddressInfo);
}

TEST_F(ResolverTest, GetHostByNameSpecialNamesAndLiterals) {
  EXPECT_EQ(GetHostByName("", os_).value(), "0.0.0.0");
  EXPECT_EQ(GetHostByName("<broadcast>", os_).value(), "255.255.255.255");
  EXPECT_EQ(os_.getaddrinfo_calls, 0);
  EXPECT_EQ(GetHostByName("10.20.30.40", os_).value(), "10.20.30.40");
  EXPECT_EQ(os_.getaddrinfo_calls, NumericFastPathAvailable() ? 0 : 1);
  os_.getaddrinfo_calls = 0;
  // A name goes to the backend, restricted to AF_INET.
  SocketAddress a = SocketAddress::Inet4({192, 0, 2, 7}, 0);
  AddrInfo info;
  info.family = Family::kInet;
  info.address = a;
  os_.answer = std::vector<AddrInfo>{info};
  EXPECT_EQ(GetHostByName("somewhere", os_).value(), "192.0.2.7");
  EXPECT_EQ(os_.getaddrinfo_calls, 1);
}

TEST_F(ResolverTest, GetFqdnPrefersANameWithADot) {
  // Python's getfqdn: the first of (name, aliases...) with a dot, else the
  // name, from gethostbyaddr of the name.
  HostEntry entry;
  entry.name = "somehost";
  entry.aliases = {"alias", "somehost.example", "other.example"};
  entry.addresses = {SocketAddress::Inet4({127, 0, 0, 1}, 0)};
  os_.host_answer = entry;
  EXPECT_EQ(GetFqdn("127.0.0.1", os_), "somehost.example");
  EXPECT_EQ(GetFqdn("  127.0.0.1\t", os_), "somehost.example");
  EXPECT_EQ(os_.last_hostbyaddr, SocketAddress::Inet4({127, 0, 0, 1}, 0));
  entry.name = "somehost.local";
  os_.host_answer = entry;
  EXPECT_EQ(GetFqdn("127.0.0.1", os_), "somehost.local");
  entry.name = "somehost";
  entry.aliases = {"alias"};
  os_.host_answer = entry;
  EXPECT_EQ(GetFqdn("127.0.0.1", os_), "somehost");
  EXPECT_EQ(os_.gethostbyaddr_calls, 4);
  // A host error from gethostbyaddr gives the name back.
  os_.host_answer = absl::StatusOr<HostEntry>(
      MakeError(ErrorKind::kHostNotFound, "gethostbyaddr", 1, "h_errno"));
  EXPECT_EQ(GetFqdn(" 10.1.2.3 ", os_), "10.1.2.3");
}

TEST_F(ResolverTest, GetHostByAddrResolvesANameFirst) {
  HostEntry entry;
  entry.name = "answer";
  os_.host_answer = entry;
  AddrInfo info;
  info.family = Family::kInet6;
  info.address = SocketAddress::Inet6({0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0,
                                       0, 0, 0, 0, 0, 9},
                                      0);
  os_.answer = std::vector<AddrInfo>{info};
  ASSERT_EQ(GetHostByAddr("somewhere", os_).value(), entry);
  EXPECT_EQ(os_.getaddrinfo_calls, 1);
  EXPECT_EQ(os_.last_hostbyaddr, info.address);
  // Literals and Python's special names make no getaddrinfo call.
  os_.getaddrinfo_calls = 0;
  ASSERT_TRUE(GetHostByAddr("192.0.2.1", os_).ok());
  EXPECT_EQ(os_.last_hostbyaddr, SocketAddress::Inet4({192, 0, 2, 1}, 0));
  ASSERT_TRUE(GetHostByAddr("::1", os_).ok());
  EXPECT_EQ(os_.last_hostbyaddr.family(), Family::kInet6);
  ASSERT_TRUE(GetHostByAddr("", os_).ok());
  EXPECT_EQ(os_.last_hostbyaddr, SocketAddress::Inet4({0, 0, 0, 0}, 0));
  ASSERT_TRUE(GetHostByAddr("<broadcast>", os_).ok());
  EXPECT_EQ(os_.last_hostbyaddr,
            SocketAddress::Inet4({255, 255, 255, 255}, 0));
  EXPECT_EQ(os_.getaddrinfo_calls, 0);
  // A name that does not resolve is the getaddrinfo error (gaierror).
  os_.answer = absl::StatusOr<std::vector<AddrInfo>>(
      MakeError(ErrorKind::kAddrInfoNoName, "getaddrinfo", -2, "EAI"));
  os_.gethostbyaddr_calls = 0;
  absl::StatusOr<HostEntry> r = GetHostByAddr("nowhere", os_);
  EXPECT_EQ(GetErrorClass(r.status()), ErrorClass::kAddressInfo);
  EXPECT_EQ(os_.gethostbyaddr_calls, 0);
}

TEST_F(ResolverTest, HostAndProtocolLookupsValidateBeforeTheBackend) {
  EXPECT_TRUE(NamesArgument(
      GetHostByNameEx(std::string_view("a\0b", 3), os_).status(), "name"));
  EXPECT_TRUE(NamesArgument(
      GetHostByAddr(std::string_view("1\0", 2), os_).status(),
      "ip_address"));
  EXPECT_TRUE(NamesArgument(
      GetProtoByName(std::string_view("t\0", 2), os_).status(), "name"));
  EXPECT_EQ(os_.gethostbyname_calls, 0);
  EXPECT_EQ(os_.gethostbyaddr_calls, 0);
  EXPECT_EQ(os_.getaddrinfo_calls, 0);
  EXPECT_EQ(os_.netdb_calls, 0);
  ASSERT_TRUE(GetHostByNameEx("localhost", os_).ok());
  EXPECT_EQ(os_.gethostbyname_calls, 1);
}

TEST_F(ResolverTest, GetFqdnReturnsTheNameWhenNothingResolves) {
  os_.answer = absl::StatusOr<std::vector<AddrInfo>>(
      MakeError(ErrorKind::kAddrInfoNoName, "getaddrinfo", -2, "EAI"));
  EXPECT_EQ(GetFqdn(" nowhere.invalid ", os_), "nowhere.invalid");
  EXPECT_EQ(os_.gethostname_calls, 0);
  // The local host: gethostname, then the same steps.
  EXPECT_EQ(GetFqdn("", os_), platform::NativeOs().GetHostName().value());
  EXPECT_EQ(GetFqdn("0.0.0.0", os_), platform::NativeOs().GetHostName().value());
  EXPECT_EQ(GetFqdn("::", os_), platform::NativeOs().GetHostName().value());
  EXPECT_EQ(os_.gethostname_calls, 3);
}

TEST_F(ResolverTest, ServicesValidateBeforeTheBackend) {
  EXPECT_EQ(GetErrorKind(GetServByName("80", "tcp", os_).status()),
            ErrorKind::kNotFound);
  EXPECT_EQ(GetErrorKind(GetServByName("", "", os_).status()),
            ErrorKind::kNotFound);
  EXPECT_TRUE(NamesArgument(
      GetServByName(std::string_view("h\0", 2), "", os_).status(), "name"));
  EXPECT_TRUE(NamesArgument(
      GetServByName("http", std::string_view("t\0", 2), os_).status(),
      "proto"));
  EXPECT_TRUE(NamesArgument(GetServByPort(70000, "", os_).status(), "port"));
  EXPECT_TRUE(NamesArgument(GetServByPort(-1, "", os_).status(), "port"));
  EXPECT_TRUE(NamesArgument(
      GetServByPort(80, std::string_view("u\0", 2), os_).status(), "proto"));
  EXPECT_EQ(os_.netdb_calls, 0);
  EXPECT_EQ(os_.getaddrinfo_calls, 0);
  EXPECT_EQ(os_.getnameinfo_calls, 0);
}

TEST_F(ResolverTest, ServiceLookupsReachTheBackendWithAnyProtocol) {
  // "" is a null protocol (any); another name is passed as is.
  (void)GetServByName("http", "", os_);
  EXPECT_TRUE(os_.last_proto_was_null);
  absl::StatusOr<uint16_t> r = GetServByName("http", "xsock-proto", os_);
  EXPECT_FALSE(os_.last_proto_was_null);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(GetErrorKind(r.status()), ErrorKind::kNotFound);
  EXPECT_EQ(GetErrorClass(r.status()), ErrorClass::kOsError);
  EXPECT_EQ(GetFailedCall(r.status()), "getservbyname");
  (void)GetServByPort(80, "", os_);
  EXPECT_TRUE(os_.last_proto_was_null);
  absl::StatusOr<std::string> p = GetServByPort(80, "xsock-proto", os_);
  EXPECT_FALSE(os_.last_proto_was_null);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(GetFailedCall(p.status()), "getservbyport");
  EXPECT_EQ(os_.netdb_calls, 4);
  EXPECT_EQ(os_.getaddrinfo_calls, 0);
  EXPECT_EQ(os_.getnameinfo_calls, 0);
}

}  // namespace
}  // namespace xsock
