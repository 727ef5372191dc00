"""A sandbox prepared ahead of time answers like a cold one, and serves one check only."""

from __future__ import annotations

import textwrap

import pytest

from ladder.curriculum import load_curriculum
from ladder.study.grader import WarmGrader, grade

LEAVES_A_FILE = """
import os
print("left over:", os.path.exists("/tmp/left-by-an-earlier-check"))
open("/tmp/left-by-an-earlier-check", "w").close()
def mean_squared_error(y_true, y_pred):
    return 42.0
"""


@pytest.fixture(scope="module")
def mse():
    return load_curriculum().exercises["ml.mse"]


def test_a_warm_check_gives_the_same_verdict(mse, tmp_path):
    path = tmp_path / "mse.py"
    path.write_text(textwrap.dedent(LEAVES_A_FILE))
    warm = WarmGrader()
    try:
        warm.prepare(mse)
        first = grade(mse, path, warm=warm)
        warm.prepare(mse)
        second = grade(mse, path, warm=warm)
    finally:
        warm.close()
    cold = grade(mse, path)
    assert first.outcome == second.outcome == cold.outcome == "incorrect"
    assert [c.status for c in first.checks] == [c.status for c in cold.checks]
    # Each check had a fresh sandbox: nothing the first one wrote is there for the second.
    assert "left over: False" in first.output and "left over: False" in second.output


def test_a_spare_for_another_exercise_is_not_used(mse, tmp_path):
    r2 = load_curriculum().exercises["ml.r2"]
    path = tmp_path / "mse.py"
    path.write_text("def mean_squared_error(a, b):\n    return 0.0\n")
    warm = WarmGrader()
    try:
        warm.prepare(r2)
        assert warm.take(mse, mse.memory_mb) is None
        assert grade(mse, path, warm=warm).outcome == "incorrect"
    finally:
        warm.close()
