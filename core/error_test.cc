// core/error_test.cc: unit tests of the portable error model.

#include "core/error.h"

#include <set>
#include <string>

#include "absl/status/status.h"
#include "gtest/gtest.h"

namespace xsock {
namespace {

constexpr ErrorKind kAllKinds[] = {
#define XSOCK_TEST_KIND(name, code, cls, text) ErrorKind::k##name,
    XSOCK_ERROR_KINDS(XSOCK_TEST_KIND)
#undef XSOCK_TEST_KIND
};

TEST(ErrorTest, KindNativeCodeAndCallRoundTrip) {
  for (ErrorKind kind : kAllKinds) {
    if (kind == ErrorKind::kWouldBlock || kind == ErrorKind::kInterrupted) {
      continue;  // bare statuses, tested below
    }
    absl::Status s = MakeError(kind, "recvfrom", 1234, "errno");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(GetErrorKind(s), kind) << ErrorKindName(kind);
    EXPECT_EQ(GetNativeCode(s), 1234) << ErrorKindName(kind);
    EXPECT_EQ(GetFailedCall(s), "recvfrom") << ErrorKindName(kind);
    EXPECT_EQ(GetErrorClass(s), ErrorKindClass(kind));
    EXPECT_EQ(std::string(s.message()),
              "recvfrom: " + std::string(ErrorKindText(kind)) + " [errno 1234]");
  }
}

TEST(ErrorTest, NegativeAndUnknownNativeCodesSurvive) {
  absl::Status s = MakeError(ErrorKind::kAddressInfo, "getaddrinfo", -2, "EAI");
  EXPECT_EQ(GetNativeCode(s), -2);
  EXPECT_EQ(GetErrorClass(s), ErrorClass::kAddressInfo);
  absl::Status u = MakeError(ErrorKind::kUnknown, "send", 99999, "errno");
  EXPECT_EQ(GetErrorKind(u), ErrorKind::kUnknown);
  EXPECT_EQ(GetNativeCode(u), 99999);
}

TEST(ErrorTest, CustomMessageIsUsed) {
  absl::Status s =
      MakeError(ErrorKind::kConnectionAborted, "socketpair", 0, "", "intruder");
  EXPECT_EQ(s.message(), "socketpair: intruder");
  EXPECT_EQ(GetNativeCode(s), 0);
  EXPECT_EQ(GetErrorKind(s), ErrorKind::kConnectionAborted);
}

TEST(ErrorTest, BareWouldBlockAndInterruptedCarryNoPayload) {
  absl::Status wb = MakeError(ErrorKind::kWouldBlock, "recv", 11, "errno");
  EXPECT_TRUE(IsWouldBlock(wb));
  EXPECT_FALSE(IsInterrupted(wb));
  EXPECT_EQ(wb, WouldBlockError());
  EXPECT_TRUE(wb.message().empty());
  EXPECT_FALSE(wb.GetPayload("type.xsock/error").has_value());
  EXPECT_EQ(GetErrorKind(wb), ErrorKind::kWouldBlock);
  EXPECT_EQ(GetNativeCode(wb), 0);
  EXPECT_EQ(GetFailedCall(wb), "");

  absl::Status in = MakeError(ErrorKind::kInterrupted, "recv", 4, "errno");
  EXPECT_TRUE(IsInterrupted(in));
  EXPECT_FALSE(IsWouldBlock(in));
  EXPECT_EQ(in, InterruptedError());
  EXPECT_TRUE(in.message().empty());
  EXPECT_EQ(GetErrorKind(in), ErrorKind::kInterrupted);
  EXPECT_EQ(GetNativeCode(in), 0);
}

TEST(ErrorTest, InProgressIsNotMistakenForWouldBlock) {
  // kInProgress shares absl's kUnavailable code but carries a payload.
  absl::Status s = MakeError(ErrorKind::kInProgress, "connect", 115, "errno");
  EXPECT_FALSE(IsWouldBlock(s));
  EXPECT_EQ(GetErrorKind(s), ErrorKind::kInProgress);
}

TEST(ErrorTest, EveryKindNameIsUnique) {
  std::set<std::string> names;
  std::set<std::string> texts;
  names.insert(std::string(ErrorKindName(ErrorKind::kOk)));
  for (ErrorKind kind : kAllKinds) {
    EXPECT_TRUE(names.insert(std::string(ErrorKindName(kind))).second)
        << ErrorKindName(kind);
    EXPECT_TRUE(texts.insert(std::string(ErrorKindText(kind))).second)
        << ErrorKindText(kind);
  }
  EXPECT_EQ(names.size(), std::size(kAllKinds) + 1);
}

TEST(ErrorTest, OkAndForeignStatuses) {
  EXPECT_EQ(GetErrorKind(absl::OkStatus()), ErrorKind::kOk);
  EXPECT_EQ(GetErrorClass(absl::OkStatus()), ErrorClass::kNone);
  EXPECT_EQ(GetErrorKind(absl::DeadlineExceededError("x")),
            ErrorKind::kTimedOut);
  EXPECT_EQ(GetErrorKind(absl::InvalidArgumentError("x")),
            ErrorKind::kInvalidArgument);
  EXPECT_EQ(GetErrorKind(absl::InternalError("x")), ErrorKind::kUnknown);
  EXPECT_EQ(GetNativeCode(absl::InternalError("x")), 0);
}

TEST(ErrorTest, LibraryTimeoutHasNoNativeCode) {
  absl::Status s = TimedOut("recv");
  EXPECT_EQ(GetErrorKind(s), ErrorKind::kTimedOut);
  EXPECT_EQ(GetErrorClass(s), ErrorClass::kTimeout);
  EXPECT_EQ(GetNativeCode(s), 0);
  EXPECT_EQ(GetFailedCall(s), "recv");
  EXPECT_EQ(s.message(), "recv: timed out");
}

TEST(ErrorTest, HelpersNameCallAndArgument) {
  absl::Status s = InvalidArgument("recv_into", "nbytes", "too big");
  EXPECT_EQ(GetErrorKind(s), ErrorKind::kInvalidArgument);
  EXPECT_EQ(s.message(), "recv_into: nbytes: too big");
  EXPECT_EQ(GetFailedCall(s), "recv_into");
  absl::Status u = Unimplemented("ioctl", "SIO_RCVALL", "linux");
  EXPECT_EQ(GetErrorKind(u), ErrorKind::kUnimplemented);
  EXPECT_EQ(u.message(),
            "ioctl: SIO_RCVALL is not implemented on this platform (linux)");
}

TEST(ErrorTest, OutOfRangeKindFallsBackToUnknown) {
  EXPECT_EQ(ErrorKindName(static_cast<ErrorKind>(10000)), "Unknown");
  EXPECT_EQ(MakeError(ErrorKind::kOk, "x").code(), absl::StatusCode::kUnknown);
}

}  // namespace
}  // namespace xsock
