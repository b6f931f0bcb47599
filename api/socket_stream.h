// xsock/socket_stream.h
//
// SocketStream: a buffered byte stream over a connected socket, Python's
// socket.makefile() in binary mode: Read, ReadLine, ReadInto, Write, Flush,
// Close. Include as "xsock/socket_stream.h".
//
// Blocking mode only: the socket must have no timeout (GetTimeout() nullopt),
// as Python 2.7 documents for makefile ("The socket must be in blocking mode
// (it can not have a timeout)"). Open and every I/O call check it; a
// non-blocking or timeout socket is kInvalidArgument naming "socket".
//
// Ownership and lifetime: the stream does not own the socket. Closing or
// destroying the stream flushes it and leaves the socket open and usable;
// the Socket must outlive the stream (the stream keeps a pointer to it).
//
// Modes: a combination of the characters 'r' (readable), 'w' (writable) and
// 'b' (binary, the only kind: it changes nothing), each at most once, with at
// least one of 'r' and 'w': "r", "rb", "w", "wb", "rw", "rwb" and the same in
// another order. Anything else is kInvalidArgument naming "mode".
//
// Errors: socket errors pass through with their kinds (kConnectionReset,
// kBrokenPipe, ...). Calls on a closed stream, reads on a stream not opened
// for reading and writes on one not opened for writing are kInvalidArgument
// naming "stream". A read that fails keeps every byte it had received in the
// stream's buffer, for the next read.
//
// Performance: one read buffer and one write buffer, allocated once and
// reused; reads and writes go to the socket in blocks (RecvInto of up to
// buffer_size bytes; SendAll of the buffered bytes), never per byte. A write
// of at least buffer_size bytes goes straight to the socket (after the
// buffered bytes). Read(n) and ReadInto may grow the read buffer to the size
// of the request.
//
// Thread safety: a SocketStream is not safe for concurrent use; use one
// stream from one thread at a time.

#ifndef XSOCK_API_SOCKET_STREAM_H_
#define XSOCK_API_SOCKET_STREAM_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "xsock/socket.h"

namespace xsock {

// kDefaultStreamBufferSize is Python's io.DEFAULT_BUFFER_SIZE.
inline constexpr size_t kDefaultStreamBufferSize = 8192;

class SocketStream {
 public:
  // Open makes a stream over `socket` (not owned; it must outlive the
  // stream) with `mode` (see the file comment) and buffers of `buffer_size`
  // bytes. Errors: kInvalidArgument naming "socket" when it is closed or not
  // in blocking mode, "mode" for a mode outside the documented set,
  // "buffer_size" for 0. Python: socket.makefile(mode, buffering).
  static absl::StatusOr<SocketStream> Open(
      Socket& socket, std::string_view mode = "rb",
      size_t buffer_size = kDefaultStreamBufferSize);

  // A moved-from stream is closed (without flushing: its buffered bytes
  // went to the new stream).
  SocketStream(SocketStream&& other) noexcept;
  SocketStream& operator=(SocketStream&& other) noexcept;
  SocketStream(const SocketStream&) = delete;
  SocketStream& operator=(const SocketStream&) = delete;
  // ~SocketStream is Close() with the error ignored; the socket stays open.
  ~SocketStream();

  // Read returns up to `n` bytes, waiting until it has `n` or the peer ends
  // the stream; a negative `n` reads until end of stream. "" = end of
  // stream (or n == 0). Python: file.read(n).
  absl::StatusOr<std::string> Read(int64_t n = -1);

  // ReadLine returns one line including its '\n', or fewer bytes at end of
  // stream, or at most `limit` bytes when `limit` >= 0. "" = end of stream.
  // Python: file.readline(limit).
  absl::StatusOr<std::string> ReadLine(int64_t limit = -1);

  // ReadInto fills `buffer`, waiting until it is full or the stream ends,
  // and returns the count (less than buffer.size() only at end of stream).
  // Python: file.readinto(buffer).
  absl::StatusOr<size_t> ReadInto(absl::Span<char> buffer);

  // Write buffers `data` (sending the buffer when it would overflow) and
  // returns data.size(). On a socket error some bytes may have been sent;
  // bytes buffered and not sent stay buffered. Python: file.write(data).
  absl::StatusOr<size_t> Write(std::string_view data);

  // Flush sends every buffered byte (SendAll). On error the unsent bytes stay
  // buffered. A stream not opened for writing has nothing to flush (OK).
  // Python: file.flush().
  absl::Status Flush();

  // Close flushes (if writable) and closes the stream, never the socket. The
  // stream is closed even if the flush fails (the error is returned).
  // Calling it again is a no-op. Python: file.close().
  absl::Status Close();

  // Fileno returns the socket's handle. Errors: kInvalidArgument naming
  // "stream" after Close. Python: file.fileno().
  absl::StatusOr<NativeHandle> Fileno() const;

  // mode returns the mode given to Open.
  const std::string& mode() const { return mode_; }
  bool readable() const { return readable_; }
  bool writable() const { return writable_; }
  bool closed() const { return closed_; }

 private:
  SocketStream(Socket& socket, std::string mode, bool readable, bool writable,
               size_t buffer_size);

  // Check validates a call: the stream open, the direction allowed
  // ("read"/"write"/"" for none), the socket in blocking mode.
  absl::Status Check(std::string_view call, std::string_view direction) const;
  // Fill receives one block (up to buffer_size_ bytes) at the end of the
  // read buffer and returns its size (0 = end of stream).
  absl::StatusOr<size_t> Fill(size_t at_least);
  size_t Available() const { return rbuf_.size() - rpos_; }
  // Take removes and returns the first `n` buffered bytes.
  std::string Take(size_t n);
  // Consume drops the first `n` (<= Available()) buffered bytes.
  void Consume(size_t n);
  void MarkClosed();

  Socket* socket_ = nullptr;
  std::string mode_;
  bool readable_ = false;
  bool writable_ = false;
  bool closed_ = true;
  size_t buffer_size_ = kDefaultStreamBufferSize;
  // Read buffer: bytes [rpos_, rbuf_.size()) are received and unread.
  std::string rbuf_;
  size_t rpos_ = 0;
  // Write buffer: bytes accepted and not sent yet.
  std::string wbuf_;
};

}  // namespace xsock

#endif  // XSOCK_API_SOCKET_STREAM_H_
