// platform/windows/winsock_lifetime.h
//
// The process-wide Winsock lifetime of the Windows backend. Every Winsock
// call, socket() and getaddrinfo() included, fails with WSANOTINITIALISED
// (10093) until WSAStartup has succeeded (quirk HND-05), and WSACleanup
// closes every socket the process still has open. WinsockLifetime keeps one
// count of the parts of the process that need Winsock: the first
// acquisition starts it (WSAStartup 2.2), the last release stops it
// (WSACleanup), and every acquisition in between only counts. The backend
// thus calls WSAStartup and WSACleanup once per period of use, however many
// holders there are, and Winsock's own reference count never sees more than
// one reference from xsock.
//
// Who holds a reference:
//   - every WindowsOs, for as long as it lives (its WinsockScope member). The
//     process-wide instance (WindowsOsInstance, NativeOs) is never destroyed,
//     so once it exists Winsock stays started until the process exits;
//   - code that needs Winsock without a socket or a WindowsOs, e.g. a
//     resolver calling getaddrinfo: it holds a WinsockScope for the duration
//     of the call.
//
// A failed WSAStartup is remembered: the acquisition still counts (and must
// still be released), every acquisition while the count stays above zero
// reports the same error, and no Winsock call is made for them. When the
// count returns to zero the error is forgotten, so the next first
// acquisition tries WSAStartup again. WSACleanup is called only for a
// WSAStartup that succeeded.
//
// Thread safety: all functions are thread-safe. One mutex guards the count
// and is held across WSAStartup and WSACleanup, so an acquisition never
// returns before Winsock is started and never overlaps the last release's
// WSACleanup. Not a hot path: a WindowsOs acquires once, at construction.
//
// This header includes no Windows header; the WSA codes it returns are the
// plain ints of <winsock2.h> (0: started).
//
// Platform notes: Windows only (part of //platform:windows). WSAStartup is
// asked for version 2.2, which every Windows since 98/NT 4 provides; a
// Winsock that offers another version is cleaned up again and reported as
// WSAVERNOTSUPPORTED (10092). Calling WSAStartup/WSACleanup directly as well
// is allowed (Winsock counts them itself), but a direct WSACleanup without a
// matching WSAStartup can stop Winsock under xsock's feet.

#ifndef XSOCK_PLATFORM_WINDOWS_WINSOCK_LIFETIME_H_
#define XSOCK_PLATFORM_WINDOWS_WINSOCK_LIFETIME_H_

#include "absl/status/status.h"

namespace xsock {
namespace platform {

class WinsockLifetime {
 public:
  WinsockLifetime() = delete;

  // Acquire takes one reference. The first one (count 0 -> 1) calls
  // WSAStartup(MAKEWORD(2, 2)) and remembers its result; later ones only
  // count. Returns that result: 0 when Winsock is started, otherwise the WSA
  // code of the failed WSAStartup (e.g. WSASYSNOTREADY, WSAEPROCLIM,
  // WSAVERNOTSUPPORTED). Either way the reference is taken and must be given
  // back with Release (or use WinsockScope, which does both).
  static int Acquire();

  // Release gives one reference back. The last one (count 1 -> 0) calls
  // WSACleanup if the WSAStartup of the first one succeeded; WSACleanup
  // closes every socket the process still has open. Returns true when a
  // reference was released; a Release without an outstanding Acquire (count
  // 0) is ignored and returns false, so the count never goes below zero.
  // An unbalanced Release while the count is above zero cannot be told
  // apart from a balanced one: it takes another holder's reference.
  static bool Release();

  // RefCountForTesting returns the number of references currently held.
  static int RefCountForTesting();
};

// WinsockScope is one reference to the Winsock lifetime: the constructor
// acquires it (WinsockLifetime::Acquire), the destructor releases it.
// Movable (the moved-from scope holds nothing and releases nothing), not
// copyable.
class WinsockScope {
 public:
  // WinsockScope acquires one reference; error() says whether Winsock
  // started.
  WinsockScope();
  // ~WinsockScope releases the reference, if this scope still holds one.
  ~WinsockScope();

  WinsockScope(WinsockScope&& other) noexcept;
  // operator= releases this scope's reference (if any), then takes over
  // `other`'s.
  WinsockScope& operator=(WinsockScope&& other) noexcept;
  WinsockScope(const WinsockScope&) = delete;
  WinsockScope& operator=(const WinsockScope&) = delete;

  // held returns whether this scope holds a reference (false once moved
  // from).
  bool held() const { return held_; }

  // error returns the WSAStartup result of the acquisition: 0 when Winsock
  // is started, otherwise the WSA code; WSANOTINITIALISED (10093) when this
  // scope holds no reference (moved from).
  int error() const;

  // status returns OK when error() is 0, otherwise the backend's status for
  // that WSA code, naming the call "WSAStartup".
  absl::Status status() const;

 private:
  bool held_ = false;
  int error_ = 0;
};

}  // namespace platform
}  // namespace xsock

#endif  // XSOCK_PLATFORM_WINDOWS_WINSOCK_LIFETIME_H_
