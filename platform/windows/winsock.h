// platform/windows/winsock.h (internal to the Windows backend and its test)
//
// The one place the Windows backend includes the Winsock and Win32 headers,
// in the order they need (winsock2.h before windows.h), with the macros that
// keep windows.h small and free of min/max. Constants that the MinGW-w64
// headers lack but Windows 10 has (ws2ipdef.h of the Windows SDK) are
// defined here with the SDK's values, so every file sees the same set.

#ifndef XSOCK_PLATFORM_WINDOWS_WINSOCK_H_
#define XSOCK_PLATFORM_WINDOWS_WINSOCK_H_

#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN 1
#endif
#ifndef NOMINMAX
#define NOMINMAX 1
#endif
// The Windows SDK marks gethostbyname and gethostbyaddr deprecated in
// favour of getaddrinfo; the backend calls them on purpose (Python's
// gethostbyname_ex and gethostbyaddr read the host database through them).
#ifndef _WINSOCK_DEPRECATED_NO_WARNINGS
#define _WINSOCK_DEPRECATED_NO_WARNINGS 1
#endif

// clang-format off
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mstcpip.h>
#include <mswsock.h>
#include <afunix.h>
#include <windows.h>
// clang-format on

// ws2tcpip.h maps GetAddrInfo and GetNameInfo to getaddrinfo/GetAddrInfoW
// (and getnameinfo/GetNameInfoW) by macro, which would rename Os's methods
// of those names in every file that includes this one. The backend calls
// getaddrinfo and getnameinfo by their own names.
#ifdef GetAddrInfo
#undef GetAddrInfo
#endif
#ifdef GetNameInfo
#undef GetNameInfo
#endif

// TCP options of ws2ipdef.h (Windows SDK 10) missing from MinGW-w64's
// headers. TCP_KEEPIDLE is TCP_KEEPALIVE (seconds, Windows 10 1709+),
// TCP_KEEPCNT from 1703, TCP_KEEPINTVL from 1709.
#ifndef TCP_KEEPALIVE
#define TCP_KEEPALIVE 3
#endif
#ifndef TCP_MAXSEG
#define TCP_MAXSEG 4
#endif
#ifndef TCP_KEEPCNT
#define TCP_KEEPCNT 16
#endif
#ifndef TCP_KEEPIDLE
#define TCP_KEEPIDLE TCP_KEEPALIVE
#endif
#ifndef TCP_KEEPINTVL
#define TCP_KEEPINTVL 17
#endif

#endif  // XSOCK_PLATFORM_WINDOWS_WINSOCK_H_
