r"""N-gram language models: counts, MLE, add-k smoothing, interpolated Kneser–Ney.

A sentence is padded with :math:`n-1` ``<s>`` on the left and one ``</s>`` on the right
(the convention of Jurafsky & Martin's *Speech and Language Processing*, 3rd ed., ch. 3),
and every n-gram of every order :math:`1..n` is counted. One ``</s>`` per sentence at
every order means models of different orders are scored on the same events (each word
and each sentence end), so their perplexities compare. With :math:`c(\cdot)` the counts,
context :math:`h` (the previous :math:`n-1` words) and vocabulary size :math:`|V|`:

* **MLE**: :math:`P(w\mid h) = c(h,w)/c(h)` (zero for unseen pairs);
* **Lidstone** (add-:math:`k`): :math:`P(w\mid h) = (c(h,w)+k)/(c(h)+k|V|)`;
  **Laplace** is :math:`k=1`;
* **Jelinek–Mercer interpolation** with weight :math:`\lambda`:
  :math:`P(w\mid h) = \lambda\,c(h,w)/c(h) + (1-\lambda)\,P(w\mid h')`, ending in
  :math:`\lambda\,c(w)/N + (1-\lambda)/|V|`;
* **interpolated Kneser–Ney** with discount :math:`d`:

  .. math:: P(w\mid h) = \frac{\max(c^*(h,w)-d, 0)}{c^*(h)} +
            \frac{d\,N_{1+}(h\,\bullet)}{c^*(h)}\,P(w\mid h')

  where :math:`h'` drops the oldest word, :math:`c^*` is the raw count at the highest
  order and the **continuation count** :math:`N_{1+}(\bullet\,h\,w)` (how many distinct
  words precede :math:`h\,w`) below it, and the unigram level is
  :math:`N_{1+}(\bullet w)/N_{1+}(\bullet\bullet)`. An unseen context passes its whole
  mass down (:math:`\alpha=0, \gamma=1`).

**Perplexity** is :math:`2^{H}` with :math:`H = -\frac1N\sum \log_2 P(w_i\mid h_i)`.

The vocabulary keeps words seen at least ``unk_cutoff`` times; others are looked up as
``<UNK>``; :math:`|V|` counts ``<UNK>``. These are the definitions of ``nltk.lm``
(``MLE``, ``Laplace``, ``Lidstone``, ``KneserNeyInterpolated``): fitted on the same padded
sentences (``padded_everygrams``; nltk's own ``pad_both_ends`` would add :math:`n-1`
``</s>``), scores agree to 1e-12 (``tests/nlp/test_ngram.py``).

This module is the lesson's version: ``fit`` counts every n-gram into dictionaries
(``counts_[h][w]`` is :math:`c(h, w)`) and ``score`` reads them, one n-gram at a time.
:mod:`ladder.nlp.ngram_trie` has the same models on integer ids in sorted arrays —
tens of times faster to fit and to score many n-grams, the same floats (a parity test
holds the two together) — for real corpora such as Tiny Shakespeare.

>>> lm = KneserNeyInterpolated(2).fit([["a", "b", "c"], ["a", "c"]])
>>> lm.score("c", ["a"])  # (1 - 0.1)/2 + (0.1 * 2/2) * P_cont(c), P_cont(c) = 2/5
0.49
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import cached_property

import numpy as np

__all__ = [
    "BOS",
    "EOS",
    "UNK",
    "pad_sentence",
    "padded_everygrams",
    "Vocabulary",
    "NgramLanguageModel",
    "MLE",
    "Lidstone",
    "Laplace",
    "JelinekMercerInterpolated",
    "KneserNeyInterpolated",
]

BOS, EOS, UNK = "<s>", "</s>", "<UNK>"


def pad_sentence(sentence: Sequence[str], n: int) -> list[str]:
    """``n-1`` ``<s>`` before and one ``</s>`` after.

    ``nltk.lm.preprocessing.pad_both_ends`` puts ``n-1`` ``</s>`` after: the extra ones are
    near-certain events that flatter higher orders, which then score more events.

    >>> pad_sentence(["i", "am"], 3)
    ['<s>', '<s>', 'i', 'am', '</s>']
    """
    return [BOS] * (n - 1) + list(sentence) + [EOS]


def padded_everygrams(sentence: Sequence[str], n: int) -> list[tuple[str, ...]]:
    """All n-grams of orders ``1..n`` of the padded sentence."""
    padded = pad_sentence(sentence, n)
    return [tuple(padded[i : i + k]) for k in range(1, n + 1) for i in range(len(padded) - k + 1)]


class Vocabulary:
    """Words seen at least ``unk_cutoff`` times, plus ``<UNK>`` for everything else."""

    def __init__(self, words: Iterable[str] = (), unk_cutoff: int = 1) -> None:
        if unk_cutoff < 1:
            raise ValueError(f"unk_cutoff must be at least 1, got {unk_cutoff}.")
        self.unk_cutoff = unk_cutoff
        self.counts = words if isinstance(words, Counter) else Counter(words)
        if unk_cutoff == 1 and min(self.counts.values(), default=1) >= 1:
            self.words = sorted(self.counts)  # every word counts (the common case, faster)
        else:
            self.words = sorted(w for w, c in self.counts.items() if c >= unk_cutoff)
        self._set = frozenset(self.words)

    @classmethod
    def from_counts(cls, counts: Counter[str], unk_cutoff: int = 1) -> Vocabulary:
        """A vocabulary from word counts already made (``Counter``), without recounting."""
        return cls(counts, unk_cutoff)

    def __contains__(self, word: str) -> bool:
        return word in self._set

    def __len__(self) -> int:
        return len(self.words) + 1 if self.counts else 0

    def lookup(self, word: str) -> str:
        """The word itself if in the vocabulary, else ``<UNK>``."""
        return word if word in self._set else UNK


def check_sentences(sentences: Iterable[Sequence[str]], order: int, kneser_ney: bool) -> list:
    """The sentences as a list of lists or tuples of words, or a clear error."""
    sents = list(sentences)
    kinds = set(map(type, sents))
    if any(issubclass(kind, str) for kind in kinds):
        s = next(s for s in sents if isinstance(s, str))
        raise TypeError(
            "fit expects tokenised sentences (lists of words), got a str "
            f"({s!r:.40}); split it first, e.g. simple_tokenize(text)."
        )
    if not kinds <= {list, tuple}:  # other iterables of words
        sents = [s if isinstance(s, (list, tuple)) else list(s) for s in sents]
    if kneser_ney and order < 2:
        raise ValueError(
            f"Kneser–Ney needs order >= 2 (continuation counts come from bigrams), got "
            f"{order}; use KneserNeyInterpolated(2) or a Lidstone unigram model."
        )
    if not sents:
        raise ValueError(
            "fit got no sentences, so there are no words to count; pass tokenised "
            'sentences such as [["to", "be"], ["or", "not"]].'
        )
    return sents


class NgramLanguageModel:
    """Counting, the scoring API, perplexity and sampling; subclasses define ``score``.

    ``fit(sentences)`` takes tokenised sentences (lists of words) and fills

    * ``vocab_`` — the :class:`Vocabulary` of the padded sentences;
    * ``counts_[h][w]`` — :math:`c(h, w)`, a ``Counter`` per context ``h`` (a tuple of
      ``0..n-1`` words; ``()`` holds the unigram counts);
    * ``totals_[h]`` — :math:`c(h)`, the number of n-grams with context ``h``;
    * ``types_[h]`` — :math:`N_{1+}(h\\,\\bullet)`, how many distinct words follow ``h``.
    """

    def __init__(self, order: int, unk_cutoff: int = 1) -> None:
        if order < 1:
            raise ValueError(f"order must be at least 1, got {order}.")
        self.order = order
        self.unk_cutoff = unk_cutoff

    def fit(self, sentences: Iterable[Sequence[str]]) -> NgramLanguageModel:
        n = self.order
        sents = check_sentences(sentences, n, isinstance(self, KneserNeyInterpolated))
        padded = [pad_sentence(s, n) for s in sents]
        self.vocab_ = Vocabulary((w for p in padded for w in p), self.unk_cutoff)
        counts: defaultdict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
        for p in padded:
            words = [self.vocab_.lookup(w) for w in p]
            for k in range(1, n + 1):  # every k-gram: context = its first k - 1 words
                for i in range(len(words) - k + 1):
                    counts[tuple(words[i : i + k - 1])][words[i + k - 1]] += 1
        for key in self.__dict__.keys() & {"continuation_", "continuation_total_"}:
            del self.__dict__[key]  # computed from the counts of a previous fit
        self.counts_ = dict(counts)
        self.totals_ = {h: sum(c.values()) for h, c in self.counts_.items()}
        self.types_ = {h: len(c) for h, c in self.counts_.items()}
        return self

    def _check(self) -> None:
        if "counts_" not in self.__dict__:
            raise RuntimeError(f"this {type(self).__name__} is not fitted; call fit(sentences).")

    def _context(self, word: str, context: Sequence[str]) -> tuple[str, tuple[str, ...]]:
        """The word and the last ``order - 1`` context words, unknown ones as ``<UNK>``."""
        self._check()
        if not isinstance(word, str):
            raise TypeError(f"word must be a str, got {type(word).__name__} ({word!r}).")
        for w in context:
            if not isinstance(w, str):
                raise TypeError(f"context words must be str, got {type(w).__name__} ({w!r}).")
        h = tuple(self.vocab_.lookup(w) for w in context)
        return self.vocab_.lookup(word), h[-(self.order - 1) :] if self.order > 1 else ()

    def count(self, ngram: Sequence[str]) -> int:
        """Raw count of an n-gram (``count(["to", "be"])``); 0 for unseen words."""
        self._check()
        if any(w not in self.vocab_ and w != UNK for w in ngram):
            return 0
        return self.counts_.get(tuple(ngram[:-1]), Counter())[ngram[-1]]

    def score(self, word: str, context: Sequence[str] = ()) -> float:
        """:math:`P(\\text{word} \\mid \\text{context})`; unknown words become ``<UNK>``."""
        raise NotImplementedError(
            f"{type(self).__name__} defines no score(word, context); subclass MLE, "
            "Lidstone or KneserNeyInterpolated, or define score."
        )

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
        self._check()
        scores = [self.logscore(g[-1], g[:-1]) for g in ngrams]
        if not scores:
            raise ValueError("cannot compute entropy of an empty list of n-grams.")
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
        vocab = [*self.vocab_.words, UNK]
        history = [BOS] * (self.order - 1) + [self.vocab_.lookup(w) for w in context]
        out: list[str] = []
        for _ in range(num_words):
            h = history[len(history) - (self.order - 1) :] if self.order > 1 else []
            p = np.array([self.score(w, h) for w in vocab])
            if p.sum() <= 0:
                break
            word = vocab[rng.choice(len(vocab), p=p / p.sum())]
            if word == EOS:
                break
            out.append(word)
            history.append(word)
        return out


class MLE(NgramLanguageModel):
    """Maximum likelihood: :math:`c(h,w)/c(h)` (``nltk.lm.MLE``)."""

    def score(self, word: str, context: Sequence[str] = ()) -> float:
        word, h = self._context(word, context)
        total = self.totals_.get(h, 0)
        return 0.0 if total == 0 else self.counts_[h][word] / total


class Lidstone(NgramLanguageModel):
    """Add-:math:`k`: :math:`(c(h,w)+k)/(c(h)+k|V|)` (``nltk.lm.Lidstone``)."""

    def __init__(self, gamma: float, order: int, unk_cutoff: int = 1) -> None:
        super().__init__(order, unk_cutoff)
        self.gamma = gamma

    def score(self, word: str, context: Sequence[str] = ()) -> float:
        word, h = self._context(word, context)
        c = self.counts_[h][word] if h in self.counts_ else 0
        return (c + self.gamma) / (self.totals_.get(h, 0) + len(self.vocab_) * self.gamma)


class Laplace(Lidstone):
    """Add-one smoothing (``nltk.lm.Laplace``)."""

    def __init__(self, order: int, unk_cutoff: int = 1) -> None:
        super().__init__(1, order, unk_cutoff)


class JelinekMercerInterpolated(NgramLanguageModel):
    r"""Linear interpolation of maximum-likelihood estimates (Jelinek & Mercer 1980, in the
    recursive form of Chen & Goodman 1998), one weight :math:`\lambda` for every order:

    .. math:: P(w \mid h) = \lambda\,\frac{c(h\,w)}{c(h)} + (1 - \lambda)\,P(w \mid h')

    where :math:`h'` drops the oldest word of :math:`h`; a context never seen passes its
    whole mass down, :math:`P(w \mid h) = P(w \mid h')`; and the recursion ends at
    :math:`P(w) = \lambda\,c(w)/N + (1 - \lambda)/|V|`, so no word gets probability 0.
    Unrolled, the orders get weights :math:`\lambda, \lambda(1-\lambda), \dots`.

    >>> lm = JelinekMercerInterpolated(0.5, 2).fit([["a", "b"], ["a", "c"]])
    >>> lm.score("b", ["a"])  # 0.5 * 1/2 + 0.5 * (0.5 * 1/8 + 0.5 / 6)
    0.32291666666666663

    (8 unigram events; :math:`|V| = 6` counts ``<s>``, ``</s>`` and ``<UNK>``.)
    """

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

    def score(self, word: str, context: Sequence[str] = ()) -> float:
        word, h = self._context(word, context)
        return self._interpolated(word, h)

    def _interpolated(self, word: str, h: tuple[str, ...]) -> float:
        lam = self.lambda_
        total = self.totals_.get(h, 0)
        c = self.counts_[h][word] if total else 0
        if not h:
            return lam * (c / total) + (1 - lam) / len(self.vocab_)
        lower = self._interpolated(word, h[1:])
        return lam * (c / total) + (1 - lam) * lower if total else lower


class KneserNeyInterpolated(NgramLanguageModel):
    """Interpolated Kneser–Ney with absolute discount (``nltk.lm.KneserNeyInterpolated``).

    Below the highest order it scores with continuation counts, read from the raw ones on
    first use: each distinct n-gram type ``v h w`` (``h`` maybe empty) adds one to
    ``continuation_[h + (w,)]`` and to ``continuation_total_[h]``.
    """

    def __init__(self, order: int, discount: float = 0.1, unk_cutoff: int = 1) -> None:
        super().__init__(order, unk_cutoff)
        self.discount = discount

    @cached_property
    def continuation_(self) -> Counter[tuple[str, ...]]:
        """:math:`N_{1+}(\\bullet\\,g)` for every gram ``g`` of length ``1..n-1``."""
        self._check()
        out: Counter[tuple[str, ...]] = Counter()
        for h, followers in self.counts_.items():
            if h:  # the type h + (w,) continues h[1:] + (w,) after the word h[0]
                for w in followers:
                    out[h[1:] + (w,)] += 1
        return out

    @cached_property
    def continuation_total_(self) -> Counter[tuple[str, ...]]:
        """:math:`N_{1+}(\\bullet\\,h\\,\\bullet)` for every context ``h`` of length
        ``0..n-2``."""
        self._check()
        out: Counter[tuple[str, ...]] = Counter()
        for h, followers in self.counts_.items():
            if h:
                out[h[1:]] += len(followers)
        return out

    def score(self, word: str, context: Sequence[str] = ()) -> float:
        word, h = self._context(word, context)
        return self._interpolated(word, h)

    def _interpolated(self, word: str, h: tuple[str, ...]) -> float:
        if not h:  # the unigram level: a word's share of the distinct bigram types
            return self.continuation_[(word,)] / self.continuation_total_[()]
        d, lower = self.discount, self._interpolated(word, h[1:])
        types = self.types_.get(h, 0)
        if types == 0:  # unseen context: alpha = 0, gamma = 1 passes the mass down
            return lower
        if len(h) + 1 == self.order:  # raw counts at the highest order
            c, total = self.counts_[h][word], self.totals_[h]
        else:  # continuation counts below it
            c, total = self.continuation_[h + (word,)], self.continuation_total_[h]
        return max(c - d, 0.0) / total + d * types / total * lower
