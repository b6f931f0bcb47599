// platform/internal/capability_cache.h (internal to the backends in
// platform/)
//
// CapabilityCache: the answers of Os::Supports, probed on first use and kept
// for the life of the backend object, for the POSIX and the Windows backend
// alike. The probes themselves are the backend's. Includes no OS header.

#ifndef XSOCK_PLATFORM_INTERNAL_CAPABILITY_CACHE_H_
#define XSOCK_PLATFORM_INTERNAL_CAPABILITY_CACHE_H_

#include <array>
#include <mutex>

#include "platform/os.h"

namespace xsock {
namespace platform {
namespace internal {

// CapabilityCache is a backend's table of Capability answers, filled by one
// probe pass; a backend object holds one (mutable state behind const Os
// methods, thread-safe).
class CapabilityCache {
 public:
  // Get returns whether capability `c` is supported. The first call, from
  // any thread, calls `probe(capability)` for every Capability and keeps the
  // answers; later calls only read them. A value outside the enumeration is
  // false.
  template <typename Probe>
  bool Get(Capability c, const Probe& probe) const {
    std::call_once(once_, [this, &probe] {
      for (int i = 0;
           i <= static_cast<int>(Capability::kHandleCount) && i < kSlots; ++i) {
        values_[i] = probe(static_cast<Capability>(i));
      }
    });
    int i = static_cast<int>(c);
    if (i < 0 || i >= kSlots) return false;
    return values_[i];
  }

 private:
  static constexpr int kSlots = 32;

  mutable std::once_flag once_;
  mutable std::array<bool, kSlots> values_{};
};

}  // namespace internal
}  // namespace platform
}  // namespace xsock

#endif  // XSOCK_PLATFORM_INTERNAL_CAPABILITY_CACHE_H_
