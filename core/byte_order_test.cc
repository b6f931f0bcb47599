// core/byte_order_test.cc: unit tests of the byte order conversions.

#include "core/byte_order.h"

#include <cstdint>
#include <cstring>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "core/error.h"
#include "gtest/gtest.h"

namespace xsock {
namespace {

static_assert(ByteSwap16(0x1234) == 0x3412);
static_assert(ByteSwap32(0x12345678u) == 0x78563412u);
static_assert(NetToHost16(HostToNet16(0xABCD)) == 0xABCD);
static_assert(NetToHost32(HostToNet32(0xDEADBEEFu)) == 0xDEADBEEFu);

TEST(ByteOrderTest, NetworkOrderIsBigEndianInMemory) {
  const uint16_t s = HostToNet16(0x1234);
  unsigned char b16[2];
  std::memcpy(b16, &s, sizeof s);
  EXPECT_EQ(b16[0], 0x12);
  EXPECT_EQ(b16[1], 0x34);
  const uint32_t l = HostToNet32(0x0A0B0C0Du);
  unsigned char b32[4];
  std::memcpy(b32, &l, sizeof l);
  EXPECT_EQ(b32[0], 0x0A);
  EXPECT_EQ(b32[1], 0x0B);
  EXPECT_EQ(b32[2], 0x0C);
  EXPECT_EQ(b32[3], 0x0D);
  // The host order matches what the memory says.
  const uint16_t one = 1;
  unsigned char first;
  std::memcpy(&first, &one, 1);
  EXPECT_EQ(kHostIsBigEndian, first == 0);
}

TEST(ByteOrderTest, RoundTrips) {
  for (uint32_t v : {0u, 1u, 0x80u, 0x1234u, 0xFFFFu}) {
    const uint16_t s = static_cast<uint16_t>(v);
    EXPECT_EQ(NetToHost16(HostToNet16(s)), s);
    EXPECT_EQ(HostToNet16(NetToHost16(s)), s);
  }
  for (uint32_t v : {0u, 1u, 0x80u, 0x12345678u, 0x80000000u, 0xFFFFFFFFu}) {
    EXPECT_EQ(NetToHost32(HostToNet32(v)), v);
    EXPECT_EQ(HostToNet32(NetToHost32(v)), v);
  }
  EXPECT_EQ(HostToNet16(0xFFFF), 0xFFFF);
  EXPECT_EQ(HostToNet32(0xFFFFFFFFu), 0xFFFFFFFFu);
}

TEST(ByteOrderTest, CheckedFormsAcceptTheWholeWidth) {
  EXPECT_EQ(*CheckedHostToNet16(0), 0);
  EXPECT_EQ(*CheckedHostToNet16(0xFFFF), 0xFFFF);
  EXPECT_EQ(*CheckedNetToHost16(0x1234), NetToHost16(0x1234));
  EXPECT_EQ(*CheckedHostToNet32(0), 0u);
  EXPECT_EQ(*CheckedHostToNet32(0xFFFFFFFF), 0xFFFFFFFFu);
  EXPECT_EQ(*CheckedNetToHost32(0x12345678), NetToHost32(0x12345678u));
}

void ExpectRejected(const absl::Status& status, const char* call) {
  EXPECT_EQ(GetErrorKind(status), ErrorKind::kInvalidArgument) << status;
  EXPECT_TRUE(absl::StartsWith(status.message(), absl::StrCat(call, ": x: ")))
      << status;
}

TEST(ByteOrderTest, CheckedFormsRejectNegativeAndTooLarge) {
  for (int64_t bad : {int64_t{-1}, int64_t{-65536}, int64_t{65536},
                      int64_t{1} << 40, INT64_MIN, INT64_MAX}) {
    ExpectRejected(CheckedHostToNet16(bad).status(), "htons");
    ExpectRejected(CheckedNetToHost16(bad).status(), "ntohs");
  }
  for (int64_t bad : {int64_t{-1}, int64_t{0x100000000}, INT64_MIN,
                      INT64_MAX}) {
    ExpectRejected(CheckedHostToNet32(bad).status(), "htonl");
    ExpectRejected(CheckedNetToHost32(bad).status(), "ntohl");
  }
}

}  // namespace
}  // namespace xsock
