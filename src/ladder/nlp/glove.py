r"""GloVe: global vectors from weighted least squares on co-occurrence counts.

Pennington, Socher & Manning (2014). Count co-occurrences in a symmetric window, each
pair weighted by :math:`1/\text{distance}` (a word 3 positions away adds 1/3):
:math:`X_{ij}`. Then fit word vectors :math:`w_i`, context vectors :math:`\tilde w_j` and
biases so that their dot product predicts the log count:

.. math:: J = \tfrac12 \sum_{i,j:\,X_{ij}>0} f(X_{ij})\,\bigl(w_i^\top \tilde w_j + b_i
          + \tilde b_j - \log X_{ij}\bigr)^2, \qquad f(x) = \min\bigl(1, (x/x_{\max})^{\alpha}\bigr)

(the paper has no :math:`\tfrac12`; the C code and mittens have it: :func:`glove_loss`).
:math:`f` caps frequent pairs and silences rare, noisy ones (:math:`x_{\max}=100`,
:math:`\alpha=3/4`). The word's final vector is :math:`w_i + \tilde w_i`, as in the
reference C code. Two solvers of the same objective:

* :class:`GloVe` is the reference C code (``glove.c``): AdaGrad on **one non-zero cell at a
  time**, in random order. With :math:`g` the gradient and :math:`\eta=0.05`, each
  parameter steps :math:`\eta g/\sqrt{G}` and then accumulates :math:`G \mathrel{+}=
  (\eta g)^2`, from :math:`G=1`; parameters (biases too) start uniform in
  :math:`[-0.5, 0.5]/d`. NumPy cannot loop over cells quickly, so the cells are grouped
  into batches in which no word row and no context row repeats: the cells of a batch touch
  disjoint parameters, so updating them together *is* updating them one after the other.
* :class:`FullBatchGloVe` takes one AdaGrad step per epoch on the full gradient, with
  TensorFlow's convention (:math:`G` starts at 0.1 and includes the current
  :math:`g^2`): the NumPy solver of ``mittens.GloVe`` (Dingwall & Potts, 2018), step for
  step. It moves rare words as fast as frequent ones; on a small corpus it reaches a
  lower loss in fewer passes than the per-cell solver, whose steps are about
  :math:`\eta g` while :math:`\sum(\eta g)^2 \ll 1`.

Vectors save and load in the GloVe text format (:class:`~ladder.nlp.embeddings.WordVectors`).
Tests: ``tests/nlp/test_glove.py`` (the per-cell solver against a literal transcription of
the C loop, the full-batch one against mittens, both beside each other on the Lee corpus).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
import scipy.sparse as sp

from ladder.nlp.embeddings import WordVectors

__all__ = ["cooccurrence_matrix", "glove_loss", "GloVe", "FullBatchGloVe"]

Params = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # W, C (V, d); bw, bc (V,)


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


def _cells(X: sp.spmatrix | np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows, columns and values of the non-zero cells of a square count matrix."""
    X = sp.coo_matrix(X)
    if X.shape[0] != X.shape[1]:
        raise ValueError(f"the co-occurrence matrix must be square, got shape {X.shape}.")
    X.sum_duplicates()
    X.eliminate_zeros()
    if X.nnz and X.data.min() < 0:
        raise ValueError(
            f"co-occurrence counts must be >= 0, found {X.data.min()}; pass counts, not logs."
        )
    return X.row.astype(np.int64), X.col.astype(np.int64), X.data.astype(np.float64)


def glove_loss(
    X: sp.spmatrix | np.ndarray,
    W: np.ndarray,
    C: np.ndarray,
    bw: np.ndarray,
    bc: np.ndarray,
    x_max: float = 100.0,
    alpha: float = 0.75,
) -> float:
    r""":math:`\tfrac12\sum_{X_{ij}>0} f(X_{ij})(w_i^\top\tilde w_j + b_i + \tilde b_j -
    \log X_{ij})^2`: the total that ``mittens.GloVe`` records in ``errors``.

    One cell, :math:`X=100` so :math:`f=1`, prediction :math:`1\cdot 1 + 0 + 0`:
    :math:`\tfrac12(1 - \log 100)^2`.

    >>> one = np.ones((1, 1))
    >>> round(glove_loss(100 * one, one, one, np.zeros(1), np.zeros(1)), 4)
    6.4986
    """
    i, j, x = _cells(X)
    diff = np.einsum("nd,nd->n", W[i], C[j]) + bw[i] + bc[j] - np.log(x)
    return float(0.5 * np.sum(np.minimum(1.0, (x / x_max) ** alpha) * diff**2))


def _conflict_free_batches(
    i: np.ndarray, j: np.ndarray, n_rows: int, rng: np.random.Generator, max_size: int
) -> list[np.ndarray]:
    """Shuffle the cells, then put each in the earliest batch after the last batch of its
    word row ``i`` and of its context row ``j`` (and with room): no row repeats in a batch.
    About as many batches as the most frequent row has cells."""
    order = rng.permutation(len(i))
    next_w, next_c, sizes = [0] * n_rows, [0] * n_rows, []
    batch = np.empty(len(order), dtype=np.int64)
    for k, (a, b) in enumerate(zip(i[order].tolist(), j[order].tolist(), strict=True)):
        c = max(next_w[a], next_c[b])
        while c < len(sizes) and sizes[c] >= max_size:
            c += 1
        if c == len(sizes):
            sizes.append(0)
        sizes[c] += 1
        batch[k] = c
        next_w[a] = next_c[b] = c + 1
    grouped = order[np.argsort(batch, kind="stable")]
    return np.split(grouped, np.cumsum(sizes)[:-1])


def _adagrad_cells(
    P: np.ndarray,
    G: np.ndarray,
    i: np.ndarray,
    j: np.ndarray,
    logx: np.ndarray,
    fx: np.ndarray,
    batches: Iterable[np.ndarray],
    eta: float,
) -> float:
    """One pass of glove.c's per-cell AdaGrad over ``batches`` of conflict-free cells.

    ``P`` is ``(2V, d+1)``: rows ``0..V-1`` words, ``V..2V-1`` contexts, last column the
    bias (glove.c's layout); ``G`` the matching accumulators. Updated in place. Returns
    the summed loss of each cell just before its own update (glove.c's ``cost``)."""
    V, D = P.shape[0] // 2, P.shape[1] - 1
    total = 0.0
    for k in batches:
        rows = np.concatenate([i[k], j[k] + V])  # all distinct: see _conflict_free_batches
        A, B = P[rows[: len(k)]], P[rows[len(k) :]]
        diff = np.einsum("nd,nd->n", A[:, :D], B[:, :D]) + A[:, D] + B[:, D] - logx[k]
        fdiff = fx[k] * diff
        total += 0.5 * float(fdiff @ diff)
        fdiff *= eta  # learning rate times gradient, as glove.c
        step = np.empty((2 * len(k), D + 1))
        step[: len(k), :D] = fdiff[:, None] * B[:, :D]  # d/dw_i  = f diff w~_j
        step[len(k) :, :D] = fdiff[:, None] * A[:, :D]  # d/dw~_j = f diff w_i
        step[: len(k), D] = step[len(k) :, D] = fdiff  # d/db = f diff
        P[rows] -= step / np.sqrt(G[rows])
        G[rows] += step**2
    return total


class GloVe:
    """GloVe word vectors trained as glove.c does (per-cell AdaGrad, shuffled each epoch).

    After :meth:`fit` (or :meth:`fit_cooccurrence`): ``wv`` (``W + C``), ``loss_history_``
    (per epoch, glove.c's ``cost``: the mean over non-zero cells of
    :math:`\\tfrac12 f\\,\\text{diff}^2` seen just before each cell's update),
    ``cooccurrence_`` and the parameters ``word_vectors_``, ``context_vectors_``,
    ``word_biases_``, ``context_biases_``. ``batch_size`` caps how many cells are updated
    together; batches never share a row, so it does not change the result's meaning.
    """

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
        """Count words (keep ``min_count`` or more, most frequent first), build
        :func:`cooccurrence_matrix` over ``window`` and train on it."""
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
        return self.fit_cooccurrence(X, words)

    def fit_cooccurrence(
        self,
        X: sp.spmatrix | np.ndarray,
        words: Sequence[str],
        initial_params: Params | None = None,
    ) -> GloVe:
        """Train on a ready ``(V, V)`` count matrix whose rows are ``words``.

        ``initial_params=(W, C, bw, bc)`` replaces the random start (as mittens'
        ``fixed_initialization``); it is copied, not modified."""
        i, j, x = _cells(X)
        V, D = len(words), self.vector_size
        if X.shape[0] != V:
            raise ValueError(
                f"X has {X.shape[0]} rows but {V} words were given; pass one word per row."
            )
        if len(x) == 0:
            raise ValueError("the co-occurrence matrix is all zeros; give more text.")
        rng = np.random.default_rng(self.random_state)
        if initial_params is None:
            # glove.c: every weight and bias uniform in [-0.5, 0.5] / d.
            W, C = (rng.random((V, D)) - 0.5) / D, (rng.random((V, D)) - 0.5) / D
            bw, bc = (rng.random(V) - 0.5) / D, (rng.random(V) - 0.5) / D
        else:
            W, C, bw, bc = (np.array(p, dtype=np.float64) for p in initial_params)
            if W.shape != (V, D) or C.shape != (V, D) or bw.size != V or bc.size != V:
                raise ValueError(
                    f"initial_params need W, C of shape {(V, D)} and bw, bc of {V} values; "
                    f"got {W.shape}, {C.shape}, {bw.size}, {bc.size}."
                )
        logx, fx = np.log(x), np.minimum(1.0, (x / self.x_max) ** self.alpha)
        W, C, bw, bc, self.loss_history_ = self._train(
            W, C, bw.ravel(), bc.ravel(), i, j, logx, fx, rng
        )
        self.word_vectors_, self.context_vectors_ = W, C
        self.word_biases_, self.context_biases_ = bw, bc
        self.wv = WordVectors(list(words), W + C)
        self.cooccurrence_ = sp.coo_matrix((x, (i, j)), shape=(V, V))
        return self

    def _train(self, W, C, bw, bc, i, j, logx, fx, rng):  # noqa: ANN001, ANN202
        V, D = W.shape
        P = np.empty((2 * V, D + 1))
        P[:V, :D], P[V:, :D], P[:V, D], P[V:, D] = W, C, bw, bc
        G = np.ones_like(P)  # glove.c: gradsq starts at 1
        history = []
        for _ in range(self.epochs):
            batches = _conflict_free_batches(i, j, V, rng, self.batch_size)
            history.append(_adagrad_cells(P, G, i, j, logx, fx, batches, self.learning_rate))
            history[-1] /= len(logx)
        return P[:V, :D], P[V:, :D], P[:V, D], P[V:, D], history


class FullBatchGloVe(GloVe):
    """GloVe by full-batch AdaGrad, one step per epoch: ``mittens.GloVe``'s NumPy solver.

    Each epoch computes the exact gradient of :math:`J` over all non-zero cells and steps
    every parameter by :math:`\\eta g/\\sqrt{G}` after :math:`G \\mathrel{+}= g^2`, with
    :math:`G` starting at ``initial_accumulator`` (0.1, TensorFlow's and mittens' value).
    ``loss_history_[t]`` is :math:`J/\\text{nnz}` at the parameters before step ``t``
    (mittens' ``errors[t]`` divided by the number of non-zero cells). Sparse, so memory
    grows with the non-zero cells, not with :math:`V^2` as mittens' dense matrices do.
    """

    def __init__(
        self,
        vector_size: int = 100,
        window: int = 10,
        min_count: int = 5,
        x_max: float = 100.0,
        alpha: float = 0.75,
        learning_rate: float = 0.05,
        epochs: int = 100,
        initial_accumulator: float = 0.1,
        random_state: int | None = 0,
    ) -> None:  # no batch_size: every step uses all cells
        self.vector_size = vector_size
        self.window = window
        self.min_count = min_count
        self.x_max = x_max
        self.alpha = alpha
        self.learning_rate = learning_rate
        self.epochs = epochs
        self.initial_accumulator = initial_accumulator
        self.random_state = random_state

    def _train(self, W, C, bw, bc, i, j, logx, fx, rng):  # noqa: ANN001, ANN202
        V = W.shape[0]
        params = [W, C, bw, bc]
        accum = [np.full_like(p, self.initial_accumulator) for p in params]
        # S holds the weighted residuals f * diff; build its pattern once, refill its data.
        S = sp.csr_matrix((np.arange(1.0, len(i) + 1), (i, j)), shape=(V, V))
        cell_of_entry = S.data.astype(np.int64) - 1
        history = []
        for _ in range(self.epochs):
            diff = np.einsum("nd,nd->n", W[i], C[j]) + bw[i] + bc[j] - logx
            fdiff = fx * diff
            history.append(0.5 * float(fdiff @ diff) / len(logx))
            S.data = fdiff[cell_of_entry]
            grads = [S @ C, S.T @ W, np.bincount(i, fdiff, V), np.bincount(j, fdiff, V)]
            for p, g, a in zip(params, grads, accum, strict=True):
                a += g**2
                p -= self.learning_rate * g / np.sqrt(a)
        return W, C, bw, bc, history
