"""Checks for the neutralise exercise."""

import numpy as np

from ladder.curriculum.expect import expect_close


def unit(v):
    return v / np.linalg.norm(v)


def check_removes_the_direction(submitted, reference):
    """the result is a unit vector with no component along the direction"""
    w, g = np.array([3.0, 4.0, 1.0, -2.0]), np.array([0.0, 2.0, 0.0, 0.0])
    expected = reference(w.copy(), g.copy())
    got = np.asarray(submitted(w.copy(), g.copy()), dtype=float)
    wn = w / np.linalg.norm(w)
    rejection = wn - (wn @ (g / 2)) * (g / 2)
    expect_close(
        got,
        expected,
        inputs={"w": w, "direction": g},
        mistakes=[
            (rejection, "normalise the result: the neutralised vector has unit length"),
            (unit(wn - (wn @ g) * g), "normalise the direction before projecting on it"),
            ((wn @ (g / 2)) * (g / 2), "you returned the projection; subtract it from w instead"),
        ],
    )


def check_random_high_dimension(submitted, reference):
    """matches the reference on 50-dimensional vectors of any length"""
    rng = np.random.default_rng(7)
    for trial in range(3):
        w, g = rng.normal(size=50) * 3, rng.normal(size=50) * 0.2
        got = np.asarray(submitted(w.copy(), g.copy()), dtype=float)
        expect_close(
            got,
            reference(w.copy(), g.copy()),
            inputs=f"random 50-D w and direction (seed 7, trial {trial})",
        )
        expect_close(
            got @ g, 0.0, atol=1e-10, inputs=f"trial {trial}", what="the cosine with the direction"
        )
