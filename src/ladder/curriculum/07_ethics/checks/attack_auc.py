"""Checks for the membership-attack AUC exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close


def check_small_example_with_ties(submitted, reference):
    """counts pairs where the member has the lower loss, ties as one half"""
    m, o = [0.1, 0.4, 0.4, 0.9], [0.4, 0.5, 1.2]
    expected = reference(list(m), list(o))
    mm, oo = np.array(m)[:, None], np.array(o)[None, :]
    strict = np.mean(mm < oo)
    expect_close(
        submitted(list(m), list(o)),
        expected,
        inputs={"member_losses": m, "nonmember_losses": o},
        mistakes=[
            (1 - expected, "low losses mean 'member': count m < o, not m > o"),
            (strict, "ties count one half"),
            (strict + np.mean(mm == oo), "ties count one half, not one"),
        ],
    )


def check_random_losses(submitted, reference):
    """matches the reference on 300 members and 200 non-members"""
    rng = np.random.default_rng(8)
    m, o = np.round(rng.exponential(0.5, 300), 2), np.round(rng.exponential(0.8, 200), 2)
    expect_close(
        submitted(m.copy(), o.copy()),
        reference(m.copy(), o.copy()),
        inputs="300 member and 200 non-member losses (exponential, rounded, seed 8)",
    )


def check_extremes(submitted, reference):
    """perfect separation gives 1, identical losses give 0.5"""
    expect_close(
        submitted([0.1, 0.2], [0.5, 0.9]),
        1.0,
        inputs={"member_losses": [0.1, 0.2], "nonmember_losses": [0.5, 0.9]},
    )
    expect_close(
        submitted([0.3, 0.3], [0.3]),
        0.5,
        inputs={"member_losses": [0.3, 0.3], "nonmember_losses": [0.3]},
    )
