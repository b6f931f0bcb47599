// core/error.cc: the ErrorKind table and the Status payload that carries the
// kind, the native code and the failing call.

#include "core/error.h"

#include <array>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/cord.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace xsock {
namespace {

constexpr char kPayloadUrl[] = "type.xsock/error";

struct KindInfo {
  std::string_view name;
  absl::StatusCode code;
  ErrorClass cls;
  std::string_view text;
};

constexpr KindInfo kKinds[] = {
    {"Ok", absl::StatusCode::kOk, ErrorClass::kNone, "ok"},
#define XSOCK_ERROR_KIND_INFO(name, code, cls, text) \
  {#name, absl::StatusCode::code, ErrorClass::cls, text},
    XSOCK_ERROR_KINDS(XSOCK_ERROR_KIND_INFO)
#undef XSOCK_ERROR_KIND_INFO
};
constexpr int kKindCount = static_cast<int>(sizeof(kKinds) / sizeof(kKinds[0]));

const KindInfo& Info(ErrorKind kind) {
  int i = static_cast<int>(kind);
  if (i < 0 || i >= kKindCount) i = static_cast<int>(ErrorKind::kUnknown);
  return kKinds[i];
}

// Payload is "<kind>;<native code>;<call>".
struct Payload {
  ErrorKind kind = ErrorKind::kUnknown;
  int native = 0;
  std::string call;
};

std::optional<Payload> ReadPayload(const absl::Status& status) {
  std::optional<absl::Cord> cord = status.GetPayload(kPayloadUrl);
  if (!cord.has_value()) return std::nullopt;
  std::string flat(*cord);
  std::vector<std::string_view> parts =
      absl::StrSplit(flat, absl::MaxSplits(';', 2));
  if (parts.size() != 3) return std::nullopt;
  int kind = 0;
  Payload p;
  if (!absl::SimpleAtoi(parts[0], &kind) || kind <= 0 || kind >= kKindCount ||
      !absl::SimpleAtoi(parts[1], &p.native)) {
    return std::nullopt;
  }
  p.kind = static_cast<ErrorKind>(kind);
  p.call = std::string(parts[2]);
  return p;
}

ErrorKind KindFromAbslCode(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kOk:
      return ErrorKind::kOk;
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kOutOfRange:
      return ErrorKind::kInvalidArgument;
    case absl::StatusCode::kUnimplemented:
      return ErrorKind::kUnimplemented;
    case absl::StatusCode::kDeadlineExceeded:
      return ErrorKind::kTimedOut;
    case absl::StatusCode::kPermissionDenied:
      return ErrorKind::kPermissionDenied;
    case absl::StatusCode::kNotFound:
      return ErrorKind::kNotFound;
    case absl::StatusCode::kResourceExhausted:
      return ErrorKind::kNoBufferSpace;
    default:
      return ErrorKind::kUnknown;
  }
}

}  // namespace

std::string_view ErrorKindName(ErrorKind kind) { return Info(kind).name; }
std::string_view ErrorKindText(ErrorKind kind) { return Info(kind).text; }
ErrorClass ErrorKindClass(ErrorKind kind) { return Info(kind).cls; }

absl::Status WouldBlockError() {
  return absl::Status(absl::StatusCode::kUnavailable, "");
}

absl::Status InterruptedError() {
  return absl::Status(absl::StatusCode::kAborted, "");
}

absl::Status MakeError(ErrorKind kind, std::string_view call, int native_code,
                       std::string_view native_label,
                       std::string_view message) {
  if (kind == ErrorKind::kWouldBlock) return WouldBlockError();
  if (kind == ErrorKind::kInterrupted) return InterruptedError();
  if (kind == ErrorKind::kOk) kind = ErrorKind::kUnknown;
  const KindInfo& info = Info(kind);
  std::string text = absl::StrCat(call.empty() ? "xsock" : call, ": ",
                                  message.empty() ? info.text : message);
  if (native_code != 0) {
    absl::StrAppend(&text, " [", native_label.empty() ? "code" : native_label,
                    " ", native_code, "]");
  }
  absl::Status status(info.code, text);
  status.SetPayload(kPayloadUrl,
                    absl::Cord(absl::StrCat(static_cast<int>(kind), ";",
                                            native_code, ";", call)));
  return status;
}

absl::Status InvalidArgument(std::string_view call, std::string_view argument,
                             std::string_view what) {
  return MakeError(ErrorKind::kInvalidArgument, call, 0, "",
                   absl::StrCat(argument, ": ", what));
}

absl::Status Unimplemented(std::string_view call, std::string_view what,
                           std::string_view backend) {
  return MakeError(
      ErrorKind::kUnimplemented, call, 0, "",
      absl::StrCat(what, " is not implemented on this platform (", backend,
                   ")"));
}

absl::Status TimedOut(std::string_view call) {
  return MakeError(ErrorKind::kTimedOut, call);
}

ErrorKind GetErrorKind(const absl::Status& status) {
  if (status.ok()) return ErrorKind::kOk;
  if (IsWouldBlock(status)) return ErrorKind::kWouldBlock;
  if (IsInterrupted(status)) return ErrorKind::kInterrupted;
  if (std::optional<Payload> p = ReadPayload(status)) return p->kind;
  return KindFromAbslCode(status.code());
}

int GetNativeCode(const absl::Status& status) {
  if (std::optional<Payload> p = ReadPayload(status)) return p->native;
  return 0;
}

std::string GetFailedCall(const absl::Status& status) {
  if (std::optional<Payload> p = ReadPayload(status)) return p->call;
  return "";
}

ErrorClass GetErrorClass(const absl::Status& status) {
  return ErrorKindClass(GetErrorKind(status));
}

}  // namespace xsock
