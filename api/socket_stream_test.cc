// api/socket_stream_test.cc: SocketStream's buffering, modes and argument
// checks over a native socketpair (the conformance suite's stream area runs
// the behaviours on every backend).

#include "xsock/socket_stream.h"

#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "core/error.h"
#include "gtest/gtest.h"
#include "xsock/socket.h"

namespace xsock {
namespace {

bool NamesArg(const absl::Status& st, std::string_view arg) {
  return GetErrorKind(st) == ErrorKind::kInvalidArgument &&
         st.message().find(arg) != std::string_view::npos;
}

class SocketStreamTest : public testing::Test {
 protected:
  void SetUp() override {
    auto pair = SocketPair();
    ASSERT_TRUE(pair.ok()) << pair.status();
    a_ = std::move(pair->first);
    b_ = std::move(pair->second);
  }
  // Receive reads exactly n bytes from b_ (bounded by a timeout).
  std::string Receive(size_t n) {
    EXPECT_TRUE(b_.SetTimeout(absl::Seconds(10)).ok());
    std::string out;
    for (int i = 0; i < 10000 && out.size() < n; ++i) {
      auto got = b_.Recv(n - out.size());
      if (!got.ok() || got->empty()) break;
      out += *got;
    }
    return out;
  }
  Socket a_, b_;
};

TEST_F(SocketStreamTest, ModesAccepted) {
  for (const char* mode : {"r", "rb", "w", "wb", "rw", "rwb", "br", "wr"}) {
    auto s = SocketStream::Open(a_, mode);
    ASSERT_TRUE(s.ok()) << mode << ": " << s.status();
    EXPECT_EQ(s->mode(), mode);
  }
  auto rw = SocketStream::Open(a_, "rw");
  EXPECT_TRUE(rw->readable() && rw->writable());
}

TEST_F(SocketStreamTest, ModesRejected) {
  for (const char* mode : {"", "b", "a", "r+", "rr", "wbb", "x", "rt", "R"}) {
    EXPECT_TRUE(NamesArg(SocketStream::Open(a_, mode).status(), "mode"))
        << mode;
  }
}

TEST_F(SocketStreamTest, BufferSizeZeroRejected) {
  EXPECT_TRUE(
      NamesArg(SocketStream::Open(a_, "r", 0).status(), "buffer_size"));
}

TEST_F(SocketStreamTest, ClosedSocketRejected) {
  ASSERT_TRUE(a_.Close().ok());
  EXPECT_TRUE(NamesArg(SocketStream::Open(a_).status(), "socket"));
}

TEST_F(SocketStreamTest, TinyBufferReadLineAndRead) {
  ASSERT_TRUE(b_.SendAll("one\ntwo\nthree").ok());
  ASSERT_TRUE(b_.Shutdown(ShutdownHow::kWrite).ok());
  auto s = SocketStream::Open(a_, "rb", 1);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(*s->ReadLine(), "one\n");
  EXPECT_EQ(*s->ReadLine(2), "tw");
  EXPECT_EQ(*s->ReadLine(), "o\n");
  EXPECT_EQ(*s->Read(2), "th");
  EXPECT_EQ(*s->Read(), "ree");
  EXPECT_EQ(*s->Read(), "");
  EXPECT_EQ(*s->ReadLine(), "");
}

TEST_F(SocketStreamTest, ReadIntoFillsAcrossBlocks) {
  ASSERT_TRUE(b_.SendAll("abcdefghij").ok());
  ASSERT_TRUE(b_.Shutdown(ShutdownHow::kWrite).ok());
  auto s = SocketStream::Open(a_, "r", 3);
  ASSERT_TRUE(s.ok());
  char buf[4];
  EXPECT_EQ(*s->ReadInto(absl::MakeSpan(buf)), 4u);
  EXPECT_EQ(std::string(buf, 4), "abcd");
  char big[16];
  EXPECT_EQ(*s->ReadInto(absl::MakeSpan(big)), 6u);
  EXPECT_EQ(std::string(big, 6), "efghij");
  EXPECT_EQ(*s->ReadInto(absl::MakeSpan(big)), 0u);
}

TEST_F(SocketStreamTest, WritesBufferUntilFullThenSend) {
  auto s = SocketStream::Open(a_, "wb", 8);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(*s->Write("1234"), 4u);
  EXPECT_EQ(*s->Write("5678"), 4u);  // exactly full: still buffered
  ASSERT_TRUE(b_.SetBlocking(false).ok());
  EXPECT_EQ(GetErrorKind(b_.Recv(16).status()), ErrorKind::kWouldBlock);
  EXPECT_EQ(*s->Write("9"), 1u);  // overflows: the first 8 bytes go out
  EXPECT_EQ(Receive(8), "12345678");
  const std::string large(100, 'x');
  EXPECT_EQ(*s->Write(large), large.size());  // "9" then the large write
  EXPECT_EQ(Receive(101), "9" + large);
  EXPECT_EQ(*s->Write("tail"), 4u);
  ASSERT_TRUE(s->Close().ok());
  EXPECT_EQ(Receive(4), "tail");
}

TEST_F(SocketStreamTest, CloseIsIdempotentAndLaterCallsFail) {
  auto s = SocketStream::Open(a_, "rw");
  ASSERT_TRUE(s.ok());
  auto fd = s->Fileno();
  ASSERT_TRUE(fd.ok());
  EXPECT_EQ(*fd, a_.Fileno());
  ASSERT_TRUE(s->Close().ok());
  ASSERT_TRUE(s->Close().ok());
  EXPECT_TRUE(s->closed());
  EXPECT_TRUE(NamesArg(s->Read(1).status(), "stream"));
  EXPECT_TRUE(NamesArg(s->ReadLine().status(), "stream"));
  char c;
  EXPECT_TRUE(NamesArg(s->ReadInto(absl::MakeSpan(&c, 1)).status(), "stream"));
  EXPECT_TRUE(NamesArg(s->Write("x").status(), "stream"));
  EXPECT_TRUE(NamesArg(s->Flush(), "stream"));
  EXPECT_TRUE(NamesArg(s->Fileno().status(), "stream"));
  EXPECT_FALSE(a_.closed());
}

TEST_F(SocketStreamTest, DirectionChecked) {
  auto r = SocketStream::Open(a_, "r");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(NamesArg(r->Write("x").status(), "stream"));
  EXPECT_TRUE(r->Flush().ok());  // nothing to flush
  auto w = SocketStream::Open(a_, "w");
  ASSERT_TRUE(w.ok());
  EXPECT_TRUE(NamesArg(w->Read(1).status(), "stream"));
  EXPECT_TRUE(NamesArg(w->ReadLine().status(), "stream"));
}

TEST_F(SocketStreamTest, ModeChangedAfterOpenIsRejected) {
  auto s = SocketStream::Open(a_, "rw");
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(a_.SetTimeout(absl::Seconds(1)).ok());
  EXPECT_TRUE(NamesArg(s->Read(1).status(), "socket"));
  EXPECT_TRUE(NamesArg(s->Write("x").status(), "socket"));
}

TEST_F(SocketStreamTest, MoveKeepsBufferedBytes) {
  auto s = SocketStream::Open(a_, "w");
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(s->Write("moved").ok());
  SocketStream t = std::move(*s);
  EXPECT_TRUE(s->closed());
  ASSERT_TRUE(s->Close().ok());  // the moved-from stream sends nothing
  ASSERT_TRUE(t.Flush().ok());
  EXPECT_EQ(Receive(5), "moved");
}

TEST_F(SocketStreamTest, DestructorFlushes) {
  {
    auto s = SocketStream::Open(a_, "w");
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE(s->Write("bye").ok());
  }
  EXPECT_EQ(Receive(3), "bye");
}

TEST_F(SocketStreamTest, ReadAfterPeerCloseReturnsTheRest) {
  ASSERT_TRUE(b_.SendAll("part").ok());
  auto s = SocketStream::Open(a_, "r");
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(b_.Close().ok());
  // "part", then end of stream.
  EXPECT_EQ(*s->Read(100), "part");
}

}  // namespace
}  // namespace xsock
