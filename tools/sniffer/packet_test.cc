// Tests of the sniffer's packet summaries (on synthetic IPv4 packets) and of
// its command line.

#include "tools/sniffer/packet.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/time/time.h"
#include "core/error.h"
#include "gtest/gtest.h"
#include "tools/sniffer/sniffer_args.h"

namespace xsock_tools {
namespace {

// Ipv4Builder writes an IPv4 header (with `options_words` 32-bit words of
// options) in front of `payload`.
struct Ipv4Builder {
  std::array<uint8_t, 4> src{127, 0, 0, 1};
  std::array<uint8_t, 4> dst{127, 0, 0, 1};
  uint8_t protocol = kProtoUdp;
  uint8_t ttl = 64;
  int options_words = 0;
  uint16_t fragment_field = 0x4000;  // DF, offset 0
  std::optional<uint16_t> total_length;  // default: header + payload

  std::string Build(const std::string& payload) const {
    const size_t header = 20 + 4 * static_cast<size_t>(options_words);
    std::string p(header, '\0');
    p[0] = static_cast<char>(0x40 | (header / 4));
    const uint16_t total =
        total_length.value_or(static_cast<uint16_t>(header + payload.size()));
    p[2] = static_cast<char>(total >> 8);
    p[3] = static_cast<char>(total & 0xff);
    p[6] = static_cast<char>(fragment_field >> 8);
    p[7] = static_cast<char>(fragment_field & 0xff);
    p[8] = static_cast<char>(ttl);
    p[9] = static_cast<char>(protocol);
    for (int i = 0; i < 4; ++i) {
      p[12 + i] = static_cast<char>(src[i]);
      p[16 + i] = static_cast<char>(dst[i]);
    }
    for (size_t i = 20; i < header; ++i) p[i] = 1;  // NOP options
    return p + payload;
  }
};

std::string Udp(uint16_t sport, uint16_t dport, const std::string& data) {
  std::string h(8, '\0');
  h[0] = static_cast<char>(sport >> 8);
  h[1] = static_cast<char>(sport & 0xff);
  h[2] = static_cast<char>(dport >> 8);
  h[3] = static_cast<char>(dport & 0xff);
  const size_t len = 8 + data.size();
  h[4] = static_cast<char>(len >> 8);
  h[5] = static_cast<char>(len & 0xff);
  return h + data;
}

std::string Tcp(uint16_t sport, uint16_t dport, uint8_t flags,
                int header_words, const std::string& data) {
  std::string h(4 * static_cast<size_t>(header_words), '\0');
  h[0] = static_cast<char>(sport >> 8);
  h[1] = static_cast<char>(sport & 0xff);
  h[2] = static_cast<char>(dport >> 8);
  h[3] = static_cast<char>(dport & 0xff);
  h[12] = static_cast<char>(header_words << 4);
  h[13] = static_cast<char>(flags);
  return h + data;
}

TEST(ParseIpv4, UdpDatagram) {
  Ipv4Builder b;
  b.src = {10, 1, 2, 3};
  b.dst = {192, 168, 0, 255};
  const std::string packet = b.Build(Udp(5353, 40000, "hello"));
  absl::StatusOr<Ipv4Packet> p = ParseIpv4(packet);
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->src, (std::array<uint8_t, 4>{10, 1, 2, 3}));
  EXPECT_EQ(p->dst, (std::array<uint8_t, 4>{192, 168, 0, 255}));
  EXPECT_EQ(p->protocol, kProtoUdp);
  EXPECT_EQ(p->ttl, 64);
  EXPECT_EQ(p->header_length, 20u);
  EXPECT_EQ(p->total_length, 33u);
  EXPECT_EQ(p->captured, 33u);
  EXPECT_FALSE(p->truncated);
  EXPECT_EQ(p->src_port, 5353);
  EXPECT_EQ(p->dst_port, 40000);
  EXPECT_EQ(p->data, "hello");
  EXPECT_EQ(Summary(*p),
            "IPv4 10.1.2.3:5353 -> 192.168.0.255:40000 UDP len=33 ttl=64 "
            "data=5 \"hello\"");
}

TEST(ParseIpv4, TcpSegmentWithOptions) {
  Ipv4Builder b;
  b.protocol = kProtoTcp;
  // SYN|ACK, a 32-byte TCP header (12 bytes of options).
  const std::string packet = b.Build(Tcp(443, 51000, 0x12, 8, "xy"));
  absl::StatusOr<Ipv4Packet> p = ParseIpv4(packet);
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->src_port, 443);
  EXPECT_EQ(p->dst_port, 51000);
  EXPECT_EQ(p->tcp_flags, 0x12);
  EXPECT_EQ(p->data, "xy");
  EXPECT_EQ(Summary(*p),
            "IPv4 127.0.0.1:443 -> 127.0.0.1:51000 TCP flags=S. len=54 "
            "ttl=64 data=2 \"xy\"");
}

TEST(ParseIpv4, TcpDataOffsetBeyondThePacketGivesNoData) {
  Ipv4Builder b;
  b.protocol = kProtoTcp;
  std::string segment = Tcp(1, 2, 0x10, 5, "");
  segment[12] = static_cast<char>(15 << 4);  // claims 60 bytes
  absl::StatusOr<Ipv4Packet> p = ParseIpv4(b.Build(segment));
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->src_port, 1);
  EXPECT_TRUE(p->data.empty());
}

TEST(ParseIpv4, IcmpEcho) {
  Ipv4Builder b;
  b.protocol = kProtoIcmp;
  std::string icmp(8, '\0');
  icmp[0] = 8;  // echo request
  absl::StatusOr<Ipv4Packet> p = ParseIpv4(b.Build(icmp + "ping"));
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->icmp_type, 8);
  EXPECT_EQ(p->icmp_code, 0);
  EXPECT_FALSE(p->src_port.has_value());
  EXPECT_EQ(Summary(*p),
            "IPv4 127.0.0.1 -> 127.0.0.1 ICMP type=8 code=0 len=32 ttl=64 "
            "data=4 \"ping\"");
}

TEST(ParseIpv4, HeaderOptionsAreSkipped) {
  Ipv4Builder b;
  b.options_words = 3;  // IHL 8: 32 bytes
  absl::StatusOr<Ipv4Packet> p = ParseIpv4(b.Build(Udp(1, 2, "abc")));
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->header_length, 32u);
  EXPECT_EQ(p->src_port, 1);
  EXPECT_EQ(p->dst_port, 2);
  EXPECT_EQ(p->data, "abc");
}

TEST(ParseIpv4, TruncatedCapture) {
  Ipv4Builder b;
  std::string packet = b.Build(Udp(1, 2, std::string(100, 'z')));
  packet.resize(40);
  absl::StatusOr<Ipv4Packet> p = ParseIpv4(packet);
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_TRUE(p->truncated);
  EXPECT_EQ(p->total_length, 128u);
  EXPECT_EQ(p->captured, 40u);
  EXPECT_EQ(p->data, std::string(12, 'z'));
  EXPECT_TRUE(absl::StrContains(Summary(*p), " len=128 ")) << Summary(*p);
  EXPECT_TRUE(absl::StrContains(Summary(*p), " captured=40 ")) << Summary(*p);
}

TEST(ParseIpv4, BytesAfterTheTotalLengthAreIgnored) {
  Ipv4Builder b;
  absl::StatusOr<Ipv4Packet> p = ParseIpv4(b.Build(Udp(1, 2, "ab")) + "PAD");
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->data, "ab");
  EXPECT_FALSE(p->truncated);
}

TEST(ParseIpv4, TotalLengthBelowTheHeaderUsesWhatWasReceived) {
  // Some BSD raw sockets rewrite the field (host order, header excluded).
  Ipv4Builder b;
  b.total_length = 8;
  absl::StatusOr<Ipv4Packet> p = ParseIpv4(b.Build(Udp(7, 9, "data")));
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->src_port, 7);
  EXPECT_EQ(p->data, "data");
}

TEST(ParseIpv4, LaterFragmentsHaveNoPorts) {
  Ipv4Builder b;
  b.fragment_field = 0x2000 | 185;  // MF, offset 185 * 8 = 1480
  absl::StatusOr<Ipv4Packet> p = ParseIpv4(b.Build("continued"));
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->fragment_offset, 1480);
  EXPECT_TRUE(p->more_fragments);
  EXPECT_FALSE(p->src_port.has_value());
  EXPECT_EQ(p->data, "continued");
  EXPECT_EQ(Summary(*p),
            "IPv4 127.0.0.1 -> 127.0.0.1 UDP len=29 ttl=64 frag=1480+ "
            "data=9 \"continued\"");
}

TEST(ParseIpv4, ShortUdpHeaderGivesNoPorts) {
  Ipv4Builder b;
  absl::StatusOr<Ipv4Packet> p = ParseIpv4(b.Build("1234567"));
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_FALSE(p->src_port.has_value());
  EXPECT_EQ(p->data, "1234567");
}

TEST(ParseIpv4, PreviewEscapesAndShortens) {
  Ipv4Builder b;
  b.protocol = 253;  // experimental: the whole IP payload is data
  std::string data = "a\x01\"\\";
  data += std::string(40, 'q');
  absl::StatusOr<Ipv4Packet> p = ParseIpv4(b.Build(data));
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(Summary(*p),
            "IPv4 127.0.0.1 -> 127.0.0.1 proto=253 len=64 ttl=64 data=44 "
            "\"a..." + std::string(28, 'q') + "\"...");
}

TEST(ParseIpv4, RejectsWhatIsNotAnIpv4Header) {
  Ipv4Builder b;
  const std::string good = b.Build(Udp(1, 2, "x"));
  struct Case {
    std::string packet;
    std::string what;
  };
  std::string v6 = good;
  v6[0] = 0x65;
  std::string ihl4 = good;
  ihl4[0] = 0x44;
  std::string ihl15 = good;
  ihl15[0] = 0x4f;  // 60 bytes of header in a 29-byte packet
  const Case cases[] = {
      {"", "too short"},
      {good.substr(0, 19), "too short"},
      {v6, "version 6"},
      {ihl4, "below 20"},
      {ihl15, "exceeds"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<Ipv4Packet> p = ParseIpv4(c.packet);
    EXPECT_EQ(xsock::GetErrorKind(p.status()),
              xsock::ErrorKind::kInvalidArgument)
        << c.what;
    EXPECT_TRUE(absl::StrContains(p.status().message(), c.what))
        << p.status();
  }
}

TEST(ProtocolName, KnownAndUnknown) {
  EXPECT_EQ(ProtocolName(1), "ICMP");
  EXPECT_EQ(ProtocolName(6), "TCP");
  EXPECT_EQ(ProtocolName(17), "UDP");
  EXPECT_EQ(ProtocolName(0), "proto=0");
  EXPECT_EQ(ProtocolName(255), "proto=255");
}

// --- command line ------------------------------------------------------------------

absl::StatusOr<SnifferArgs> Parse(std::vector<std::string> flags) {
  std::vector<char*> argv = {const_cast<char*>("sniffer")};
  for (std::string& f : flags) argv.push_back(f.data());
  return ParseSnifferArgs(static_cast<int>(argv.size()), argv.data());
}

TEST(ParseSnifferArgs, Defaults) {
  absl::StatusOr<SnifferArgs> a = Parse({});
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->host, "127.0.0.1");
  EXPECT_FALSE(a->proto.has_value());
  EXPECT_EQ(a->count, 1);
  EXPECT_EQ(a->timeout, absl::Seconds(10));
  EXPECT_TRUE(a->contains.empty());
}

TEST(ParseSnifferArgs, EveryFlag) {
  absl::StatusOr<SnifferArgs> a =
      Parse({"--host=10.0.0.1", "--proto=tcp", "--count=5", "--timeout=0.5",
             "--contains=abc"});
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->host, "10.0.0.1");
  EXPECT_EQ(a->proto, kProtoTcp);
  EXPECT_EQ(a->count, 5);
  EXPECT_EQ(a->timeout, absl::Milliseconds(500));
  EXPECT_EQ(a->contains, "abc");
  EXPECT_EQ(Parse({"--proto=udp"})->proto, kProtoUdp);
  EXPECT_EQ(Parse({"--proto=icmp"})->proto, kProtoIcmp);
  EXPECT_EQ(Parse({"--proto=all"})->proto, kAllProtocols);
  EXPECT_TRUE(Parse({"--help"})->help);
}

TEST(ParseSnifferArgs, BadValuesNameTheFlag) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"--proto=sctp", "--proto"},   {"--count=0", "--count"},
      {"--count=100001", "--count"}, {"--count=x", "--count"},
      {"--timeout=0", "--timeout"},  {"--timeout=-1", "--timeout"},
      {"--timeout=inf", "--timeout"}, {"--timeout=86401", "--timeout"},
      {"--bogus", "--bogus"},
  };
  for (const auto& [flag, name] : cases) {
    absl::StatusOr<SnifferArgs> a = Parse({flag});
    EXPECT_EQ(xsock::GetErrorKind(a.status()),
              xsock::ErrorKind::kInvalidArgument)
        << flag;
    EXPECT_TRUE(absl::StrContains(a.status().message(), name + ": "))
        << a.status();
  }
}

}  // namespace
}  // namespace xsock_tools
