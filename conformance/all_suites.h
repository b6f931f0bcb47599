// conformance/all_suites.h
//
// XSOCK_INSTANTIATE_CONFORMANCE_SUITES(Prefix, backend) instantiates every
// behaviour suite for one backend. A per-backend test binary
// (<backend>_conformance_test.cc) is one use of it, inside
// namespace xsock::conformance:
//
//   XSOCK_INSTANTIATE_CONFORMANCE_SUITES(
//       Posix, Backend{"posix", &platform::PosixOsInstance()});
//
// Every suite is instantiated for every backend: what a backend lacks is a
// capability (the test is skipped with the reason) or a registered
// deviation (conformance/deviations.h), never a suite left out. A suite
// added to suites.h but not here makes GoogleTest fail the binary
// (uninstantiated parameterized test), so nothing is dropped silently.

#ifndef XSOCK_CONFORMANCE_ALL_SUITES_H_
#define XSOCK_CONFORMANCE_ALL_SUITES_H_

#include "conformance/harness.h"
#include "conformance/suites/suites.h"
#include "gtest/gtest.h"

#define XSOCK_INSTANTIATE_CONFORMANCE_SUITE(prefix, suite, backend) \
  INSTANTIATE_TEST_SUITE_P(prefix, suite, ::testing::Values(backend), \
                           ::xsock::conformance::BackendName)

#define XSOCK_INSTANTIATE_CONFORMANCE_SUITES(prefix, backend)            \
  XSOCK_INSTANTIATE_CONFORMANCE_SUITE(prefix, LifecycleSuite, backend);  \
  XSOCK_INSTANTIATE_CONFORMANCE_SUITE(prefix, TcpSuite, backend);        \
  XSOCK_INSTANTIATE_CONFORMANCE_SUITE(prefix, UdpSuite, backend);        \
  XSOCK_INSTANTIATE_CONFORMANCE_SUITE(prefix, UnixSuite, backend);       \
  XSOCK_INSTANTIATE_CONFORMANCE_SUITE(prefix, ModesSuite, backend);      \
  XSOCK_INSTANTIATE_CONFORMANCE_SUITE(prefix, OptionsSuite, backend);    \
  XSOCK_INSTANTIATE_CONFORMANCE_SUITE(prefix, ShutdownSuite, backend);   \
  XSOCK_INSTANTIATE_CONFORMANCE_SUITE(prefix, ErrorsSuite, backend)

#endif  // XSOCK_CONFORMANCE_ALL_SUITES_H_
