#!/usr/bin/env python3
"""Checks the GitHub Actions workflows in .github/workflows/.

Every *.yml / *.yaml file there must be valid YAML and have the shape of a
GitHub Actions workflow: a mapping with `on` and `jobs`; every job either
calls a reusable workflow (`uses`) or has `runs-on` and a list of `steps`,
each step with exactly one of `uses` / `run`; only keys GitHub knows at the
workflow, job and step level (a misspelt key is ignored by GitHub, so a typo
like `runs_on` or `if:` under `with` would go unnoticed). Together the
workflows must
  - run on a matrix that names ubuntu-*, macos-* and windows-* runners, with
    the job's `runs-on` taken from that matrix,
  - run `bazel test ... //...` in a step of that job,
  - upload an artifact (actions/upload-artifact) in that job, on every
    outcome (`if: always()`) and named per matrix entry (the name refers to
    `matrix.`), so the runners do not overwrite each other's results,
  - before that `bazel test`, on Linux only (the step's `if` is
    runner.os == 'Linux' or picks an ubuntu-* matrix.os), `apt-get update` and `apt-get install` every package of
    tools/setup's PACKAGES but Debian's Bazel ones (bazel-*): the MinGW-w64
    cross compiler and wine, which the Linux build uses for the Windows
    tests, and python3-yaml;
  - before it too, `pip install` PyYAML and pass PATH to the tests
    (`--test_env=PATH`, on the command line or written to .bazelrc.user),
    for the Python checks on macOS and Windows, which have no
    python3-yaml;
  - and, where USE_BAZEL_VERSION is set, name a concrete release (4.2.3,
    not "4"): `.bazelversion` says "4" for Debian's launcher, but "4" is
    no Bazel release Bazelisk could download.

Run by Bazel as //tools/ci_matrix:workflow_test (the workflow files and
tools/setup come in as runfiles), or by hand from the repository root:
  python3 tools/ci_matrix/workflow_check.py [--root DIR]
Needs PyYAML (Debian: python3-yaml, installed by tools/setup).
"""

import argparse
import os
import re
import shlex
import sys

WORKFLOW_DIR = os.path.join(".github", "workflows")
SETUP_SCRIPT = os.path.join("tools", "setup")

# Keys GitHub Actions accepts (docs.github.com, "Workflow syntax for GitHub
# Actions").
WORKFLOW_KEYS = {
    "name", "run-name", "on", "permissions", "env", "defaults", "concurrency",
    "jobs",
}
JOB_KEYS = {
    "name", "permissions", "needs", "if", "runs-on", "environment",
    "concurrency", "outputs", "env", "defaults", "steps", "timeout-minutes",
    "strategy", "continue-on-error", "container", "services", "uses", "with",
    "secrets",
}
STEP_KEYS = {
    "id", "if", "name", "uses", "run", "working-directory", "shell", "with",
    "env", "continue-on-error", "timeout-minutes",
}
STRATEGY_KEYS = {"matrix", "fail-fast", "max-parallel"}
JOB_ID_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
OS_PATTERNS = {
    "ubuntu": re.compile(r"^ubuntu-\S+$"),
    "macos": re.compile(r"^macos-\S+$"),
    "windows": re.compile(r"^windows-\S+$"),
}
MATRIX_REF_RE = re.compile(r"\$\{\{\s*matrix\.([A-Za-z0-9_-]+)\s*\}\}")
PACKAGES_RE = re.compile(r"^\s*readonly PACKAGES=\((.*?)^\s*\)", re.M | re.S)
# A step condition that limits it to the Linux runners.
LINUX_IF_RE = re.compile(
    r"runner\.os\s*==\s*'Linux'"
    r"|matrix\.os\s*==\s*'ubuntu-"
    r"|startsWith\(\s*matrix\.os\s*,\s*'ubuntu")
PIP_RE = re.compile(r"^pip3?(\.exe)?$")
CONCRETE_VERSION_RE = re.compile(r"^\d+\.\d+\.\d+(rc\d+)?$")


def load_yaml_module():
  """Returns the yaml module, or exits with a message saying how to get it."""
  try:
    import yaml  # pylint: disable=import-outside-toplevel
  except ImportError:
    print("workflow_check: FAILED: the Python yaml module (PyYAML) is missing "
          "for %s; install it with tools/setup (Debian package python3-yaml: "
          "apt-get install -y python3-yaml) or pip install pyyaml" %
          sys.executable, file=sys.stderr)
    sys.exit(1)
  return yaml


def _on_key(doc):
  # YAML 1.1 (PyYAML) reads a bare `on` key as the boolean True.
  if "on" in doc:
    return doc["on"]
  if True in doc:
    return doc[True]
  return None


def setup_packages(root):
  """Returns the PACKAGES tools/setup installs, or None without the file."""
  try:
    with open(os.path.join(root, SETUP_SCRIPT), encoding="utf-8") as f:
      text = f.read()
  except OSError:
    return None
  match = PACKAGES_RE.search(text)
  if not match:
    return []
  words = []
  for line in match.group(1).splitlines():
    words += line.split("#", 1)[0].split()
  return words


def _commands(script):
  """Yields the words of each simple command in a run script, without
  VAR=value prefixes, `sudo` and `env`."""
  # Join continuation lines, then split into simple commands.
  script = re.sub(r"\\\r?\n", " ", script)
  for line in script.splitlines():
    for command in re.split(r"&&|\|\||;|\|", line):
      try:
        words = shlex.split(command, comments=True)
      except ValueError:
        continue
      while words and (words[0] in ("sudo", "env") or
                       re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", words[0])):
        words = words[1:]
      if words:
        yield words


def _bazel_test_commands(script):
  """Yields the argument lists of `bazel test` commands in a run script."""
  for words in _commands(script):
    if os.path.basename(words[0]) not in ("bazel", "bazelisk"):
      continue
    args = words[1:]
    # Startup options come before the command.
    while args and args[0].startswith("-"):
      args = args[1:]
    if args and args[0] == "test":
      yield args[1:]


def _apt_commands(script):
  """Yields ("update", []) and ("install", packages) for the apt-get (or
  apt) commands in a run script, in order."""
  for words in _commands(script):
    if os.path.basename(words[0]) not in ("apt-get", "apt"):
      continue
    args = [w for w in words[1:] if not w.startswith("-")]
    if args and args[0] == "update":
      yield "update", []
    elif args and args[0] == "install":
      yield "install", args[1:]


def _matrix_values(matrix):
  """Returns every string value a matrix can give, by key."""
  values = {}
  if not isinstance(matrix, dict):
    return values
  for key, value in matrix.items():
    if key in ("include", "exclude"):
      continue
    if isinstance(value, list):
      values.setdefault(key, []).extend(str(v) for v in value)
  for entry in matrix.get("include") or []:
    if isinstance(entry, dict):
      for key, value in entry.items():
        values.setdefault(key, []).append(str(value))
  return values


def check_workflow(doc, rel):
  """Checks one parsed workflow; returns (problems, facts).

  facts: list of dicts, one per job with a matrix over runners:
    {"job", "oses", "bazel_test", "keep_going", "upload", "upload_always",
     "upload_named", "apt_linux", "pyyaml", "test_env_path"}
  where the last three hold what the steps before the first `bazel test
  //...` step do: the packages apt-get installs on Linux after an apt-get
  update (a set), and whether PyYAML is pip-installed and PATH is passed to
  the tests.
  """
  problems = []
  facts = []
  if not isinstance(doc, dict):
    return ["%s: not a mapping at the top level" % rel], facts
  for key in doc:
    if key is not True and key not in WORKFLOW_KEYS:
      problems.append("%s: unknown top-level key %r" % (rel, key))
  if _on_key(doc) is None:
    problems.append("%s: no `on` (the events that start the workflow)" % rel)
  env = doc.get("env") or {}
  jobs = doc.get("jobs")
  if not isinstance(jobs, dict) or not jobs:
    problems.append("%s: `jobs` must be a non-empty mapping" % rel)
    jobs = {}

  def check_env(where, env_map):
    if env_map is None:
      return
    if not isinstance(env_map, dict):
      problems.append("%s: env must be a mapping" % where)
      return
    version = env_map.get("USE_BAZEL_VERSION")
    if version is not None and not CONCRETE_VERSION_RE.match(str(version)):
      problems.append(
          "%s: USE_BAZEL_VERSION is %r; Bazelisk needs a concrete release "
          "such as 4.2.3" % (where, version))

  check_env(rel, env)

  for job_id, job in jobs.items():
    where = "%s: job %s" % (rel, job_id)
    if not JOB_ID_RE.match(str(job_id)):
      problems.append("%s: invalid job id" % where)
    if not isinstance(job, dict):
      problems.append("%s: not a mapping" % where)
      continue
    for key in job:
      if key not in JOB_KEYS:
        problems.append("%s: unknown key %r" % (where, key))
    check_env(where, job.get("env"))
    if "uses" in job:
      continue  # a reusable workflow call has no runs-on/steps
    if "runs-on" not in job:
      problems.append("%s: no runs-on" % where)
    steps = job.get("steps")
    if not isinstance(steps, list) or not steps:
      problems.append("%s: steps must be a non-empty list" % where)
      steps = []
    strategy = job.get("strategy") or {}
    if not isinstance(strategy, dict):
      problems.append("%s: strategy must be a mapping" % where)
      strategy = {}
    for key in strategy:
      if key not in STRATEGY_KEYS:
        problems.append("%s: unknown strategy key %r" % (where, key))

    job_facts = {"job": where, "oses": set(), "bazel_test": False,
                 "keep_going": False, "upload": False,
                 "upload_always": False, "upload_named": False,
                 "apt_linux": set(), "pyyaml": False, "test_env_path": False}
    matrix_values = _matrix_values(strategy.get("matrix"))
    runs_on = job.get("runs-on")
    runs_on_refs = MATRIX_REF_RE.findall(str(runs_on))
    for ref in runs_on_refs:
      for value in matrix_values.get(ref, []):
        for os_name, pattern in OS_PATTERNS.items():
          if pattern.match(value):
            job_facts["oses"].add(os_name)
    if runs_on_refs and not any(ref in matrix_values for ref in runs_on_refs):
      problems.append("%s: runs-on %r refers to a matrix key the matrix "
                      "does not define" % (where, runs_on))

    for index, step in enumerate(steps):
      swhere = "%s: step %d" % (where, index + 1)
      if not isinstance(step, dict):
        problems.append("%s: not a mapping" % swhere)
        continue
      for key in step:
        if key not in STEP_KEYS:
          problems.append("%s: unknown key %r" % (swhere, key))
      if ("uses" in step) == ("run" in step):
        problems.append("%s: needs exactly one of `uses` and `run`" % swhere)
      check_env(swhere, step.get("env"))
      if "run" in step:
        if not isinstance(step["run"], str):
          problems.append("%s: run must be a string" % swhere)
          continue
        before_test = not job_facts["bazel_test"]
        if before_test:
          _note_preparation(step, job_facts)
        for args in _bazel_test_commands(step["run"]):
          if "//..." in args:
            job_facts["bazel_test"] = True
            if "--keep_going" in args or "-k" in args:
              job_facts["keep_going"] = True
      uses = step.get("uses")
      if isinstance(uses, str):
        if "@" not in uses and not uses.startswith(("./", "docker://")):
          problems.append("%s: uses %r names no version (@v4)" %
                          (swhere, uses))
        if uses.split("@")[0] == "actions/upload-artifact":
          job_facts["upload"] = True
          if "always()" in str(step.get("if", "")):
            job_facts["upload_always"] = True
          with_ = step.get("with") or {}
          if (isinstance(with_, dict) and
              "matrix." in str(with_.get("name", "")) and with_.get("path")):
            job_facts["upload_named"] = True
    if job_facts["oses"] or job_facts["bazel_test"] or job_facts["upload"]:
      facts.append(job_facts)
  return problems, facts


def _note_preparation(step, job_facts):
  """Records in job_facts what a step before `bazel test` prepares."""
  script = step["run"]
  if LINUX_IF_RE.search(str(step.get("if", ""))):
    updated = False
    for kind, packages in _apt_commands(script):
      if kind == "update":
        updated = True
      elif updated:
        job_facts["apt_linux"].update(packages)
  for words in _commands(script):
    if any(PIP_RE.match(os.path.basename(w)) for w in words[:3]) and "install" in words:
      if any(w.lower() == "pyyaml" for w in words):
        job_facts["pyyaml"] = True
  if re.search(r"--test_env[= ]PATH\b", script):
    job_facts["test_env_path"] = True


def check_files(paths, yaml, root, packages=None):
  """Checks the workflow files `paths`; returns the problems found.

  packages: what tools/setup installs (default: read from root).
  """
  problems = []
  facts = []
  if not paths:
    return ["no workflow files (*.yml, *.yaml) in %s" % WORKFLOW_DIR]
  if packages is None:
    packages = setup_packages(root)
  if not packages:
    problems.append("%s: not found or no PACKAGES=( ... ) in it; the Linux "
                    "job must install its packages" % SETUP_SCRIPT)
    packages = []
  # Debian's Bazel and the repositories it brings; online, Bazelisk and the
  # http_archives of WORKSPACE replace them.
  linux_packages = [p for p in packages if not p.startswith("bazel-")]
  for path in paths:
    rel = os.path.relpath(path, root)
    try:
      with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    except yaml.YAMLError as e:
      problems.append("%s: not valid YAML: %s" % (rel, e))
      continue
    file_problems, file_facts = check_workflow(doc, rel)
    problems += file_problems
    facts += file_facts

  want = set(OS_PATTERNS)
  good = [f for f in facts if f["oses"] >= want]
  if not good:
    seen = sorted(set().union(*[f["oses"] for f in facts])) if facts else []
    problems.append(
        "no job runs on a matrix naming ubuntu-*, macos-* and windows-* "
        "runners (runs-on: ${{ matrix.<key> }}); found %s" %
        (", ".join(seen) or "none"))
  else:
    for f in good:
      if not f["bazel_test"]:
        problems.append("%s: no step runs `bazel test //...`" % f["job"])
      elif not f["keep_going"]:
        problems.append("%s: `bazel test //...` runs without --keep_going"
                        % f["job"])
      missing = [p for p in linux_packages if p not in f["apt_linux"]]
      if missing:
        problems.append(
            "%s: before `bazel test //...`, a step limited to Linux (if: "
            "runner.os == 'Linux') must run apt-get update and apt-get "
            "install the packages of %s (less bazel-*); missing: %s" %
            (f["job"], SETUP_SCRIPT, " ".join(missing)))
      if not f["pyyaml"]:
        problems.append("%s: no step before `bazel test //...` runs pip "
                        "install pyyaml (the Python checks on macOS and "
                        "Windows need it)" % f["job"])
      if not f["test_env_path"]:
        problems.append("%s: PATH does not reach the tests (--test_env=PATH "
                        "before or in `bazel test //...`), so they would "
                        "not find the pip-installed PyYAML" % f["job"])
      if not f["upload"]:
        problems.append("%s: no actions/upload-artifact step" % f["job"])
      else:
        if not f["upload_always"]:
          problems.append("%s: the upload-artifact step does not run on "
                          "failure (if: always())" % f["job"])
        if not f["upload_named"]:
          problems.append("%s: the upload-artifact step needs a path and an "
                          "artifact name per matrix entry (${{ matrix.os }})"
                          % f["job"])
  return problems


def workflow_files(root):
  directory = os.path.join(root, WORKFLOW_DIR)
  if not os.path.isdir(directory):
    return []
  return sorted(
      os.path.join(directory, name) for name in os.listdir(directory)
      if name.endswith((".yml", ".yaml")))


def _default_root():
  srcdir = os.environ.get("TEST_SRCDIR")
  if srcdir:
    return os.path.join(srcdir, os.environ.get("TEST_WORKSPACE", "xsock"))
  return os.path.dirname(os.path.dirname(os.path.dirname(
      os.path.abspath(__file__))))


def main(argv):
  parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
  parser.add_argument("--root", default=_default_root(),
                      help="repository (or runfiles) root")
  args = parser.parse_args(argv)
  yaml = load_yaml_module()
  paths = workflow_files(args.root)
  problems = check_files(paths, yaml, args.root)
  if problems:
    for problem in problems:
      print("workflow_check: " + problem, file=sys.stderr)
    print("workflow_check: FAILED (%d problems)" % len(problems),
          file=sys.stderr)
    return 1
  print("workflow_check: OK: %s" % ", ".join(
      os.path.relpath(p, args.root) for p in paths))
  return 0


if __name__ == "__main__":
  sys.exit(main(sys.argv[1:]))
