"""Quantisation of linear layers to 8-bit integers (Jacob et al., 2017, arXiv:1712.05877;
LLM.int8(), Dettmers et al., 2022, arXiv:2208.07339).

A float32 weight takes 4 bytes; an int8 one takes 1. Map real numbers to integers by a
scale s (and, for asymmetric ranges, a zero point z):

    q = clamp(round(x / s) + z, q_min, q_max),      x̂ = s · (q − z)

* **absmax (symmetric)**: z = 0, s = max|x| / 127: the largest magnitude maps to ±127.
  Used for weights, whose values are centred on 0.
* **zero point (asymmetric)**: s = (max − min) / (q_max − q_min), z = q_min − round(min / s),
  so [min, max] fills the whole integer range: right for activations after a ReLU or a
  softmax, which are mostly of one sign. 0 is always exactly representable.

Rounding costs at most s/2 per number; a dot product of n terms then errs by at most
(s_x Σ|w| + s_w Σ|x|)/2 to first order. Per-channel scales (one s per output row) keep
one large row from coarsening all the others.

Three ways to use it, from least to most integer arithmetic:

* **weight-only** (``Int8WeightOnlyLinear``): int8 weights with one absmax scale per
  output channel, multiplied in float after dequantising. Saves memory (and bandwidth,
  which is what limits LLM decoding); the arithmetic stays float.
* **dynamic** (``DynamicInt8Linear``): weights int8 ahead of time, activations quantised
  on the fly from each batch's own min and max, an integer matrix product, one float
  rescale. This is exactly what ``torch.ao.quantization.quantize_dynamic`` does on x86
  (fbgemm): a per-tensor symmetric weight scale max|W| / 127.5 over [−128, 127], and
  activations in [0, 127] ("reduce_range", which leaves room against overflow in the
  int16 intermediate sums of the x86 kernels). Like torch's kernels we divide by a scale
  by multiplying with its float32 reciprocal: the two differ at a few near-halves, and
  one weight rounded the other way changes a whole output column.
* **static** (``StaticInt8Linear``): the activation range is fixed beforehand by running
  **calibration** batches through the float model and recording each layer's input min
  and max; no range is computed at run time, but inputs outside the calibrated range clip.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Callable, Iterable

import torch
from torch import Tensor, nn

__all__ = [
    "absmax_quantize",
    "affine_params",
    "quantize_affine",
    "Int8WeightOnlyLinear",
    "DynamicInt8Linear",
    "StaticInt8Linear",
    "calibrate",
    "quantize_weight_only",
    "quantize_dynamic",
    "quantize_static",
    "model_bytes",
]

ACT_QMAX = 127  # activations in [0, 127], torch's x86 "reduce_range"


def absmax_quantize(
    w: Tensor, dim: int | None = None, qmax: float = 127.0
) -> tuple[Tensor, Tensor]:
    """Symmetric int8: ``(q, scale)`` with q = clamp(round(w / scale), −128, 127) and
    scale = max|w| / qmax (w / scale computed as w · (1 / scale) in float32).

    ``dim=None``: one scale for the tensor; ``dim=1`` for a (out, in) weight: one scale per
    output row. ``w ≈ q * scale`` (broadcast). An all-zero row gets scale 1.

    >>> q, s = absmax_quantize(torch.tensor([0.5, -1.27, 0.01]))
    >>> q.tolist(), round(float(s), 4)
    ([50, -127, 1], 0.01)
    """
    if dim is None:
        amax = w.detach().abs().max()
    else:
        amax = w.detach().abs().amax(dim=dim, keepdim=True)
    scale = torch.where(amax > 0, amax / qmax, torch.ones_like(amax)).float()
    q = torch.clamp(torch.round(w.detach().float() * (1.0 / scale)), -128, 127).to(torch.int8)
    return q, scale


def affine_params(lo: float, hi: float, qmin: int = 0, qmax: int = ACT_QMAX) -> tuple[float, int]:
    """``(scale, zero_point)`` mapping [min(lo, 0), max(hi, 0)] onto [qmin, qmax].

    The range is widened to contain 0 so that 0 (padding, a ReLU's output) is exact; a
    range of width 0 gets scale 0.1, as in PyTorch.

    >>> affine_params(-1.0, 3.0, 0, 255)
    (0.01568627543747425, 64)
    """
    lo, hi = min(lo, 0.0), max(hi, 0.0)
    scale = float(torch.tensor((hi - lo) / (qmax - qmin), dtype=torch.float32))
    if scale == 0.0:
        scale = 0.1
    zero_point = int(round(qmin - lo / scale))
    return scale, max(qmin, min(qmax, zero_point))


def quantize_affine(x: Tensor, scale: float, zero_point: int, qmin: int, qmax: int) -> Tensor:
    """q = clamp(round(x / scale) + zero_point, qmin, qmax), as integers in a float tensor.

    x / scale is computed as x · (1 / scale) in float32, as PyTorch's kernels do; at the
    rare exact halves the two can round to neighbouring integers.
    """
    inv = torch.tensor(1.0, dtype=torch.float32) / torch.tensor(scale, dtype=torch.float32)
    return torch.clamp(torch.round(x * inv) + zero_point, qmin, qmax)


class Int8WeightOnlyLinear(nn.Module):
    """y = x (q ⊙ s)ᵀ + b: int8 weights with one absmax scale per output row."""

    def __init__(self, weight_q: Tensor, scale: Tensor, bias: Tensor | None):
        super().__init__()
        self.register_buffer("weight_q", weight_q)  # (out, in) int8
        self.register_buffer("scale", scale)  # (out, 1) float32
        self.register_buffer("bias", None if bias is None else bias.detach().clone())

    @classmethod
    def from_float(cls, linear: nn.Linear) -> Int8WeightOnlyLinear:
        q, scale = absmax_quantize(linear.weight, dim=1)
        return cls(q, scale, linear.bias)

    def forward(self, x: Tensor) -> Tensor:
        w = self.weight_q.to(x.dtype) * self.scale.to(x.dtype)  # dequantise, then float matmul
        return nn.functional.linear(x, w, None if self.bias is None else self.bias.to(x.dtype))


def _int8_linear(x: Tensor, x_scale: float, x_zp: int, weight_q: Tensor, w_scale: Tensor,
                 bias: Tensor | None) -> Tensor:  # fmt: skip
    """Quantise x, multiply in integers, rescale: s_x s_w Σ (q_x − z)(q_w) + b."""
    shape = x.shape
    xq = quantize_affine(x.reshape(-1, shape[-1]).float(), x_scale, x_zp, 0, ACT_QMAX)
    # q − z lies in [−127, 127]: int8, so the product is torch's int8 × int8 → int32 kernel
    acc = torch._int_mm((xq - x_zp).to(torch.int8), weight_q.t())
    y = acc.float() * (w_scale * x_scale)  # one float32 rescale, as the x86 kernel does
    y = y if bias is None else y + bias
    return y.reshape(*shape[:-1], -1)


class DynamicInt8Linear(nn.Module):
    """Weights int8 (per-tensor absmax / 127.5), activations quantised per call from their
    own min and max: ``torch.ao.quantization.quantize_dynamic``'s arithmetic on x86."""

    def __init__(self, weight_q: Tensor, w_scale: Tensor, bias: Tensor | None):
        super().__init__()
        self.register_buffer("weight_q", weight_q)
        self.register_buffer("w_scale", w_scale)
        self.register_buffer("bias", None if bias is None else bias.detach().clone())

    @classmethod
    def from_float(cls, linear: nn.Linear) -> DynamicInt8Linear:
        q, scale = absmax_quantize(linear.weight, qmax=127.5)  # [−128, 127], as torch
        return cls(q, scale, linear.bias)

    def forward(self, x: Tensor) -> Tensor:
        scale, zp = affine_params(float(x.min()), float(x.max()))
        return _int8_linear(x, scale, zp, self.weight_q, self.w_scale, self.bias).to(x.dtype)


class StaticInt8Linear(DynamicInt8Linear):
    """Like ``DynamicInt8Linear`` but with the activation range fixed by calibration."""

    def __init__(self, weight_q: Tensor, w_scale: Tensor, bias: Tensor | None, lo: float,
                 hi: float):  # fmt: skip
        super().__init__(weight_q, w_scale, bias)
        self.x_scale, self.x_zero_point = affine_params(lo, hi)

    @classmethod
    def from_calibrated(cls, linear: nn.Linear, lo: float, hi: float) -> StaticInt8Linear:
        q, scale = absmax_quantize(linear.weight, qmax=127.5)
        return cls(q, scale, linear.bias, lo, hi)

    def forward(self, x: Tensor) -> Tensor:
        y = _int8_linear(x, self.x_scale, self.x_zero_point, self.weight_q, self.w_scale,
                         self.bias)  # fmt: skip
        return y.to(x.dtype)


def _linears(model: nn.Module, skip: Iterable[str]) -> list[str]:
    skip = tuple(skip)
    return [
        n
        for n, m in model.named_modules()
        if isinstance(m, nn.Linear) and not any(n == s or n.startswith(s + ".") for s in skip)
    ]


def _replace(model: nn.Module, names: list[str], make: Callable[[str, nn.Linear], nn.Module]):
    if not names:
        raise ValueError("the model has no nn.Linear layers to quantise (after `skip`).")
    out = copy.deepcopy(model)
    for name in names:
        parent_name, _, child = name.rpartition(".")
        parent = out.get_submodule(parent_name) if parent_name else out
        setattr(parent, child, make(name, getattr(parent, child)))
    return out.eval()


@torch.no_grad()
def calibrate(model: nn.Module, batches: Iterable, skip: Iterable[str] = ()) -> dict:
    """Run the float model on ``batches`` (each passed as ``model(batch)``) and record
    the min and max input of every linear layer: ``{name: (lo, hi)}``."""
    names = _linears(model, skip)
    ranges: dict[str, list[float]] = {}
    hooks = []
    for name in names:

        def hook(_m, args, name=name):
            x = args[0]
            lo, hi = float(x.min()), float(x.max())
            r = ranges.setdefault(name, [lo, hi])
            r[0], r[1] = min(r[0], lo), max(r[1], hi)

        hooks.append(model.get_submodule(name).register_forward_pre_hook(hook))
    was_training = model.training
    model.eval()
    try:
        n = 0
        for batch in batches:
            model(batch)
            n += 1
        if n == 0:
            raise ValueError("calibration needs at least one batch; pass some typical inputs.")
    finally:
        for h in hooks:
            h.remove()
        model.train(was_training)
    return {k: (v[0], v[1]) for k, v in ranges.items()}


def quantize_weight_only(model: nn.Module, skip: Iterable[str] = ()) -> nn.Module:
    """A copy of ``model`` with every ``nn.Linear`` (but those in ``skip``) weight-only int8."""
    return _replace(model, _linears(model, skip), lambda n, m: Int8WeightOnlyLinear.from_float(m))


def quantize_dynamic(model: nn.Module, skip: Iterable[str] = ()) -> nn.Module:
    """A copy with dynamic int8 linear layers (``torch.ao.quantization.quantize_dynamic``)."""
    return _replace(model, _linears(model, skip), lambda n, m: DynamicInt8Linear.from_float(m))


def quantize_static(model: nn.Module, ranges: dict, skip: Iterable[str] = ()) -> nn.Module:
    """A copy with static int8 linear layers, activation ranges from ``calibrate``."""
    names = _linears(model, skip)
    missing = [n for n in names if n not in ranges]
    if missing:
        raise ValueError(
            f"no calibrated range for {missing[:5]}; run calibrate(model, batches) with the "
            "same `skip` first."
        )
    return _replace(model, names, lambda n, m: StaticInt8Linear.from_calibrated(m, *ranges[n]))


def model_bytes(model: nn.Module) -> int:
    """Bytes of the saved state dict (``torch.save`` to memory): what the file would take."""
    buf = io.BytesIO()
    torch.save(model.state_dict(), buf)
    return buf.getbuffer().nbytes
