"""Checks for a TextRank iteration."""

import numpy as np

from ladder.curriculum.expect import expect_close

P = np.array(
    [[0.0, 0.7, 0.3, 0.0], [0.5, 0.0, 0.25, 0.25], [0.1, 0.6, 0.0, 0.3], [1.0, 0.0, 0.0, 0.0]]
)
S = np.array([0.4, 0.3, 0.2, 0.1])


def check_flow_direction(submitted, reference):
    """an asymmetric graph: score flows from j to i along transition[j, i]"""
    expect = reference(S.copy(), P.copy(), 0.85)
    expect_close(
        submitted(S.copy(), P.copy(), 0.85),
        expect,
        inputs={"scores": S, "transition": P, "damping": 0.85},
        mistakes=[
            (
                0.15 / 4 + 0.85 * P @ S,
                "score flows in along the columns: use transition.T @ scores",
            ),
            (
                0.15 + 0.85 * P.T @ S,
                "the teleport share is (1 − d) / N, spread over the N sentences",
            ),
        ],
    )


def check_damping_values(submitted, reference):
    """other damping factors"""
    for d in (0.5, 0.99):
        expect_close(
            submitted(S.copy(), P.copy(), d),
            reference(S.copy(), P.copy(), d),
            inputs={"damping": d},
            mistakes=[
                (d / 4 + (1 - d) * P.T @ S, "d multiplies the flow along edges, 1 − d the teleport")
            ],
        )


def check_keeps_a_distribution(submitted, reference):
    """starting from uniform scores on 6 sentences, the result sums to 1"""
    rng = np.random.default_rng(1)
    W = rng.random((6, 6))
    np.fill_diagonal(W, 0)
    T = W / W.sum(1, keepdims=True)
    u = np.full(6, 1 / 6)
    expect_close(
        submitted(u.copy(), T.copy(), 0.85),
        reference(u.copy(), T.copy(), 0.85),
        inputs={"scores": u, "transition": T.round(3)},
    )
