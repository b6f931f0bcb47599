// core/addrinfo.cc

#include "core/addrinfo.h"

#include "absl/strings/str_cat.h"

namespace xsock {

std::string AddrInfo::ToString() const {
  return absl::StrCat(FamilyName(family), " ", TypeName(type), " proto ",
                      proto, " '", canonname, "' ", address.ToString());
}

}  // namespace xsock
