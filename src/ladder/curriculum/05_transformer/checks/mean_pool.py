"""Checks for the mean-pooling exercise."""

import torch

from ladder.curriculum.expect import expect_close, expect_shape


def check_ignores_padding(submitted, reference):
    """averages only the real tokens"""
    h = torch.tensor([[[1.0, 2.0], [3.0, 4.0], [100.0, 100.0]]], dtype=torch.float64)
    m = torch.tensor([[1, 1, 0]])
    got = submitted(h, m)
    expect_shape(got, (1, 2), inputs={"hidden": h, "attention_mask": m})
    expect_close(
        got,
        reference(h, m),
        inputs={"hidden": h, "attention_mask": m},
        mistakes=[
            (h.mean(1), "padding must not count: multiply by the mask first"),
            (h[:, :2].sum(1), "divide by the number of real tokens"),
            (h.sum(1) / 2, "zero the padded vectors before summing"),
            (h[:, :2].sum(1) / 3, "divide by the number of real tokens, not by T"),
        ],
    )


def check_batch(submitted, reference):
    """a (3, 4, 5) batch with different lengths"""
    h = torch.randn(3, 4, 5, generator=torch.Generator().manual_seed(0), dtype=torch.float64)
    m = torch.tensor([[1, 1, 1, 1], [1, 1, 0, 0], [1, 0, 0, 0]])
    want = reference(h.clone(), m.clone())
    mf = m.to(h.dtype).unsqueeze(-1)
    expect_close(
        submitted(h, m),
        want,
        inputs={"hidden": "(3, 4, 5) standard normal", "attention_mask": m},
        mistakes=[
            ((h * mf).sum(1) / mf.sum(), "count each row's own real tokens: m.sum(1), not m.sum()"),
        ],
    )


def check_all_padding(submitted, reference):
    """an all-padding row gives zeros, not NaN"""
    h = torch.ones(1, 2, 3, dtype=torch.float64)
    m = torch.tensor([[0, 0]])
    expect_close(
        submitted(h, m),
        torch.zeros(1, 3, dtype=torch.float64),
        inputs={"hidden": "ones (1, 2, 3)", "attention_mask": m},
        mistakes=[
            (torch.full((1, 3), float("nan")), "clamp the token count with .clamp(min=1e-9)")
        ],
    )
