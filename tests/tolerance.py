r"""Tolerances for parity tests, derived from the magnitudes each case sums.

A parity test compares two correct implementations of the same formula: ours and the
reference library's. They differ only in rounding, and mostly in the *order* of additions
(BLAS blocking, SIMD lanes, pairwise versus sequential summation, fused kernels). A
tolerance that is a bare constant (``atol=1e-6``) holds only for the cases where the sums
happen to be short or the terms small; on another draw the same correct code fails. Every
tolerance here is instead a bound computed for the case at hand.

Error analysis (Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed.; ``u``
is the unit roundoff, half of ``eps = np.finfo(dtype).eps``; ``γ_n = n·u/(1 − n·u)``):

* **Sums.** Summing ``n`` terms in ANY order (sequential, pairwise, blocked, in several
  lanes) gives ``ŝ = Σ xᵢ(1 + θᵢ)`` with ``|θᵢ| ≤ γ_{n−1}`` (§4.2), so
  ``|ŝ − s| ≤ γ_{n−1}·Σ|xᵢ|``. Two implementations are each that close to the exact sum,
  hence differ by at most ``2γ_{n−1}·Σ|xᵢ| ≈ (n − 1)·eps·Σ|xᵢ|``. The bound scales with
  ``Σ|xᵢ|``, not with ``|s|``: a sum that cancels (80 terms of size 2 adding up to −0.03)
  keeps the absolute error of its terms, so no relative tolerance on the result can hold.
  :func:`sum_atol` returns ``n·eps·Σ|xᵢ|``.
* **Dot products and matrix products.** ``fl(aᵀb) = Σ aᵢbᵢ(1 + θᵢ)``, ``|θᵢ| ≤ γ_n``
  (§3.1; a fused multiply-add only removes roundings), so two implementations differ by at
  most ``2γ_k·(|A|·|B|)`` element-wise, about ``k·eps·(|A|·|B|)``: :func:`matmul_atol`.
* **Any differentiable computation** (:func:`linearized_atol`). The algorithms behind these
  operations (sums, products, reductions, convolutions, element-wise functions) are
  component-wise backward stable: the computed result is the exact result for inputs
  perturbed by at most ``γ_n`` relative, ``n`` being the number of terms a result element
  accumulates. To first order the error of output ``yₒ`` is then at most
  ``γ_n·Σᵢ |∂yₒ/∂xᵢ|·|xᵢ|`` — the Jacobian ``J`` applied to the input magnitudes, which for
  a sum is exactly ``Σ|xᵢ|`` and for a matrix product ``|A|·|B|`` (counted once per
  factor: a margin of 2). ``n`` is read off the same Jacobian as the number of inputs
  ``yₒ`` depends on. A gradient ``v = Jᵀg`` is a computation on ``(g, x)``, so the same
  rule uses ``|J|ᵀ|g|`` plus the second-derivative term ``|∂v/∂x|·|x|`` (how far the
  rounding of ``x`` moves ``J``: a variance's gradient through its mean, a softmax's
  through the normaliser). The Jacobians are taken exactly, in float64, with
  ``torch.func`` on the case's (already rounded) inputs, so every case gets its own bound.
* **Element-wise functions** (``exp``, ``log``, ``tanh``, ``erf``): the two libraries use
  different approximations (NumPy/SciPy versus SLEEF/ATen), each within a few ulps;
  :func:`rtol_for` is ``ELEMENTWISE_ULPS·eps`` relative to the expected value, applied on
  top of the bounds above.
* **Cancelling intermediates.** A formula such as ``x·½(1 + erf(x/√2))`` (GELU) forms an
  intermediate of size 1 whose last-bit error is absolute; where the result is tiny
  (``x = −4``: ``½(1 + erf) ≈ 3e−5``), neither the relative tolerance nor the Jacobian of the
  *result* sees it. ``INTERMEDIATE_ULPS·eps·scale`` covers it, ``scale`` being the size of
  the intermediates the test's formulas form (documented where it is used).

* **Whole networks** (:func:`network_atol`), where exact Jacobians over millions of
  weights are out of reach. The worst-case bound above grows like ``n`` and, multiplied
  over a deep stack, says nothing useful (1e-4 on logits that agree to 1e-7). The
  probabilistic analysis of Higham & Mary (SIAM J. Sci. Comput. 41(5), 2019, Thm. 2.4/2.8)
  models rounding errors as independent and mean-zero and proves that a sum of ``n`` terms
  is then within ``λ·√n·u·Σ|terms|`` with probability at least ``1 − 2n·exp(−λ²/2)``.
  For a stack of ``depth`` stages, each forming sums of at most ``width`` terms whose
  magnitudes add up to at most ``scale`` (measured on the case, :func:`linear_terms_scale`),
  the stages' errors add in quadrature, and two implementations differ by
  ``λ·√(2·depth·width)·u·scale``, assuming a normalised stack (LayerNorm, bounded
  activations) carries an error forward in proportion to the signal, not amplified.
  ``λ = 8`` makes the failure probability of each sum below 1e-10 — never, in practice —
  and the seed sweep of issue 20 logs the margins (``LADDER_TOLERANCE_LOG``) to check the
  assumptions. This is the one bound here that is not a worst case.

* **Measured rounding noise** (:func:`noise_atol`), for a computation too large even for
  that (a real 6-layer model whose outlier features make the largest ``Σ|terms|`` a poor
  guide): the same computation run once in float32 and once in float64 shows, element by
  element, how far float32's rounding moves it on this very case; the largest such move over
  all elements (tens of thousands: a stable quantity, not a lucky draw), times 2 for two
  implementations and 4 for their different kernels, bounds their difference.

These are worst-case bounds, not statistics: they hold for every draw, so a test using them
cannot fail by chance. They remain tight enough to catch bugs: with float32 on the sizes in
these tests they are ~1e-5 to 1e-3 of the data's scale while a wrong formula, index or
gradient moves results by the size of the terms themselves; the float64 variants of the same
tests (``eps`` 2.2e-16) then pin the results down to ~1e-13 relative.
"""

from __future__ import annotations

import json
import math
import os
import warnings
from collections.abc import Callable, Sequence

import numpy as np

#: ulps two libraries' element-wise functions (exp, log, tanh, erf, pow and the few
#: roundings of a fused gradient formula around them) may differ by: each library is within
#: ~1–4 ulps of the true value (glibc/SLEEF/NumPy SIMD accuracy claims), a gradient formula
#: strings 3–5 such operations together; 64 leaves a margin of ~4 over that worst case.
ELEMENTWISE_ULPS = 64
#: ulps of the size-1-or-larger intermediates a cancelling formula forms (see the module
#: docstring): the same few-operations-times-few-ulps argument, with the same margin.
INTERMEDIATE_ULPS = 64


def eps(dtype) -> float:
    """Machine epsilon of ``dtype`` (float32: 1.19e-7, float64: 2.22e-16)."""
    return float(np.finfo(np.dtype(dtype)).eps)


def rtol_for(dtype) -> float:
    """Relative tolerance for element-wise functions: ``ELEMENTWISE_ULPS·eps(dtype)``."""
    return ELEMENTWISE_ULPS * eps(dtype)


def sum_atol(terms, axis=None, keepdims: bool = False, dtype=None) -> np.ndarray:
    """Bound on how much two correct summations of ``terms`` along ``axis`` can differ:
    ``n·eps·Σ|terms|`` (``n`` terms per sum; see the module docstring). ``dtype`` is the
    precision the sums run in (default: that of ``terms``)."""
    t = np.abs(np.asarray(terms, dtype=np.float64))
    dtype = np.asarray(terms).dtype if dtype is None else dtype
    n = t.size if axis is None else int(np.prod([t.shape[a] for a in np.atleast_1d(axis)]))
    return n * eps(dtype) * t.sum(axis=axis, keepdims=keepdims)


def matmul_atol(a, b, dtype=None) -> np.ndarray:
    """Bound on how much two correct computations of ``a @ b`` can differ, element-wise:
    ``k·eps·(|a| @ |b|)`` with ``k`` the inner dimension."""
    a64 = np.abs(np.asarray(a, dtype=np.float64))
    b64 = np.abs(np.asarray(b, dtype=np.float64))
    dtype = np.result_type(np.asarray(a).dtype, np.asarray(b).dtype) if dtype is None else dtype
    k = a64.shape[-1]
    return k * eps(dtype) * (a64 @ b64)


def assert_close(actual, expected, *, atol=0.0, rtol=0.0, err_msg: str = "") -> None:
    """``|actual − expected| ≤ atol + rtol·|expected|`` element-wise, where ``atol`` may be
    an array (a per-element bound from this module). On failure, names the worst element
    with its difference and its bound."""
    a = np.asarray(actual, dtype=np.float64)
    e = np.asarray(expected, dtype=np.float64)
    assert a.shape == e.shape, f"{err_msg} shape {a.shape} != {e.shape}"
    bound = np.broadcast_to(np.asarray(atol, dtype=np.float64) + rtol * np.abs(e), e.shape)
    same_nonfinite = ((~np.isfinite(a)) & (a == e)) | (np.isnan(a) & np.isnan(e))
    diff = np.where(same_nonfinite, 0.0, np.abs(a - e))
    bad = ~(diff <= bound)
    _log_margin(diff, bound, err_msg)
    if bad.any():
        ratio = np.where(bad, diff / np.where(bound > 0, bound, np.finfo(float).tiny), 0.0)
        worst = np.unravel_index(int(np.argmax(np.where(np.isnan(ratio), np.inf, ratio))), e.shape)
        raise AssertionError(
            f"{err_msg}: {int(bad.sum())} of {e.size} elements differ beyond the derived bound;"
            f" worst at {tuple(int(i) for i in worst)}: {a[worst]!r} (actual) vs {e[worst]!r}"
            f" (expected), |Δ| {diff[worst]:.3g} > bound {bound[worst]:.3g}"
        )


def _log_margin(diff: np.ndarray, bound: np.ndarray, what: str) -> None:
    """With ``LADDER_TOLERANCE_LOG=FILE``, append how close this comparison came to its bound
    (the largest ``|Δ|/bound``; 1 fails) as a JSON line: how the bounds were audited over
    seed sweeps (issue 20)."""
    path = os.environ.get("LADDER_TOLERANCE_LOG")
    if not path or diff.size == 0:
        return
    ratio = np.where(diff > 0, diff / np.where(bound > 0, bound, np.finfo(float).tiny), 0.0)
    i = int(np.argmax(ratio))
    test = os.environ.get("PYTEST_CURRENT_TEST", "").split(" ")[0]
    row = {"test": test, "what": what, "ratio": float(ratio.flat[i]),
           "diff": float(diff.flat[i]), "bound": float(bound.flat[i])}  # fmt: skip
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(row) + "\n")


def linearized_atol(
    f: Callable, inputs: Sequence, upstream=None, dtype=np.float64
) -> tuple[np.ndarray, list[np.ndarray]]:
    """First-order rounding bounds for ``y = f(*inputs)`` and for each input's gradient
    ``vₖ = Jₖᵀ·upstream`` (the rule in the module docstring), computed exactly in float64.

    ``f`` takes and returns torch tensors (and must work under ``torch.func``); ``inputs``
    are arrays or tensors. Returns ``(atol_y, [atol_v0, atol_v1, ...])``, each
    ``eps(dtype)·n∘M`` element-wise, with ``M`` the Jacobian-weighted input magnitudes and
    ``n`` the number of terms each element depends on; with ``upstream=None`` only the
    forward bound (and an empty list: no second derivatives are taken).
    """
    import torch
    from torch.func import jacrev, vjp

    xs = [torch.as_tensor(np.asarray(x, dtype=np.float64)) for x in inputs]
    argnums = tuple(range(len(xs)))
    with warnings.catch_warnings():  # functorch's note that an op runs without a batch rule
        warnings.filterwarnings("ignore", message="There is a performance drop")
        jac = jacrev(f, argnums=argnums)(*xs)
    out_shape = jac[0].shape[: jac[0].dim() - xs[0].dim()]
    ny = max(int(np.prod(out_shape)), 1)
    e = eps(dtype)
    m_y = torch.zeros(ny, dtype=torch.float64)
    n_y = torch.zeros(ny, dtype=torch.float64)
    for jk, xk in zip(jac, xs, strict=True):
        jk = jk.reshape(ny, -1)
        m_y += jk.abs() @ xk.abs().reshape(-1)
        n_y += (jk != 0).sum(1)
    atol_y = (e * n_y * m_y).reshape(out_shape).numpy()
    if upstream is None:
        return atol_y, []
    g = torch.as_tensor(np.asarray(upstream, dtype=np.float64))

    def grads(*a):
        _, pull = vjp(f, *a)
        return pull(g)

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="There is a performance drop")
        hess = jacrev(grads, argnums=argnums)(*xs)
    atol_v = []
    for k, xk in enumerate(xs):
        jk = jac[k].reshape(ny, -1)
        m = jk.abs().T @ g.abs().reshape(-1)
        n = (jk != 0).sum(0).to(torch.float64)
        for j, xj in enumerate(xs):
            hkj = hess[k][j].reshape(max(xk.numel(), 1), -1)
            m += hkj.abs() @ xj.abs().reshape(-1)
            n += (hkj != 0).sum(1)
        atol_v.append((e * n * m).reshape(xk.shape).numpy())
    return atol_y, atol_v


def _leaves(out) -> list:
    if isinstance(out, (tuple, list)):
        return [t for o in out for t in _leaves(o)]
    return [] if out is None else [out]


def module_atol(
    module, args: Sequence, upstream: Sequence | None = None, dtype=np.float64, kwargs=None
):
    """:func:`linearized_atol` for a ``torch.nn.Module`` called as ``module(*args,
    **kwargs)``: its parameters and its floating-point positional arguments are the inputs
    whose magnitudes count (keyword arguments, such as masks, are held fixed).

    The module is copied (the caller's is not touched) and evaluated in float64 with
    ``torch.func.functional_call``; batch-norm layers in training mode use the batch
    statistics without updating their running ones (the same forward). Outputs are the
    module's tensors flattened in order (nested tuples, as an LSTM returns). ``upstream``:
    one array per output, or ``None`` for the forward bounds only.

    Returns ``(outputs, args, params)``: a list of bounds shaped like the outputs; a list
    with a bound per floating-point argument (``None`` for the others, and when
    ``upstream`` is ``None``); a dict of bounds per parameter name (empty likewise).
    """
    import copy

    import torch
    from torch.func import functional_call

    mod = copy.deepcopy(module).double()
    for m in mod.modules():
        if isinstance(m, torch.nn.modules.batchnorm._BatchNorm) and m.training:
            m.track_running_stats = False
    names = [n for n, _ in mod.named_parameters()]
    params = [p.detach() for _, p in mod.named_parameters()]
    buffers = dict(mod.named_buffers())
    args = [torch.as_tensor(a).detach() for a in args]
    args = [a.double() if a.is_floating_point() else a for a in args]
    diff = [k for k, a in enumerate(args) if a.is_floating_point()]
    shapes: list = []

    def f(*inputs):
        call = list(args)
        for k, t in zip(diff, inputs, strict=False):
            call[k] = t
        state = {**dict(zip(names, inputs[len(diff) :], strict=True)), **buffers}
        outs = _leaves(functional_call(mod, state, tuple(call), kwargs or {}))
        shapes[:] = [o.shape for o in outs]
        return torch.cat([o.reshape(-1) for o in outs])

    inputs = [args[k] for k in diff] + params
    g = None if upstream is None else np.concatenate([np.ravel(u) for u in upstream])
    atol_y, atol_v = linearized_atol(f, inputs, g, dtype)
    sizes = np.cumsum([int(np.prod(s)) for s in shapes])[:-1]
    outputs = [a.reshape(s) for a, s in zip(np.split(atol_y, sizes), shapes, strict=True)]
    if upstream is None:
        return outputs, [None] * len(args), {}
    per_arg: list = [None] * len(args)
    for k, a in zip(diff, atol_v, strict=False):
        per_arg[k] = a
    return outputs, per_arg, dict(zip(names, atol_v[len(diff) :], strict=True))


#: confidence parameter of the probabilistic bound: P(a sum exceeds it) ≤ 2n·exp(−λ²/2)
NETWORK_LAMBDA = 8.0


def network_atol(dtype, *, depth: int, width: int, scale: float) -> float:
    """Bound for a whole network's outputs (see the module docstring):
    ``λ·√(2·depth·width)·u·scale`` with ``u = eps(dtype)/2``."""
    return NETWORK_LAMBDA * math.sqrt(2 * depth * width) * eps(dtype) / 2 * float(scale)


def linear_terms_scale(
    model, *args, loss: Callable | None = None, call: Callable | None = None, **kwargs
) -> float:
    """The largest ``Σ|terms|`` of any sum the linear maps of ``model`` form on this input
    (the maximum of :func:`terms_scales`)."""
    return max(terms_scales(model, *args, loss=loss, call=call, **kwargs).values(), default=0.0)


def terms_scales(
    model, *args, loss: Callable | None = None, call: Callable | None = None, **kwargs
) -> dict[str, float]:
    """The largest ``Σ|terms|`` of the sums ``model``'s linear maps form, measured by running
    ``model(*args, **kwargs)`` (or ``call()``, for a model used through a wrapper).

    ``"forward"``: the maximum over its ``torch.nn.Linear``, ``Conv2d``, Hugging Face
    ``Conv1D`` layers of ``|x|·|W|ᵀ + |b|`` (``|x| ⋆ |W| + |b|`` for a convolution), and the
    projections of its ``torch.nn.MultiheadAttention`` layers. With
    ``loss`` (a function of the model's output giving a scalar) the backward pass runs too:
    ``"input_grads"``, the largest ``|δ|·|W|`` (``δ`` a layer's output gradient), and per
    parameter name the largest ``Σ_positions |δ|ᵀ·|x|`` of its weight gradient (``Σ|δ|``
    for a bias; a batch norm's in evaluation mode: ``Σ|δ|·|x̂|`` and ``Σ|δ|``)."""
    import torch
    import torch.nn.functional as F

    saved = None
    if loss is not None and call is None:  # the backward pass must not touch caller's .grad
        import copy

        model = copy.deepcopy(model)
    elif loss is not None:  # call() runs the caller's model: put its .grad fields back after
        saved = [(p, p.grad) for p in model.parameters()]
    scales: dict[str, float] = {}
    inputs: dict = {}
    names = {m: n for n, m in model.named_modules()}

    def note(key: str, t) -> None:
        if t.numel():
            scales[key] = max(scales.get(key, 0.0), float(t.max()))

    def kind(module) -> str:
        if isinstance(module, torch.nn.Conv2d):
            return "conv"
        if isinstance(module, torch.nn.modules.batchnorm._BatchNorm):
            return "bn"
        return "conv1d" if type(module).__name__ == "Conv1D" else "linear"

    def attention_hook(module, args_in, kwargs_in, _output):
        # torch's MultiheadAttention applies its projections without calling submodules:
        # q/k/v = |x|·|W_in|ᵀ + |b_in|, then the output projection of values averaged with
        # weights summing to 1 (so at most max|v| each): max|v|·Σ_j|W_o| + |b_o|
        c = module.embed_dim
        w_in = module.in_proj_weight.detach().abs().double()
        b_in = module.in_proj_bias.detach().abs().double()
        q, k, v = (args_in + (None,) * 3)[:3]
        q = kwargs_in.get("query", q)
        k = kwargs_in.get("key", k)
        v = kwargs_in.get("value", v)
        for j, t in enumerate((q, k, v)):
            y = t.detach().abs().double() @ w_in[j * c : (j + 1) * c].T + b_in[j * c : (j + 1) * c]
            note("forward", y)
            if j == 2:
                w_o = module.out_proj.weight.detach().abs().double()
                b_o = module.out_proj.bias.detach().abs().double()
                note("forward", y.max() * w_o.sum(1) + b_o)

    def forward_hook(module, args_in, _output):
        x = args_in[0].detach().abs().double()
        inputs[module] = args_in[0].detach().double()
        k = kind(module)
        if k == "bn":
            return  # element-wise in evaluation mode: no sums
        w = module.weight.detach().abs().double()
        b = None if getattr(module, "bias", None) is None else module.bias.detach().abs().double()
        if k == "conv":
            m = module
            y = F.conv2d(x, w, b, m.stride, m.padding, m.dilation, m.groups)
        elif k == "conv1d":  # Hugging Face GPT-2: x @ W + b, W is (in, out)
            y = x @ w + (0 if b is None else b)
        else:
            y = F.linear(x, w, b)
        note("forward", y)

    def backward_hook(module, _grad_in, grad_out):
        d = grad_out[0].detach().abs().double()
        x = inputs[module]
        name = names[module]
        prefix = f"{name}." if name else ""
        k = kind(module)
        if k == "bn":
            shape = (1, -1) + (1,) * (x.dim() - 2)
            mean = module.running_mean.double().reshape(shape)
            var = module.running_var.double().reshape(shape)
            xhat = ((x - mean) / torch.sqrt(var + module.eps)).abs()
            axes = [0, *range(2, x.dim())]
            note(prefix + "weight", (d * xhat).sum(dim=axes))
            note(prefix + "bias", d.sum(dim=axes))
            return
        x = x.abs()
        w = module.weight.detach().abs().double()
        if k == "conv":
            m = module
            gx = torch.nn.grad.conv2d_input(x.shape, w, d, m.stride, m.padding, m.dilation)
            gw = torch.nn.grad.conv2d_weight(x, w.shape, d, m.stride, m.padding, m.dilation)
            gb = d.sum(dim=(0, 2, 3))
        else:
            x2, d2 = x.reshape(-1, x.shape[-1]), d.reshape(-1, d.shape[-1])
            gx = d2 @ (w if k == "linear" else w.T)
            gw = d2.T @ x2
            gb = d2.sum(dim=0)
        note("input_grads", gx)
        note(prefix + "weight", gw)
        if getattr(module, "bias", None) is not None:
            note(prefix + "bias", gb)

    layers = [
        m
        for m in model.modules()
        if isinstance(m, (torch.nn.Linear, torch.nn.Conv2d))
        or type(m).__name__ == "Conv1D"
        or (loss is not None and isinstance(m, torch.nn.modules.batchnorm._BatchNorm))
    ]
    handles = [m.register_forward_hook(forward_hook) for m in layers]
    handles += [
        m.register_forward_hook(attention_hook, with_kwargs=True)
        for m in model.modules()
        if isinstance(m, torch.nn.MultiheadAttention) and m.in_proj_weight is not None
    ]
    if loss is not None:
        handles += [m.register_full_backward_hook(backward_hook) for m in layers]
    try:
        if loss is None:
            # with gradients on, as the test runs it: no_grad would switch torch's encoder
            # layers to their nested-tensor fast path, a different computation
            with torch.enable_grad():
                model(*args, **kwargs) if call is None else call()
        else:
            with torch.enable_grad(), warnings.catch_warnings():
                # a first layer's input needs no gradient; its output gradient is what counts
                warnings.filterwarnings("ignore", message="Full backward hook is firing")
                loss(model(*args, **kwargs) if call is None else call()).backward()
    finally:
        for h in handles:
            h.remove()
        for p, g in saved or []:
            p.grad = g
    return scales


#: see the module docstring: 2 (two implementations) × 4 (different kernels and orders)
NOISE_FACTOR = 8


def noise_atol(low, high, dtype=np.float32) -> float:
    """Bound for two ``dtype`` evaluations of a computation, from its rounding noise on this
    case: ``NOISE_FACTOR·max|low − high| + ELEMENTWISE_ULPS·eps·max|high|``, where ``low``
    is one evaluation in ``dtype`` and ``high`` the same computation in float64."""
    lo = np.asarray(low, dtype=np.float64)
    hi = np.asarray(high, dtype=np.float64)
    return float(NOISE_FACTOR * np.abs(lo - hi).max() + rtol_for(dtype) * np.abs(hi).max())
