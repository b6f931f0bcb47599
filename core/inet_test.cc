// core/inet_test.cc: unit tests of the numeric IP text conversions.

#include "core/inet.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>

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

}  // namespace
}  // namespace xsock
