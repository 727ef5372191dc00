"""The grader survives whatever learner code does, and says what happened.

One table: a learner's file, the outcome the grader must give, and what its verdict
must say. The trust boundary's attacks are in test_trust.py; calls to the answer in
test_own_work.py.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from ladder.curriculum import load_curriculum
from ladder.study.grader import grade

GOOD = """
import numpy as np
def mean_squared_error(y_true, y_pred):
    return float(np.mean((np.asarray(y_true, float) - np.asarray(y_pred, float)) ** 2))
"""


@pytest.fixture(scope="module")
def mse():
    return load_curriculum().exercises["ml.mse"]


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "mse.py"
    path.write_text(textwrap.dedent(body), "utf-8")
    return path


def _reason(v) -> str:
    return v.reason


def _messages(v) -> str:
    return " | ".join(c.message for c in v.checks)


# (id, learner file, keyword arguments to grade, outcome, where to look, what it must say)
CASES = [
    (
        "infinite loop",
        """
        def mean_squared_error(y_true, y_pred):
            while True:
                pass
        """,
        {"timeout": 2},
        "could_not_check",
        _reason,
        ["did not finish within 2 s", "perfect prediction"],
    ),
    (
        "unbounded allocation",
        """
        def mean_squared_error(y_true, y_pred):
            hoard = []
            while True:
                hoard.append(bytearray(50 * 1024 * 1024))
        """,
        {"memory_mb": 512},
        "could_not_check",
        # MemoryError inside Python, or the process ended by the memory limit: "memory".
        _messages,
        ["memory"],
    ),
    (
        "sys.exit",
        """
        import sys
        def mean_squared_error(y_true, y_pred):
            sys.exit(2)
        """,
        {},
        "could_not_check",
        _messages,
        ["sys.exit(2)"],
    ),
    (
        "os._exit",
        """
        import os
        def mean_squared_error(y_true, y_pred):
            os._exit(3)
        """,
        {},
        "could_not_check",
        _reason,
        ["exit code 3", "os._exit"],
    ),
    (
        "interpreter crash",
        """
        import ctypes
        def mean_squared_error(y_true, y_pred):
            ctypes.string_at(0)
        """,
        {},
        "could_not_check",
        _reason,
        ["crashed (SIGSEGV)"],
    ),
    (
        "syntax error",
        """
        import numpy as np
        def mean_squared_error(y_true, y_pred)
            return 0.0
        """,
        {},
        "could_not_check",
        _reason,
        ["syntax error (line 3)"],
    ),
    ("import error", "import numpyy\n", {}, "could_not_check", _reason, ["numpyy"]),
    (
        "missing function",
        "def mse(a, b):\n    return 0\n",
        {},
        "could_not_check",
        _reason,
        ["no longer defines `mean_squared_error`"],
    ),
    (
        "missing return",
        """
        def mean_squared_error(y_true, y_pred):
            total = 0.0
        """,
        {},
        "incorrect",
        lambda v: " ".join(c.misconception or "" for c in v.checks),
        ["forget a `return`"],
    ),
]


@pytest.mark.parametrize(
    "body, kwargs, outcome, where, says",
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_what_learner_code_does_is_reported(mse, tmp_path, body, kwargs, outcome, where, says):
    v = grade(mse, _write(tmp_path, body), **kwargs)
    assert v.outcome == outcome, (v.outcome, v.reason)
    text = where(v)
    for phrase in says:
        assert phrase in text, (phrase, text)


def test_stub_is_not_attempted(mse):
    assert grade(mse, mse.stub_path).outcome == "not_attempted"


def test_correct_code_passes(mse, tmp_path):
    v = grade(mse, _write(tmp_path, GOOD))
    assert v.outcome == "passed"
    assert [c.status for c in v.checks] == ["passed"] * len(v.checks) and len(v.checks) == 4


def test_wrong_answer_shows_input_expected_actual_and_misconception(mse, tmp_path):
    v = grade(
        mse,
        _write(
            tmp_path,
            """
            import numpy as np
            def mean_squared_error(y_true, y_pred):
                return float(np.sum((np.asarray(y_true) - np.asarray(y_pred)) ** 2))
            """,
        ),
    )
    assert v.outcome == "incorrect"
    failed = next(c for c in v.checks if c.status == "failed")
    assert failed.inputs == "y_true=[3.0, -0.5, 2.0, 7.0, 4.2], y_pred=[2.5, 0.0, 2.0, 8.0, 5.0]"
    # Squared errors 0.25, 0.25, 0, 1, 0.64: their sum is 2.14, their mean 2.14 / 5 = 0.428.
    assert float(failed.expected) == pytest.approx(0.428, abs=1e-12)
    assert float(failed.actual) == pytest.approx(2.14, abs=1e-12)
    assert "divide by the number of samples" in failed.misconception


def test_exception_shows_only_the_learners_frames(mse, tmp_path):
    path = _write(
        tmp_path,
        """
        def helper(values):
            return values[10]
        def mean_squared_error(y_true, y_pred):
            return helper(y_true)
        """,
    )
    v = grade(mse, path)
    assert v.outcome == "could_not_check"
    message = v.checks[0].message
    assert "IndexError" in message and "line 3, in helper" in message
    assert "ladder" not in message.replace(str(path.resolve()), "")  # none of our frames


def test_printed_output_is_kept(mse, tmp_path):
    v = grade(
        mse,
        _write(
            tmp_path,
            """
            def mean_squared_error(y_true, y_pred):
                print("looking at", y_true)
                return 0.0
            """,
        ),
    )
    assert "looking at [1.0, 2.0, 3.0]" in v.output


def test_missing_file(mse, tmp_path):
    v = grade(mse, tmp_path / "nowhere.py")
    assert v.outcome == "could_not_check" and "ladder reset ml.mse" in v.reason
