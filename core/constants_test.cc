// core/constants_test.cc: the table of known constant names.

#include "core/constants.h"

#include <set>
#include <string>
#include <string_view>

#include "gtest/gtest.h"

namespace xsock {
namespace {

TEST(KnownConstantsTest, NamesAreUniqueAndStartWithTheirFamilyPrefix) {
  std::set<std::string_view> seen;
  for (const ConstantName& known : KnownConstants()) {
    EXPECT_TRUE(seen.insert(known.name).second) << known.name << " twice";
    std::string_view prefix = ConstantFamilyPrefix(known.family);
    bool rcvall = known.family == ConstantFamily::kSio &&
                  known.name.substr(0, 7) == "RCVALL_";
    EXPECT_TRUE(known.name.substr(0, prefix.size()) == prefix || rcvall)
        << known.name << " is not in family " << prefix;
  }
  EXPECT_GT(seen.size(), 300u);
}

TEST(KnownConstantsTest, GroupedByFamilyInEnumOrder) {
  int previous = 0;
  std::set<int> families;
  for (const ConstantName& known : KnownConstants()) {
    int family = static_cast<int>(known.family);
    EXPECT_GE(family, previous) << known.name;
    previous = family;
    families.insert(family);
  }
  EXPECT_EQ(families.size(), static_cast<size_t>(kConstantFamilyCount));
}

TEST(KnownConstantsTest, FindKnownConstantIsExact) {
  const ConstantName* found = FindKnownConstant("SO_REUSEADDR");
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->name, "SO_REUSEADDR");
  EXPECT_EQ(found->family, ConstantFamily::kSo);
  ASSERT_NE(FindKnownConstant("SOMAXCONN"), nullptr);
  EXPECT_EQ(FindKnownConstant("SOMAXCONN")->family, ConstantFamily::kSomaxconn);
  ASSERT_NE(FindKnownConstant("RCVALL_ON"), nullptr);
  EXPECT_EQ(FindKnownConstant("RCVALL_ON")->family, ConstantFamily::kSio);
  EXPECT_EQ(FindKnownConstant("so_reuseaddr"), nullptr);
  EXPECT_EQ(FindKnownConstant("SO_REUSEADDR "), nullptr);
  EXPECT_EQ(FindKnownConstant(""), nullptr);
  EXPECT_EQ(FindKnownConstant("AF_NOSUCH"), nullptr);
}

TEST(KnownConstantsTest, FamilyPrefixes) {
  EXPECT_EQ(ConstantFamilyPrefix(ConstantFamily::kAf), "AF_");
  EXPECT_EQ(ConstantFamilyPrefix(ConstantFamily::kIpv6), "IPV6_");
  EXPECT_EQ(ConstantFamilyPrefix(ConstantFamily::kNetlink), "NETLINK_");
  EXPECT_EQ(ConstantFamilyPrefix(static_cast<ConstantFamily>(99)), "?");
}

}  // namespace
}  // namespace xsock
