"""GloVe: co-occurrence counts, the GloVe text format, and evaluation beside Word2Vec."""

from __future__ import annotations

import numpy as np
import pytest

from ladder.data import text
from ladder.nlp.embeddings import WordVectors
from ladder.nlp.glove import GloVe, cooccurrence_matrix
from ladder.nlp.tokenize import simple_tokenize


def test_cooccurrence_is_distance_weighted_and_symmetric() -> None:
    X = cooccurrence_matrix([[0, 1, 2, 0]], 3, window=3).toarray()
    # pairs: (0,1) d1, (1,2) d1, (2,0) d1, (0,2) d2, (1,0) d2, (0,0) d3
    expected = np.array([[2 / 3, 1 + 1 / 2, 1 + 1 / 2], [1.5, 0, 1], [1.5, 1, 0]])
    np.testing.assert_allclose(X, expected)


def test_training_reduces_the_weighted_least_squares_loss(tmp_path) -> None:
    corpus = [simple_tokenize(d) for d in text.lee_corpus()]
    model = GloVe(vector_size=30, min_count=3, window=5, epochs=5, random_state=0).fit(corpus)
    assert model.loss_history_[-1] < 0.5 * model.loss_history_[0]
    rho, skipped = model.wv.evaluate_word_pairs(text.wordsim353())
    print(f"GloVe on the Lee corpus: WordSim-353 Spearman {rho:.3f} ({skipped:.0%} OOV)")
    # GloVe text format round trip (same floats: repr is exact).
    path = tmp_path / "vectors.txt"
    model.wv.save_text(path)
    back = WordVectors.load_text(path)
    assert back.words == model.wv.words
    np.testing.assert_array_equal(back.vectors, model.wv.vectors)


def test_gensim_reads_our_glove_file(tmp_path) -> None:
    gensim = pytest.importorskip("gensim")
    wv = WordVectors(["king", "queen", "man"], np.arange(12, dtype=float).reshape(3, 4) + 1)
    wv.save_text(tmp_path / "g.txt")
    kv = gensim.models.KeyedVectors.load_word2vec_format(str(tmp_path / "g.txt"), no_header=True)
    np.testing.assert_allclose(kv["queen"], wv["queen"], rtol=1e-6)  # gensim keeps float32
    assert abs(kv.similarity("king", "man") - wv.similarity("king", "man")) < 1e-6
    wv.save_text(tmp_path / "w2v.txt", header=True)
    assert WordVectors.load_text(tmp_path / "w2v.txt").words == wv.words


def test_wrong_file_format(tmp_path) -> None:
    (tmp_path / "bad.txt").write_text("king 0.1 0.2\nqueen 0.3\n")
    with pytest.raises(ValueError, match="truncated or mixed"):
        WordVectors.load_text(tmp_path / "bad.txt")
    (tmp_path / "bin.txt").write_text("king abc def\n")
    with pytest.raises(ValueError, match="not 'word v1 v2"):
        WordVectors.load_text(tmp_path / "bin.txt")
    with pytest.raises(TypeError):
        GloVe().fit(["a string"])
