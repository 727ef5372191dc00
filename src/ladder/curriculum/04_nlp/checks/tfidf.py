"""Checks for the TF-IDF exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close, expect_true

# The lesson's three documents: "the cat sat on the mat", "the dog sat on the log",
# "cats and dogs"; columns: and cat cats dog dogs log mat on sat the.
COUNTS = np.array(
    [[0, 1, 0, 0, 0, 0, 1, 1, 1, 2], [0, 0, 0, 1, 0, 1, 0, 1, 1, 2], [1, 0, 1, 0, 1, 0, 0, 0, 0, 0]]
)
ZERO_ROW = np.array([[3, 0, 1, 0], [0, 0, 0, 0], [1, 2, 0, 0], [0, 1, 1, 5]])
INPUTS = "the lesson's 3 x 10 count matrix (cat/mat, dog/log, cats and dogs)"


def _dense(m):
    return np.asarray(m.toarray() if hasattr(m, "toarray") else m, dtype=float)


def check_idf(submitted, reference):
    """fit computes the smoothed idf of each column"""
    n, df = 3, (COUNTS > 0).sum(axis=0)
    expect_close(
        submitted().fit(COUNTS.copy()).idf_,
        reference().fit(COUNTS.copy()).idf_,
        inputs=INPUTS,
        what="idf_",
        mistakes=[
            (np.log(n / df) + 1, "smooth_idf=True adds 1 to n and to df: ln((1 + n)/(1 + df)) + 1"),
            (
                np.log((1 + n) / (1 + df)),
                "add 1 to the logarithm, so terms in every document keep some weight",
            ),
            (
                np.log((1 + n) / (1 + COUNTS.sum(axis=0))) + 1,
                "df counts documents containing the term, not total occurrences",
            ),
            (
                np.log10((1 + n) / (1 + df)) + 1,
                "idf uses the natural log (np.log), not log10",
            ),
            (
                np.log(n / (1 + df)) + 1,
                "smooth_idf=True adds 1 to n as well as to df: ln((1 + n)/(1 + df)) + 1",
            ),
        ],
    )


def check_unsmoothed_idf(submitted, reference):
    """smooth_idf=False uses ln(n / df) + 1"""
    expect_close(
        submitted(smooth_idf=False).fit(COUNTS.copy()).idf_,
        reference(smooth_idf=False).fit(COUNTS.copy()).idf_,
        inputs=INPUTS + ", smooth_idf=False",
        what="idf_",
    )


def check_l2_rows(submitted, reference):
    """transform weights by idf and scales rows to unit length"""
    got = _dense(submitted().fit_transform(COUNTS.copy()))
    ref = _dense(reference().fit_transform(COUNTS))
    ref_idf = reference().fit(COUNTS).idf_
    raw = COUNTS * ref_idf
    expect_close(
        got,
        ref,
        inputs=INPUTS,
        mistakes=[
            (raw, "normalise each row to unit L2 norm"),
            (raw / np.linalg.norm(raw), "normalise each row separately, not the whole matrix"),
            (
                COUNTS / np.linalg.norm(COUNTS, axis=1, keepdims=True),
                "multiply by idf before normalising",
            ),
            (
                COUNTS / np.linalg.norm(COUNTS, axis=1, keepdims=True) * ref_idf,
                "multiply by idf before normalising: the rows must have unit length at the end",
            ),
        ],
    )


def check_options(submitted, reference):
    """honours norm='l1', norm=None, use_idf=False and sublinear_tf=True"""
    for kwargs in [
        dict(norm="l1"),
        dict(norm=None),
        dict(use_idf=False),
        dict(sublinear_tf=True),
        dict(sublinear_tf=True, smooth_idf=False, norm="l1"),
    ]:
        expect_close(
            _dense(submitted(**kwargs).fit_transform(COUNTS.copy())),
            _dense(reference(**kwargs).fit_transform(COUNTS)),
            inputs=f"{INPUTS}, {kwargs}",
        )


def check_zero_row(submitted, reference):
    """a document with no known term stays a row of zeros"""
    got = _dense(submitted().fit_transform(ZERO_ROW.copy()))
    expect_true(
        np.isfinite(got).all(),
        "the result contains NaN: do not divide a zero row by its zero norm",
        inputs=ZERO_ROW.tolist(),
        misconception="replace zero norms by 1 before dividing",
    )
    expect_close(got, _dense(reference().fit_transform(ZERO_ROW)), inputs=ZERO_ROW.tolist())


def check_transform_new_documents(submitted, reference):
    """transform uses the idf learned by fit"""
    new = np.array([[0, 0, 0, 0, 0, 0, 0, 0, 1, 1], [2, 0, 0, 0, 0, 0, 0, 0, 0, 1]])
    expect_close(
        _dense(submitted().fit(COUNTS.copy()).transform(new.copy())),
        _dense(reference().fit(COUNTS).transform(new)),
        inputs={"fit on": INPUTS, "transform": new.tolist()},
        mistakes=[
            (
                _dense(reference().fit_transform(new)),
                "keep the idf from fit; do not recompute it in transform",
            )
        ],
    )


def check_float_counts_unchanged(submitted, reference):
    """works on a float matrix without changing it"""
    X = np.array([[0.0, 2.0, 1.0, 0.0, 3.0], [1.0, 0.0, 0.0, 0.0, 1.0], [0.0, 0.0, 4.0, 1.0, 0.0]])
    expected = _dense(reference().fit_transform(X.copy()))
    expect_close(
        _dense(submitted().fit_transform(X.copy())),
        expected,
        inputs={"X": X.tolist()},
    )
    for kwargs in [dict(norm="l1", sublinear_tf=True), dict(norm=None, use_idf=False)]:
        expect_close(
            _dense(submitted(**kwargs).fit_transform(X.copy())),
            _dense(reference(**kwargs).fit_transform(X.copy())),
            inputs={"X": X.tolist(), **kwargs},
        )
