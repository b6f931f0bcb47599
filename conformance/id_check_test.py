#!/usr/bin/env python3
"""Shows that id_check can fail: it runs the check on small synthetic trees,
one per kind of mistake, and on a clean one."""

import unittest

from conformance import id_check
from conformance.synthetic_tree import make_tree

_PAGE = """# TCP (TCP)

### TCP-01: First

Text mentioning TCP-02 and quirk OPT-02 in prose is not a definition.

### TCP-02: Second

```
### TCP-50: inside a code fence, not a definition
```
"""

_SUITE = """
// TEST_P(TcpSuite, TCP_88_InAComment) is not a test.
TEST_P(TcpSuite, TCP_01_One) {}
TEST_P(TcpSuite, TCP_02_Two) {
  if (true) { XSOCK_REQUIRE(kIpv6); }
}
TEST_P(TcpSuite, TCP_02_TwoAgain) {
  XSOCK_SKIP_IF_DEVIATION(x != "}");
}
"""

_DEVIATIONS_MD = """| Backend | Behaviour | Test | When | Reason | Tracking |
|---|---|---|---|---|---|
"""

_DEVIATIONS_CC = """
static const std::vector<Deviation>* const kDeviations =
    new std::vector<Deviation>{
        // {"posix", "TCP-99", "commented out"},
    };
"""


class IdCheckTest(unittest.TestCase):

  def _tree(self, page=_PAGE, suite=_SUITE, extra_pages=None,
            deviations_md=_DEVIATIONS_MD, deviations_cc=_DEVIATIONS_CC):
    files = {
        "docs/behaviour/tcp.md": page,
        "conformance/suites/tcp_suite.cc": suite,
        "docs/deviations.md": deviations_md,
        "conformance/deviations.cc": deviations_cc,
    }
    files.update(extra_pages or {})
    return make_tree(self, files)

  def _problems(self, **kwargs):
    return id_check.check(self._tree(**kwargs))

  def assertProblem(self, problems, fragment):
    self.assertTrue(any(fragment in p for p in problems),
                    "no problem mentions %r in %r" % (fragment, problems))

  def test_clean_tree_passes(self):
    self.assertEqual(self._problems(), [])

  def test_documented_id_without_test_fails(self):
    problems = self._problems(page=_PAGE + "\n### TCP-03: Untested\n")
    self.assertProblem(problems, "TCP-03")
    self.assertProblem(problems, "has no test")

  def test_test_naming_an_undocumented_id_fails(self):
    problems = self._problems(suite=_SUITE + "TEST_P(TcpSuite, TCP_09_X) {}\n")
    self.assertProblem(problems, "TCP-09")
    self.assertProblem(problems, "does not document")

  def test_test_without_id_fails(self):
    problems = self._problems(suite=_SUITE + "TEST_P(TcpSuite, NoId) {}\n")
    self.assertProblem(problems, "does not start with a behaviour ID")

  def test_id_documented_twice_fails(self):
    problems = self._problems(page=_PAGE + "\n### TCP-01: Again\n")
    self.assertProblem(problems, "TCP-01 is documented 2 times")

  def test_id_documented_on_two_pages_fails(self):
    problems = self._problems(
        extra_pages={"docs/behaviour/more.md": "| TCP-02 | again |\n"})
    self.assertProblem(problems, "TCP-02 is documented 2 times")
    self.assertProblem(problems, "prefix TCP is used by several pages")

  def test_page_mixing_prefixes_fails(self):
    problems = self._problems(page=_PAGE + "\n### UDP-01: Elsewhere\n",
                              suite=_SUITE + "TEST_P(S, UDP_01_X) {}\n")
    self.assertProblem(problems, "mixes ID prefixes")

  def test_deviation_missing_from_registry_fails(self):
    problems = self._problems(
        deviations_md=_DEVIATIONS_MD +
        "| posix | TCP-01 | all | always | why | #1 |\n")
    self.assertProblem(problems, "differ")

  def test_deviation_of_undocumented_id_fails(self):
    problems = self._problems(
        deviations_md=_DEVIATIONS_MD +
        "| posix | TCP-07 | all | always | why | #1 |\n",
        deviations_cc='{"posix", "TCP-07", "", When::kAlways, "why"},\n')
    self.assertProblem(problems, "undocumented ID")

  def test_matching_deviation_passes(self):
    self.assertEqual(
        self._problems(
            deviations_md=_DEVIATIONS_MD +
            "| linux | TCP-02 | all | always | why, \"quoted\" | #1 |\n",
            deviations_cc='{"linux", "TCP-02", "",\n When::kAlways,\n'
            ' "why, "\n "\\"quoted\\""},\n'), [])

  def test_named_reason_passes(self):
    self.assertEqual(
        self._problems(
            deviations_md=_DEVIATIONS_MD +
            "| linux | TCP-01 | all | always | shared why | #1 |\n"
            "| linux | TCP-02 | all | always | shared why | #1 |\n",
            deviations_cc='constexpr std::string_view kWhy = "shared "\n'
            '    "why";\n'
            '{"linux", "TCP-01", "", When::kAlways, kWhy},\n'
            '{"linux", "TCP-02", "", When::kAlways, kWhy},\n'), [])

  def test_undefined_named_reason_fails(self):
    problems = self._problems(
        deviations_md=_DEVIATIONS_MD +
        "| linux | TCP-01 | all | always | why | #1 |\n",
        deviations_cc='{"linux", "TCP-01", "", When::kAlways, kWhy},\n')
    self.assertProblem(problems, "undefined constant kWhy")

  def test_different_reasons_fail(self):
    problems = self._problems(
        deviations_md=_DEVIATIONS_MD +
        "| linux | TCP-02 | all | always | why | #1 |\n",
        deviations_cc='{"linux", "TCP-02", "", When::kAlways, "because"},\n')
    self.assertProblem(problems, "differ")

  def test_different_conditions_fail(self):
    problems = self._problems(
        deviations_md=_DEVIATIONS_MD +
        "| windows | TCP-02 | all | always | wine: no | #1 |\n",
        deviations_cc=
        '{"windows", "TCP-02", "", When::kUnderWine, "wine: no"},\n')
    self.assertProblem(problems, "differ")

  def test_entry_of_another_form_fails(self):
    problems = self._problems(
        deviations_md=_DEVIATIONS_MD +
        "| linux | TCP-02 | all | always | why | #1 |\n",
        deviations_cc='{"linux", "TCP-02", "why"},\n')
    self.assertProblem(problems, "is not of the form")

  def test_deviation_of_one_test_passes(self):
    self.assertEqual(
        self._problems(
            deviations_md=_DEVIATIONS_MD +
            "| posix | TCP-01 | `TCP_01_One` | always | why | #1 |\n",
            deviations_cc=
            '{"posix", "TCP-01", "TCP_01_One", When::kAlways, "why"},\n'),
        [])

  def test_deviation_of_a_missing_test_fails(self):
    problems = self._problems(
        deviations_md=_DEVIATIONS_MD +
        "| posix | TCP-01 | `TCP_01_Gone` | always | why | #1 |\n",
        deviations_cc=
        '{"posix", "TCP-01", "TCP_01_Gone", When::kAlways, "why"},\n')
    self.assertProblem(problems, "does not exist")

  def test_deviation_of_a_test_of_another_id_fails(self):
    problems = self._problems(
        deviations_md=_DEVIATIONS_MD +
        "| posix | TCP-02 | `TCP_01_One` | always | why | #1 |\n",
        deviations_cc=
        '{"posix", "TCP-02", "TCP_01_One", When::kAlways, "why"},\n')
    self.assertProblem(problems, "another behaviour ID")

  def test_wine_deviation_that_is_consulted_passes(self):
    for test, cell in (("TCP_02_TwoAgain", "`TCP_02_TwoAgain`"),
                       ("", "all")):
      with self.subTest(test=test):
        self.assertEqual(
            self._problems(
                deviations_md=_DEVIATIONS_MD +
                "| windows | TCP-02 | %s | under wine | wine: lacks it | "
                "wine 8.0 |\n" % cell,
                deviations_cc='{"windows", "TCP-02", "%s", When::kUnderWine, '
                '"wine: lacks it"},\n' % test), [])

  def test_wine_deviation_never_consulted_fails(self):
    problems = self._problems(
        deviations_md=_DEVIATIONS_MD +
        "| windows | TCP-01 | all | under wine | wine: lacks it | x |\n",
        deviations_cc='{"windows", "TCP-01", "", When::kUnderWine, '
        '"wine: lacks it"},\n')
    self.assertProblem(problems, "never consults the registry")

  def test_wine_deviation_needs_a_wine_reason(self):
    problems = self._problems(
        deviations_md=_DEVIATIONS_MD +
        "| windows | TCP-02 | all | under wine | lacks it | x |\n",
        deviations_cc='{"windows", "TCP-02", "", When::kUnderWine, '
        '"lacks it"},\n')
    self.assertProblem(problems, "must start with")

  def test_wine_deviation_of_another_backend_fails(self):
    problems = self._problems(
        deviations_md=_DEVIATIONS_MD +
        "| posix | TCP-02 | all | under wine | wine: lacks it | x |\n",
        deviations_cc='{"posix", "TCP-02", "", When::kUnderWine, '
        '"wine: lacks it"},\n')
    self.assertProblem(problems, "not for the windows backend")


if __name__ == "__main__":
  unittest.main()
