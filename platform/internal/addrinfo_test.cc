// platform/internal/addrinfo_test.cc: the shared resolver logic over fake
// native tables, a fake addrinfo list and fake host entries (no OS header,
// no system call).

#include "platform/internal/addrinfo.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/addrinfo.h"
#include "core/address.h"
#include "core/error.h"
#include "core/types.h"
#include "gtest/gtest.h"
#include "platform/internal/errors.h"

namespace xsock {
namespace platform {
namespace internal {
namespace {

// FakeAddrInfo has the fields of struct addrinfo that the walk reads; the
// "address" is the index of a SocketAddress in kAddresses.
struct FakeAddrInfo {
  int ai_family;
  int ai_socktype;
  int ai_protocol;
  const char* ai_canonname;
  const int* ai_addr;
  FakeAddrInfo* ai_next;
};

constexpr int kAfInet = 2, kAfInet6 = 10, kAfOther = 99;
constexpr int kSockStream = 1, kSockDgram = 2, kSockOther = 77;
constexpr int kTcp = 6, kUdp = 17;

bool FakePortableFamily(int af, Family* f) {
  if (af == kAfInet) *f = Family::kInet;
  else if (af == kAfInet6) *f = Family::kInet6;
  else return false;
  return true;
}

bool FakePortableType(int type, Type* t) {
  if (type == kSockStream) *t = Type::kStream;
  else if (type == kSockDgram) *t = Type::kDgram;
  else return false;
  return true;
}

int FakeNativeFamily(Family f) {
  return f == Family::kInet ? kAfInet : f == Family::kInet6 ? kAfInet6 : -1;
}

int FakeNativeType(Type t) {
  return t == Type::kStream ? kSockStream : t == Type::kDgram ? kSockDgram
                                                              : -1;
}

const SocketAddress& V4() {
  static const SocketAddress a = SocketAddress::Inet4({127, 0, 0, 1}, 80);
  return a;
}

absl::StatusOr<SocketAddress> Decode(const FakeAddrInfo& ai) {
  if (*ai.ai_addr < 0) return InvalidArgument("getaddrinfo", "address", "bad");
  return V4();
}

constexpr ResolverFlagEntry kAi[] = {
    {kAiPassive, "AI_PASSIVE", 0x1},    {kAiCanonName, "AI_CANONNAME", 0x2},
    {kAiNumericHost, "AI_NUMERICHOST", 0x4},
    {kAiNumericServ, "AI_NUMERICSERV", 0x400},
    {kAiAddrConfig, "AI_ADDRCONFIG", 0x20},
    {kAiV4Mapped, "AI_V4MAPPED", -1},  // missing on this "platform"
    {kAiAll, "AI_ALL", 0x10},
};

TEST(AddrInfoTest, HintsTranslateFamilyTypeAndFlags) {
  AddrInfoHints hints;
  NativeAddrInfoHints out;
  ASSERT_TRUE(TranslateHints(hints, kAi, FakeNativeFamily, FakeNativeType,
                             "fake", &out)
                  .ok());
  EXPECT_EQ(out.family, 0);
  EXPECT_EQ(out.socktype, 0) << "an unset type is socktype 0";
  EXPECT_EQ(out.flags, 0);

  hints.family = Family::kInet6;
  hints.type = Type::kDgram;
  hints.proto = kUdp;
  hints.flags = kAiPassive | kAiNumericServ;
  ASSERT_TRUE(TranslateHints(hints, kAi, FakeNativeFamily, FakeNativeType,
                             "fake", &out)
                  .ok());
  EXPECT_EQ(out.family, kAfInet6);
  EXPECT_EQ(out.socktype, kSockDgram);
  EXPECT_EQ(out.protocol, kUdp);
  EXPECT_EQ(out.flags, 0x1 | 0x400);
}

TEST(AddrInfoTest, HintsThePlatformLacksAreErrorsNamingThem) {
  NativeAddrInfoHints out;
  AddrInfoHints hints;
  hints.family = Family::kUnix;
  absl::Status st = TranslateHints(hints, kAi, FakeNativeFamily,
                                   FakeNativeType, "fake", &out);
  EXPECT_EQ(GetErrorKind(st), ErrorKind::kFamilyNotSupported) << st;

  hints = AddrInfoHints();
  hints.type = Type::kRaw;
  st = TranslateHints(hints, kAi, FakeNativeFamily, FakeNativeType, "fake",
                      &out);
  EXPECT_EQ(GetErrorKind(st), ErrorKind::kTypeNotSupported) << st;

  hints = AddrInfoHints();
  hints.flags = kAiV4Mapped;
  st = TranslateHints(hints, kAi, FakeNativeFamily, FakeNativeType, "fake",
                      &out);
  EXPECT_EQ(GetErrorKind(st), ErrorKind::kUnimplemented) << st;
  EXPECT_NE(st.message().find("AI_V4MAPPED"), std::string_view::npos) << st;
}

TEST(AddrInfoTest, ResultsKeepOrderAndDropWhatXsockDoesNotModel) {
  const int ok = 0, bad = -1;
  FakeAddrInfo e5{kAfInet, kSockDgram, kUdp, nullptr, &ok, nullptr};
  FakeAddrInfo e4{kAfInet, kSockStream, kTcp, nullptr, &bad, &e5};
  FakeAddrInfo e3{kAfInet, kSockOther, 0, nullptr, &ok, &e4};
  FakeAddrInfo e2{kAfOther, kSockStream, 0, nullptr, &ok, &e3};
  FakeAddrInfo e1{kAfInet, kSockStream, kTcp, "host.example", &ok, &e2};
  std::vector<AddrInfo> r = ConvertAddrInfoList(
      &e1, FakePortableFamily, FakePortableType, Decode);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].type, Type::kStream);
  EXPECT_EQ(r[0].proto, kTcp);
  EXPECT_EQ(r[0].canonname, "host.example");
  EXPECT_EQ(r[0].address, V4());
  EXPECT_EQ(r[1].type, Type::kDgram);
  EXPECT_TRUE(r[1].canonname.empty());

  // A result without a socket type is dropped unless the backend says what
  // it stands for.
  FakeAddrInfo untyped{kAfInet, 0, 0, nullptr, &ok, nullptr};
  EXPECT_TRUE(ConvertAddrInfoList(&untyped, FakePortableFamily,
                                  FakePortableType, Decode)
                  .empty());
  const UntypedResult kUntyped[] = {{Type::kStream, kTcp},
                                    {Type::kDgram, kUdp}};
  r = ConvertAddrInfoList(&untyped, FakePortableFamily, FakePortableType,
                          Decode, kUntyped, 2);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].type, Type::kStream);
  EXPECT_EQ(r[0].proto, kTcp);
  EXPECT_EQ(r[1].type, Type::kDgram);
  EXPECT_EQ(r[1].proto, kUdp);
  untyped.ai_protocol = kUdp;
  r = ConvertAddrInfoList(&untyped, FakePortableFamily, FakePortableType,
                          Decode, kUntyped, 2);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].type, Type::kDgram);
}

TEST(AddrInfoTest, EaiCodesMapThroughTheTableUnknownOnesKeepTheirCode) {
  const NativeErrorEntry kTable[] = {
      {-2, ErrorKind::kAddrInfoNoName},
      {-3, ErrorKind::kAddrInfoAgain},
  };
  absl::Status st = AddrInfoError(kTable, -2, "getaddrinfo", "EAI", [] {
    return std::string_view("Name or service not known");
  });
  EXPECT_EQ(GetErrorKind(st), ErrorKind::kAddrInfoNoName) << st;
  EXPECT_EQ(GetErrorClass(st), ErrorClass::kAddressInfo) << st;
  EXPECT_EQ(GetNativeCode(st), -2);
  EXPECT_EQ(GetFailedCall(st), "getaddrinfo");
  EXPECT_NE(st.message().find("Name or service not known"),
            std::string_view::npos)
      << st;
  EXPECT_NE(st.message().find("EAI -2"), std::string_view::npos) << st;

  st = AddrInfoError(kTable, -42, "getnameinfo", "EAI",
                     [] { return std::string_view(); });
  EXPECT_EQ(GetErrorKind(st), ErrorKind::kAddressInfo) << st;
  EXPECT_EQ(GetNativeCode(st), -42);
  EXPECT_NE(st.message().find(ErrorKindText(ErrorKind::kAddressInfo)),
            std::string_view::npos)
      << "no system text: the kind's text; " << st;
}

// FakeHostEnt has the fields of struct hostent that ConvertHostEntry reads
// (short type and length, as Winsock's HOSTENT).
struct FakeHostEnt {
  const char* h_name;
  char** h_aliases;
  short h_addrtype;
  short h_length;
  char** h_addr_list;
};

TEST(AddrInfoTest, HostEntryKeepsNameAliasesAndAddressesInOrder) {
  char alias1[] = "alias-one";
  char alias2[] = "alias.two";
  char* aliases[] = {alias1, alias2, nullptr};
  char a1[] = {127, 0, 0, 1};
  char a2[] = {10, 0, 0, 7};
  char* addrs[] = {a1, a2, nullptr};
  FakeHostEnt h{"host.example", aliases, kAfInet, 4, addrs};
  HostEntry e = ConvertHostEntry(h, kAfInet, kAfInet6);
  HostEntry expected;
  expected.name = "host.example";
  expected.aliases = {"alias-one", "alias.two"};
  expected.addresses = {SocketAddress::Inet4({127, 0, 0, 1}, 0),
                        SocketAddress::Inet4({10, 0, 0, 7}, 0)};
  EXPECT_EQ(e, expected) << e.ToString();
  EXPECT_EQ(e.ToString(),
            "'host.example' ['alias-one', 'alias.two'] [127.0.0.1, 10.0.0.7]");

  char v6[16] = {};
  v6[15] = 1;
  char* addrs6[] = {v6, nullptr};
  char* no_aliases[] = {nullptr};
  FakeHostEnt h6{"six", no_aliases, kAfInet6, 16, addrs6};
  e = ConvertHostEntry(h6, kAfInet, kAfInet6);
  ASSERT_EQ(e.addresses.size(), 1u);
  EXPECT_EQ(e.addresses[0], SocketAddress::Inet6({0, 0, 0, 0, 0, 0, 0, 0, 0,
                                                  0, 0, 0, 0, 0, 0, 1},
                                                 0));
  EXPECT_TRUE(e.aliases.empty());
  EXPECT_EQ(e.ToString(), "'six' [] [::1]");
}

TEST(AddrInfoTest, HostEntryDropsAddressesOfAnotherTypeOrLength) {
  char a[] = {1, 2, 3, 4};
  char* addrs[] = {a, nullptr};
  FakeHostEnt other{"x", nullptr, kAfOther, 4, addrs};
  HostEntry e = ConvertHostEntry(other, kAfInet, kAfInet6);
  EXPECT_EQ(e.name, "x");
  EXPECT_TRUE(e.aliases.empty());
  EXPECT_TRUE(e.addresses.empty());
  FakeHostEnt short_v6{"y", nullptr, kAfInet6, 4, addrs};
  EXPECT_TRUE(ConvertHostEntry(short_v6, kAfInet, kAfInet6).addresses.empty());
  FakeHostEnt empty{nullptr, nullptr, kAfInet, 4, nullptr};
  EXPECT_EQ(ConvertHostEntry(empty, kAfInet, kAfInet6), HostEntry());
}

}  // namespace
}  // namespace internal
}  // namespace platform
}  // namespace xsock
