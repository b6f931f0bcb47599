// conformance/internal/wine_none.cc: WineVersion where the target is not
// Windows: wine runs Windows programs only, so never wine.

#include <optional>
#include <string>

#include "conformance/internal/wine.h"

namespace xsock {
namespace conformance_internal {

std::optional<std::string> WineVersion() { return std::nullopt; }

}  // namespace conformance_internal
}  // namespace xsock
