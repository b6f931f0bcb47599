// conformance/deviations_test.cc: the registry lookups (FindDeviation,
// BehaviourIdOfTestName) and the registry's own consistency.

#include "conformance/deviations.h"

#include <set>
#include <string>
#include <tuple>

#include "gtest/gtest.h"

namespace xsock {
namespace conformance {
namespace {

TEST(BehaviourIdOfTestNameTest, ReadsTheIdAtTheStart) {
  EXPECT_EQ(BehaviourIdOfTestName("TCP_03_SendAll/posix"), "TCP-03");
  EXPECT_EQ(BehaviourIdOfTestName("IOCTL_104_X"), "IOCTL-104");
  EXPECT_EQ(BehaviourIdOfTestName("TCP_3_X"), "");
  EXPECT_EQ(BehaviourIdOfTestName("tcp_03_X"), "");
  EXPECT_EQ(BehaviourIdOfTestName("TCP_03"), "");
  EXPECT_EQ(BehaviourIdOfTestName("SendAll"), "");
}

// A test name covered by `d`: its own test, or an invented one of its ID.
std::string NameCoveredBy(const Deviation& d) {
  std::string name(d.test);
  if (name.empty()) {
    name = std::string(d.id) + "_AnyTest";
    name[d.id.find('-')] = '_';
  }
  return name + "/" + std::string(d.backend);
}

TEST(FindDeviationTest, FindsEveryEntryOnlyWithItsCondition) {
  for (const Deviation& d : AllDeviations()) {
    SCOPED_TRACE(NameCoveredBy(d));
    const Deviation* found =
        FindDeviation(d.backend, NameCoveredBy(d), d.when);
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(found->id, d.id);
    EXPECT_EQ(found->reason, d.reason);
    const When other =
        d.when == When::kAlways ? When::kUnderWine : When::kAlways;
    const Deviation* with_other = FindDeviation(d.backend, NameCoveredBy(d),
                                                other);
    EXPECT_TRUE(with_other == nullptr || with_other->when == other);
    EXPECT_EQ(FindDeviation("no-such-backend", NameCoveredBy(d), d.when),
              nullptr);
  }
}

TEST(FindDeviationTest, AnEntryForOneTestCoversNoOtherTest) {
  for (const Deviation& d : AllDeviations()) {
    if (d.test.empty()) continue;
    std::string sibling = std::string(d.test) + "Sibling/" +
                          std::string(d.backend);
    const Deviation* found = FindDeviation(d.backend, sibling, d.when);
    EXPECT_TRUE(found == nullptr || found->test.empty()) << sibling;
  }
}

TEST(FindDeviationTest, NamesWithoutAnIdFindNothing) {
  EXPECT_EQ(FindDeviation("windows", "SendAll/windows", When::kUnderWine),
            nullptr);
  EXPECT_EQ(FindDeviation("windows", "", When::kAlways), nullptr);
}

TEST(RegistryTest, EntriesAreUniqueAndGiveAReason) {
  std::set<std::tuple<std::string, std::string, std::string, When>> seen;
  for (const Deviation& d : AllDeviations()) {
    EXPECT_FALSE(d.reason.empty()) << d.backend << " " << d.id;
    EXPECT_TRUE(seen.emplace(std::string(d.backend), std::string(d.id),
                             std::string(d.test), d.when)
                    .second)
        << "duplicate entry " << d.backend << " " << d.id << " " << d.test;
    if (d.when == When::kUnderWine) {
      EXPECT_EQ(d.backend, "windows");
      EXPECT_EQ(d.reason.substr(0, 5), "wine:") << d.id << " " << d.test;
    }
  }
}

TEST(WhenNameTest, NamesTheDocsColumn) {
  EXPECT_EQ(WhenName(When::kAlways), "always");
  EXPECT_EQ(WhenName(When::kUnderWine), "under wine");
}

}  // namespace
}  // namespace conformance
}  // namespace xsock
