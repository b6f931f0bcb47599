// xsock/constants.h
//
// The socket module's constants (Python: socket.AF_INET, socket.SO_REUSEADDR,
// socket.SOMAXCONN, ...) with the values of the platform xsock was built
// for. Include as "xsock/constants.h". The documented behaviour is
// docs/behaviour/constants.md (CONST-nn); which names each platform lacks is
// docs/constants.md.
//
// The names are the ones CPython's socket module defines in the families of
// ConstantFamily (core/constants.h): a portable list, the same on every OS.
// A value is always the one the platform's own headers give (Python's
// aliases included: on Windows SHUT_* are SD_*); a name the platform lacks
// is reported as unavailable, never given a substitute number. Use these
// values only with the raw calls that take native numbers
// (Socket::GetSockOpt/SetSockOpt with a NativeOption, shutdown and flags of
// the C API, comparing a native error code); xsock's own enums (Family,
// Type, ShutdownHow, MsgFlags, Option) are portable and are not these
// numbers.
//
// Errors: kInvalidArgument naming "name" for a name that is not a known
// constant; kUnimplemented "GetConstant: <NAME> is not available on this
// platform (<backend>)" for a known name the platform lacks.

#ifndef XSOCK_API_CONSTANTS_H_
#define XSOCK_API_CONSTANTS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "core/constants.h"
#include "core/error.h"

namespace xsock {

// GetConstant returns the native value of the constant `name` (exact,
// case-sensitive: "SO_REUSEADDR") on this build's platform (CONST-01).
// SOMAXCONN is GetConstant("SOMAXCONN") (CONST-05). Python: getattr(socket,
// name).
// Errors: kInvalidArgument naming "name" for a name that is not a known
// constant (CONST-02; Python: AttributeError); kUnimplemented with the
// message "GetConstant: <NAME> is not available on this platform
// (<backend>)" for a known name this platform lacks (CONST-02, the list per
// platform in docs/constants.md; Python: AttributeError too).
absl::StatusOr<int64_t> GetConstant(std::string_view name);

// HasConstant returns whether GetConstant(name) has a value here: false for
// a known name the platform lacks and for an unknown name. Python:
// hasattr(socket, name).
bool HasConstant(std::string_view name);

// ConstantNames returns every known name of `family`, available on this
// platform or not, in the order of KnownConstants() (core/constants.h);
// empty for a value outside the enumeration.
std::vector<std::string_view> ConstantNames(ConstantFamily family);

}  // namespace xsock

#endif  // XSOCK_API_CONSTANTS_H_
