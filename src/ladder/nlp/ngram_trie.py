r"""The n-gram models of :mod:`ladder.nlp.ngram`, counted in sorted integer arrays.

Same classes, same API, same floats as the lesson's dictionary version
(``tests/nlp/test_ngram.py`` holds them together and against ``nltk.lm``); this one fits
Tiny Shakespeare trigrams in a few hundredths of a second (``nltk.lm``: about four
seconds) and scores many n-grams at once with arrays.

**How counting is made fast**: words become integer ids and the padded sentences one
int32 array. The distinct k-grams are a *trie in sorted arrays*: a k-gram's key is
``id of its last word * number of (k-1)-grams + index of its first k-1 words``. The
positions are sorted once by their first word; at each order one stable counting sort
on the next word (:func:`_radix`) keeps ties in the previous order, so the positions come
out sorted by key and equal neighbours are the same k-gram: counts are run lengths, and
looking an n-gram up is one ``np.searchsorted`` per word. Context totals, follower types
:math:`N_{1+}(h\bullet)` and continuation counts are ``np.bincount`` over those indices (a
(k+1)-gram's suffix is the k-gram that starts one position later). Scores are computed
with arrays for many n-grams at once (perplexity, sampling) and in plain Python for one
``score`` call, both with the same float operations, in the same order, as ``nltk.lm``.
The dictionaries ``counts_``, ``totals_``, ``types_`` (and Kneser–Ney's ``continuation_``)
are built from the arrays on first access, to inspect a model.

>>> lm = KneserNeyInterpolated(2).fit([["a", "b", "c"], ["a", "c"]])
>>> lm.score("c", ["a"])  # (1 - 0.1)/2 + (0.1 * 2/2) * P_cont(c), P_cont(c) = 2/5
0.49
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import cached_property
from itertools import chain, count, repeat

import numpy as np

from ladder.nlp.ngram import BOS, EOS, UNK, Vocabulary, check_sentences, pad_sentence

__all__ = [
    "TrieNgramModel",
    "MLE",
    "Lidstone",
    "Laplace",
    "JelinekMercerInterpolated",
    "KneserNeyInterpolated",
]


def _radix(
    values: np.ndarray, bits: int, order: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """``order`` (default: ``0..len-1``) and the aligned ``values`` (< ``2**bits``),
    reordered so that ``values`` is sorted, stably.

    An LSD radix sort on 16-bit digits: NumPy's stable sort of ``uint16`` is a counting
    sort, linear in the number of keys, so one digit costs about as much as a gather.
    """
    for shift in range(0, max(bits, 1), 16):
        digit = values >> shift if shift else values
        idx = (digit if digit.dtype == np.uint16 else digit.astype(np.uint16)).argsort(
            kind="stable"
        )
        order = idx.astype(np.int32) if order is None else order[idx]
        values = values[idx]
    return order, values


class _Trie:
    """Every distinct k-gram of the padded stream, ``k = 0..n``, as sorted int64 keys.

    ``keys[k][i]`` is ``last_id * len(keys[k-1]) + i_prefix``; ``keys[0]`` is the empty
    gram. Per order: ``count`` (raw counts), ``total`` and ``types`` (sum and number of
    the followers of a gram used as a context), and for Kneser–Ney ``cont``
    (:math:`N_{1+}(\\bullet g)`) and ``cont_total`` (:math:`N_{1+}(\\bullet g \\bullet)`).
    """

    def __init__(
        self, stream: np.ndarray, ends: np.ndarray, n: int, B: int, continuation: bool
    ) -> None:
        # stream: (T,) int32 word ids of the padded sentences, which end at ``ends``.
        # Position arrays are int32: the fit is bound by memory traffic, not arithmetic.
        counts1 = np.bincount(stream, minlength=B)
        self.keys = [np.zeros(1, np.int64), np.flatnonzero(counts1)]
        self.count = [np.array([len(stream)]), counts1[self.keys[1]]]
        self.cont = [np.zeros(1, np.int64)]
        rank = (np.cumsum(counts1 > 0, dtype=np.int32) - 1)[stream]  # each position's 1-gram
        bits = (B - 1).bit_length()
        if bits <= 16:  # ids fit 16 bits: gather and sort them as such (half the bytes)
            stream = stream.astype(np.uint16)
        order, _ = _radix(stream, bits)
        fits = np.ones(len(stream), bool)  # whether a k-gram starts at the position
        for k in range(2, n + 1):
            # Positions starting a k-gram, still sorted by their first k-1 words; one
            # stable pass on the k-th word sorts them by (k-th word, (k-1)-gram): the key.
            fits[ends - (k - 1)] = False
            order = order[fits[order]]
            order, last = _radix(stream[k - 1 :][order], bits, order)
            size = len(self.keys[k - 1])
            keys = last.astype(np.int64 if B * size >= 2**31 else np.int32)
            keys *= size
            keys += rank[order]
            new = np.empty(len(keys), bool)
            new[:1] = True
            np.not_equal(keys[1:], keys[:-1], out=new[1:])
            starts = np.flatnonzero(new)
            if continuation:  # suffix of a distinct k-gram = the (k-1)-gram one step later
                suffix = rank[order[starts] + 1]
                self.cont.append(np.bincount(suffix, minlength=size))
            if k < n:  # index of each position's k-gram, for order k + 1
                index = np.cumsum(new, dtype=np.int32)
                index -= 1
                rank = np.empty(len(stream), np.int32)  # read only where a k-gram starts
                rank[order] = index
            self.keys.append(keys[starts].astype(np.int64))
            self.count.append(np.diff(starts, append=len(keys)))
        self.cont.append(np.zeros(len(self.keys[n]), np.int64))
        self.total, self.types, self.cont_total = [], [], []
        for k in range(n):  # the k-grams as contexts of the (k+1)-grams
            size = len(self.keys[k])
            prefix = self.keys[k + 1] % size
            self.types.append(np.bincount(prefix, minlength=size))
            self.total.append(np.bincount(prefix, self.count[k + 1], size).astype(np.int64))
            if continuation and k + 1 < n:
                self.cont_total.append(np.bincount(prefix, self.cont[k + 1], size).astype(np.int64))
        self.types.append(np.zeros(len(self.keys[n]), np.int64))  # n-grams are no context
        self.total.append(self.types[-1])

    def extend(self, k: int, idx: np.ndarray, word: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Index among the (k+1)-grams of k-gram ``idx`` + ``word``, and whether it exists."""
        keys = self.keys[k + 1]
        query = word * len(self.keys[k]) + idx
        pos = np.minimum(np.searchsorted(keys, query), len(keys) - 1)
        return pos, keys[pos] == query

    def find(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Index of each row of ``ids`` ``(N, k)`` among the k-grams, and whether it exists."""
        idx = np.zeros(len(ids), np.int64)
        found = np.ones(len(ids), bool)
        for j in range(ids.shape[1]):
            idx, hit = self.extend(j, idx, ids[:, j])
            found &= hit
        return idx, found

    def step(self, k: int, idx: int, word: int) -> int:
        """:meth:`extend` for one gram, in plain Python: the index, or -1 if unseen."""
        keys = self.keys[k + 1]
        query = word * len(self.keys[k]) + idx
        pos = int(keys.searchsorted(query))
        return pos if pos < len(keys) and keys[pos] == query else -1

    def index(self, ids: Sequence[int]) -> int:
        """:meth:`find` for one gram: its index among the ``len(ids)``-grams, or -1."""
        idx = 0
        for k, word in enumerate(ids):
            idx = self.step(k, idx, word)
            if idx < 0:
                break
        return idx

    def decode(self, words: list[str]) -> list[list[tuple[str, ...]]]:
        """The k-grams of every order as word tuples (for inspection only)."""
        grams: list[list[tuple[str, ...]]] = [[()]]
        for k in range(1, len(self.keys)):
            prev, size = grams[-1], len(grams[-1])
            grams.append(
                [prev[key % size] + (words[key // size],) for key in self.keys[k].tolist()]
            )
        return grams


_INSPECTION = {"_grams", "counts_", "totals_", "types_", "continuation_", "continuation_total_"}


class TrieNgramModel:
    """Counting in sorted arrays, the scoring API, perplexity and sampling; subclasses
    define ``_scores`` (arrays of n-grams) and ``_score1`` (one n-gram).

    ``fit(sentences)`` takes tokenised sentences (lists of words).
    """

    _continuation = False  # whether fit computes Kneser–Ney continuation counts

    def __init__(self, order: int, unk_cutoff: int = 1) -> None:
        if order < 1:
            raise ValueError(f"order must be at least 1, got {order}.")
        self.order = order
        self.unk_cutoff = unk_cutoff

    def fit(self, sentences: Iterable[Sequence[str]]) -> TrieNgramModel:
        n, m = self.order, self.order - 1
        sents = check_sentences(sentences, n, self._continuation)
        lens = np.array(list(map(len, sents)), np.int64)
        for key in self.__dict__.keys() & _INSPECTION:
            del self.__dict__[key]  # inspection dictionaries of a previous fit
        # Number the distinct words in order of appearance (a missing key gets the next
        # number), count them with bincount, then renumber them as vocabulary ids (rare
        # words -> <UNK>). One dictionary look-up per token is most of the fit's time.
        number = defaultdict(count().__next__)
        first_seen = np.fromiter(
            map(number.__getitem__, chain.from_iterable(sents)), np.int32, int(lens.sum())
        )
        distinct = list(number)
        seen = np.bincount(first_seen, minlength=len(distinct)).tolist()
        counts = Counter(dict(zip(distinct, seen, strict=True)))
        if m:
            counts[BOS] += m * len(sents)
        counts[EOS] += len(sents)
        self.vocab_ = Vocabulary.from_counts(counts, self.unk_cutoff)
        self._ids = {w: i for i, w in enumerate(self.vocab_.words)}
        self._unk = self._ids[UNK] = len(self.vocab_) - 1
        to_id = np.fromiter(
            map(self._ids.get, distinct, repeat(self._unk)), np.int32, len(distinct)
        )
        tokens = to_id[first_seen]
        # One padded stream: sentence i occupies [ends[i] - P[i], ends[i]): m <s>, its
        # words, one </s>.
        P = lens + m + 1
        ends = np.cumsum(P)
        stream = np.full(int(ends[-1]), self._ids.get(EOS, self._unk), np.int32)
        stream[((ends - P)[:, None] + np.arange(m)).ravel()] = self._ids.get(BOS, self._unk)
        # Token j (0-based, over all sentences) of sentence i sits at j + i (m + 1) + m.
        shift = np.repeat(np.arange(len(sents), dtype=np.int32) * (m + 1) + m, lens)
        stream[shift + np.arange(len(tokens), dtype=np.int32)] = tokens
        self._trie = _Trie(stream, ends, n, len(self.vocab_), self._continuation)
        return self

    def _check(self) -> None:
        if "_trie" not in self.__dict__:
            raise RuntimeError(f"this {type(self).__name__} is not fitted; call fit(sentences).")

    def _encode(self, words: Sequence[str]) -> list[int]:
        for w in words:
            if not isinstance(w, str):
                raise TypeError(f"words must be str, got {type(w).__name__} ({w!r}).")
        return [self._ids.get(w, self._unk) for w in words]

    def count(self, ngram: Sequence[str]) -> int:
        """Raw count of an n-gram (``count(["to", "be"])``); 0 for unseen words."""
        self._check()
        if any(w not in self._ids for w in ngram):
            return 0
        idx, found = self._trie.find(np.array([self._encode(ngram)], np.int64))
        return int(self._trie.count[len(ngram)][idx[0]]) if found[0] else 0

    def _scores(self, words: np.ndarray, contexts: np.ndarray) -> np.ndarray:
        """:math:`P(w \\mid h)` for ids ``words`` ``(N,)`` and ``contexts`` ``(N, L)``.

        The models below compute it with array operations. A subclass may instead define
        only :meth:`score` (as the exercises do): then it is called once per n-gram.
        """
        if type(self).score is TrieNgramModel.score:
            raise NotImplementedError(
                f"{type(self).__name__} defines neither score(word, context) nor _scores; "
                "subclass MLE, Lidstone or KneserNeyInterpolated, or define score."
            )
        vocab = [*self.vocab_.words, UNK]
        pairs = zip(words.tolist(), contexts.tolist(), strict=True)
        return np.array([self.score(vocab[w], [vocab[i] for i in h]) for w, h in pairs], float)

    def _score_grams(self, grams: Sequence[Sequence[str]]) -> list[float]:
        """Scores of many n-grams (the last word given the others), batched by length."""
        self._check()
        keep = self.order - 1
        encoded = [self._encode(g) for g in grams]
        for ids in encoded:
            if not ids:
                raise ValueError("cannot score an empty n-gram; it needs at least the word.")
        out = [0.0] * len(encoded)
        by_length: dict[int, list[int]] = defaultdict(list)
        for i, ids in enumerate(encoded):
            by_length[min(len(ids) - 1, keep)].append(i)
        for L, rows in by_length.items():
            arr = np.array([encoded[i][len(encoded[i]) - 1 - L :] for i in rows], np.int64)
            for i, p in zip(rows, self._scores(arr[:, -1], arr[:, :-1]).tolist(), strict=True):
                out[i] = p
        return out

    def _score1(self, word: int, context: tuple[int, ...]) -> float:
        """One score from ids. The models write it in plain Python (a single score is
        faster without arrays); by default it is :meth:`_scores` on one n-gram."""
        ctx = np.array(context, np.int64).reshape(1, len(context))
        return float(self._scores(np.array([word], np.int64), ctx)[0])

    def score(self, word: str, context: Sequence[str] = ()) -> float:
        """:math:`P(\\text{word} \\mid \\text{context})`; unknown words become ``<UNK>``."""
        self._check()
        if not isinstance(word, str):
            raise TypeError(f"word must be a str, got {type(word).__name__} ({word!r}).")
        ids = self._encode([*context, word])[-self.order :]
        return float(self._score1(ids[-1], tuple(ids[:-1])))

    def logscore(self, word: str, context: Sequence[str] = ()) -> float:
        """:math:`\\log_2` of :meth:`score` (``-inf`` for probability zero)."""
        p = self.score(word, context)
        return -math.inf if p == 0.0 else math.log(p, 2)

    def ngrams_of(self, sentences: Iterable[Sequence[str]]) -> list[tuple[str, ...]]:
        """The highest-order n-grams of padded sentences (the events perplexity scores)."""
        n = self.order
        out = []
        for s in sentences:
            padded = pad_sentence(s, n)
            out += [tuple(padded[i : i + n]) for i in range(len(padded) - n + 1)]
        return out

    def entropy(self, ngrams: Iterable[Sequence[str]]) -> float:
        """Cross-entropy in bits per n-gram: :math:`-\\frac1N\\sum\\log_2 P(w \\mid h)`."""
        probs = self._score_grams(list(ngrams))
        if not probs:
            raise ValueError("cannot compute entropy of an empty list of n-grams.")
        scores = [-math.inf if p == 0.0 else math.log(p, 2) for p in probs]
        return -1 * (math.fsum(scores) / len(scores))

    def perplexity(self, ngrams: Iterable[Sequence[str]]) -> float:
        """:math:`2^{H}`; infinite when some n-gram has probability zero (MLE)."""
        return pow(2.0, self.entropy(ngrams))

    def generate(
        self, num_words: int = 10, context: Sequence[str] = (), random_state: int | None = None
    ) -> list[str]:
        """Sample ``num_words`` words one at a time from :meth:`score`, stopping at
        ``</s>``. The same ``random_state`` gives the same words."""
        self._check()
        rng = np.random.default_rng(random_state)
        vocab = [*self.vocab_.words, UNK]  # ids 0..|V|-1 in this order
        history = self._encode([BOS] * (self.order - 1) + list(context))
        everyone = np.arange(len(vocab))
        out: list[str] = []
        for _ in range(num_words):
            ctx = history[len(history) - (self.order - 1) :] if self.order > 1 else []
            p = self._scores(everyone, np.tile(np.array(ctx, np.int64), (len(vocab), 1)))
            if p.sum() <= 0:
                break
            word = vocab[rng.choice(len(vocab), p=p / p.sum())]
            if word == EOS:
                break
            out.append(word)
            history.append(self._ids[word])
        return out

    # -- inspection: the counts as dictionaries of words, built on first access --------
    @cached_property
    def counts_(self) -> dict[tuple[str, ...], Counter[str]]:
        """``counts_[h][w]`` = :math:`c(h, w)` for every context of length ``0..n-1``."""
        self._check()
        t, grams = self._trie, self._grams
        out: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
        for k in range(1, self.order + 1):
            for g, c in zip(grams[k], t.count[k].tolist(), strict=True):
                out[g[:-1]][g[-1]] = c
        return dict(out)

    @cached_property
    def totals_(self) -> dict[tuple[str, ...], int]:
        """:math:`c(h)`: the sum of ``counts_[h]``."""
        return {h: sum(c.values()) for h, c in self.counts_.items()}

    @cached_property
    def types_(self) -> dict[tuple[str, ...], int]:
        """:math:`N_{1+}(h\\,\\bullet)`: how many distinct words follow ``h``."""
        return {h: len(c) for h, c in self.counts_.items()}

    @cached_property
    def _grams(self) -> list[list[tuple[str, ...]]]:
        return self._trie.decode([*self.vocab_.words, UNK])


class MLE(TrieNgramModel):
    """Maximum likelihood: :math:`c(h,w)/c(h)` (``nltk.lm.MLE``)."""

    def _scores(self, words: np.ndarray, contexts: np.ndarray) -> np.ndarray:
        c, total = _raw_counts(self._trie, words, contexts)
        return np.where(total == 0, 0.0, c / np.maximum(total, 1))

    def _score1(self, word: int, context: tuple[int, ...]) -> float:
        c, total = _raw_count(self._trie, word, context)
        return 0.0 if total == 0 else c / total


class Lidstone(TrieNgramModel):
    """Add-:math:`k`: :math:`(c(h,w)+k)/(c(h)+k|V|)` (``nltk.lm.Lidstone``)."""

    def __init__(self, gamma: float, order: int, unk_cutoff: int = 1) -> None:
        super().__init__(order, unk_cutoff)
        self.gamma = gamma

    def _scores(self, words: np.ndarray, contexts: np.ndarray) -> np.ndarray:
        c, total = _raw_counts(self._trie, words, contexts)
        return (c + self.gamma) / (total + len(self.vocab_) * self.gamma)

    def _score1(self, word: int, context: tuple[int, ...]) -> float:
        c, total = _raw_count(self._trie, word, context)
        return (c + self.gamma) / (total + len(self.vocab_) * self.gamma)


class Laplace(Lidstone):
    """Add-one smoothing (``nltk.lm.Laplace``)."""

    def __init__(self, order: int, unk_cutoff: int = 1) -> None:
        super().__init__(1, order, unk_cutoff)


def _raw_counts(t: _Trie, words: np.ndarray, contexts: np.ndarray) -> tuple[np.ndarray, ...]:
    """:math:`c(h, w)` and :math:`c(h)` (zeros where unseen)."""
    L = contexts.shape[1]
    h, seen = t.find(contexts)
    g, hit = t.extend(L, h, words)
    return np.where(seen & hit, t.count[L + 1][g], 0), np.where(seen, t.total[L][h], 0)


def _raw_count(t: _Trie, word: int, context: tuple[int, ...]) -> tuple[int, int]:
    """:func:`_raw_counts` for one n-gram."""
    L, h = len(context), t.index(context)
    if h < 0:
        return 0, 0
    g = t.step(L, h, word)
    return (int(t.count[L + 1][g]) if g >= 0 else 0), int(t.total[L][h])


class JelinekMercerInterpolated(TrieNgramModel):
    """:class:`ladder.nlp.ngram.JelinekMercerInterpolated` on the array trie."""

    def __init__(self, lambda_: float, order: int, unk_cutoff: int = 1) -> None:
        super().__init__(order, unk_cutoff)
        self.lambda_ = lambda_

    def fit(self, sentences: Iterable[Sequence[str]]) -> JelinekMercerInterpolated:
        if not 0.0 <= self.lambda_ <= 1.0:
            raise ValueError(
                f"lambda_ must be between 0 and 1 (the weight of the longer context), got "
                f"{self.lambda_!r}; 0.5 to 0.9 are usual, tuned on held-out text."
            )
        super().fit(sentences)
        return self

    def _scores(self, words: np.ndarray, contexts: np.ndarray) -> np.ndarray:
        lam = self.lambda_
        c, total = _raw_counts(self._trie, words, contexts)
        ml = c / np.maximum(total, 1)
        if contexts.shape[1] == 0:
            return lam * ml + (1 - lam) / len(self.vocab_)
        lower = self._scores(words, contexts[:, 1:])
        return np.where(total > 0, lam * ml + (1 - lam) * lower, lower)

    def _score1(self, word: int, context: tuple[int, ...]) -> float:
        lam = self.lambda_
        c, total = _raw_count(self._trie, word, context)
        if not context:
            return lam * (c / total) + (1 - lam) / len(self.vocab_)
        lower = self._score1(word, context[1:])
        return lam * (c / total) + (1 - lam) * lower if total else lower


class KneserNeyInterpolated(TrieNgramModel):
    """Interpolated Kneser–Ney with absolute discount (``nltk.lm.KneserNeyInterpolated``)."""

    _continuation = True

    def __init__(self, order: int, discount: float = 0.1, unk_cutoff: int = 1) -> None:
        super().__init__(order, unk_cutoff)
        self.discount = discount

    def _scores(self, words: np.ndarray, contexts: np.ndarray) -> np.ndarray:
        t, d, L = self._trie, self.discount, contexts.shape[1]
        if L == 0:
            w, hit = t.extend(0, np.zeros(len(words), np.int64), words)
            return np.where(hit, t.cont[1][w], 0) / t.cont_total[0][0]
        h, seen = t.find(contexts)
        g, hit = t.extend(L, h, words)
        types = np.where(seen, t.types[L][h], 0)
        seen &= types > 0  # a context that never had a follower counts as unseen
        top = L + 1 == self.order  # raw counts at the highest order, continuations below
        c = np.where(seen & hit, (t.count if top else t.cont)[L + 1][g], 0)
        total = np.where(seen, (t.total if top else t.cont_total)[L][h], 1)
        alpha = np.where(seen, np.maximum(c - d, 0.0) / total, 0.0)
        gamma = np.where(seen, d * types / total, 1.0)
        return alpha + gamma * self._scores(words, contexts[:, 1:])

    def _score1(self, word: int, context: tuple[int, ...]) -> float:
        t, d, L = self._trie, self.discount, len(context)
        if L == 0:
            w = t.step(0, 0, word)
            return (int(t.cont[1][w]) if w >= 0 else 0) / int(t.cont_total[0][0])
        lower = self._score1(word, context[1:])
        h = t.index(context)
        types = int(t.types[L][h]) if h >= 0 else 0
        if types == 0:  # unseen context: alpha = 0, gamma = 1 passes the mass down
            return lower
        top = L + 1 == self.order
        g = t.step(L, h, word)
        c = int((t.count if top else t.cont)[L + 1][g]) if g >= 0 else 0
        total = int((t.total if top else t.cont_total)[L][h])
        return max(c - d, 0.0) / total + d * types / total * lower

    @cached_property
    def continuation_(self) -> Counter[tuple[str, ...]]:
        """:math:`N_{1+}(\\bullet\\,g)` for every gram ``g`` of length ``1..n-1``."""
        self._check()
        grams = self._grams
        return Counter(
            {
                g: c
                for k in range(1, self.order)
                for g, c in zip(grams[k], self._trie.cont[k].tolist(), strict=True)
                if c
            }
        )

    @cached_property
    def continuation_total_(self) -> Counter[tuple[str, ...]]:
        """:math:`N_{1+}(\\bullet\\,h\\,\\bullet)` for every context of length ``0..n-2``."""
        self._check()
        grams = self._grams
        return Counter(
            {
                h: c
                for k in range(self.order - 1)
                for h, c in zip(grams[k], self._trie.cont_total[k].tolist(), strict=True)
                if c
            }
        )
