// conformance/posix_conformance_test.cc: every behaviour suite against the
// POSIX backend (platform/posix), which builds and runs on any POSIX system,
// Linux included.

#include "conformance/all_suites.h"
#include "conformance/harness.h"
#include "platform/posix/posix_os.h"

namespace xsock {
namespace conformance {
namespace {

XSOCK_INSTANTIATE_CONFORMANCE_SUITES(
    Posix, Backend{"posix", &platform::PosixOsInstance()});

}  // namespace
}  // namespace conformance
}  // namespace xsock
