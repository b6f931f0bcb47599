#!/bin/sh
# conformance/run_python3.sh: runs python3 with the given arguments from the
# root of the test's runfiles (where the data files are laid out as in the
# repository). Used by the Python checks (conformance/, docs/,
# tools/ci_matrix/), so they need only a python3 on PATH, not a registered
# Bazel Python toolchain (Debian's Bazel 4.2.3 py_test needs a `python`
# binary).
set -eu
cd "${TEST_SRCDIR:?run under bazel test}/${TEST_WORKSPACE:?}"
command -v python3 >/dev/null 2>&1 || {
  echo "$0: python3 is not on PATH" >&2
  exit 1
}
exec python3 "$@"
