// core/address.cc: SocketAddress builders, numeric parsing, rendering and
// equality.

#include "core/address.h"

#include <cstring>
#include <optional>

#include "absl/strings/str_cat.h"
#include "core/error.h"
#include "core/inet.h"

namespace xsock {
namespace {

absl::Status CheckPort(std::string_view call, int port) {
  if (port < 0 || port > 65535) {
    return InvalidArgument(call, "port", "port must be 0-65535");
  }
  return absl::OkStatus();
}

// AppendEscaped appends `bytes` with non-printable bytes as \xNN and the
// backslash as "\\".
void AppendEscaped(std::string_view bytes, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (char c : bytes) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u == '\\') {
      out->append("\\\\");
    } else if (u >= 0x20 && u < 0x7F) {
      out->push_back(c);
    } else {
      out->append("\\x");
      out->push_back(kHex[u >> 4]);
      out->push_back(kHex[u & 0xF]);
    }
  }
}

}  // namespace

SocketAddress SocketAddress::Inet4(const std::array<uint8_t, 4>& ip,
                                   uint16_t port) {
  SocketAddress a;
  a.family_ = Family::kInet;
  a.port_ = port;
  for (size_t i = 0; i < ip.size(); ++i) a.ip_[i] = ip[i];
  return a;
}

SocketAddress SocketAddress::Inet6(const std::array<uint8_t, 16>& ip,
                                   uint16_t port, uint32_t flowinfo,
                                   uint32_t scope_id) {
  SocketAddress a;
  a.family_ = Family::kInet6;
  a.port_ = port;
  a.ip_ = ip;
  a.a_ = flowinfo & kMaxFlowInfo;
  a.b_ = scope_id;
  return a;
}

absl::StatusOr<SocketAddress> SocketAddress::ParseInet(std::string_view host,
                                                       int port) {
  if (absl::Status s = CheckPort("ParseInet", port); !s.ok()) return s;
  std::array<uint8_t, 4> ip{};
  if (host.empty()) {
    // INADDR_ANY: all zeros.
  } else if (host == "<broadcast>") {
    ip = {255, 255, 255, 255};
  } else if (std::optional<std::array<uint8_t, 4>> v4 = ParseIPv4(host)) {
    ip = *v4;
  } else {
    return InvalidArgument("ParseInet", "host", "not a numeric IPv4 address");
  }
  return Inet4(ip, static_cast<uint16_t>(port));
}

absl::StatusOr<SocketAddress> SocketAddress::ParseInet6(std::string_view host,
                                                        int port,
                                                        uint32_t flowinfo,
                                                        uint32_t scope_id) {
  if (absl::Status s = CheckPort("ParseInet6", port); !s.ok()) return s;
  if (flowinfo > kMaxFlowInfo) {
    return InvalidArgument("ParseInet6", "flowinfo",
                           "flowinfo must be 0-1048575");
  }
  std::array<uint8_t, 16> ip{};
  if (!host.empty()) {
    std::optional<std::array<uint8_t, 16>> v6 = ParseIPv6(host);
    if (!v6.has_value()) {
      return InvalidArgument("ParseInet6", "host",
                             "not a numeric IPv6 address");
    }
    ip = *v6;
  }
  return Inet6(ip, static_cast<uint16_t>(port), flowinfo, scope_id);
}

absl::StatusOr<SocketAddress> SocketAddress::Unix(std::string_view path) {
  const bool abstract = !path.empty() && path[0] == '\0';
  if (abstract) {
    if (path.size() > kMaxUnixPathBytes) {
      return InvalidArgument("Unix", "path", "AF_UNIX path too long");
    }
  } else {
    if (path.size() > kMaxUnixPathBytes - 1) {
      return InvalidArgument("Unix", "path", "AF_UNIX path too long");
    }
    if (path.find('\0') != std::string_view::npos) {
      return InvalidArgument("Unix", "path",
                             "embedded null byte in AF_UNIX path");
    }
  }
  SocketAddress a;
  a.family_ = Family::kUnix;
  if (!path.empty()) std::memcpy(a.path_, path.data(), path.size());
  a.path_len_ = static_cast<uint8_t>(path.size());
  return a;
}

SocketAddress SocketAddress::Netlink(uint32_t pid, uint32_t groups) {
  SocketAddress a;
  a.family_ = Family::kNetlink;
  a.a_ = pid;
  a.b_ = groups;
  return a;
}

SocketAddress SocketAddress::Tipc(TipcAddrType type, uint32_t v1, uint32_t v2,
                                  uint32_t v3, uint8_t scope) {
  SocketAddress a;
  a.family_ = Family::kTipc;
  a.aux_ = static_cast<uint8_t>(type);
  a.a_ = v1;
  a.b_ = v2;
  a.c_ = v3;
  a.scope_ = scope;
  return a;
}

const std::array<uint8_t, 4> SocketAddress::ipv4() const {
  return {ip_[0], ip_[1], ip_[2], ip_[3]};
}

std::string SocketAddress::host() const {
  switch (family_) {
    case Family::kInet:
      return FormatIPv4(ipv4());
    case Family::kInet6:
      return FormatIPv6(ip_);
    default:
      return "";
  }
}

bool SocketAddress::is_unspecified() const {
  size_t n = 0;
  if (family_ == Family::kInet) {
    n = 4;
  } else if (family_ == Family::kInet6) {
    n = 16;
  } else {
    return false;
  }
  for (size_t i = 0; i < n; ++i) {
    if (ip_[i] != 0) return false;
  }
  return true;
}

std::string SocketAddress::ToString() const {
  switch (family_) {
    case Family::kUnspec:
      return "<unspecified>";
    case Family::kInet:
      return absl::StrCat(FormatIPv4(ipv4()), ":", port_);
    case Family::kInet6:
      if (b_ != 0) {
        return absl::StrCat("[", FormatIPv6(ip_), "%", b_, "]:", port_);
      }
      return absl::StrCat("[", FormatIPv6(ip_), "]:", port_);
    case Family::kUnix: {
      if (path_len_ == 0) return "<unnamed>";
      std::string out;
      std::string_view name = unix_path();
      if (is_abstract()) {
        out.push_back('@');
        name.remove_prefix(1);
      }
      AppendEscaped(name, &out);
      return out;
    }
    case Family::kNetlink:
      return absl::StrCat("netlink:", a_, "/", b_);
    case Family::kTipc:
      return absl::StrCat("tipc:", static_cast<int>(aux_), "/", a_, "/", b_,
                          "/", c_);
  }
  return "<unknown family>";
}

bool operator==(const SocketAddress& a, const SocketAddress& b) {
  if (a.family_ != b.family_) return false;
  switch (a.family_) {
    case Family::kUnspec:
      return true;
    case Family::kInet:
      return a.port_ == b.port_ && a.ipv4() == b.ipv4();
    case Family::kInet6:
      return a.port_ == b.port_ && a.ip_ == b.ip_ && a.a_ == b.a_ &&
             a.b_ == b.b_;
    case Family::kUnix:
      return a.unix_path() == b.unix_path();
    case Family::kNetlink:
      return a.a_ == b.a_ && a.b_ == b.b_;
    case Family::kTipc:
      return a.aux_ == b.aux_ && a.a_ == b.a_ && a.b_ == b.b_ && a.c_ == b.c_ &&
             a.scope_ == b.scope_;
  }
  return false;
}

}  // namespace xsock
