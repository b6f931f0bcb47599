// conformance/deviations.cc: the deviation registry (mirrors
// docs/deviations.md; conformance:id_check compares the two).

#include "conformance/deviations.h"

#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/types/span.h"

namespace xsock {
namespace conformance {

absl::Span<const Deviation> AllDeviations() {
  // One entry per row of docs/deviations.md, in the same order:
  //   {"<backend>", "<ID>", "<reason; tracking>"},
  static const std::vector<Deviation>* const kDeviations =
      new std::vector<Deviation>{
          // No backend deviates from a documented behaviour at the moment.
      };
  return *kDeviations;
}

std::optional<std::string_view> FindDeviation(std::string_view backend,
                                              std::string_view id) {
  for (const Deviation& d : AllDeviations()) {
    if (d.backend == backend && d.id == id) return d.reason;
  }
  return std::nullopt;
}

std::string BehaviourIdOfTestName(std::string_view name) {
  // <PREFIX>_<digits>_...: an upper-case prefix, an underscore, two or more
  // digits, an underscore.
  size_t i = 0;
  while (i < name.size() && std::isupper(static_cast<unsigned char>(name[i]))) {
    ++i;
  }
  if (i == 0 || i >= name.size() || name[i] != '_') return "";
  size_t digits = i + 1;
  size_t j = digits;
  while (j < name.size() && std::isdigit(static_cast<unsigned char>(name[j]))) {
    ++j;
  }
  if (j - digits < 2 || j >= name.size() || name[j] != '_') return "";
  std::string id(name.substr(0, j));
  id[i] = '-';
  return id;
}

}  // namespace conformance
}  // namespace xsock
