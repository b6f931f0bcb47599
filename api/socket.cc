// api/socket.cc: the Socket object and the module-level socket functions.
//
// Documented behaviour lives here, once: argument validation, the three modes
// (through the central loop in api/internal/io_loop.h), connect with a
// timeout, sendall's single budget, close semantics and the socketpair
// fallback. The backend (platform::Os) only performs system calls.

#include "xsock/socket.h"

#include <atomic>
#include <cstdint>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "api/internal/io_loop.h"
#include "core/deadline.h"
#include "core/error.h"

namespace xsock {
namespace {

using api_internal::CallMode;
using api_internal::ConnectError;
using api_internal::IoLoop;
using api_internal::SocketClosedError;
using api_internal::StillOpen;
using api_internal::WaitReady;
using platform::kWantRead;
using platform::kWantWrite;

// The module default timeout in nanoseconds (-1 = blocking).
std::atomic<int64_t> g_default_timeout_ns{-1};

int64_t DefaultTimeoutNs() {
  return g_default_timeout_ns.load(std::memory_order_relaxed);
}

Timeout FromNs(int64_t ns) {
  if (ns < 0) return std::nullopt;
  return absl::Nanoseconds(ns);
}

// TimeoutToNs validates a timeout and converts it to nanoseconds (-1 for
// nullopt), rounding a fraction of a nanosecond up, so a positive timeout
// never becomes zero (non-blocking).
absl::StatusOr<int64_t> TimeoutToNs(std::string_view call, Timeout timeout) {
  if (!timeout.has_value()) return int64_t{-1};
  const absl::Duration d = *timeout;
  if (d < absl::ZeroDuration()) {
    return InvalidArgument(call, "timeout", "Timeout value out of range");
  }
  if (d == absl::InfiniteDuration()) {
    return InvalidArgument(call, "timeout",
                           "timeout must be finite (nullopt means blocking)");
  }
  int64_t ns = absl::ToInt64Nanoseconds(d);  // truncates; saturates
  if (ns < INT64_MAX && absl::Nanoseconds(ns) < d) ++ns;
  return ns;
}

absl::Status CheckFamilyAndType(std::string_view call, Family family,
                                Type type) {
  if (!IsValidFamily(family) || family == Family::kUnspec) {
    return InvalidArgument(call, "family", "invalid address family");
  }
  if (!IsValidType(type)) {
    return InvalidArgument(call, "type", "invalid socket type");
  }
  return absl::OkStatus();
}

// ShrinkIfWasteful gives back the memory of a large receive buffer that was
// mostly unused (Python shrinks the bytes object to the received size).
void ShrinkIfWasteful(std::string* buf) {
  if (buf->capacity() - buf->size() > 4096 &&
      buf->capacity() / 2 > buf->size()) {
    buf->shrink_to_fit();
  }
}

// ApplyDefaultMode puts a handle xsock just created or adopted into the OS
// mode for `timeout_ns`: non-blocking for timeout and non-blocking modes.
// Blocking (-1) leaves the handle as it is: new and accepted handles are
// blocking already, and an adopted handle's flag is the caller's (Python
// does the same).
absl::Status ApplyDefaultMode(const platform::Os& os, NativeHandle h,
                              int64_t timeout_ns) {
  if (timeout_ns < 0) return absl::OkStatus();
  return os.SetNonBlocking(h, true);
}

}  // namespace

Timeout GetDefaultTimeout() { return FromNs(DefaultTimeoutNs()); }

absl::Status SetDefaultTimeout(Timeout timeout) {
  absl::StatusOr<int64_t> ns = TimeoutToNs("setdefaulttimeout", timeout);
  if (!ns.ok()) return ns.status();
  g_default_timeout_ns.store(*ns, std::memory_order_relaxed);
  return absl::OkStatus();
}

// --- lifetime ------------------------------------------------------------

Socket::Socket(const platform::Os& os, NativeHandle h, Family family, Type type,
               int proto, int64_t timeout_ns)
    : os_(&os),
      handle_(h),
      family_(family),
      type_(type),
      proto_(proto),
      timeout_ns_(timeout_ns) {}

Socket::Socket(Socket&& other) noexcept
    : os_(other.os_),
      handle_(other.handle_.exchange(kInvalidHandle)),
      family_(other.family_),
      type_(other.type_),
      proto_(other.proto_),
      timeout_ns_(other.timeout_ns_.load()) {}

Socket& Socket::operator=(Socket&& other) noexcept {
  if (this != &other) {
    Close().IgnoreError();
    os_ = other.os_;
    family_ = other.family_;
    type_ = other.type_;
    proto_ = other.proto_;
    timeout_ns_.store(other.timeout_ns_.load());
    handle_.store(other.handle_.exchange(kInvalidHandle));
  }
  return *this;
}

Socket::~Socket() { Close().IgnoreError(); }

absl::StatusOr<Socket> Socket::CreateImpl(std::string_view call, Family family,
                                          Type type, int proto,
                                          bool inheritable,
                                          const platform::Os& os) {
  if (absl::Status s = CheckFamilyAndType(call, family, type); !s.ok()) {
    return s;
  }
  const int64_t timeout_ns = DefaultTimeoutNs();
  platform::CreateOptions options;
  options.nonblocking = timeout_ns >= 0;
  options.inheritable = inheritable;
  absl::StatusOr<NativeHandle> h = os.Socket(family, type, proto, options);
  if (!h.ok()) return h.status();
  return Socket(os, *h, family, type, proto, timeout_ns);
}

absl::StatusOr<Socket> Socket::Create(Family family, Type type, int proto,
                                      const platform::Os& os) {
  return CreateImpl("socket", family, type, proto, /*inheritable=*/false, os);
}

absl::StatusOr<Socket> Socket::CreateRaw(Family family, Type type, int proto,
                                         const platform::Os& os) {
  return CreateImpl("socket", family, type, proto, /*inheritable=*/true, os);
}

absl::StatusOr<Socket> Socket::FromFd(NativeHandle handle, Family family,
                                      Type type, int proto,
                                      const platform::Os& os) {
  static constexpr char kCall[] = "fromfd";
  if (handle == kInvalidHandle) {
    return InvalidArgument(kCall, "handle", "invalid handle");
  }
  if (absl::Status s = CheckFamilyAndType(kCall, family, type); !s.ok()) {
    return s;
  }
  absl::StatusOr<NativeHandle> dup = os.Dup(handle);
  if (!dup.ok()) return dup.status();
  const int64_t timeout_ns = DefaultTimeoutNs();
  if (absl::Status s = ApplyDefaultMode(os, *dup, timeout_ns); !s.ok()) {
    os.Close(*dup).IgnoreError();
    return s;
  }
  return Socket(os, *dup, family, type, proto, timeout_ns);
}

absl::StatusOr<Socket> Socket::Adopt(NativeHandle handle,
                                     const platform::Os& os) {
  if (handle == kInvalidHandle) {
    return InvalidArgument("socket", "handle", "invalid handle");
  }
  absl::StatusOr<platform::HandleInfo> info = os.Describe(handle);
  if (!info.ok()) return info.status();
  const int64_t timeout_ns = DefaultTimeoutNs();
  // On failure the caller keeps the handle: it was never ours.
  if (absl::Status s = ApplyDefaultMode(os, handle, timeout_ns); !s.ok()) {
    return s;
  }
  return Socket(os, handle, info->family, info->type, info->proto, timeout_ns);
}

absl::Status Socket::Close() {
  // Invalidate first: whatever close() reports, this object never touches
  // the number again (another thread may reuse it at once).
  const NativeHandle h =
      handle_.exchange(kInvalidHandle, std::memory_order_acq_rel);
  if (h == kInvalidHandle) return absl::OkStatus();
  absl::Status s = os_->Close(h);
  if (!s.ok() && GetErrorKind(s) == ErrorKind::kConnectionReset) {
    return absl::OkStatus();
  }
  return s;
}

NativeHandle Socket::Detach() {
  return handle_.exchange(kInvalidHandle, std::memory_order_acq_rel);
}

absl::StatusOr<Socket> Socket::Dup() const {
  absl::StatusOr<NativeHandle> h = Handle("dup");
  if (!h.ok()) return h.status();
  absl::StatusOr<NativeHandle> dup = os_->Dup(*h);
  if (!dup.ok()) return dup.status();
  const int64_t timeout_ns = timeout_ns_.load(std::memory_order_relaxed);
  // POSIX duplicates share the OS flag; a Windows duplicate is a new socket.
  if (absl::Status s = ApplyDefaultMode(*os_, *dup, timeout_ns); !s.ok()) {
    os_->Close(*dup).IgnoreError();
    return s;
  }
  return Socket(*os_, *dup, family_, type_, proto_, timeout_ns);
}

NativeHandle Socket::Fileno() const {
  return handle_.load(std::memory_order_acquire);
}

absl::StatusOr<NativeHandle> Socket::Handle(std::string_view call) const {
  const NativeHandle h = handle_.load(std::memory_order_acquire);
  if (h == kInvalidHandle) return SocketClosedError(call);
  return h;
}

absl::Status Socket::CheckAddress(std::string_view call,
                                  const SocketAddress& addr,
                                  bool destination) const {
  if (addr.family() != family_) {
    return InvalidArgument(
        call, "address",
        absl::StrCat("address family mismatched (", FamilyName(addr.family()),
                     " address for an ", FamilyName(family_), " socket)"));
  }
  if (addr.family() == Family::kUnix) {
    // A path needs its terminator; an abstract name may use every byte.
    const size_t max = os_->UnixPathMax();
    const size_t len = addr.unix_path().size();
    if (addr.is_abstract() ? len > max : len + 1 > max) {
      return InvalidArgument(call, "address", "AF_UNIX path too long");
    }
  } else if (destination && addr.is_unspecified()) {
    // BIND-09: Linux/BSD treat 0.0.0.0 / :: as the local host, Windows
    // refuses it; the portable rule refuses it everywhere.
    return InvalidArgument(
        call, "address",
        "the unspecified address (0.0.0.0 / ::) is not a destination");
  }
  return absl::OkStatus();
}

// --- addresses and connections ---------------------------------------------

absl::StatusOr<Accepted> Socket::Accept() {
  static constexpr char kCall[] = "accept";
  absl::StatusOr<NativeHandle> h = Handle(kCall);
  if (!h.ok()) return h.status();
  const CallMode mode =
      CallMode::Start(timeout_ns_.load(std::memory_order_relaxed));
  SocketAddress peer;
  absl::StatusOr<NativeHandle> child =
      IoLoop(*os_, handle_, *h, kWantRead, mode, kCall,
             [&] { return os_->Accept(*h, &peer); });
  if (!child.ok()) return child.status();
  // The child takes the module default, whatever the listener's mode (the
  // backend hands it over in blocking mode).
  const int64_t timeout_ns = DefaultTimeoutNs();
  if (absl::Status s = ApplyDefaultMode(*os_, *child, timeout_ns); !s.ok()) {
    os_->Close(*child).IgnoreError();
    return s;
  }
  return Accepted{Socket(*os_, *child, family_, type_, proto_, timeout_ns),
                  peer};
}

absl::Status Socket::Bind(const SocketAddress& addr) {
  static constexpr char kCall[] = "bind";
  absl::StatusOr<NativeHandle> h = Handle(kCall);
  if (!h.ok()) return h.status();
  if (absl::Status s = CheckAddress(kCall, addr, /*destination=*/false);
      !s.ok()) {
    return s;
  }
  return os_->Bind(*h, addr);
}

absl::Status Socket::Connect(const SocketAddress& addr) {
  return ConnectImpl(addr, nullptr);
}

absl::StatusOr<int> Socket::ConnectEx(const SocketAddress& addr) {
  int code = 0;
  absl::Status s = ConnectImpl(addr, &code);
  if (!s.ok()) return s;
  return code;
}

absl::Status Socket::ConnectImpl(const SocketAddress& addr, int* native_code) {
  const std::string_view call =
      native_code != nullptr ? "connect_ex" : "connect";
  absl::StatusOr<NativeHandle> h = Handle(call);
  if (!h.ok()) return h.status();
  if (absl::Status s = CheckAddress(call, addr, /*destination=*/true);
      !s.ok()) {
    return s;
  }
  const CallMode mode =
      CallMode::Start(timeout_ns_.load(std::memory_order_relaxed));
  // One connect() call, never a second one.
  absl::Status status = os_->Connect(*h, addr);
  if (status.ok()) {
    if (native_code != nullptr) *native_code = 0;
    return status;
  }
  bool wait = false;
  if (IsInterrupted(status)) {
    // The connection goes on asynchronously: blocking and timeout mode wait
    // for it; non-blocking mode reports the interruption.
    wait = !mode.nonblocking();
  } else {
    wait = mode.timed() && GetErrorKind(status) == ErrorKind::kInProgress;
  }
  if (!wait) {
    const int code = GetNativeCode(status);
    if (native_code != nullptr && code != 0) {
      *native_code = code;
      return absl::OkStatus();
    }
    return status;
  }
  // Wait for writability (infinite in blocking mode), then read SO_ERROR.
  absl::Status ready =
      WaitReady(*os_, handle_, *h, kWantWrite, mode.deadline, "connect");
  if (!ready.ok()) {
    if (native_code != nullptr && GetErrorKind(ready) == ErrorKind::kTimedOut &&
        GetNativeCode(ready) == 0) {
      *native_code = os_->WouldBlockCode();
      return absl::OkStatus();
    }
    return ready;
  }
  absl::StatusOr<int> pending = ConnectError(*os_, *h);
  if (!pending.ok()) return pending.status();
  if (native_code != nullptr) {
    *native_code = *pending;
    return absl::OkStatus();
  }
  if (*pending == 0) return absl::OkStatus();
  return os_->ErrorFromNative(*pending, "connect");
}

absl::StatusOr<SocketAddress> Socket::GetPeerName() const {
  absl::StatusOr<NativeHandle> h = Handle("getpeername");
  if (!h.ok()) return h.status();
  return os_->GetPeerName(*h);
}

absl::StatusOr<SocketAddress> Socket::GetSockName() const {
  absl::StatusOr<NativeHandle> h = Handle("getsockname");
  if (!h.ok()) return h.status();
  return os_->GetSockName(*h);
}

absl::Status Socket::Listen(int backlog) {
  static constexpr char kCall[] = "listen";
  absl::StatusOr<NativeHandle> h = Handle(kCall);
  if (!h.ok()) return h.status();
  if (type_ != Type::kStream && type_ != Type::kSeqPacket) {
    return InvalidArgument(
        kCall, "socket",
        absl::StrCat(TypeName(type_), " sockets do not accept connections"));
  }
  return os_->Listen(*h, backlog < 0 ? 0 : backlog);
}

absl::Status Socket::Shutdown(ShutdownHow how) {
  static constexpr char kCall[] = "shutdown";
  absl::StatusOr<NativeHandle> h = Handle(kCall);
  if (!h.ok()) return h.status();
  if (!IsValidShutdownHow(how)) {
    return InvalidArgument(kCall, "how", "invalid shutdown direction");
  }
  return os_->Shutdown(*h, how);
}

// --- data ------------------------------------------------------------------

absl::StatusOr<NativeHandle> Socket::DataHandle(std::string_view call,
                                                MsgFlags flags) const {
  absl::StatusOr<NativeHandle> h = Handle(call);
  if (h.ok() && !IsValidMsgFlags(flags)) {
    return InvalidArgument(call, "flags", "unknown message flag bits");
  }
  return h;
}

absl::StatusOr<size_t> Socket::RecvImpl(std::string_view call, NativeHandle h,
                                        char* buf, size_t len, MsgFlags flags,
                                        SocketAddress* from) {
  const CallMode mode =
      CallMode::Start(timeout_ns_.load(std::memory_order_relaxed));
  return IoLoop(*os_, handle_, h, kWantRead, mode, call,
                [&]() -> absl::StatusOr<size_t> {
                  if (from == nullptr) return os_->Recv(h, buf, len, flags);
                  return os_->RecvFrom(h, buf, len, flags, from);
                });
}

absl::StatusOr<std::string> Socket::Recv(size_t bufsize, MsgFlags flags) {
  static constexpr char kCall[] = "recv";
  absl::StatusOr<NativeHandle> h = DataHandle(kCall, flags);
  if (!h.ok()) return h.status();
  if (bufsize == 0) return std::string();  // no system call
  std::string buf(bufsize, '\0');
  absl::StatusOr<size_t> n =
      RecvImpl(kCall, *h, &buf[0], bufsize, flags, /*from=*/nullptr);
  if (!n.ok()) return n.status();
  buf.resize(*n);
  ShrinkIfWasteful(&buf);
  return buf;
}

absl::StatusOr<size_t> Socket::RecvInto(absl::Span<char> buffer, size_t nbytes,
                                        MsgFlags flags) {
  static constexpr char kCall[] = "recv_into";
  absl::StatusOr<NativeHandle> h = DataHandle(kCall, flags);
  if (!h.ok()) return h.status();
  if (nbytes > buffer.size()) {
    return InvalidArgument(kCall, "nbytes",
                           "buffer too small for requested bytes");
  }
  const size_t len = nbytes == 0 ? buffer.size() : nbytes;
  if (len == 0) return size_t{0};  // no system call
  return RecvImpl(kCall, *h, buffer.data(), len, flags, /*from=*/nullptr);
}

absl::StatusOr<Received> Socket::RecvFrom(size_t bufsize, MsgFlags flags) {
  static constexpr char kCall[] = "recvfrom";
  absl::StatusOr<NativeHandle> h = DataHandle(kCall, flags);
  if (!h.ok()) return h.status();
  Received out;
  out.data.resize(bufsize);
  char dummy = 0;
  SocketAddress from;
  // A zero-length request still makes the system call (as recvfrom_into).
  absl::StatusOr<size_t> n = RecvImpl(
      kCall, *h, bufsize == 0 ? &dummy : &out.data[0], bufsize, flags, &from);
  if (!n.ok()) return n.status();
  out.data.resize(*n);
  ShrinkIfWasteful(&out.data);
  if (from.family() != Family::kUnspec) out.address = from;
  return out;
}

absl::StatusOr<ReceivedInto> Socket::RecvFromInto(absl::Span<char> buffer,
                                                  size_t nbytes,
                                                  MsgFlags flags) {
  static constexpr char kCall[] = "recvfrom_into";
  absl::StatusOr<NativeHandle> h = DataHandle(kCall, flags);
  if (!h.ok()) return h.status();
  if (nbytes > buffer.size()) {
    return InvalidArgument(kCall, "nbytes",
                           "nbytes is greater than the length of the buffer");
  }
  const size_t len = nbytes == 0 ? buffer.size() : nbytes;
  char dummy = 0;
  SocketAddress from;
  // Unlike RecvInto, a zero-length request still makes the system call.
  absl::StatusOr<size_t> n =
      RecvImpl(kCall, *h, buffer.data() == nullptr ? &dummy : buffer.data(),
               len, flags, &from);
  if (!n.ok()) return n.status();
  ReceivedInto out;
  out.nbytes = *n;
  if (from.family() != Family::kUnspec) out.address = from;
  return out;
}

absl::StatusOr<size_t> Socket::SendImpl(std::string_view call, NativeHandle h,
                                        const CallMode& mode,
                                        std::string_view data, MsgFlags flags,
                                        const SocketAddress* to) {
  return IoLoop(*os_, handle_, h, kWantWrite, mode, call,
                [&]() -> absl::StatusOr<size_t> {
                  if (to == nullptr) {
                    return os_->Send(h, data.data(), data.size(), flags);
                  }
                  return os_->SendTo(h, data.data(), data.size(), flags, *to);
                });
}

absl::StatusOr<size_t> Socket::Send(std::string_view data, MsgFlags flags) {
  static constexpr char kCall[] = "send";
  absl::StatusOr<NativeHandle> h = DataHandle(kCall, flags);
  if (!h.ok()) return h.status();
  return SendImpl(kCall, *h,
                  CallMode::Start(timeout_ns_.load(std::memory_order_relaxed)),
                  data, flags, /*to=*/nullptr);
}

absl::Status Socket::SendAll(std::string_view data, MsgFlags flags,
                             size_t* sent) {
  static constexpr char kCall[] = "sendall";
  if (sent != nullptr) *sent = 0;
  absl::StatusOr<NativeHandle> h = DataHandle(kCall, flags);
  if (!h.ok()) return h.status();
  if (data.empty()) return absl::OkStatus();  // no system call
  // One deadline for the whole call, shared by every send and every wait.
  const CallMode mode =
      CallMode::Start(timeout_ns_.load(std::memory_order_relaxed));
  size_t done = 0;
  while (done < data.size()) {
    if (done != 0) {
      if (!StillOpen(handle_, *h)) return SocketClosedError(kCall);
      if (mode.timed() && mode.deadline.Expired()) return TimedOut(kCall);
    }
    absl::StatusOr<size_t> n =
        SendImpl(kCall, *h, mode, data.substr(done), flags, /*to=*/nullptr);
    if (!n.ok()) return n.status();
    done += *n;
    if (sent != nullptr) *sent = done;
  }
  return absl::OkStatus();
}

absl::StatusOr<size_t> Socket::SendTo(std::string_view data,
                                      const SocketAddress& addr,
                                      MsgFlags flags) {
  static constexpr char kCall[] = "sendto";
  absl::StatusOr<NativeHandle> h = DataHandle(kCall, flags);
  if (!h.ok()) return h.status();
  if (absl::Status s = CheckAddress(kCall, addr, /*destination=*/true);
      !s.ok()) {
    return s;
  }
  return SendImpl(kCall, *h,
                  CallMode::Start(timeout_ns_.load(std::memory_order_relaxed)),
                  data, flags, &addr);
}

// --- modes ------------------------------------------------------------------

absl::Status Socket::SetTimeoutImpl(std::string_view call, Timeout timeout) {
  absl::StatusOr<NativeHandle> h = Handle(call);
  if (!h.ok()) return h.status();
  absl::StatusOr<int64_t> ns = TimeoutToNs(call, timeout);
  if (!ns.ok()) return ns.status();
  // Timeout and non-blocking modes both run the handle non-blocking.
  if (absl::Status s = os_->SetNonBlocking(*h, *ns >= 0); !s.ok()) return s;
  timeout_ns_.store(*ns, std::memory_order_relaxed);
  return absl::OkStatus();
}

absl::Status Socket::SetBlocking(bool blocking) {
  return SetTimeoutImpl("setblocking",
                        blocking ? Timeout() : Timeout(absl::ZeroDuration()));
}

bool Socket::GetBlocking() const {
  return timeout_ns_.load(std::memory_order_relaxed) != 0;
}

absl::Status Socket::SetTimeout(Timeout timeout) {
  return SetTimeoutImpl("settimeout", timeout);
}

Timeout Socket::GetTimeout() const {
  return FromNs(timeout_ns_.load(std::memory_order_relaxed));
}

// --- options
// ------------------------------------------------------------------

absl::StatusOr<int> Socket::GetSockOpt(int level, int name) const {
  absl::StatusOr<NativeHandle> h = Handle("getsockopt");
  if (!h.ok()) return h.status();
  int value = 0;
  size_t len = sizeof(value);
  absl::Status s =
      os_->GetSockOpt(*h, platform::NativeOption{level, name}, &value, &len);
  if (!s.ok()) return s;
  return value;
}

absl::StatusOr<std::string> Socket::GetSockOpt(int level, int name,
                                               size_t buflen) const {
  static constexpr char kCall[] = "getsockopt";
  absl::StatusOr<NativeHandle> h = Handle(kCall);
  if (!h.ok()) return h.status();
  if (buflen < 1 || buflen > 1024) {
    return InvalidArgument(kCall, "buflen", "getsockopt buflen out of range");
  }
  std::string buf(buflen, '\0');
  size_t len = buflen;
  absl::Status s =
      os_->GetSockOpt(*h, platform::NativeOption{level, name}, &buf[0], &len);
  if (!s.ok()) return s;
  buf.resize(len < buflen ? len : buflen);
  return buf;
}

absl::Status Socket::SetSockOpt(int level, int name, int value) {
  absl::StatusOr<NativeHandle> h = Handle("setsockopt");
  if (!h.ok()) return h.status();
  return os_->SetSockOpt(*h, platform::NativeOption{level, name}, &value,
                         sizeof(value));
}

absl::Status Socket::SetSockOpt(int level, int name, std::string_view value) {
  absl::StatusOr<NativeHandle> h = Handle("setsockopt");
  if (!h.ok()) return h.status();
  return os_->SetSockOpt(*h, platform::NativeOption{level, name}, value.data(),
                         value.size());
}

absl::StatusOr<platform::NativeOption> Socket::IntOption(std::string_view call,
                                                         Option option,
                                                         bool write) const {
  const OptionInfo* info = GetOptionInfo(option);
  if (info == nullptr) return InvalidArgument(call, "option", "unknown option");
  if (info->shape != OptionShape::kInt) {
    return InvalidArgument(
        call, "option",
        absl::StrCat(info->name,
                     " is not an int option (use the buffer form)"));
  }
  if (write && !info->writable) {
    return InvalidArgument(call, "option",
                           absl::StrCat(info->name, " is read-only"));
  }
  return os_->NativeOptionFor(option);
}

absl::StatusOr<int> Socket::GetOption(Option option) const {
  static constexpr char kCall[] = "getsockopt";
  absl::StatusOr<NativeHandle> h = Handle(kCall);
  if (!h.ok()) return h.status();
  absl::StatusOr<platform::NativeOption> native =
      IntOption(kCall, option, /*write=*/false);
  if (!native.ok()) return native.status();
  return GetSockOpt(native->level, native->name);
}

absl::Status Socket::SetOption(Option option, int value) {
  static constexpr char kCall[] = "setsockopt";
  absl::StatusOr<NativeHandle> h = Handle(kCall);
  if (!h.ok()) return h.status();
  absl::StatusOr<platform::NativeOption> native =
      IntOption(kCall, option, /*write=*/true);
  if (!native.ok()) return native.status();
  return SetSockOpt(native->level, native->name, value);
}

absl::StatusOr<bool> Socket::GetInheritable() const {
  absl::StatusOr<NativeHandle> h = Handle("get_inheritable");
  if (!h.ok()) return h.status();
  return os_->IsInheritable(*h);
}

absl::Status Socket::SetInheritable(bool inheritable) {
  absl::StatusOr<NativeHandle> h = Handle("set_inheritable");
  if (!h.ok()) return h.status();
  return os_->SetInheritable(*h, inheritable);
}

absl::Status Socket::Ioctl(platform::IoctlCode code,
                           const platform::IoctlArg& arg) {
  static constexpr char kCall[] = "ioctl";
  absl::StatusOr<NativeHandle> h = Handle(kCall);
  if (!h.ok()) return h.status();
  switch (code) {
    case platform::IoctlCode::kRcvAll:
      if (arg.value > static_cast<uint32_t>(platform::RcvAllMode::kIpLevel)) {
        return InvalidArgument(kCall, "arg", "invalid SIO_RCVALL mode");
      }
      break;
    case platform::IoctlCode::kKeepAliveVals:
    case platform::IoctlCode::kLoopbackFastPath:
      if (arg.value > 1) {
        return InvalidArgument(kCall, "arg", "on/off value must be 0 or 1");
      }
      break;
    default:
      return InvalidArgument(kCall, "code", "invalid ioctl command");
  }
  return os_->Ioctl(*h, code, arg);
}

// --- socketpair
// ---------------------------------------------------------------

namespace {

// FinishConnect waits (without limit) for a connect that was in progress on
// `h` and returns its outcome.
absl::Status FinishConnect(const platform::Os& os,
                           const std::atomic<NativeHandle>& handle,
                           NativeHandle h, std::string_view call) {
  absl::Status ready =
      WaitReady(os, handle, h, kWantWrite, Deadline::Infinite(), call);
  if (!ready.ok()) return ready;
  absl::StatusOr<int> pending = ConnectError(os, h);
  if (!pending.ok()) return pending.status();
  if (*pending == 0) return absl::OkStatus();
  return os.ErrorFromNative(*pending, call);
}

}  // namespace

absl::StatusOr<std::pair<Socket, Socket>> SocketPair(Family family, Type type,
                                                     int proto,
                                                     const platform::Os& os) {
  static constexpr char kCall[] = "socketpair";
  const bool native = os.Supports(platform::Capability::kNativeSocketPair);
  if (family == Family::kUnspec) {
    // The fallback pairs only AF_INET/AF_INET6 (Windows has AF_UNIX sockets
    // but no socketpair()).
    family = native && os.Supports(platform::Capability::kUnixSockets)
                 ? Family::kUnix
                 : Family::kInet;
  }
  if (absl::Status s = CheckFamilyAndType(kCall, family, type); !s.ok()) {
    return s;
  }
  const int64_t timeout_ns = DefaultTimeoutNs();
  if (native) {
    platform::CreateOptions options;
    options.nonblocking = timeout_ns >= 0;
    absl::StatusOr<std::array<NativeHandle, 2>> pair =
        os.SocketPair(family, type, proto, options);
    if (!pair.ok()) return pair.status();
    return std::pair<Socket, Socket>(
        Socket(os, (*pair)[0], family, type, proto, timeout_ns),
        Socket(os, (*pair)[1], family, type, proto, timeout_ns));
  }

  // Fallback (Windows): a loopback listener, a non-blocking connect, accept,
  // and a check that the accepted peer really is our client.
  if (family != Family::kInet && family != Family::kInet6) {
    return InvalidArgument(kCall, "family",
                           "only AF_INET and AF_INET6 are supported without "
                           "a native socketpair()");
  }
  if (type != Type::kStream) {
    return InvalidArgument(kCall, "type",
                           "only SOCK_STREAM is supported without a native "
                           "socketpair()");
  }
  if (proto != 0) {
    return InvalidArgument(kCall, "proto",
                           "only protocol 0 is supported without a native "
                           "socketpair()");
  }
  auto make = [&]() -> absl::StatusOr<Socket> {
    absl::StatusOr<NativeHandle> h =
        os.Socket(family, Type::kStream, 0, platform::CreateOptions{});
    if (!h.ok()) return h.status();
    return Socket(os, *h, family, Type::kStream, 0, /*timeout_ns=*/-1);
  };
  std::array<uint8_t, 16> loopback6{};
  loopback6[15] = 1;
  const SocketAddress loopback = family == Family::kInet
                                     ? SocketAddress::Inet4({127, 0, 0, 1}, 0)
                                     : SocketAddress::Inet6(loopback6, 0);

  absl::StatusOr<Socket> listener = make();
  if (!listener.ok()) return listener.status();
  if (absl::Status s = listener->Bind(loopback); !s.ok()) return s;
  if (absl::Status s = listener->Listen(1); !s.ok()) return s;
  absl::StatusOr<SocketAddress> listen_addr = listener->GetSockName();
  if (!listen_addr.ok()) return listen_addr.status();

  absl::StatusOr<Socket> client = make();
  if (!client.ok()) return client.status();
  if (absl::Status s = client->SetBlocking(false); !s.ok()) return s;
  absl::Status connected = client->Connect(*listen_addr);
  const ErrorKind connect_kind = GetErrorKind(connected);
  if (!connected.ok() && connect_kind != ErrorKind::kInProgress &&
      connect_kind != ErrorKind::kWouldBlock &&
      connect_kind != ErrorKind::kInterrupted) {
    return connected;
  }
  if (absl::Status s = client->SetBlocking(true); !s.ok()) return s;

  absl::StatusOr<Accepted> server = listener->Accept();
  if (!server.ok()) return server.status();
  if (!connected.ok()) {
    absl::StatusOr<NativeHandle> ch = client->Handle(kCall);
    if (!ch.ok()) return ch.status();
    if (absl::Status s = FinishConnect(os, client->handle_, *ch, kCall);
        !s.ok()) {
      return s;
    }
  }
  listener->Close().IgnoreError();

  // Authenticate: something else may have connected to the port first.
  absl::StatusOr<SocketAddress> server_local = server->socket.GetSockName();
  absl::StatusOr<SocketAddress> server_peer = server->socket.GetPeerName();
  absl::StatusOr<SocketAddress> client_local = client->GetSockName();
  absl::StatusOr<SocketAddress> client_peer = client->GetPeerName();
  for (const auto* r :
       {&server_local, &server_peer, &client_local, &client_peer}) {
    if (!r->ok()) return r->status();
  }
  if (*server_local != *client_peer || *client_local != *server_peer) {
    return MakeError(ErrorKind::kConnectionAborted, kCall, 0, "",
                     "unexpected peer connection");
  }
  // Both ends take the module default (the accepted end has it already).
  if (absl::Status s = ApplyDefaultMode(os, client->Fileno(), timeout_ns);
      !s.ok()) {
    return s;
  }
  client->timeout_ns_.store(timeout_ns, std::memory_order_relaxed);
  return std::pair<Socket, Socket>(std::move(server->socket),
                                   std::move(*client));
}

}  // namespace xsock
