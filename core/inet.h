// core/inet.h
//
// Numeric IP text conversions, written here so results never depend on the
// platform's C library: strict IPv4 dotted-quad and IPv6 parsing (the rules of
// inet_pton), and RFC 5952 canonical formatting.
//
// Leading-zero rule (identical on every OS): an IPv4 part with a leading zero
// ("01") is rejected, as glibc's inet_pton rejects it; "0" itself is fine.
//
// On top of them, the checked forms of Python's inet_aton, inet_ntoa,
// inet_pton and inet_ntop (docs/behaviour/conversions.md, CONV-nn). Packed
// addresses are bytes in network order held in a std::string (Python's
// bytes); a packed address of the wrong length is an error, never truncated.
//
// No OS headers, no system calls.

#ifndef XSOCK_CORE_INET_H_
#define XSOCK_CORE_INET_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "core/types.h"

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

// ParseLegacyIPv4 parses IPv4 text with the BSD inet_aton rules: one to four
// parts separated by dots ("a", "a.b", "a.b.c", "a.b.c.d"); the last part
// fills the remaining bytes (a: 32 bits, a.b: b 24 bits, a.b.c: c 16 bits)
// and every other part is one byte. A part is decimal, octal with a leading
// "0" ("0177"), or hexadecimal with "0x"/"0X" and at least one hex digit
// ("0x7f"). Nothing else is accepted: no empty part, trailing dot, sign,
// space or trailing text (glibc and BSD accept whitespace followed by
// anything after the address; xsock does not, on every OS).
std::optional<std::array<uint8_t, 4>> ParseLegacyIPv4(std::string_view text);

// InetAton is Python's inet_aton: ParseLegacyIPv4 as 4 packed bytes, or
// kInvalidArgument "inet_aton: ip_string: illegal IP address string passed
// to inet_aton".
absl::StatusOr<std::string> InetAton(std::string_view ip_string);

// InetNtoa is Python's inet_ntoa: exactly 4 packed bytes as a dotted quad,
// else kInvalidArgument "inet_ntoa: packed_ip: packed IP wrong length for
// inet_ntoa".
absl::StatusOr<std::string> InetNtoa(std::string_view packed_ip);

// InetPton is Python's inet_pton: kInet text by ParseIPv4 (4 bytes), kInet6
// text by ParseIPv6 (16 bytes). Text either parser rejects is
// kInvalidArgument "inet_pton: ip_string: illegal IP address string passed
// to inet_pton"; any other family is kFamilyNotSupported (EAFNOSUPPORT).
absl::StatusOr<std::string> InetPton(Family family, std::string_view ip_string);

// InetNtop is Python's inet_ntop: 4 bytes for kInet (FormatIPv4), 16 bytes
// for kInet6 (FormatIPv6, RFC 5952). Another family is kInvalidArgument
// naming "family" ("unknown address family"); a length that does not match
// the family is kInvalidArgument naming "packed_ip" ("invalid length of
// packed IP address string").
absl::StatusOr<std::string> InetNtop(Family family, std::string_view packed_ip);

}  // namespace xsock

#endif  // XSOCK_CORE_INET_H_
