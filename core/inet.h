// core/inet.h
//
// Numeric IP text conversions, written here so results never depend on the
// platform's C library: strict IPv4 dotted-quad and IPv6 parsing (the rules of
// inet_pton), and RFC 5952 canonical formatting.
//
// Leading-zero rule (identical on every OS): an IPv4 part with a leading zero
// ("01") is rejected, as glibc's inet_pton rejects it; "0" itself is fine.
//
// No OS headers, no system calls.

#ifndef XSOCK_CORE_INET_H_
#define XSOCK_CORE_INET_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace xsock {

// ParseIPv4 parses exactly four decimal parts 0..255 separated by dots, with
// no leading zeros, signs, spaces or trailing characters. Returns the four
// bytes in network order, or nullopt.
std::optional<std::array<uint8_t, 4>> ParseIPv4(std::string_view text);

// ParseIPv6 parses IPv6 text: eight groups of 1..4 hex digits, at most one
// "::" standing for one or more zero groups, optionally an IPv4 dotted quad
// (ParseIPv4 rules) as the last 32 bits. No zone ("%eth0"), no brackets.
// Returns 16 bytes in network order, or nullopt.
std::optional<std::array<uint8_t, 16>> ParseIPv6(std::string_view text);

// FormatIPv4 renders four bytes as a dotted quad, e.g. "127.0.0.1".
std::string FormatIPv4(const std::array<uint8_t, 4>& ip);

// FormatIPv6 renders 16 bytes in RFC 5952 canonical form: lowercase hex, no
// leading zeros, the longest run of two or more zero groups (the first one on
// a tie) replaced by "::", and IPv4-mapped (::ffff:0:0/96) addresses with a
// dotted-quad tail, e.g. "::ffff:127.0.0.1".
std::string FormatIPv6(const std::array<uint8_t, 16>& ip);

}  // namespace xsock

#endif  // XSOCK_CORE_INET_H_
