"""Bengio (2003) MLP language model on ladder.nn, beside the n-gram models on one split."""

from __future__ import annotations

import numpy as np
import pytest

from ladder.data import text
from ladder.nlp import ngram
from ladder.nlp.neural_lm import BengioLM
from ladder.nlp.tokenize import simple_tokenize


def _split(n_train: int, n_test: int) -> tuple[list[list[str]], list[list[str]]]:
    lines = [simple_tokenize(l) for l in text.tiny_shakespeare().splitlines() if l.strip()]
    return lines[:n_train], lines[30000 : 30000 + n_test]


def _perplexities(train, test, epochs: int) -> dict[str, float]:
    """Neural and n-gram perplexities on the same padded trigrams and <UNK> vocabulary."""
    out = {"bengio": BengioLM(order=3, epochs=epochs).fit(train).perplexity(test)}
    for lm in (
        ngram.KneserNeyInterpolated(3, discount=0.75, unk_cutoff=2),
        ngram.Laplace(3, unk_cutoff=2),
    ):
        lm.fit(train)
        out[type(lm).__name__] = lm.perplexity(lm.ngrams_of(test))
    print("held-out perplexity:", out)
    return out


@pytest.mark.slow
def test_bengio_beats_laplace_and_approaches_kneser_ney() -> None:
    # Measured on 20,000 train / 1,000 test lines, 2 epochs: Bengio 56.9, KN 54.9,
    # Laplace 905. Smaller here to keep the slow suite short.
    res = _perplexities(*_split(6000, 500), epochs=2)
    assert res["bengio"] < res["Laplace"]
    assert res["bengio"] < 2 * res["KneserNeyInterpolated"]


def test_small_model_trains_and_scores() -> None:
    train, test = _split(400, 50)
    lm = BengioLM(order=3, embedding_dim=8, hidden=16, epochs=3, batch_size=128).fit(train)
    assert lm.history_[-1] < lm.history_[0]
    ppl = lm.perplexity(test)
    assert np.isfinite(ppl) and 1 < ppl < len(lm.index_)  # better than uniform
    with pytest.raises(TypeError):
        lm.perplexity(["not tokenised"])
    with pytest.raises(RuntimeError, match="not fitted"):
        BengioLM().perplexity(test)
