"""Embedding tools: neighbours, analogies and evaluation equal gensim's KeyedVectors."""

from __future__ import annotations

import numpy as np
import pytest

from ladder.data import text
from ladder.nlp.embeddings import WordVectors, plot_2d


@pytest.fixture(scope="module")
def vectors() -> WordVectors:
    # Vectors with structure: random directions for 2,000 words that include every
    # WordSim-353 and many analogy words (values don't matter for tool parity).
    rng = np.random.default_rng(0)
    words = sorted(
        {w for a, b, _ in text.wordsim353() for w in (a, b)}
        | {w.lower() for q in text.analogies()["capital-common-countries"] for w in q}
    )
    E = rng.normal(size=(len(words), 20))
    index = {w: i for i, w in enumerate(words)}
    offset = rng.normal(size=20)  # country = capital + offset + noise: analogies solvable
    for q in text.analogies()["capital-common-countries"]:
        capital, country = index[q[0].lower()], index[q[1].lower()]
        E[country] = E[capital] + offset + 0.8 * rng.normal(size=20)
    return WordVectors(words, E)


def _keyed(wv: WordVectors):
    gensim = pytest.importorskip("gensim")
    kv = gensim.models.KeyedVectors(wv.vectors.shape[1], dtype=np.float64)
    kv.add_vectors(wv.words, wv.vectors)
    return kv


def test_neighbours_and_evaluation_match_gensim(vectors: WordVectors) -> None:
    kv = _keyed(vectors)
    for word in ["king", "money", "tiger", "athens"]:
        ours = vectors.most_similar(word, topn=5)
        ref = kv.most_similar(word, topn=5)
        assert [w for w, _ in ours] == [w for w, _ in ref]
        # gensim casts the unit query vector to float32 (its REAL) before the dot products:
        # each component moves by up to 2^-24 relative, so a cosine Σ uᵢqᵢ of unit vectors
        # moves by at most 2^-24·Σ|uᵢ||qᵢ| ≤ 2^-24 (Cauchy–Schwarz). (The default rtol 1e-7
        # used to absorb this; an atol of 1e-12 alone does not hold.)
        bound = 2.0**-24 + 64 * np.finfo(np.float64).eps
        np.testing.assert_allclose([s for _, s in ours], [s for _, s in ref], rtol=0, atol=bound)
    ours = vectors.most_similar(["athens", "greece"], ["baghdad"], topn=3)
    ref = kv.most_similar(positive=["athens", "greece"], negative=["baghdad"], topn=3)
    assert [w for w, _ in ours] == [w for w, _ in ref]
    for a, b, _ in text.wordsim353():
        assert abs(vectors.similarity(a, b) - kv.similarity(a, b)) <= 1e-12
    rho, _ = vectors.evaluate_word_pairs(text.wordsim353())
    ref_rho = kv.evaluate_word_pairs(str(text.gensim_test_file("wordsim353.tsv")))[1][0]
    # The cosines agree to 1e-12, but WordSim-353 lists "money cash" twice: the two equal
    # cosines tie in one library and differ by an ulp in the other, which moves one rank
    # by 0.5 (measured 2.6e-6 in rho). 1e-5 allows that tie and nothing else.
    assert abs(rho - ref_rho) <= 1e-5
    qs = text.analogies()["capital-common-countries"]
    acc, n = vectors.evaluate_analogies(qs)
    # A fresh KeyedVectors: gensim 4.4's evaluate_word_pairs leaves its vectors unit-normed
    # in place with stale cached norms, which changes later most_similar rankings.
    kv = _keyed(vectors)
    score, sections = kv.evaluate_word_analogies(str(text.gensim_test_file("questions-words.txt")))
    section = next(s for s in sections if s["section"] == "capital-common-countries")
    assert n == len(section["correct"]) + len(section["incorrect"])
    assert acc == len(section["correct"]) / n  # same questions, same argmax
    assert 0.2 < acc < 1.0  # informative: neither all right nor all wrong


def test_pca_2d_matches_sklearn(vectors: WordVectors) -> None:
    from sklearn.decomposition import PCA

    ours = vectors.pca_2d()
    ref = PCA(2).fit_transform(vectors.vectors)
    # Principal axes are defined up to sign: align each column's sign, then compare.
    signs = np.sign((ours * ref).sum(axis=0))
    np.testing.assert_allclose(ours * signs, ref, atol=1e-10)


@pytest.fixture(scope="module")
def clusters() -> WordVectors:
    # Four well-separated clusters of 15 words in 20-D: any faithful 2-D map keeps each
    # word's nearest neighbour inside its own cluster.
    rng = np.random.default_rng(1)
    centres = 10 * rng.normal(size=(4, 20))
    words = [f"w{c}_{i}" for c in range(4) for i in range(15)]
    E = np.repeat(centres, 15, axis=0) + rng.normal(size=(60, 20))
    return WordVectors(words, E)


def _nearest_in_same_cluster(coords: np.ndarray) -> float:
    d = ((coords[:, None] - coords[None]) ** 2).sum(-1)
    np.fill_diagonal(d, np.inf)
    return float(np.mean(d.argmin(axis=1) // 15 == np.arange(len(coords)) // 15))


def test_tsne_2d_is_sklearn_tsne(clusters: WordVectors) -> None:
    from sklearn.manifold import TSNE
    from threadpoolctl import threadpool_limits

    # One OpenMP thread: on a busy machine, spinning Barnes-Hut threads take 10-50x longer
    # on 60 points (measured); the result does not depend on the thread count.
    with threadpool_limits(1):
        ours = clusters.tsne_2d(random_state=0)
        ref = TSNE(2, perplexity=30.0, init="pca", random_state=0).fit_transform(clusters.vectors)
        few = clusters.words[::6]
        np.testing.assert_array_equal(clusters.project_2d(few, "tsne"), clusters.tsne_2d(few))
    # The same call with the same seed on the same float64 input: bitwise the same run.
    np.testing.assert_array_equal(ours, ref)
    assert _nearest_in_same_cluster(ours) == 1.0
    np.testing.assert_array_equal(clusters.project_2d(method="pca"), clusters.pca_2d())
    assert _nearest_in_same_cluster(clusters.pca_2d()) == 1.0


def test_plot_writes_a_labelled_png(clusters: WordVectors, tmp_path) -> None:
    from matplotlib.image import imread

    path = clusters.plot(tmp_path / "map.png", words=clusters.words[:20])
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    pixels = imread(path)
    assert pixels.shape == (800, 800, 4)  # 8 x 8 inches at 100 dpi, RGBA
    assert pixels[..., :3].std() > 0.01  # something was drawn
    plain = plot_2d(clusters.pca_2d(clusters.words[:20]), ["."] * 20, tmp_path / "dots.png")
    # The labelled picture differs from one with dot labels at the same points.
    assert not np.array_equal(imread(plain), pixels)


def test_projection_and_plot_bad_input(clusters: WordVectors, tmp_path) -> None:
    with pytest.raises(ValueError, match="'pca' or 'tsne'"):
        clusters.project_2d(method="umap")
    with pytest.raises(ValueError, match="at least 4 words"):
        clusters.tsne_2d(clusters.words[:3])
    with pytest.raises(ValueError, match=r"\.png"):
        plot_2d(np.zeros((2, 2)), ["a", "b"], tmp_path / "map.pdf")
    with pytest.raises(ValueError, match="n labels"):
        plot_2d(np.zeros((2, 2)), ["a"], tmp_path / "map.png")
    with pytest.raises(KeyError, match="not in the vocabulary"):
        clusters.plot(tmp_path / "map.png", words=["w0_0", "nope"])
