// core/inet.cc: numeric IPv4/IPv6 text conversions (inet_pton rules, RFC 5952
// output, the inet_aton rules), independent of the platform's C library.

#include "core/inet.h"

#include <cstddef>

#include "absl/strings/str_cat.h"
#include "core/error.h"

namespace xsock {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// ParseHexGroup parses 1..4 hex digits into *value.
bool ParseHexGroup(std::string_view text, uint16_t* value) {
  if (text.empty() || text.size() > 4) return false;
  unsigned v = 0;
  for (char c : text) {
    const int d = HexValue(c);
    if (d < 0) return false;
    v = (v << 4) | static_cast<unsigned>(d);
  }
  *value = static_cast<uint16_t>(v);
  return true;
}

void AppendDecimal(unsigned v, std::string* out) {
  char digits[10];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  while (n > 0) out->push_back(digits[--n]);
}

void AppendHexGroup(unsigned v, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  bool started = false;
  for (int shift = 12; shift >= 0; shift -= 4) {
    const unsigned d = (v >> shift) & 0xF;
    if (d != 0 || started || shift == 0) {
      out->push_back(kHex[d]);
      started = true;
    }
  }
}

void AppendIPv4(const uint8_t* b, std::string* out) {
  for (int i = 0; i < 4; ++i) {
    if (i != 0) out->push_back('.');
    AppendDecimal(b[i], out);
  }
}

// ParseLegacyPart parses one inet_aton part starting at text[*pos] and ending
// at a '.' or the end of the text: decimal, octal ("0" then octal digits) or
// hexadecimal ("0x"/"0X" then at least one hex digit), at most 0xFFFFFFFF.
bool ParseLegacyPart(std::string_view text, size_t* pos, uint32_t* value) {
  size_t i = *pos;
  if (i >= text.size() || text[i] < '0' || text[i] > '9') return false;
  int base = 10;
  if (text[i] == '0') {
    if (i + 1 < text.size() && (text[i + 1] == 'x' || text[i + 1] == 'X')) {
      base = 16;
      i += 2;
    } else {
      base = 8;  // "0" alone is octal zero
      ++i;
    }
  }
  const size_t digits_start = i;
  uint64_t v = 0;
  while (i < text.size() && text[i] != '.') {
    const int d = HexValue(text[i]);
    if (d < 0 || d >= base) return false;
    v = v * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
    if (v > 0xFFFFFFFFu) return false;
    ++i;
  }
  if (base == 16 && i == digits_start) return false;  // "0x" without digits
  *pos = i;
  *value = static_cast<uint32_t>(v);
  return true;
}

}  // namespace

std::optional<std::array<uint8_t, 4>> ParseIPv4(std::string_view text) {
  std::array<uint8_t, 4> out{};
  size_t pos = 0;
  for (int part = 0; part < 4; ++part) {
    if (part != 0) {
      if (pos >= text.size() || text[pos] != '.') return std::nullopt;
      ++pos;
    }
    const size_t start = pos;
    unsigned value = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (pos - start == 3) return std::nullopt;  // more than three digits
      value = value * 10 + static_cast<unsigned>(text[pos] - '0');
      ++pos;
    }
    const size_t len = pos - start;
    if (len == 0 || value > 255) return std::nullopt;
    if (len > 1 && text[start] == '0') return std::nullopt;  // leading zero
    out[part] = static_cast<uint8_t>(value);
  }
  if (pos != text.size()) return std::nullopt;
  return out;
}

std::optional<std::array<uint8_t, 16>> ParseIPv6(std::string_view text) {
  std::array<uint8_t, 16> out{};
  size_t n = 0;   // bytes written so far
  int gap = -1;   // byte offset where "::" stands, -1 if none
  size_t i = 0;
  if (text.size() >= 2 && text[0] == ':' && text[1] == ':') {
    gap = 0;
    i = 2;
  } else if (!text.empty() && text[0] == ':') {
    return std::nullopt;  // a single leading colon
  }
  while (i < text.size()) {
    size_t j = i;
    while (j < text.size() && text[j] != ':') ++j;
    const std::string_view token = text.substr(i, j - i);
    if (token.find('.') != std::string_view::npos) {
      // A dotted-quad tail: only as the last 32 bits.
      if (j != text.size() || n + 4 > out.size()) return std::nullopt;
      const std::optional<std::array<uint8_t, 4>> v4 = ParseIPv4(token);
      if (!v4.has_value()) return std::nullopt;
      for (uint8_t b : *v4) out[n++] = b;
      break;
    }
    uint16_t group = 0;
    if (!ParseHexGroup(token, &group) || n + 2 > out.size()) {
      return std::nullopt;
    }
    out[n++] = static_cast<uint8_t>(group >> 8);
    out[n++] = static_cast<uint8_t>(group & 0xFF);
    if (j == text.size()) break;
    // text[j] == ':'
    if (j + 1 < text.size() && text[j + 1] == ':') {
      if (gap >= 0) return std::nullopt;  // a second "::"
      gap = static_cast<int>(n);
      i = j + 2;
    } else {
      i = j + 1;
      if (i == text.size()) return std::nullopt;  // a trailing single colon
    }
  }
  if (gap < 0) {
    if (n != out.size()) return std::nullopt;
    return out;
  }
  // "::" stands for one or more zero groups.
  if (n + 2 > out.size()) return std::nullopt;
  const size_t tail = n - static_cast<size_t>(gap);
  const size_t shift = out.size() - n;
  for (size_t k = 0; k < tail; ++k) {
    const size_t from = n - 1 - k;
    out[from + shift] = out[from];
    out[from] = 0;
  }
  return out;
}

std::string FormatIPv4(const std::array<uint8_t, 4>& ip) {
  std::string out;
  out.reserve(15);
  AppendIPv4(ip.data(), &out);
  return out;
}

std::string FormatIPv6(const std::array<uint8_t, 16>& ip) {
  unsigned groups[8];
  for (int g = 0; g < 8; ++g) {
    groups[g] = (static_cast<unsigned>(ip[2 * g]) << 8) | ip[2 * g + 1];
  }
  std::string out;
  out.reserve(45);
  // IPv4-mapped (::ffff:0:0/96): dotted-quad tail.
  if (groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 &&
      groups[4] == 0 && groups[5] == 0xFFFF) {
    out = "::ffff:";
    AppendIPv4(ip.data() + 12, &out);
    return out;
  }
  // The longest run of two or more zero groups; the first one on a tie.
  int best_start = -1;
  int best_len = 0;
  for (int g = 0; g < 8;) {
    if (groups[g] != 0) {
      ++g;
      continue;
    }
    int end = g;
    while (end < 8 && groups[end] == 0) ++end;
    if (end - g > best_len) {
      best_start = g;
      best_len = end - g;
    }
    g = end;
  }
  if (best_len < 2) best_start = -1;
  for (int g = 0; g < 8;) {
    if (g == best_start) {
      out += "::";
      g += best_len;
      continue;
    }
    if (!out.empty() && out.back() != ':') out.push_back(':');
    AppendHexGroup(groups[g], &out);
    ++g;
  }
  return out;
}

std::optional<std::array<uint8_t, 4>> ParseLegacyIPv4(std::string_view text) {
  uint32_t parts[4] = {0, 0, 0, 0};
  int n = 0;
  size_t pos = 0;
  while (true) {
    if (n == 4) return std::nullopt;  // a fifth part
    if (!ParseLegacyPart(text, &pos, &parts[n])) return std::nullopt;
    ++n;
    if (pos == text.size()) break;
    ++pos;  // text[pos] == '.'; a part must follow (no trailing dot)
  }
  // Every part but the last is one byte; the last fills the rest.
  for (int k = 0; k + 1 < n; ++k) {
    if (parts[k] > 0xFF) return std::nullopt;
  }
  static constexpr uint32_t kLastMax[4] = {0xFFFFFFFFu, 0xFFFFFFu, 0xFFFFu,
                                           0xFFu};
  const uint32_t last = parts[n - 1];
  if (last > kLastMax[n - 1]) return std::nullopt;
  uint32_t address = last;
  for (int k = 0; k + 1 < n; ++k) {
    address |= parts[k] << (24 - 8 * k);
  }
  return std::array<uint8_t, 4>{static_cast<uint8_t>(address >> 24),
                                static_cast<uint8_t>(address >> 16),
                                static_cast<uint8_t>(address >> 8),
                                static_cast<uint8_t>(address)};
}

namespace {

template <size_t N>
std::string Packed(const std::array<uint8_t, N>& bytes) {
  return std::string(reinterpret_cast<const char*>(bytes.data()), N);
}

template <size_t N>
std::array<uint8_t, N> Unpacked(std::string_view packed) {
  std::array<uint8_t, N> out{};
  for (size_t i = 0; i < N; ++i) out[i] = static_cast<uint8_t>(packed[i]);
  return out;
}

}  // namespace

absl::StatusOr<std::string> InetAton(std::string_view ip_string) {
  const std::optional<std::array<uint8_t, 4>> ip = ParseLegacyIPv4(ip_string);
  if (!ip.has_value()) {
    return InvalidArgument("inet_aton", "ip_string",
                           "illegal IP address string passed to inet_aton");
  }
  return Packed(*ip);
}

absl::StatusOr<std::string> InetNtoa(std::string_view packed_ip) {
  if (packed_ip.size() != 4) {
    return InvalidArgument(
        "inet_ntoa", "packed_ip",
        absl::StrCat("packed IP wrong length for inet_ntoa (", packed_ip.size(),
                     " bytes, expected 4)"));
  }
  return FormatIPv4(Unpacked<4>(packed_ip));
}

absl::StatusOr<std::string> InetPton(Family family,
                                     std::string_view ip_string) {
  constexpr std::string_view kIllegal =
      "illegal IP address string passed to inet_pton";
  switch (family) {
    case Family::kInet: {
      const std::optional<std::array<uint8_t, 4>> ip = ParseIPv4(ip_string);
      if (!ip.has_value()) {
        return InvalidArgument("inet_pton", "ip_string", kIllegal);
      }
      return Packed(*ip);
    }
    case Family::kInet6: {
      const std::optional<std::array<uint8_t, 16>> ip = ParseIPv6(ip_string);
      if (!ip.has_value()) {
        return InvalidArgument("inet_pton", "ip_string", kIllegal);
      }
      return Packed(*ip);
    }
    default:
      break;
  }
  return MakeError(ErrorKind::kFamilyNotSupported, "inet_pton", 0, "",
                   absl::StrCat("address family ", static_cast<int>(family),
                                " not supported by inet_pton (only kInet and "
                                "kInet6)"));
}

absl::StatusOr<std::string> InetNtop(Family family,
                                     std::string_view packed_ip) {
  size_t expected = 0;
  switch (family) {
    case Family::kInet:
      expected = 4;
      break;
    case Family::kInet6:
      expected = 16;
      break;
    default:
      return InvalidArgument(
          "inet_ntop", "family",
          absl::StrCat("unknown address family ", static_cast<int>(family),
                       " (only kInet and kInet6)"));
  }
  if (packed_ip.size() != expected) {
    return InvalidArgument(
        "inet_ntop", "packed_ip",
        absl::StrCat("invalid length of packed IP address string (",
                     packed_ip.size(), " bytes, expected ", expected, ")"));
  }
  if (family == Family::kInet) return FormatIPv4(Unpacked<4>(packed_ip));
  return FormatIPv6(Unpacked<16>(packed_ip));
}

}  // namespace xsock
