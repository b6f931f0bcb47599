// api/constants.cc: the socket-module constants, looked up by name.

#include "xsock/constants.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "core/constants.h"
#include "core/error.h"
#include "platform/constants.h"
#include "platform/os.h"

namespace xsock {
namespace {

constexpr std::string_view kGetConstant = "GetConstant";

}  // namespace

absl::StatusOr<int64_t> GetConstant(std::string_view name) {
  if (FindKnownConstant(name) == nullptr) {
    return InvalidArgument(kGetConstant, "name",
                           absl::StrCat("no constant named \"", name, "\""));
  }
  std::optional<int64_t> value = platform::NativeConstantValue(name);
  if (!value.has_value()) {
    return MakeError(ErrorKind::kUnimplemented, kGetConstant, 0, "",
                     absl::StrCat(name, " is not available on this platform (",
                                  platform::NativeOs().Name(), ")"));
  }
  return *value;
}

bool HasConstant(std::string_view name) {
  return FindKnownConstant(name) != nullptr &&
         platform::NativeConstantValue(name).has_value();
}

std::vector<std::string_view> ConstantNames(ConstantFamily family) {
  std::vector<std::string_view> names;
  for (const ConstantName& known : KnownConstants()) {
    if (known.family == family) names.push_back(known.name);
  }
  return names;
}

}  // namespace xsock
