// conformance/suites/suites.h
//
// The fixtures of the behaviour suites, one per area and one file each in
// conformance/suites/ (<area>_suite.cc, target //conformance:<area>_conformance).
// Each is a ConformanceTest (conformance/harness.h) parameterized over a
// Backend; conformance/all_suites.h instantiates all of them for a backend.
// The behaviours are specified in docs/behaviour/<area>.md, by ID; every
// test name starts with the ID it checks (TCP-03 -> TCP_03_...).

#ifndef XSOCK_CONFORMANCE_SUITES_SUITES_H_
#define XSOCK_CONFORMANCE_SUITES_SUITES_H_

#include "conformance/harness.h"

namespace xsock {
namespace conformance {

// LifecycleSuite: LIFE-nn (docs/behaviour/lifecycle.md).
class LifecycleSuite : public ConformanceTest {};
// TcpSuite: TCP-nn (docs/behaviour/tcp.md).
class TcpSuite : public ConformanceTest {};
// UdpSuite: UDP-nn (docs/behaviour/udp.md).
class UdpSuite : public ConformanceTest {};
// UnixSuite: UNIX-nn (docs/behaviour/unix.md).
class UnixSuite : public ConformanceTest {};
// ModesSuite: MODE-nn (docs/behaviour/modes.md).
class ModesSuite : public ConformanceTest {};
// OptionsSuite: OPT-nn (docs/behaviour/options.md).
class OptionsSuite : public ConformanceTest {};
// ShutdownSuite: SHUT-nn (docs/behaviour/shutdown.md).
class ShutdownSuite : public ConformanceTest {};
// ErrorsSuite: ERR-nn (docs/behaviour/errors.md).
class ErrorsSuite : public ConformanceTest {};
// IoctlSuite: IOCTL-nn (docs/behaviour/ioctl.md).
class IoctlSuite : public ConformanceTest {};
// ConversionsSuite: CONV-nn (docs/behaviour/conversions.md).
class ConversionsSuite : public ConformanceTest {};
// ResolverSuite: NAME-nn (docs/behaviour/resolver.md).
class ResolverSuite : public ConformanceTest {};
// ConnectionSuite: CREATE-nn (docs/behaviour/connection.md).
class ConnectionSuite : public ConformanceTest {};
// StreamSuite: STREAM-nn (docs/behaviour/streams.md).
class StreamSuite : public ConformanceTest {};
// ConstantsSuite: CONST-nn (docs/behaviour/constants.md).
class ConstantsSuite : public ConformanceTest {};

}  // namespace conformance
}  // namespace xsock

#endif  // XSOCK_CONFORMANCE_SUITES_SUITES_H_
