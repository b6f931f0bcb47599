// platform/internal/translate.h (internal to the backends in platform/)
//
// The lookups over a backend's portable -> native tables, written once for
// the POSIX and the Windows backend (platform/posix/translate.cc,
// platform/windows/translate.cc). The tables themselves stay in each
// backend, since they hold native values; the templates here take them as
// arrays, check at compile time that they have one entry per portable value,
// and look values up. A native value of -1 means the platform lacks it.
// Includes no OS header.

#ifndef XSOCK_PLATFORM_INTERNAL_TRANSLATE_H_
#define XSOCK_PLATFORM_INTERNAL_TRANSLATE_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/error.h"
#include "core/options.h"
#include "core/types.h"
#include "platform/os.h"

namespace xsock {
namespace platform {
namespace internal {

// kTableSize<Enum> is the size of a table indexed by the value of Enum
// (Family, Type or ShutdownHow), entry 0 included.
template <typename Enum>
inline constexpr size_t kTableSize = 0;
template <>
inline constexpr size_t kTableSize<Family> =
    static_cast<size_t>(Family::kTipc) + 1;
template <>
inline constexpr size_t kTableSize<Type> = static_cast<size_t>(Type::kRdm) + 1;
template <>
inline constexpr size_t kTableSize<ShutdownHow> =
    static_cast<size_t>(ShutdownHow::kBoth) + 1;

// IsValid returns whether `value` is one of its enumeration's values.
constexpr bool IsValid(Family value) { return IsValidFamily(value); }
constexpr bool IsValid(Type value) { return IsValidType(value); }
constexpr bool IsValid(ShutdownHow value) { return IsValidShutdownHow(value); }

// OptionEntry is one row of a backend's option table, which is indexed by
// Option value: the native (level, name) of `option`, level -1 where the
// platform lacks the option.
struct OptionEntry {
  Option option;
  int level;
  int name;
};

// IndexOf returns the index of native value `value` in a table indexed by
// portable value (entry 0 and missing entries, -1, never match), or -1.
template <size_t N>
int IndexOf(const int (&table)[N], int value) {
  if (value < 0) return -1;
  for (size_t i = 1; i < N; ++i) {
    if (table[i] == value) return static_cast<int>(i);
  }
  return -1;
}

// NativeValue returns the entry of `value` in `table`, the native values
// indexed by the value of Enum (Family -> AF_*, Type -> SOCK_*,
// ShutdownHow -> SHUT_* / SD_*): -1 where the platform lacks it, and -1 for
// a value outside the enumeration.
template <typename Enum, size_t N>
int NativeValue(const int (&table)[N], Enum value) {
  static_assert(N == kTableSize<Enum>, "one native entry per enumerator");
  if (!IsValid(value)) return -1;
  return table[static_cast<int>(value)];
}

// PortableValue sets *value to the Family or Type whose entry in `table` is
// `native`; false if there is none. Entry 0 never matches (kUnspec for
// families, no type for types).
template <typename Enum, size_t N>
bool PortableValue(const int (&table)[N], int native, Enum* value) {
  static_assert(N == kTableSize<Enum>, "one native entry per enumerator");
  static_assert(!std::is_same_v<Enum, ShutdownHow>,
                "entry 0 of a ShutdownHow table is a value (kRead)");
  int i = IndexOf(table, native);
  if (i < 0) return false;
  *value = static_cast<Enum>(i);
  return true;
}

// NativeMsgFlags converts `flags` to native bits in *native with `table`,
// one entry per MsgFlags bit; an entry has the bit (`flag`), its `name`
// ("MSG_TRUNC") and, through `native_of(entry)`, its native value (-1: the
// platform lacks it); `flags` has known bits only (api/ checks). Returns
// OK; kUnimplemented naming the first flag the platform lacks, with `call`
// and `backend` in the message. Does not allocate on success.
template <typename Entry, size_t N, typename NativeOf>
absl::Status NativeMsgFlags(const Entry (&table)[N], const NativeOf& native_of,
                            MsgFlags flags, std::string_view call,
                            std::string_view backend, int* native) {
  static_assert(N == 7 && kAllMsgFlags == (1u << 7) - 1,
                "one native entry per MsgFlags bit");
  uint32_t bits = static_cast<uint32_t>(flags);
  int out = 0;
  if (bits != 0) {
    for (const Entry& e : table) {
      if (!HasFlag(flags, e.flag)) continue;
      const int value = native_of(e);
      if (value < 0) return Unimplemented(call, e.name, backend);
      out |= value;
    }
  }
  *native = out;
  return absl::OkStatus();
}

// OptionsInOrder returns whether every entry of `options` sits at the index
// of its Option value (for a static_assert next to the table).
template <size_t N>
constexpr bool OptionsInOrder(const OptionEntry (&options)[N]) {
  for (size_t i = 0; i < N; ++i) {
    if (static_cast<size_t>(options[i].option) != i) return false;
  }
  return true;
}

// NativeOptionFor maps `option` to its (level, name) in `options`;
// kUnimplemented naming the option (e.g. "SO_REUSEPORT") where the platform
// lacks it; kInvalidArgument naming "option" for a value outside the
// enumeration.
template <size_t N>
absl::StatusOr<NativeOption> NativeOptionFor(const OptionEntry (&options)[N],
                                             Option option,
                                             std::string_view backend) {
  static_assert(N == static_cast<size_t>(kOptionCount),
                "one native entry per Option");
  int i = static_cast<int>(option);
  const OptionInfo* info = GetOptionInfo(option);
  if (i < 0 || i >= kOptionCount || info == nullptr) {
    return InvalidArgument("sockopt", "option", "unknown option");
  }
  const OptionEntry& e = options[i];
  if (e.level < 0) return Unimplemented("sockopt", info->name, backend);
  return NativeOption{e.level, e.name};
}

// MembershipLayoutsArePortable says whether the platform's ip_mreq and
// ipv6_mreq have the layout api/ builds membership values in (OptionShape
// kIpMreq / kIpv6Mreq, core/options.h): two 4-byte in_addr, and a 16-byte
// in6_addr followed by a 32-bit interface index. Each backend asserts it.
template <typename IpMreq, typename Ipv6Mreq>
constexpr bool MembershipLayoutsArePortable() {
  return sizeof(IpMreq) == 8 && offsetof(IpMreq, imr_interface) == 4 &&
         sizeof(Ipv6Mreq) == 20 && offsetof(Ipv6Mreq, ipv6mr_interface) == 16 &&
         sizeof(Ipv6Mreq::ipv6mr_interface) == 4;
}

// TimeOptionFor maps `option` for the backend's GetTimeOption /
// SetTimeOption: kRcvTimeo or kSndTimeo through `os`'s own option table;
// any other option is kInvalidArgument naming "option" for `call`.
inline absl::StatusOr<NativeOption> TimeOptionFor(const Os& os, Option option,
                                                  std::string_view call) {
  if (option != Option::kRcvTimeo && option != Option::kSndTimeo) {
    return InvalidArgument(call, "option", "not SO_RCVTIMEO or SO_SNDTIMEO");
  }
  return os.NativeOptionFor(option);
}

}  // namespace internal
}  // namespace platform
}  // namespace xsock

#endif  // XSOCK_PLATFORM_INTERNAL_TRANSLATE_H_
