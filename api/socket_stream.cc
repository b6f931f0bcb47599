// api/socket_stream.cc: SocketStream (xsock/socket_stream.h).

#include "xsock/socket_stream.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "api/internal/io_loop.h"
#include "core/error.h"

namespace xsock {
namespace {

constexpr std::string_view kNotBlocking =
    "the socket must be in blocking mode (no timeout) for a stream";
constexpr std::string_view kClosedStream = "I/O operation on closed stream";

}  // namespace

absl::StatusOr<SocketStream> SocketStream::Open(Socket& socket,
                                                std::string_view mode,
                                                size_t buffer_size) {
  bool r = false, w = false, b = false;
  bool valid = !mode.empty();
  for (char c : mode) {
    bool* seen = c == 'r' ? &r : c == 'w' ? &w : c == 'b' ? &b : nullptr;
    if (seen == nullptr || *seen) {
      valid = false;
      break;
    }
    *seen = true;
  }
  if (!valid || (!r && !w)) {
    return InvalidArgument(
        "makefile", "mode",
        "invalid mode (one of r, rb, w, wb, rw, rwb: the characters r, w, b, "
        "each at most once, with r or w)");
  }
  if (buffer_size == 0) {
    return InvalidArgument("makefile", "buffer_size", "must be at least 1");
  }
  if (socket.closed()) return api_internal::SocketClosedError("makefile");
  if (socket.GetTimeout().has_value()) {
    return InvalidArgument("makefile", "socket", kNotBlocking);
  }
  return SocketStream(socket, std::string(mode), r, w, buffer_size);
}

SocketStream::SocketStream(Socket& socket, std::string mode, bool readable,
                           bool writable, size_t buffer_size)
    : socket_(&socket),
      mode_(std::move(mode)),
      readable_(readable),
      writable_(writable),
      closed_(false),
      buffer_size_(buffer_size) {
  if (readable_) rbuf_.reserve(buffer_size_);
  if (writable_) wbuf_.reserve(buffer_size_);
}

SocketStream::SocketStream(SocketStream&& other) noexcept
    : socket_(other.socket_),
      mode_(std::move(other.mode_)),
      readable_(other.readable_),
      writable_(other.writable_),
      closed_(other.closed_),
      buffer_size_(other.buffer_size_),
      rbuf_(std::move(other.rbuf_)),
      rpos_(other.rpos_),
      wbuf_(std::move(other.wbuf_)) {
  other.MarkClosed();
}

SocketStream& SocketStream::operator=(SocketStream&& other) noexcept {
  if (this != &other) {
    Close().IgnoreError();
    socket_ = other.socket_;
    mode_ = std::move(other.mode_);
    readable_ = other.readable_;
    writable_ = other.writable_;
    closed_ = other.closed_;
    buffer_size_ = other.buffer_size_;
    rbuf_ = std::move(other.rbuf_);
    rpos_ = other.rpos_;
    wbuf_ = std::move(other.wbuf_);
    other.MarkClosed();
  }
  return *this;
}

SocketStream::~SocketStream() { Close().IgnoreError(); }

void SocketStream::MarkClosed() {
  closed_ = true;
  std::string().swap(rbuf_);
  std::string().swap(wbuf_);
  rpos_ = 0;
}

absl::Status SocketStream::Check(std::string_view call,
                                 std::string_view direction) const {
  if (closed_) {
    return InvalidArgument(call, "stream", kClosedStream);
  }
  if (direction == "read" && !readable_) {
    return InvalidArgument(call, "stream", "stream not opened for reading");
  }
  if (direction == "write" && !writable_) {
    return InvalidArgument(call, "stream", "stream not opened for writing");
  }
  if (socket_->GetTimeout().has_value()) {
    return InvalidArgument(call, "socket", kNotBlocking);
  }
  return absl::OkStatus();
}

absl::StatusOr<size_t> SocketStream::Fill(size_t at_least) {
  if (rpos_ > 0) {
    rbuf_.erase(0, rpos_);
    rpos_ = 0;
  }
  const size_t old = rbuf_.size();
  // A large request receives in large blocks, up to 1 MiB at a time.
  const size_t room =
      std::max(buffer_size_, std::min(at_least, size_t{1} << 20));
  rbuf_.resize(old + room);
  absl::StatusOr<size_t> n =
      socket_->RecvInto(absl::MakeSpan(&rbuf_[old], room));
  rbuf_.resize(old + (n.ok() ? *n : 0));
  return n;
}

std::string SocketStream::Take(size_t n) {
  std::string out = rbuf_.substr(rpos_, n);
  Consume(n);
  return out;
}

void SocketStream::Consume(size_t n) {
  rpos_ += n;
  if (rpos_ == rbuf_.size()) {
    rbuf_.clear();
    rpos_ = 0;
  }
}

absl::StatusOr<std::string> SocketStream::Read(int64_t n) {
  absl::Status st = Check("read", "read");
  if (!st.ok()) return st;
  if (n == 0) return std::string();
  const bool to_eof = n < 0;
  const size_t want = to_eof ? 0 : static_cast<size_t>(n);
  while (to_eof || Available() < want) {
    const size_t missing = to_eof ? 0 : want - Available();
    absl::StatusOr<size_t> got = Fill(missing);
    if (!got.ok()) return got.status();
    if (*got == 0) break;
  }
  return Take(to_eof ? Available() : std::min(want, Available()));
}

absl::StatusOr<std::string> SocketStream::ReadLine(int64_t limit) {
  absl::Status st = Check("readline", "read");
  if (!st.ok()) return st;
  const bool limited = limit >= 0;
  const size_t max = limited ? static_cast<size_t>(limit) : 0;
  if (limited && max == 0) return std::string();
  size_t scanned = 0;  // bytes after rpos_ known to hold no '\n'
  for (;;) {
    const size_t avail = Available();
    const size_t end = limited ? std::min(avail, max) : avail;
    if (end > scanned) {
      const char* base = rbuf_.data() + rpos_;
      const void* nl = std::memchr(base + scanned, '\n', end - scanned);
      if (nl != nullptr) {
        return Take(static_cast<size_t>(static_cast<const char*>(nl) - base) +
                    1);
      }
      scanned = end;
    }
    if (limited && scanned >= max) return Take(max);
    // Fill may move the unread bytes to the front; `scanned` counts from
    // rpos_, so it stays valid.
    absl::StatusOr<size_t> got = Fill(0);
    if (!got.ok()) return got.status();
    if (*got == 0) return Take(Available());
  }
}

absl::StatusOr<size_t> SocketStream::ReadInto(absl::Span<char> buffer) {
  absl::Status st = Check("readinto", "read");
  if (!st.ok()) return st;
  while (Available() < buffer.size()) {
    absl::StatusOr<size_t> got = Fill(buffer.size() - Available());
    if (!got.ok()) return got.status();
    if (*got == 0) break;
  }
  const size_t n = std::min(buffer.size(), Available());
  if (n > 0) std::memcpy(buffer.data(), rbuf_.data() + rpos_, n);
  Consume(n);
  return n;
}

absl::StatusOr<size_t> SocketStream::Write(std::string_view data) {
  absl::Status st = Check("write", "write");
  if (!st.ok()) return st;
  if (wbuf_.size() + data.size() <= buffer_size_) {
    wbuf_.append(data.data(), data.size());
    return data.size();
  }
  st = Flush();
  if (!st.ok()) return st;
  if (data.size() < buffer_size_) {
    wbuf_.append(data.data(), data.size());
    return data.size();
  }
  st = socket_->SendAll(data);
  if (!st.ok()) return st;
  return data.size();
}

absl::Status SocketStream::Flush() {
  absl::Status st = Check("flush", "");
  if (!st.ok()) return st;
  if (wbuf_.empty()) return absl::OkStatus();
  size_t sent = 0;
  st = socket_->SendAll(wbuf_, MsgFlags::kNone, &sent);
  wbuf_.erase(0, st.ok() ? wbuf_.size() : sent);
  return st;
}

absl::Status SocketStream::Close() {
  if (closed_) return absl::OkStatus();
  absl::Status st = absl::OkStatus();
  if (writable_ && !wbuf_.empty()) st = Flush();
  MarkClosed();
  return st;
}

absl::StatusOr<NativeHandle> SocketStream::Fileno() const {
  if (closed_) {
    return InvalidArgument("fileno", "stream", kClosedStream);
  }
  return socket_->Fileno();
}

}  // namespace xsock
