"""Checks for the contrastive-loss exercise."""

import torch
import torch.nn.functional as F

from ladder.curriculum.expect import expect_close, expect_raises


def _logits():
    g = torch.Generator().manual_seed(4)
    L = torch.randn(4, 4, generator=g, dtype=torch.float64) * 5  # not symmetric
    L[2] += 30.0  # one image scores every caption high: rows have different maxima
    return L


def check_loss(submitted, reference):
    """B = 4, a non-symmetric matrix: both directions, averaged"""
    L = _logits()
    want = reference(L)
    t = torch.arange(4)
    ci, ct = F.cross_entropy(L, t), F.cross_entropy(L.T, t)
    expect_close(
        submitted(L.clone()),
        want,
        rtol=1e-10,
        inputs={"logits_per_image": L},
        mistakes=[
            (ci, "average both directions: images pick captions and captions pick images"),
            (ct, "average both directions: images pick captions and captions pick images"),
            (ci + ct, "average the two cross-entropies (½ of their sum)"),
            (
                (F.cross_entropy(L, t, reduction="sum") + F.cross_entropy(L.T, t, reduction="sum"))
                / 2,
                "each cross-entropy is a mean over the B rows",
            ),
        ],
    )


def check_large_logits(submitted, reference):
    """logits up to ~3000 (a temperature of 100 times large scores): finite"""
    L = _logits() * 100
    expect_close(submitted(L.clone()), reference(L), rtol=1e-10, inputs={"logits": "× 100"})


def check_perfect_batch(submitted, reference):
    """a strongly diagonal matrix: loss near 0"""
    L = torch.eye(5, dtype=torch.float64) * 50
    expect_close(
        submitted(L.clone()),
        reference(L),
        rtol=1e-9,
        atol=1e-15,
        inputs={"logits_per_image": "50 · I₅"},
    )


def check_not_square(submitted, reference):
    """a (3, 4) matrix raises ValueError"""
    expect_raises(ValueError, submitted, torch.zeros(3, 4), inputs={"shape": (3, 4)})
