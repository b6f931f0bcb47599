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

namespace {

// Unsupported returns a status of `kind` for `call` saying
// NotSupported(what, backend).
absl::Status Unsupported(ErrorKind kind, std::string_view call,
                         std::string_view what, std::string_view backend) {
  return MakeError(kind, call, 0, "", NotSupported(what, backend));
}

}  // namespace

std::string NotSupported(std::string_view what, std::string_view backend) {
  std::string text(what);
  text += " is not supported by the ";
  text += backend;
  text += " backend";
  return text;
}

absl::Status UnsupportedFamily(std::string_view call, Family family,
                               std::string_view backend) {
  return Unsupported(ErrorKind::kFamilyNotSupported, call, FamilyName(family),
                     backend);
}

absl::Status UnsupportedType(std::string_view call, Type type,
                             std::string_view backend) {
  return Unsupported(ErrorKind::kTypeNotSupported, call, TypeName(type),
                     backend);
}

absl::Status UnsupportedNativeFamily(std::string_view call, int af,
                                     std::string_view backend) {
  return Unsupported(ErrorKind::kFamilyNotSupported, call,
                     "address family " + std::to_string(af), backend);
}

absl::Status UnsupportedNativeType(std::string_view call, int type,
                                   std::string_view backend) {
  return Unsupported(ErrorKind::kTypeNotSupported, call,
                     "socket type " + std::to_string(type), backend);
}

}  // namespace internal
}  // namespace platform
}  // namespace xsock
