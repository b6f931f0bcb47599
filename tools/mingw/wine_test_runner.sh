#!/usr/bin/env bash
# Runs a Windows test executable under wine, as a Bazel test.
#
#   wine_test_runner.sh EXE [ARG...]     run EXE under wine with ARGs
#   wine_test_runner.sh --prepare        only create the shared template
#                                        prefix if needed, and print its
#                                        directory (tools/setup calls this)
#
# Used by windows_cc_test (windows_test.bzl), and as
# `--run_under=//tools/mingw:wine_test_runner` by `bazel test --config=mingw`,
# where it also receives Linux test executables: anything that is not a PE
# file (no "MZ" header) is run directly.
#
# Wine prefixes. Creating one takes about 10 s and 700 MB, far too much per
# test, and one prefix cannot be shared by tests running at the same time
# (each sandboxed test needs its own wineserver). So the first run on a
# machine creates a template prefix, once per user and wine version, in the
# system temporary directory under a lock; every run then gets a private
# prefix in $TEST_TMPDIR that is a tree of symlinks into the template (about
# 0.05 s), with real copies of the files wine writes. Prefixes never go into
# the workspace: their symlinks (z: -> /) would make `//...` loop.
#
# Paths for the Windows process. Bazel's test environment holds absolute Unix
# paths (XML_OUTPUT_FILE, TEST_TMPDIR, ...). A Windows program treats
# "/path" as relative to the current drive, so GoogleTest would write its XML
# to a wrong place. The runner prefixes them with "Z:", wine's drive for "/",
# in the child's environment only.
#
# Environment (pass with --test_env):
#   WINE_TEMPLATE_PREFIX  directory of the template prefixes (default:
#                         /tmp/xsock-wine-template-<uid>), or "none" for a
#                         fresh prefix on every run (slow)
#   WINE                  wine loader (default /usr/lib/wine/wine64, else
#                         wine64 or wine from PATH; Debian's /usr/bin/wine
#                         wrapper prints hints about a missing wine32)
#   WINESERVER            (default: next to $WINE, else from PATH)
#   WINEDEBUG             (default -all,err+module: quiet, but a missing DLL
#                         is still reported)

set -uo pipefail

# Debian's loader, else whatever PATH offers.
if [[ -z "${WINE:-}" ]]; then
  for WINE in /usr/lib/wine/wine64 "$(command -v wine64)" "$(command -v wine)"; do
    [[ -z "$WINE" || ! -x "$WINE" ]] || break
  done
fi
if [[ -z "${WINESERVER:-}" ]]; then
  WINESERVER=$(dirname "$WINE")/wineserver
  [[ -x "$WINESERVER" ]] || WINESERVER=$(command -v wineserver)
fi
readonly WINE WINESERVER
# No wine-mono or wine-gecko: offline, wine would try to download them.
export WINEDLLOVERRIDES=${WINEDLLOVERRIDES:-mscoree,mshtml=}
export WINEDEBUG=${WINEDEBUG:--all,err+module}

say() { printf 'wine_test_runner: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

# Prints $1 as a Windows path when it is an absolute Unix path.
winpath() {
  case "$1" in
    /*) printf 'Z:%s' "$1" ;;
    *) printf '%s' "$1" ;;
  esac
}

check_wine() {
  [[ -n "$WINE" && -x "$WINE" ]] ||
    die "no wine loader${WINE:+ at $WINE} (looked for /usr/lib/wine/wine64, wine64, wine); run tools/setup, which installs wine64 and wine"
  [[ -n "$WINESERVER" && -x "$WINESERVER" ]] || die "wineserver not found; run tools/setup"
}

# Runs wine's $1 (wine64 or wineserver) with the rest as arguments, for the
# prefix $prefix and with the private directory $work.
#
# HOME: empty, so that wine links no folders of the user's home into the
# prefix. TMPDIR: Debian's wine keeps the wineserver socket in a random
# $TMPDIR/wine-XXXXXX, named in $WINEPREFIX/wineserver; a private TMPDIR keeps
# each run's socket directory with the run and out of the system's.
wine_do() {
  local tool=$1
  shift
  mkdir -p "$work/home" "$work/tmp" &&
    HOME=$work/home TMPDIR=$work/tmp WINEPREFIX=$prefix "$tool" "$@"
}

# Creates a wine prefix at $prefix (which must not exist yet), using $work.
create_prefix() {
  # rundll32 fails with c0000135 (there is no 32-bit wine); that is harmless.
  wine_do "$WINE" wineboot --init >"$work/wineboot.log" 2>&1
  local rc=$?
  wine_do "$WINESERVER" -w
  if ((rc != 0)) || [[ ! -f "$prefix/system.reg" ]]; then
    say "creating a wine prefix failed (exit $rc); wineboot said:"
    cat "$work/wineboot.log" >&2
    return 1
  fi
  # Desktop, Documents & co. are links to $HOME; make them real folders.
  local link
  while IFS= read -r -d '' link; do
    rm -f "$link" && mkdir -p "$link" || return 1
  done < <(find "$prefix/drive_c/users" -type l -print0)
  # Names this run's socket directory (see wine_do).
  rm -f "$prefix/wineserver"
}

# Succeeds if $1 is a complete template prefix.
template_ready() {
  [[ -f "$1/.xsock-template-ready" && -f "$1/system.reg" &&
     -d "$1/drive_c/windows/system32" ]]
}

# Prints the directory of the ready template prefix for this wine version,
# creating it first if needed; fails if there can be no template.
template_prefix() {
  local root=${WINE_TEMPLATE_PREFIX:-/tmp/xsock-wine-template-$(id -u)}
  [[ "$root" != none ]] || return 1
  mkdir -p -m 700 "$root" 2>/dev/null
  # Somebody else's directory (or a symlink planted in /tmp) is not used.
  if [[ ! -d "$root" || -L "$root" || ! -O "$root" || ! -w "$root" ]]; then
    say "cannot use $root for the template prefix (not a writable directory of this user)"
    return 1
  fi
  local key
  key=$("$WINE" --version 2>/dev/null | tr -cs 'A-Za-z0-9.+-' '_')
  key=${key%_}
  [[ -n "$key" ]] || key=unknown
  local template="$root/$key"
  if ! template_ready "$template"; then
    exec {lock}>"$root/lock" || return 1
    if ! flock -w 600 "$lock"; then
      say "timed out waiting for the lock on $root/lock"
      return 1
    fi
    if ! template_ready "$template"; then
      say "creating the shared wine template prefix $template (once per machine and wine version, about 10 s)"
      local start=$SECONDS ok=1
      # Also drops the templates of other wine versions and failed attempts.
      find "$root" -mindepth 1 -maxdepth 1 ! -name lock -exec rm -rf {} + 2>/dev/null
      local work prefix
      work=$(mktemp -d "$root/new.$key.XXXXXX") || return 1
      prefix=$work/prefix
      create_prefix || ok=0
      if ((ok)); then
        mv "$prefix" "$template" && touch "$template/.xsock-template-ready" || ok=0
      fi
      rm -rf "$work"
      if ((!ok)); then
        flock -u "$lock"
        return 1
      fi
      say "template prefix ready after $((SECONDS - start)) s"
    fi
    flock -u "$lock"
    exec {lock}>&-
  fi
  printf '%s\n' "$template"
}

# Makes $2 a private prefix of symlinks into the template $1.
clone_prefix() {
  local template=$1 prefix=$2 f
  cp -as "$template" "$prefix" || return 1
  rm -f "$prefix/.xsock-template-ready"
  # Wine rewrites these; real copies keep the template unchanged.
  for f in system.reg user.reg userdef.reg .update-timestamp; do
    if [[ -e "$template/$f" ]]; then
      rm -f "$prefix/$f" && cp "$template/$f" "$prefix/$f" || return 1
    fi
  done
  # cp -s turned these into links to the template's links; point them at the
  # private prefix again.
  ln -sfn ../drive_c "$prefix/dosdevices/c:" &&
    ln -sfn / "$prefix/dosdevices/z:"
}

if [[ "${1:-}" == --prepare ]]; then
  check_wine
  template_prefix
  exit
fi

(($# >= 1)) || die "usage: $0 EXE [ARG...] | --prepare"
exe=$1
shift

if [[ "$(head -c 2 -- "$exe" 2>/dev/null)" != MZ ]]; then
  exec "$exe" "$@"
fi
check_wine
case "$exe" in
  /*) ;;
  *) exe=$PWD/$exe ;;
esac

# A private directory for the prefix: inside $TEST_TMPDIR under Bazel.
work=$(mktemp -d "${TEST_TMPDIR:-${TMPDIR:-/tmp}}/xsock-wine.XXXXXX") ||
  die "cannot create a temporary directory"
prefix=$work/prefix

cleanup() {
  wine_do "$WINESERVER" -k >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

if template=$(template_prefix) && clone_prefix "$template" "$prefix"; then
  :
else
  say "no template prefix; creating a private one (slow)"
  rm -rf "$prefix"
  create_prefix || die "could not create a wine prefix"
fi

child_env=()
for var in XML_OUTPUT_FILE TEST_PREMATURE_EXIT_FILE TEST_SHARD_STATUS_FILE \
  TEST_UNDECLARED_OUTPUTS_DIR TEST_UNDECLARED_OUTPUTS_ANNOTATIONS_DIR \
  TEST_WARNINGS_OUTPUT_FILE TEST_INFRASTRUCTURE_FAILURE_FILE TEST_TMPDIR \
  TEST_SRCDIR RUNFILES_DIR; do
  if [[ -n "${!var:-}" ]]; then
    child_env+=("$var=$(winpath "${!var}")")
  fi
done
if [[ "${GTEST_OUTPUT:-}" == xml:/* || "${GTEST_OUTPUT:-}" == json:/* ]]; then
  child_env+=("GTEST_OUTPUT=${GTEST_OUTPUT%%:*}:$(winpath "${GTEST_OUTPUT#*:}")")
fi

# A stale file would hide a missing one.
[[ -z "${XML_OUTPUT_FILE:-}" ]] || rm -f "$XML_OUTPUT_FILE"

wine_do env "${child_env[@]}" "$WINE" "$exe" "$@"
rc=$?

if ((rc == 0)) && [[ -n "${XML_OUTPUT_FILE:-}" ]] && ! grep -qs '<testsuites' "$XML_OUTPUT_FILE"; then
  say "$(basename "$exe") exited 0 but wrote no test XML to $XML_OUTPUT_FILE (not a GoogleTest binary?)"
  rc=1
fi
if ((rc != 0)); then
  say "$(basename "$exe") failed under wine with exit code $rc"
fi
exit "$rc"
