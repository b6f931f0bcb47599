// xsock/resolver.h
//
// Name resolution and the network databases: getaddrinfo, getnameinfo,
// gethostname, gethostbyname, gethostbyname_ex, gethostbyaddr, getfqdn,
// getprotobyname, getservbyname and getservbyport with the behaviour of
// Python's socket module. Include as "xsock/resolver.h". The documented
// behaviour is docs/behaviour/resolver.md (NAME-nn).
//
// Arguments are validated once, here, before any backend call:
//   - host "" means no host, as a null host does (Python's "" of an address
//     tuple); a port "" means no port. Host and port both absent is
//     kInvalidArgument naming "host".
//   - An integer port outside 0..65535 is kInvalidArgument naming "port".
//   - Unknown AI_* / NI_* bits are kInvalidArgument naming "flags"; a family
//     or type outside the enums names "family" / "type"; a host or port with
//     an embedded NUL byte names "host" / "port".
//
// Numeric fast path: a numeric IPv4 or IPv6 host (strict literals, no zone),
// or no host with AI_PASSIVE and an explicit family, together with a numeric
// port (decimal digits, 0..65535) or none, resolves without calling the
// system resolver when the hints are ones whose records are fixed (see
// resolver.md, NAME-02): the records are built here and equal those the
// system returns. Everything else goes to the backend's getaddrinfo. The
// fast path exists where the system's records are known (builds for glibc
// and for Windows; see NumericFastPathAvailable).
//
// Errors keep Python's classes apart (core/error.h GetErrorClass):
// resolution failures are ErrorClass::kAddressInfo (ErrorKind::kAddrInfo*,
// with the EAI code and the system's text), host database failures
// (gethostbyname_ex, gethostbyaddr) are ErrorClass::kHostError
// (ErrorKind::kHost*, with h_errno or the WSA code and the system's text),
// a protocol or service the databases do not list is kNotFound of class
// kOsError (Python's OSError without errno), system failures are kOsError.
// A resolution that succeeds has at least one result.

#ifndef XSOCK_API_RESOLVER_H_
#define XSOCK_API_RESOLVER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "core/addrinfo.h"
#include "core/address.h"
#include "core/error.h"
#include "core/types.h"
#include "platform/os.h"

namespace xsock {

// NumericFastPathAvailable returns whether this build resolves numeric input
// without the system resolver (glibc and Windows builds); elsewhere every
// GetAddrInfo call reaches the backend.
bool NumericFastPathAvailable();

// GetAddrInfo resolves `host` (name, IPv4/IPv6 literal, "" or nullopt: no
// host) and `port` (service name, decimal number, "" or nullopt: no port)
// into typed results, filtered by `hints` (family, type, proto, AI_* flags).
// Python: socket.getaddrinfo(host, port, family, type, proto, flags).
// Errors: kInvalidArgument (see the file comment); the kAddrInfo* kinds of
// the system resolver (e.g. kAddrInfoNoName for a name that does not
// resolve); kAddrInfoNoName when the system answered with no result xsock
// can express.
absl::StatusOr<std::vector<AddrInfo>> GetAddrInfo(
    std::optional<std::string_view> host, std::optional<std::string_view> port,
    const AddrInfoHints& hints = {},
    const platform::Os& os = platform::NativeOs());

// GetAddrInfo with an integer port (Python: an int port). Errors: as above;
// kInvalidArgument naming "port" outside 0..65535.
absl::StatusOr<std::vector<AddrInfo>> GetAddrInfo(
    std::optional<std::string_view> host, int port,
    const AddrInfoHints& hints = {},
    const platform::Os& os = platform::NativeOs());

// GetNameInfo turns an IPv4/IPv6 address into host and service text
// according to `flags` (NiFlags bits). Python: socket.getnameinfo(sockaddr,
// flags). Errors: kInvalidArgument naming "address" (not AF_INET/AF_INET6)
// or "flags" (unknown bits); the kAddrInfo* kinds of the system (e.g.
// kAddrInfoNoName with NI_NAMEREQD and no name for the address).
absl::StatusOr<NameInfo> GetNameInfo(
    const SocketAddress& address, uint32_t flags = 0,
    const platform::Os& os = platform::NativeOs());

// GetHostName returns the machine's host name. Python: socket.gethostname().
// Errors: the OS error (kOsError class).
absl::StatusOr<std::string> GetHostName(
    const platform::Os& os = platform::NativeOs());

// GetHostByName returns the first IPv4 address of `name` as a dotted quad:
// "" gives "0.0.0.0", "<broadcast>" gives "255.255.255.255", an IPv4 literal
// is returned as parsed (through the numeric fast path), a name is resolved
// with getaddrinfo restricted to AF_INET. Python: socket.gethostbyname(name).
// Errors: those of GetAddrInfo (an IPv6-only name or literal is an
// address-info error); kInvalidArgument naming "host" for an embedded NUL.
absl::StatusOr<std::string> GetHostByName(
    std::string_view name, const platform::Os& os = platform::NativeOs());

// GetHostByNameEx looks `name` up in the host database, IPv4 only, and
// returns its official name, aliases and IPv4 addresses (port 0). Python:
// socket.gethostbyname_ex(name). As in Python, the name is first resolved
// with GetAddrInfo (AF_INET; a numeric IPv4 name through the fast path),
// then looked up; a numeric IPv4 name is its own entry (name and one
// address). OS calls: getaddrinfo, then the backend's GetHostByName
// (gethostbyname_r / gethostbyname). Errors: kInvalidArgument naming "name"
// for an embedded NUL; the kAddrInfo* kinds (ErrorClass::kAddressInfo,
// Python's gaierror) for a name that does not resolve; the kHost* kinds
// (ErrorClass::kHostError, Python's herror) when the host database then
// fails.
absl::StatusOr<HostEntry> GetHostByNameEx(
    std::string_view name, const platform::Os& os = platform::NativeOs());

// GetHostByAddr returns the host database entry of an address: its name,
// aliases and addresses (of the address's family, port 0). Python:
// socket.gethostbyaddr(ip_address). `ip_address` is an IPv4 or IPv6
// literal, or a host name, which is first resolved with GetAddrInfo (any
// family, the first record's address), as Python does; "" means 0.0.0.0
// and "<broadcast>" 255.255.255.255 (Python's rules for a host). OS calls:
// getaddrinfo for a name, then the backend's GetHostByAddr
// (gethostbyaddr_r / gethostbyaddr). Errors: kInvalidArgument naming
// "ip_address" for an embedded NUL; the kAddrInfo* kinds of GetAddrInfo
// for a name that does not resolve (class kAddressInfo); the kHost* kinds
// for an address the host database has no name for (class kHostError).
absl::StatusOr<HostEntry> GetHostByAddr(
    std::string_view ip_address,
    const platform::Os& os = platform::NativeOs());

// GetFqdn returns a fully qualified name for `name` (Python:
// socket.getfqdn(name)), never an error:
//   1. surrounding whitespace is stripped; "", "0.0.0.0" and "::" mean the
//      local host: GetHostName() (when that fails, the name is returned);
//   2. GetHostByAddr(name) gives a host entry; when it fails, the name of
//      step 1 is returned;
//   3. otherwise the first of (the entry's name, its aliases in order) that
//      contains a '.', or else the entry's name.
std::string GetFqdn(std::string_view name = "",
                    const platform::Os& os = platform::NativeOs());

// GetProtoByName returns the number of protocol `name` from the system's
// protocols database ("tcp" is 6, "udp" 17). Python:
// socket.getprotobyname(name). OS call: the backend's GetProtoByName
// (getprotobyname_r / getprotobyname). Errors: kInvalidArgument naming
// "name" for an embedded NUL; kNotFound "protocol not found"
// (ErrorClass::kOsError, as Python's OSError without errno).
absl::StatusOr<int> GetProtoByName(
    std::string_view name, const platform::Os& os = platform::NativeOs());

// GetServByName returns the port of service `name` for protocol `proto`
// (any protocol name of the database, or "" for the first entry of any
// protocol) from the system's services database. Python:
// socket.getservbyname(name, proto). OS call: the backend's GetServByName
// (getservbyname_r / getservbyname, a null protocol for ""); "" and a
// decimal number are not service names and fail without a call. Errors:
// kNotFound "service/proto not found" (ErrorClass::kOsError, as Python's
// OSError without errno); kInvalidArgument naming "name" or "proto" for an
// embedded NUL.
absl::StatusOr<uint16_t> GetServByName(
    std::string_view name, std::string_view proto = "",
    const platform::Os& os = platform::NativeOs());

// GetServByPort returns the service name of `port` for protocol `proto`
// (any protocol name of the database, or "" for the first entry of any
// protocol) from the system's services database. Python:
// socket.getservbyport(port, proto). OS call: the backend's GetServByPort
// (getservbyport_r / getservbyport, a null protocol for ""). Errors:
// kInvalidArgument naming "port" outside 0..65535 (Python: OverflowError)
// or "proto" for an embedded NUL; kNotFound "port/proto not found"
// (kOsError class).
absl::StatusOr<std::string> GetServByPort(
    int port, std::string_view proto = "",
    const platform::Os& os = platform::NativeOs());

// HasIpv6 returns whether the backend can create AF_INET6 sockets on this
// machine (Os::Supports(kIpv6)). Python: socket.has_ipv6, which is a
// build-time constant there.
bool HasIpv6(const platform::Os& os = platform::NativeOs());

}  // namespace xsock

#endif  // XSOCK_API_RESOLVER_H_
