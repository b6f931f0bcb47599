#!/bin/sh
# conformance/run_python3.sh: runs python3 with the given arguments from the
# root of the test's runfiles (where the data files are laid out as in the
# repository). Used by the Python checks, so they need only a python3 on
# PATH, not a registered Bazel Python toolchain.
set -eu
cd "${TEST_SRCDIR:?run under bazel test}/${TEST_WORKSPACE:?}"
exec python3 "$@"
