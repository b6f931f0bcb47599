"""C++ toolchain configuration for the MinGW-w64 (posix threads) cross compiler.

Compiles on Linux for Windows x86_64 with Debian's x86_64-w64-mingw32-gcc-posix
and -g++-posix (packages gcc-mingw-w64-x86-64-posix, g++-mingw-w64-x86-64-posix,
mingw-w64-x86-64-dev, installed by tools/setup). Executables are linked
statically, so they import only system DLLs (KERNEL32, msvcrt, WS2_32, ...)
and run under wine without WINEPATH.

The legacy features Bazel adds to every toolchain (include paths, defines,
dependency files, user copts and linkopts, ...) stay on; this file adds only
what differs from them. Project compiler flags (warnings, Windows macros such
as _WIN32_WINNT) live in tools/build_defs/copts.bzl, and -std=c++17 in
.bazelrc, so that they apply the same way to every toolchain.
"""

load("@bazel_tools//tools/build_defs/cc:action_names.bzl", "ACTION_NAMES")
load(
    "@bazel_tools//tools/cpp:cc_toolchain_config_lib.bzl",
    "action_config",
    "artifact_name_pattern",
    "feature",
    "flag_group",
    "flag_set",
    "tool",
    "tool_path",
    "with_feature_set",
)

_TRIPLE = "x86_64-w64-mingw32"

# Debian installs the cross tools here, under the target triple.
_BIN = "/usr/bin/" + _TRIPLE + "-"

# Directories holding the compiler's own headers. Bazel matches them as path
# prefixes, so the GCC version (12-posix in Debian 12) needs no mention.
_BUILTIN_INCLUDE_DIRECTORIES = [
    "/usr/lib/gcc/" + _TRIPLE,
    "/usr/" + _TRIPLE + "/include",
    "/usr/share/mingw-w64/include",
]

_COMPILE_ACTIONS = [
    ACTION_NAMES.assemble,
    ACTION_NAMES.preprocess_assemble,
    ACTION_NAMES.linkstamp_compile,
    ACTION_NAMES.c_compile,
    ACTION_NAMES.cpp_compile,
    ACTION_NAMES.cpp_header_parsing,
    ACTION_NAMES.cpp_module_compile,
    ACTION_NAMES.cpp_module_codegen,
]

_LINK_ACTIONS = [
    ACTION_NAMES.cpp_link_executable,
    ACTION_NAMES.cpp_link_dynamic_library,
    ACTION_NAMES.cpp_link_nodeps_dynamic_library,
]

# What Bazel's legacy action configs imply (CppActionConfigs.java); a custom
# action_config replaces the legacy one and must imply the same features.
_COMPILE_IMPLIES = [
    "legacy_compile_flags",
    "user_compile_flags",
    "sysroot",
    "unfiltered_compile_flags",
    "compiler_input_flags",
    "compiler_output_flags",
]

_LINK_EXECUTABLE_IMPLIES = [
    "symbol_counts",
    "strip_debug_symbols",
    "linkstamps",
    "output_execpath_flags",
    "runtime_library_search_directories",
    "library_search_directories",
    "libraries_to_link",
    "force_pic_flags",
    "user_link_flags",
    "legacy_link_flags",
    "linker_param_file",
    "fission_support",
    "sysroot",
]

_LINK_DYNAMIC_LIBRARY_IMPLIES = [
    "build_interface_libraries",
    "dynamic_library_linker_tool",
    "symbol_counts",
    "strip_debug_symbols",
    "shared_flag",
    "linkstamps",
    "output_execpath_flags",
    "runtime_library_search_directories",
    "library_search_directories",
    "libraries_to_link",
    "user_link_flags",
    "legacy_link_flags",
    "linker_param_file",
    "fission_support",
    "sysroot",
]

def _action_configs():
    """C++ compiles and all links go through g++ (C compiles stay on gcc)."""
    gxx = [tool(path = _BIN + "g++-posix")]
    configs = [
        action_config(action_name = name, tools = gxx, implies = _COMPILE_IMPLIES)
        for name in [
            ACTION_NAMES.cpp_compile,
            ACTION_NAMES.cpp_header_parsing,
            ACTION_NAMES.cpp_module_compile,
            ACTION_NAMES.cpp_module_codegen,
            ACTION_NAMES.linkstamp_compile,
        ]
    ]
    configs.append(action_config(
        action_name = ACTION_NAMES.cpp_link_executable,
        tools = gxx,
        implies = _LINK_EXECUTABLE_IMPLIES,
    ))
    configs += [
        action_config(action_name = name, tools = gxx, implies = _LINK_DYNAMIC_LIBRARY_IMPLIES)
        for name in [
            ACTION_NAMES.cpp_link_dynamic_library,
            ACTION_NAMES.cpp_link_nodeps_dynamic_library,
        ]
    ]
    return configs

def _features():
    compile_flags = feature(
        name = "default_compile_flags",
        enabled = True,
        flag_sets = [
            flag_set(
                actions = _COMPILE_ACTIONS,
                flag_groups = [flag_group(flags = [
                    # Without it GCC writes headers reached through -isystem
                    # into .d files with symlinks resolved, and Bazel reports
                    # "undeclared inclusion(s)" (Bazel's own Unix toolchain
                    # passes it too).
                    "-fno-canonical-system-headers",
                    "-Wall",
                    "-fno-omit-frame-pointer",
                ])],
            ),
            flag_set(
                actions = _COMPILE_ACTIONS,
                flag_groups = [flag_group(flags = ["-g"])],
                with_features = [with_feature_set(features = ["dbg"])],
            ),
            flag_set(
                actions = _COMPILE_ACTIONS,
                flag_groups = [flag_group(flags = [
                    "-g0",
                    "-O2",
                    "-DNDEBUG",
                    "-ffunction-sections",
                    "-fdata-sections",
                ])],
                with_features = [with_feature_set(features = ["opt"])],
            ),
        ],
    )

    # These flags follow the libraries on the link line.
    link_flags = feature(
        name = "default_link_flags",
        enabled = True,
        flag_sets = [
            flag_set(
                actions = _LINK_ACTIONS,
                flag_groups = [flag_group(flags = [
                    # No libstdc++-6.dll, libgcc_s_seh-1.dll or
                    # libwinpthread-1.dll next to the .exe: without them
                    # wine (and Windows) cannot start it, and with
                    # WINEDEBUG=-all it exits 53 without a word.
                    "-static",
                    "-static-libgcc",
                    "-static-libstdc++",
                    # Abseil's symbolizer calls SymInitialize and friends, but
                    # its BUILD files name dbghelp only for MSVC.
                    "-ldbghelp",
                ])],
            ),
            flag_set(
                actions = _LINK_ACTIONS,
                flag_groups = [flag_group(flags = ["-Wl,--gc-sections"])],
                with_features = [with_feature_set(features = ["opt"])],
            ),
        ],
    )

    return [
        feature(name = "dbg"),
        feature(name = "fastbuild"),
        feature(name = "opt"),
        compile_flags,
        link_flags,
    ]

def _impl(ctx):
    tool_paths = [
        tool_path(name = "gcc", path = _BIN + "gcc-posix"),
        tool_path(name = "cpp", path = _BIN + "cpp-posix"),
        tool_path(name = "ar", path = _BIN + "ar"),
        tool_path(name = "ld", path = _BIN + "ld"),
        tool_path(name = "nm", path = _BIN + "nm"),
        tool_path(name = "objcopy", path = _BIN + "objcopy"),
        tool_path(name = "objdump", path = _BIN + "objdump"),
        tool_path(name = "strip", path = _BIN + "strip"),
        tool_path(name = "gcov", path = _BIN + "gcov-posix"),
        tool_path(name = "dwp", path = "/bin/false"),
        tool_path(name = "llvm-profdata", path = "/bin/false"),
    ]
    return cc_common.create_cc_toolchain_config_info(
        ctx = ctx,
        toolchain_identifier = "mingw-w64-x86_64-posix",
        host_system_name = "x86_64-unknown-linux-gnu",
        target_system_name = _TRIPLE,
        target_cpu = "x64_windows",
        target_libc = "msvcrt",
        # Selected on through @bazel_tools//tools/cpp:compiler, e.g. by
        # //tools/build_defs:compiler_mingw_gcc.
        compiler = "mingw-gcc",
        abi_version = "local",
        abi_libc_version = "local",
        action_configs = _action_configs(),
        features = _features(),
        artifact_name_patterns = [
            artifact_name_pattern(
                category_name = "executable",
                prefix = "",
                extension = ".exe",
            ),
            artifact_name_pattern(
                category_name = "dynamic_library",
                prefix = "",
                extension = ".dll",
            ),
        ],
        cxx_builtin_include_directories = _BUILTIN_INCLUDE_DIRECTORIES,
        tool_paths = tool_paths,
    )

mingw_cc_toolchain_config = rule(
    implementation = _impl,
    attrs = {},
    provides = [CcToolchainConfigInfo],
)
