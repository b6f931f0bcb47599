#!/bin/sh
# tools/ci_matrix/run_python3.sh: runs python3 with the given arguments from
# the root of the test's runfiles, where .github/workflows/ is laid out as in
# the repository. A plain python3 on PATH is enough (Debian's Bazel 4.2.3
# py_test needs a `python` binary).
set -eu
cd "${TEST_SRCDIR:?run under bazel test}/${TEST_WORKSPACE:?}"
command -v python3 >/dev/null 2>&1 || {
  echo "$0: python3 is not on PATH" >&2
  exit 1
}
exec python3 "$@"
