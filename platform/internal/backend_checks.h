// platform/internal/backend_checks.h (testonly)
//
// The socket checks of the backend unit tests that hold on every backend,
// written once for the POSIX backend suite (posix/backend_test_suite.cc) and
// windows_os_test.cc: each function runs one case against a platform::Os
// with GoogleTest assertions. What differs per OS is a parameter (native
// error codes and constants, how a handle's inheritance flag is read
// natively, the test binary's allocation counter); the checks only one
// backend has stay in its own test file. Loopback only, port 0 read back, no
// sleeps. Includes no OS header.

#ifndef XSOCK_PLATFORM_INTERNAL_BACKEND_CHECKS_H_
#define XSOCK_PLATFORM_INTERNAL_BACKEND_CHECKS_H_

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "core/address.h"
#include "core/error.h"
#include "core/options.h"
#include "core/types.h"
#include "gtest/gtest.h"
#include "platform/internal/backend_test_util.h"
#include "platform/os.h"

namespace xsock {
namespace platform {
namespace testing {

// NativeInheritableFn reads a handle's inheritance flag with the OS's own
// call (fcntl FD_CLOEXEC, GetHandleInformation), not through the Os.
using NativeInheritableFn = bool (*)(NativeHandle h);

// --- TCP / UDP data ----------------------------------------------------------

// CheckTcpLoopbackRoundTrip connects a TCP client to a listener on
// 127.0.0.1, checks the names both ends report (the accepted peer is the
// client's name, the client's peer the listener's) and sends a message each
// way. The connection is left in *connected (client, server) unless that is
// null.
inline void CheckTcpLoopbackRoundTrip(const Os& os, Pair* connected) {
  XSOCK_ASSERT_OK_AND_ASSIGN(Listener l, MakeListener(os, Family::kInet));
  EXPECT_EQ(l.addr.family(), Family::kInet);
  EXPECT_EQ(l.addr.host(), "127.0.0.1");
  EXPECT_NE(l.addr.port(), 0);

  XSOCK_ASSERT_OK_AND_ASSIGN(Handle c,
                             MakeSocket(os, Family::kInet, Type::kStream));
  XSOCK_ASSERT_OK(os.Connect(c.get(), l.addr));
  SocketAddress peer;
  XSOCK_ASSERT_OK_AND_ASSIGN(NativeHandle accepted,
                             os.Accept(l.handle.get(), &peer));
  Handle s(&os, accepted);

  XSOCK_ASSERT_OK_AND_ASSIGN(SocketAddress client_name,
                             os.GetSockName(c.get()));
  EXPECT_EQ(peer, client_name) << peer.ToString();
  XSOCK_ASSERT_OK_AND_ASSIGN(SocketAddress client_peer,
                             os.GetPeerName(c.get()));
  EXPECT_EQ(client_peer, l.addr);

  XSOCK_ASSERT_OK(SendAll(os, c.get(), "hello, backend"));
  XSOCK_ASSERT_OK_AND_ASSIGN(std::string got, RecvExactly(os, s.get(), 14));
  EXPECT_EQ(got, "hello, backend");
  XSOCK_ASSERT_OK(SendAll(os, s.get(), "pong"));
  XSOCK_ASSERT_OK_AND_ASSIGN(got, RecvExactly(os, c.get(), 4));
  EXPECT_EQ(got, "pong");
  if (connected != nullptr) *connected = Pair{std::move(c), std::move(s)};
}

// CheckShutdownWriteGivesPeerEndOfStream half-closes the connected TCP pair
// `p` from its client: the server reads the data, then end of stream, and
// the other direction still works.
inline void CheckShutdownWriteGivesPeerEndOfStream(const Os& os,
                                                   const Pair& p) {
  XSOCK_ASSERT_OK(SendAll(os, p.client.get(), "last"));
  XSOCK_ASSERT_OK(os.Shutdown(p.client.get(), ShutdownHow::kWrite));
  XSOCK_ASSERT_OK_AND_ASSIGN(std::string got,
                             RecvExactly(os, p.server.get(), 10));
  EXPECT_EQ(got, "last");  // then end of stream
  XSOCK_ASSERT_OK(SendAll(os, p.server.get(), "back"));
  XSOCK_ASSERT_OK_AND_ASSIGN(got, RecvExactly(os, p.client.get(), 4));
  EXPECT_EQ(got, "back");
}

// CheckIpv6LoopbackRoundTrip connects a TCP client to a listener on ::1:
// both names are ::1 and data arrives. Skipped when ::1 is not configured
// (the caller skips a backend without AF_INET6).
inline void CheckIpv6LoopbackRoundTrip(const Os& os) {
  absl::StatusOr<Listener> l = MakeListener(os, Family::kInet6);
  if (!l.ok() && GetErrorKind(l.status()) == ErrorKind::kAddressNotAvailable) {
    GTEST_SKIP() << "::1 is not configured: " << l.status();
  }
  XSOCK_ASSERT_OK(l);
  EXPECT_EQ(l->addr.family(), Family::kInet6);
  EXPECT_EQ(l->addr.host(), "::1");
  EXPECT_NE(l->addr.port(), 0);
  XSOCK_ASSERT_OK_AND_ASSIGN(Handle c,
                             MakeSocket(os, Family::kInet6, Type::kStream));
  XSOCK_ASSERT_OK(os.Connect(c.get(), l->addr));
  SocketAddress peer;
  XSOCK_ASSERT_OK_AND_ASSIGN(NativeHandle a, os.Accept(l->handle.get(), &peer));
  Handle s(&os, a);
  EXPECT_EQ(peer.family(), Family::kInet6);
  EXPECT_EQ(peer.host(), "::1");
  XSOCK_ASSERT_OK_AND_ASSIGN(SocketAddress client_peer,
                             os.GetPeerName(c.get()));
  EXPECT_EQ(client_peer.host(), "::1");
  XSOCK_ASSERT_OK(SendAll(os, c.get(), "v6"));
  XSOCK_ASSERT_OK_AND_ASSIGN(std::string got, RecvExactly(os, s.get(), 2));
  EXPECT_EQ(got, "v6");
}

// CheckUdpSendToRecvFromReportsSender sends a datagram between two bound
// UDP sockets: RecvFrom gives the data and the sender's name. An empty
// datagram is a datagram too (IO-07).
inline void CheckUdpSendToRecvFromReportsSender(const Os& os) {
  XSOCK_ASSERT_OK_AND_ASSIGN(Datagrams d, MakeDatagrams(os));
  XSOCK_ASSERT_OK_AND_ASSIGN(size_t sent, os.SendTo(d.a.get(), "datagram", 8,
                                                    MsgFlags::kNone, d.b_name));
  EXPECT_EQ(sent, 8u);
  char buf[64];
  SocketAddress from;
  XSOCK_ASSERT_OK_AND_ASSIGN(size_t n, os.RecvFrom(d.b.get(), buf, sizeof(buf),
                                                   MsgFlags::kNone, &from));
  EXPECT_EQ(std::string(buf, n), "datagram");
  EXPECT_EQ(from, d.a_name) << from.ToString();

  XSOCK_ASSERT_OK(os.SendTo(d.a.get(), "", 0, MsgFlags::kNone, d.b_name));
  XSOCK_ASSERT_OK_AND_ASSIGN(
      n, os.Recv(d.b.get(), buf, sizeof(buf), MsgFlags::kNone));
  EXPECT_EQ(n, 0u);
}

// --- would-block ---------------------------------------------------------

// CheckWouldBlockAndSuccessPathsDoNotAllocate runs the would-block paths
// (recv and recvfrom on an empty non-blocking socket, accept on a
// non-blocking listener, send until the send buffer is full) and the
// success paths (send, wait, recv) between two readings of `allocations`,
// the test binary's count of operator new calls: none allocates, and every
// would-block is the bare status (kWouldBlock, no message). A full socket
// is not writable.
inline void CheckWouldBlockAndSuccessPathsDoNotAllocate(
    const Os& os, const std::atomic<long>& allocations) {
  XSOCK_ASSERT_OK_AND_ASSIGN(Pair p, MakeTcpPair(os, Family::kInet));
  XSOCK_ASSERT_OK(os.SetNonBlocking(p.client.get(), true));
  XSOCK_ASSERT_OK(os.SetNonBlocking(p.server.get(), true));
  CreateOptions nonblocking;
  nonblocking.nonblocking = true;
  XSOCK_ASSERT_OK_AND_ASSIGN(Listener l,
                             MakeListener(os, Family::kInet, nonblocking));
  // Small buffers so that a full send side is reached quickly.
  XSOCK_ASSERT_OK_AND_ASSIGN(NativeOption sndbuf,
                             os.NativeOptionFor(Option::kSndBuf));
  int small = 4096;
  XSOCK_ASSERT_OK(os.SetSockOpt(p.client.get(), sndbuf, &small, sizeof(small)));
  static char chunk[65536];
  char buf[16];
  SocketAddress from;

  const long before = allocations.load();
  absl::StatusOr<size_t> recv_empty =
      os.Recv(p.server.get(), buf, sizeof(buf), MsgFlags::kNone);
  absl::StatusOr<size_t> recvfrom_empty =
      os.RecvFrom(p.server.get(), buf, sizeof(buf), MsgFlags::kNone, &from);
  absl::StatusOr<NativeHandle> accept_empty =
      os.Accept(l.handle.get(), nullptr);
  absl::StatusOr<unsigned> wait_empty = os.Wait(p.server.get(), kWantRead, 0);
  absl::StatusOr<size_t> sent =
      os.Send(p.client.get(), "abc", 3, MsgFlags::kNone);
  absl::StatusOr<unsigned> wait_ready =
      os.Wait(p.server.get(), kWantRead, 10000);
  absl::StatusOr<size_t> got =
      os.Recv(p.server.get(), buf, sizeof(buf), MsgFlags::kNone);
  absl::StatusOr<size_t> send_full = absl::StatusOr<size_t>(size_t{0});
  for (int i = 0; i < 100000 && send_full.ok(); ++i) {
    send_full = os.Send(p.client.get(), chunk, sizeof(chunk), MsgFlags::kNone);
  }
  const long after = allocations.load();

  for (const absl::Status* s : {&recv_empty.status(), &recvfrom_empty.status(),
                                &accept_empty.status(), &send_full.status()}) {
    EXPECT_TRUE(IsWouldBlock(*s)) << *s;
    EXPECT_EQ(GetErrorKind(*s), ErrorKind::kWouldBlock);
    EXPECT_TRUE(s->message().empty()) << *s;
  }
  ASSERT_TRUE(wait_empty.ok()) << wait_empty.status();
  EXPECT_EQ(*wait_empty, 0u);
  ASSERT_TRUE(sent.ok()) << sent.status();
  EXPECT_EQ(*sent, 3u);
  ASSERT_TRUE(wait_ready.ok()) << wait_ready.status();
  EXPECT_NE(*wait_ready & kReadable, 0u);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(*got, 3u);
  EXPECT_EQ(after - before, 0) << "allocations on success/would-block paths";

  XSOCK_ASSERT_OK_AND_ASSIGN(unsigned w,
                             os.Wait(p.client.get(), kWantWrite, 0));
  EXPECT_EQ(w & kWritable, 0u) << "a full socket is not writable";
}

// --- errors ------------------------------------------------------------------

// CheckConnectToClosedPortIsRefused connects a blocking TCP socket to a
// port held by a bound, non-listening socket: kConnectionRefused of class
// kOsError from "connect" with the native code `refused_code`, well within a
// second (quirk CONN-04; the time is recorded as refused_connect_ms).
inline void CheckConnectToClosedPortIsRefused(const Os& os, int refused_code) {
  XSOCK_ASSERT_OK_AND_ASSIGN(ClosedPort closed, MakeClosedPort(os));
  XSOCK_ASSERT_OK_AND_ASSIGN(Handle c,
                             MakeSocket(os, Family::kInet, Type::kStream));
  const auto start = std::chrono::steady_clock::now();
  absl::Status s = os.Connect(c.get(), closed.addr);
  const int64_t ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::steady_clock::now() - start)
                         .count();
  EXPECT_EQ(GetErrorKind(s), ErrorKind::kConnectionRefused) << s;
  EXPECT_EQ(GetNativeCode(s), refused_code) << s;
  EXPECT_EQ(GetFailedCall(s), "connect");
  EXPECT_EQ(GetErrorClass(s), ErrorClass::kOsError);
  EXPECT_LT(ms, 1000) << "refused loopback connect took " << ms << " ms";
  ::testing::Test::RecordProperty("refused_connect_ms", std::to_string(ms));
}

// NativeErrorCodes are a backend's native codes for the cases
// CheckErrorMapping looks at.
struct NativeErrorCodes {
  int would_block;
  int interrupted;
  int connection_reset;
  int timed_out;
};

// CheckErrorMapping: would-block and interrupted are the bare statuses (no
// message); any other code keeps its kind, native code and call, with the
// kind's portable text first; a code the table lacks is kUnknown naming the
// number.
inline void CheckErrorMapping(const Os& os, const NativeErrorCodes& codes) {
  absl::Status s = os.ErrorFromNative(codes.would_block, "recv");
  EXPECT_TRUE(IsWouldBlock(s)) << s;
  EXPECT_TRUE(s.message().empty()) << s;
  EXPECT_EQ(os.KindOfNative(codes.would_block), ErrorKind::kWouldBlock);

  s = os.ErrorFromNative(codes.interrupted, "recv");
  EXPECT_TRUE(IsInterrupted(s)) << s;
  EXPECT_TRUE(s.message().empty()) << s;

  s = os.ErrorFromNative(codes.connection_reset, "recv");
  // The kind's portable text, the same on every backend.
  EXPECT_EQ(std::string(s.message()).rfind("recv: connection reset by peer", 0),
            0u)
      << s;
  EXPECT_EQ(GetErrorKind(s), ErrorKind::kConnectionReset);
  EXPECT_EQ(GetNativeCode(s), codes.connection_reset);
  EXPECT_EQ(GetFailedCall(s), "recv");

  s = os.ErrorFromNative(codes.timed_out, "connect");
  EXPECT_EQ(GetErrorKind(s), ErrorKind::kTimedOut);
  EXPECT_EQ(GetErrorClass(s), ErrorClass::kTimeout);

  const int unknown = 987654;
  s = os.ErrorFromNative(unknown, "send");
  EXPECT_EQ(GetErrorKind(s), ErrorKind::kUnknown);
  EXPECT_EQ(GetNativeCode(s), unknown);
  EXPECT_NE(std::string(s.message()).find("987654"), std::string::npos) << s;
  EXPECT_EQ(os.KindOfNative(unknown), ErrorKind::kUnknown);
}

// NativeErrorCase is one row of a backend's expected error table.
struct NativeErrorCase {
  int code;
  ErrorKind kind;
};

// CheckNativeErrorTable: every native code of `cases` maps to its kind,
// through KindOfNative and ErrorFromNative, and keeps its native code
// (except the bare would-block and interrupted statuses). `code_name`
// labels a code in failure messages ("errno", "WSA").
template <size_t N>
void CheckNativeErrorTable(const Os& os, const NativeErrorCase (&cases)[N],
                           const char* code_name) {
  for (const NativeErrorCase& c : cases) {
    EXPECT_EQ(os.KindOfNative(c.code), c.kind) << code_name << " " << c.code;
    absl::Status e = os.ErrorFromNative(c.code, "call");
    EXPECT_EQ(GetErrorKind(e), c.kind) << e;
    if (c.kind != ErrorKind::kWouldBlock && c.kind != ErrorKind::kInterrupted) {
      EXPECT_EQ(GetNativeCode(e), c.code) << e;
    }
  }
}

// --- inheritance and Dup -----------------------------------------------------

// CheckCreatedHandlesAreNonInheritable: a connected TCP pair (both ends), a
// UDP socket, a Dup and, where the backend has a native socketpair, both
// ends of one are non-inheritable, by the Os and by `native_inheritable`.
inline void CheckCreatedHandlesAreNonInheritable(
    const Os& os, NativeInheritableFn native_inheritable) {
  XSOCK_ASSERT_OK_AND_ASSIGN(Pair tcp, MakeTcpPair(os, Family::kInet));
  XSOCK_ASSERT_OK_AND_ASSIGN(Handle udp,
                             MakeSocket(os, Family::kInet, Type::kDgram));
  XSOCK_ASSERT_OK_AND_ASSIGN(NativeHandle d, os.Dup(tcp.client.get()));
  Handle dup(&os, d);
  Pair unix_pair;
  if (os.Supports(Capability::kNativeSocketPair)) {
    XSOCK_ASSERT_OK_AND_ASSIGN(unix_pair, MakeUnixPair(os));
  }
  for (NativeHandle h :
       {tcp.client.get(), tcp.server.get(), udp.get(), dup.get(),
        unix_pair.client.get(), unix_pair.server.get()}) {
    if (h == kInvalidHandle) continue;  // no socketpair
    EXPECT_FALSE(native_inheritable(h)) << "handle " << h;
    XSOCK_ASSERT_OK_AND_ASSIGN(bool inheritable, os.IsInheritable(h));
    EXPECT_FALSE(inheritable) << "handle " << h;
  }
}

// CheckInheritableOptionAndSetInheritableRoundTrip: CreateOptions::
// inheritable gives an inheritable handle; SetInheritable clears and sets
// the flag, as the Os and `native_inheritable` read it.
inline void CheckInheritableOptionAndSetInheritableRoundTrip(
    const Os& os, NativeInheritableFn native_inheritable) {
  CreateOptions raw;
  raw.inheritable = true;
  XSOCK_ASSERT_OK_AND_ASSIGN(Handle h,
                             MakeSocket(os, Family::kInet, Type::kStream, raw));
  EXPECT_TRUE(native_inheritable(h.get()));
  XSOCK_ASSERT_OK_AND_ASSIGN(bool inheritable, os.IsInheritable(h.get()));
  EXPECT_TRUE(inheritable);
  XSOCK_ASSERT_OK(os.SetInheritable(h.get(), false));
  EXPECT_FALSE(native_inheritable(h.get()));
  XSOCK_ASSERT_OK(os.SetInheritable(h.get(), true));
  EXPECT_TRUE(native_inheritable(h.get()));
  XSOCK_ASSERT_OK_AND_ASSIGN(inheritable, os.IsInheritable(h.get()));
  EXPECT_TRUE(inheritable);
}

// CheckDupIsTheSameSocket: a Dup of a listener is another, non-inheritable
// handle of the same socket (its name, its type), and keeps listening after
// the original is closed.
inline void CheckDupIsTheSameSocket(const Os& os,
                                    NativeInheritableFn native_inheritable) {
  XSOCK_ASSERT_OK_AND_ASSIGN(Listener l, MakeListener(os, Family::kInet));
  XSOCK_ASSERT_OK_AND_ASSIGN(NativeHandle d, os.Dup(l.handle.get()));
  Handle dup(&os, d);
  EXPECT_NE(dup.get(), l.handle.get());
  EXPECT_FALSE(native_inheritable(dup.get()));
  XSOCK_ASSERT_OK_AND_ASSIGN(SocketAddress name, os.GetSockName(dup.get()));
  EXPECT_EQ(name, l.addr);
  XSOCK_ASSERT_OK_AND_ASSIGN(HandleInfo info, os.Describe(dup.get()));
  EXPECT_EQ(info.type, Type::kStream);
  l.handle.Reset();
  XSOCK_ASSERT_OK_AND_ASSIGN(Handle c,
                             MakeSocket(os, Family::kInet, Type::kStream));
  XSOCK_ASSERT_OK(os.Connect(c.get(), l.addr));
  XSOCK_ASSERT_OK_AND_ASSIGN(NativeHandle a, os.Accept(dup.get(), nullptr));
  Handle s(&os, a);
}

// --- addresses and families --------------------------------------------------

// CheckPeerNameOfUnconnectedIsNotConnected: GetPeerName of an unconnected
// TCP socket is kNotConnected.
inline void CheckPeerNameOfUnconnectedIsNotConnected(const Os& os) {
  XSOCK_ASSERT_OK_AND_ASSIGN(Handle h,
                             MakeSocket(os, Family::kInet, Type::kStream));
  absl::StatusOr<SocketAddress> peer = os.GetPeerName(h.get());
  EXPECT_EQ(GetErrorKind(peer.status()), ErrorKind::kNotConnected)
      << peer.status();
}

// CheckUnixStreamPathRoundTrip: an unbound AF_UNIX stream socket's name is
// the empty path; bound to `path` (which must not exist) and listening, its
// name is `path`; a client connects and its data arrives; a second bind to
// the path is kAddressInUse (UNIX-03). What accept() reports of the peer is
// left in *accepted_peer, and the connection in *connected, unless they are
// null (with a null accepted_peer accept() is not asked for the address).
inline void CheckUnixStreamPathRoundTrip(const Os& os,
                                         const SocketAddress& path,
                                         SocketAddress* accepted_peer,
                                         Pair* connected) {
  XSOCK_ASSERT_OK_AND_ASSIGN(Handle l,
                             MakeSocket(os, Family::kUnix, Type::kStream));
  XSOCK_ASSERT_OK_AND_ASSIGN(SocketAddress unbound, os.GetSockName(l.get()));
  EXPECT_EQ(unbound.family(), Family::kUnix);
  EXPECT_EQ(unbound.unix_path(), "") << unbound.ToString();

  XSOCK_ASSERT_OK(os.Bind(l.get(), path));
  XSOCK_ASSERT_OK(os.Listen(l.get(), 4));
  XSOCK_ASSERT_OK_AND_ASSIGN(SocketAddress name, os.GetSockName(l.get()));
  EXPECT_EQ(name, path) << name.ToString();

  XSOCK_ASSERT_OK_AND_ASSIGN(Handle c,
                             MakeSocket(os, Family::kUnix, Type::kStream));
  XSOCK_ASSERT_OK(os.Connect(c.get(), path));
  XSOCK_ASSERT_OK_AND_ASSIGN(NativeHandle a, os.Accept(l.get(), accepted_peer));
  Handle s(&os, a);
  XSOCK_ASSERT_OK(SendAll(os, c.get(), "unix"));
  XSOCK_ASSERT_OK_AND_ASSIGN(std::string got, RecvExactly(os, s.get(), 4));
  EXPECT_EQ(got, "unix");

  XSOCK_ASSERT_OK_AND_ASSIGN(Handle again,
                             MakeSocket(os, Family::kUnix, Type::kStream));
  absl::Status st = os.Bind(again.get(), path);
  EXPECT_EQ(GetErrorKind(st), ErrorKind::kAddressInUse) << st;
  if (connected != nullptr) *connected = Pair{std::move(c), std::move(s)};
}

// CheckUnsupportedFamiliesAreFamilyNotSupported: socket() of AF_NETLINK or
// AF_TIPC on a backend without the capability is kFamilyNotSupported.
inline void CheckUnsupportedFamiliesAreFamilyNotSupported(const Os& os) {
  for (Family f : {Family::kNetlink, Family::kTipc}) {
    Capability cap =
        f == Family::kNetlink ? Capability::kNetlink : Capability::kTipc;
    if (os.Supports(cap)) continue;
    absl::StatusOr<NativeHandle> h =
        os.Socket(f, Type::kRdm, 0, CreateOptions{});
    if (h.ok()) os.Close(*h).IgnoreError();
    EXPECT_EQ(GetErrorKind(h.status()), ErrorKind::kFamilyNotSupported)
        << FamilyName(f) << ": " << h.status();
  }
}

// CheckDescribeReadsInetFamilyTypeAndProtocol: Describe of TCP, UDP and
// (with AF_INET6) TCP over IPv6 sockets gives their family and type, and
// the protocol 6 (TCP) or 17 (UDP); where `protocol_may_be_zero` the
// backend may not know the protocol and report 0.
inline void CheckDescribeReadsInetFamilyTypeAndProtocol(
    const Os& os, bool protocol_may_be_zero) {
  XSOCK_ASSERT_OK_AND_ASSIGN(Handle tcp,
                             MakeSocket(os, Family::kInet, Type::kStream));
  XSOCK_ASSERT_OK_AND_ASSIGN(HandleInfo info, os.Describe(tcp.get()));
  EXPECT_EQ(info.family, Family::kInet);
  EXPECT_EQ(info.type, Type::kStream);
  EXPECT_TRUE(info.proto == 6 || (protocol_may_be_zero && info.proto == 0))
      << info.proto;

  XSOCK_ASSERT_OK_AND_ASSIGN(Handle udp,
                             MakeSocket(os, Family::kInet, Type::kDgram));
  XSOCK_ASSERT_OK_AND_ASSIGN(info, os.Describe(udp.get()));
  EXPECT_EQ(info.family, Family::kInet);
  EXPECT_EQ(info.type, Type::kDgram);
  EXPECT_TRUE(info.proto == 17 || (protocol_may_be_zero && info.proto == 0))
      << info.proto;

  if (os.Supports(Capability::kIpv6)) {
    XSOCK_ASSERT_OK_AND_ASSIGN(Handle v6,
                               MakeSocket(os, Family::kInet6, Type::kStream));
    XSOCK_ASSERT_OK_AND_ASSIGN(info, os.Describe(v6.get()));
    EXPECT_EQ(info.family, Family::kInet6);
    EXPECT_EQ(info.type, Type::kStream);
  }
}

// --- options -----------------------------------------------------------------

// NativeSocketConstants are the native values CheckOptionsMapAndRoundTrip
// compares with.
struct NativeSocketConstants {
  int sol_socket;   // SOL_SOCKET
  int sock_stream;  // SOCK_STREAM
};

// UnmappedOptionCount is how many Options the backend has no native option
// for.
inline int UnmappedOptionCount(const Os& os) {
  int unmapped = 0;
  for (int i = 0; i < kOptionCount; ++i) {
    if (!os.NativeOptionFor(static_cast<Option>(i)).ok()) ++unmapped;
  }
  return unmapped;
}

// CheckOptionsMapAndRoundTrip: every Option maps to a native option or is
// kUnimplemented naming it, and one out of range is kInvalidArgument; each
// boolean option of `booleans` set to 1 on a TCP socket reads back as an
// int, non-zero (exactly 1 where `true_is_one`: a shorter answer must be
// widened); SO_TYPE is SOCK_STREAM; an option the OS does not know at
// SOL_SOCKET is the OS's kProtocolOptionNotSupported.
inline void CheckOptionsMapAndRoundTrip(const Os& os,
                                        std::initializer_list<Option> booleans,
                                        bool true_is_one,
                                        const NativeSocketConstants& native) {
  for (int i = 0; i < kOptionCount; ++i) {
    const Option o = static_cast<Option>(i);
    absl::StatusOr<NativeOption> opt = os.NativeOptionFor(o);
    if (opt.ok()) continue;
    EXPECT_EQ(GetErrorKind(opt.status()), ErrorKind::kUnimplemented);
    EXPECT_NE(std::string(opt.status().message()).find(GetOptionInfo(o)->name),
              std::string::npos)
        << opt.status();
  }
  absl::StatusOr<NativeOption> bad =
      os.NativeOptionFor(static_cast<Option>(kOptionCount + 7));
  EXPECT_EQ(GetErrorKind(bad.status()), ErrorKind::kInvalidArgument)
      << bad.status();

  XSOCK_ASSERT_OK_AND_ASSIGN(Handle h,
                             MakeSocket(os, Family::kInet, Type::kStream));
  for (Option o : booleans) {
    XSOCK_ASSERT_OK_AND_ASSIGN(NativeOption opt, os.NativeOptionFor(o));
    int one = 1;
    XSOCK_ASSERT_OK(os.SetSockOpt(h.get(), opt, &one, sizeof(one)));
    int value = true_is_one ? -1 : 0;  // -1: every byte set
    size_t len = sizeof(value);
    XSOCK_ASSERT_OK(os.GetSockOpt(h.get(), opt, &value, &len));
    EXPECT_EQ(len, sizeof(int)) << GetOptionInfo(o)->name;
    if (true_is_one) {
      EXPECT_EQ(value, 1) << GetOptionInfo(o)->name;
    } else {
      EXPECT_NE(value, 0) << GetOptionInfo(o)->name;
    }
  }
  XSOCK_ASSERT_OK_AND_ASSIGN(NativeOption type_opt,
                             os.NativeOptionFor(Option::kType));
  int type = 0;
  size_t len = sizeof(type);
  XSOCK_ASSERT_OK(os.GetSockOpt(h.get(), type_opt, &type, &len));
  EXPECT_EQ(type, native.sock_stream);

  // An option the OS does not know for this socket is the OS's error.
  absl::Status st = os.SetSockOpt(
      h.get(), NativeOption{native.sol_socket, 0x7abc}, &type, sizeof(type));
  EXPECT_EQ(GetErrorKind(st), ErrorKind::kProtocolOptionNotSupported) << st;
}

// CheckLingerRoundTripsInSeconds: the TCP socket `h` starts with linger
// off; on with 7 s and off again read back. (Times outside 0..65535 s are
// api/'s to reject: api/socket_options_test.cc.)
inline void CheckLingerRoundTripsInSeconds(const Os& os, NativeHandle h) {
  XSOCK_ASSERT_OK_AND_ASSIGN(Linger initial, os.GetLinger(h));
  EXPECT_FALSE(initial.on);
  XSOCK_ASSERT_OK(os.SetLinger(h, Linger{true, 7}));
  XSOCK_ASSERT_OK_AND_ASSIGN(Linger on, os.GetLinger(h));
  EXPECT_TRUE(on.on);
  EXPECT_EQ(on.seconds, 7);
  XSOCK_ASSERT_OK(os.SetLinger(h, Linger{false, 0}));
  XSOCK_ASSERT_OK_AND_ASSIGN(Linger off, os.GetLinger(h));
  EXPECT_FALSE(off.on);
}

// CheckTimeOptionsRoundTripAndNeverRoundToNone: SO_RCVTIMEO and SO_SNDTIMEO
// of the TCP socket `h` start at 0 (none); 1.5 s reads back exactly; a
// nanosecond reads back as more than 0 (never "no timeout") and at most
// 20 ms; 0 reads back as 0. A time for SO_LINGER and reading a non-time
// option as a time are kInvalidArgument. (A negative time is api/'s to
// reject: api/socket_options_test.cc.)
inline void CheckTimeOptionsRoundTripAndNeverRoundToNone(const Os& os,
                                                         NativeHandle h) {
  for (Option o : {Option::kRcvTimeo, Option::kSndTimeo}) {
    XSOCK_ASSERT_OK_AND_ASSIGN(absl::Duration initial, os.GetTimeOption(h, o));
    EXPECT_EQ(initial, absl::ZeroDuration()) << GetOptionInfo(o)->name;
    // 1.5 s is a whole number of clock ticks at any HZ the kernel uses.
    XSOCK_ASSERT_OK(os.SetTimeOption(h, o, absl::Milliseconds(1500)));
    XSOCK_ASSERT_OK_AND_ASSIGN(absl::Duration set, os.GetTimeOption(h, o));
    EXPECT_EQ(set, absl::Milliseconds(1500)) << GetOptionInfo(o)->name;
    // A nanosecond is rounded up to the field's unit (then to a clock tick
    // by Linux), never to 0, which would mean no timeout.
    XSOCK_ASSERT_OK(os.SetTimeOption(h, o, absl::Nanoseconds(1)));
    XSOCK_ASSERT_OK_AND_ASSIGN(absl::Duration tiny, os.GetTimeOption(h, o));
    EXPECT_GT(tiny, absl::ZeroDuration()) << GetOptionInfo(o)->name;
    EXPECT_LE(tiny, absl::Milliseconds(20)) << GetOptionInfo(o)->name;
    XSOCK_ASSERT_OK(os.SetTimeOption(h, o, absl::ZeroDuration()));
    XSOCK_ASSERT_OK_AND_ASSIGN(absl::Duration none, os.GetTimeOption(h, o));
    EXPECT_EQ(none, absl::ZeroDuration()) << GetOptionInfo(o)->name;
  }
  absl::Status st = os.SetTimeOption(h, Option::kLinger, absl::Seconds(1));
  EXPECT_EQ(GetErrorKind(st), ErrorKind::kInvalidArgument) << st;
  absl::StatusOr<absl::Duration> got = os.GetTimeOption(h, Option::kKeepAlive);
  EXPECT_EQ(GetErrorKind(got.status()), ErrorKind::kInvalidArgument)
      << got.status();
}

// --- handle accounting -------------------------------------------------------

// CheckHandleCountUnchangedAfterCreateAndClose: creating a socket raises
// OpenHandleCountForTesting (by exactly one where `one_handle_per_socket`),
// closing it restores the count, and so does closing a TCP listener,
// connection and Dup and, with a native socketpair, a pair. The caller
// skips a backend without Capability::kHandleCount.
inline void CheckHandleCountUnchangedAfterCreateAndClose(
    const Os& os, bool one_handle_per_socket) {
  XSOCK_ASSERT_OK_AND_ASSIGN(int before, os.OpenHandleCountForTesting());
  absl::StatusOr<NativeHandle> h =
      os.Socket(Family::kInet, Type::kStream, 0, CreateOptions{});
  XSOCK_ASSERT_OK(h);
  XSOCK_ASSERT_OK_AND_ASSIGN(int during, os.OpenHandleCountForTesting());
  if (one_handle_per_socket) {
    EXPECT_EQ(during, before + 1);
  } else {
    EXPECT_GT(during, before);
  }
  XSOCK_ASSERT_OK(os.Close(*h));
  XSOCK_ASSERT_OK_AND_ASSIGN(int after, os.OpenHandleCountForTesting());
  EXPECT_EQ(after, before);

  {
    XSOCK_ASSERT_OK_AND_ASSIGN(Pair p, MakeTcpPair(os, Family::kInet));
    XSOCK_ASSERT_OK_AND_ASSIGN(NativeHandle d, os.Dup(p.client.get()));
    Handle dup(&os, d);
    if (os.Supports(Capability::kNativeSocketPair)) {
      XSOCK_ASSERT_OK_AND_ASSIGN(Pair u, MakeUnixPair(os));
    }
  }
  XSOCK_ASSERT_OK_AND_ASSIGN(after, os.OpenHandleCountForTesting());
  EXPECT_EQ(after, before) << "a listener, connection, dup or pair leaked";
}

}  // namespace testing
}  // namespace platform
}  // namespace xsock

#endif  // XSOCK_PLATFORM_INTERNAL_BACKEND_CHECKS_H_
