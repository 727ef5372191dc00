"""WEAT against the published formulas (Caliskan et al. 2017) on hand-computed vectors, and
hard debiasing (Bolukbasi et al. 2016) on vectors whose bias direction is known."""

from __future__ import annotations

import math

import numpy as np
import pytest

from ladder.ethics import debias, weat


def unit(deg):
    r = math.radians(deg)
    return [math.cos(r), math.sin(r)]


# A = {0°}, B = {90°}: a unit word at angle θ has s(w, A, B) = cos θ − sin θ.
A, B = [unit(0)], [unit(90)]
X, Y = [unit(0), unit(30)], [unit(60), unit(90)]


def test_hand_computed_effect_size_statistic_and_p_value():
    # s = 1, (√3−1)/2, −(√3−1)/2, −1
    r = (math.sqrt(3) - 1) / 2
    np.testing.assert_allclose(weat.association(X + Y, A, B), [1, r, -r, -1], atol=1e-15)
    assert weat.weat_statistic(X, Y, A, B) == pytest.approx(2 * (1 + r), rel=1e-14)
    # mean difference (1 + r), sample std sqrt((4 − √3)/3) (Σ s² = 4 − √3, mean 0, n − 1 = 3)
    d = (1 + r) / math.sqrt((4 - math.sqrt(3)) / 3)
    assert weat.weat_effect_size(X, Y, A, B) == pytest.approx(d, rel=1e-14)
    # the observed split is the most extreme of the 6: no partition exceeds it
    assert weat.weat_p_value(X, Y, A, B) == 0.0
    # X = {0°, 60°}, Y = {30°, 90°}: only {0°, 30°} has a larger S → p = 1/6
    assert weat.weat_p_value([unit(0), unit(60)], [unit(30), unit(90)], A, B) == pytest.approx(
        1 / 6
    )


def test_effect_size_is_invariant_to_vector_lengths_and_flips_with_the_targets():
    rng = np.random.default_rng(0)
    Xs, Ys, As, Bs = (rng.normal(size=(k, 7)) for k in (5, 5, 4, 6))
    d = weat.weat_effect_size(Xs, Ys, As, Bs)
    scale = rng.uniform(0.1, 10, size=(5, 1))
    assert weat.weat_effect_size(Xs * scale, Ys, As * 3, Bs) == pytest.approx(d, rel=1e-12)
    assert weat.weat_effect_size(Ys, Xs, As, Bs) == pytest.approx(-d, rel=1e-12)
    assert weat.weat_effect_size(Xs, Ys, Bs, As) == pytest.approx(-d, rel=1e-12)


def test_sampled_p_value_estimates_the_exact_one():
    rng = np.random.default_rng(1)
    Xs, Ys = rng.normal(0.3, 1, (8, 5)), rng.normal(0, 1, (8, 5))
    As, Bs = rng.normal(size=(6, 5)), rng.normal(size=(6, 5))
    exact = weat.weat_p_value(Xs, Ys, As, Bs, n_permutations=20_000)  # C(16, 8) = 12,870
    sampled = weat.weat_p_value(Xs, Ys, As, Bs, n_permutations=5_000, random_state=3)
    # 5,000 draws: standard error ≤ 0.5/√5000 ≈ 0.007
    assert sampled == pytest.approx(exact, abs=0.03)


def test_weat_on_words_drops_missing_words():
    from ladder.nlp.embeddings import WordVectors

    vocab = ["he", "she", "man", "woman", "career", "family", "job", "home"]
    vecs = np.array([unit(d) for d in (10, 80, 20, 70, 0, 90, 5, 85)])
    wv = WordVectors(vocab, vecs)
    lookup = lambda w: wv[w] if w in wv else None  # noqa: E731
    res = weat.weat(
        lookup,
        ["he", "man", "king"],
        ["she", "woman", "queen"],
        ["career", "job", "salary"],
        ["family", "home"],
    )
    assert res.used["X"] == ["he", "man"] and res.missing["X"] == ["king"]
    assert res.missing["A"] == ["salary"]
    assert res.effect_size > 1.0  # the male words sit by the career words here


def test_weat_bad_input():
    with pytest.raises(ValueError, match="the word set A is empty"):
        weat.weat_effect_size(X, Y, np.zeros((0, 2)), B)
    with pytest.raises(ValueError, match="the word set B is empty"):
        weat.weat(lambda w: np.ones(2), ["a"], ["b"], ["c"], [])
    with pytest.raises(ValueError, match="X has 2 words and Y has 1"):
        weat.weat_p_value(X, Y[:1], A, B)
    with pytest.raises(ValueError, match="same dimension"):
        weat.weat_effect_size(X, Y, [[1, 0, 0]], B)
    with pytest.raises(ValueError, match="none of the words of A"):
        weat.weat(
            lambda w: None if w == "zz" else np.array(unit(len(w) * 7)),
            ["a"],
            ["bb"],
            ["zz"],
            ["ccc"],
        )
    with pytest.raises(ValueError, match="zero vector"):
        weat.association([[0, 0]], A, B)


# --- hard debiasing -----------------------------------------------------------------------


def gendered_space(seed=0, dim=12):
    """Axis 0 is gender: definitional words sit at ±0.6 on it; neutral words lean on it."""
    rng = np.random.default_rng(seed)
    base = rng.normal(size=(8, dim))
    base[:, 0] = 0
    words, vecs = [], []
    for k, (f, m) in enumerate(
        [("she", "he"), ("woman", "man"), ("mother", "father"), ("girl", "boy")]
    ):
        words += [f, m]
        vecs += [base[k] + 0.6 * np.eye(dim)[0] * 3, base[k] - 0.6 * np.eye(dim)[0] * 3]
    for k, (w, lean) in enumerate(
        [("nurse", 0.8), ("engineer", -0.7), ("doctor", -0.2), ("table", 0.0)]
    ):
        v = base[4 + k].copy()
        v[0] = lean * 3
        words.append(w)
        vecs.append(v + rng.normal(0, 0.01, dim))
    return words, np.array(vecs)


def test_bias_direction_recovers_the_axis_and_neutralize_removes_it():
    words, V = gendered_space()
    g = debias.bias_direction([(V[0], V[1]), (V[2], V[3]), (V[4], V[5])])
    assert abs(g[0]) > 0.999 and g[0] > 0  # "she" on the + side
    nurse = V[words.index("nurse")]
    assert debias.projection(nurse, g)[0] > 0.3
    out = debias.neutralize(nurse, g)
    assert abs(out @ g) < 1e-12 and np.linalg.norm(out) == pytest.approx(1.0)


def test_equalize_makes_the_pair_symmetric():
    words, V = gendered_space(1)
    g = debias.bias_direction([(V[0], V[1])])
    a, b = debias.equalize(V[2], V[3], g)
    assert np.linalg.norm(a) == pytest.approx(1) and np.linalg.norm(b) == pytest.approx(1)
    assert a @ g == pytest.approx(-(b @ g), abs=1e-12)
    np.testing.assert_allclose(a - (a @ g) * g, b - (b @ g) * g, atol=1e-12)
    neutral = debias.neutralize(V[words.index("doctor")], g)
    assert a @ neutral == pytest.approx(b @ neutral, abs=1e-12)  # equidistant from neutral


def test_hard_debias_on_a_vocabulary():
    words, V = gendered_space(2)
    out, g = debias.hard_debias(words, V)
    proj = out @ g
    for w in ("nurse", "engineer", "doctor", "table"):
        assert abs(proj[words.index(w)]) < 1e-12
    # the equalised pair keeps its gender, symmetric about the neutral subspace
    assert proj[words.index("she")] > 0.3
    assert proj[words.index("she")] == pytest.approx(-proj[words.index("he")], abs=1e-12)
    np.testing.assert_allclose(np.linalg.norm(out, axis=1), 1.0)


def test_debias_bad_input():
    with pytest.raises(ValueError, match="pairs is empty"):
        debias.bias_direction([])
    with pytest.raises(ValueError, match="direction must be a vector of length 3"):
        debias.neutralize([1.0, 2.0, 3.0], [1.0, 0.0])
    with pytest.raises(ValueError, match="parallel to the bias direction"):
        debias.neutralize([2.0, 0.0], [1.0, 0.0])
    with pytest.raises(ValueError, match="none of the definitional pairs"):
        debias.hard_debias(["cat", "dog"], np.eye(2))
    with pytest.raises(ValueError, match="do not differ along the direction"):
        debias.equalize([0.0, 1.0], [0.0, 2.0], [1.0, 0.0])
