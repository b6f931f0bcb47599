// xsock/connection.h
//
// CreateConnection: connect a TCP client to a host and port the way Python's
// socket.create_connection() does. Include as "xsock/connection.h". The
// documented behaviour is docs/behaviour/connection.md (CREATE-nn).

#ifndef XSOCK_API_CONNECTION_H_
#define XSOCK_API_CONNECTION_H_

#include <optional>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "core/addrinfo.h"
#include "core/address.h"
#include "core/error.h"
#include "platform/os.h"
#include "xsock/socket.h"

namespace xsock {

// ConnectOptions are the optional arguments of CreateConnection.
struct ConnectOptions {
  // timeout: unset = the module default (GetDefaultTimeout); set to nullopt
  // = blocking even if a default is set; set to a value = that timeout.
  // Python: the timeout argument absent / None / a number.
  std::optional<Timeout> timeout;
  // source_address: when set, each socket is bound to it before connecting
  // (port 0 lets the OS choose). Python: source_address=(host, port).
  std::optional<SocketAddress> source_address;
  // all_errors: when every attempt fails, the message lists every attempt
  // ("<address>: <error>" joined by "; "); otherwise only the last one.
  // Python: all_errors=True (an ExceptionGroup of every attempt's error).
  bool all_errors = false;
  // happy_eyeballs: race the addresses as RFC 8305 (Happy Eyeballs v2)
  // does instead of trying them one after another: the order of
  // InterleaveFamilies, a new attempt every 250 ms (the Connection Attempt
  // Delay) or as soon as every started one has failed, several non-blocking
  // connects in flight, the first to complete wins and the others are
  // closed; the timeout is one deadline for the whole race (blocking: none).
  // With a zero timeout the addresses are tried in turn as without it.
  bool happy_eyeballs = false;
};

// CreateConnection resolves `host` and `port` for both families
// (GetAddrInfo(host, port, AF_UNSPEC, SOCK_STREAM)) and tries each result in
// the order the resolver returned them: create a socket, set its timeout
// (ConnectOptions::timeout), bind ConnectOptions::source_address if given,
// connect. The first socket that connects is returned (in the mode of the
// timeout); every failed socket is closed. Each attempt has the whole
// timeout (there is no overall deadline).
// Errors: kInvalidArgument naming "host" (empty), "port" (outside
// 0..65535), "timeout" (negative or infinite) before any resolution; the
// kAddrInfo* kinds of GetAddrInfo; when every attempt fails, the last
// attempt's error, its kind kept (a timeout stays kTimedOut, ErrorClass
// kTimeout) and its native code kept, with call "create_connection" and a
// message naming the attempt(s) (see ConnectOptions::all_errors). An
// address whose family differs from source_address's is not tried: its
// attempt is a kInvalidArgument naming "source_address".
// With happy_eyeballs an attempt still in flight at the deadline, and the
// race itself, end with kTimedOut.
// Corresponds to getaddrinfo + socket + bind + connect (+ poll).
// Python: socket.create_connection(address, timeout, source_address,
// all_errors=...).
// Platform notes: the order of the addresses is the resolver's ("localhost"
// may give ::1 before 127.0.0.1, or only one of them).
absl::StatusOr<Socket> CreateConnection(
    std::string_view host, int port, ConnectOptions opts = {},
    const platform::Os& os = platform::NativeOs());

// CreateConnection (candidates form) connects to one of `candidates`
// (records from GetAddrInfo or built by the caller) exactly as the form
// above does after resolving: in their order, or raced with
// happy_eyeballs, with the same options, result and errors. Use it to
// resolve once and connect several times, or to choose the addresses.
// Errors: kInvalidArgument naming "candidates" when the list is empty or a
// record is not a stream record of AF_INET/AF_INET6, "timeout" (negative or
// infinite); then as above. Corresponds to socket + bind + connect
// (+ poll). Python: none (create_connection always resolves).
absl::StatusOr<Socket> CreateConnection(
    const std::vector<AddrInfo>& candidates, ConnectOptions opts = {},
    const platform::Os& os = platform::NativeOs());

// InterleaveFamilies returns `infos` in the order RFC 8305 (Happy Eyeballs
// v2, section 4) tries them: the family of the first result (the
// resolver's preferred one, IPv6 on a host that prefers it) first, then
// alternating between IPv6 and IPv4, each family keeping the resolver's
// relative order; when one family runs out the rest of the other follows,
// and results of any other family come last in their order. Pure: no
// backend, no system call.
std::vector<AddrInfo> InterleaveFamilies(const std::vector<AddrInfo>& infos);

}  // namespace xsock

#endif  // XSOCK_API_CONNECTION_H_
