"""Checks for the PPMI exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close, expect_raises

TOY = [[6, 0, 1], [0, 4, 2], [4, 0, 1]]  # information, cherry, digital × data, pie, sugar


def _pmi(X, alpha=1.0, log=np.log2, rows_alpha=False):
    X = np.asarray(X, dtype=float)
    N = X.sum()
    pw = X.sum(1, keepdims=True) ** (alpha if rows_alpha else 1.0)
    pw = pw / pw.sum()
    pc = X.sum(0) ** (1.0 if rows_alpha else alpha)
    pc = pc / pc.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        return log((X / N) / (pw * pc))


def check_toy_table(submitted, reference):
    """the lesson's toy table: PPMI(information, data) = 0.626"""
    expected = reference(TOY)
    positive = np.asarray(TOY) > 0
    expect_close(
        submitted([row[:] for row in TOY]),
        expected,
        inputs={"counts": TOY},
        mistakes=[
            (np.where(positive, _pmi(TOY), 0.0), "keep only positive values: max(PMI, 0)"),
            (
                np.where(positive, np.maximum(_pmi(TOY, log=np.log), 0), 0.0),
                "PMI uses log2, not the natural log",
            ),
        ],
    )


def check_smoothed_contexts(submitted, reference):
    """alpha = 0.75 raises the column sums, not the row sums, to the power alpha"""
    rng = np.random.default_rng(2)
    X = rng.poisson(2.0, size=(5, 7)) * (rng.random((5, 7)) < 0.7)
    X[0, 0] = 9  # a frequent pair, so the table has positive entries
    wrong = np.where(X > 0, np.maximum(_pmi(X, 0.75, rows_alpha=True), 0), 0.0)
    expect_close(
        submitted(X.copy(), alpha=0.75), reference(X, alpha=0.75),
        inputs={"counts": X.tolist(), "alpha": 0.75},
        mistakes=[(wrong, "alpha smooths the context (column) probabilities")],
    )  # fmt: skip


def check_zero_cells(submitted, reference):
    """cells with no count are 0, not nan or -inf — even in an all-zero row or column"""
    X = np.array([[3, 0, 0, 1, 0], [0, 0, 2, 5, 0], [1, 1, 0, 0, 0], [0, 0, 0, 0, 0]])
    out = submitted(X.copy())
    expect_close(np.isfinite(np.asarray(out, dtype=float)).all(), True,
                 what="every entry finite", inputs={"counts": X.tolist()})  # fmt: skip
    expect_close(out, reference(X), inputs={"counts": X.tolist()})


def check_bad_input(submitted, reference):
    """a 1-D array, negative counts, an empty total and alpha <= 0 are errors"""
    expect_raises(ValueError, submitted, [1, 2, 3], inputs={"counts": [1, 2, 3]})
    expect_raises(ValueError, submitted, [[1, -1], [2, 2]], inputs={"counts": [[1, -1], [2, 2]]})
    expect_raises(ValueError, submitted, [[0, 0], [0, 0]], inputs={"counts": [[0, 0], [0, 0]]})
    expect_raises(ValueError, submitted, TOY, alpha=0.0, inputs={"counts": TOY, "alpha": 0.0})
