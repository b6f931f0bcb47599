// core/address.h
//
// SocketAddress: one value type for every address family xsock speaks:
//   IPv4      (host, port)                       Python: ('1.2.3.4', 80)
//   IPv6      (host, port, flowinfo, scope_id)   Python: ('::1', 80, 0, 0)
//   AF_UNIX   filesystem path, or a Linux abstract name (leading NUL byte),
//             or unnamed (empty: unbound sockets and autobind)
//   Netlink   (pid, groups)
//   TIPC      (addr_type, v1, v2, v3, scope)
// The value is fixed-size and trivially copyable (no heap), so passing and
// returning addresses never allocates. Conversion to and from the native
// sockaddr structures happens in the backends (platform/).
//
// Parsing here is numeric only: host names are resolved by api/ (resolver).
// No OS headers, no system calls.

#ifndef XSOCK_CORE_ADDRESS_H_
#define XSOCK_CORE_ADDRESS_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "core/types.h"

namespace xsock {

// kMaxUnixPathBytes is the largest AF_UNIX name SocketAddress stores: the
// largest sun_path of any supported OS (108 on Linux and Windows). A backend
// with a smaller sun_path rejects longer names (it never truncates).
inline constexpr size_t kMaxUnixPathBytes = 108;

// kMaxFlowInfo is the largest IPv6 flow label (20 bits).
inline constexpr uint32_t kMaxFlowInfo = 0xFFFFF;

// TIPC address types (Python: TIPC_ADDR_NAMESEQ, TIPC_ADDR_NAME, TIPC_ADDR_ID).
enum class TipcAddrType : uint8_t {
  kNameSeq = 1,  // (type, lower, upper)
  kName = 2,     // (type, instance, domain)
  kId = 3,       // (ref, node, unused)
};

class SocketAddress {
 public:
  // SocketAddress() is the "no address" value: family() == Family::kUnspec.
  SocketAddress() = default;

  // Inet4 builds an IPv4 address from 4 bytes in network order and a port.
  static SocketAddress Inet4(const std::array<uint8_t, 4>& ip, uint16_t port);

  // Inet6 builds an IPv6 address from 16 bytes in network order. flowinfo is
  // masked to 20 bits; use ParseInet6 for a checked version.
  static SocketAddress Inet6(const std::array<uint8_t, 16>& ip, uint16_t port,
                             uint32_t flowinfo = 0, uint32_t scope_id = 0);

  // ParseInet parses a numeric IPv4 host and a port, as Python's AF_INET
  // (host, port) tuple does without name resolution:
  //   ""            -> 0.0.0.0 (INADDR_ANY)
  //   "<broadcast>" -> 255.255.255.255 (INADDR_BROADCAST)
  //   dotted quad   -> that address (strict: four decimal parts 0..255)
  // Errors: kInvalidArgument naming "host" (not a numeric IPv4 address) or
  // "port" (outside 0..65535).
  static absl::StatusOr<SocketAddress> ParseInet(std::string_view host,
                                                 int port);

  // ParseInet6 parses a numeric IPv6 host ("" -> "::") with port, flowinfo
  // and scope_id. Errors: kInvalidArgument naming "host", "port" or
  // "flowinfo" (above 0xFFFFF).
  static absl::StatusOr<SocketAddress> ParseInet6(std::string_view host,
                                                  int port,
                                                  uint32_t flowinfo = 0,
                                                  uint32_t scope_id = 0);

  // Unix builds an AF_UNIX address. A name starting with a NUL byte is a
  // Linux abstract name (kept byte for byte, no terminator); an empty name is
  // the unnamed address (bind("") autobinds on Linux). A path may not contain
  // NUL bytes. Errors: kInvalidArgument naming "path" when it is longer than
  // kMaxUnixPathBytes - 1 bytes (a path needs its terminator), an abstract
  // name longer than kMaxUnixPathBytes, or a path with an embedded NUL.
  static absl::StatusOr<SocketAddress> Unix(std::string_view path);

  // Netlink builds an AF_NETLINK address (pid 0 lets the kernel choose).
  static SocketAddress Netlink(uint32_t pid, uint32_t groups);

  // Tipc builds an AF_TIPC address; scope is TIPC_ZONE_SCOPE (1),
  // TIPC_CLUSTER_SCOPE (2) or TIPC_NODE_SCOPE (3).
  static SocketAddress Tipc(TipcAddrType type, uint32_t v1, uint32_t v2,
                            uint32_t v3, uint8_t scope = 0);

  Family family() const { return family_; }
  bool is_inet() const {
    return family_ == Family::kInet || family_ == Family::kInet6;
  }

  // IPv4 / IPv6.
  uint16_t port() const { return port_; }
  const std::array<uint8_t, 4> ipv4() const;
  const std::array<uint8_t, 16>& ipv6() const { return ip_; }
  uint32_t flowinfo() const { return a_; }
  uint32_t scope_id() const { return b_; }
  // host returns the numeric host text ("127.0.0.1", "::1"), "" otherwise.
  std::string host() const;
  // is_unspecified returns whether the IP is 0.0.0.0 or ::.
  bool is_unspecified() const;

  // AF_UNIX: the name bytes (abstract names include the leading NUL).
  std::string_view unix_path() const {
    return std::string_view(path_, path_len_);
  }
  bool is_abstract() const {
    return family_ == Family::kUnix && path_len_ > 0 && path_[0] == '\0';
  }

  // Netlink.
  uint32_t netlink_pid() const { return a_; }
  uint32_t netlink_groups() const { return b_; }

  // TIPC.
  TipcAddrType tipc_type() const { return static_cast<TipcAddrType>(aux_); }
  uint32_t tipc_v1() const { return a_; }
  uint32_t tipc_v2() const { return b_; }
  uint32_t tipc_v3() const { return c_; }
  uint8_t tipc_scope() const { return scope_; }

  // ToString renders the address for messages and logs:
  // "127.0.0.1:80", "[::1%2]:80" (the %scope only when scope_id != 0),
  // "/tmp/s", "@abstract" (the leading NUL shown as @; in every AF_UNIX name
  // non-printable bytes appear as \xNN and a backslash as \\), "<unnamed>"
  // (empty AF_UNIX name), "netlink:pid/groups", "tipc:type/v1/v2/v3",
  // "<unspecified>" (the default value).
  std::string ToString() const;

  friend bool operator==(const SocketAddress& a, const SocketAddress& b);
  friend bool operator!=(const SocketAddress& a, const SocketAddress& b) {
    return !(a == b);
  }

 private:
  Family family_ = Family::kUnspec;
  uint16_t port_ = 0;
  uint8_t aux_ = 0;    // TIPC address type
  uint8_t scope_ = 0;  // TIPC scope
  uint32_t a_ = 0;     // flowinfo | netlink pid | tipc v1
  uint32_t b_ = 0;     // scope_id | netlink groups | tipc v2
  uint32_t c_ = 0;     // tipc v3
  std::array<uint8_t, 16> ip_{};  // IPv4 uses the first 4 bytes
  uint8_t path_len_ = 0;
  char path_[kMaxUnixPathBytes] = {};
};

}  // namespace xsock

#endif  // XSOCK_CORE_ADDRESS_H_
