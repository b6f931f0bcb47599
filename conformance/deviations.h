// conformance/deviations.h
//
// The deviation registry: the behaviours (docs/behaviour/*.md, by ID) that a
// backend is known not to provide, each with the reason and where it is
// tracked. It mirrors docs/deviations.md row for row; conformance:id_check
// fails when the two differ.
//
// The fixture (conformance/harness.h) consults the registry before every
// test with the behaviour ID at the start of the test's name, and skips a
// registered deviation with its reason (GTEST_SKIP), so a deviation is never
// a silent pass, and removing the entry brings the test back.
//
// Adding an entry: add the row to docs/deviations.md and the same backend,
// ID and reason here, in the same order.

#ifndef XSOCK_CONFORMANCE_DEVIATIONS_H_
#define XSOCK_CONFORMANCE_DEVIATIONS_H_

#include <optional>
#include <string>
#include <string_view>

#include "absl/types/span.h"

namespace xsock {
namespace conformance {

// Deviation is one registry entry.
struct Deviation {
  std::string_view backend;  // Os::Name(): "posix", "linux", "windows"
  std::string_view id;       // behaviour ID, e.g. "TCP-03"
  std::string_view reason;   // why, and the tracking issue
};

// AllDeviations returns every registered deviation.
absl::Span<const Deviation> AllDeviations();

// FindDeviation returns the reason registered for `backend` and behaviour
// `id`, or nullopt.
std::optional<std::string_view> FindDeviation(std::string_view backend,
                                              std::string_view id);

// BehaviourIdOfTestName returns the behaviour ID a test name starts with,
// with the dash restored ("TCP_03_SendAll/posix" -> "TCP-03"), or "" when
// the name does not start with an ID.
std::string BehaviourIdOfTestName(std::string_view test_name);

}  // namespace conformance
}  // namespace xsock

#endif  // XSOCK_CONFORMANCE_DEVIATIONS_H_
