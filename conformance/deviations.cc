// conformance/deviations.cc: the deviation registry (mirrors
// docs/deviations.md; conformance:id_check compares the two).

#include "conformance/deviations.h"

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "absl/types/span.h"

namespace xsock {
namespace conformance {
namespace {

// kWineNoAfUnix is the reason of every AF_UNIX deviation.
constexpr std::string_view kWineNoAfUnix =
    "wine: no AF_UNIX sockets: socket(AF_UNIX, SOCK_STREAM) fails with "
    "WSAEAFNOSUPPORT (wine 8.0), so the backend lacks kUnixSockets; Windows "
    "has AF_UNIX stream sockets from Windows 10 build 17063";

// kWineNoHandleCount is the reason of every handle-count deviation.
constexpr std::string_view kWineNoHandleCount =
    "wine: GetProcessHandleCount succeeds but counts 0 handles (wine 8.0), so "
    "the backend cannot count handles (kHandleCount) and the handle-count "
    "checks cannot run; Windows counts the process's handles";

}  // namespace

std::string_view WhenName(When when) {
  switch (when) {
    case When::kAlways:
      return "always";
    case When::kUnderWine:
      return "under wine";
  }
  return "?";
}

absl::Span<const Deviation> AllDeviations() {
  // One entry per row of docs/deviations.md, in the same order, with the
  // same reason (id_check compares them):
  //   {"<backend>", "<ID>", "<test or empty>", When::k..., "<reason>"},
  static const std::vector<Deviation>* const kDeviations =
      new std::vector<Deviation>{
          {"windows", "ERR-08", "ERR_08_ResetByPeerIsConnectionReset",
           When::kUnderWine,
           "wine: when the peer's RST arrives, the wineserver reads "
           "SO_ERROR of the Linux socket for its own bookkeeping and so "
           "consumes the pending ECONNRESET if it gets there before recv() "
           "does (a race: about half the runs here); the recv() then "
           "returns 0 (end of stream) instead of failing with WSAECONNRESET "
           "as on Windows (a later send() does fail with WSAECONNRESET)"},
          {"windows", "IOCTL-04",
           "IOCTL_04_RcvAllOnRawSocketWithoutInterfaceFailsCleanly",
           When::kUnderWine,
           "wine: a raw socket is a Linux raw socket, and Linux has none "
           "for protocol 0 (IPPROTO_IP): socket(AF_INET, SOCK_RAW, 0) "
           "fails with WSAEPROTONOSUPPORT whatever the privileges, where "
           "Windows creates it for an Administrator and answers WSAEACCES "
           "otherwise"},
          {"windows", "LIFE-01", "LIFE_01_CreateUnixStream", When::kUnderWine,
           kWineNoAfUnix},
          {"windows", "LIFE-06", "LIFE_06_DestructorClosesHandle",
           When::kUnderWine, kWineNoHandleCount},
          {"windows", "LIFE-06", "LIFE_06_MoveAssignmentClosesTheTarget",
           When::kUnderWine, kWineNoHandleCount},
          {"windows", "LIFE-10", "LIFE_10_AdoptDetectsUnixStream",
           When::kUnderWine, kWineNoAfUnix},
          {"windows", "LIFE-13", "LIFE_13_NoHandleLeakAcrossManyOperations",
           When::kUnderWine, kWineNoHandleCount},
          {"windows", "OPT-09",
           "OPT_09_BufferFormReturnsTheLengthTheOsReturned", When::kUnderWine,
           "wine: getsockopt(SOL_SOCKET, SO_TYPE) leaves the length at the "
           "size of the caller's buffer (1024) instead of setting it to "
           "the size of the value (sizeof(int)), so the buffer form cannot "
           "return the OS's length"},
          {"windows", "OPT-12", "OPT_12_SoErrorIsReadAndCleared",
           When::kUnderWine,
           "wine: getsockopt(SO_ERROR) returns the error of a failed "
           "connect on every read and never clears it, where Windows "
           "clears it once read (Microsoft's getsockopt documentation: "
           "SO_ERROR retrieves error status and clears it)"},
          {"windows", "OPT-16", "OPT_16_TcpKeepIdleRoundTrip", When::kUnderWine,
           "wine: no TCP_KEEPALIVE option (TCP_KEEPIDLE): getsockopt and "
           "setsockopt of IPPROTO_TCP/TCP_KEEPALIVE fail with "
           "WSAENOPROTOOPT (wine 8.0); Windows has it from Windows 10 1709"},
          {"windows", "UDP-10", "UDP_10_ConnectedSocketSeesPortUnreachable",
           When::kUnderWine,
           "wine: the next recv() of a connected UDP socket does not "
           "report the ICMP port unreachable of the datagram it sent (it "
           "waits until it times out, with SIO_UDP_CONNRESET on or off), "
           "where Windows fails it with WSAECONNRESET"},
          {"windows", "UNIX-01", "", When::kUnderWine, kWineNoAfUnix},
          {"windows", "UNIX-02", "", When::kUnderWine, kWineNoAfUnix},
          {"windows", "UNIX-03", "", When::kUnderWine, kWineNoAfUnix},
          {"windows", "UNIX-04", "UNIX_04_LongestPathIsKeptExactly",
           When::kUnderWine, kWineNoAfUnix},
          {"windows", "UNIX-08", "", When::kUnderWine, kWineNoAfUnix},
          {"windows", "UNIX-09", "", When::kUnderWine, kWineNoAfUnix},
      };
  return *kDeviations;
}

const Deviation* FindDeviation(std::string_view backend,
                               std::string_view test_name, When when) {
  const std::string id = BehaviourIdOfTestName(test_name);
  if (id.empty()) return nullptr;
  // "TCP_03_SendAll/posix" -> "TCP_03_SendAll".
  const std::string_view name = test_name.substr(0, test_name.find('/'));
  for (const Deviation& d : AllDeviations()) {
    if (d.backend == backend && d.id == id && d.when == when &&
        (d.test.empty() || d.test == name)) {
      return &d;
    }
  }
  return nullptr;
}

std::string BehaviourIdOfTestName(std::string_view name) {
  // <PREFIX>_<digits>_...: an upper-case prefix, an underscore, two or more
  // digits, an underscore.
  size_t i = 0;
  while (i < name.size() && std::isupper(static_cast<unsigned char>(name[i]))) {
    ++i;
  }
  if (i == 0 || i >= name.size() || name[i] != '_') return "";
  size_t digits = i + 1;
  size_t j = digits;
  while (j < name.size() && std::isdigit(static_cast<unsigned char>(name[j]))) {
    ++j;
  }
  if (j - digits < 2 || j >= name.size() || name[j] != '_') return "";
  std::string id(name.substr(0, j));
  id[i] = '-';
  return id;
}

}  // namespace conformance
}  // namespace xsock
