#!/usr/bin/env python3
"""Checks that behaviour IDs, conformance tests and deviations agree.

docs/behaviour/<area>.md defines each behaviour once, with a stable ID at the
start of a heading ("### TCP-03: ...") or in the first cell of a table row
("| TCP-03 | ..."). Every test in conformance/suites/*.cc starts its name with
the ID it checks, the dash written as an underscore (TCP_03_SendAll...).

The check fails when
  - an ID is defined twice (in one page or across pages),
  - a page mixes ID prefixes, or two pages use the same prefix,
  - a documented ID has no test,
  - a test name does not start with an ID, or names an ID that is not
    documented,
  - docs/deviations.md and conformance/deviations.cc list different
    (backend, ID) entries, or a deviation names an undocumented ID.

Run by Bazel as //conformance:id_check (the files come in as runfiles), or by
hand from the repository root: python3 conformance/id_check.py [--root DIR].
"""

import argparse
import collections
import glob
import os
import re
import sys

ID_RE = r"[A-Z]+-\d{2,}"
HEADING_RE = re.compile(r"^#{1,6}\s+(" + ID_RE + r")\b")
TABLE_ROW_RE = re.compile(r"^\|\s*`?(" + ID_RE + r")`?\s*\|")
TEST_RE = re.compile(r"\bTEST(?:_P|_F)?\s*\(\s*(\w+)\s*,\s*(\w+)\s*\)")
TEST_ID_RE = re.compile(r"^([A-Z]+)_(\d{2,})_\w+$")
DEVIATION_ROW_RE = re.compile(
    r"^\|\s*`?([a-z0-9_]+)`?\s*\|\s*`?(" + ID_RE + r")`?\s*\|")
DEVIATION_ENTRY_RE = re.compile(
    r"\{\s*\"([a-z0-9_]+)\"\s*,\s*\"(" + ID_RE + r")\"")


def _read(path):
  with open(path, encoding="utf-8") as f:
    return f.read()


def _strip_cpp_comments(text):
  """Removes // and /* */ comments (keeps string literals intact)."""
  out = []
  i = 0
  n = len(text)
  while i < n:
    c = text[i]
    if c == '"':
      j = i + 1
      while j < n and text[j] != '"':
        j += 2 if text[j] == "\\" else 1
      out.append(text[i:j + 1])
      i = j + 1
    elif text.startswith("//", i):
      j = text.find("\n", i)
      i = n if j < 0 else j
    elif text.startswith("/*", i):
      j = text.find("*/", i + 2)
      i = n if j < 0 else j + 2
    else:
      out.append(c)
      i += 1
  return "".join(out)


def documented_ids(root):
  """Returns ({id: [(file, line)]}, problems) for docs/behaviour/*.md."""
  ids = collections.defaultdict(list)
  problems = []
  prefix_files = collections.defaultdict(set)
  pages = sorted(glob.glob(os.path.join(root, "docs", "behaviour", "*.md")))
  if not pages:
    problems.append("no behaviour pages under docs/behaviour/")
  for page in pages:
    rel = os.path.relpath(page, root)
    in_fence = False
    prefixes = set()
    for lineno, line in enumerate(_read(page).splitlines(), 1):
      if line.lstrip().startswith("```"):
        in_fence = not in_fence
        continue
      if in_fence:
        continue
      m = HEADING_RE.match(line) or TABLE_ROW_RE.match(line)
      if m:
        ident = m.group(1)
        ids[ident].append((rel, lineno))
        prefixes.add(ident.split("-")[0])
    if len(prefixes) > 1:
      problems.append("%s mixes ID prefixes: %s" %
                      (rel, ", ".join(sorted(prefixes))))
    for prefix in prefixes:
      prefix_files[prefix].add(rel)
  for prefix, files in sorted(prefix_files.items()):
    if len(files) > 1:
      problems.append("prefix %s is used by several pages: %s" %
                      (prefix, ", ".join(sorted(files))))
  for ident, places in sorted(ids.items()):
    if len(places) > 1:
      problems.append("%s is documented %d times: %s" % (
          ident, len(places),
          ", ".join("%s:%d" % place for place in places)))
  return ids, problems


def test_names(root):
  """Returns [(file, line, suite, name)] for the suites."""
  tests = []
  for path in sorted(glob.glob(os.path.join(root, "conformance", "suites",
                                            "*.cc"))):
    rel = os.path.relpath(path, root)
    text = _strip_cpp_comments(_read(path))
    for m in TEST_RE.finditer(text):
      line = text.count("\n", 0, m.start()) + 1
      tests.append((rel, line, m.group(1), m.group(2)))
  return tests


def deviation_lists(root):
  """Returns (docs rows, registry entries) as lists of (backend, id)."""
  docs = []
  md = os.path.join(root, "docs", "deviations.md")
  if os.path.exists(md):
    for line in _read(md).splitlines():
      m = DEVIATION_ROW_RE.match(line)
      if m:
        docs.append((m.group(1), m.group(2)))
  registry = []
  cc = os.path.join(root, "conformance", "deviations.cc")
  if os.path.exists(cc):
    text = _strip_cpp_comments(_read(cc))
    registry = [(m.group(1), m.group(2))
                for m in DEVIATION_ENTRY_RE.finditer(text)]
  return docs, registry


def check(root):
  """Returns the list of problems found under `root` (empty: all good)."""
  ids, problems = documented_ids(root)
  tests = test_names(root)
  if not tests:
    problems.append("no tests under conformance/suites/")
  tested = collections.defaultdict(list)
  for rel, line, suite, name in tests:
    m = TEST_ID_RE.match(name)
    if not m:
      problems.append("%s:%d: test %s.%s does not start with a behaviour ID "
                      "(PREFIX_NN_...)" % (rel, line, suite, name))
      continue
    ident = "%s-%s" % (m.group(1), m.group(2))
    if ident not in ids:
      problems.append("%s:%d: test %s.%s names %s, which docs/behaviour/ "
                      "does not document" % (rel, line, suite, name, ident))
    tested[ident].append(name)
  for ident, places in sorted(ids.items()):
    if ident not in tested:
      problems.append("%s (%s:%d) has no test named %s_..." %
                      (ident, places[0][0], places[0][1],
                       ident.replace("-", "_")))

  docs, registry = deviation_lists(root)
  if docs != registry:
    problems.append(
        "docs/deviations.md %s and conformance/deviations.cc %s differ "
        "(same (backend, ID) entries, same order)" % (docs, registry))
  for backend, ident in docs:
    if ident not in ids:
      problems.append("deviation %s/%s names an undocumented ID" %
                      (backend, ident))
  return problems


def _default_root():
  srcdir = os.environ.get("TEST_SRCDIR")
  if srcdir:
    return os.path.join(srcdir, os.environ.get("TEST_WORKSPACE", "xsock"))
  return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main(argv):
  parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
  parser.add_argument("--root", default=_default_root(),
                      help="repository (or runfiles) root")
  args = parser.parse_args(argv)
  problems = check(args.root)
  ids, _ = documented_ids(args.root)
  tests = test_names(args.root)
  if problems:
    for problem in problems:
      print("id_check: " + problem, file=sys.stderr)
    print("id_check: FAILED (%d problems)" % len(problems), file=sys.stderr)
    return 1
  print("id_check: OK: %d behaviour IDs, %d tests" % (len(ids), len(tests)))
  return 0


if __name__ == "__main__":
  sys.exit(main(sys.argv[1:]))
