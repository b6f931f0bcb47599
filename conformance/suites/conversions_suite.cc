// conformance/suites/conversions_suite.cc: CONV-nn, byte order and IP
// address text (docs/behaviour/conversions.md). The functions are pure and
// use no backend; the suite runs per backend like every suite, so the report
// shows the same results on each.

#include <array>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>

#include "absl/strings/match.h"
#include "conformance/harness.h"
#include "conformance/suites/suites.h"
#include "core/byte_order.h"
#include "core/error.h"
#include "core/types.h"
#include "xsock/inet.h"

namespace xsock {
namespace conformance {
namespace {

std::string Bytes(std::initializer_list<int> values) {
  std::string out;
  for (int v : values) out.push_back(static_cast<char>(v));
  return out;
}

// ---------------------------------------------------------------- CONV-01

TEST_P(ConversionsSuite, CONV_01_NetworkOrderIsBigEndianInMemory) {
  ASSERT_OK_AND_ASSIGN(uint16_t s, Htons(0x1234));
  unsigned char b16[2];
  std::memcpy(b16, &s, sizeof s);
  EXPECT_EQ(b16[0], 0x12);
  EXPECT_EQ(b16[1], 0x34);
  ASSERT_OK_AND_ASSIGN(uint32_t l, Htonl(0x0A0B0C0D));
  unsigned char b32[4];
  std::memcpy(b32, &l, sizeof l);
  EXPECT_EQ(b32[0], 0x0A);
  EXPECT_EQ(b32[1], 0x0B);
  EXPECT_EQ(b32[2], 0x0C);
  EXPECT_EQ(b32[3], 0x0D);
  EXPECT_EQ(s, HostToNet16(0x1234));
  EXPECT_EQ(l, HostToNet32(0x0A0B0C0Du));
}

TEST_P(ConversionsSuite, CONV_01_ApplyingTwiceIsTheIdentity) {
  for (int64_t v = 0; v <= 0xFFFF; ++v) {
    ASSERT_OK_AND_ASSIGN(uint16_t n, Htons(v));
    ASSERT_OK_AND_ASSIGN(uint16_t back, Ntohs(n));
    ASSERT_EQ(back, v);
    ASSERT_OK_AND_ASSIGN(uint16_t h, Ntohs(v));
    ASSERT_OK_AND_ASSIGN(uint16_t again, Htons(h));
    ASSERT_EQ(again, v);
  }
  for (int64_t v : {int64_t{0}, int64_t{1}, int64_t{0xFF}, int64_t{0x12345678},
                    int64_t{0x80000000}, int64_t{0xFFFFFFFE},
                    int64_t{0xFFFFFFFF}}) {
    ASSERT_OK_AND_ASSIGN(uint32_t n, Htonl(v));
    ASSERT_OK_AND_ASSIGN(uint32_t back, Ntohl(n));
    EXPECT_EQ(back, v);
  }
  EXPECT_EQ(*Htons(0xFFFF), 0xFFFF);
  EXPECT_EQ(*Ntohl(0xFFFFFFFF), 0xFFFFFFFFu);
}

// ---------------------------------------------------------------- CONV-02

TEST_P(ConversionsSuite, CONV_02_NegativeIsInvalidArgument) {
  for (int64_t bad : {int64_t{-1}, int64_t{-65536}, INT64_MIN}) {
    EXPECT_INVALID_ARGUMENT(Htons(bad), "x");
    EXPECT_INVALID_ARGUMENT(Ntohs(bad), "x");
    EXPECT_INVALID_ARGUMENT(Htonl(bad), "x");
    EXPECT_INVALID_ARGUMENT(Ntohl(bad), "x");
  }
}

TEST_P(ConversionsSuite, CONV_02_AboveTheWidthIsInvalidArgument) {
  for (int64_t bad : {int64_t{0x10000}, int64_t{0x10001}, INT64_MAX}) {
    EXPECT_INVALID_ARGUMENT(Htons(bad), "x");
    EXPECT_INVALID_ARGUMENT(Ntohs(bad), "x");
  }
  for (int64_t bad : {int64_t{0x100000000}, int64_t{1} << 40, INT64_MAX}) {
    EXPECT_INVALID_ARGUMENT(Htonl(bad), "x");
    EXPECT_INVALID_ARGUMENT(Ntohl(bad), "x");
  }
}

// ---------------------------------------------------------------- CONV-03

TEST_P(ConversionsSuite, CONV_03_AcceptsTheInetAtonForms) {
  const struct {
    const char* text;
    std::string packed;
  } kCases[] = {
      {"1", Bytes({0, 0, 0, 1})},
      {"0", Bytes({0, 0, 0, 0})},
      {"4294967295", Bytes({255, 255, 255, 255})},
      {"0xFFFFFFFF", Bytes({255, 255, 255, 255})},
      {"127.1", Bytes({127, 0, 0, 1})},
      {"10.16777215", Bytes({10, 255, 255, 255})},
      {"0x7f.1", Bytes({127, 0, 0, 1})},
      {"0177.0.0.1", Bytes({127, 0, 0, 1})},
      {"010.0.0.1", Bytes({8, 0, 0, 1})},
      {"1.2.3", Bytes({1, 2, 0, 3})},
      {"1.2.65535", Bytes({1, 2, 255, 255})},
      {"1.2.3.4", Bytes({1, 2, 3, 4})},
      {"0xff.0377.255.0XFF", Bytes({255, 255, 255, 255})},
      {"255.255.255.255", Bytes({255, 255, 255, 255})},
  };
  for (const auto& c : kCases) {
    absl::StatusOr<std::string> got = InetAton(c.text);
    ASSERT_OK(got) << c.text;
    EXPECT_EQ(*got, c.packed) << c.text;
  }
}

// ---------------------------------------------------------------- CONV-04

void ExpectAtonRejects(std::string_view text) {
  absl::StatusOr<std::string> got = InetAton(text);
  EXPECT_INVALID_ARGUMENT(got, "ip_string") << '"' << text << '"';
  EXPECT_TRUE(MessageHas(got.status(),
                         "illegal IP address string passed to inet_aton"));
}

TEST_P(ConversionsSuite, CONV_04_RejectsMalformedText) {
  for (const char* bad :
       {"", ".", "abc", "::1", "1.2.3.4.5", "1.2.3.", "1..2", ".1", "256.1.1.1",
        "1.256.1.1", "1.2.3.256", "256.1", "1.16777216", "1.2.65536",
        "4294967296", "08", "0xg", "0x", "0x.1", "+1", "-1", "1e3"}) {
    ExpectAtonRejects(bad);
  }
}

TEST_P(ConversionsSuite, CONV_04_NothingMayFollowTheAddress) {
  for (const char* bad : {"1.2.3.4 ", "1.2.3.4 foo", "1.2.3.4\t", "1.2.3.4\n",
                          " 1.2.3.4", "1.2.3.4/8", "1.2.3.4:80"}) {
    ExpectAtonRejects(bad);
  }
  ExpectAtonRejects(std::string_view("1.2.3.4\0", 8));
}

// ---------------------------------------------------------------- CONV-05

TEST_P(ConversionsSuite, CONV_05_FormatsFourBytes) {
  EXPECT_EQ(*InetNtoa(Bytes({127, 0, 0, 1})), "127.0.0.1");
  EXPECT_EQ(*InetNtoa(Bytes({255, 255, 255, 255})), "255.255.255.255");
  EXPECT_EQ(*InetNtoa(Bytes({0, 0, 0, 0})), "0.0.0.0");
  EXPECT_EQ(*InetNtoa(Bytes({10, 1, 20, 100})), "10.1.20.100");
  EXPECT_EQ(*InetNtoa(*InetAton("127.1")), "127.0.0.1");
}

TEST_P(ConversionsSuite, CONV_05_OtherLengthsAreInvalidArgument) {
  for (size_t n : {0, 1, 3, 5, 16}) {
    absl::StatusOr<std::string> got = InetNtoa(std::string(n, '\x01'));
    EXPECT_INVALID_ARGUMENT(got, "packed_ip") << n << " bytes";
    EXPECT_TRUE(
        MessageHas(got.status(), "packed IP wrong length for inet_ntoa"));
  }
}

// ---------------------------------------------------------------- CONV-06

TEST_P(ConversionsSuite, CONV_06_AcceptsDottedQuads) {
  EXPECT_EQ(*InetPton(Family::kInet, "1.2.3.4"), Bytes({1, 2, 3, 4}));
  EXPECT_EQ(*InetPton(Family::kInet, "0.0.0.0"), Bytes({0, 0, 0, 0}));
  EXPECT_EQ(*InetPton(Family::kInet, "255.255.255.255"),
            Bytes({255, 255, 255, 255}));
  EXPECT_EQ(*InetPton(Family::kInet, "10.0.0.100"), Bytes({10, 0, 0, 100}));
}

TEST_P(ConversionsSuite, CONV_06_RejectsShortFormsAndLeadingZeros) {
  for (const char* bad :
       {"01.2.3.4", "01.02.03.04", "1.2.3.00", "1.2.3.010", "10.0.10", "127.1",
        "1", "0x7f.0.0.1", "0177.0.0.1", "256.0.0.1", "1.2.3.4.", "1.2.3.4 x",
        " 1.2.3.4", "", "::1", "a.b.c.d"}) {
    absl::StatusOr<std::string> got = InetPton(Family::kInet, bad);
    EXPECT_INVALID_ARGUMENT(got, "ip_string") << '"' << bad << '"';
    EXPECT_TRUE(MessageHas(got.status(),
                           "illegal IP address string passed to inet_pton"));
  }
}

// ---------------------------------------------------------------- CONV-07

TEST_P(ConversionsSuite, CONV_07_AcceptsRfc4291Text) {
  std::string loopback(16, '\0');
  loopback[15] = 1;
  EXPECT_EQ(*InetPton(Family::kInet6, "::"), std::string(16, '\0'));
  EXPECT_EQ(*InetPton(Family::kInet6, "::1"), loopback);
  EXPECT_EQ(*InetPton(Family::kInet6, "0:0:0:0:0:0:0:1"), loopback);
  EXPECT_EQ(*InetPton(Family::kInet6, "2001:DB8::1"),
            Bytes({0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                   1}));
  EXPECT_EQ(*InetPton(Family::kInet6, "::ffff:1.2.3.4"),
            Bytes({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 1, 2, 3, 4}));
  EXPECT_EQ(*InetPton(Family::kInet6, "1:2:3:4:5:6:7:8"),
            Bytes({0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8}));
}

TEST_P(ConversionsSuite, CONV_07_RejectsMalformedText) {
  for (const char* bad :
       {"", ":", ":::", "1::2::3", "0x1::", "12345::", "1:2:3:4:5:6:7",
        "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:", ":1:2:3:4:5:6:7:8", "1.2.3.4",
        "::1.2.3.4:5", "::256.1.1.1", "::01.2.3.4", "fe80::1%eth0", "[::1]",
        " ::1", "::1 "}) {
    EXPECT_INVALID_ARGUMENT(InetPton(Family::kInet6, bad), "ip_string")
        << '"' << bad << '"';
  }
}

// ---------------------------------------------------------------- CONV-08

TEST_P(ConversionsSuite, CONV_08_OtherFamiliesAreNotSupported) {
  for (Family family : {Family::kUnspec, Family::kUnix, Family::kNetlink,
                        Family::kTipc, static_cast<Family>(99)}) {
    EXPECT_KIND(InetPton(family, "1.2.3.4"), ErrorKind::kFamilyNotSupported);
    EXPECT_KIND(InetPton(family, "::1"), ErrorKind::kFamilyNotSupported);
  }
}

// ---------------------------------------------------------------- CONV-09

std::string Ntop6(std::array<uint16_t, 8> groups) {
  std::string packed;
  for (uint16_t g : groups) {
    packed.push_back(static_cast<char>(g >> 8));
    packed.push_back(static_cast<char>(g & 0xFF));
  }
  absl::StatusOr<std::string> text = InetNtop(Family::kInet6, packed);
  return text.ok() ? *text : "error: " + text.status().ToString();
}

TEST_P(ConversionsSuite, CONV_09_Rfc5952CanonicalText) {
  EXPECT_EQ(Ntop6({0, 0, 0, 0, 0, 0, 0, 0}), "::");
  EXPECT_EQ(Ntop6({0, 0, 0, 0, 0, 0, 0, 1}), "::1");
  EXPECT_EQ(Ntop6({1, 0, 0, 0, 0, 0, 0, 0}), "1::");
  EXPECT_EQ(Ntop6({0x2001, 0xdb8, 0, 0, 0, 0, 0, 1}), "2001:db8::1");
  EXPECT_EQ(Ntop6({0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304}), "::ffff:1.2.3.4");
  EXPECT_EQ(Ntop6({1, 0, 0, 2, 0, 0, 0, 3}), "1:0:0:2::3");
  EXPECT_EQ(Ntop6({1, 0, 0, 2, 3, 0, 0, 4}), "1::2:3:0:0:4");
  EXPECT_EQ(Ntop6({1, 0, 2, 3, 4, 5, 6, 7}), "1:0:2:3:4:5:6:7");
  EXPECT_EQ(Ntop6({0x2001, 0x0DB8, 0x00AB, 0xC, 0, 0, 0, 0}),
            "2001:db8:ab:c::");
  EXPECT_EQ(Ntop6({0, 0, 0, 0, 0, 0, 0x0102, 0x0304}), "::102:304");
  EXPECT_EQ(*InetNtop(Family::kInet, Bytes({192, 168, 0, 1})), "192.168.0.1");
}

TEST_P(ConversionsSuite, CONV_09_TextParsesBackToTheSameBytes) {
  for (const char* text : {"::", "::1", "1::", "2001:db8::1", "::ffff:10.0.0.1",
                           "fe80::1:2", "1:2:3:4:5:6:7:8", "1::2:3:0:0:4"}) {
    ASSERT_OK_AND_ASSIGN(std::string packed, InetPton(Family::kInet6, text));
    EXPECT_EQ(*InetNtop(Family::kInet6, packed), text);
  }
  ASSERT_OK_AND_ASSIGN(std::string packed,
                       InetPton(Family::kInet6, "2001:0DB8:0000::0001"));
  EXPECT_EQ(*InetNtop(Family::kInet6, packed), "2001:db8::1");
}

// ---------------------------------------------------------------- CONV-10

TEST_P(ConversionsSuite, CONV_10_WrongLengthIsInvalidArgument) {
  for (size_t n : {0, 3, 5, 16}) {
    absl::StatusOr<std::string> got =
        InetNtop(Family::kInet, std::string(n, 0));
    EXPECT_INVALID_ARGUMENT(got, "packed_ip") << n << " bytes";
    EXPECT_TRUE(MessageHas(got.status(),
                           "invalid length of packed IP address string"));
  }
  for (size_t n : {0, 4, 15, 17}) {
    EXPECT_INVALID_ARGUMENT(InetNtop(Family::kInet6, std::string(n, 0)),
                            "packed_ip")
        << n << " bytes";
  }
}

TEST_P(ConversionsSuite, CONV_10_UnknownFamilyIsInvalidArgument) {
  for (Family family : {Family::kUnspec, Family::kUnix, Family::kNetlink,
                        static_cast<Family>(99)}) {
    for (size_t n : {4, 16}) {
      absl::StatusOr<std::string> got = InetNtop(family, std::string(n, 0));
      EXPECT_INVALID_ARGUMENT(got, "family");
      EXPECT_TRUE(MessageHas(got.status(), "unknown address family"));
    }
  }
}

}  // namespace
}  // namespace conformance
}  // namespace xsock
