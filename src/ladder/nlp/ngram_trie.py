r"""The n-gram models of :mod:`ladder.nlp.ngram`, counted in sorted integer arrays.

Same classes, same API, same floats as the lesson's dictionary version
(``tests/nlp/test_ngram.py`` holds them together and against ``nltk.lm``); this one fits
Tiny Shakespeare trigrams in a few hundredths of a second (``nltk.lm``: about three
seconds) and scores many n-grams at once with arrays.

**How counting is made fast**: words get integer ids in order of first appearance (one
dictionary look-up per token: the only per-token work in Python, and half of the fit)
and the padded sentences become one array of *codes*, id + 1, with zeros after each
``</s>``. The n codes that start at each position are packed into one int64 (first word
highest) and sorted once: for every k, the k-grams are the runs of equal top k codes, and
their counts are the run lengths. The distinct k-grams are a *trie in sorted arrays*: a
k-gram's key is ``index of its first k-1 words << bits | code of its last word``, so each
order is sorted like the word tuples, a context's followers are one contiguous block
(:math:`N_{1+}(h\bullet)` is its length) and looking an n-gram up is one
``np.searchsorted`` per word. Kneser–Ney's continuation counts :math:`N_{1+}(\bullet g)`
group each order by its last k-1 words: a ``np.bincount`` of the bigrams' last words, one
more sort for the longer grams. A run that reaches past ``</s>`` is kept as a
placeholder (code 0, never found by a look-up) rather than filtered out: the fit is
bound by memory, and every pass it does not make counts. When n codes do not fit in 63
bits (a huge vocabulary or a long order), the same arrays are built one order at a time
from each position's (k-1)-gram index (``_Trie._ranked``).
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


def _runs(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The runs of equal values (sorted input): a mask of where each starts, with one more
    element (True) at the end, and the indices where it is True (the starts, then
    ``len(values)``, so ``np.diff`` of them is the runs' lengths)."""
    new = np.empty(len(values) + 1, bool)
    new[0] = new[-1] = True
    np.not_equal(values[1:], values[:-1], out=new[1:-1])
    return new, np.flatnonzero(new)


def _spread(suffix: np.ndarray, full: np.ndarray) -> np.ndarray:
    """How many times each element of ``full`` occurs in ``suffix`` (both sorted, the
    distinct values of ``suffix`` a subset of ``full``, which has no repeats). The
    suffixes of the k-grams are nearly all the (k-1)-grams (all but the ``<s> <s> ...``
    that only starts lines), so each missing element is found by bisection and the run
    lengths are written around it: cheaper than a search for each."""
    at = _runs(suffix)[1]  # where each distinct suffix starts, then len(suffix)
    missing = len(full) - (len(at) - 1)
    out = np.zeros(len(full), np.int64)
    if missing > 8:
        out[np.searchsorted(full, suffix[at[:-1]])] = np.diff(at)
        return out
    lo = done = 0
    for skipped in range(missing + 1):
        hi = len(at) - 1  # the first i >= lo where full[i + skipped] != suffix[at[i]]
        if skipped == missing:  # the rest
            lo = hi
        while lo < hi:
            mid = (lo + hi) // 2
            if full[mid + skipped] == suffix[at[mid]]:
                lo = mid + 1
            else:
                hi = mid
        # suffixes done..lo-1 sit at full[done + skipped ..]; full[lo + skipped] is missing
        np.subtract(at[done + 1 : lo + 1], at[done:lo], out=out[done + skipped : lo + skipped])
        done = lo
    return out


class _Trie:
    """Every distinct k-gram of the padded sentences, ``k = 0..n``, as sorted int64 keys.

    ``codes`` holds each sentence's word ids + 1, followed by ``n - 1`` zeros (nothing:
    a k-gram that reaches a zero does not fit in its sentence). A k-gram's key is
    ``index of its first k-1 words among the (k-1)-grams << bits | code of its last
    word``, so the keys of each order are sorted like the word tuples themselves
    (lexicographically) and a gram's followers are one contiguous block. A gram that
    reaches past ``</s>`` is kept as a *placeholder* with code 0: no look-up finds it
    (words' codes start at 1), its count is the number of times its parent ends a
    sentence, and nothing else counts it. Per order: ``count`` (raw counts), ``total``
    and ``types`` (sum and number of the followers of a gram used as a context), and for
    Kneser–Ney ``cont`` (:math:`N_{1+}(\\bullet g)`) and ``cont_total``
    (:math:`N_{1+}(\\bullet g \\bullet)`).
    """

    def __init__(self, codes: np.ndarray, n: int, B: int, continuation: bool) -> None:
        self.bits = b = max(B.bit_length(), 1)  # codes are 1..B; 0 is past the end
        self.keys, self.count = [np.zeros(1, np.int64)], [np.zeros(1, np.int64)]
        self.total, self.types, self.cont = [], [], [np.zeros(1, np.int64)]
        self.ends: list[np.ndarray] = [np.zeros(0, np.int64)]
        if n * b <= _PACKED_BITS:
            self._packed(codes, n, b, continuation)
        else:
            self._ranked(codes, n, b, continuation)
        self.count[0][0] = self.total[0][0]
        self.cont_total = []
        for k in range(n - 1 if continuation else 0):
            self.cont[k + 1][self.ends[k + 1]] = 0  # placeholders continue nothing
            parent = self.keys[k + 1] >> b
            cont = np.bincount(parent, self.cont[k + 1], len(self.keys[k]))
            self.cont_total.append(cont.astype(np.int64))
        # The n-grams are never a context, nor counted by continuation (their raw counts
        # are used): empty arrays keep the lists aligned with the orders.
        self.types.append(np.zeros(0, np.int64))
        self.total.append(self.types[-1])
        self.cont.append(self.types[-1])
        del self.ends

    def _add(
        self, parent: np.ndarray, code: np.ndarray, count: np.ndarray, types: np.ndarray
    ) -> None:
        """The next order's grams: their parents (sorted; the keys are made in their
        place), last codes (0: a placeholder), counts, and how many grams follow each
        parent (placeholders included)."""
        if len(self.keys) == 1:  # the unigrams: every word follows the empty context
            total = np.array([count.sum()])
        else:  # a gram's count, less the times it ends a sentence (its placeholder's)
            total = self.count[-1].copy()
        ends = np.flatnonzero(code == 0)
        total[parent[ends]] -= count[ends]
        types[parent[ends]] -= 1
        parent <<= self.bits
        parent |= code
        self.keys.append(parent)
        self.count.append(count)
        self.total.append(total)
        self.types.append(types)
        self.ends.append(ends)

    def _packed(self, codes: np.ndarray, n: int, b: int, continuation: bool) -> None:
        """All orders from one sort: the n codes from each position packed in one int64
        (first word highest) and sorted; the distinct windows are the n-grams, and the
        (k-1)-grams are the runs of equal top k-1 codes among the k-grams (a gram whose
        last code is 0 is a placeholder). The fit is bound by memory, so the big arrays
        are freed or reused as soon as they are done with."""
        T, mask = len(codes) - (n - 1), (1 << b) - 1
        packed = codes[:T].astype(np.int64)
        for i in range(1, n):
            packed <<= b
            packed |= codes[i : i + T]
        packed.sort()
        packed = packed[np.searchsorted(packed, 1 << (b * (n - 1))) :]  # a word starts
        # The distinct windows are the n-grams; from the top order down, the (k-1)-grams
        # are the runs of equal top k-1 codes among the k-grams. For each order k:
        #   value[k]   the k-grams' codes, packed (sorted);
        #   before[k]  how many windows sort before each k-gram, then how many there are
        #              (np.diff: the k-grams' counts);
        #   new[k]     whether a k-gram's first k-1 codes differ from the previous one's;
        #   follow[k]  k-gram i is followed by the (k+1)-grams follow[k][i]:follow[k][i+1].
        value, before, new, follow = {}, {}, {}, {}
        before[n] = _runs(packed)[1]
        value[n] = packed[before[n][:-1]]
        del packed
        for k in range(n - 1, 0, -1):
            prefix = value[k + 1] >> b
            new[k + 1], follow[k] = _runs(prefix)
            value[k], before[k] = prefix[follow[k][:-1]], before[k + 1][follow[k]]
            del prefix
        for k in range(1, n + 1):
            count = np.diff(before[k])
            if k == 1:  # every word follows the empty context
                parent, types = np.zeros(len(count), np.int64), np.array([len(count)])
            else:  # the (k-1)-gram each k-gram extends (new: the first of its block)
                parent = before[k][1:]  # (done with: its memory is reused)
                np.copyto(parent, new[k][:-1])
                np.cumsum(parent, out=parent)
                parent -= 1
                types = np.diff(follow[k - 1])
            suffix = None  # N1+(. g) for k > 2: the k-grams whose last k-1 words are g
            if continuation and k > 2:
                low, wide = (1 << (b * (k - 1))) - 1, b * (k - 1) > 31
                suffix = value[k] & low if wide else value[k].astype(np.int32)  # (low bits)
                if not wide:  # an int32 sorts twice as fast
                    suffix &= low
            if k < n:
                code = value[k] & mask
            else:  # the n-grams' values are done with
                code = value[k]
                code &= mask
            self._add(parent, code, count, types)
            if continuation and k == 2:  # N1+(. w): the bigrams whose last word is w
                self.cont.append(np.bincount(code, minlength=mask + 1)[value[1]])
            elif suffix is not None:
                suffix.sort()
                suffix = suffix[np.searchsorted(suffix, 1) :]  # past </s> twice: no gram
                self.cont.append(_spread(suffix, value[k - 1]))

    def _ranked(self, codes: np.ndarray, n: int, b: int, continuation: bool) -> None:
        """One order at a time, for keys too wide to pack in 63 bits: the k-gram starting
        at a position is the index of its first k-1 words and its k-th code."""
        pos = np.flatnonzero(codes[: len(codes) - (n - 1)])  # positions that start a gram
        rank = np.zeros(len(codes), np.int64)  # each position's (k-1)-gram index
        for k in range(1, n + 1):
            key = rank[pos] << b | codes[pos + (k - 1)]
            order = np.argsort(key)
            key = key[order]
            at = _runs(key)[1]
            parent, count = key[at[:-1]] >> b, np.diff(at)
            types = np.bincount(parent, minlength=len(self.keys[-1]))
            self._add(parent, key[at[:-1]] & ((1 << b) - 1), count, types)
            if continuation and k > 1:  # the suffix of the k-gram at p: (k-1)-gram at p + 1
                p = pos[order[at[:-1]]] + 1
                p = p[codes[p + (k - 2)] != 0]  # placeholders continue nothing
                self.cont.append(np.bincount(rank[p], minlength=len(self.keys[k - 1])))
            if k < n:
                rank = np.zeros(len(codes), np.int64)
                rank[pos[order]] = np.repeat(np.arange(len(count)), count)

    def counts(self, k: int) -> np.ndarray:
        """The raw counts of the k-grams, placeholders left out."""
        return self.count[k][(self.keys[k] & ((1 << self.bits) - 1)) != 0]

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

    def decode(self, words: list[str]) -> list[list[tuple[str, ...] | None]]:
        """The k-grams of every order as word tuples, ``None`` for the placeholders (for
        inspection only)."""
        grams: list[list[tuple[str, ...] | None]] = [[()]]
        mask = (1 << self.bits) - 1
        for k in range(1, len(self.keys)):
            prev = grams[-1]
            grams.append(
                [
                    prev[key >> self.bits] + (words[(key & mask) - 1],) if key & mask else None
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
        for w in (BOS, EOS) if m else (EOS,):  # the padding, where the text had none
            if w not in ids:
                ids[w] = len(words)
                words.append(w)
        self._counted = words[:], None  # for vocab_ (counted from the unigrams unless below)
        self._V = len(words) + 1  # len(vocab_): the words kept and <UNK>
        unk = ids.get(UNK, len(words))
        if unk == len(words):
            words.append(UNK)
        if self.unk_cutoff > 1:  # rare words become <UNK>
            freq = np.bincount(tokens, minlength=len(self._counted[0]))
            freq[ids[EOS]] += len(sents)
            if m:
                freq[ids[BOS]] += m * len(sents)
            self._counted = self._counted[0], freq
            kept = freq >= self.unk_cutoff
            self._V = int(kept.sum()) + 1
            to_id = np.arange(len(words), dtype=np.int32)
            to_id[np.flatnonzero(~kept)] = unk
            tokens = to_id[tokens]
            ids = {w: i for w, i in ids.items() if i == unk or kept[i]}
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
        tokens += 1
        codes[shift] = tokens
        del tokens, shift
        self._trie = _Trie(codes, n, len(words), self._continuation)
        return self

    @cached_property
    def vocab_(self) -> Vocabulary:
        """The vocabulary (words seen at least ``unk_cutoff`` times, padding included)."""
        self._check()
        words, freq = self._counted
        if freq is None:  # every word kept: the unigram counts are the frequencies
            t = self._trie
            freq = np.zeros(len(words), np.int64)
            freq[(t.keys[1] & ((1 << t.bits) - 1)) - 1] = t.count[1]
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
                if g is not None:
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
    def _grams(self) -> list[list[tuple[str, ...] | None]]:
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
