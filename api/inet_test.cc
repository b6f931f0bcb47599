// api/inet_test.cc: xsock/inet.h reaches the conversions (the behaviour
// itself is checked by core/ unit tests and the CONV-nn conformance suite).

#include "xsock/inet.h"

#include <string>

#include "core/error.h"
#include "core/types.h"
#include "gtest/gtest.h"

namespace xsock {
namespace {

TEST(InetApiTest, ByteOrder) {
  EXPECT_EQ(*Ntohs(*Htons(0x1234)), 0x1234);
  EXPECT_EQ(*Ntohl(*Htonl(0x12345678)), 0x12345678u);
  EXPECT_EQ(GetErrorKind(Htons(-1).status()), ErrorKind::kInvalidArgument);
  EXPECT_EQ(GetErrorKind(Ntohs(65536).status()), ErrorKind::kInvalidArgument);
  EXPECT_EQ(GetErrorKind(Htonl(int64_t{1} << 32).status()),
            ErrorKind::kInvalidArgument);
  EXPECT_EQ(GetErrorKind(Ntohl(-5).status()), ErrorKind::kInvalidArgument);
}

TEST(InetApiTest, Text) {
  EXPECT_EQ(*InetNtoa(*InetAton("127.1")), "127.0.0.1");
  EXPECT_EQ(*InetNtop(Family::kInet6, *InetPton(Family::kInet6, "2001:db8::1")),
            "2001:db8::1");
  EXPECT_EQ(*InetNtop(Family::kInet, *InetPton(Family::kInet, "10.0.0.1")),
            "10.0.0.1");
  EXPECT_EQ(GetErrorKind(InetPton(Family::kUnix, "::1").status()),
            ErrorKind::kFamilyNotSupported);
  EXPECT_EQ(GetErrorKind(InetNtop(Family::kUnix, "").status()),
            ErrorKind::kInvalidArgument);
}

}  // namespace
}  // namespace xsock
