// platform/constants.cc: the lookup over this platform's native constants
// (see platform/constants.h). It includes no OS header: the table and
// ConstantsPlatform are the per-OS sources' (platform/posix/constants.cc,
// platform/windows/constants.cc).

#include "platform/constants.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace xsock {
namespace platform {

std::optional<int64_t> NativeConstantValue(std::string_view name) {
  for (const NativeConstant& constant : NativeConstants()) {
    if (constant.name == name) return constant.value;
  }
  return std::nullopt;
}

}  // namespace platform
}  // namespace xsock
