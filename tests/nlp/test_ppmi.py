"""PPMI: the vectorised code against a cell-by-cell transcription of the definition
(no common library computes it), sparse input, context smoothing, bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.sparse as sp

from ladder.nlp.ppmi import ppmi


def _by_definition(X, alpha=1.0):
    X = np.asarray(X, dtype=float)
    N = X.sum()
    ctx = X.sum(axis=0) ** alpha
    out = np.zeros_like(X)
    for w in range(X.shape[0]):
        for c in range(X.shape[1]):
            if X[w, c] > 0:
                p_wc, p_w, p_c = X[w, c] / N, X[w].sum() / N, ctx[c] / ctx.sum()
                out[w, c] = max(math.log2(p_wc / (p_w * p_c)), 0.0)
    return out


@pytest.mark.parametrize("alpha", [1.0, 0.75])
def test_equals_the_definition(alpha):
    rng = np.random.default_rng(0)
    X = rng.poisson(1.5, size=(7, 11)) * (rng.random((7, 11)) < 0.6)
    # float64 logs of ratios of sums of a few dozen integers: 1e-12 absolute
    np.testing.assert_allclose(ppmi(X, alpha), _by_definition(X, alpha), atol=1e-12)
    np.testing.assert_allclose(ppmi(sp.csr_matrix(X), alpha), ppmi(X, alpha), atol=0)


def test_smoothing_lowers_the_pmi_of_rare_contexts():
    X = np.array([[10, 1], [10, 0], [10, 0]])  # context 1 is rare
    assert ppmi(X, 0.75)[0, 1] < ppmi(X, 1.0)[0, 1]


def test_bad_input():
    with pytest.raises(ValueError, match="2-D"):
        ppmi([1, 2, 3])
    with pytest.raises(ValueError, match="non-negative"):
        ppmi([[1, -1]])
    with pytest.raises(ValueError, match="alpha must be positive"):
        ppmi([[1, 1]], alpha=0)
