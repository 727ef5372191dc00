r"""GloVe: global vectors from weighted least squares on co-occurrence counts.

Pennington, Socher & Manning (2014). Count co-occurrences in a symmetric window, each
pair weighted by :math:`1/\text{distance}` (a word 3 positions away adds 1/3):
:math:`X_{ij}`. Then fit word vectors :math:`w_i`, context vectors :math:`\tilde w_j` and
biases so that their dot product predicts the log count:

.. math:: J = \sum_{i,j:\,X_{ij}>0} f(X_{ij})\,\bigl(w_i^\top \tilde w_j + b_i + \tilde b_j
          - \log X_{ij}\bigr)^2, \qquad f(x) = \min\bigl(1, (x/x_{\max})^{\alpha}\bigr)

:math:`f` caps frequent pairs and silences rare, noisy ones (:math:`x_{\max}=100`,
:math:`\alpha=3/4`). Training is **AdaGrad** over the non-zero cells in random order:
each parameter's step is :math:`\eta\,g/\sqrt{\sum g^2}`. The word's final vector is
:math:`w_i + \tilde w_i`, as in the reference C code. Vectors save and load in the GloVe
text format (:class:`~ladder.nlp.embeddings.WordVectors`). Evaluated beside Word2Vec in
``tests/nlp/test_glove.py``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
import scipy.sparse as sp

from ladder.nlp.embeddings import WordVectors

__all__ = ["cooccurrence_matrix", "GloVe"]


def cooccurrence_matrix(
    sentences: Iterable[Sequence[int]], vocab_size: int, window: int = 10
) -> sp.coo_matrix:
    """Symmetric distance-weighted co-occurrence counts :math:`X_{ij}` (COO, float64).

    >>> cooccurrence_matrix([[0, 1, 2]], 3, window=2).toarray()
    array([[0. , 1. , 0.5],
           [1. , 0. , 1. ],
           [0.5, 1. , 0. ]])
    """
    rows, cols, vals = [], [], []
    for s in sentences:
        s = np.asarray(s, dtype=np.int64)
        for d in range(1, window + 1):
            if len(s) <= d:
                break
            a, b = s[:-d], s[d:]
            w = np.full(len(a), 1.0 / d)
            rows += [a, b]
            cols += [b, a]
            vals += [w, w]
    if not rows:
        return sp.coo_matrix((vocab_size, vocab_size))
    X = sp.coo_matrix(
        (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
        shape=(vocab_size, vocab_size),
    )
    X.sum_duplicates()
    return X


class GloVe:
    """GloVe word vectors. After :meth:`fit`: ``wv`` and ``loss_history_`` (per epoch)."""

    def __init__(
        self,
        vector_size: int = 100,
        window: int = 10,
        min_count: int = 5,
        x_max: float = 100.0,
        alpha: float = 0.75,
        learning_rate: float = 0.05,
        epochs: int = 25,
        batch_size: int = 4096,
        random_state: int | None = 0,
    ) -> None:
        self.vector_size = vector_size
        self.window = window
        self.min_count = min_count
        self.x_max = x_max
        self.alpha = alpha
        self.learning_rate = learning_rate
        self.epochs = epochs
        self.batch_size = batch_size
        self.random_state = random_state

    def fit(self, sentences: Iterable[Sequence[str]]) -> GloVe:
        sentences = list(sentences)
        if any(isinstance(s, str) for s in sentences):
            raise TypeError("fit expects tokenised sentences (lists of words), not strings.")
        counts = Counter(w for s in sentences for w in s)
        words = sorted(
            (w for w, c in counts.items() if c >= self.min_count), key=lambda w: (-counts[w], w)
        )
        if len(words) < 2:
            raise ValueError(
                f"only {len(words)} words occur min_count={self.min_count} times; "
                "lower min_count or give more text."
            )
        index = {w: i for i, w in enumerate(words)}
        X = cooccurrence_matrix(
            ([index[w] for w in s if w in index] for s in sentences), len(words), self.window
        )
        i, j, x = X.row, X.col, X.data
        logx = np.log(x)
        fx = np.minimum(1.0, (x / self.x_max) ** self.alpha)
        rng = np.random.default_rng(self.random_state)
        V, D = len(words), self.vector_size
        W = (rng.random((2 * V, D)) - 0.5) / D  # rows 0..V-1 words, V..2V-1 contexts
        b = np.zeros(2 * V)
        gW = np.ones((2 * V, D))  # AdaGrad accumulators start at 1 (as C code)
        gb = np.ones(2 * V)
        self.loss_history_ = []
        for _ in range(self.epochs):
            order = rng.permutation(len(x))
            total = 0.0
            for s in range(0, len(order), self.batch_size):
                k = order[s : s + self.batch_size]
                wi, wj = i[k], j[k] + V
                diff = np.einsum("bd,bd->b", W[wi], W[wj]) + b[wi] + b[wj] - logx[k]
                total += 0.5 * float((fx[k] * diff**2).sum())
                g = fx[k] * diff  # dJ/d(prediction) / 2
                grad_i, grad_j = g[:, None] * W[wj], g[:, None] * W[wi]
                rows = np.concatenate([wi, wj])
                grads = np.concatenate([grad_i, grad_j])
                gbias = np.concatenate([g, g])
                # AdaGrad, with repeated rows in a batch summed first.
                uniq, inv = np.unique(rows, return_inverse=True)
                S = sp.csr_matrix(
                    (np.ones(len(rows)), (inv, np.arange(len(rows)))), shape=(len(uniq), len(rows))
                )
                G = S @ grads  # summed per distinct row
                Gb = np.bincount(inv, gbias, minlength=len(uniq))
                W[uniq] -= self.learning_rate * G / np.sqrt(gW[uniq])
                b[uniq] -= self.learning_rate * Gb / np.sqrt(gb[uniq])
                gW[uniq] += G**2
                gb[uniq] += Gb**2
            self.loss_history_.append(total / len(x))
        self.wv = WordVectors(words, W[:V] + W[V:])
        self.cooccurrence_ = X
        return self
