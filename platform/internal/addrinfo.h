// platform/internal/addrinfo.h (internal to the backends in platform/)
//
// The resolver logic the POSIX and the Windows backend share, written once
// as templates over the native structures: the portable AI_* / NI_* bits ->
// native flags, the portable hints -> native (family, socktype, flags), the
// walk over getaddrinfo's result list into typed AddrInfo values, and the
// status of an EAI code. Each backend keeps its own tables (native values)
// and passes them in, with its Family/Type translations and its sockaddr
// decoding. Also the conversion of a host entry (struct hostent, whose
// layout POSIX and Winsock share) into a HostEntry. Includes no OS header.
//
// Rules (reference: python-socket-behaviour.md 1r, 2.8, 2.10;
// platform-quirks RES-03):
//   - A Type the hints leave unset is socktype 0 (any); kUnspec is family 0.
//   - Results keep the OS's order. A result whose family or type xsock does
//     not model, or whose address does not decode, is dropped.
//   - canonname is copied only where the OS filled it.
//   - An EAI code is looked up in the backend's one EAI table; a code the
//     table does not list is ErrorKind::kAddressInfo keeping the code.

#ifndef XSOCK_PLATFORM_INTERNAL_ADDRINFO_H_
#define XSOCK_PLATFORM_INTERNAL_ADDRINFO_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/addrinfo.h"
#include "core/address.h"
#include "core/error.h"
#include "core/types.h"
#include "platform/internal/errors.h"

namespace xsock {
namespace platform {
namespace internal {

// ResolverFlagEntry is one row of a backend's AI_* or NI_* table: portable
// bit `flag` (AiFlags / NiFlags), its `name` ("AI_V4MAPPED") and its native
// value (-1: the platform lacks it).
struct ResolverFlagEntry {
  uint32_t flag;
  std::string_view name;
  int native;
};

// NativeResolverFlags converts portable bits `flags` (known bits only: api/
// checks) to native bits in *native with `table` (one row per bit). Errors:
// kUnimplemented naming the first flag the platform lacks, with `call` and
// `backend` in the message.
template <size_t N>
absl::Status NativeResolverFlags(const ResolverFlagEntry (&table)[N],
                                 uint32_t flags, std::string_view call,
                                 std::string_view backend, int* native) {
  int out = 0;
  for (const ResolverFlagEntry& e : table) {
    if ((flags & e.flag) == 0) continue;
    if (e.native < 0) return Unimplemented(call, e.name, backend);
    out |= e.native;
  }
  *native = out;
  return absl::OkStatus();
}

// NativeAddrInfoHints are the translated hints: the fields of the native
// addrinfo the backend fills in.
struct NativeAddrInfoHints {
  int family = 0;    // AF_UNSPEC for kUnspec
  int socktype = 0;  // 0 when the hints leave the type unset
  int protocol = 0;
  int flags = 0;
};

// TranslateHints converts `hints` with the backend's AI_* table and its
// Family -> AF_* (`native_family`, -1: missing) and Type -> SOCK_*
// (`native_type`, -1: missing) translations. Errors: kFamilyNotSupported or
// kTypeNotSupported naming the value the platform lacks; those of
// NativeResolverFlags.
template <size_t N, typename NativeFamilyFn, typename NativeTypeFn>
absl::Status TranslateHints(const AddrInfoHints& hints,
                            const ResolverFlagEntry (&ai_flags)[N],
                            const NativeFamilyFn& native_family,
                            const NativeTypeFn& native_type,
                            std::string_view backend,
                            NativeAddrInfoHints* out) {
  static_assert(N == 7 && kAllAiFlags == (1u << 7) - 1,
                "one native entry per AiFlags bit");
  constexpr std::string_view kCall = "getaddrinfo";
  out->family = 0;
  if (hints.family != Family::kUnspec) {
    out->family = native_family(hints.family);
    if (out->family < 0) {
      return UnsupportedFamily(kCall, hints.family, backend);
    }
  }
  out->socktype = 0;
  if (hints.type.has_value()) {
    out->socktype = native_type(*hints.type);
    if (out->socktype < 0) return UnsupportedType(kCall, *hints.type, backend);
  }
  out->protocol = hints.proto;
  return NativeResolverFlags(ai_flags, hints.flags, kCall, backend,
                             &out->flags);
}

// UntypedResult is what a result without a socket type (ai_socktype 0, as
// Windows reports when the hints leave the type unset) stands for: one
// AddrInfo of `type` and `protocol` each.
struct UntypedResult {
  Type type;
  int protocol;
};

// ConvertAddrInfoList walks the native result list starting at `list`
// (a `NativeAddrInfo`, i.e. struct addrinfo / ADDRINFOA: ai_family,
// ai_socktype, ai_protocol, ai_canonname, ai_addr, ai_addrlen, ai_next) and
// returns the typed results in order. `portable_family(int, Family*)` and
// `portable_type(int, Type*)` are the backend's reverse translations,
// `decode(const NativeAddrInfo&)` its sockaddr decoding (a
// StatusOr<SocketAddress>). A result with ai_socktype 0 becomes one result
// per entry of `untyped` whose protocol matches (or any, when ai_protocol is
// 0); with no entries it is dropped like any type xsock does not model.
template <typename NativeAddrInfo, typename PortableFamilyFn,
          typename PortableTypeFn, typename DecodeFn>
std::vector<AddrInfo> ConvertAddrInfoList(
    const NativeAddrInfo* list, const PortableFamilyFn& portable_family,
    const PortableTypeFn& portable_type, const DecodeFn& decode,
    const UntypedResult* untyped = nullptr, size_t untyped_count = 0) {
  std::vector<AddrInfo> out;
  for (const NativeAddrInfo* ai = list; ai != nullptr; ai = ai->ai_next) {
    Family family;
    if (ai->ai_addr == nullptr || !portable_family(ai->ai_family, &family)) {
      continue;
    }
    absl::StatusOr<SocketAddress> address = decode(*ai);
    if (!address.ok() || address->family() != family) continue;
    AddrInfo info;
    info.family = family;
    info.proto = ai->ai_protocol;
    info.address = *address;
    if (ai->ai_canonname != nullptr) info.canonname = ai->ai_canonname;
    if (ai->ai_socktype == 0) {
      for (size_t i = 0; i < untyped_count; ++i) {
        if (ai->ai_protocol != 0 && ai->ai_protocol != untyped[i].protocol) {
          continue;
        }
        AddrInfo typed = info;
        typed.type = untyped[i].type;
        typed.proto = untyped[i].protocol;
        out.push_back(std::move(typed));
      }
      continue;
    }
    if (!portable_type(ai->ai_socktype, &info.type)) continue;
    out.push_back(std::move(info));
  }
  return out;
}

// AddrInfoError returns the status of EAI code `code` that `call`
// ("getaddrinfo", "getnameinfo") returned: the kind `eai_table` lists for
// it, ErrorKind::kAddressInfo (keeping the code) for a code it does not
// list. The code is labelled `label` ("EAI", "WSA"); the message is
// `text()` when it is not empty, else the kind's text. Error path: it
// allocates.
template <size_t N, typename TextFn>
absl::Status AddrInfoError(const NativeErrorEntry (&eai_table)[N], int code,
                           std::string_view call, std::string_view label,
                           const TextFn& text) {
  ErrorKind kind = KindOf(eai_table, code);
  if (kind == ErrorKind::kUnknown) kind = ErrorKind::kAddressInfo;
  return MakeError(kind, call, code, label, text());
}

// HostAddress is the raw form of an IPv4/IPv6 address that gethostbyaddr
// takes: the native family, the address bytes (network order) and their
// count (4 or 16).
struct HostAddress {
  int af = 0;
  std::array<uint8_t, 16> bytes{};
  int len = 0;
};

// HostAddressOf converts `addr` for gethostbyaddr, with the backend's AF_INET
// and AF_INET6 values. Errors: kInvalidArgument naming "address" (with
// `call`) for a family other than kInet and kInet6.
inline absl::StatusOr<HostAddress> HostAddressOf(const SocketAddress& addr,
                                                 int af_inet, int af_inet6,
                                                 std::string_view call) {
  HostAddress out;
  if (addr.family() == Family::kInet) {
    const std::array<uint8_t, 4> ip = addr.ipv4();
    for (size_t i = 0; i < ip.size(); ++i) out.bytes[i] = ip[i];
    out.af = af_inet;
    out.len = 4;
  } else if (addr.family() == Family::kInet6) {
    out.bytes = addr.ipv6();
    out.af = af_inet6;
    out.len = 16;
  } else {
    return InvalidArgument(call, "address",
                           "not an AF_INET or AF_INET6 address");
  }
  return out;
}

// kMaxHostEntryItems bounds the walk over a host entry's NULL-terminated
// alias and address lists.
inline constexpr size_t kMaxHostEntryItems = 4096;

// ConvertHostEntry converts a native host entry `h` (a `NativeHostEnt`, i.e.
// struct hostent / HOSTENT: h_name, h_aliases, h_addrtype, h_length,
// h_addr_list) into a HostEntry: the name, the aliases in order, and the
// addresses with port 0 when h_addrtype is `af_inet` (4-byte addresses) or
// `af_inet6` (16-byte addresses); addresses of another type or length are
// dropped. Each list is read up to kMaxHostEntryItems entries.
template <typename NativeHostEnt>
HostEntry ConvertHostEntry(const NativeHostEnt& h, int af_inet, int af_inet6) {
  HostEntry out;
  if (h.h_name != nullptr) out.name = h.h_name;
  if (h.h_aliases != nullptr) {
    for (size_t i = 0; i < kMaxHostEntryItems && h.h_aliases[i] != nullptr;
         ++i) {
      out.aliases.emplace_back(h.h_aliases[i]);
    }
  }
  if (h.h_addr_list == nullptr) return out;
  const bool v4 = h.h_addrtype == af_inet && h.h_length == 4;
  const bool v6 = h.h_addrtype == af_inet6 && h.h_length == 16;
  if (!v4 && !v6) return out;
  for (size_t i = 0; i < kMaxHostEntryItems && h.h_addr_list[i] != nullptr;
       ++i) {
    const unsigned char* bytes =
        reinterpret_cast<const unsigned char*>(h.h_addr_list[i]);
    if (v4) {
      out.addresses.push_back(SocketAddress::Inet4(
          {bytes[0], bytes[1], bytes[2], bytes[3]}, 0));
    } else {
      std::array<uint8_t, 16> ip;
      for (size_t j = 0; j < ip.size(); ++j) ip[j] = bytes[j];
      out.addresses.push_back(SocketAddress::Inet6(ip, 0));
    }
  }
  return out;
}

}  // namespace internal
}  // namespace platform
}  // namespace xsock

#endif  // XSOCK_PLATFORM_INTERNAL_ADDRINFO_H_
