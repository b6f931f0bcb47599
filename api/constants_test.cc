// api/constants_test.cc: GetConstant's answers and messages on the native
// platform (the behaviour is checked on every backend by the constants
// conformance suite, CONST-nn).

#include "xsock/constants.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/constants.h"
#include "core/error.h"
#include "gtest/gtest.h"
#include "platform/constants.h"
#include "platform/os.h"

namespace xsock {
namespace {

TEST(GetConstantTest, AvailableNameIsTheNativeValue) {
  int checked = 0;
  for (const platform::NativeConstant& native : platform::NativeConstants()) {
    absl::StatusOr<int64_t> value = GetConstant(native.name);
    ASSERT_TRUE(value.ok()) << native.name << ": " << value.status();
    EXPECT_EQ(*value, native.value) << native.name;
    EXPECT_TRUE(HasConstant(native.name)) << native.name;
    ++checked;
  }
  EXPECT_GT(checked, 100);
}

TEST(GetConstantTest, UnavailableNameMessage) {
  const ConstantName* missing = nullptr;
  for (const ConstantName& known : KnownConstants()) {
    if (!platform::NativeConstantValue(known.name).has_value()) {
      missing = &known;
      break;
    }
  }
  ASSERT_NE(missing, nullptr) << "every known name is available here";
  absl::StatusOr<int64_t> value = GetConstant(missing->name);
  ASSERT_FALSE(value.ok());
  EXPECT_EQ(GetErrorKind(value.status()), ErrorKind::kUnimplemented);
  EXPECT_EQ(value.status().message(),
            std::string("GetConstant: ") + std::string(missing->name) +
                " is not available on this platform (" +
                std::string(platform::NativeOs().Name()) + ")");
  EXPECT_EQ(GetFailedCall(value.status()), "GetConstant");
  EXPECT_FALSE(HasConstant(missing->name));
}

TEST(GetConstantTest, UnknownNameMessage) {
  absl::StatusOr<int64_t> value = GetConstant("AF_NOSUCH");
  ASSERT_FALSE(value.ok());
  EXPECT_EQ(GetErrorKind(value.status()), ErrorKind::kInvalidArgument);
  EXPECT_EQ(value.status().message(),
            "GetConstant: name: no constant named \"AF_NOSUCH\"");
  EXPECT_FALSE(HasConstant("AF_NOSUCH"));
}

TEST(ConstantNamesTest, IncludesUnavailableNames) {
  std::vector<std::string_view> tipc = ConstantNames(ConstantFamily::kTipc);
  EXPECT_EQ(tipc.size(), 23u);
  EXPECT_EQ(tipc.front(), "TIPC_ADDR_NAMESEQ");
  std::vector<std::string_view> shut = ConstantNames(ConstantFamily::kShut);
  ASSERT_EQ(shut.size(), 3u);
  EXPECT_EQ(shut[0], "SHUT_RD");
  EXPECT_EQ(shut[1], "SHUT_WR");
  EXPECT_EQ(shut[2], "SHUT_RDWR");
}

}  // namespace
}  // namespace xsock
