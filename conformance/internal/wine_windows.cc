// conformance/internal/wine_windows.cc: WineVersion on Windows: wine's
// ntdll.dll exports wine_get_version (Microsoft's does not). Test
// infrastructure, so OS headers are allowed here.

#include <windows.h>

#include <optional>
#include <string>

#include "conformance/internal/wine.h"

namespace xsock {
namespace conformance_internal {
namespace {

std::optional<std::string> ProbeWine() {
  HMODULE ntdll = ::GetModuleHandleW(L"ntdll.dll");
  if (ntdll == nullptr) return std::nullopt;
  FARPROC proc = ::GetProcAddress(ntdll, "wine_get_version");
  if (proc == nullptr) return std::nullopt;
  // Through void (*)(), the generic function pointer type, so that GCC's
  // -Wcast-function-type accepts the conversion.
  using WineGetVersion = const char* (*)();
  auto wine_get_version = reinterpret_cast<WineGetVersion>(
      reinterpret_cast<void (*)()>(proc));
  const char* version = wine_get_version();
  return std::string(version != nullptr ? version : "unknown version");
}

}  // namespace

std::optional<std::string> WineVersion() {
  static const std::optional<std::string>* const kVersion =
      new std::optional<std::string>(ProbeWine());
  return *kVersion;
}

}  // namespace conformance_internal
}  // namespace xsock
