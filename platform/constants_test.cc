// platform/constants_test.cc: the lookup over the native constants and the
// docs/constants.md column the build names (platform/constants.h). Built for
// the host and, as windows_constants_test, for Windows; nothing here is
// #ifdef'd per OS.

#include "platform/constants.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "gtest/gtest.h"

namespace xsock {
namespace platform {
namespace {

TEST(NativeConstantsTest, EveryEntryLooksUpToItsValue) {
  ASSERT_FALSE(NativeConstants().empty());
  std::set<std::string_view> names;
  for (const NativeConstant& constant : NativeConstants()) {
    EXPECT_TRUE(names.insert(constant.name).second) << constant.name;
    std::optional<int64_t> value = NativeConstantValue(constant.name);
    ASSERT_TRUE(value.has_value()) << constant.name;
    EXPECT_EQ(*value, constant.value) << constant.name;
  }
  EXPECT_FALSE(NativeConstantValue("XSOCK_NOT_A_CONSTANT").has_value());
  EXPECT_FALSE(NativeConstantValue("").has_value());
}

TEST(NativeConstantsTest, ConstantsPlatformIsTheColumnOfTheseHeaders) {
  const std::string_view platform = ConstantsPlatform();
  EXPECT_TRUE(platform == "Linux" || platform == "Windows" || platform == "")
      << platform;
  // SIO_RCVALL comes from Winsock's <mstcpip.h> alone, TIPC_ADDR_NAME from
  // <linux/tipc.h> alone.
  EXPECT_EQ(platform == "Windows",
            NativeConstantValue("SIO_RCVALL").has_value())
      << platform;
  EXPECT_EQ(platform == "Linux",
            NativeConstantValue("TIPC_ADDR_NAME").has_value())
      << platform;
}

}  // namespace
}  // namespace platform
}  // namespace xsock
