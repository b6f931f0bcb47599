// conformance/linux_conformance_test.cc: every behaviour suite against the
// Linux backend (platform/linux: POSIX plus SOCK_CLOEXEC/accept4, abstract
// AF_UNIX names and autobind).

#include "conformance/all_suites.h"
#include "conformance/harness.h"
#include "platform/linux/linux_os.h"

namespace xsock {
namespace conformance {
namespace {

XSOCK_INSTANTIATE_CONFORMANCE_SUITES(
    Linux, Backend{"linux", &platform::LinuxOsInstance()});

}  // namespace
}  // namespace conformance
}  // namespace xsock
