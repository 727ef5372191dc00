"""The grader survives whatever learner code does, and says what happened."""

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


def test_stub_is_not_attempted(mse):
    v = grade(mse, mse.stub_path)
    assert v.outcome == "not_attempted"


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
    assert failed.inputs == "y_true=[3.0, -0.5, 2.0, 7.0], y_pred=[2.5, 0.0, 2.0, 8.0]"
    # (0.5² + 0.5² + 0² + 1²) / 4 = 1.5 / 4 = 0.375; the sum is 1.5.
    assert failed.expected == "0.375" and failed.actual == "1.5"
    assert "divide by the number of samples" in failed.misconception


def test_missing_return_is_named(mse, tmp_path):
    v = grade(
        mse,
        _write(
            tmp_path,
            """
        def mean_squared_error(y_true, y_pred):
            total = 0.0
    """,
        ),
    )
    assert v.outcome == "incorrect"
    assert any(c.misconception and "forget a `return`" in c.misconception for c in v.checks)


def test_infinite_loop_times_out(mse, tmp_path):
    v = grade(
        mse,
        _write(
            tmp_path,
            """
        def mean_squared_error(y_true, y_pred):
            while True:
                pass
    """,
        ),
        timeout=2,
    )
    assert v.outcome == "could_not_check"
    assert "did not finish within 2 s" in v.reason and "perfect prediction" in v.reason


def test_unbounded_allocation_hits_the_memory_limit(mse, tmp_path):
    v = grade(
        mse,
        _write(
            tmp_path,
            """
        def mean_squared_error(y_true, y_pred):
            hoard = []
            while True:
                hoard.append(bytearray(50 * 1024 * 1024))
    """,
        ),
        memory_mb=512,
    )
    assert v.outcome == "could_not_check"
    # Out of memory inside Python (MemoryError) or the whole process ended by the
    # memory limit: either way the learner reads "memory".
    assert any("memory" in c.message for c in v.checks), v


def test_sys_exit_is_reported(mse, tmp_path):
    v = grade(
        mse,
        _write(
            tmp_path,
            """
        import sys
        def mean_squared_error(y_true, y_pred):
            sys.exit(2)
    """,
        ),
    )
    assert v.outcome == "could_not_check"
    assert "sys.exit(2)" in v.checks[0].message


def test_os_exit_is_reported(mse, tmp_path):
    v = grade(
        mse,
        _write(
            tmp_path,
            """
        import os
        def mean_squared_error(y_true, y_pred):
            os._exit(3)
    """,
        ),
    )
    assert v.outcome == "could_not_check"
    assert "exit code 3" in v.reason and "os._exit" in v.reason


def test_interpreter_crash_is_reported(mse, tmp_path):
    v = grade(
        mse,
        _write(
            tmp_path,
            """
        import ctypes
        def mean_squared_error(y_true, y_pred):
            ctypes.string_at(0)
    """,
        ),
    )
    assert v.outcome == "could_not_check"
    assert "crashed (SIGSEGV)" in v.reason


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
    assert "ladder" not in message.replace(str(path), "")  # none of our frames


def test_syntax_error_gives_the_line(mse, tmp_path):
    v = grade(
        mse,
        _write(
            tmp_path,
            """
        import numpy as np
        def mean_squared_error(y_true, y_pred)
            return 0.0
    """,
        ),
    )
    assert v.outcome == "could_not_check"
    assert "syntax error (line 3)" in v.reason


def test_import_error_is_reported(mse, tmp_path):
    v = grade(mse, _write(tmp_path, "import numpyy\n"))
    assert v.outcome == "could_not_check" and "numpyy" in v.reason


def test_missing_function_is_reported(mse, tmp_path):
    v = grade(mse, _write(tmp_path, "def mse(a, b):\n    return 0\n"))
    assert v.outcome == "could_not_check" and "no longer defines `mean_squared_error`" in v.reason


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
