"""Synthetic repository trees for the self-tests of the Python checks.

id_check_test.py and docs/names_test.py run their check on small trees,
one per kind of mistake; make_tree writes one.
"""

import os
import shutil
import tempfile


def make_tree(test_case, files):
  """Writes `files` ({path relative to the root: text}) under a new
  temporary directory, removed when `test_case` is cleaned up, and returns
  that directory."""
  root = tempfile.mkdtemp()
  test_case.addCleanup(shutil.rmtree, root, ignore_errors=True)
  for rel, text in files.items():
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
      f.write(text)
  return root
