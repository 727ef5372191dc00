r"""Positive pointwise mutual information of a term–context count matrix.

With :math:`n_{wc}` the count of context :math:`c` near word :math:`w` and :math:`N` the
total, :math:`P(w, c) = n_{wc}/N`, :math:`P(w) = \sum_c n_{wc}/N`, and the context
probability, optionally smoothed with an exponent :math:`\alpha`,
:math:`P_\alpha(c) = (\sum_w n_{wc})^\alpha / \sum_{c'} (\sum_w n_{wc'})^\alpha`:

.. math:: \mathrm{PPMI}(w, c) = \max\Big(\log_2 \frac{P(w, c)}{P(w)\,P_\alpha(c)},\ 0\Big)

and 0 where :math:`n_{wc} = 0`. :math:`\alpha = 0.75` (Levy, Goldberg & Dagan 2015, the
exponent of word2vec's noise distribution) raises the probability of rare contexts and
so lowers the PMI they get. No common library computes PPMI, so
``tests/nlp/test_ppmi.py`` checks the vectorised code against a cell-by-cell
transcription of the definition and a worked example.

>>> ppmi([[6, 0, 1], [0, 4, 2], [4, 0, 1]]).round(3)
array([[0.626, 0.   , 0.   ],
       [0.   , 1.585, 0.585],
       [0.526, 0.   , 0.   ]])
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

__all__ = ["ppmi"]


def ppmi(counts: ArrayLike, alpha: float = 1.0) -> np.ndarray:
    """PPMI of a (words × contexts) count matrix (dense or SciPy sparse), as a dense array."""
    if hasattr(counts, "toarray"):
        counts = counts.toarray()
    X = np.asarray(counts, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"counts must be a 2-D (words × contexts) matrix, got shape {X.shape}.")
    if (X < 0).any() or X.sum() == 0:
        raise ValueError("counts must be non-negative with a positive total.")
    if not alpha > 0:
        raise ValueError(f"alpha must be positive, got {alpha!r}; 0.75 or 1 are usual.")
    total = X.sum()
    p_w = X.sum(axis=1, keepdims=True) / total  # (W, 1)
    context = X.sum(axis=0) ** alpha
    p_c = context / context.sum()  # (C,)
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log2((X / total) / (p_w * p_c))
    return np.where(X > 0, np.maximum(pmi, 0.0), 0.0)
