#!/usr/bin/env python3
"""Keeps docs/names.md complete and true.

docs/seed_names.txt lists every name of Python's socket module that the
specification texts mention; docs/names.md maps each one to its xsock name,
in tables whose rows are

  | `seed name` | xsock name(s) | notes |

where the xsock cell holds one or more code spans (`xsock::GetAddrInfo`,
`Socket::Accept`, `ErrorClass::kHostError`, `GetConstant("SO_REUSEADDR")`,
`xsock/resolver.h`) or, when there is no counterpart, a dash ("—") with the
reason in the notes.

The check fails when
  - docs/seed_names.txt is empty, unsorted or lists a name twice,
  - a listed name has no row, or has several rows,
  - a row's seed name is not listed,
  - a row has neither an xsock name nor (with a dash) a reason,
  - an identifier in an xsock code span (every C++ identifier in it, outside
    string literals: xsock, Socket and Accept in `xsock::Socket::Accept`)
    does not occur in the code (comments removed) of api/*.h or core/*.h,
    or a header span (`xsock/<name>.h`, `core/<name>.h`) names no file. An
    error kind kFoo counts as present when the XSOCK_ERROR_KINDS table has
    an X(Foo, ...) entry (the enumerators are generated from it).

Run by Bazel as //docs:names_test (the files come in as runfiles), or by hand
from the repository root: python3 -m unittest -v docs.names_test. The other
tests here build small synthetic trees and show that each kind of mistake
fails the check.
"""

import glob
import os
import re
import unittest

from conformance.id_check import read_text, strip_cpp_comments
from conformance.synthetic_tree import make_tree

SEED_NAMES = "docs/seed_names.txt"
NAMES_MD = "docs/names.md"
HEADER_GLOBS = ("api/*.h", "core/*.h")

# A cell with no xsock name: a dash (the reason is in the notes).
NO_NAME_CELLS = {"—", "-", "–"}
CODE_SPAN_RE = re.compile(r"`([^`]+)`")
STRING_LITERAL_RE = re.compile(r"\"(?:[^\"\\]|\\.)*\"")
IDENTIFIER_RE = re.compile(r"[A-Za-z_]\w*")
HEADER_SPAN_RE = re.compile(r"^(xsock|core)/(\w+)\.h$")
# A separator row of a Markdown table: | --- | :---: | ... |
SEPARATOR_ROW_RE = re.compile(r"^\|(\s*:?-+:?\s*\|)+\s*$")
GENERATED_KIND_RE = re.compile(r"^k([A-Z]\w*)$")


def _list_file(path):
  """The non-empty lines of `path` that are not # comments, stripped."""
  names = []
  for line in read_text(path).splitlines():
    line = line.strip()
    if line and not line.startswith("#"):
      names.append(line)
  return names


def header_code(root):
  """The code of api/*.h and core/*.h, comments removed, concatenated."""
  parts = []
  for pattern in HEADER_GLOBS:
    for path in sorted(glob.glob(os.path.join(root, pattern))):
      parts.append(strip_cpp_comments(read_text(path)))
  return "\n".join(parts)


def identifier_exists(identifier, code):
  if re.search(r"\b" + re.escape(identifier) + r"\b", code):
    return True
  generated = GENERATED_KIND_RE.match(identifier)
  return bool(generated and re.search(
      r"\bX\(\s*" + re.escape(generated.group(1)) + r"\s*,", code))


def header_exists(root, span):
  m = HEADER_SPAN_RE.match(span)
  directory = "api" if m.group(1) == "xsock" else "core"
  return os.path.isfile(os.path.join(root, directory, m.group(2) + ".h"))


def split_row(line):
  """The cells of a Markdown table row (a \\| inside a cell is kept)."""
  body = line.strip()[1:]
  if body.endswith("|"):
    body = body[:-1]
  return [cell.strip().replace("\\|", "|")
          for cell in re.split(r"(?<!\\)\|", body)]


def table_rows(text):
  """(line number, cells) of every data row of every table in `text`.

  Header rows (the line before a separator row) and separator rows are
  skipped, and so is everything inside ``` code fences."""
  lines = text.splitlines()
  rows = []
  in_fence = False
  for i, line in enumerate(lines):
    if line.lstrip().startswith("```"):
      in_fence = not in_fence
      continue
    if in_fence or not line.lstrip().startswith("|"):
      continue
    if SEPARATOR_ROW_RE.match(line.strip()):
      continue
    if i + 1 < len(lines) and SEPARATOR_ROW_RE.match(lines[i + 1].strip()):
      continue
    rows.append((i + 1, split_row(line)))
  return rows


def span_identifiers(span):
  """The C++ identifiers of a code span, string literals removed."""
  return IDENTIFIER_RE.findall(STRING_LITERAL_RE.sub("", span))


def check(root):
  """Returns the problems of the names table under `root` (empty: OK)."""
  problems = []
  seed = _list_file(os.path.join(root, SEED_NAMES))
  if not seed:
    problems.append("%s lists no names" % SEED_NAMES)
  if seed != sorted(seed):
    problems.append("%s is not sorted" % SEED_NAMES)
  for name in sorted({n for n in seed if seed.count(n) > 1}):
    problems.append("%s lists %s %d times" % (SEED_NAMES, name,
                                              seed.count(name)))
  seed_set = set(seed)
  code = header_code(root)

  rows_of = {}
  for line_no, cells in table_rows(
      read_text(os.path.join(root, NAMES_MD))):
    where = "%s:%d" % (NAMES_MD, line_no)
    if len(cells) != 3:
      problems.append("%s: a row needs 3 cells (seed name | xsock name | "
                      "notes), not %d" % (where, len(cells)))
      continue
    seed_cell, xsock_cell, notes = cells
    name = seed_cell.strip("`").strip()
    rows_of.setdefault(name, []).append(line_no)
    if name not in seed_set:
      problems.append("%s: %s is not a name of %s" % (where, name,
                                                       SEED_NAMES))
    spans = CODE_SPAN_RE.findall(xsock_cell)
    if not spans:
      if xsock_cell not in NO_NAME_CELLS:
        problems.append(
            "%s: %s: the xsock cell has no `code` name and is not a dash "
            "(%r)" % (where, name, xsock_cell))
      elif not notes:
        problems.append("%s: %s has neither an xsock name nor a reason" %
                        (where, name))
      continue
    for span in spans:
      span = span.strip()
      if HEADER_SPAN_RE.match(span):
        if not header_exists(root, span):
          problems.append("%s: %s: header %s does not exist" %
                          (where, name, span))
        continue
      identifiers = span_identifiers(span)
      if not identifiers:
        problems.append("%s: %s: `%s` names no identifier" %
                        (where, name, span))
      for identifier in identifiers:
        if not identifier_exists(identifier, code):
          problems.append(
              "%s: %s: %s (in `%s`) does not occur in the code of %s" %
              (where, name, identifier, span, " or ".join(HEADER_GLOBS)))

  for name in seed:
    if name not in rows_of:
      problems.append("%s: %s has no row in %s" % (SEED_NAMES, name,
                                                   NAMES_MD))
  for name, line_nos in sorted(rows_of.items()):
    if len(line_nos) > 1:
      problems.append("%s: %s has %d rows (lines %s)" % (
          NAMES_MD, name, len(line_nos), ", ".join(map(str, line_nos))))

  return problems


def _repository_root():
  return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class RepositoryTableTest(unittest.TestCase):
  """The real docs/names.md against the real list and headers."""

  def test_names_table_is_complete_and_true(self):
    problems = check(_repository_root())
    self.assertEqual(problems, [], "\n".join(problems))


_SEED = """# names
AF_INET
SO_*
socket
socket.accept
timeout
"""

_TABLE = """# Names

| Seed name | xsock name | Notes |
|---|---|---|
| `socket` | `xsock::Socket::Create` in `xsock/socket.h` | |
| `socket.accept` | `Socket::Accept` | returns `Accepted` |
| `AF_INET` | `Family::kInet`, `GetConstant("AF_INET")` | native value |
| `SO_*` | — | a reason |
| `timeout` | `ErrorKind::kTimedOut` | generated |

```
| `socket.bind` | `Nothing` | inside a fence: not a row |
```
"""

_SOCKET_H = """// Socket is a socket. NotInCode appears only in this comment.
namespace xsock {
class Socket {
 public:
  static Socket Create();
  Accepted Accept();  /* CommentOnly */
};
}  // namespace xsock
"""

_CONSTANTS_H = """namespace xsock {
long GetConstant(const char* name);
}
"""

_ERROR_H = """namespace xsock {
enum class Family { kInet };
#define XSOCK_ERROR_KINDS(X) X(TimedOut, kDeadlineExceeded, kTimeout, "t")
enum class ErrorKind {};
}
"""


class CheckerTest(unittest.TestCase):
  """The check on small synthetic trees, one per kind of mistake."""

  def _problems(self, seed=_SEED, table=_TABLE, extra_files=None):
    files = {
        SEED_NAMES: seed,
        NAMES_MD: table,
        "api/constants.h": _CONSTANTS_H,
        "api/socket.h": _SOCKET_H,
        "core/error.h": _ERROR_H,
    }
    files.update(extra_files or {})
    return check(make_tree(self, files))

  def assertProblem(self, problems, *fragments):
    self.assertTrue(
        any(all(f in p for f in fragments) for p in problems),
        "no problem mentions %r in %r" % (fragments, problems))

  def test_clean_tree_passes(self):
    self.assertEqual(self._problems(), [])

  def test_listed_name_without_row_fails(self):
    problems = self._problems(seed=_SEED + "socket.bind\n")
    self.assertProblem(problems, "socket.bind", "has no row")

  def test_row_of_unlisted_name_fails(self):
    problems = self._problems(
        table=_TABLE + "| `socket.bind` | `Socket::Create` | |\n")
    self.assertProblem(problems, "socket.bind", "is not a name of")

  def test_row_without_name_or_reason_fails(self):
    problems = self._problems(
        table=_TABLE.replace("| `SO_*` | — | a reason |", "| `SO_*` | — | |"))
    self.assertProblem(problems, "SO_*", "neither an xsock name nor a reason")

  def test_row_with_text_instead_of_name_fails(self):
    problems = self._problems(
        table=_TABLE.replace("| `SO_*` | — |", "| `SO_*` | none |"))
    self.assertProblem(problems, "SO_*", "is not a dash")

  def test_unknown_identifier_fails(self):
    problems = self._problems(table=_TABLE.replace("Socket::Accept",
                                                   "Socket::Acept"))
    self.assertProblem(problems, "Acept", "does not occur")

  def test_namespace_part_is_checked_too(self):
    problems = self._problems(table=_TABLE.replace("Family::kInet",
                                                   "Famly::kInet"))
    self.assertProblem(problems, "Famly", "does not occur")

  def test_identifier_only_in_a_comment_fails(self):
    for name in ("NotInCode", "CommentOnly"):
      problems = self._problems(
          table=_TABLE.replace("Socket::Accept", "Socket::" + name))
      self.assertProblem(problems, name, "does not occur")

  def test_error_kind_needs_its_table_entry(self):
    problems = self._problems(table=_TABLE.replace("kTimedOut",
                                                   "kTimedOutX"))
    self.assertProblem(problems, "kTimedOutX", "does not occur")

  def test_missing_header_fails(self):
    problems = self._problems(table=_TABLE.replace("xsock/socket.h",
                                                   "xsock/sockets.h"))
    self.assertProblem(problems, "xsock/sockets.h", "does not exist")

  def test_function_only_in_another_header_is_found(self):
    problems = self._problems(extra_files={"api/constants.h": "// none\n"})
    self.assertProblem(problems, "GetConstant", "does not occur")

  def test_duplicate_row_fails(self):
    problems = self._problems(
        table=_TABLE + "| `socket` | `Socket::Create` | again |\n")
    self.assertProblem(problems, "socket has 2 rows")

  def test_unsorted_or_repeated_list_fails(self):
    self.assertProblem(self._problems(seed=_SEED + "AF_INET\n"),
                       "is not sorted")
    self.assertProblem(self._problems(seed=_SEED + "AF_INET\n"),
                       "lists AF_INET 2 times")

  def test_empty_list_fails(self):
    self.assertProblem(self._problems(seed="# nothing\n"), "lists no names")

  def test_row_with_wrong_cell_count_fails(self):
    problems = self._problems(
        table=_TABLE + "| `socket.bind` | `Socket::Create` |\n")
    self.assertProblem(problems, "needs 3 cells")


if __name__ == "__main__":
  unittest.main()
