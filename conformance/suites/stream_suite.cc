// conformance/suites/stream_suite.cc: STREAM-nn, buffered streams over a
// socket (SocketStream, Python's makefile; docs/behaviour/streams.md).

#include <string>
#include <utility>

#include "absl/time/time.h"
#include "absl/types/span.h"
#include "conformance/harness.h"
#include "conformance/suites/suites.h"
#include "core/error.h"
#include "xsock/socket_stream.h"

namespace xsock {
namespace conformance {
namespace {

TEST_P(StreamSuite, STREAM_01_ReadLineLineByLine) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.server.SendAll("first\nsecond\n\nlast"));
  ASSERT_OK(c.server.Close());
  ASSERT_OK_AND_ASSIGN(SocketStream s, SocketStream::Open(c.client, "rb"));
  ASSERT_OK_AND_ASSIGN(std::string line, s.ReadLine());
  EXPECT_EQ(line, "first\n");
  ASSERT_OK_AND_ASSIGN(line, s.ReadLine(3));
  EXPECT_EQ(line, "sec");
  ASSERT_OK_AND_ASSIGN(line, s.ReadLine());
  EXPECT_EQ(line, "ond\n");
  ASSERT_OK_AND_ASSIGN(line, s.ReadLine());
  EXPECT_EQ(line, "\n");
  ASSERT_OK_AND_ASSIGN(line, s.ReadLine());
  EXPECT_EQ(line, "last");
  ASSERT_OK_AND_ASSIGN(line, s.ReadLine());
  EXPECT_EQ(line, "");
}

TEST_P(StreamSuite, STREAM_02_PartialReads) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.server.SendAll("0123456789"));
  ASSERT_OK_AND_ASSIGN(SocketStream s, SocketStream::Open(c.client, "r"));
  ASSERT_OK_AND_ASSIGN(std::string got, s.Read(4));
  EXPECT_EQ(got, "0123");
  char buf[3];
  ASSERT_OK_AND_ASSIGN(size_t n, s.ReadInto(absl::MakeSpan(buf)));
  EXPECT_EQ(std::string(buf, n), "456");
  ASSERT_OK(c.server.Close());
  ASSERT_OK_AND_ASSIGN(got, s.Read(100));  // fewer at end of stream
  EXPECT_EQ(got, "789");
  ASSERT_OK_AND_ASSIGN(got, s.Read(100));
  EXPECT_EQ(got, "");
}

TEST_P(StreamSuite, STREAM_03_ReadToEof) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.server.SetTimeout(kPeerTimeout));
  const std::string data = Pattern(1024 * 1024);
  ASSERT_OK_AND_ASSIGN(SocketStream s, SocketStream::Open(c.client));
  absl::StatusOr<std::string> got;
  {
    ScopedThread peer([&] {
      EXPECT_OK(c.server.SendAll(data));
      EXPECT_OK(c.server.Close());
    });
    got = s.Read();
  }
  ASSERT_OK(got);
  EXPECT_EQ(got->size(), data.size());
  EXPECT_TRUE(*got == data) << "content differs";
}

TEST_P(StreamSuite, STREAM_04_ByteAtATime) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  const std::string data = "byte by byte\n";
  ASSERT_OK(c.server.SendAll(data));
  ASSERT_OK(c.server.Close());
  ASSERT_OK_AND_ASSIGN(SocketStream s, SocketStream::Open(c.client, "rb"));
  std::string got;
  for (size_t i = 0; i <= data.size(); ++i) {
    ASSERT_OK_AND_ASSIGN(std::string one, s.Read(1));
    if (one.empty()) break;
    EXPECT_EQ(one.size(), 1u);
    got += one;
  }
  EXPECT_EQ(got, data);
}

TEST_P(StreamSuite, STREAM_05_WriteArrivesAfterFlush) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK_AND_ASSIGN(SocketStream s, SocketStream::Open(c.client, "wb"));
  ASSERT_OK_AND_ASSIGN(size_t n, s.Write("hello "));
  EXPECT_EQ(n, 6u);
  ASSERT_OK(s.Write("world"));
  ASSERT_OK(c.server.SetBlocking(false));
  // Buffered: nothing has been sent yet.
  EXPECT_KIND(c.server.Recv(64), ErrorKind::kWouldBlock);
  ASSERT_OK(s.Flush());
  ASSERT_OK(c.server.SetTimeout(kPeerTimeout));
  ASSERT_OK_AND_ASSIGN(std::string got, ReadExactly(c.server, 11));
  EXPECT_EQ(got, "hello world");
}

TEST_P(StreamSuite, STREAM_05_CloseFlushes) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK_AND_ASSIGN(SocketStream s, SocketStream::Open(c.client, "w"));
  ASSERT_OK(s.Write("pending"));
  ASSERT_OK(c.server.SetBlocking(false));
  EXPECT_KIND(c.server.Recv(64), ErrorKind::kWouldBlock);
  ASSERT_OK(s.Close());
  ASSERT_OK(c.server.SetTimeout(kPeerTimeout));
  ASSERT_OK_AND_ASSIGN(std::string got, ReadExactly(c.server, 7));
  EXPECT_EQ(got, "pending");
}

TEST_P(StreamSuite, STREAM_06_CloseLeavesTheSocketOpen) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK_AND_ASSIGN(SocketStream s, SocketStream::Open(c.client, "rw"));
  ASSERT_OK_AND_ASSIGN(NativeHandle h, s.Fileno());
  EXPECT_EQ(h, c.client.Fileno());
  ASSERT_OK(s.Close());
  ASSERT_OK(s.Close());  // idempotent
  EXPECT_FALSE(c.client.closed());
  ASSERT_OK(c.client.SetTimeout(kPeerTimeout));
  ASSERT_OK(c.server.SetTimeout(kPeerTimeout));
  EXPECT_TRUE(Transfers(c.client, c.server, "still open"));
  EXPECT_TRUE(Transfers(c.server, c.client, "both ways"));
}

TEST_P(StreamSuite, STREAM_06_CallsAfterCloseNameTheStream) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK_AND_ASSIGN(SocketStream s, SocketStream::Open(c.client, "rw"));
  ASSERT_OK(s.Close());
  EXPECT_INVALID_ARGUMENT(s.Read(1), "stream");
  EXPECT_INVALID_ARGUMENT(s.ReadLine(), "stream");
  EXPECT_INVALID_ARGUMENT(s.Write("x"), "stream");
  EXPECT_INVALID_ARGUMENT(s.Flush(), "stream");
  EXPECT_INVALID_ARGUMENT(s.Fileno(), "stream");
}

TEST_P(StreamSuite, STREAM_07_NonBlockingSocketIsRejected) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.client.SetBlocking(false));
  EXPECT_INVALID_ARGUMENT(SocketStream::Open(c.client), "socket");
}

TEST_P(StreamSuite, STREAM_07_TimeoutSocketIsRejected) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK(c.client.SetTimeout(absl::Seconds(1)));
  EXPECT_INVALID_ARGUMENT(SocketStream::Open(c.client, "w"), "socket");
  // A socket that leaves blocking mode after Open is rejected per call.
  ASSERT_OK(c.client.SetBlocking(true));
  ASSERT_OK_AND_ASSIGN(SocketStream s, SocketStream::Open(c.client, "rw"));
  ASSERT_OK(c.client.SetTimeout(absl::Seconds(1)));
  EXPECT_INVALID_ARGUMENT(s.Read(1), "socket");
  EXPECT_INVALID_ARGUMENT(s.Write("x"), "socket");
}

TEST_P(StreamSuite, STREAM_08_BadModeNamesMode) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  for (const char* mode : {"", "b", "a", "r+", "rr", "x", "rt"}) {
    EXPECT_INVALID_ARGUMENT(SocketStream::Open(c.client, mode), "mode")
        << "mode \"" << mode << "\"";
  }
  for (const char* mode : {"r", "rb", "w", "wb", "rw", "rwb"}) {
    EXPECT_OK(SocketStream::Open(c.client, mode)) << "mode " << mode;
  }
}

TEST_P(StreamSuite, STREAM_09_WrongDirectionNamesTheStream) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK_AND_ASSIGN(SocketStream r, SocketStream::Open(c.client, "r"));
  EXPECT_INVALID_ARGUMENT(r.Write("x"), "stream");
  ASSERT_OK_AND_ASSIGN(SocketStream w, SocketStream::Open(c.client, "w"));
  EXPECT_INVALID_ARGUMENT(w.Read(1), "stream");
  EXPECT_INVALID_ARGUMENT(w.ReadLine(), "stream");
}

TEST_P(StreamSuite, STREAM_10_SocketErrorsKeepTheirKind) {
  ASSERT_OK_AND_ASSIGN(Connection c, Connect());
  ASSERT_OK_AND_ASSIGN(SocketStream s, SocketStream::Open(c.client, "w"));
  ASSERT_OK(s.Write("late"));
  ASSERT_OK(c.client.Shutdown(ShutdownHow::kWrite));
  EXPECT_KIND(s.Flush(), ErrorKind::kBrokenPipe);
  // The unsent bytes stay buffered: closing tries again and fails the same.
  EXPECT_KIND(s.Close(), ErrorKind::kBrokenPipe);
  EXPECT_TRUE(s.closed());
}

}  // namespace
}  // namespace conformance
}  // namespace xsock
