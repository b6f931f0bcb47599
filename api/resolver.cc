// xsock/resolver.cc: validation, the numeric fast path, the module
// functions built on getaddrinfo (gethostbyname, gethostbyaddr of a name,
// getfqdn), and the validated calls into the backend's host, protocol and
// services databases.

#include "xsock/resolver.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "core/addrinfo.h"
#include "core/address.h"
#include "core/error.h"
#include "core/inet.h"
#include "core/types.h"
#include "platform/os.h"

namespace xsock {
namespace {

constexpr std::string_view kGetAddrInfo = "getaddrinfo";
constexpr int kIpProtoTcp = 6;
constexpr int kIpProtoUdp = 17;

// The AI_* flags under which the system's records for a numeric host are
// fixed. AI_CANONNAME, AI_ADDRCONFIG, AI_V4MAPPED and AI_ALL go to the
// system: their answers depend on the C library or on the host's
// configuration (platform-quirks RES-01).
constexpr uint32_t kFastPathFlags = kAiPassive | kAiNumericHost |
                                    kAiNumericServ;

// A record type of the fast path: (socket type, protocol).
struct Record {
  Type type;
  int proto;
};

// The records of one numeric address, as the system lists them, are known
// for glibc and for Winsock (checked against the backend by NAME-02):
//   no type, no protocol:  stream/TCP, datagram/UDP, and on glibc raw/0
//                          (Winsock reports one untyped result, which the
//                          backend expands to the first two);
//   a type, protocol 0:    glibc fills in TCP/UDP; Winsock leaves 0.
// Other C libraries order or fill the records differently (macOS lists the
// datagram record first), so there the system always answers.
#if defined(_WIN32)
constexpr bool kFastPathAvailable = true;
constexpr Record kUntyped[] = {{Type::kStream, kIpProtoTcp},
                               {Type::kDgram, kIpProtoUdp}};
constexpr bool kTypedProtoZeroStaysZero = true;
#elif defined(__GLIBC__)
constexpr bool kFastPathAvailable = true;
constexpr Record kUntyped[] = {{Type::kStream, kIpProtoTcp},
                               {Type::kDgram, kIpProtoUdp},
                               {Type::kRaw, 0}};
constexpr bool kTypedProtoZeroStaysZero = false;
#else
constexpr bool kFastPathAvailable = false;
constexpr Record kUntyped[] = {{Type::kStream, kIpProtoTcp}};
constexpr bool kTypedProtoZeroStaysZero = false;
#endif

// CheckNoNul returns kInvalidArgument naming `argument` ("embedded NUL
// byte") when `value` holds a NUL byte: the C calls would cut it there.
absl::Status CheckNoNul(std::string_view call, std::string_view argument,
                        std::string_view value) {
  if (value.find('\0') == std::string_view::npos) return absl::OkStatus();
  return InvalidArgument(call, argument, "embedded NUL byte");
}

// NumericPort parses a port the fast path can take: 1..5 decimal digits
// without a leading zero (or "0"), at most 65535.
std::optional<uint16_t> NumericPort(std::string_view s) {
  if (s.empty() || s.size() > 5) return std::nullopt;
  if (s.size() > 1 && s[0] == '0') return std::nullopt;
  uint32_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<uint32_t>(c - '0');
  }
  if (v > 65535) return std::nullopt;
  return static_cast<uint16_t>(v);
}

// FastRecords returns the records of one address for the hints' type and
// protocol, or an empty vector when they are not fixed.
std::vector<Record> FastRecords(const AddrInfoHints& hints) {
  if (!hints.type.has_value()) {
    if (hints.proto == 0) {
      return std::vector<Record>(std::begin(kUntyped), std::end(kUntyped));
    }
    if (hints.proto == kIpProtoTcp) return {{Type::kStream, kIpProtoTcp}};
    if (hints.proto == kIpProtoUdp) return {{Type::kDgram, kIpProtoUdp}};
    return {};
  }
  const bool keep_zero = kTypedProtoZeroStaysZero && hints.proto == 0;
  if (*hints.type == Type::kStream &&
      (hints.proto == 0 || hints.proto == kIpProtoTcp)) {
    return {{Type::kStream, keep_zero ? 0 : kIpProtoTcp}};
  }
  if (*hints.type == Type::kDgram &&
      (hints.proto == 0 || hints.proto == kIpProtoUdp)) {
    return {{Type::kDgram, keep_zero ? 0 : kIpProtoUdp}};
  }
  return {};
}

// FastAddress returns the address of a numeric host (or of no host with
// AI_PASSIVE and an explicit family) that agrees with the hints' family, or
// nullopt when the system must answer.
std::optional<SocketAddress> FastAddress(std::optional<std::string_view> host,
                                         const AddrInfoHints& hints,
                                         uint16_t port) {
  if (!host.has_value()) {
    if ((hints.flags & kAiPassive) == 0) return std::nullopt;
    if (hints.family == Family::kInet) {
      return SocketAddress::Inet4({0, 0, 0, 0}, port);
    }
    if (hints.family == Family::kInet6) {
      return SocketAddress::Inet6(std::array<uint8_t, 16>{}, port);
    }
    return std::nullopt;  // the order of the two wildcards is the system's
  }
  if (auto v4 = ParseIPv4(*host)) {
    if (hints.family != Family::kUnspec && hints.family != Family::kInet) {
      return std::nullopt;
    }
    return SocketAddress::Inet4(*v4, port);
  }
  if (auto v6 = ParseIPv6(*host)) {
    if (hints.family != Family::kUnspec && hints.family != Family::kInet6) {
      return std::nullopt;
    }
    return SocketAddress::Inet6(*v6, port);
  }
  return std::nullopt;
}

// NonEmpty maps "" to "absent".
std::optional<std::string_view> NonEmpty(std::optional<std::string_view> s) {
  if (s.has_value() && s->empty()) return std::nullopt;
  return s;
}

absl::StatusOr<std::vector<AddrInfo>> Resolve(
    std::optional<std::string_view> host, std::optional<std::string_view> port,
    const AddrInfoHints& hints, const platform::Os& os) {
  if (absl::Status s = CheckNoNul(kGetAddrInfo, "host", host.value_or(""));
      !s.ok()) {
    return s;
  }
  if (absl::Status s = CheckNoNul(kGetAddrInfo, "port", port.value_or(""));
      !s.ok()) {
    return s;
  }
  host = NonEmpty(host);
  port = NonEmpty(port);
  if (!host.has_value() && !port.has_value()) {
    return InvalidArgument(kGetAddrInfo, "host",
                           "host and port are both empty");
  }
  if ((hints.flags & ~kAllAiFlags) != 0) {
    return InvalidArgument(kGetAddrInfo, "flags", "unknown AI_* flag bits");
  }
  if (!IsValidFamily(hints.family)) {
    return InvalidArgument(kGetAddrInfo, "family", "unknown address family");
  }
  if (hints.type.has_value() && !IsValidType(*hints.type)) {
    return InvalidArgument(kGetAddrInfo, "type", "unknown socket type");
  }

  // The numeric fast path.
  if (kFastPathAvailable && (hints.flags & ~kFastPathFlags) == 0) {
    std::optional<uint16_t> port_number =
        port.has_value() ? NumericPort(*port) : std::optional<uint16_t>(0);
    if (port_number.has_value()) {
      std::optional<SocketAddress> address =
          FastAddress(host, hints, *port_number);
      std::vector<Record> records =
          address.has_value() ? FastRecords(hints) : std::vector<Record>{};
      if (!records.empty()) {
        std::vector<AddrInfo> out;
        out.reserve(records.size());
        for (const Record& r : records) {
          AddrInfo info;
          info.family = address->family();
          info.type = r.type;
          info.proto = r.proto;
          info.address = *address;
          out.push_back(std::move(info));
        }
        return out;
      }
    }
  }

  std::string host_text;
  std::string port_text;
  if (host.has_value()) host_text.assign(host->data(), host->size());
  if (port.has_value()) port_text.assign(port->data(), port->size());
  absl::StatusOr<std::vector<AddrInfo>> result =
      os.GetAddrInfo(host.has_value() ? host_text.c_str() : nullptr,
                     port.has_value() ? port_text.c_str() : nullptr, hints);
  if (!result.ok()) return result.status();
  if (result->empty()) {
    return MakeError(ErrorKind::kAddrInfoNoName, kGetAddrInfo, 0, "",
                     "no result of a family and type xsock models");
  }
  return result;
}

}  // namespace

bool NumericFastPathAvailable() { return kFastPathAvailable; }

absl::StatusOr<std::vector<AddrInfo>> GetAddrInfo(
    std::optional<std::string_view> host, std::optional<std::string_view> port,
    const AddrInfoHints& hints, const platform::Os& os) {
  return Resolve(host, port, hints, os);
}

absl::StatusOr<std::vector<AddrInfo>> GetAddrInfo(
    std::optional<std::string_view> host, int port, const AddrInfoHints& hints,
    const platform::Os& os) {
  if (port < 0 || port > 65535) {
    return InvalidArgument(kGetAddrInfo, "port", "must be 0-65535");
  }
  const std::string text = std::to_string(port);
  return Resolve(host, std::string_view(text), hints, os);
}

absl::StatusOr<NameInfo> GetNameInfo(const SocketAddress& address,
                                     uint32_t flags, const platform::Os& os) {
  if (!address.is_inet()) {
    return InvalidArgument("getnameinfo", "address",
                           "not an AF_INET or AF_INET6 address");
  }
  if ((flags & ~kAllNiFlags) != 0) {
    return InvalidArgument("getnameinfo", "flags", "unknown NI_* flag bits");
  }
  return os.GetNameInfo(address, flags);
}

absl::StatusOr<std::string> GetHostName(const platform::Os& os) {
  return os.GetHostName();
}

absl::StatusOr<std::string> GetHostByName(std::string_view name,
                                          const platform::Os& os) {
  if (absl::Status s = CheckNoNul("gethostbyname", "host", name); !s.ok()) {
    return s;
  }
  if (name.empty()) return std::string("0.0.0.0");
  if (name == "<broadcast>") return std::string("255.255.255.255");
  AddrInfoHints hints;
  hints.family = Family::kInet;
  absl::StatusOr<std::vector<AddrInfo>> result =
      Resolve(name, std::nullopt, hints, os);
  if (!result.ok()) return result.status();
  for (const AddrInfo& info : *result) {
    if (info.address.family() == Family::kInet) return info.address.host();
  }
  return MakeError(ErrorKind::kAddrInfoNoName, "gethostbyname", 0, "",
                   "no IPv4 address for this name");
}

namespace {

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

absl::StatusOr<HostEntry> GetHostByNameEx(std::string_view name,
                                          const platform::Os& os) {
  if (absl::Status s = CheckNoNul("gethostbyname_ex", "name", name);
      !s.ok()) {
    return s;
  }
  if (!name.empty() && name != "<broadcast>") {
    // As Python's setipaddr: the name must resolve to an IPv4 address first,
    // so an unknown name is an address-info error, not a host error.
    AddrInfoHints hints;
    hints.family = Family::kInet;
    absl::StatusOr<std::vector<AddrInfo>> resolved =
        Resolve(name, std::nullopt, hints, os);
    if (!resolved.ok()) return resolved.status();
  }
  const std::string text(name);
  return os.GetHostByName(text.c_str());
}

absl::StatusOr<HostEntry> GetHostByAddr(std::string_view ip_address,
                                        const platform::Os& os) {
  if (absl::Status s = CheckNoNul("gethostbyaddr", "ip_address", ip_address);
      !s.ok()) {
    return s;
  }
  SocketAddress address;
  // "", "<broadcast>" and an IPv4 literal: Python's rules for an AF_INET host.
  if (absl::StatusOr<SocketAddress> v4 =
          SocketAddress::ParseInet(ip_address, 0);
      v4.ok()) {
    address = *v4;
  } else if (auto v6 = ParseIPv6(ip_address)) {
    address = SocketAddress::Inet6(*v6, 0);
  } else {
    absl::StatusOr<std::vector<AddrInfo>> resolved =
        Resolve(ip_address, std::nullopt, AddrInfoHints(), os);
    if (!resolved.ok()) return resolved.status();
    address = resolved->front().address;  // port 0: no port was given
  }
  return os.GetHostByAddr(address);
}

absl::StatusOr<int> GetProtoByName(std::string_view name,
                                   const platform::Os& os) {
  if (absl::Status s = CheckNoNul("getprotobyname", "name", name); !s.ok()) {
    return s;
  }
  const std::string text(name);
  return os.GetProtoByName(text.c_str());
}

absl::StatusOr<uint16_t> GetServByName(std::string_view name,
                                       std::string_view proto,
                                       const platform::Os& os) {
  constexpr std::string_view kCall = "getservbyname";
  if (absl::Status s = CheckNoNul(kCall, "name", name); !s.ok()) return s;
  if (absl::Status s = CheckNoNul(kCall, "proto", proto); !s.ok()) return s;
  if (name.empty() || AllDigits(name)) {
    return MakeError(ErrorKind::kNotFound, kCall, 0, "",
                     "service/proto not found");
  }
  const std::string name_text(name);
  const std::string proto_text(proto);
  return os.GetServByName(name_text.c_str(),
                          proto.empty() ? nullptr : proto_text.c_str());
}

absl::StatusOr<std::string> GetServByPort(int port, std::string_view proto,
                                          const platform::Os& os) {
  constexpr std::string_view kCall = "getservbyport";
  if (port < 0 || port > 65535) {
    return InvalidArgument(kCall, "port", "must be 0-65535");
  }
  if (absl::Status s = CheckNoNul(kCall, "proto", proto); !s.ok()) return s;
  const std::string proto_text(proto);
  return os.GetServByPort(static_cast<uint16_t>(port),
                          proto.empty() ? nullptr : proto_text.c_str());
}

bool HasIpv6(const platform::Os& os) {
  return os.Supports(platform::Capability::kIpv6);
}

std::string GetFqdn(std::string_view name, const platform::Os& os) {
  std::string current(absl::StripAsciiWhitespace(name));
  if (current.empty() || current == "0.0.0.0" || current == "::") {
    absl::StatusOr<std::string> host = os.GetHostName();
    if (!host.ok()) return current;
    current = *host;
  }
  absl::StatusOr<HostEntry> entry = GetHostByAddr(current, os);
  if (!entry.ok()) return current;
  if (entry->name.find('.') != std::string::npos) return entry->name;
  for (const std::string& alias : entry->aliases) {
    if (alias.find('.') != std::string::npos) return alias;
  }
  return entry->name;
}

}  // namespace xsock
