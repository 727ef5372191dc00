"""Checks for the negative-sampling loss and gradient."""

import numpy as np

from ladder.curriculum.expect import expect_close, expect_shape


def _case(seed, d=8, k=5):
    rng = np.random.default_rng(seed)
    return rng.normal(size=d) * 0.5, rng.normal(size=d) * 0.5, rng.normal(size=(k, d)) * 0.5


def _sig(x):
    return 1 / (1 + np.exp(-x))


def check_loss_at_zero(submitted, reference):
    """with all vectors zero the loss is (k + 1) ln 2"""
    h, up, un = np.zeros(4), np.zeros(4), np.zeros((5, 4))
    expect_close(
        submitted(h, up, un)[0],
        6 * np.log(2),
        inputs="h, u_pos, u_neg all zero; d = 4, k = 5",
        what="the loss",
        mistakes=[
            (6 * np.log2(2), "use the natural log (np.log), not log2"),
            (np.log(2), "sum the loss over the k negatives too"),
        ],
    )


def check_loss(submitted, reference):
    """computes the loss on random vectors"""
    h, up, un = _case(0)
    s_pos, s_neg = _sig(up @ h), _sig(un @ h)
    expect_close(
        submitted(h, up, un)[0],
        reference(h, up, un)[0],
        inputs="random h, u_pos (d = 8), u_neg (5 x 8), seed 0",
        what="the loss",
        mistakes=[
            (
                -np.log(s_pos) - np.log(s_neg).sum(),
                "negatives enter as log σ(-u·h): the model should give them a low score",
            ),
            (
                -np.log(s_pos) + np.log(1 - s_neg).sum(),
                "both terms are subtracted: loss = -log σ(u_pos·h) - Σ log σ(-u_neg·h)",
            ),
        ],
    )


def check_gradients(submitted, reference):
    """returns dL/dh, dL/du_pos and dL/du_neg with the right shapes and values"""
    h, up, un = _case(1)
    got, ref = submitted(h, up, un), reference(h, up, un)
    s_pos, s_neg = _sig(up @ h), _sig(un @ h)
    for i, name, shape in [(1, "dL/dh", (8,)), (2, "dL/du_pos", (8,)), (3, "dL/du_neg", (5, 8))]:
        expect_shape(got[i], shape, inputs="random h (d = 8), k = 5, seed 1", what=name)
    expect_close(
        got[2],
        ref[2],
        inputs="random vectors, seed 1",
        what="dL/du_pos",
        mistakes=[
            ((1 - s_pos) * h, "the sign: dL/du_pos = (σ(u_pos·h) - 1) h, which points against h"),
            (s_pos * h, "subtract the label y = 1 for the true word"),
        ],
    )
    expect_close(
        got[3],
        ref[3],
        inputs="random vectors, seed 1",
        what="dL/du_neg",
        mistakes=[
            (
                (s_neg - 1)[:, None] * h[None, :],
                "the label of a negative is 0: dL/du_neg[j] = σ(u_neg[j]·h) h",
            )
        ],
    )
    expect_close(
        got[1],
        ref[1],
        inputs="random vectors, seed 1",
        what="dL/dh",
        mistakes=[
            ((s_pos - 1) * up, "dL/dh also collects Σ_j σ(u_neg[j]·h) u_neg[j] from the negatives")
        ],
    )


def check_matches_finite_differences(submitted, reference):
    """dL/dh agrees with a finite-difference estimate of the loss"""
    h, up, un = _case(2, d=6, k=3)
    eps = 1e-6
    numeric = np.array(
        [
            (submitted(h + eps * e, up, un)[0] - submitted(h - eps * e, up, un)[0]) / (2 * eps)
            for e in np.eye(6)
        ]
    )
    expect_close(
        submitted(h, up, un)[1],
        numeric,
        rtol=1e-5,
        atol=1e-7,
        inputs="random vectors (d = 6, k = 3, seed 2); central differences with eps = 1e-6",
        what="dL/dh",
    )


def _large_case():
    """Scores u·h of exactly -40 (true word), +40, -40 and +12 (negatives): the model is
    badly wrong on the true word and the first negative, right on the others."""
    h = np.array([0.6, -0.8, 0.0])  # unit length
    e = np.array([0.0, 0.0, 1.0])  # orthogonal to h: changes the vectors, not the scores
    up = -40.0 * h + 0.5 * e
    un = np.stack([40.0 * h - 0.3 * e, -40.0 * h + 0.2 * e, 12.0 * h + e])
    return h, up, un


def check_large_scores(submitted, reference):
    """stays finite and exact when the scores are large (u·h = ±40)"""
    h, up, un = _large_case()
    ref = reference(h.copy(), up.copy(), un.copy())
    got = submitted(h.copy(), up.copy(), un.copy())
    x_pos, x_neg = up @ h, un @ h
    with np.errstate(all="ignore"):
        naive = float(-np.log(_sig(x_pos)) - np.log(1 - _sig(x_neg)).sum())
    inputs = "h = (0.6, -0.8, 0); scores u_pos·h = -40, u_neg·h = (40, -40, 12)"
    expect_close(
        got[0],
        ref[0],
        inputs=inputs,
        what="the loss",
        mistakes=[
            (
                naive,
                "1 − σ(40) rounds to 0 in floating point, so log(1 − σ) is -inf: compute "
                "−log σ(−x) directly, as np.logaddexp(0, x) (softplus)",
            ),
        ],
    )
    for i, name in [(1, "dL/dh"), (2, "dL/du_pos"), (3, "dL/du_neg")]:
        expect_close(got[i], ref[i], inputs=inputs, what=name)
