"""Checks for maximal marginal relevance."""

import numpy as np

from ladder.curriculum.expect import expect_equal

Q = np.array([0.9, 0.88, 0.5])
SIM = np.array([[1.0, 0.99, 0.1], [0.99, 1.0, 0.1], [0.1, 0.1, 1.0]])


def _run(fn, q, sim, n, lam):
    return [int(i) for i in fn(q.copy(), sim.copy(), n, lam)]


def check_lesson_example(submitted, reference):
    """near-copies: λ = 0.5 skips the copy, λ = 1 is pure relevance"""
    for lam, wrong, why in (
        (0.5, [0, 1], "subtract (1 − λ) times the largest similarity to what is chosen"),
        (1.0, [0, 2], "λ weighs relevance: with λ = 1 only relevance counts"),
    ):
        expect_equal(
            _run(submitted, Q, SIM, 2, lam),
            _run(reference, Q, SIM, 2, lam),
            inputs={"query_sim": Q, "item_sim": SIM, "n": 2, "lam": lam},
            mistakes=[(wrong, why)],
        )


def check_max_not_mean(submitted, reference):
    """the redundancy is the MAX similarity to the chosen items, not the mean"""
    q = np.array([0.95, 0.7, 0.69, 0.68, 0.3])
    sim = np.eye(5)
    sim[0, 1] = sim[1, 0] = 0.1
    sim[0, 2] = sim[2, 0] = 0.1
    sim[0, 3] = sim[3, 0] = 0.1
    sim[1, 2] = sim[2, 1] = 0.9
    sim[1, 3] = sim[3, 1] = 0.2
    expect_equal(
        _run(submitted, q, sim, 4, 0.6),
        _run(reference, q, sim, 4, 0.6),
        inputs={"query_sim": q, "item_sim": sim, "n": 4, "lam": 0.6},
    )


def check_no_repeats(submitted, reference):
    """asking for more items than exist returns each item once"""
    q = np.array([0.2, 0.9, 0.4, 0.6])
    sim = np.full((4, 4), 0.3) + 0.7 * np.eye(4)
    expect_equal(
        _run(submitted, q, sim, 6, 0.7),
        _run(reference, q, sim, 6, 0.7),
        inputs={"query_sim": q, "n": 6, "lam": 0.7},
        mistakes=[([1, 3, 2, 0, 1, 3], "never choose an item twice, and stop after N")],
    )
