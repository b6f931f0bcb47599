#!/usr/bin/env python3
"""Tests of report.py on small synthetic test logs."""

import os
import shutil
import tempfile
import unittest

from conformance import report

_XML = """<?xml version="1.0" encoding="UTF-8"?>
<testsuites tests="6">
  <testsuite name="Windows/TcpSuite" tests="6">
    <testcase name="TCP_01_A/windows" status="run" result="completed"/>
    <testcase name="TCP_01_B/windows" status="run" result="completed">
      <failure message="boom"/>
    </testcase>
    <testcase name="TCP_02_A/windows" status="run" result="skipped">
      <skipped message="x.cc:1&#x0A;backend windows lacks capability kSignals on this machine"/>
    </testcase>
    <testcase name="TCP_02_B/windows" status="run" result="skipped">
      <skipped message="x.cc:2&#x0A;documented deviation of windows from TCP-02 under wine 8.0 (docs/deviations.md): wine: no"/>
    </testcase>
    <testcase name="TCP_03_A/windows" status="run" result="skipped">
      <skipped message="x.cc:3&#x0A;documented deviation of windows from TCP-03 (docs/deviations.md): no"/>
    </testcase>
    <testcase name="TCP_04_A/windows" status="run" result="skipped">
      <skipped message="x.cc:4&#x0A;sun_path holds every path"/>
    </testcase>
  </testsuite>
</testsuites>
"""


class ReportTest(unittest.TestCase):

  def setUp(self):
    self.root = tempfile.mkdtemp()
    self.addCleanup(shutil.rmtree, self.root, ignore_errors=True)
    directory = os.path.join(self.root, "conformance",
                             "windows_conformance_test")
    os.makedirs(directory)
    with open(os.path.join(directory, "test.xml"), "w") as f:
      f.write(_XML)

  def test_counts_each_kind_of_case(self):
    c = report.collect(self.root)["windows"]
    self.assertEqual(
        (c.cases, c.passed, c.failed, c.capability, c.deviation,
         c.wine_deviation, c.other), (6, 1, 1, 1, 1, 1, 1))

  def test_native_windows_test_is_its_own_row(self):
    directory = os.path.join(self.root, "conformance",
                             "windows_conformance_test_native")
    os.makedirs(directory)
    with open(os.path.join(directory, "test.xml"), "w") as f:
      f.write(_XML)
    self.assertEqual(sorted(report.collect(self.root)),
                     ["windows", "windows (native)"])
    self.assertIn("| windows (native) | 6 |",
                  report.table(report.collect(self.root)))

  def test_table_row(self):
    text = report.table(report.collect(self.root))
    self.assertIn("| windows | 6 | 1 | 1 | 1 | 1 | 1 | 1 |", text)

  def test_update_replaces_only_the_block(self):
    path = os.path.join(self.root, "doc.md")
    with open(path, "w") as f:
      f.write("before\n%s\nold\n%s\nafter\n" % (report.BEGIN, report.END))
    report.update(path, "new\n")
    with open(path) as f:
      self.assertEqual(f.read(), "before\n%s\nnew\n%s\nafter\n" %
                       (report.BEGIN, report.END))

  def test_update_without_block_fails(self):
    path = os.path.join(self.root, "doc.md")
    with open(path, "w") as f:
      f.write("no block\n")
    with self.assertRaises(ValueError):
      report.update(path, "new\n")


if __name__ == "__main__":
  unittest.main()
