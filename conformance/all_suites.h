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

// The backend is the variadic part, so a braced Backend{name, os} (which
// contains a comma) can be passed as is.
#define XSOCK_INSTANTIATE_CONFORMANCE_SUITE(prefix, suite, ...)          \
  INSTANTIATE_TEST_SUITE_P(prefix, suite, ::testing::Values(__VA_ARGS__), \
                           ::xsock::conformance::BackendName)

#define XSOCK_INSTANTIATE_CONFORMANCE_SUITES(prefix, ...)                    \
  XSOCK_INSTANTIATE_CONFORMANCE_SUITE(prefix, LifecycleSuite, __VA_ARGS__); \
  XSOCK_INSTANTIATE_CONFORMANCE_SUITE(prefix, TcpSuite, __VA_ARGS__);       \
  XSOCK_INSTANTIATE_CONFORMANCE_SUITE(prefix, UdpSuite, __VA_ARGS__);       \
  XSOCK_INSTANTIATE_CONFORMANCE_SUITE(prefix, UnixSuite, __VA_ARGS__);      \
  XSOCK_INSTANTIATE_CONFORMANCE_SUITE(prefix, ModesSuite, __VA_ARGS__);     \
  XSOCK_INSTANTIATE_CONFORMANCE_SUITE(prefix, OptionsSuite, __VA_ARGS__);   \
  XSOCK_INSTANTIATE_CONFORMANCE_SUITE(prefix, ShutdownSuite, __VA_ARGS__);  \
  XSOCK_INSTANTIATE_CONFORMANCE_SUITE(prefix, ErrorsSuite, __VA_ARGS__);    \
  XSOCK_INSTANTIATE_CONFORMANCE_SUITE(prefix, ConversionsSuite, __VA_ARGS__); \
  XSOCK_INSTANTIATE_CONFORMANCE_SUITE(prefix, IoctlSuite, __VA_ARGS__);    \
  XSOCK_INSTANTIATE_CONFORMANCE_SUITE(prefix, ResolverSuite, __VA_ARGS__); \
  XSOCK_INSTANTIATE_CONFORMANCE_SUITE(prefix, ConnectionSuite, __VA_ARGS__); \
  XSOCK_INSTANTIATE_CONFORMANCE_SUITE(prefix, StreamSuite, __VA_ARGS__);    \
  XSOCK_INSTANTIATE_CONFORMANCE_SUITE(prefix, ConstantsSuite, __VA_ARGS__)

#endif  // XSOCK_CONFORMANCE_ALL_SUITES_H_
