// conformance/internal/wine.h
//
// WineVersion tells whether this process runs under wine rather than on
// Windows, for the deviation registry's "under wine" entries
// (conformance/deviations.h): a behaviour wine does not reproduce is skipped
// with its reason under wine only, and runs on Windows itself.
//
// Windows (wine_windows.cc): wine's ntdll.dll exports wine_get_version,
// Microsoft's does not. Other platforms (wine_none.cc): never wine.
//
// This is test infrastructure: the Windows file includes OS headers.

#ifndef XSOCK_CONFORMANCE_INTERNAL_WINE_H_
#define XSOCK_CONFORMANCE_INTERNAL_WINE_H_

#include <optional>
#include <string>

namespace xsock {
namespace conformance_internal {

// WineVersion returns wine's version ("8.0") when the process runs under
// wine, and nullopt on Windows itself and on every other platform. Probed
// once, then cached.
std::optional<std::string> WineVersion();

}  // namespace conformance_internal
}  // namespace xsock

#endif  // XSOCK_CONFORMANCE_INTERNAL_WINE_H_
