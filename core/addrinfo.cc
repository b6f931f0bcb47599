// core/addrinfo.cc

#include "core/addrinfo.h"

#include <cstddef>
#include <string>

#include "absl/strings/str_cat.h"

namespace xsock {

std::string AddrInfo::ToString() const {
  return absl::StrCat(FamilyName(family), " ", TypeName(type), " proto ",
                      proto, " '", canonname, "' ", address.ToString());
}

std::string HostEntry::ToString() const {
  std::string out = absl::StrCat("'", name, "' [");
  for (size_t i = 0; i < aliases.size(); ++i) {
    absl::StrAppend(&out, i == 0 ? "" : ", ", "'", aliases[i], "'");
  }
  out += "] [";
  for (size_t i = 0; i < addresses.size(); ++i) {
    absl::StrAppend(&out, i == 0 ? "" : ", ", addresses[i].host());
  }
  out += "]";
  return out;
}

}  // namespace xsock
