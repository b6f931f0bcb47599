// api/socket_options.cc: the typed socket options (see socket_options.h).

#include "xsock/socket_options.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "api/internal/io_loop.h"
#include "core/error.h"
#include "core/inet.h"
#include "core/options.h"
#include "core/types.h"
#include "platform/os.h"
#include "xsock/socket.h"

namespace xsock {
namespace {

constexpr char kGet[] = "getsockopt";
constexpr char kSet[] = "setsockopt";

// kMaxLingerSeconds is the largest linger time every platform holds
// (Windows: a u_short).
constexpr int64_t kMaxLingerSeconds = 0xFFFF;

// OpenHandle returns the socket's handle, or the error every Socket method
// gives on a closed socket.
absl::StatusOr<NativeHandle> OpenHandle(const Socket& socket,
                                        std::string_view call) {
  const NativeHandle h = socket.Fileno();
  if (h == kInvalidHandle) return api_internal::SocketClosedError(call);
  return h;
}

absl::StatusOr<bool> GetBool(const Socket& socket, Option option) {
  absl::StatusOr<int> value = socket.GetOption(option);
  if (!value.ok()) return value.status();
  return *value != 0;
}

absl::Status SetBool(Socket& socket, Option option, bool on) {
  return socket.SetOption(option, on ? 1 : 0);
}

// ByFamily picks the AF_INET or the AF_INET6 form of an IP option for the
// socket; kInvalidArgument naming "socket" for another family (after the
// closed check, so a closed socket says so).
absl::StatusOr<Option> ByFamily(const Socket& socket, std::string_view call,
                                Option inet, Option inet6) {
  absl::StatusOr<NativeHandle> h = OpenHandle(socket, call);
  if (!h.ok()) return h.status();
  if (socket.family() == Family::kInet) return inet;
  if (socket.family() == Family::kInet6) return inet6;
  return InvalidArgument(call, "socket", "not an AF_INET or AF_INET6 socket");
}

// RequireFamily checks that the open socket is of `family`; kInvalidArgument
// naming "socket" ("not an AF_INET socket") for another family.
absl::Status RequireFamily(const Socket& socket, std::string_view call,
                           Family family) {
  absl::StatusOr<NativeHandle> h = OpenHandle(socket, call);
  if (!h.ok()) return h.status();
  if (socket.family() != family) {
    return InvalidArgument(call, "socket",
                           absl::StrCat("not an ", FamilyName(family),
                                        " socket"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::optional<absl::Duration>> GetTime(const Socket& socket,
                                                      Option option) {
  absl::StatusOr<NativeHandle> h = OpenHandle(socket, kGet);
  if (!h.ok()) return h.status();
  absl::StatusOr<absl::Duration> value = socket.os().GetTimeOption(*h, option);
  if (!value.ok()) return value.status();
  if (*value == absl::ZeroDuration()) return std::optional<absl::Duration>();
  return std::optional<absl::Duration>(*value);
}

absl::Status SetTime(Socket& socket, Option option,
                     std::optional<absl::Duration> timeout) {
  absl::StatusOr<NativeHandle> h = OpenHandle(socket, kSet);
  if (!h.ok()) return h.status();
  if (timeout.has_value() && (*timeout <= absl::ZeroDuration() ||
                              *timeout == absl::InfiniteDuration())) {
    return InvalidArgument(kSet, "timeout",
                           "must be positive and finite (nullopt for none)");
  }
  return socket.os().SetTimeOption(
      *h, option, timeout.value_or(absl::ZeroDuration()));
}

absl::Status SetBufferSize(Socket& socket, Option option, int size) {
  absl::StatusOr<NativeHandle> h = OpenHandle(socket, kSet);
  if (!h.ok()) return h.status();
  if (size <= 0) return InvalidArgument(kSet, "size", "must be positive");
  return socket.SetOption(option, size);
}

absl::Status SetHops(Socket& socket, Option inet, Option inet6, int ttl,
                     int min) {
  absl::StatusOr<Option> option = ByFamily(socket, kSet, inet, inet6);
  if (!option.ok()) return option.status();
  if (ttl < min || ttl > 255) {
    return InvalidArgument(kSet, "ttl",
                           min == 0 ? "outside 0..255" : "outside 1..255");
  }
  return socket.SetOption(*option, ttl);
}

// SetBytes passes `value` (an ip_mreq, ipv6_mreq or in_addr in the
// shared layout) to `option`.
absl::Status SetBytes(Socket& socket, Option option, std::string_view value) {
  absl::StatusOr<platform::NativeOption> native =
      socket.os().NativeOptionFor(option);
  if (!native.ok()) return native.status();
  return socket.SetSockOpt(native->level, native->name, value);
}

absl::Status MembershipV4(Socket& socket, Option option,
                          std::string_view group,
                          std::string_view interface_address) {
  absl::Status status = RequireFamily(socket, kSet, Family::kInet);
  if (!status.ok()) return status;
  std::optional<std::array<uint8_t, 4>> group_ip = ParseIPv4(group);
  if (!group_ip.has_value()) {
    return InvalidArgument(kSet, "group", "not a numeric IPv4 address");
  }
  if (((*group_ip)[0] & 0xF0) != 0xE0) {
    return InvalidArgument(kSet, "group",
                           "not a multicast address (224.0.0.0/4)");
  }
  std::optional<std::array<uint8_t, 4>> interface_ip =
      ParseIPv4(interface_address);
  if (!interface_ip.has_value()) {
    return InvalidArgument(kSet, "interface_address",
                           "not a numeric IPv4 address");
  }
  // struct ip_mreq: imr_multiaddr, imr_interface (network order).
  char mreq[8];
  std::memcpy(mreq, group_ip->data(), 4);
  std::memcpy(mreq + 4, interface_ip->data(), 4);
  return SetBytes(socket, option, std::string_view(mreq, sizeof(mreq)));
}

absl::Status MembershipV6(Socket& socket, Option option,
                          std::string_view group, uint32_t interface_index) {
  absl::Status status = RequireFamily(socket, kSet, Family::kInet6);
  if (!status.ok()) return status;
  std::optional<std::array<uint8_t, 16>> group_ip = ParseIPv6(group);
  if (!group_ip.has_value()) {
    return InvalidArgument(kSet, "group", "not a numeric IPv6 address");
  }
  if ((*group_ip)[0] != 0xFF) {
    return InvalidArgument(kSet, "group", "not a multicast address (ff00::/8)");
  }
  // struct ipv6_mreq: ipv6mr_multiaddr, ipv6mr_interface (host order).
  char mreq[20];
  std::memcpy(mreq, group_ip->data(), 16);
  std::memcpy(mreq + 16, &interface_index, sizeof(interface_index));
  return SetBytes(socket, option, std::string_view(mreq, sizeof(mreq)));
}

}  // namespace

absl::StatusOr<bool> GetReuseAddress(const Socket& socket) {
  return GetBool(socket, Option::kReuseAddr);
}
absl::Status SetReuseAddress(Socket& socket, bool on) {
  return SetBool(socket, Option::kReuseAddr, on);
}

absl::StatusOr<bool> GetReusePort(const Socket& socket) {
  return GetBool(socket, Option::kReusePort);
}
absl::Status SetReusePort(Socket& socket, bool on) {
  return SetBool(socket, Option::kReusePort, on);
}

absl::StatusOr<bool> GetKeepAlive(const Socket& socket) {
  return GetBool(socket, Option::kKeepAlive);
}
absl::Status SetKeepAlive(Socket& socket, bool on) {
  return SetBool(socket, Option::kKeepAlive, on);
}

absl::StatusOr<bool> GetBroadcast(const Socket& socket) {
  return GetBool(socket, Option::kBroadcast);
}
absl::Status SetBroadcast(Socket& socket, bool on) {
  return SetBool(socket, Option::kBroadcast, on);
}

absl::StatusOr<std::optional<absl::Duration>> GetLinger(const Socket& socket) {
  absl::StatusOr<NativeHandle> h = OpenHandle(socket, kGet);
  if (!h.ok()) return h.status();
  absl::StatusOr<platform::Linger> value = socket.os().GetLinger(*h);
  if (!value.ok()) return value.status();
  if (!value->on) return std::optional<absl::Duration>();
  return std::optional<absl::Duration>(absl::Seconds(value->seconds));
}

absl::Status SetLinger(Socket& socket, std::optional<absl::Duration> linger) {
  absl::StatusOr<NativeHandle> h = OpenHandle(socket, kSet);
  if (!h.ok()) return h.status();
  platform::Linger value;
  if (linger.has_value()) {
    if (*linger < absl::ZeroDuration()) {
      return InvalidArgument(kSet, "linger", "negative");
    }
    if (*linger > absl::Seconds(kMaxLingerSeconds)) {
      return InvalidArgument(kSet, "linger",
                             "more than 65535 seconds (the largest every "
                             "platform holds)");
    }
    absl::Duration rest;
    const int64_t seconds =
        absl::IDivDuration(*linger, absl::Seconds(1), &rest);
    if (rest != absl::ZeroDuration()) {
      return InvalidArgument(kSet, "linger", "not a whole number of seconds");
    }
    value.on = true;
    value.seconds = static_cast<int>(seconds);
  }
  return socket.os().SetLinger(*h, value);
}

absl::StatusOr<int> GetReceiveBufferSize(const Socket& socket) {
  return socket.GetOption(Option::kRcvBuf);
}
absl::Status SetReceiveBufferSize(Socket& socket, int size) {
  return SetBufferSize(socket, Option::kRcvBuf, size);
}
absl::StatusOr<int> GetSendBufferSize(const Socket& socket) {
  return socket.GetOption(Option::kSndBuf);
}
absl::Status SetSendBufferSize(Socket& socket, int size) {
  return SetBufferSize(socket, Option::kSndBuf, size);
}

absl::StatusOr<std::optional<absl::Duration>> GetReceiveTimeout(
    const Socket& socket) {
  return GetTime(socket, Option::kRcvTimeo);
}
absl::Status SetReceiveTimeout(Socket& socket,
                               std::optional<absl::Duration> timeout) {
  return SetTime(socket, Option::kRcvTimeo, timeout);
}
absl::StatusOr<std::optional<absl::Duration>> GetSendTimeout(
    const Socket& socket) {
  return GetTime(socket, Option::kSndTimeo);
}
absl::Status SetSendTimeout(Socket& socket,
                            std::optional<absl::Duration> timeout) {
  return SetTime(socket, Option::kSndTimeo, timeout);
}

absl::StatusOr<bool> GetNoDelay(const Socket& socket) {
  return GetBool(socket, Option::kTcpNoDelay);
}
absl::Status SetNoDelay(Socket& socket, bool on) {
  return SetBool(socket, Option::kTcpNoDelay, on);
}

absl::StatusOr<bool> GetV6Only(const Socket& socket) {
  absl::Status status = RequireFamily(socket, kGet, Family::kInet6);
  if (!status.ok()) return status;
  return GetBool(socket, Option::kIpv6V6Only);
}
absl::Status SetV6Only(Socket& socket, bool on) {
  absl::Status status = RequireFamily(socket, kSet, Family::kInet6);
  if (!status.ok()) return status;
  return SetBool(socket, Option::kIpv6V6Only, on);
}

absl::StatusOr<int> GetTtl(const Socket& socket) {
  absl::StatusOr<Option> option =
      ByFamily(socket, kGet, Option::kIpTtl, Option::kIpv6UnicastHops);
  if (!option.ok()) return option.status();
  return socket.GetOption(*option);
}
absl::Status SetTtl(Socket& socket, int ttl) {
  return SetHops(socket, Option::kIpTtl, Option::kIpv6UnicastHops, ttl,
                 /*min=*/1);
}

absl::StatusOr<int> GetMulticastTtl(const Socket& socket) {
  absl::StatusOr<Option> option = ByFamily(
      socket, kGet, Option::kIpMulticastTtl, Option::kIpv6MulticastHops);
  if (!option.ok()) return option.status();
  return socket.GetOption(*option);
}
absl::Status SetMulticastTtl(Socket& socket, int ttl) {
  return SetHops(socket, Option::kIpMulticastTtl, Option::kIpv6MulticastHops,
                 ttl, /*min=*/0);
}

absl::StatusOr<bool> GetMulticastLoop(const Socket& socket) {
  absl::StatusOr<Option> option = ByFamily(
      socket, kGet, Option::kIpMulticastLoop, Option::kIpv6MulticastLoop);
  if (!option.ok()) return option.status();
  return GetBool(socket, *option);
}
absl::Status SetMulticastLoop(Socket& socket, bool on) {
  absl::StatusOr<Option> option = ByFamily(
      socket, kSet, Option::kIpMulticastLoop, Option::kIpv6MulticastLoop);
  if (!option.ok()) return option.status();
  return SetBool(socket, *option, on);
}

absl::StatusOr<std::string> GetMulticastInterfaceV4(const Socket& socket) {
  absl::Status status = RequireFamily(socket, kGet, Family::kInet);
  if (!status.ok()) return status;
  absl::StatusOr<platform::NativeOption> native =
      socket.os().NativeOptionFor(Option::kIpMulticastIf);
  if (!native.ok()) return native.status();
  absl::StatusOr<std::string> raw =
      socket.GetSockOpt(native->level, native->name, 4);
  if (!raw.ok()) return raw.status();
  if (raw->size() != 4) {
    return MakeError(ErrorKind::kUnknown, kGet, 0, "",
                     "IP_MULTICAST_IF: the OS returned " +
                         std::to_string(raw->size()) + " bytes, not 4");
  }
  std::array<uint8_t, 4> ip;
  std::memcpy(ip.data(), raw->data(), 4);
  return FormatIPv4(ip);
}

absl::Status SetMulticastInterfaceV4(Socket& socket,
                                     std::string_view interface_address) {
  absl::Status status = RequireFamily(socket, kSet, Family::kInet);
  if (!status.ok()) return status;
  std::optional<std::array<uint8_t, 4>> ip = ParseIPv4(interface_address);
  if (!ip.has_value()) {
    return InvalidArgument(kSet, "interface_address",
                           "not a numeric IPv4 address");
  }
  return SetBytes(
      socket, Option::kIpMulticastIf,
      std::string_view(reinterpret_cast<const char*>(ip->data()), ip->size()));
}

absl::StatusOr<uint32_t> GetMulticastInterfaceV6(const Socket& socket) {
  absl::Status status = RequireFamily(socket, kGet, Family::kInet6);
  if (!status.ok()) return status;
  absl::StatusOr<int> index = socket.GetOption(Option::kIpv6MulticastIf);
  if (!index.ok()) return index.status();
  return static_cast<uint32_t>(*index);
}

absl::Status SetMulticastInterfaceV6(Socket& socket,
                                     uint32_t interface_index) {
  absl::Status status = RequireFamily(socket, kSet, Family::kInet6);
  if (!status.ok()) return status;
  return socket.SetOption(Option::kIpv6MulticastIf,
                          static_cast<int>(interface_index));
}

absl::Status JoinMulticastV4(Socket& socket, std::string_view group,
                             std::string_view interface_address) {
  return MembershipV4(socket, Option::kIpAddMembership, group,
                      interface_address);
}
absl::Status LeaveMulticastV4(Socket& socket, std::string_view group,
                              std::string_view interface_address) {
  return MembershipV4(socket, Option::kIpDropMembership, group,
                      interface_address);
}

absl::Status JoinMulticastV6(Socket& socket, std::string_view group,
                             uint32_t interface_index) {
  return MembershipV6(socket, Option::kIpv6JoinGroup, group, interface_index);
}
absl::Status LeaveMulticastV6(Socket& socket, std::string_view group,
                              uint32_t interface_index) {
  return MembershipV6(socket, Option::kIpv6LeaveGroup, group,
                      interface_index);
}

}  // namespace xsock
