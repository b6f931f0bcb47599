// platform/posix/backend_test_suite.h (testonly)
//
// A value-parameterized GoogleTest suite that drives a platform::Os backend
// directly, below api/: loopback TCP/UDP/AF_UNIX, error mapping, safe
// defaults (non-inheritable handles, no SIGPIPE, blocking accepted sockets),
// address conversion, Describe, Wait and handle accounting. Capability-
// dependent cases are skipped with the reason when the backend lacks the
// capability.
//
// Each backend's test binary instantiates it:
//   INSTANTIATE_TEST_SUITE_P(Posix, BackendTest,
//                            ::testing::Values(&PosixOsInstance()),
//                            BackendName);
// Loopback only, port 0 read back, no sleeps.

#ifndef XSOCK_PLATFORM_POSIX_BACKEND_TEST_SUITE_H_
#define XSOCK_PLATFORM_POSIX_BACKEND_TEST_SUITE_H_

#include <ostream>
#include <string>

#include "gtest/gtest.h"
#include "platform/os.h"

namespace xsock {
namespace platform {

// PrintTo makes GoogleTest print a backend parameter as its name.
inline void PrintTo(const Os* os, std::ostream* out) { *out << os->Name(); }

namespace testing {

// BackendTest is the fixture: GetParam() is the backend under test.
class BackendTest : public ::testing::TestWithParam<const Os*> {
 protected:
  const Os& os() const { return *GetParam(); }
};

// BackendName names an instantiation after the backend ("posix", "linux").
std::string BackendName(const ::testing::TestParamInfo<const Os*>& info);

}  // namespace testing
}  // namespace platform
}  // namespace xsock

#endif  // XSOCK_PLATFORM_POSIX_BACKEND_TEST_SUITE_H_
