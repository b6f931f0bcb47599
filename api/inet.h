// xsock/inet.h
//
// Conversions: byte order (htons, ntohs, htonl, ntohl) and IP address text
// (inet_aton, inet_ntoa, inet_pton, inet_ntop) with the behaviour of
// Python's socket module. Include as "xsock/inet.h". The documented
// behaviour is docs/behaviour/conversions.md (CONV-nn).
//
// Every function here is pure and computed by xsock itself, never by the C
// library, so the results are identical on every OS and backend (platform
// notes: none). Packed addresses are bytes in network order in a std::string
// (Python's bytes); a packed address of the wrong length is an error, never
// truncated or padded.
//
// Errors: kInvalidArgument with a message naming the argument ("<call>:
// <argument>: <what>", core/error.h), except inet_pton's unknown family,
// which is kFamilyNotSupported (Python: OSError EAFNOSUPPORT).
//
// The unchecked constexpr forms on uint16_t/uint32_t are HostToNet16,
// NetToHost16, HostToNet32 and NetToHost32 in core/byte_order.h.

#ifndef XSOCK_API_INET_H_
#define XSOCK_API_INET_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "core/error.h"
#include "core/types.h"

namespace xsock {

// Htons converts the 16-bit value `x` from host to network byte order
// (CONV-01). Python: socket.htons(x); C: htons().
// Errors (CONV-02): kInvalidArgument naming "x" when x is negative (Python
// 3.14: ValueError) or above 65535 (OverflowError); never truncated.
absl::StatusOr<uint16_t> Htons(int64_t x);

// Ntohs converts the 16-bit value `x` from network to host byte order
// (CONV-01). Python: socket.ntohs(x); C: ntohs().
// Errors (CONV-02): kInvalidArgument naming "x" outside 0..65535.
absl::StatusOr<uint16_t> Ntohs(int64_t x);

// Htonl converts the 32-bit value `x` from host to network byte order
// (CONV-01). Python: socket.htonl(x); C: htonl().
// Errors (CONV-02): kInvalidArgument naming "x" outside 0..4294967295.
absl::StatusOr<uint32_t> Htonl(int64_t x);

// Ntohl converts the 32-bit value `x` from network to host byte order
// (CONV-01). Python: socket.ntohl(x); C: ntohl().
// Errors (CONV-02): kInvalidArgument naming "x" outside 0..4294967295.
absl::StatusOr<uint32_t> Ntohl(int64_t x);

// InetAton parses IPv4 text with inet_aton's leniency and returns the 4
// packed bytes (CONV-03): one to four dot-separated parts, where the last
// part fills the remaining bytes ("a": 32 bits, "a.b": b 24 bits, "a.b.c":
// c 16 bits, "a.b.c.d": each part 8 bits), and each part is decimal, octal
// with a leading "0" or hexadecimal with "0x"/"0X". "127.1", "0x7f.1" and
// "0177.0.0.1" are 127.0.0.1. Python: socket.inet_aton(ip_string); C:
// inet_aton() (POSIX), inet_addr() (Windows).
// Errors (CONV-04): kInvalidArgument naming "ip_string" ("illegal IP address
// string passed to inet_aton") for anything else: an empty part, a trailing
// dot, more than four parts, a part too large for its place, a sign, space
// or any trailing text ("1.2.3.4 foo", which glibc accepts, is rejected
// here on every OS), IPv6 text.
absl::StatusOr<std::string> InetAton(std::string_view ip_string);

// InetNtoa formats exactly 4 packed bytes as a dotted quad, "127.0.0.1"
// (CONV-05). Python: socket.inet_ntoa(packed_ip); C: inet_ntoa().
// Errors (CONV-05): kInvalidArgument naming "packed_ip" ("packed IP wrong
// length for inet_ntoa") for any other length.
absl::StatusOr<std::string> InetNtoa(std::string_view packed_ip);

// InetPton parses strict numeric text of `family` and returns the packed
// address: 4 bytes for kInet, 16 for kInet6. kInet text is exactly four
// decimal parts 0..255 with no leading zeros ("01.2.3.4" is rejected on
// every OS; "0" is fine) (CONV-06); kInet6 text is RFC 4291 text with at
// most one "::" and an optional dotted-quad tail under the same IPv4 rules,
// no zone and no brackets (CONV-07). Python: socket.inet_pton(family,
// ip_string); C: inet_pton(), InetPtonW() (Windows).
// Errors: kInvalidArgument naming "ip_string" ("illegal IP address string
// passed to inet_pton") for text the family's rules reject (CONV-06,
// CONV-07); kFamilyNotSupported for a family other than kInet and kInet6
// (CONV-08).
absl::StatusOr<std::string> InetPton(Family family, std::string_view ip_string);

// InetNtop formats a packed address of `family` (CONV-09): kInet as a dotted
// quad, kInet6 in RFC 5952 canonical text (lowercase hex without leading
// zeros, the longest run of two or more zero groups as "::", the first on a
// tie, and ::ffff:0:0/96 with a dotted-quad tail: "::ffff:1.2.3.4").
// Python: socket.inet_ntop(family, packed_ip); C: inet_ntop(), InetNtopW()
// (Windows).
// Errors (CONV-10): kInvalidArgument naming "family" ("unknown address
// family") for a family other than kInet and kInet6; kInvalidArgument naming
// "packed_ip" ("invalid length of packed IP address string") when the length
// is not 4 for kInet or 16 for kInet6.
absl::StatusOr<std::string> InetNtop(Family family, std::string_view packed_ip);

}  // namespace xsock

#endif  // XSOCK_API_INET_H_
