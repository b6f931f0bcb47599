// core/inet_test.cc: unit tests of the numeric IP text conversions.

#include "core/inet.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "core/error.h"
#include "core/types.h"
#include "gtest/gtest.h"

namespace xsock {
namespace {

using V4 = std::array<uint8_t, 4>;
using V6 = std::array<uint8_t, 16>;

V6 Groups(std::array<uint16_t, 8> g) {
  V6 out{};
  for (int i = 0; i < 8; ++i) {
    out[2 * i] = static_cast<uint8_t>(g[i] >> 8);
    out[2 * i + 1] = static_cast<uint8_t>(g[i] & 0xFF);
  }
  return out;
}

TEST(ParseIPv4Test, AcceptsDottedQuads) {
  EXPECT_EQ(ParseIPv4("127.0.0.1"), (V4{127, 0, 0, 1}));
  EXPECT_EQ(ParseIPv4("0.0.0.0"), (V4{0, 0, 0, 0}));
  EXPECT_EQ(ParseIPv4("255.255.255.255"), (V4{255, 255, 255, 255}));
  EXPECT_EQ(ParseIPv4("10.200.3.99"), (V4{10, 200, 3, 99}));
}

TEST(ParseIPv4Test, RejectsEverythingElse) {
  for (const char* bad :
       {"", "1", "1.2.3", "1.2.3.4.", "1.2.3.4.5", ".1.2.3", "1..2.3",
        "256.0.0.1", "1.2.3.256", "1.2.3.1000", "01.2.3.4", "1.2.3.00",
        "0x1.2.3.4", "+1.2.3.4", "-1.2.3.4", " 1.2.3.4", "1.2.3.4 ", "a.b.c.d",
        "1.2.3.4\n", "::1", "1.2.3.4/8", "1.2.3.4:80"}) {
    EXPECT_EQ(ParseIPv4(bad), std::nullopt) << '"' << bad << '"';
  }
}

TEST(ParseIPv6Test, AcceptsCompressionAndTails) {
  EXPECT_EQ(ParseIPv6("::"), V6{});
  EXPECT_EQ(ParseIPv6("::1"), Groups({0, 0, 0, 0, 0, 0, 0, 1}));
  EXPECT_EQ(ParseIPv6("1::"), Groups({1, 0, 0, 0, 0, 0, 0, 0}));
  EXPECT_EQ(ParseIPv6("1:2:3:4:5:6:7:8"), Groups({1, 2, 3, 4, 5, 6, 7, 8}));
  EXPECT_EQ(ParseIPv6("2001:DB8::Ab:0cD"),
            Groups({0x2001, 0xdb8, 0, 0, 0, 0, 0xab, 0xcd}));
  EXPECT_EQ(ParseIPv6("1:2:3:4:5:6::8"), Groups({1, 2, 3, 4, 5, 6, 0, 8}));
  EXPECT_EQ(ParseIPv6("1::8"), Groups({1, 0, 0, 0, 0, 0, 0, 8}));
  EXPECT_EQ(ParseIPv6("0000:0000:0000:0000:0000:0000:0000:0001"),
            Groups({0, 0, 0, 0, 0, 0, 0, 1}));
  EXPECT_EQ(ParseIPv6("::ffff:1.2.3.4"),
            Groups({0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304}));
  EXPECT_EQ(ParseIPv6("::1.2.3.4"), Groups({0, 0, 0, 0, 0, 0, 0x0102, 0x0304}));
  EXPECT_EQ(ParseIPv6("1:2:3:4:5:6:1.2.3.4"),
            Groups({1, 2, 3, 4, 5, 6, 0x0102, 0x0304}));
  EXPECT_EQ(ParseIPv6("1:2:3:4:5::1.2.3.4"),
            Groups({1, 2, 3, 4, 5, 0, 0x0102, 0x0304}));
}

TEST(ParseIPv6Test, RejectsMalformedText) {
  for (const char* bad :
       {"", ":", ":::", "1:::2", "::1::", "1::2::3", ":1::", "1:2:3:4:5:6:7",
        "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7::8", "1:2:3:4:5:6:7:", "1::2:", ":1:2:3:4:5:6:7:8",
        "12345::", "0x1::", "g::", "1.2.3.4", "::1.2.3.4:5", "::1.2.3",
        "::256.1.1.1", "1:2:3:4:5:6:7:1.2.3.4", "::1%eth0", "[::1]",
        " ::1", "::1 "}) {
    EXPECT_EQ(ParseIPv6(bad), std::nullopt) << '"' << bad << '"';
  }
}

TEST(FormatIPv4Test, DottedQuad) {
  EXPECT_EQ(FormatIPv4({127, 0, 0, 1}), "127.0.0.1");
  EXPECT_EQ(FormatIPv4({0, 0, 0, 0}), "0.0.0.0");
  EXPECT_EQ(FormatIPv4({255, 255, 255, 255}), "255.255.255.255");
  EXPECT_EQ(FormatIPv4({10, 100, 9, 200}), "10.100.9.200");
}

TEST(FormatIPv6Test, Rfc5952Canonical) {
  EXPECT_EQ(FormatIPv6(V6{}), "::");
  EXPECT_EQ(FormatIPv6(Groups({0, 0, 0, 0, 0, 0, 0, 1})), "::1");
  EXPECT_EQ(FormatIPv6(Groups({1, 0, 0, 0, 0, 0, 0, 0})), "1::");
  EXPECT_EQ(FormatIPv6(Groups({0x2001, 0xdb8, 0, 0, 0, 0, 0xab, 0xcd})),
            "2001:db8::ab:cd");
  // Leading zeros dropped, lowercase.
  EXPECT_EQ(FormatIPv6(Groups({0x2001, 0x0db8, 0x00AB, 0xC, 1, 2, 3, 4})),
            "2001:db8:ab:c:1:2:3:4");
  // A single zero group is not compressed.
  EXPECT_EQ(FormatIPv6(Groups({1, 0, 2, 3, 4, 5, 6, 7})), "1:0:2:3:4:5:6:7");
  // The longest run wins.
  EXPECT_EQ(FormatIPv6(Groups({1, 0, 0, 2, 0, 0, 0, 3})), "1:0:0:2::3");
  // The first run wins a tie.
  EXPECT_EQ(FormatIPv6(Groups({1, 0, 0, 2, 3, 0, 0, 4})), "1::2:3:0:0:4");
  EXPECT_EQ(FormatIPv6(Groups({0, 0, 1, 2, 3, 4, 0, 0})), "::1:2:3:4:0:0");
  EXPECT_EQ(FormatIPv6(Groups({0xfe80, 0, 0, 0, 0, 0, 0, 1})), "fe80::1");
}

TEST(FormatIPv6Test, Ipv4MappedHasDottedTail) {
  EXPECT_EQ(FormatIPv6(Groups({0, 0, 0, 0, 0, 0xffff, 0x7f00, 0x0001})),
            "::ffff:127.0.0.1");
  // IPv4-compatible (deprecated) addresses stay hexadecimal.
  EXPECT_EQ(FormatIPv6(Groups({0, 0, 0, 0, 0, 0, 0x0102, 0x0304})),
            "::102:304");
}

TEST(InetRoundTripTest, FormatThenParseIsIdentity) {
  const V6 samples[] = {
      V6{},
      Groups({0, 0, 0, 0, 0, 0, 0, 1}),
      Groups({0x2001, 0xdb8, 0, 0, 1, 0, 0, 1}),
      Groups({0, 0, 0, 0, 0, 0xffff, 0xc0a8, 0x0001}),
      Groups({0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff}),
      Groups({1, 2, 3, 4, 5, 6, 7, 0}),
  };
  for (const V6& ip : samples) {
    const std::string text = FormatIPv6(ip);
    EXPECT_EQ(ParseIPv6(text), ip) << text;
  }
  const V4 v4{192, 168, 0, 10};
  EXPECT_EQ(ParseIPv4(FormatIPv4(v4)), v4);
}

TEST(ParseLegacyIPv4Test, AcceptsTheInetAtonForms) {
  EXPECT_EQ(ParseLegacyIPv4("1"), (V4{0, 0, 0, 1}));
  EXPECT_EQ(ParseLegacyIPv4("0"), (V4{0, 0, 0, 0}));
  EXPECT_EQ(ParseLegacyIPv4("4294967295"), (V4{255, 255, 255, 255}));
  EXPECT_EQ(ParseLegacyIPv4("0xffffffff"), (V4{255, 255, 255, 255}));
  EXPECT_EQ(ParseLegacyIPv4("127.1"), (V4{127, 0, 0, 1}));
  EXPECT_EQ(ParseLegacyIPv4("10.65536"), (V4{10, 1, 0, 0}));
  EXPECT_EQ(ParseLegacyIPv4("10.16777215"), (V4{10, 255, 255, 255}));
  EXPECT_EQ(ParseLegacyIPv4("0x7f.1"), (V4{127, 0, 0, 1}));
  EXPECT_EQ(ParseLegacyIPv4("0X7F.0.0.1"), (V4{127, 0, 0, 1}));
  EXPECT_EQ(ParseLegacyIPv4("0177.0.0.1"), (V4{127, 0, 0, 1}));
  EXPECT_EQ(ParseLegacyIPv4("00000177.0.0.01"), (V4{127, 0, 0, 1}));
  EXPECT_EQ(ParseLegacyIPv4("1.2.3"), (V4{1, 2, 0, 3}));
  EXPECT_EQ(ParseLegacyIPv4("1.2.65535"), (V4{1, 2, 255, 255}));
  EXPECT_EQ(ParseLegacyIPv4("1.2.3.4"), (V4{1, 2, 3, 4}));
  EXPECT_EQ(ParseLegacyIPv4("255.255.255.255"), (V4{255, 255, 255, 255}));
  EXPECT_EQ(ParseLegacyIPv4("0xff.0377.255.0xFF"), (V4{255, 255, 255, 255}));
  EXPECT_EQ(ParseLegacyIPv4("010.0.0.1"), (V4{8, 0, 0, 1}));
}

TEST(ParseLegacyIPv4Test, RejectsEverythingElse) {
  for (const char* bad :
       {"", ".", "abc", "::1", "1.2.3.4.5", "1.2.3.", "1.", ".1", "1..2",
        "256.1.1.1", "1.256.1.1", "1.2.256.1", "1.2.3.256", "256.1",
        "1.16777216", "1.2.65536", "4294967296", "0x100000000",
        "99999999999999999999", "08", "0.09.1.1", "0x", "0x.1", "0xg",
        "1.2.3.0x", "+1", "-1", " 1.2.3.4", "1.2.3.4 ", "1.2.3.4 foo",
        "1.2.3.4\n", "1.2.3.4\t", "1 .2", "1.2.3.4/8", "1.2.3.4:80", "1e3",
        "0b1"}) {
    EXPECT_EQ(ParseLegacyIPv4(bad), std::nullopt) << '"' << bad << '"';
  }
  EXPECT_EQ(ParseLegacyIPv4(std::string_view("1.2.3.4\0", 8)), std::nullopt);
}

void ExpectInvalid(const absl::Status& status, std::string_view call,
                   std::string_view argument) {
  EXPECT_EQ(GetErrorKind(status), ErrorKind::kInvalidArgument) << status;
  EXPECT_TRUE(absl::StartsWith(status.message(),
                               std::string(call) + ": " +
                                   std::string(argument) + ": "))
      << status;
}

TEST(InetAtonTest, PacksFourBytes) {
  EXPECT_EQ(*InetAton("127.1"), std::string("\x7f\0\0\x01", 4));
  EXPECT_EQ(*InetAton("255.255.255.255"), std::string(4, '\xff'));
  const absl::Status bad = InetAton("1.2.3.4.5").status();
  ExpectInvalid(bad, "inet_aton", "ip_string");
  EXPECT_TRUE(absl::StrContains(
      bad.message(), "illegal IP address string passed to inet_aton"));
}

TEST(InetNtoaTest, ExactlyFourBytes) {
  EXPECT_EQ(*InetNtoa(std::string("\x7f\0\0\x01", 4)), "127.0.0.1");
  EXPECT_EQ(*InetNtoa(std::string(4, '\xff')), "255.255.255.255");
  for (size_t n : {0, 1, 3, 5, 16}) {
    const absl::Status status = InetNtoa(std::string(n, '\x01')).status();
    ExpectInvalid(status, "inet_ntoa", "packed_ip");
    EXPECT_TRUE(absl::StrContains(status.message(),
                                  "packed IP wrong length for inet_ntoa"));
  }
}

TEST(InetPtonTest, StrictIPv4WithTheLeadingZeroRule) {
  EXPECT_EQ(*InetPton(Family::kInet, "1.2.3.4"), std::string("\1\2\3\4"));
  EXPECT_EQ(*InetPton(Family::kInet, "0.0.0.0"), std::string(4, '\0'));
  for (const char* bad : {"01.2.3.4", "01.02.03.04", "1.2.3.00", "10.0.10",
                          "127.1", "1", "0x7f.0.0.1", "1.2.3.4 x", "::1"}) {
    const absl::Status status = InetPton(Family::kInet, bad).status();
    ExpectInvalid(status, "inet_pton", "ip_string");
    EXPECT_TRUE(absl::StrContains(
        status.message(), "illegal IP address string passed to inet_pton"))
        << status;
  }
}

TEST(InetPtonTest, IPv6) {
  std::string loopback(16, '\0');
  loopback[15] = 1;
  EXPECT_EQ(*InetPton(Family::kInet6, "::1"), loopback);
  EXPECT_EQ(InetPton(Family::kInet6, "::ffff:1.2.3.4")->substr(10),
            std::string("\xff\xff\1\2\3\4", 6));
  for (const char* bad : {"1.2.3.4", ":::", "1::2::3", "0x1::", "::01.2.3.4",
                          "1:2:3:4:5:6:7:8:9", ""}) {
    ExpectInvalid(InetPton(Family::kInet6, bad).status(), "inet_pton",
                  "ip_string");
  }
}

TEST(InetPtonTest, OtherFamiliesAreNotSupported) {
  for (Family family : {Family::kUnspec, Family::kUnix, Family::kNetlink,
                        Family::kTipc, static_cast<Family>(99)}) {
    EXPECT_EQ(GetErrorKind(InetPton(family, "1.2.3.4").status()),
              ErrorKind::kFamilyNotSupported);
  }
}

TEST(InetNtopTest, Rfc5952Text) {
  auto ntop6 = [](std::array<uint16_t, 8> g) {
    const V6 ip = Groups(g);
    return *InetNtop(Family::kInet6,
                     std::string(reinterpret_cast<const char*>(ip.data()), 16));
  };
  EXPECT_EQ(ntop6({0, 0, 0, 0, 0, 0, 0, 0}), "::");
  EXPECT_EQ(ntop6({0, 0, 0, 0, 0, 0, 0, 1}), "::1");
  EXPECT_EQ(ntop6({1, 0, 0, 0, 0, 0, 0, 0}), "1::");
  EXPECT_EQ(ntop6({0x2001, 0xdb8, 0, 0, 0, 0, 0, 1}), "2001:db8::1");
  EXPECT_EQ(ntop6({0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304}), "::ffff:1.2.3.4");
  EXPECT_EQ(ntop6({1, 0, 0, 2, 0, 0, 0, 3}), "1:0:0:2::3");
  EXPECT_EQ(ntop6({1, 0, 0, 2, 3, 0, 0, 4}), "1::2:3:0:0:4");
  EXPECT_EQ(ntop6({1, 0, 2, 3, 4, 5, 6, 7}), "1:0:2:3:4:5:6:7");
  EXPECT_EQ(ntop6({0x2001, 0xDB8, 0xABCD, 0x12, 0, 0, 0, 0}),
            "2001:db8:abcd:12::");
  EXPECT_EQ(*InetNtop(Family::kInet, std::string("\x0a\0\0\xff", 4)),
            "10.0.0.255");
}

TEST(InetNtopTest, LengthAndFamilyErrors) {
  for (size_t n : {0, 3, 5, 16}) {
    ExpectInvalid(InetNtop(Family::kInet, std::string(n, '\0')).status(),
                  "inet_ntop", "packed_ip");
  }
  for (size_t n : {0, 4, 15, 17}) {
    ExpectInvalid(InetNtop(Family::kInet6, std::string(n, '\0')).status(),
                  "inet_ntop", "packed_ip");
  }
  for (Family family : {Family::kUnspec, Family::kUnix,
                        static_cast<Family>(99)}) {
    ExpectInvalid(InetNtop(family, std::string(4, '\0')).status(),
                  "inet_ntop", "family");
  }
}

TEST(InetRoundTripTest, PtonThenNtop) {
  for (const char* text : {"::", "::1", "2001:db8::1", "::ffff:10.0.0.1",
                           "fe80::1:2", "1:2:3:4:5:6:7:8"}) {
    EXPECT_EQ(*InetNtop(Family::kInet6, *InetPton(Family::kInet6, text)), text);
  }
  EXPECT_EQ(*InetNtoa(*InetAton("10.1")), "10.0.0.1");
}

}  // namespace
}  // namespace xsock
