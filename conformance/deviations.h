// conformance/deviations.h
//
// The deviation registry: the behaviours (docs/behaviour/*.md, by ID) that a
// backend is known not to provide, each with the reason and where it is
// tracked. It mirrors docs/deviations.md row for row; conformance:id_check
// fails when the two differ.
//
// An entry names a backend, a behaviour ID, optionally one test of that ID
// (otherwise it covers every test of the ID), when it applies, and why:
//   - When::kAlways: the fixture (conformance/harness.h) skips the test in
//     SetUp, before it starts, with the reason (GTEST_SKIP).
//   - When::kUnderWine: the Windows backend under wine, which is not
//     Windows: wine lacks a Winsock feature or answers differently from
//     Windows. The test runs as far as wine gets; where wine's answer
//     diverges, the test consults the registry (XSOCK_SKIP_IF_DEVIATION, or
//     XSOCK_REQUIRE for a missing capability) and skips with the reason,
//     only under wine and only when the answer really diverged. On Windows
//     itself, and under a wine that gains the feature, the test runs and
//     must pass. The reason starts with "wine:" and says what wine lacks.
// So a deviation is never a silent pass, and removing the entry brings the
// test back.
//
// Adding an entry: add the row to docs/deviations.md and the same backend,
// ID, test, condition and reason here, in the same order.

#ifndef XSOCK_CONFORMANCE_DEVIATIONS_H_
#define XSOCK_CONFORMANCE_DEVIATIONS_H_

#include <string>
#include <string_view>

#include "absl/types/span.h"

namespace xsock {
namespace conformance {

// When says under which circumstances a deviation applies.
enum class When {
  kAlways,     // wherever the backend runs; skipped before the test starts
  kUnderWine,  // only under wine, at the point where wine's answer diverges
};

// WhenName returns "always" or "under wine" (the column of
// docs/deviations.md).
std::string_view WhenName(When when);

// Deviation is one registry entry.
struct Deviation {
  std::string_view backend;  // Os::Name(): "posix", "linux", "windows"
  std::string_view id;       // behaviour ID, e.g. "TCP-03"
  std::string_view test;     // one test of the ID ("TCP_03_SendAll..."), or
                             // "" for every test of the ID
  When when;                 // when it applies
  std::string_view reason;   // why (under wine: "wine: <what wine lacks>")
};

// AllDeviations returns every registered deviation.
absl::Span<const Deviation> AllDeviations();

// FindDeviation returns the entry registered for `backend` and the test
// `test_name` (a gtest name, "TCP_03_SendAll/posix" or "TCP_03_SendAll":
// its behaviour ID and its name before any '/') with condition `when`, or
// nullptr.
const Deviation* FindDeviation(std::string_view backend,
                               std::string_view test_name, When when);

// BehaviourIdOfTestName returns the behaviour ID a test name starts with,
// with the dash restored ("TCP_03_SendAll/posix" -> "TCP-03"), or "" when
// the name does not start with an ID.
std::string BehaviourIdOfTestName(std::string_view test_name);

}  // namespace conformance
}  // namespace xsock

#endif  // XSOCK_CONFORMANCE_DEVIATIONS_H_
