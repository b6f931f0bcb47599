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
    entries (backend, ID, test, condition and reason, in the same order),
  - a deviation names an undocumented ID, or a test that does not exist or
    has another ID,
  - an "under wine" deviation is not for the windows backend, its reason
    does not start with "wine:", or a test it covers never consults the
    registry (XSOCK_SKIP_IF_DEVIATION or XSOCK_REQUIRE in its body), so the
    entry could never apply.

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
# A row of the deviation table in docs/deviations.md:
#   | backend | ID | test or "all" | always / under wine | reason | tracking |
DEVIATION_ROW_RE = re.compile(
    r"^\|\s*`?([a-z0-9_]+)`?\s*\|\s*`?(" + ID_RE + r")`?\s*\|(.*)$")
# An entry of conformance/deviations.cc:
#   {"backend", "ID", "test or empty", When::kAlways, "reason" "more"},
# where the reason may also be the name of a constant (kWineNoAfUnix).
DEVIATION_ENTRY_RE = re.compile(
    r"\{\s*\"([a-z0-9_]+)\"\s*,\s*\"(" + ID_RE + r")\"\s*,"
    r"\s*\"(\w*)\"\s*,\s*When::(kAlways|kUnderWine)\s*,"
    r"\s*((?:\"(?:[^\"\\]|\\.)*\"\s*)+|k\w+)\s*\}")
# A named reason several entries share:
#   constexpr std::string_view kWineNoAfUnix = "wine: ..." "...";
NAMED_REASON_RE = re.compile(
    r"\bconstexpr\s+(?:std::string_view|char)\s+(k\w+)\s*(?:\[\s*\])?\s*="
    r"\s*((?:\"(?:[^\"\\]|\\.)*\"\s*)+);")
# Anything that starts like an entry, to catch entries of another form.
DEVIATION_ENTRY_START_RE = re.compile(
    r"\{\s*\"([a-z0-9_]+)\"\s*,\s*\"(" + ID_RE + r")\"")
STRING_LITERAL_RE = re.compile(r"\"((?:[^\"\\]|\\.)*)\"")
WHEN_NAMES = {"kAlways": "always", "kUnderWine": "under wine"}
# What a test calls where a conditional deviation shows.
CONSULTS_REGISTRY_RE = re.compile(r"\b(?:XSOCK_SKIP_IF_DEVIATION|XSOCK_REQUIRE)\s*\(")


def read_text(path):
  """The contents of the UTF-8 file `path`."""
  with open(path, encoding="utf-8") as f:
    return f.read()


def strip_cpp_comments(text):
  """Removes // and /* */ comments, keeping string and char literals."""
  out = []
  i = 0
  n = len(text)
  while i < n:
    c = text[i]
    if c in "\"'":
      j = i + 1
      while j < n and text[j] != c and text[j] != "\n":
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
    for lineno, line in enumerate(read_text(page).splitlines(), 1):
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


def _body_after(text, pos):
  """Returns the brace-balanced block that starts at the first "{" at or
  after `pos` (comments already stripped), or "" when there is none."""
  start = text.find("{", pos)
  if start < 0:
    return ""
  depth = 0
  i = start
  while i < len(text):
    c = text[i]
    if c == '"':
      m = STRING_LITERAL_RE.match(text, i)
      i = m.end() if m else i + 1
      continue
    if c == "{":
      depth += 1
    elif c == "}":
      depth -= 1
      if depth == 0:
        return text[start:i + 1]
    i += 1
  return text[start:]


def test_bodies(root):
  """Returns [(file, line, suite, name, body)] for the suites."""
  tests = []
  for path in sorted(glob.glob(os.path.join(root, "conformance", "suites",
                                            "*.cc"))):
    rel = os.path.relpath(path, root)
    text = strip_cpp_comments(read_text(path))
    for m in TEST_RE.finditer(text):
      line = text.count("\n", 0, m.start()) + 1
      tests.append((rel, line, m.group(1), m.group(2),
                    _body_after(text, m.end())))
  return tests


def _cells(rest):
  """Splits the rest of a table row ("a | b | c |") into stripped cells."""
  cells = [c.strip() for c in rest.split("|")]
  if cells and cells[-1] == "":
    cells.pop()
  return cells


def _unquote(cell):
  return cell[1:-1] if len(cell) >= 2 and cell[0] == cell[-1] == "`" else cell


def _join_literals(text):
  """Joins adjacent C++ string literals ("a" "b" -> ab), unescaping \\" and
  \\\\."""
  return "".join(lit.replace('\\"', '"').replace("\\\\", "\\")
                 for lit in STRING_LITERAL_RE.findall(text))


def deviation_lists(root):
  """Returns (docs rows, registry entries, malformed registry entries): the
  first two are lists of (backend, id, test, when, reason), test "" for
  every test of the ID, when "always" or "under wine"; the last is a list of
  (backend, id) of entries that are not of the registry's form."""
  docs = []
  md = os.path.join(root, "docs", "deviations.md")
  if os.path.exists(md):
    for line in read_text(md).splitlines():
      m = DEVIATION_ROW_RE.match(line)
      if m:
        cells = _cells(m.group(3))
        cells += [""] * (3 - len(cells))
        test = _unquote(cells[0])
        docs.append((m.group(1), m.group(2), "" if test == "all" else test,
                     cells[1], cells[2]))
  registry = []
  malformed = []
  cc = os.path.join(root, "conformance", "deviations.cc")
  if os.path.exists(cc):
    text = strip_cpp_comments(read_text(cc))
    named = {m.group(1): _join_literals(m.group(2))
             for m in NAMED_REASON_RE.finditer(text)}
    for m in DEVIATION_ENTRY_RE.finditer(text):
      reason = m.group(5)
      if reason.startswith("k"):
        reason = named.get(reason, "<undefined constant %s>" % reason)
      else:
        reason = _join_literals(reason)
      registry.append((m.group(1), m.group(2), m.group(3),
                       WHEN_NAMES[m.group(4)], reason))
    starts = [(m.group(1), m.group(2))
              for m in DEVIATION_ENTRY_START_RE.finditer(text)]
    for entry in registry:
      if entry[:2] in starts:
        starts.remove(entry[:2])
    malformed = starts
  return docs, registry, malformed


def _deviation_problems(deviations, ids, tests):
  """Checks each registry entry against the documented IDs and the tests."""
  problems = []
  bodies = {}
  for _, _, _, name, body in tests:
    bodies.setdefault(name, []).append(body)
  for backend, ident, test, when, reason in deviations:
    what = "deviation %s/%s%s" % (backend, ident, "/" + test if test else "")
    if ident not in ids:
      problems.append("%s names an undocumented ID" % what)
    if test:
      if test not in bodies:
        problems.append("%s names a test that does not exist" % what)
        continue
      if not test.startswith(ident.replace("-", "_") + "_"):
        problems.append("%s names a test of another behaviour ID" % what)
      covered = bodies[test]
    else:
      prefix = ident.replace("-", "_") + "_"
      covered = [b for name, bs in bodies.items() if name.startswith(prefix)
                 for b in bs]
    if when == "under wine":
      if backend != "windows":
        problems.append("%s applies under wine but is not for the windows "
                        "backend" % what)
      if not reason.startswith("wine:"):
        problems.append("%s applies under wine, so its reason must start "
                        "with \"wine:\" and say what wine lacks" % what)
      if not covered or not all(CONSULTS_REGISTRY_RE.search(b)
                                for b in covered):
        problems.append("%s applies under wine, but the test never consults "
                        "the registry (XSOCK_SKIP_IF_DEVIATION or "
                        "XSOCK_REQUIRE where wine diverges)" % what)
    elif when != "always":
      problems.append("%s: condition %r is neither \"always\" nor "
                      "\"under wine\"" % (what, when))
  return problems


def check(root):
  """Returns the list of problems found under `root` (empty: all good)."""
  ids, problems = documented_ids(root)
  tests = test_bodies(root)
  if not tests:
    problems.append("no tests under conformance/suites/")
  tested = collections.defaultdict(list)
  for rel, line, suite, name, _ in tests:
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

  docs, registry, malformed = deviation_lists(root)
  for backend, ident in malformed:
    problems.append(
        "conformance/deviations.cc: the entry for %s/%s is not of the form "
        "{\"backend\", \"ID\", \"test or empty\", When::kAlways or "
        "When::kUnderWine, \"reason\"}" % (backend, ident))
  if docs != registry:
    only_docs = [d for d in docs if d not in registry]
    only_registry = [r for r in registry if r not in docs]
    problems.append(
        "docs/deviations.md and conformance/deviations.cc differ (same "
        "backend, ID, test, condition and reason, in the same order); only "
        "in docs: %s; only in the registry: %s%s" %
        (only_docs, only_registry,
         "" if only_docs or only_registry else "; the order differs"))
  problems.extend(_deviation_problems(registry, ids, tests))
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
  tests = test_bodies(args.root)
  if problems:
    for problem in problems:
      print("id_check: " + problem, file=sys.stderr)
    print("id_check: FAILED (%d problems)" % len(problems), file=sys.stderr)
    return 1
  print("id_check: OK: %d behaviour IDs, %d tests" % (len(ids), len(tests)))
  return 0


if __name__ == "__main__":
  sys.exit(main(sys.argv[1:]))
