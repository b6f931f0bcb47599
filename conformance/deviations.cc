// conformance/deviations.cc: the deviation registry (mirrors
// docs/deviations.md; conformance:id_check compares the two).

#include "conformance/deviations.h"

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "absl/types/span.h"

namespace xsock {
namespace conformance {
std::string_view WhenName(When when) {
  switch (when) {
    case When::kAlways:
      return "always";
    case When::kUnderWine:
      return "under wine";
  }
  return "?";
}

absl::Span<const Deviation> AllDeviations() {
  // One entry per row of docs/deviations.md, in the same order, with the
  // same reason (id_check compares them):
  //   {"<backend>", "<ID>", "<test or empty>", When::k..., "<reason>"},
  static const std::vector<Deviation>* const kDeviations =
      new std::vector<Deviation>{
          // No backend deviates from a documented behaviour at the moment.
      };
  return *kDeviations;
}

const Deviation* FindDeviation(std::string_view backend,
                               std::string_view test_name, When when) {
  const std::string id = BehaviourIdOfTestName(test_name);
  if (id.empty()) return nullptr;
  // "TCP_03_SendAll/posix" -> "TCP_03_SendAll".
  const std::string_view name = test_name.substr(0, test_name.find('/'));
  for (const Deviation& d : AllDeviations()) {
    if (d.backend == backend && d.id == id && d.when == when &&
        (d.test.empty() || d.test == name)) {
      return &d;
    }
  }
  return nullptr;
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
