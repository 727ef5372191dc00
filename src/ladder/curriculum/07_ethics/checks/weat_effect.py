"""Checks for the WEAT effect-size exercise."""

import math

import numpy as np

from ladder.curriculum.expect import expect_close


def _unit(deg):
    r = math.radians(deg)
    return [math.cos(r), math.sin(r)]


def check_hand_example(submitted, reference):
    """the lesson's 2-D case: d = 1.571"""
    X, Y, A, B = [_unit(0), _unit(30)], [_unit(60), _unit(90)], [_unit(0)], [_unit(90)]
    s = np.array([1.0, (math.sqrt(3) - 1) / 2, -(math.sqrt(3) - 1) / 2, -1.0])
    diff = s[:2].mean() - s[2:].mean()
    expect_close(
        submitted(X, Y, A, B),
        reference(X, Y, A, B),
        inputs="X at 0° and 30°, Y at 60° and 90°, A at 0°, B at 90° (unit vectors)",
        mistakes=[
            (diff / s.std(), "use the sample standard deviation (ddof=1)"),
            (diff, "divide the difference of the means by the standard deviation"),
        ],
    )


def check_cosines_not_dot_products(submitted, reference):
    """uses cosines: vector lengths do not matter"""
    rng = np.random.default_rng(5)
    X, Y, A, B = (rng.normal(size=(k, 6)) * rng.uniform(0.5, 4, (k, 1)) for k in (4, 4, 3, 5))
    expected = reference(X.copy(), Y.copy(), A.copy(), B.copy())
    sdot = lambda W: (W @ A.T).mean(1) - (W @ B.T).mean(1)  # noqa: E731
    s = np.concatenate([sdot(X), sdot(Y)])
    dot_version = (s[:4].mean() - s[4:].mean()) / s.std(ddof=1)
    expect_close(
        submitted(X.copy(), Y.copy(), A.copy(), B.copy()),
        expected,
        inputs="random 6-D vectors of different lengths: 4 in X, 4 in Y, 3 in A, 5 in B",
        mistakes=[(dot_version, "normalise the vectors: WEAT uses cosine similarity")],
    )


def check_std_over_both_sets(submitted, reference):
    """takes the standard deviation over X ∪ Y, not over X alone"""
    rng = np.random.default_rng(6)
    X, Y, A, B = (rng.normal(size=(k, 5)) for k in (6, 6, 4, 4))
    Xn, Yn, An, Bn = (M / np.linalg.norm(M, axis=1, keepdims=True) for M in (X, Y, A, B))
    sx = (Xn @ An.T).mean(1) - (Xn @ Bn.T).mean(1)
    sy = (Yn @ An.T).mean(1) - (Yn @ Bn.T).mean(1)
    expect_close(
        submitted(X.copy(), Y.copy(), A.copy(), B.copy()),
        reference(X.copy(), Y.copy(), A.copy(), B.copy()),
        inputs="random 5-D vectors: 6 in X, 6 in Y, 4 in A, 4 in B (seed 6)",
        mistakes=[
            (
                (sx.mean() - sy.mean()) / sx.std(ddof=1),
                "the standard deviation is over X ∪ Y together",
            )
        ],
    )
