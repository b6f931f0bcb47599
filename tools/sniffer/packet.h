// tools/sniffer/packet.h: reading IPv4 packets as a raw socket delivers
// them (IP header included) and summarising each on one line, for the
// sniffer. Pure functions over bytes: no sockets, no OS headers.

#ifndef XSOCK_TOOLS_SNIFFER_PACKET_H_
#define XSOCK_TOOLS_SNIFFER_PACKET_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace xsock_tools {

// IANA protocol numbers (the same on every OS).
inline constexpr uint8_t kProtoIcmp = 1;
inline constexpr uint8_t kProtoTcp = 6;
inline constexpr uint8_t kProtoUdp = 17;

// Ipv4Packet is what ParseIpv4 reads from one packet. The views point into
// the caller's buffer.
struct Ipv4Packet {
  std::array<uint8_t, 4> src{};
  std::array<uint8_t, 4> dst{};
  uint8_t protocol = 0;
  uint8_t ttl = 0;
  size_t header_length = 0;  // IHL * 4
  size_t total_length = 0;   // the header's total length field
  size_t captured = 0;       // bytes received
  bool truncated = false;    // captured < total_length
  uint16_t fragment_offset = 0;  // in bytes
  bool more_fragments = false;
  // From the first fragment of a UDP or TCP packet whose header is complete.
  std::optional<uint16_t> src_port;
  std::optional<uint16_t> dst_port;
  // ICMP type and code (first fragment, at least 2 bytes of ICMP).
  std::optional<uint8_t> icmp_type;
  std::optional<uint8_t> icmp_code;
  // TCP flags byte (FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10).
  std::optional<uint8_t> tcp_flags;
  // The transport payload (after the UDP/TCP/ICMP header; the whole IP
  // payload for other protocols and later fragments), up to the end of the
  // captured bytes or the total length, whichever comes first.
  std::string_view data;
};

// ParseIpv4 reads `packet` (a whole IPv4 datagram, header first). Errors
// (kInvalidArgument, naming what is wrong): shorter than 20 bytes, version
// not 4, header length below 20 bytes or longer than the packet.
absl::StatusOr<Ipv4Packet> ParseIpv4(std::string_view packet);

// ProtocolName returns "ICMP", "IGMP", "TCP", "UDP", ... or "proto=N".
std::string ProtocolName(uint8_t protocol);

// Summary returns the one-line summary of `p`, e.g.
//   IPv4 127.0.0.1:40000 -> 127.0.0.1:40001 UDP len=40 ttl=64 data=12 "hello..."
// (ports for UDP/TCP, "type=8 code=0" for ICMP, TCP flags, "frag" for
// fragments, "captured=N" when truncated, and the first 32 bytes of the
// data with non-printable bytes as '.').
std::string Summary(const Ipv4Packet& p);

}  // namespace xsock_tools

#endif  // XSOCK_TOOLS_SNIFFER_PACKET_H_
