"""Checks for the gradient-clipping exercise."""

import numpy as np

from ladder.autograd.tensor import Tensor
from ladder.curriculum.expect import expect_close


def _params(*grads):
    out = []
    for g in grads:
        t = Tensor(np.zeros(np.shape(g) if g is not None else 1), requires_grad=True)
        t.grad = None if g is None else np.array(g, dtype=float)
        out.append(t)
    return out


def check_example(submitted, reference):
    """g = (3, 4) clipped to norm 1 gives (0.6, 0.8)"""
    ps = _params([3.0, 4.0])
    total = submitted(ps, 1.0)
    expect_close(
        total,
        5.0,
        what="the returned norm",
        inputs={"grads": [[3, 4]], "max_norm": 1.0},
        mistakes=[(5.0 / (5.0 + 1e-6), "return the norm before clipping (the total you measured)")],
    )
    expect_close(
        ps[0].grad,
        [0.6, 0.8],
        rtol=1e-5,
        what="the clipped gradient",
        inputs={"grads": [[3, 4]], "max_norm": 1.0},
        mistakes=[
            (np.array([1.0, 1.0]), "that is clipping by value: rescale the whole vector instead")
        ],
    )


def check_global(submitted, reference):
    """the norm is taken over all parameters together"""
    grads = ([3.0, 0.0], [[0.0, 4.0], [0.0, 12.0]])
    ps, rs = _params(*grads), _params(*grads)
    got, ref = submitted(ps, 6.5), reference(rs, 6.5)
    expect_close(
        got,
        ref,
        what="the returned norm",
        inputs={"grads": grads, "max_norm": 6.5},
        mistakes=[
            (12.649110640673518, "one norm over all parameters, not the norm of the largest")
        ],
    )
    for p, r in zip(ps, rs, strict=False):
        expect_close(
            p.grad, r.grad, what="the clipped gradients", inputs={"grads": grads, "max_norm": 6.5}
        )


def check_small_untouched(submitted, reference):
    """gradients already below the limit are unchanged"""
    ps = _params([0.3, -0.4], None)
    total = submitted(ps, 1.0)
    expect_close(
        ps[0].grad,
        [0.3, -0.4],
        rtol=0,
        atol=0,
        what="the gradient",
        inputs={"grads": [[0.3, -0.4], None], "max_norm": 1.0},
        mistakes=[
            (
                np.array([0.3, -0.4]) / (0.5 + 1e-6),
                "only scale down: leave gradients whose norm is below max_norm",
            )
        ],
    )
    expect_close(
        total, 0.5, what="the returned norm", inputs="a parameter without a gradient is skipped"
    )


def check_epsilon(submitted, reference):
    """tiny gradients (norm 5e-6), where the 1e-6 in max_norm / (total + 1e-6) shows"""
    grads = ([3e-6, 0.0], [[4e-6, 0.0]])
    ps, rs = _params(*grads), _params(*grads)
    reference(rs, 4e-6)  # coef = 4e-6 / 6e-6; without the 1e-6 it would be 0.8
    submitted(ps, 4e-6)
    for p, r, g in zip(ps, rs, grads, strict=True):
        expect_close(
            p.grad,
            r.grad,
            what="the clipped gradient",
            inputs={"grads": grads, "max_norm": 4e-6},
            mistakes=[
                (
                    np.array(g) * 0.8,
                    "coef = max_norm / (total + 1e-6), as torch computes it: "
                    "with a norm of 5e-6 the 1e-6 matters",
                )
            ],
        )
