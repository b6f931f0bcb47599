"""Tests for workflow_check.py: each broken workflow must be reported."""

import os
import tempfile
import textwrap
import unittest

from tools.ci_matrix import workflow_check

yaml = workflow_check.load_yaml_module()

GOOD = """\
name: ci
on: [push]
env:
  USE_BAZEL_VERSION: "6.5.0"
jobs:
  test:
    strategy:
      fail-fast: false
      matrix:
        os: [ubuntu-latest, macos-latest, windows-latest]
    runs-on: ${{ matrix.os }}
    steps:
      - uses: actions/checkout@v4
      - if: runner.os == 'Linux'
        run: |
          sudo apt-get update
          sudo DEBIAN_FRONTEND=noninteractive apt-get install -y \\
              g++ g++-mingw-w64-x86-64-posix wine64 python3-yaml
      - if: runner.os != 'Linux'
        run: |
          python -m pip install pyyaml
          echo 'test --test_env=PATH' >>.bazelrc.user
      - name: test
        run: |
          bazel version
          bazel test --keep_going \\
              //...
      - if: always()
        uses: actions/upload-artifact@v4
        with:
          name: results-${{ matrix.os }}
          path: bazel-testlogs/conformance/**/test.xml
"""


# A tools/setup with the shape of the real one.
SETUP = """\
#!/usr/bin/env bash
readonly PACKAGES=(
  bazel-bootstrap bazel-skylib
  g++
  # Windows
  g++-mingw-w64-x86-64-posix
  wine64
  python3-yaml
)
readonly OTHER=(not-a-package)
"""


class WorkflowCheckTest(unittest.TestCase):

  def problems(self, *texts, setup=SETUP):
    with tempfile.TemporaryDirectory() as root:
      if setup is not None:
        os.makedirs(os.path.join(root, "tools"))
        with open(os.path.join(root, "tools", "setup"), "w",
                  encoding="utf-8") as f:
          f.write(setup)
      directory = os.path.join(root, ".github", "workflows")
      os.makedirs(directory)
      for i, text in enumerate(texts):
        with open(os.path.join(directory, "w%d.yml" % i), "w",
                  encoding="utf-8") as f:
          f.write(textwrap.dedent(text))
      # Not a workflow: ignored.
      with open(os.path.join(directory, "BUILD.bazel"), "w",
                encoding="utf-8") as f:
        f.write("not: [yaml\n")
      return workflow_check.check_files(
          workflow_check.workflow_files(root), yaml, root)

  def assertProblem(self, text, fragment):
    problems = self.problems(text)
    self.assertTrue(any(fragment in p for p in problems),
                    "expected a problem containing %r, got %r" %
                    (fragment, problems))

  def test_good_workflow_passes(self):
    self.assertEqual(self.problems(GOOD), [])

  def test_the_real_workflow_passes(self):
    root = workflow_check._default_root()  # pylint: disable=protected-access
    paths = workflow_check.workflow_files(root)
    self.assertTrue(paths, "no workflows under %s" % root)
    self.assertEqual(workflow_check.check_files(paths, yaml, root), [])

  def test_no_workflow_files(self):
    self.assertIn("no workflow files", self.problems()[0])

  def test_invalid_yaml(self):
    self.assertProblem(GOOD.replace("windows-latest]", "windows-latest"),
                       "not valid YAML")

  def test_missing_os(self):
    self.assertProblem(GOOD.replace(", windows-latest", ""),
                       "macos-* and windows-*")

  def test_runs_on_not_from_matrix(self):
    self.assertProblem(GOOD.replace("runs-on: ${{ matrix.os }}",
                                    "runs-on: ubuntu-latest"),
                       "no job runs on a matrix")

  def test_runs_on_unknown_matrix_key(self):
    self.assertProblem(GOOD.replace("runs-on: ${{ matrix.os }}",
                                    "runs-on: ${{ matrix.runner }}"),
                       "matrix key the matrix does not define")

  def test_matrix_include_counts(self):
    text = GOOD.replace(
        "os: [ubuntu-latest, macos-latest, windows-latest]",
        "include:\n          - os: ubuntu-22.04\n          - os: macos-14\n"
        "          - os: windows-2022")
    self.assertEqual(self.problems(text), [])

  def test_no_bazel_test(self):
    self.assertProblem(GOOD.replace("bazel test", "bazel build"),
                       "no step runs `bazel test //...`")

  def test_bazel_test_of_one_package_only(self):
    self.assertProblem(GOOD.replace("//...", "//core/..."),
                       "no step runs `bazel test //...`")

  def test_bazel_test_in_a_comment_does_not_count(self):
    self.assertProblem(
        GOOD.replace("bazel test --keep_going", "echo # bazel test --keep_going"),
        "no step runs `bazel test //...`")

  def test_no_keep_going(self):
    self.assertProblem(GOOD.replace("--keep_going ", ""), "--keep_going")

  def test_no_upload(self):
    self.assertProblem(GOOD.replace("actions/upload-artifact@v4",
                                    "actions/cache@v4"),
                       "no actions/upload-artifact step")

  def test_upload_only_on_success(self):
    self.assertProblem(GOOD.replace("if: always()", "if: success()"),
                       "if: always()")

  def test_upload_name_not_per_os(self):
    self.assertProblem(GOOD.replace("results-${{ matrix.os }}", "results"),
                       "per matrix entry")

  def test_unknown_keys(self):
    self.assertProblem(GOOD.replace("runs-on:", "runs_on:"),
                       "unknown key 'runs_on'")
    self.assertProblem(GOOD.replace("      - if: always()",
                                    "      - when: always()"),
                       "unknown key 'when'")
    self.assertProblem(GOOD.replace("fail-fast:", "failfast:"),
                       "unknown strategy key")
    self.assertProblem("jobz: {}\n" + GOOD, "unknown top-level key")

  def test_step_with_uses_and_run(self):
    self.assertProblem(
        GOOD.replace("      - uses: actions/checkout@v4",
                     "      - uses: actions/checkout@v4\n        run: ls"),
        "exactly one of")

  def test_action_without_version(self):
    self.assertProblem(GOOD.replace("actions/checkout@v4", "actions/checkout"),
                       "names no version")

  def test_no_on(self):
    self.assertProblem(GOOD.replace("on: [push]\n", ""), "no `on`")

  def test_bare_major_bazel_version(self):
    self.assertProblem(GOOD.replace('"6.5.0"', '"4"'), "concrete release")

  def test_setup_packages_of_the_real_setup(self):
    root = workflow_check._default_root()  # pylint: disable=protected-access
    packages = workflow_check.setup_packages(root)
    for package in ("g++-mingw-w64-x86-64-posix", "mingw-w64-x86-64-dev",
                    "wine64", "python3-yaml", "bazel-bootstrap"):
      self.assertIn(package, packages)
    self.assertNotIn("#", " ".join(packages))

  def test_no_setup_script(self):
    problems = self.problems(GOOD, setup=None)
    self.assertTrue(any("tools/setup" in p for p in problems), problems)

  def test_linux_packages_missing(self):
    self.assertProblem(GOOD.replace(" wine64", ""), "missing: wine64")

  def test_a_new_setup_package_must_be_installed(self):
    problems = self.problems(
        GOOD, setup=SETUP.replace("  wine64\n", "  wine64 wine\n"))
    self.assertTrue(any("missing: wine" in p for p in problems), problems)

  def test_debian_bazel_packages_are_not_required(self):
    self.assertEqual(self.problems(GOOD), [])

  def test_apt_install_not_limited_to_linux(self):
    self.assertProblem(GOOD.replace("      - if: runner.os == 'Linux'\n",
                                    "      - name: packages\n"),
                       "missing: g++")
    self.assertProblem(GOOD.replace("if: runner.os == 'Linux'",
                                    "if: runner.os != 'Linux'"),
                       "missing: g++")

  def test_apt_install_needs_update_first(self):
    self.assertProblem(GOOD.replace("          sudo apt-get update\n", ""),
                       "missing: g++")

  def test_apt_install_after_bazel_test_does_not_count(self):
    install = GOOD[GOOD.index("      - if: runner.os == 'Linux'"):
                   GOOD.index("      - if: runner.os != 'Linux'")]
    text = GOOD.replace(install, "").replace(
        "      - if: always()", install + "      - if: always()")
    self.assertProblem(text, "missing: g++")

  def test_matrix_os_condition_counts(self):
    text = GOOD.replace("if: runner.os == 'Linux'",
                        "if: startsWith(matrix.os, 'ubuntu')")
    self.assertEqual(self.problems(text), [])

  def test_no_pyyaml(self):
    self.assertProblem(GOOD.replace("pip install pyyaml", "pip install pip"),
                       "pip install pyyaml")

  def test_pip3_counts(self):
    self.assertEqual(
        self.problems(GOOD.replace("python -m pip install", "pip3 install")),
        [])

  def test_no_test_env_path(self):
    self.assertProblem(GOOD.replace("--test_env=PATH", "--test_env=HOME"),
                       "--test_env=PATH")

  def test_test_env_path_on_the_command_line(self):
    text = GOOD.replace("echo 'test --test_env=PATH' >>.bazelrc.user",
                        "true").replace(
                            "bazel test --keep_going",
                            "bazel test --test_env=PATH --keep_going")
    self.assertEqual(self.problems(text), [])


if __name__ == "__main__":
  unittest.main()
