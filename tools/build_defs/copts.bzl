"""Compiler flags for xsock: the one place where they are chosen.

Every cc_library, cc_binary and cc_test of the project sets
`copts = XSOCK_COPTS`, or `copts = XSOCK_TEST_COPTS` when it uses GoogleTest.
A target that calls Winsock links it with `linkopts = WS2_32_LINKOPTS`. The
language level (C++17) is set in .bazelrc, per host OS, because it must also
reach Abseil and GoogleTest.

The flags were chosen by compiling Abseil 20220623.1 and GoogleTest 1.12.1
headers (containers, strings, status, time, synchronization, flags, random,
gMock matchers and actions, typed and value-parameterized tests) and POSIX,
socket and netlink macros with GCC 12 and Clang 14, at -O0 and -O2. Abseil
headers are included as user headers (not -isystem), so any flag added here
must stay quiet on them. Left out on purpose:
  -Wpedantic            Abseil's int128.h uses __int128.
  -Wshadow (GCC)        warns inside absl/container/internal/btree.h.
  -Wconversion, -Wsign-conversion, -Wuseless-cast, -Wredundant-decls,
  -Wnon-virtual-dtor, -Wzero-as-null-pointer-constant
                        warn inside Abseil headers.
  -Wold-style-cast      warns on netlink macros (NLMSG_NEXT) with GCC.
  -Wcast-qual           warns on netlink macros over const buffers with Clang.
  -Wlogical-op          warns on `errno == EAGAIN || errno == EWOULDBLOCK`.
  -Wnull-dereference    false positives in optimized builds.

MSVC (cl.exe, the toolchain Bazel configures on Windows) gets its own
flags: warning level 3 without /WX, as Abseil and GoogleTest headers are not
known to be free of MSVC warnings. Bazel's MSVC toolchain already defines
NOMINMAX and _WIN32_WINNT=0x0601; the later -D_WIN32_WINNT=0x0A00 below wins
(with a macro redefinition warning, one more reason for no /WX).

Which flags apply is chosen by the C++ toolchain's `compiler` attribute
(config_settings in tools/build_defs/BUILD.bazel), and by the target OS for
the Windows macros.
"""

# Understood by GCC and Clang alike.
_WARNINGS = [
    "-Wall",
    "-Wextra",
    "-Werror",
    "-Wextra-semi",
    "-Wformat=2",
    "-Wimplicit-fallthrough",
    "-Wmissing-declarations",
    "-Woverloaded-virtual",
    "-Wsuggest-override",
    "-Wundef",
    "-Wvla",
]

_GCC_WARNINGS = [
    "-Wduplicated-branches",
    "-Wduplicated-cond",
]

# Shadowing checks that stay quiet on Abseil's headers. Not used for tests:
# INSTANTIATE_TEST_SUITE_P with a name generator `[](const auto& info)`
# shadows GoogleTest's own `info` parameter.
_GCC_SHADOW = ["-Wshadow=local"]

_CLANG_SHADOW = ["-Wshadow"]

# Windows targets: the Windows 10 API level, no min/max macros from
# <windows.h>, and <windows.h> without its rarely used APIs (among them the
# old <winsock.h>, which clashes with <winsock2.h>).
_WINDOWS_DEFINES = select({
    "@platforms//os:windows": [
        "-DNOMINMAX",
        "-DWIN32_LEAN_AND_MEAN",
        "-D_WIN32_WINNT=0x0A00",
    ],
    "//conditions:default": [],
})

# cl.exe: warning level 3 (no /WX, see above); UTF-8 sources; the CRT's
# "use the _s functions" warnings off, as Bazel's MSVC toolchain does.
# Not /Zc:__cplusplus: Abseil's config.h picks std::any by __cplusplus alone,
# so our files and Abseil's own (compiled without the flag) would disagree
# on what absl::any is.
_MSVC_FLAGS = [
    "/W3",
    "/utf-8",
    "-D_CRT_SECURE_NO_WARNINGS",
]

XSOCK_COPTS = _WINDOWS_DEFINES + select({
    "//tools/build_defs:compiler_gcc": _WARNINGS + _GCC_WARNINGS + _GCC_SHADOW,
    "//tools/build_defs:compiler_mingw_gcc": _WARNINGS + _GCC_WARNINGS + _GCC_SHADOW,
    "//tools/build_defs:compiler_clang": _WARNINGS + _CLANG_SHADOW,
    "//tools/build_defs:compiler_msvc": _MSVC_FLAGS,
    "//conditions:default": _WARNINGS,
})

XSOCK_TEST_COPTS = _WINDOWS_DEFINES + select({
    "//tools/build_defs:compiler_gcc": _WARNINGS + _GCC_WARNINGS,
    "//tools/build_defs:compiler_mingw_gcc": _WARNINGS + _GCC_WARNINGS,
    "//tools/build_defs:compiler_msvc": _MSVC_FLAGS,
    "//conditions:default": _WARNINGS,
})

# Links Winsock 2 (ws2_32). GCC and Clang (MinGW-w64) take -lws2_32; MSVC's
# link.exe ignores that with a warning and needs the library by name. (A
# linkopt that does not start with - or $ would be read as a label.)
WS2_32_LINKOPTS = select({
    "//tools/build_defs:compiler_msvc": ["-DEFAULTLIB:ws2_32.lib"],
    "//conditions:default": ["-lws2_32"],
})
