"""A submission that calls the answer is incorrect, with a sentence saying so.

The reference (and the library equivalents an exercise lists in ``forbid``) may not do
the learner's work: imported under another name, reached through an attribute or
``getattr``, or called at run time by a path no reading of the source can see (a
tripwire in the child). A class the learner must write may not inherit the method.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from ladder.curriculum import load_curriculum


@pytest.fixture(scope="module")
def course():
    return load_curriculum()


def _grade(course, exercise_id: str, tmp_path: Path, body: str):
    from ladder.study.grader import grade

    ex = course.exercises[exercise_id]
    path = tmp_path / Path(ex.file).name
    path.write_text(textwrap.dedent(body), "utf-8")
    return grade(ex, path)


CALLS = {
    "imported under another name": """
        from ladder.ml.metrics import r2_score as r2
        def r2_score(y_true, y_pred):
            return r2(y_true, y_pred)
        """,
    "reached through the module": """
        import ladder.ml.metrics
        def r2_score(y_true, y_pred):
            return ladder.ml.metrics.r2_score(y_true, y_pred)
        """,
    "through getattr": """
        from ladder.ml import metrics
        def r2_score(y_true, y_pred):
            return getattr(metrics, "r2_score")(y_true, y_pred)
        """,
    "scikit-learn's version": """
        from sklearn.metrics import r2_score as sk
        def r2_score(y_true, y_pred):
            return float(sk(y_true, y_pred))
        """,
    "hidden from a reading of the source": """
        import importlib
        def r2_score(y_true, y_pred):
            module = importlib.import_module("ladder.ml." + "metrics")
            return getattr(module, "r2_" + "score")(y_true, y_pred)
        """,
}


@pytest.mark.parametrize("how", list(CALLS), ids=list(CALLS))
def test_calling_the_answer_is_incorrect(course, tmp_path, how):
    v = _grade(course, "ml.r2", tmp_path, CALLS[how])
    assert v.outcome == "incorrect", (how, v.outcome, v.reason)
    own = [c for c in v.checks if c.name == "own_work"]
    assert own and "asks you to write yourself" in own[0].message


def test_own_code_that_uses_other_library_functions_passes(course, tmp_path):
    v = _grade(
        course,
        "ml.r2",
        tmp_path,
        """
        import numpy as np
        from ladder.ml.metrics import mean_squared_error  # another exercise's answer
        def r2_score(y_true, y_pred):
            y_true, y_pred = np.asarray(y_true, float), np.asarray(y_pred, float)
            ss_res = np.sum((y_true - y_pred) ** 2)
            ss_tot = np.sum((y_true - y_true.mean()) ** 2)
            if ss_tot == 0:
                return 1.0 if ss_res == 0 else 0.0
            return float(1 - ss_res / ss_tot)
        """,
    )
    assert v.outcome == "passed", v


def test_empty_subclass_is_incorrect(course, tmp_path):
    v = _grade(
        course,
        "nn.value-mul",
        tmp_path,
        """
        from ladder.autograd.scalar import Value as _Value
        class Value(_Value):
            pass
        """,
    )
    assert v.outcome == "incorrect"
    assert "define `__mul__`" in v.checks[0].message


def test_calling_the_inherited_method_is_incorrect(course, tmp_path):
    v = _grade(
        course,
        "nn.value-mul",
        tmp_path,
        """
        from ladder.autograd.scalar import Value as _Value
        class Value(_Value):
            def __mul__(self, other):
                return super().__mul__(other)
        """,
    )
    assert v.outcome == "incorrect" and "super().__mul__" in v.checks[0].message


def test_method_assigned_from_the_library_is_incorrect(course, tmp_path):
    v = _grade(
        course,
        "nn.value-mul",
        tmp_path,
        """
        from ladder.autograd.scalar import Value as _Value
        class Value(_Value):
            pass
        Value.__mul__ = _Value.__mul__
        """,
    )
    assert v.outcome == "incorrect"


def test_changing_an_input_in_place_is_incorrect(course, tmp_path):
    v = _grade(
        course,
        "ml.mse",
        tmp_path,
        """
        import numpy as np
        def mean_squared_error(y_true, y_pred):
            if isinstance(y_true, list):
                y_true.sort()  # changes the caller's list
            return float(np.mean((np.asarray(y_true, float) - np.asarray(y_pred, float)) ** 2))
        """,
    )
    assert v.outcome == "incorrect"
    changed = [c for c in v.checks if c.status == "failed"]
    assert changed and "in place" in changed[0].message, v


def test_verdict_wording(course, tmp_path):
    """No subject-verb agreement to get wrong, strings quoted, the largest difference
    shown for arrays that print alike."""
    from ladder.curriculum.expect import CheckFailed, expect_close, expect_equal, show

    assert show("naïve") == "'naïve'" and show({"text": "a b"}) == "text='a b'"
    assert show("a description", quote=False) == "a description"
    assert "True" in show(__import__("numpy").array([True, False]))
    try:
        expect_close([1.0, 2.0000001], [1.0, 2.0], rtol=0, atol=1e-9, what="the weights")
    except CheckFailed as exc:
        assert exc.message.startswith("the weights: not close enough")
        assert "largest difference is 1e-07 at index (1,)" in exc.message
    else:
        raise AssertionError("expected a failure")
    try:
        expect_equal("cat", "dog", what="the token")
    except CheckFailed as exc:
        assert exc.message == "the token: not the expected value"
