r"""N-gram language models: counts, MLE, add-k smoothing, interpolated Kneser–Ney.

A sentence is padded with :math:`n-1` ``<s>`` on the left and ``</s>`` on the right, and
every n-gram of every order :math:`1..n` is counted. With :math:`c(\cdot)` the counts,
context :math:`h` (the previous :math:`n-1` words) and vocabulary size :math:`|V|`:

* **MLE**: :math:`P(w\mid h) = c(h,w)/c(h)` (zero for unseen pairs);
* **Lidstone** (add-:math:`k`): :math:`P(w\mid h) = (c(h,w)+k)/(c(h)+k|V|)`;
  **Laplace** is :math:`k=1`;
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
(``MLE``, ``Laplace``, ``Lidstone``, ``KneserNeyInterpolated``), and scores agree to
1e-12 (``tests/nlp/test_ngram.py``) — but counts are precomputed in dictionaries, so
fitting and scoring are orders of magnitude faster.

>>> lm = KneserNeyInterpolated(2).fit([["a", "b", "c"], ["a", "c"]])
>>> lm.score("c", ["a"])  # (1 - 0.1)/2 + (0.1 * 2/2) * P_cont(c), P_cont(c) = 2/5
0.49
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

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
    "KneserNeyInterpolated",
]

BOS, EOS, UNK = "<s>", "</s>", "<UNK>"


def pad_sentence(sentence: Sequence[str], n: int) -> list[str]:
    """``n-1`` ``<s>`` before and ``n-1`` ``</s>`` after.

    Same as ``nltk.lm.preprocessing.pad_both_ends``.
    """
    return [BOS] * (n - 1) + list(sentence) + [EOS] * (n - 1)


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
        self.counts = Counter(words)
        self.words = sorted(w for w, c in self.counts.items() if c >= unk_cutoff)
        self._set = frozenset(self.words)

    def __contains__(self, word: str) -> bool:
        return word in self._set

    def __len__(self) -> int:
        return len(self.words) + 1 if self.counts else 0

    def lookup(self, word: str) -> str:
        """The word itself if in the vocabulary, else ``<UNK>``."""
        return word if word in self._set else UNK


class NgramLanguageModel:
    """Shared counting, scoring API, perplexity and sampling; subclasses define the score.

    ``fit(sentences)`` takes tokenised sentences (lists of words).
    """

    def __init__(self, order: int, unk_cutoff: int = 1) -> None:
        if order < 1:
            raise ValueError(f"order must be at least 1, got {order}.")
        self.order = order
        self.unk_cutoff = unk_cutoff

    def fit(self, sentences: Iterable[Sequence[str]]) -> NgramLanguageModel:
        sentences = list(sentences)
        for s in sentences:
            if isinstance(s, str):
                raise TypeError(
                    "fit expects tokenised sentences (lists of words), got a str "
                    f"({s!r:.40}); split it first, e.g. simple_tokenize(text)."
                )
        n = self.order
        padded_sentences = [pad_sentence(s, n) for s in sentences]
        self.vocab_ = Vocabulary((w for p in padded_sentences for w in p), self.unk_cutoff)
        lookup = self.vocab_.lookup
        # follow[h][w] = c(h, w) for every context h of length 0..n-1, rare words as <UNK>.
        # Count all k-grams of the concatenated padded sentences at C speed (Counter over
        # zip), then subtract the few that straddle two sentences.
        stream = [lookup(w) for p in padded_sentences for w in p]
        starts = np.cumsum([0] + [len(p) for p in padded_sentences])[1:-1].tolist()
        follow: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
        for k in range(1, n + 1):
            grams = Counter(zip(*(stream[i:] for i in range(k)), strict=False))
            if k > 1:
                grams.subtract(
                    tuple(stream[j : j + k]) for b in starts for j in range(b - k + 1, b)
                )
            for gram, c in grams.items():
                if c > 0:
                    follow[gram[:-1]][gram[-1]] = c
        self.counts_ = dict(follow)
        self.totals_ = {h: sum(c.values()) for h, c in follow.items()}
        self.types_ = {h: len(c) for h, c in follow.items()}
        self._fit_extra()
        return self

    def _fit_extra(self) -> None:
        pass

    def _check(self) -> None:
        if not hasattr(self, "counts_"):
            raise RuntimeError(f"this {type(self).__name__} is not fitted; call fit(sentences).")

    def count(self, ngram: Sequence[str]) -> int:
        """Raw count of an n-gram (``count(["to", "be"])``)."""
        self._check()
        ngram = tuple(ngram)
        return self.counts_.get(ngram[:-1], Counter()).get(ngram[-1], 0)

    def _score(self, word: str, context: tuple[str, ...]) -> float:
        raise NotImplementedError

    def score(self, word: str, context: Sequence[str] = ()) -> float:
        """:math:`P(\\text{word} \\mid \\text{context})`; unknown words become ``<UNK>``."""
        self._check()
        if not isinstance(word, str):
            raise TypeError(f"word must be a str, got {type(word).__name__} ({word!r}).")
        lookup = self.vocab_.lookup
        ctx = tuple(lookup(w) for w in context)[-(self.order - 1) :] if self.order > 1 else ()
        return self._score(lookup(word), ctx)

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
        history = [BOS] * (self.order - 1) + list(context)
        out: list[str] = []
        for _ in range(num_words):
            ctx = tuple(history[-(self.order - 1) :]) if self.order > 1 else ()
            p = np.array([self.score(w, ctx) for w in vocab])
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

    def _score(self, word: str, context: tuple[str, ...]) -> float:
        total = self.totals_.get(context, 0)
        return 0 if total == 0 else self.counts_[context][word] / total


class Lidstone(NgramLanguageModel):
    """Add-:math:`k`: :math:`(c(h,w)+k)/(c(h)+k|V|)` (``nltk.lm.Lidstone``)."""

    def __init__(self, gamma: float, order: int, unk_cutoff: int = 1) -> None:
        super().__init__(order, unk_cutoff)
        self.gamma = gamma

    def _score(self, word: str, context: tuple[str, ...]) -> float:
        counts = self.counts_.get(context)
        c = counts[word] if counts else 0
        total = self.totals_.get(context, 0)
        return (c + self.gamma) / (total + len(self.vocab_) * self.gamma)


class Laplace(Lidstone):
    """Add-one smoothing (``nltk.lm.Laplace``)."""

    def __init__(self, order: int, unk_cutoff: int = 1) -> None:
        super().__init__(1, order, unk_cutoff)


class KneserNeyInterpolated(NgramLanguageModel):
    """Interpolated Kneser–Ney with absolute discount (``nltk.lm.KneserNeyInterpolated``)."""

    def __init__(self, order: int, discount: float = 0.1, unk_cutoff: int = 1) -> None:
        super().__init__(order, unk_cutoff)
        self.discount = discount

    def _fit_extra(self) -> None:
        # continuation[h + (w,)] = N1+(• h w); continuation_total[h] = N1+(• h •).
        cont: Counter[tuple[str, ...]] = Counter()
        cont_total: Counter[tuple[str, ...]] = Counter()
        for h, followers in self.counts_.items():
            if not h:
                continue
            for w in followers:  # one distinct n-gram type h+w with |h| >= 1
                cont[h[1:] + (w,)] += 1
                cont_total[h[1:]] += 1
        self.continuation_ = cont
        self.continuation_total_ = cont_total

    def _score(self, word: str, context: tuple[str, ...]) -> float:
        if not context:
            return self.continuation_[(word,)] / self.continuation_total_[()]
        counts = self.counts_.get(context)
        if not counts:
            alpha, gamma = 0, 1
        else:
            if len(context) + 1 == self.order:
                c, total = counts[word], self.totals_[context]
            else:
                c, total = self.continuation_[context + (word,)], self.continuation_total_[context]
            alpha = max(c - self.discount, 0.0) / total
            gamma = self.discount * self.types_[context] / total
        return alpha + gamma * self._score(word, context[1:])
