"""Checks for the absmax quantisation exercise."""

import numpy as np
import torch

from ladder.curriculum.expect import expect_close, expect_equal, expect_true


def _weights():
    # 3 rows of very different magnitudes; the largest magnitude of the tensor is negative,
    # and no w / scale lies near a half (so every correct rounding agrees)
    base = torch.tensor([[-120.0, 40.2, 3.3, 127.0 / 1.1, -7.1],
                         [10.2, -3.3, 0.4, 1.2, -0.8],
                         [0.02, 0.011, -0.03, 0.004, 0.0]])  # fmt: skip
    return base / 100


def check_per_tensor(submitted, reference):
    """one scale for the whole (3, 5) tensor: max|w| / 127"""
    w = _weights()
    q, s = submitted(w.clone())
    wq, ws = reference(w.clone())
    expect_close(
        s,
        ws,
        rtol=1e-6,
        inputs={"w": w},
        what="the scale",
        mistakes=[(w.max() / 127, "use the largest magnitude max|w|, not the largest value")],
    )
    expect_true(
        q.dtype == torch.int8,
        f"q has dtype {q.dtype}, expected torch.int8",
        inputs={"w": w},
        misconception="convert the rounded values with .to(torch.int8)",
    )
    expect_equal(np.asarray(q), np.asarray(wq), inputs={"w": w}, what="q",
                 mistakes=[(np.asarray(torch.floor(w / ws).to(torch.int8)),
                            "round to the nearest integer, not down")])  # fmt: skip


def check_per_row(submitted, reference):
    """dim = 1: one scale per row, shape (3, 1); the small row keeps its precision"""
    w = _weights()
    q, s = submitted(w.clone(), dim=1)
    wq, ws = reference(w.clone(), dim=1)
    expect_close(s, ws, rtol=1e-6, inputs={"w": w, "dim": 1}, what="the scales")
    expect_equal(np.asarray(q), np.asarray(wq), inputs={"w": w, "dim": 1}, what="q")
    expect_close((q.float() * s)[2], w[2], atol=float(ws[2]) / 2 + 1e-9,
                 inputs={"w": w, "dim": 1}, what="row 2 dequantised")  # fmt: skip


def check_clamp_and_zeros(submitted, reference):
    """qmax = 127.5 rounds the largest value to 128: it must clamp to 127; zeros get scale 1"""
    w = torch.tensor([0.75, 1.5, -0.375])  # 1.5 · (1 / (1.5 / 127.5)) is exactly 127.5
    q, _ = submitted(w.clone(), qmax=127.5)
    expect_equal(
        np.asarray(q),
        np.asarray(reference(w.clone(), qmax=127.5)[0]),
        inputs={"w": w, "qmax": 127.5},
        what="q",
        mistakes=[
            (
                np.array([64, -128, -32], dtype=np.int8),
                "clamp to [−128, 127] before converting: 128 wraps round to −128",
            )
        ],
    )
    z = torch.zeros(2, 3)
    q, s = submitted(z.clone(), dim=1)
    expect_close(s, torch.ones(2, 1), inputs={"w": z, "dim": 1}, what="the scales of zero rows")
    expect_equal(np.asarray(q), np.zeros((2, 3), dtype=np.int8), inputs={"w": z, "dim": 1},
                 what="q")  # fmt: skip
