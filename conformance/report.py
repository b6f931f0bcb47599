#!/usr/bin/env python3
"""Counts the conformance cases of each backend from the last test run.

Reads the test.xml GoogleTest wrote for every <backend>_conformance_test
(bazel-testlogs/conformance/<backend>_conformance_test/test.xml; on a Windows
host windows_conformance_test_native, shown as "windows (native)") and
prints a Markdown table: per backend the cases, how many passed and failed,
and the skipped ones by why they were skipped:

  deviation    a registered deviation ("documented deviation of ..."), with
               "under wine" ones counted separately;
  capability   the backend lacks (or has, for IOCTL-01) a capability the
               case needs ("... capability kX ..." or "(kX)");
  other        the case does not apply on this machine for another reason
               it gives (e.g. a sun_path that holds every path).

With --update FILE the table replaces the part of FILE between the lines
<!-- conformance-report:begin --> and <!-- conformance-report:end -->
(docs/deviations.md). Run after `bazel test //conformance/...`:

  python3 conformance/report.py [--testlogs DIR] [--update docs/deviations.md]
"""

import argparse
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

BEGIN = "<!-- conformance-report:begin -->"
END = "<!-- conformance-report:end -->"
_CAPABILITY_RE = re.compile(r"\bk[A-Z][A-Za-z0-9]+\b")
_BACKEND_ORDER = ["posix", "linux", "windows", "windows (native)"]
_SUFFIXES = (("_conformance_test", ""), ("_conformance_test_native",
                                        " (native)"))


class Counts:
  def __init__(self):
    self.cases = 0
    self.passed = 0
    self.failed = 0
    self.deviation = 0
    self.wine_deviation = 0
    self.capability = 0
    self.other = 0


def classify_skip(message):
  """Returns "wine", "deviation", "capability" or "other" for a skip
  message."""
  if "documented deviation of" in message:
    return "wine" if " under wine" in message else "deviation"
  if "capability" in message or _CAPABILITY_RE.search(message):
    return "capability"
  return "other"


def count_xml(path):
  """Returns the Counts of one GoogleTest XML file."""
  counts = Counts()
  for case in ET.parse(path).getroot().iter("testcase"):
    counts.cases += 1
    if case.find("failure") is not None or case.find("error") is not None:
      counts.failed += 1
      continue
    skipped = case.find("skipped")
    if skipped is None and case.get("result") not in ("skipped",
                                                      "suppressed"):
      counts.passed += 1
      continue
    message = skipped.get("message", "") if skipped is not None else ""
    kind = classify_skip(message)
    if kind == "wine":
      counts.wine_deviation += 1
    elif kind == "deviation":
      counts.deviation += 1
    elif kind == "capability":
      counts.capability += 1
    else:
      counts.other += 1
  return counts


def collect(testlogs):
  """Returns {backend: Counts} for the conformance tests under testlogs."""
  results = {}
  pattern = os.path.join(testlogs, "conformance", "*_conformance_test*",
                         "test.xml")
  for path in glob.glob(pattern):
    target = os.path.basename(os.path.dirname(path))
    for suffix, label in _SUFFIXES:
      if target.endswith(suffix):
        results[target[:-len(suffix)] + label] = count_xml(path)
        break
  return results


def table(results):
  """Returns the Markdown table of `results`."""
  order = [b for b in _BACKEND_ORDER if b in results] + sorted(
      b for b in results if b not in _BACKEND_ORDER)
  lines = [
      "| Backend | Cases | Passed | Failed | Skipped: capability | "
      "Skipped: deviation | Skipped: deviation under wine | Skipped: other |",
      "|---|---|---|---|---|---|---|---|",
  ]
  for backend in order:
    c = results[backend]
    lines.append("| %s | %d | %d | %d | %d | %d | %d | %d |" % (
        backend, c.cases, c.passed, c.failed, c.capability, c.deviation,
        c.wine_deviation, c.other))
  return "\n".join(lines) + "\n"


def update(path, text):
  """Replaces the block between BEGIN and END in file `path` by `text`."""
  with open(path, encoding="utf-8") as f:
    content = f.read()
  start = content.find(BEGIN)
  end = content.find(END)
  if start < 0 or end < start:
    raise ValueError("%s has no %s ... %s block" % (path, BEGIN, END))
  content = (content[:start + len(BEGIN)] + "\n" + text +
             content[end:])
  with open(path, "w", encoding="utf-8") as f:
    f.write(content)


def main(argv):
  parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
  parser.add_argument("--testlogs", default="bazel-testlogs")
  parser.add_argument("--update", metavar="FILE")
  args = parser.parse_args(argv)
  results = collect(args.testlogs)
  if not results:
    print("report: no conformance test.xml under %s; run bazel test "
          "//conformance/... first" % args.testlogs, file=sys.stderr)
    return 1
  text = table(results)
  if args.update:
    update(args.update, text)
  print(text, end="")
  return 0


if __name__ == "__main__":
  sys.exit(main(sys.argv[1:]))
