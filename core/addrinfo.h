// core/addrinfo.h
//
// Portable vocabulary of name resolution: the hints and typed results of
// getaddrinfo, the AI_* / NI_* flag bits, and the host database entry of
// gethostbyname_ex / gethostbyaddr. The values are xsock's own; each
// backend translates them to its C library's (or Winsock's) in one place and
// maps EAI_* codes onto ErrorKinds of ErrorClass::kAddressInfo.
//
// No OS headers, no system calls.

#ifndef XSOCK_CORE_ADDRINFO_H_
#define XSOCK_CORE_ADDRINFO_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/address.h"
#include "core/types.h"

namespace xsock {

// AiFlags are getaddrinfo's AI_* flags as portable bits.
enum AiFlags : uint32_t {
  kAiPassive = 1u << 0,      // AI_PASSIVE: wildcard address when host is null
  kAiCanonName = 1u << 1,    // AI_CANONNAME: fill the first result's canonname
  kAiNumericHost = 1u << 2,  // AI_NUMERICHOST: host must be numeric, no DNS
  kAiNumericServ = 1u << 3,  // AI_NUMERICSERV: service must be a port number
  kAiAddrConfig = 1u << 4,   // AI_ADDRCONFIG
  kAiV4Mapped = 1u << 5,     // AI_V4MAPPED
  kAiAll = 1u << 6,          // AI_ALL
};
inline constexpr uint32_t kAllAiFlags = (1u << 7) - 1;

// NiFlags are getnameinfo's NI_* flags as portable bits.
enum NiFlags : uint32_t {
  kNiNumericHost = 1u << 0,  // NI_NUMERICHOST
  kNiNumericServ = 1u << 1,  // NI_NUMERICSERV
  kNiNameReqd = 1u << 2,     // NI_NAMEREQD
  kNiNoFqdn = 1u << 3,       // NI_NOFQDN
  kNiDgram = 1u << 4,        // NI_DGRAM
};
inline constexpr uint32_t kAllNiFlags = (1u << 5) - 1;

// AddrInfoHints filters getaddrinfo's results (Python: the family, type,
// proto and flags arguments). Unset type and proto match any.
struct AddrInfoHints {
  Family family = Family::kUnspec;
  std::optional<Type> type;
  int proto = 0;
  uint32_t flags = 0;  // AiFlags bits
};

// AddrInfo is one getaddrinfo result (Python: the 5-tuple (family, type,
// proto, canonname, sockaddr)).
struct AddrInfo {
  Family family = Family::kUnspec;
  Type type = Type::kStream;
  int proto = 0;
  std::string canonname;  // empty unless requested (first result only)
  SocketAddress address;

  // ToString renders the record for messages and logs:
  // "AF_INET SOCK_STREAM proto 6 '' 127.0.0.1:80".
  std::string ToString() const;

  friend bool operator==(const AddrInfo& a, const AddrInfo& b) {
    return a.family == b.family && a.type == b.type && a.proto == b.proto &&
           a.canonname == b.canonname && a.address == b.address;
  }
  friend bool operator!=(const AddrInfo& a, const AddrInfo& b) {
    return !(a == b);
  }
};

// NameInfo is getnameinfo's result (Python: (host, port)).
struct NameInfo {
  std::string host;
  std::string service;
};

// HostEntry is a host database entry, the result of gethostbyname_ex and
// gethostbyaddr (Python: the 3-tuple (hostname, aliaslist, ipaddrlist)). The
// addresses are IPv4 or IPv6 addresses with port 0, in the order the system
// listed them.
struct HostEntry {
  std::string name;
  std::vector<std::string> aliases;
  std::vector<SocketAddress> addresses;

  // ToString renders the entry for messages and logs:
  // "'localhost' ['ip6-localhost'] [127.0.0.1, ::1]" (hosts without port).
  std::string ToString() const;

  friend bool operator==(const HostEntry& a, const HostEntry& b) {
    return a.name == b.name && a.aliases == b.aliases &&
           a.addresses == b.addresses;
  }
  friend bool operator!=(const HostEntry& a, const HostEntry& b) {
    return !(a == b);
  }
};

}  // namespace xsock

#endif  // XSOCK_CORE_ADDRINFO_H_
