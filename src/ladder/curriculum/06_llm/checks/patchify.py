"""Checks for the patchify exercise."""

import torch

from ladder.curriculum.expect import expect_close, expect_raises


def _images():
    # B 2, C 3, H 6, W 4: every axis a different size, values all distinct
    return torch.arange(2 * 3 * 6 * 4, dtype=torch.float64).reshape(2, 3, 6, 4)


def check_patches(submitted, reference):
    """(2, 3, 6, 4) in 2 × 2 patches → (2, 6, 12)"""
    x = _images()
    want = reference(x, 2)
    B, C, H, W = x.shape
    P = 2
    grid = x.reshape(B, C, H // P, P, W // P, P)
    expect_close(
        submitted(x.clone(), 2),
        want,
        rtol=0,
        atol=0,
        inputs={"images.shape": (2, 3, 6, 4), "patch_size": 2},
        mistakes=[
            (
                grid.permute(0, 2, 4, 3, 5, 1).reshape(B, -1, C * P * P),
                "flatten each patch as (channel, row, column): channels first",
            ),
            (
                grid.permute(0, 4, 2, 1, 3, 5).reshape(B, -1, C * P * P),
                "list the patches row by row: left to right, then down",
            ),
            (x.reshape(B, -1, C * P * P), "a plain reshape mixes pixels of different patches"),
        ],
    )


def check_equals_strided_convolution(submitted, reference):
    """patches @ W.reshape(D, −1)ᵀ + b equals Conv2d(kernel = stride = P)"""
    torch.manual_seed(0)
    x = torch.randn(2, 3, 6, 4, dtype=torch.float64)
    conv = torch.nn.Conv2d(3, 5, kernel_size=2, stride=2).double()
    want = conv(x).flatten(2).transpose(1, 2)
    got = torch.as_tensor(submitted(x.clone(), 2)) @ conv.weight.reshape(5, -1).T + conv.bias
    expect_close(
        got.detach(),
        want.detach(),
        rtol=1e-10,
        atol=1e-12,
        inputs={"images.shape": (2, 3, 6, 4), "patch_size": 2},
        what="the projection",
    )


def check_bad_input(submitted, reference):
    """a patch size that does not divide the image, or a 3-D input, raises ValueError"""
    expect_raises(ValueError, submitted, _images(), 4, inputs={"patch_size": 4, "H": 6})
    expect_raises(
        ValueError, submitted, torch.zeros(3, 6, 4), 2, inputs={"images.shape": (3, 6, 4)}
    )
