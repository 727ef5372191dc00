"""Checks for the UCB1 exercise."""

import numpy as np

from ladder.curriculum.expect import drive, expect_equal
from ladder.ml.bandits import BernoulliBandit, run_bandit


def _agent(cls, counts, values):
    agent = cls(len(counts))
    agent.counts[:] = counts
    agent.values[:] = values
    return agent


def _select(cls, counts, values, t):
    """The arm an agent with these counts and value estimates picks at round t."""
    return int(_agent(cls, counts, values).select(t))


def check_tries_every_arm_first(submitted, reference):
    """an untried arm is pulled before any other, the one with the smallest index first"""
    counts, values = [3, 0, 2, 0], [0.9, 0.0, 0.5, 0.0]
    expect_equal(
        drive(submitted, _select, counts, values, 6),
        1,
        inputs={"counts": counts, "values": values, "t": 6},
        mistakes=[
            (0, "arm 1 has never been pulled: untried arms come first"),
            (3, "of the untried arms, pull the one with the smallest index"),
        ],
    )


def check_bonus_wins(submitted, reference):
    """a rarely pulled arm can win on its bonus"""
    counts, values, t = [50, 2], [0.6, 0.4], 52
    ref = int(_agent(reference, counts, values).select(t))
    expect_equal(
        drive(submitted, _select, counts, values, t),
        ref,
        inputs={"counts": counts, "values": values, "t": t},
        mistakes=[
            (0, "add the exploration bonus sqrt(2 ln t / n_a) to each mean; arm 1's bonus is large")
        ],
    )


def check_mean_wins(submitted, reference):
    """with equal pulls the better mean wins"""
    counts, values, t = [100, 100, 100], [0.2, 0.7, 0.5], 300
    expect_equal(
        drive(submitted, _select, counts, values, t),
        1,
        inputs={"counts": counts, "values": values, "t": t},
    )


def check_bonus_formula(submitted, reference):
    """uses sqrt(2 ln t / n_a), not another confidence width"""
    counts, values, t = [10, 40], [0.4, 0.8], 50
    # Bonuses sqrt(2 ln 50 / n): 0.88 and 0.44, scores 1.28 vs 1.24 -> arm 0. Without the
    # factor 2 (0.63, 0.31) or with log10 (0.58, 0.29) arm 1 would win.
    expect_equal(
        drive(submitted, _select, counts, values, t),
        int(_agent(reference, counts, values).select(t)),
        inputs={"counts": counts, "values": values, "t": t},
        mistakes=[
            (1, "the bonus is sqrt(2 * ln(t) / counts[a]): keep the 2 and use the natural log of t")
        ],
    )


def check_uses_the_round(submitted, reference):
    """the bonus grows with the round t it is given"""
    counts, values = [10, 40], [0.4, 0.8]
    # Arm 0's bonus beats arm 1's mean advantage once ln t > 3.2 (t > 24.5): arm 1 at
    # t = 15, arm 0 at t = 200. ln of the total pulls (50) would give arm 0 both times.
    for t in (15, 200):
        expect_equal(
            drive(submitted, _select, counts, values, t),
            int(_agent(reference, counts, values).select(t)),
            inputs={"counts": counts, "values": values, "t": t},
            mistakes=[(0, "the bonus uses ln t, the round passed to select")] if t == 15 else [],
        )


def check_same_run(submitted, reference):
    """a 500-round run pulls exactly the same arms"""
    means = [0.2, 0.5, 0.55, 0.7]
    got = run_bandit(submitted(4), BernoulliBandit(means, random_state=0), 500).arms
    ref = run_bandit(reference(4), BernoulliBandit(means, random_state=0), 500).arms
    first = int(np.argmax(got != ref)) if np.any(got != ref) else -1
    expect_equal(
        got,
        ref,
        what="the arms pulled",
        inputs=f"means {means}, 500 rounds, bandit seed 0; first difference at round {first + 1}",
    )
