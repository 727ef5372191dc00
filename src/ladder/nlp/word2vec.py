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

Unlike the C code's one-pair-at-a-time loop, pairs are processed in mini-batches with
``np.add.at`` (same objective, vectorised). Compared with ``gensim.models.Word2Vec`` on
the same corpus and settings in ``tests/nlp/test_word2vec.py`` (WordSim-353 Spearman
and analogy accuracy side by side).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

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


def negative_sampling_loss(
    h: np.ndarray, u_pos: np.ndarray, u_neg: np.ndarray
) -> tuple[float, np.ndarray, np.ndarray, np.ndarray]:
    """Loss and gradients for one example: ``h (d,)``, ``u_pos (d,)``, ``u_neg (k, d)``.

    Returns ``(loss, dL/dh, dL/du_pos, dL/du_neg)``.
    """
    sp, sn = _sigmoid(u_pos @ h), _sigmoid(u_neg @ h)
    loss = -np.log(sp) - np.log(1.0 - sn).sum()
    dh = (sp - 1.0) * u_pos + sn @ u_neg
    return float(loss), dh, (sp - 1.0) * h, sn[:, None] * h[None, :]


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
    def _build_vocab(self, sentences: list[Sequence[str]]) -> list[np.ndarray]:
        counts = Counter(w for s in sentences for w in s)
        kept = sorted(
            (w for w, c in counts.items() if c >= self.min_count), key=lambda w: (-counts[w], w)
        )
        if not kept:
            raise ValueError(
                f"no word occurs min_count={self.min_count} times; the corpus has "
                f"{len(counts)} distinct words. Lower min_count or give more text."
            )
        self.index_ = {w: i for i, w in enumerate(kept)}
        self.counts_ = np.array([counts[w] for w in kept], dtype=np.float64)
        total = self.counts_.sum()
        if self.sample > 0:
            t = self.sample * total
            self.keep_prob_ = np.minimum((np.sqrt(self.counts_ / t) + 1) * t / self.counts_, 1.0)
        else:
            self.keep_prob_ = np.ones_like(self.counts_)
        p = self.counts_**self.ns_exponent
        self.noise_cdf_ = np.cumsum(p / p.sum())
        index = self.index_
        return [np.array([index[w] for w in s if w in index], dtype=np.int64) for s in sentences]

    # -- training -------------------------------------------------------------
    def fit(self, sentences: Iterable[Sequence[str]]) -> Word2Vec:
        import time

        sentences = list(sentences)
        if any(isinstance(s, str) for s in sentences):
            raise TypeError("fit expects tokenised sentences (lists of words), not strings.")
        encoded = self._build_vocab(sentences)
        rng = np.random.default_rng(self.random_state)
        V, D = len(self.index_), self.vector_size
        # float32 like gensim and word2vec.c: half the memory traffic of float64.
        self.syn0_ = ((rng.random((V, D)) - 0.5) / D).astype(np.float32)
        self.syn1neg_ = np.zeros((V, D), dtype=np.float32)
        raw_total = sum(len(s) for s in encoded) * self.epochs
        done = 0
        start = time.perf_counter()
        for _ in range(self.epochs):
            for chunk in self._chunks(encoded):
                n_raw = sum(len(s) for s in chunk)
                lr_start = self.alpha - (self.alpha - self.min_alpha) * done / raw_total
                done += n_raw
                lr_end = self.alpha - (self.alpha - self.min_alpha) * done / raw_total
                self._train_chunk(chunk, rng, lr_start, max(lr_end, self.min_alpha))
        self.words_per_second_ = raw_total / max(time.perf_counter() - start, 1e-9)
        words = sorted(self.index_, key=self.index_.__getitem__)
        self.wv = WordVectors(words, self.syn0_)
        return self

    @staticmethod
    def _chunks(encoded: list[np.ndarray], size: int = 20000) -> Iterable[list[np.ndarray]]:
        chunk: list[np.ndarray] = []
        n = 0
        for s in encoded:
            chunk.append(s)
            n += len(s)
            if n >= size:
                yield chunk
                chunk, n = [], 0
        if chunk:
            yield chunk

    def _train_chunk(
        self, chunk: list[np.ndarray], rng: np.random.Generator, lr_start: float, lr_end: float
    ) -> None:
        kept = [s[rng.random(len(s)) < self.keep_prob_[s]] for s in chunk]
        kept = [s for s in kept if len(s) > 1]
        if not kept:
            return
        tokens = np.concatenate(kept)
        sent = np.repeat(np.arange(len(kept)), [len(s) for s in kept])
        n = len(tokens)
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
            neg = np.searchsorted(self.noise_cdf_, rng.random((e - s, k)))
            targets = np.concatenate([out[s:e, None], neg], axis=1)  # (B, k+1)
            u = U[targets]  # (B, k+1, D)
            g = (labels - _sigmoid(np.einsum("bd,bkd->bk", h, u))) * lr  # -dL/dscore * lr
            dh = np.einsum("bk,bkd->bd", g, u)
            _scatter_add(U, targets, g, h)
            # word2vec.c and gensim add the whole h-gradient to every context word.
            _scatter_add(W, c, m * 1.0, dh)


def _scatter_add(M: np.ndarray, rows: np.ndarray, weights: np.ndarray, X: np.ndarray) -> None:
    """``M[rows[b, j]] += weights[b, j] * X[b]`` for all ``b, j``, repeated rows summed.

    Same as ``np.add.at`` on the outer products, done as one sparse-times-dense product
    over the distinct rows (several times faster).
    """
    import scipy.sparse as sp

    B, J = rows.shape
    uniq, inv = np.unique(rows.ravel(), return_inverse=True)
    S = sp.csr_matrix(
        (weights.ravel().astype(M.dtype), (inv.ravel(), np.repeat(np.arange(B), J))),
        shape=(len(uniq), B),
    )
    M[uniq] += S @ X
