// platform/internal/errors.cc: the "... is not supported by the <backend>
// backend" errors of platform/internal/errors.h.

#include "platform/internal/errors.h"

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "core/error.h"
#include "core/types.h"

namespace xsock {
namespace platform {
namespace internal {

std::string NotSupported(std::string_view what, std::string_view backend) {
  std::string text(what);
  text += " is not supported by the ";
  text += backend;
  text += " backend";
  return text;
}

absl::Status UnsupportedFamily(std::string_view call, Family family,
                               std::string_view backend) {
  return MakeError(ErrorKind::kFamilyNotSupported, call, 0, "",
                   NotSupported(FamilyName(family), backend));
}

absl::Status UnsupportedNativeFamily(std::string_view call, int af,
                                     std::string_view backend) {
  return MakeError(
      ErrorKind::kFamilyNotSupported, call, 0, "",
      NotSupported("address family " + std::to_string(af), backend));
}

absl::Status UnsupportedType(std::string_view call, Type type,
                             std::string_view backend) {
  return MakeError(ErrorKind::kTypeNotSupported, call, 0, "",
                   NotSupported(TypeName(type), backend));
}

absl::Status UnsupportedNativeType(std::string_view call, int type,
                                   std::string_view backend) {
  return MakeError(
      ErrorKind::kTypeNotSupported, call, 0, "",
      NotSupported("socket type " + std::to_string(type), backend));
}

}  // namespace internal
}  // namespace platform
}  // namespace xsock
