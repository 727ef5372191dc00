r"""A neural n-gram language model (Bengio, Ducharme, Vincent & Jauvin, 2003), on ``ladder.nn``.

Each of the previous :math:`n-1` words is looked up in a shared embedding table
:math:`C \in \mathbb{R}^{|V| \times m}`; the concatenation :math:`x` goes through one
hidden layer and a softmax over the vocabulary:

.. math:: y = b + W x + U \tanh(d + H x), \qquad P(w_t \mid w_{t-n+1..t-1}) =
          \mathrm{softmax}(y)_{w_t}

(:math:`W x` is the paper's optional direct connection, off by default). Trained with
cross-entropy and Adam; perplexity is :math:`\exp` of the mean negative log-likelihood
of held-out n-grams, comparable with :meth:`ladder.nlp.ngram.NgramLanguageModel.perplexity`
on the same padded n-grams and vocabulary (``<UNK>`` for rare words).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from ladder.nlp.ngram import UNK, Vocabulary, pad_sentence

__all__ = ["BengioLM"]


class BengioLM:
    """MLP language model: ``fit(sentences)``, ``perplexity(sentences)``, ``history_``."""

    def __init__(
        self,
        order: int = 3,
        embedding_dim: int = 32,
        hidden: int = 128,
        direct: bool = False,
        unk_cutoff: int = 2,
        epochs: int = 3,
        batch_size: int = 256,
        lr: float = 3e-3,
        random_state: int = 0,
    ) -> None:
        self.order = order
        self.embedding_dim = embedding_dim
        self.hidden = hidden
        self.direct = direct
        self.unk_cutoff = unk_cutoff
        self.epochs = epochs
        self.batch_size = batch_size
        self.lr = lr
        self.random_state = random_state

    def _ngrams(self, sentences: Iterable[Sequence[str]]) -> np.ndarray:
        lookup, index = self.vocab_.lookup, self.index_
        rows = []
        for s in sentences:
            if isinstance(s, str):
                raise TypeError("expected tokenised sentences (lists of words), got a str.")
            ids = [index[lookup(w)] for w in pad_sentence(s, self.order)]
            rows += [ids[i : i + self.order] for i in range(len(ids) - self.order + 1)]
        if not rows:
            raise ValueError("no n-grams: the sentences are empty.")
        return np.array(rows, dtype=np.int64)

    def _forward(self, context: np.ndarray):  # -> Tensor (B, |V|)
        B = context.shape[0]
        x = self.embed(context).reshape(B, (self.order - 1) * self.embedding_dim)
        y = self.out(self.hid(x).tanh())
        return y + self.skip(x) if self.direct else y

    def fit(self, sentences: Iterable[Sequence[str]]) -> BengioLM:
        import ladder.nn as nn
        from ladder.nn.losses import cross_entropy

        sentences = list(sentences)
        words = (w for s in sentences for w in pad_sentence(s, self.order))
        self.vocab_ = Vocabulary(words, self.unk_cutoff)
        self.index_ = {w: i for i, w in enumerate([*self.vocab_.words, UNK])}
        V = len(self.index_)
        nn.init.manual_seed(self.random_state)  # the generator ladder.nn initialises from
        self.embed = nn.Embedding(V, self.embedding_dim)
        self.hid = nn.Linear((self.order - 1) * self.embedding_dim, self.hidden)
        self.out = nn.Linear(self.hidden, V)
        modules = [self.embed, self.hid, self.out]
        if self.direct:
            self.skip = nn.Linear((self.order - 1) * self.embedding_dim, V, bias=False)
            modules.append(self.skip)
        params = [p for m in modules for p in m.parameters()]
        opt = nn.Adam(params, lr=self.lr)
        data = self._ngrams(sentences)
        rng = np.random.default_rng(self.random_state)
        self.history_ = []
        for _ in range(self.epochs):
            order = rng.permutation(len(data))
            losses = []
            for s in range(0, len(order), self.batch_size):
                batch = data[order[s : s + self.batch_size]]
                loss = cross_entropy(self._forward(batch[:, :-1]), batch[:, -1])
                opt.zero_grad()
                loss.backward()
                opt.step()
                losses.append(loss.item())
            self.history_.append(float(np.mean(losses)))
        return self

    def log_prob(self, ngrams: np.ndarray) -> np.ndarray:
        """Natural-log probability of the last word of each id n-gram."""
        out = []
        for s in range(0, len(ngrams), 2048):
            batch = ngrams[s : s + 2048]
            z = self._forward(batch[:, :-1]).numpy().astype(np.float64)
            z -= z.max(axis=1, keepdims=True)
            logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
            out.append(logp[np.arange(len(batch)), batch[:, -1]])
        return np.concatenate(out)

    def perplexity(self, sentences: Iterable[Sequence[str]]) -> float:
        """:math:`\\exp(-\\frac1N \\sum \\ln P)` over the padded n-grams of ``sentences``."""
        if not hasattr(self, "vocab_"):
            raise RuntimeError("this BengioLM is not fitted; call fit(sentences).")
        return float(np.exp(-self.log_prob(self._ngrams(sentences)).mean()))
