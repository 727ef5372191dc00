r"""Convolution and pooling on ``(N, C, H, W)`` tensors, by **im2col**.

A 2-D convolution slides a ``(C, kh, kw)`` filter over the image. *im2col* copies every
patch the filter visits into one row of a matrix ``cols`` of shape
``(N·Ho·Wo, C·kh·kw)``; the convolution of all images with all ``F`` filters is then one
matrix product (fast BLAS), with output size

.. math:: H_o = \left\lfloor \frac{H + 2p - k_h}{s} \right\rfloor + 1 .

Backward: :math:`\bar W = \bar Z^\top \text{cols}`, :math:`\bar b = \sum \bar Z`, and
:math:`\overline{\text{cols}} = \bar Z W`, which *col2im* (:func:`_fold`) adds back into
the image — a pixel that lay in several patches collects the gradient of each.

Pooling reuses the same windows: max-pooling sends each window's gradient to the
position of its maximum (the ``argmax``), average-pooling spreads it evenly.
Matches ``torch.nn.functional.conv2d``, ``max_pool2d`` and ``avg_pool2d``
(with ``count_include_pad=True``, PyTorch's default) — ``tests/autograd/test_conv.py``.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from ladder.autograd.tensor import Tensor

__all__ = ["conv2d", "max_pool2d", "avg_pool2d", "im2col", "output_size"]


def _pair(v: int | tuple[int, int]) -> tuple[int, int]:
    return (v, v) if isinstance(v, int) else (int(v[0]), int(v[1]))


def output_size(size: int, kernel: int, stride: int, padding: int) -> int:
    """``floor((size + 2 padding - kernel) / stride) + 1``: the output length of one axis."""
    return (size + 2 * padding - kernel) // stride + 1


def _pad(x: np.ndarray, ph: int, pw: int, value: float = 0.0) -> np.ndarray:
    if ph == 0 and pw == 0:
        return x
    return np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)), constant_values=value)


def _windows(xp: np.ndarray, kh: int, kw: int, sh: int, sw: int) -> np.ndarray:
    """A strided *view* ``(N, C, Ho, Wo, kh, kw)`` of every window (no copy yet)."""
    return sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw]


def _fold(gwin: np.ndarray, padded_shape: tuple[int, ...], sh: int, sw: int) -> np.ndarray:
    """col2im: add window gradients ``(N, C, Ho, Wo, kh, kw)`` back into the padded image."""
    _, _, ho, wo, kh, kw = gwin.shape
    out = np.zeros(padded_shape, dtype=gwin.dtype)
    for i in range(kh):  # kh·kw strided additions instead of N·Ho·Wo small ones
        for j in range(kw):
            out[:, :, i : i + sh * ho : sh, j : j + sw * wo : sw] += gwin[:, :, :, :, i, j]
    return out


def _check_input(x: Tensor, op: str) -> None:
    if x.ndim != 4:
        raise ValueError(
            f"{op}: expected input of shape (N, C, H, W), got shape {x.shape}. "
            "Add the batch axis with x.reshape(1, *x.shape) for a single image."
        )


def im2col(
    x: np.ndarray, kernel: tuple[int, int], stride: tuple[int, int], padding: tuple[int, int]
) -> np.ndarray:
    """The patch matrix ``(N·Ho·Wo, C·kh·kw)`` of ``x: (N, C, H, W)``; rows in (n, ho, wo)
    order, columns in (c, i, j) order so that ``cols @ W.reshape(F, -1).T`` convolves."""
    xp = _pad(x, *padding)
    win = _windows(xp, *kernel, *stride)
    n, c, ho, wo, kh, kw = win.shape
    return win.transpose(0, 2, 3, 1, 4, 5).reshape(n * ho * wo, c * kh * kw)


def conv2d(
    x: Tensor,
    weight: Tensor,
    bias: Tensor | None = None,
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] = 0,
) -> Tensor:
    """Cross-correlation of ``x: (N, C, H, W)`` with ``weight: (F, C, kh, kw)``, plus
    ``bias: (F,)`` — ``torch.nn.functional.conv2d``. Returns ``(N, F, Ho, Wo)``."""
    _check_input(x, "conv2d")
    if weight.ndim != 4 or weight.shape[1] != x.shape[1]:
        raise ValueError(
            f"conv2d: input shape {x.shape} has {x.shape[1]} channels but weight shape "
            f"{weight.shape} expects (out_channels, {x.shape[1]}, kh, kw). Set in_channels "
            "to the number of input channels."
        )
    (sh, sw), (ph, pw) = _pair(stride), _pair(padding)
    f, c, kh, kw = weight.shape
    n, _, h, w = x.shape
    ho, wo = output_size(h, kh, sh, ph), output_size(w, kw, sw, pw)
    if ho <= 0 or wo <= 0:
        raise ValueError(
            f"conv2d: kernel {(kh, kw)} is larger than the padded input {x.shape[2:]} "
            f"(padding {(ph, pw)}). Use a smaller kernel or more padding."
        )
    xp = _pad(x.data, ph, pw)
    # Patches as (N, C·kh·kw, Ho·Wo): each image's patch matrix is contiguous, so the
    # copy is cheap and W @ cols gives (N, F, Ho·Wo), already in NCHW order.
    cols = _windows(xp, kh, kw, sh, sw).transpose(0, 1, 4, 5, 2, 3).reshape(n, c * kh * kw, -1)
    wmat = weight.data.reshape(f, -1)  # (F, C·kh·kw)
    out = np.matmul(wmat, cols)  # (N, F, Ho·Wo)
    if bias is not None:
        out += bias.data[:, None]
    out = out.reshape(n, f, ho, wo)
    padded_shape = (n, c, h + 2 * ph, w + 2 * pw)

    def backward(g: np.ndarray) -> tuple[np.ndarray | None, ...]:
        g3 = g.reshape(n, f, ho * wo)
        gx = gw = gb = None
        if x.requires_grad:
            gcols = np.matmul(wmat.T, g3).reshape(n, c, kh, kw, ho, wo)
            gwin = gcols.transpose(0, 1, 4, 5, 2, 3)  # (N, C, Ho, Wo, kh, kw), a view
            gx = _fold(gwin, padded_shape, sh, sw)[:, :, ph : ph + h, pw : pw + w]
        if weight.requires_grad:  # sum over images of g_n @ cols_n^T
            gw = np.matmul(g3, cols.transpose(0, 2, 1)).sum(axis=0).reshape(weight.shape)
        if bias is not None and bias.requires_grad:
            gb = g3.sum(axis=(0, 2))
        return (gx, gw, gb) if bias is not None else (gx, gw)

    parents = (x, weight, bias) if bias is not None else (x, weight)
    return Tensor._make(out, parents, backward, "conv2d")


def max_pool2d(
    x: Tensor,
    kernel_size: int | tuple[int, int],
    stride: int | tuple[int, int] | None = None,
    padding: int | tuple[int, int] = 0,
) -> Tensor:
    """Maximum over each window (``torch.nn.functional.max_pool2d``); stride defaults to
    the kernel size. The gradient goes to the window's (first) maximum only."""
    _check_input(x, "max_pool2d")
    (kh, kw) = _pair(kernel_size)
    (sh, sw) = _pair(stride) if stride is not None else (kh, kw)
    (ph, pw) = _pair(padding)
    n, c, h, w = x.shape
    if (sh, sw) == (kh, kw) and ph == pw == 0 and h % kh == 0 and w % kw == 0:
        return _max_pool_tiled(x, kh, kw)
    xp = _pad(x.data, ph, pw, value=-np.inf)
    win = _windows(xp, kh, kw, sh, sw)
    n, c, ho, wo = win.shape[:4]
    flat = win.reshape(n, c, ho, wo, kh * kw)
    arg = flat.argmax(axis=-1)
    out = np.take_along_axis(flat, arg[..., None], axis=-1)[..., 0]

    def backward(g: np.ndarray) -> tuple[np.ndarray]:
        gwin = np.zeros((n, c, ho, wo, kh * kw), dtype=g.dtype)
        np.put_along_axis(gwin, arg[..., None], g[..., None], axis=-1)
        gx = _fold(gwin.reshape(n, c, ho, wo, kh, kw), xp.shape, sh, sw)
        return (gx[:, :, ph : ph + x.shape[2], pw : pw + x.shape[3]],)

    return Tensor._make(out, (x,), backward, "max_pool2d")


def _max_pool_tiled(x: Tensor, kh: int, kw: int) -> Tensor:
    """Fast path when the windows tile the image exactly (the common 2×2, stride 2).

    ``x`` reshaped to ``(N, C, Ho, kh, Wo, kw)`` is a view; the maximum is a running
    ``np.maximum`` over the ``kh·kw`` window offsets (no copy of the windows), and the
    backward gives each window's gradient to its first maximum in row-major order, as
    PyTorch's kernel does when there are ties (e.g. all-zero windows after a ReLU).
    """
    n, c, h, w = x.shape
    ho, wo = h // kh, w // kw
    v = x.data.reshape(n, c, ho, kh, wo, kw)
    offsets = [(i, j) for i in range(kh) for j in range(kw)]
    out = v[:, :, :, 0, :, 0].copy()
    for i, j in offsets[1:]:
        np.maximum(out, v[:, :, :, i, :, j], out=out)

    def backward(g: np.ndarray) -> tuple[np.ndarray]:
        gx = np.zeros((n, c, ho, kh, wo, kw), dtype=g.dtype)
        taken = np.zeros(out.shape, dtype=bool)
        for i, j in offsets:
            first = (v[:, :, :, i, :, j] == out) & ~taken
            gx[:, :, :, i, :, j] = g * first
            taken |= first
        return (gx.reshape(n, c, h, w),)

    return Tensor._make(out, (x,), backward, "max_pool2d")


def avg_pool2d(
    x: Tensor,
    kernel_size: int | tuple[int, int],
    stride: int | tuple[int, int] | None = None,
    padding: int | tuple[int, int] = 0,
) -> Tensor:
    """Mean over each window, zero padding counted (``torch.nn.functional.avg_pool2d``)."""
    _check_input(x, "avg_pool2d")
    (kh, kw) = _pair(kernel_size)
    (sh, sw) = _pair(stride) if stride is not None else (kh, kw)
    (ph, pw) = _pair(padding)
    xp = _pad(x.data, ph, pw)
    win = _windows(xp, kh, kw, sh, sw)
    out = win.mean(axis=(-2, -1)).astype(x.dtype, copy=False)

    def backward(g: np.ndarray) -> tuple[np.ndarray]:
        share = (g / (kh * kw))[..., None, None]
        gwin = np.broadcast_to(share, (*g.shape, kh, kw))
        gx = _fold(gwin, xp.shape, sh, sw)
        return (gx[:, :, ph : ph + x.shape[2], pw : pw + x.shape[3]],)

    return Tensor._make(out, (x,), backward, "avg_pool2d")
