#!/usr/bin/env python3
"""Counts test cases (not test targets) in the test.xml files Bazel leaves.

Prints notes on stderr and, as its last line on stdout:

    N passed, N failed, N skipped

Each <testcase> is one case. GoogleTest writes one per TEST / TEST_P
instance; for other tests (sh_test, py_test) Bazel writes one per target.
A case with a <failure> or <error> child failed; one with result "skipped"
(GTEST_SKIP) or "suppressed" (DISABLED_), status "notrun", or a <skipped>
child was skipped; every other case passed.

Which files are read:
  --bep FILE      the --build_event_json_file of a `bazel test` run: only the
                  test.xml files of that run are read (the last attempt of
                  each run and shard), so stale logs of earlier runs are never
                  counted. A test target that failed without a failing case
                  in its XML (it crashed after its last case, timed out, or
                  failed to build) counts as one failed case; a test target
                  skipped as incompatible with the platform counts as one
                  skipped case.
  otherwise       every test.xml below --testlogs (default: bazel-testlogs).

Exit status: 0 if at least one case ran (passed or failed) and none failed,
1 otherwise.
"""

import argparse
import json
import os
import sys
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

_OK_STATUSES = ("PASSED", "FLAKY")


class Counts:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.skipped = 0

    def add(self, other):
        self.passed += other.passed
        self.failed += other.failed
        self.skipped += other.skipped


def note(message):
    print("count_test_cases: " + message, file=sys.stderr)


def count_xml(path):
    """Returns the Counts of one test.xml; an unreadable file is one failure."""
    counts = Counts()
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as e:
        note("cannot read %s (%s); counted as 1 failed" % (path, e))
        counts.failed = 1
        return counts
    for case in root.iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            counts.failed += 1
        elif (
            case.get("result") in ("skipped", "suppressed")
            or case.get("status") == "notrun"
            or case.find("skipped") is not None
        ):
            counts.skipped += 1
        else:
            counts.passed += 1
    return counts


def uri_to_path(uri):
    parsed = urllib.parse.urlparse(uri)
    if parsed.scheme != "file":
        return None
    return urllib.request.url2pathname(parsed.path)


def count_from_bep(bep_path):
    """Counts the test.xml files named in a Build Event Protocol JSON file."""
    final = {}  # (label, configuration, run, shard) -> (attempt, status, xml path)
    test_targets = set()  # labels of test rules
    outcome = {}  # label -> BUILT, FAILED_TO_BUILD or the reason it was aborted
    with open(bep_path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            try:
                event = json.loads(line)
            except ValueError:
                note("skipping a malformed line in %s" % bep_path)
                continue
            ident = event.get("id", {})
            if "testResult" in ident:
                tid = ident["testResult"]
                result = event.get("testResult", {})
                key = (
                    tid.get("label"),
                    tid.get("configuration", {}).get("id"),
                    tid.get("run", 1),
                    tid.get("shard", 1),
                )
                xml = None
                for output in result.get("testActionOutput", []):
                    if output.get("name") == "test.xml":
                        xml = uri_to_path(output.get("uri", ""))
                attempt = tid.get("attempt", 1)
                if key not in final or attempt >= final[key][0]:
                    final[key] = (attempt, result.get("status", "NO_STATUS"), xml)
            elif "targetConfigured" in ident:
                if "testSize" in event.get("configured", {}):
                    test_targets.add(ident["targetConfigured"].get("label"))
            elif "targetCompleted" in ident:
                label = ident["targetCompleted"].get("label")
                if "aborted" in event:
                    outcome[label] = event["aborted"].get("reason", "ABORTED")
                else:
                    completed = event.get("completed", {})
                    outcome[label] = "BUILT" if completed.get("success") else "FAILED_TO_BUILD"

    total = Counts()
    ran = set()
    for (label, _, run, shard), (attempt, status, xml) in sorted(final.items()):
        ran.add(label)
        counts = Counts()
        if xml and os.path.exists(xml):
            counts = count_xml(xml)
        if status not in _OK_STATUSES and counts.failed == 0:
            note("%s (run %d, shard %d, attempt %d) is %s with no failing test case; "
                 "counted as 1 failed" % (label, run, shard, attempt, status))
            counts.failed += 1
        total.add(counts)
    for label in sorted(test_targets - ran):
        state = outcome.get(label, "NO_STATUS")
        if state == "SKIPPED":
            note("%s was skipped (incompatible with the target platform); "
                 "counted as 1 skipped" % label)
            total.skipped += 1
        elif state != "BUILT":
            note("%s did not run (%s); counted as 1 failed" % (label, state))
            total.failed += 1
    return total


def count_from_testlogs(testlogs):
    total = Counts()
    for dirpath, _, filenames in os.walk(testlogs, followlinks=True):
        if "test.xml" in filenames:
            total.add(count_xml(os.path.join(dirpath, "test.xml")))
    return total


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bep", help="build event JSON file of the bazel test run")
    parser.add_argument("--testlogs", default="bazel-testlogs",
                        help="test log directory to scan without --bep")
    args = parser.parse_args(argv)

    if args.bep:
        counts = count_from_bep(args.bep)
    elif os.path.isdir(args.testlogs):
        counts = count_from_testlogs(args.testlogs)
    else:
        note("no test logs at %s" % args.testlogs)
        counts = Counts()

    ran = counts.passed + counts.failed
    if ran == 0:
        note("no test case ran")
    sys.stderr.flush()
    line = "%d passed, %d failed" % (counts.passed, counts.failed)
    if counts.skipped:
        line += ", %d skipped" % counts.skipped
    print(line, flush=True)
    return 0 if ran and not counts.failed else 1

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
