// tools/sniffer/packet.cc

#include "tools/sniffer/packet.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "core/error.h"

namespace xsock_tools {
namespace {

constexpr size_t kMinHeader = 20;
constexpr size_t kDataPreview = 32;

uint16_t Be16(std::string_view b, size_t at) {
  return static_cast<uint16_t>((static_cast<uint8_t>(b[at]) << 8) |
                               static_cast<uint8_t>(b[at + 1]));
}

absl::Status Malformed(std::string_view what) {
  return xsock::InvalidArgument("ipv4", "packet", what);
}

std::string Dotted(const std::array<uint8_t, 4>& a) {
  return absl::StrCat(a[0], ".", a[1], ".", a[2], ".", a[3]);
}

std::string Endpoint(const std::array<uint8_t, 4>& ip,
                     const std::optional<uint16_t>& port) {
  if (!port) return Dotted(ip);
  return absl::StrCat(Dotted(ip), ":", *port);
}

// ReadTransport fills the ports/ICMP fields and `data` of the first
// fragment of `p` from its IP payload.
void ReadTransport(std::string_view payload, Ipv4Packet& p) {
  p.data = payload;
  switch (p.protocol) {
    case kProtoUdp:
      if (payload.size() < 8) return;
      p.src_port = Be16(payload, 0);
      p.dst_port = Be16(payload, 2);
      p.data = payload.substr(8);
      return;
    case kProtoTcp: {
      if (payload.size() < 20) return;
      p.src_port = Be16(payload, 0);
      p.dst_port = Be16(payload, 2);
      p.tcp_flags = static_cast<uint8_t>(payload[13]);
      const size_t offset = (static_cast<uint8_t>(payload[12]) >> 4) * 4u;
      p.data = payload.substr(std::min(std::max<size_t>(offset, 20),
                                       payload.size()));
      return;
    }
    case kProtoIcmp:
      if (payload.size() < 2) return;
      p.icmp_type = static_cast<uint8_t>(payload[0]);
      p.icmp_code = static_cast<uint8_t>(payload[1]);
      p.data = payload.substr(std::min<size_t>(8, payload.size()));
      return;
    default:
      return;
  }
}

std::string TcpFlags(uint8_t flags) {
  static constexpr struct {
    uint8_t bit;
    char name;
  } kFlags[] = {{0x02, 'S'}, {0x10, '.'}, {0x08, 'P'}, {0x01, 'F'},
                {0x04, 'R'}, {0x20, 'U'}};
  std::string out;
  for (const auto& f : kFlags) {
    if (flags & f.bit) out += f.name;
  }
  return out.empty() ? "none" : out;
}

std::string Preview(std::string_view data) {
  std::string out = "\"";
  for (char c : data.substr(0, kDataPreview)) {
    const auto u = static_cast<unsigned char>(c);
    out += (u >= 0x20 && u < 0x7f && c != '"' && c != '\\') ? c : '.';
  }
  out += data.size() > kDataPreview ? "\"..." : "\"";
  return out;
}

}  // namespace

absl::StatusOr<Ipv4Packet> ParseIpv4(std::string_view packet) {
  if (packet.size() < kMinHeader) {
    return Malformed(absl::StrCat("too short for an IPv4 header (",
                                  packet.size(), " bytes)"));
  }
  const auto b0 = static_cast<uint8_t>(packet[0]);
  if ((b0 >> 4) != 4) {
    return Malformed(absl::StrCat("IP version ", b0 >> 4, ", not 4"));
  }
  Ipv4Packet p;
  p.header_length = (b0 & 0x0fu) * 4u;
  if (p.header_length < kMinHeader) {
    return Malformed(absl::StrCat("header length ", p.header_length,
                                  " is below 20 bytes"));
  }
  if (p.header_length > packet.size()) {
    return Malformed(absl::StrCat("header length ", p.header_length,
                                  " exceeds the ", packet.size(),
                                  " bytes received"));
  }
  p.captured = packet.size();
  p.total_length = Be16(packet, 2);
  p.truncated = p.total_length > p.captured;
  const uint16_t fragment = Be16(packet, 6);
  p.fragment_offset = static_cast<uint16_t>((fragment & 0x1fffu) * 8u);
  p.more_fragments = (fragment & 0x2000u) != 0;
  p.ttl = static_cast<uint8_t>(packet[8]);
  p.protocol = static_cast<uint8_t>(packet[9]);
  std::copy(packet.begin() + 12, packet.begin() + 16, p.src.begin());
  std::copy(packet.begin() + 16, packet.begin() + 20, p.dst.begin());

  // The IP payload ends at the total length, or at the end of what was
  // received (a truncated capture, or a total length smaller than the
  // header, which some BSD raw sockets report after rewriting the field).
  size_t end = p.captured;
  if (p.total_length >= p.header_length && p.total_length < end) {
    end = p.total_length;
  }
  std::string_view payload =
      packet.substr(p.header_length, end - p.header_length);
  if (p.fragment_offset == 0) {
    ReadTransport(payload, p);
  } else {
    p.data = payload;
  }
  return p;
}

std::string ProtocolName(uint8_t protocol) {
  switch (protocol) {
    case kProtoIcmp:
      return "ICMP";
    case 2:
      return "IGMP";
    case kProtoTcp:
      return "TCP";
    case kProtoUdp:
      return "UDP";
    case 41:
      return "IPv6";
    case 47:
      return "GRE";
    case 50:
      return "ESP";
    case 132:
      return "SCTP";
    default:
      return absl::StrCat("proto=", protocol);
  }
}

std::string Summary(const Ipv4Packet& p) {
  std::string out =
      absl::StrCat("IPv4 ", Endpoint(p.src, p.src_port), " -> ",
                   Endpoint(p.dst, p.dst_port), " ", ProtocolName(p.protocol));
  if (p.icmp_type) {
    absl::StrAppend(&out, " type=", *p.icmp_type, " code=", *p.icmp_code);
  }
  if (p.tcp_flags) absl::StrAppend(&out, " flags=", TcpFlags(*p.tcp_flags));
  absl::StrAppend(&out, " len=", p.total_length, " ttl=", p.ttl);
  if (p.fragment_offset != 0 || p.more_fragments) {
    absl::StrAppend(&out, " frag=", p.fragment_offset,
                    p.more_fragments ? "+" : "");
  }
  if (p.truncated) absl::StrAppend(&out, " captured=", p.captured);
  absl::StrAppend(&out, " data=", p.data.size());
  if (!p.data.empty()) absl::StrAppend(&out, " ", Preview(p.data));
  return out;
}

}  // namespace xsock_tools
