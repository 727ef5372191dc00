r"""Word2Vec in NumPy: skip-gram and CBOW with negative sampling (Mikolov et al., 2013).

arXiv:1301.3781 (the models) and arXiv:1310.4546 (negative sampling, sub-sampling).

**Skip-gram** predicts each context word :math:`o` within a window of the centre word
:math:`c`; **CBOW** predicts :math:`c` from the mean :math:`h` of its context vectors.
With input vectors :math:`v` and output vectors :math:`u`, **negative sampling** replaces
the softmax by :math:`k` logistic regressions:

.. math:: \ell = -\log\sigma(u_o^\top h) - \sum_{j=1}^{k} \log\sigma(-u_{n_j}^\top h),
   \qquad n_j \sim P(w) \propto \mathrm{count}(w)^{0.75}

whose gradients are :math:`\partial\ell/\partial u_t = (\sigma(u_t^\top h) - y_t)\,h` and
:math:`\partial\ell/\partial h = \sum_t (\sigma(u_t^\top h) - y_t)\,u_t` with
:math:`y_t = 1` for the true word, 0 for negatives.

* **sub-sampling** keeps a word of count :math:`c` with probability
  :math:`(\sqrt{c/(sN)} + 1)\,sN/c` (``sample`` :math:`s`, corpus size :math:`N`), as gensim;
* the window is shrunk uniformly at random per centre word (nearer words count more);
* the learning rate decays linearly from ``alpha`` to ``min_alpha`` over training.

Unlike the C code's one-pair-at-a-time loop, pairs are processed in shuffled
mini-batches (same objective, vectorised): the vectors of a batch are gathered, their
scores and gradients computed as arrays, and the updates of repeated words summed by one
sparse-times-dense product; negatives are drawn from word2vec.c's unigram table.
Compared with ``gensim.models.Word2Vec`` on the same corpus and settings in
``tests/nlp/test_word2vec.py`` (WordSim-353 Spearman and analogy accuracy side by side).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import chain, count

import numpy as np

from ladder.nlp.embeddings import WordVectors

__all__ = ["Word2Vec", "skipgram_pairs", "negative_sampling_loss"]


def skipgram_pairs(tokens: Sequence[int], window: int) -> list[tuple[int, int]]:
    """All (centre, context) pairs within ``window`` (no shrinking) — the lesson's version.

    >>> skipgram_pairs([0, 1, 2], 1)
    [(0, 1), (1, 0), (1, 2), (2, 1)]
    """
    pairs = []
    for i, c in enumerate(tokens):
        for j in range(max(0, i - window), min(len(tokens), i + window + 1)):
            if j != i:
                pairs.append((c, tokens[j]))
    return pairs


def _sigmoid(x: np.ndarray) -> np.ndarray:
    # exp(-|x|) never overflows, and unlike (1 + tanh(x/2))/2 the tiny values for very
    # negative x keep their relative accuracy (so log σ(x) stays finite).
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _log_sigmoid(x: np.ndarray) -> np.ndarray:
    r""":math:`\log\sigma(x) = -\log(1 + e^{-x})`, accurate for every ``x``: never forms
    :math:`1 - \sigma(x)`, which rounds to 0 from ``x`` of about 37 (and loses digits
    well before), nor :math:`e^{-x}` alone, which overflows below about -709."""
    return -np.logaddexp(0.0, -x)


def negative_sampling_loss(
    h: np.ndarray, u_pos: np.ndarray, u_neg: np.ndarray
) -> tuple[float, np.ndarray, np.ndarray, np.ndarray]:
    r"""Loss and gradients for one example: ``h (d,)``, ``u_pos (d,)``, ``u_neg (k, d)``.

    Returns ``(loss, dL/dh, dL/du_pos, dL/du_neg)``. Stable for scores of any size:
    :math:`-\log\sigma(x)` and :math:`-\log\sigma(-x) = -\log(1 - \sigma(x))` are
    softplus values (``np.logaddexp``), and :math:`\sigma(x) - 1 = -\sigma(-x)` is taken
    as such, so no probability is subtracted from 1.
    """
    h, u_pos, u_neg = (np.asarray(a, dtype=np.float64) for a in (h, u_pos, u_neg))
    x_pos, x_neg = u_pos @ h, u_neg @ h
    loss = -_log_sigmoid(x_pos) - _log_sigmoid(-x_neg).sum()
    g_pos = -np.exp(_log_sigmoid(-x_pos))  # dL/dx_pos = sigma(x_pos) - 1 = -sigma(-x_pos)
    g_neg = np.exp(_log_sigmoid(x_neg))  # dL/dx_neg = sigma(x_neg)
    dh = g_pos * u_pos + g_neg @ u_neg
    return float(loss), dh, g_pos * h, g_neg[:, None] * h[None, :]


class Word2Vec:
    """Skip-gram (``sg=1``) or CBOW (``sg=0``) with negative sampling.

    Parameters follow ``gensim.models.Word2Vec``. After :meth:`fit`: ``wv`` (a
    :class:`~ladder.nlp.embeddings.WordVectors`, most frequent word first),
    ``syn1neg_`` (output vectors), ``words_per_second_``.
    """

    def __init__(
        self,
        vector_size: int = 100,
        window: int = 5,
        min_count: int = 5,
        sg: int = 1,
        negative: int = 5,
        sample: float = 1e-3,
        alpha: float = 0.025,
        min_alpha: float = 0.0001,
        epochs: int = 5,
        ns_exponent: float = 0.75,
        batch_size: int = 2048,
        random_state: int | None = 0,
    ) -> None:
        self.vector_size = vector_size
        self.window = window
        self.min_count = min_count
        self.sg = sg
        self.negative = negative
        self.sample = sample
        self.alpha = alpha
        self.min_alpha = min_alpha
        self.epochs = epochs
        self.ns_exponent = ns_exponent
        self.batch_size = batch_size
        self.random_state = random_state

    # -- vocabulary -----------------------------------------------------------
    def _build_vocab(self, sentences: list[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """Vocabulary, sub-sampling and noise tables; returns the corpus as word ids (words
        below ``min_count`` dropped) and the sentence number of each."""
        # Number the distinct words in order of appearance (one dictionary look-up per
        # token), count them with bincount.
        number = defaultdict(count().__next__)
        lens = np.fromiter(map(len, sentences), np.int64, len(sentences))
        seen = np.fromiter(
            map(number.__getitem__, chain.from_iterable(sentences)), np.int64, int(lens.sum())
        )
        distinct = list(number)
        counts = np.bincount(seen, minlength=len(distinct))
        frequent = np.flatnonzero(counts >= self.min_count)
        kept = sorted(frequent.tolist(), key=lambda i: (-counts[i], distinct[i]))
        if not kept:
            raise ValueError(
                f"no word occurs min_count={self.min_count} times; the corpus has "
                f"{len(distinct)} distinct words. Lower min_count or give more text."
            )
        self.index_ = {distinct[i]: v for v, i in enumerate(kept)}
        self.counts_ = counts[kept].astype(np.float64)
        total = self.counts_.sum()
        if self.sample > 0:
            t = self.sample * total
            self.keep_prob_ = np.minimum((np.sqrt(self.counts_ / t) + 1) * t / self.counts_, 1.0)
        else:
            self.keep_prob_ = np.ones_like(self.counts_)
        # word2vec.c's unigram table: word w fills a share P(w) of a long array, so one
        # uniform index into it draws a negative (one gather instead of a search).
        p = self.counts_**self.ns_exponent
        size = int(min(max(10**6, 100 * len(kept)), 10**8))
        ids = np.arange(len(kept), dtype=np.uint16 if len(kept) <= 2**16 else np.int32)
        self.noise_table_ = np.repeat(ids, np.round(p / p.sum() * size).astype(np.int64))
        to_id = np.full(len(distinct), -1, np.int64)
        to_id[kept] = np.arange(len(kept))
        ids = to_id[seen]
        sent = np.repeat(np.arange(len(sentences)), lens)
        return ids[ids >= 0], sent[ids >= 0]

    # -- training -------------------------------------------------------------
    def fit(self, sentences: Iterable[Sequence[str]]) -> Word2Vec:
        import time

        sentences = list(sentences)
        if any(issubclass(kind, str) for kind in set(map(type, sentences))):
            raise TypeError("fit expects tokenised sentences (lists of words), not strings.")
        ids, sent = self._build_vocab(sentences)
        rng = np.random.default_rng(self.random_state)
        V, D = len(self.index_), self.vector_size
        # float32 like gensim and word2vec.c: half the memory traffic of float64.
        self.syn0_ = ((rng.random((V, D)) - 0.5) / D).astype(np.float32)
        self.syn1neg_ = np.zeros((V, D), dtype=np.float32)
        raw_total = len(ids) * self.epochs
        # Chunks of whole sentences of at least 20,000 words; the learning rate decays
        # linearly over the words seen.
        ends = np.flatnonzero(np.diff(sent, append=-1))  # last word of each sentence
        cuts = [0]
        for end in ends.tolist():
            if end + 1 - cuts[-1] >= 20000:
                cuts.append(end + 1)
        if cuts[-1] < len(ids):
            cuts.append(len(ids))
        done = 0
        start = time.perf_counter()
        for _ in range(self.epochs):
            for a, b in zip(cuts[:-1], cuts[1:], strict=True):
                lr_start = self.alpha - (self.alpha - self.min_alpha) * done / raw_total
                done += b - a
                lr_end = self.alpha - (self.alpha - self.min_alpha) * done / raw_total
                self._train_chunk(ids[a:b], sent[a:b], rng, lr_start, max(lr_end, self.min_alpha))
        self.words_per_second_ = raw_total / max(time.perf_counter() - start, 1e-9)
        words = sorted(self.index_, key=self.index_.__getitem__)
        self.wv = WordVectors(words, self.syn0_)
        return self

    def _train_chunk(
        self,
        ids: np.ndarray,
        sent: np.ndarray,
        rng: np.random.Generator,
        lr_start: float,
        lr_end: float,
    ) -> None:
        keep = rng.random(len(ids)) < self.keep_prob_[ids]  # sub-sampling
        tokens, sent = ids[keep], sent[keep]
        n = len(tokens)
        if n < 2:
            return
        reach = self.window - rng.integers(0, self.window, size=n)  # shrunk window 1..window
        pos = np.arange(n)
        if self.sg:
            centres, contexts = [], []
            for d in range(1, self.window + 1):
                for j in (pos - d, pos + d):
                    ok = (j >= 0) & (j < n) & (d <= reach)
                    ok[ok] &= sent[j[ok]] == sent[ok]
                    centres.append(tokens[ok])
                    contexts.append(tokens[j[ok]])
            inp = np.concatenate(contexts)  # gensim: the context word's vector predicts
            out = np.concatenate(centres)  # the centre word
            order = rng.permutation(len(inp))
            inp, out = inp[order], out[order]
            self._sgns(inp[:, None], np.ones((len(inp), 1)), out, rng, lr_start, lr_end)
        else:
            offsets = np.concatenate([np.arange(-self.window, 0), np.arange(1, self.window + 1)])
            j = pos[:, None] + offsets[None, :]
            ok = (j >= 0) & (j < n) & (np.abs(offsets)[None, :] <= reach[:, None])
            jj = np.clip(j, 0, n - 1)
            ok &= sent[jj] == sent[:, None]
            has = ok.any(axis=1)
            order = rng.permutation(int(has.sum()))
            ctx, mask, out = tokens[jj[has]][order], ok[has][order], tokens[has][order]
            self._sgns(ctx, mask.astype(np.float64), out, rng, lr_start, lr_end)

    def _sgns(
        self,
        ctx: np.ndarray,
        mask: np.ndarray,
        out: np.ndarray,
        rng: np.random.Generator,
        lr_start: float,
        lr_end: float,
    ) -> None:
        """Negative-sampling updates; input vector h = mean of ``syn0[ctx]`` under ``mask``."""
        W, U, k = self.syn0_, self.syn1neg_, self.negative
        N = len(out)
        count = mask.sum(axis=1, keepdims=True)
        labels = np.zeros(k + 1, dtype=W.dtype)
        labels[0] = 1.0
        single = ctx.shape[1] == 1
        for s in range(0, N, self.batch_size):
            e = min(N, s + self.batch_size)
            lr = lr_start + (lr_end - lr_start) * s / N
            c, m = ctx[s:e], mask[s:e]
            if single:
                h = W[c[:, 0]]  # (B, D)
            else:
                h = np.einsum("bj,bjd->bd", m, W[c]) / count[s:e]
            targets = np.empty((e - s, k + 1), np.int32)  # the true word, then k negatives
            targets[:, 0] = out[s:e]
            targets[:, 1:] = self.noise_table_[rng.integers(0, len(self.noise_table_), (e - s, k))]
            # Scores, gradients and dL/dh = sum_t g_t u_t in pieces of 256 pairs, so that
            # the gathered output vectors (256, k+1, D) are used while still in the cache.
            g = np.empty(targets.shape, W.dtype)
            dh = np.empty_like(h)
            for a in range(0, e - s, 256):
                u = U[targets[a : a + 256]]
                score = np.einsum("bd,bkd->bk", h[a : a + 256], u)
                g[a : a + 256] = (labels - _sigmoid(score)) * lr  # -dL/dscore * lr
                np.einsum("bk,bkd->bd", g[a : a + 256], u, out=dh[a : a + 256])
            _scatter_add(U, targets, g, h)
            # word2vec.c and gensim add the whole h-gradient to every context word.
            _scatter_add(W, c, m * 1.0, dh)


def _scatter_add(M: np.ndarray, rows: np.ndarray, weights: np.ndarray, X: np.ndarray) -> None:
    """``M[rows[b, j]] += weights[b, j] * X[b]`` for all ``b, j``, repeated rows summed.

    Same as ``np.add.at`` on the outer products, done as one sparse-times-dense product
    over the distinct rows: the (distinct rows, B) matrix with ``weights[b, j]`` in
    column ``b`` is already in compressed-column form (J entries per column).
    """
    import scipy.sparse as sp

    B, J = rows.shape
    V = len(M)
    data = weights.ravel().astype(M.dtype)
    indptr = np.arange(0, B * J + 1, J, dtype=np.int32)
    if rows.size >= V:  # most rows move: one dense update is cheaper
        M += sp.csc_matrix((data, rows.ravel().astype(np.int32), indptr), shape=(V, B)) @ X
        return
    seen = np.zeros(V, bool)
    seen[rows] = True
    touched = seen.nonzero()[0]
    where = np.empty(V, np.int32)  # row -> its place among the touched rows
    where[touched] = np.arange(len(touched), dtype=np.int32)
    S = sp.csc_matrix((data, where[rows.ravel()], indptr), shape=(len(touched), B))
    M[touched] += S @ X
