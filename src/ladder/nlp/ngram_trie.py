r"""The n-gram models of :mod:`ladder.nlp.ngram`, counted in sorted integer arrays.

Same classes, same API, same floats as the lesson's dictionary version
(``tests/nlp/test_ngram.py`` holds them together and against ``nltk.lm``); this one fits
Tiny Shakespeare trigrams in a few hundredths of a second (``nltk.lm``: about three
seconds) and scores many n-grams at once with arrays.

**How counting is made fast**: words get integer ids in order of first appearance (one
dictionary look-up per token: the only per-token work in Python, and a third of the fit)
and the padded sentences become one array of *codes*, id + 1, with zeros after each
``</s>``. The n codes that start at each position are packed into one int64 (first word
highest) and sorted once: for every k, the k-grams are the runs of equal top k codes, and
their counts are the run lengths. The distinct k-grams are a *trie in sorted arrays*: a
k-gram's key is ``index of its first k-1 words << bits | code of its last word``, so each
order is sorted like the word tuples, a context's followers are one contiguous block
(:math:`N_{1+}(h\bullet)` is a ``np.bincount`` of the parents) and looking an n-gram up is
one ``np.searchsorted`` per word. Kneser–Ney's continuation counts
:math:`N_{1+}(\bullet g)` group each order by its last k-1 words: one more sort. When n
codes do not fit in 63 bits (a huge vocabulary or a long order), the same arrays are
built one order at a time from each position's (k-1)-gram index (``_Trie._ranked``).
Scores are computed with arrays for many n-grams at once (perplexity, sampling) and in
plain Python for one ``score`` call, both with the same float operations, in the same
order, as ``nltk.lm``. The dictionaries ``counts_``, ``totals_``, ``types_`` (and
Kneser–Ney's ``continuation_``) are built from the arrays on first access, to inspect a
model.

>>> lm = KneserNeyInterpolated(2).fit([["a", "b", "c"], ["a", "c"]])
>>> lm.score("c", ["a"])  # (1 - 0.1)/2 + (0.1 * 2/2) * P_cont(c), P_cont(c) = 2/5
0.49
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import cached_property
from itertools import chain, count

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


_PACKED_BITS = 63  # widest n-gram key sorted in one pass (int64, sign bit free)


def _new(values: np.ndarray) -> np.ndarray:
    """Where ``values`` differs from the element before: the runs' starts (sorted input)."""
    new = np.empty(len(values), bool)
    new[:1] = True
    np.not_equal(values[1:], values[:-1], out=new[1:])
    return new


def _positions(sub: np.ndarray, full: np.ndarray) -> np.ndarray:
    """Where each element of ``sub`` is in ``full`` (both sorted and distinct, ``sub`` a
    subset). The suffixes of the k-grams are nearly all the (k-1)-grams (all but the
    ``<s> <s> ...`` that only starts lines), so a few shifts usually beat a search."""
    missing = len(full) - len(sub)
    if missing > 8:
        return np.searchsorted(full, sub)
    at, start = np.arange(len(sub)), 0
    for _ in range(missing):  # each missing element moves the rest one place on
        wrong = np.flatnonzero(full[at[start:]] != sub[start:])
        if not len(wrong):
            break
        start += int(wrong[0])
        at[start:] += 1
    return at


class _Trie:
    """Every distinct k-gram of the padded sentences, ``k = 0..n``, as sorted int64 keys.

    ``codes`` holds each sentence's word ids + 1, followed by ``n - 1`` zeros (nothing:
    a k-gram that reaches a zero does not fit in its sentence). A k-gram's key is
    ``index of its first k-1 words among the (k-1)-grams << bits | code of its last
    word``, so the keys of each order are sorted like the word tuples themselves
    (lexicographically) and a gram's followers are one contiguous block. Per order:
    ``count`` (raw counts), ``total`` and ``types`` (sum and number of the followers of
    a gram used as a context), and for Kneser–Ney ``cont`` (:math:`N_{1+}(\\bullet g)`)
    and ``cont_total`` (:math:`N_{1+}(\\bullet g \\bullet)`).
    """

    def __init__(self, codes: np.ndarray, n: int, B: int, continuation: bool) -> None:
        self.bits = b = max(B.bit_length(), 1)  # codes are 1..B; 0 is past the end
        self.keys, self.count = [np.zeros(1, np.int64)], [np.zeros(1, np.int64)]
        self.total, self.types, self.cont, self.parent = [], [], [np.zeros(1, np.int64)], [None]
        if n * b <= _PACKED_BITS:
            self._packed(codes, n, b, continuation)
        else:
            self._ranked(codes, n, b, continuation)
        self.count[0][0] = self.total[0][0]
        self.cont_total = []
        for k in range(n - 1 if continuation else 0):
            cont = np.bincount(self.parent[k + 1], self.cont[k + 1], len(self.keys[k]))
            self.cont_total.append(cont.astype(np.int64))
        # The n-grams are never a context, nor counted by continuation (their raw counts
        # are used): empty arrays keep the lists aligned with the orders.
        self.types.append(np.zeros(0, np.int64))
        self.total.append(self.types[-1])
        self.cont.append(self.types[-1])
        del self.parent

    def _add(self, parent: np.ndarray, code: np.ndarray, count: np.ndarray) -> None:
        """The next order's grams: their parents (sorted), last codes and counts."""
        size = len(self.keys[-1])  # the previous order: the contexts
        self.types.append(np.bincount(parent, minlength=size))
        if len(self.keys) == 1:  # the unigrams: every word follows the empty context
            self.total.append(np.array([count.sum()]))
        else:  # a gram's count, less the times it ends a sentence (the builders do that)
            self.total.append(self.count[-1].copy())
        self.parent.append(parent)
        self.keys.append(parent << self.bits | code)
        self.count.append(count)

    def _packed(self, codes: np.ndarray, n: int, b: int, continuation: bool) -> None:
        """All orders from one sort: the n codes from each position packed in one int64
        (first word highest) and sorted; the k-grams are the runs of equal top k codes.
        A run whose k-th code is 0 (past ``</s>``) is no gram; its count is the number of
        times its (k-1)-gram ends a sentence, so it is taken from that gram's total."""
        T, mask = len(codes) - (n - 1), (1 << b) - 1
        packed = codes[:T].astype(np.int64)
        for i in range(1, n):
            packed <<= b
            packed |= codes[i : i + T]
        packed.sort()
        packed = packed[np.searchsorted(packed, 1 << (b * (n - 1))) :]  # a word starts
        new = _new(packed)  # the distinct windows of n codes, and their counts
        starts = np.flatnonzero(new)
        window, counts = packed[starts], np.diff(starts, append=len(packed))
        del packed, new, starts  # (the fit is bound by memory: free what is done with)
        cumulative = np.zeros(len(window) + 1, np.int64)
        np.cumsum(counts, out=cumulative[1:])
        previous = np.zeros(0, np.int64)  # the previous order's grams, packed on k-1 codes
        upper = rank = previous  # the previous order's run starts, and grams' indices
        for k in range(1, n + 1):
            if k < n:  # the runs of equal top k codes among the windows
                prefix = window >> (b * (n - k))
                new = _new(prefix)
                starts = np.flatnonzero(new)
                value = prefix[starts]
                count = np.diff(cumulative[np.append(starts, len(window))])
                del prefix
            else:  # the windows themselves
                value, count, new = window, counts, None
            # Each run's (k-1)-run: its index among all runs, then among the grams.
            if k == 1:
                run = np.zeros(len(value), np.int64)
            else:
                run = np.cumsum(upper if k == n else upper[starts])
                run -= 1
            fits = (value & mask) != 0
            ended = None
            if not fits.all():  # runs past </s>: no grams, but their (k-1)-grams end lines
                ends = ~fits & ((value >> b & mask) != 0)
                ended = rank[run[ends]], count[ends]
                value, count, run = value[fits], count[fits], run[fits]
            parent = rank[run] if k > 1 else run
            self._add(parent, value & mask, count)
            if ended is not None:  # a context's total: the times a word follows it
                self.total[-1][ended[0]] -= ended[1]
            if continuation and k > 1:  # N1+(. g): the k-grams whose last k-1 words are g
                suffix = value & ((1 << (b * (k - 1))) - 1)
                suffix.sort()
                starts = np.flatnonzero(_new(suffix))
                cont = np.zeros(len(previous), np.int64)
                cont[_positions(suffix[starts], previous)] = np.diff(starts, append=len(suffix))
                self.cont.append(cont)
            if k < n:
                previous, upper = value, new
                rank = np.cumsum(fits)  # each run's index among the grams (where one)
                rank -= 1

    def _ranked(self, codes: np.ndarray, n: int, b: int, continuation: bool) -> None:
        """One order at a time, for keys too wide to pack in 63 bits: the k-gram starting
        at a position is the index of its first k-1 words and its k-th code."""
        pos = np.arange(len(codes) - (n - 1))  # positions that may start a gram
        rank = np.zeros(len(codes), np.int64)  # each position's (k-1)-gram index
        for k in range(1, n + 1):
            code = codes[pos + (k - 1)].astype(np.int64)
            ended = rank[pos[code == 0]]  # (k-1)-grams that end a sentence
            pos, code = pos[code != 0], code[code != 0]  # the grams that fit
            key = rank[pos] << b | code
            order = np.argsort(key)
            key = key[order]
            starts = np.flatnonzero(_new(key))
            count = np.diff(starts, append=len(key))
            self._add(key[starts] >> b, key[starts] & ((1 << b) - 1), count)
            if k > 1:  # a context's total: the times a word follows it
                self.total[-1] -= np.bincount(ended, minlength=len(self.total[-1]))
            if continuation and k > 1:  # the suffix of the k-gram at p: (k-1)-gram at p + 1
                suffix = rank[pos[order[starts]] + 1]
                self.cont.append(np.bincount(suffix, minlength=len(self.keys[k - 1])))
            if k < n:
                rank = np.zeros(len(codes), np.int64)
                rank[pos[order]] = np.repeat(np.arange(len(starts)), count)

    def extend(self, k: int, idx: np.ndarray, word: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Index among the (k+1)-grams of k-gram ``idx`` + ``word``, and whether it exists."""
        keys = self.keys[k + 1]
        query = idx << self.bits | (word + 1)
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
        query = idx << self.bits | (word + 1)
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
        mask = (1 << self.bits) - 1
        for k in range(1, len(self.keys)):
            prev = grams[-1]
            grams.append(
                [
                    prev[key >> self.bits] + (words[(key & mask) - 1],)
                    for key in self.keys[k].tolist()
                ]
            )
        return grams


_INSPECTION = {
    "vocab_",
    "_grams",
    "counts_",
    "totals_",
    "types_",
    "continuation_",
    "continuation_total_",
}


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
        lens = np.fromiter(map(len, sents), np.int64, len(sents))
        for key in self.__dict__.keys() & _INSPECTION:
            del self.__dict__[key]  # inspection dictionaries of a previous fit
        # Ids in order of first appearance (a missing key gets the next number): one
        # dictionary look-up per token, the only per-token work in Python.
        ids: dict[str, int] = defaultdict(count().__next__)
        tokens = np.fromiter(
            map(ids.__getitem__, chain.from_iterable(sents)), np.int32, int(lens.sum())
        )
        ids.default_factory = None  # type: ignore[attr-defined]
        words = list(ids)
        freq = np.bincount(tokens, minlength=len(words))
        for w, c in ((BOS, m * len(sents)), (EOS, len(sents))):
            if c and w in ids:
                freq[ids[w]] += c
            elif c:
                ids[w] = len(words)
                words.append(w)
                freq = np.append(freq, c)
        self._counted = words[:], freq  # for vocab_
        kept = freq >= self.unk_cutoff
        self._V = int(kept.sum()) + 1  # len(vocab_): the words kept and <UNK>
        unk = ids.get(UNK, len(words))
        if unk == len(words):
            words.append(UNK)
        if not kept.all():  # rare words become <UNK>
            to_id = np.arange(len(words), dtype=np.int32)
            to_id[np.flatnonzero(~kept)] = unk
            tokens = to_id[tokens]
            ids = {w: i for w, i in ids.items() if kept[i]}
        ids[UNK] = self._unk = unk
        self._ids, self._words = ids, words  # word -> id, id -> word
        # The padded sentences as codes (id + 1): sentence i is m <s>, its words, one
        # </s>, then m zeros (no word), and ends at ends[i].
        P = lens + 2 * m + 1
        ends = np.cumsum(P)
        codes = np.zeros(int(ends[-1]), np.int32)
        codes[ends - m - 1] = ids.get(EOS, unk) + 1
        if m:
            codes[((ends - P)[:, None] + np.arange(m)).ravel()] = ids.get(BOS, unk) + 1
        # Token j (0-based, over all sentences) of sentence i sits at j + i (2m + 1) + m.
        shift = np.repeat(np.arange(len(sents), dtype=np.int32) * (2 * m + 1) + m, lens)
        shift += np.arange(len(tokens), dtype=np.int32)
        codes[shift] = tokens + 1
        del tokens, shift
        self._trie = _Trie(codes, n, len(words), self._continuation)
        return self

    @cached_property
    def vocab_(self) -> Vocabulary:
        """The vocabulary (words seen at least ``unk_cutoff`` times, padding included)."""
        self._check()
        words, freq = self._counted
        return Vocabulary.from_counts(
            Counter(dict(zip(words, freq.tolist(), strict=True))), self.unk_cutoff
        )

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
        vocab = self._words
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
        vocab = [*self.vocab_.words, UNK]  # sampled in this order, as ngram.py does
        history = self._encode([BOS] * (self.order - 1) + list(context))
        everyone = np.array(self._encode(vocab), np.int64)
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
        return self._trie.decode(self._words)


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
        return (c + self.gamma) / (total + self._V * self.gamma)

    def _score1(self, word: int, context: tuple[int, ...]) -> float:
        c, total = _raw_count(self._trie, word, context)
        return (c + self.gamma) / (total + self._V * self.gamma)


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
            return lam * ml + (1 - lam) / self._V
        lower = self._scores(words, contexts[:, 1:])
        return np.where(total > 0, lam * ml + (1 - lam) * lower, lower)

    def _score1(self, word: int, context: tuple[int, ...]) -> float:
        lam = self.lambda_
        c, total = _raw_count(self._trie, word, context)
        if not context:
            return lam * (c / total) + (1 - lam) / self._V
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
