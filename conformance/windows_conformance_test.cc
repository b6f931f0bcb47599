// conformance/windows_conformance_test.cc: every behaviour suite against the
// Windows backend (platform/windows: Winsock 2). Built for Windows with the
// MinGW-w64 toolchain and run under wine by a plain `bazel test //...`
// (windows_cc_test); on Windows itself it runs natively.

#include "conformance/all_suites.h"
#include "conformance/harness.h"
#include "platform/windows/windows_os.h"

namespace xsock {
namespace conformance {
namespace {

XSOCK_INSTANTIATE_CONFORMANCE_SUITES(
    Windows, Backend{"windows", &platform::WindowsOsInstance()});

}  // namespace
}  // namespace conformance
}  // namespace xsock
