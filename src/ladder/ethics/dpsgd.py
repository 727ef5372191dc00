"""DP-SGD (Abadi et al. 2016): stochastic gradient descent with differential privacy.

Plain SGD can memorise single examples. DP-SGD bounds what any one example can do to an
update, then hides it under noise:

1. **Poisson sampling**: each example joins the batch independently with probability
   :math:`q` (so the batch size varies around :math:`qN`);
2. **per-sample gradients** :math:`g_i = \\nabla_\\theta \\ell(x_i, y_i)`, one per example;
3. **clipping** each to norm at most :math:`C`:
   :math:`\\bar g_i = g_i \\cdot \\min(1, C / \\|g_i\\|)` (the norm over all parameters);
4. **Gaussian noise** on the sum, then the average over the expected batch size:
   :math:`\\tilde g = \\frac{1}{qN}\\big(\\sum_i \\bar g_i + \\mathcal N(0, \\sigma^2 C^2 I)\\big)`.

The sum has sensitivity :math:`C` (one example moves it by at most :math:`C`), so each
step is a sampled Gaussian mechanism with noise multiplier :math:`\\sigma`;
:mod:`ladder.ethics.accountant` turns :math:`(\\sigma, q, \\text{steps})` into
:math:`\\varepsilon`. Per-sample gradients come from ``torch.func`` (``vmap`` over
``grad`` of a single example's loss). They equal Opacus' ``GradSampleModule``, and a full
step with the same noise generator equals Opacus' ``DPOptimizer``
(``tests/ethics/test_dpsgd.py``); the clip factor :math:`C/(\\|g_i\\| + 10^{-6})` capped at
1 is Opacus'.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import torch
from torch import Tensor, nn

__all__ = [
    "per_sample_gradients",
    "per_sample_norms",
    "clip_per_sample",
    "gaussian_noise",
    "DPSGD",
    "poisson_batches",
]


def per_sample_gradients(
    model: nn.Module, loss_fn: Callable[[Tensor, Tensor], Tensor], x: Tensor, y: Tensor
) -> dict[str, Tensor]:
    """``{name: (B, *param.shape)}``: the gradient of each example's own loss.

    ``loss_fn(output, target)`` is called on a batch of one (output ``(1, …)``), so any
    reduction gives the example's loss. Buffers (batch-norm statistics) are not allowed:
    batch norm mixes examples, which DP-SGD cannot clip apart.
    """
    from torch.func import functional_call, grad, vmap

    if len(x) != len(y):
        raise ValueError(f"x has {len(x)} examples but y has {len(y)}; pass one target each.")
    if any(isinstance(m, nn.modules.batchnorm._BatchNorm) for m in model.modules()):
        raise ValueError(
            "the model has batch normalisation, which mixes the examples of a batch; "
            "use GroupNorm or LayerNorm for DP-SGD."
        )
    params = {k: v.detach() for k, v in model.named_parameters() if v.requires_grad}
    buffers = {k: v.detach() for k, v in model.named_buffers()}

    def one(p: dict[str, Tensor], xi: Tensor, yi: Tensor) -> Tensor:
        out = functional_call(model, (p, buffers), (xi.unsqueeze(0),))
        return loss_fn(out, yi.unsqueeze(0))

    return vmap(grad(one), in_dims=(None, 0, 0))(params, x, y)


def per_sample_norms(grads: dict[str, Tensor]) -> Tensor:
    """``(B,)``: each example's gradient norm over all parameters together."""
    if not grads:
        raise ValueError("grads is empty; the model has no trainable parameters.")
    per_param = [g.reshape(len(g), -1).norm(2, dim=-1) for g in grads.values()]
    return torch.stack(per_param, dim=1).norm(2, dim=1)


def clip_per_sample(grads: dict[str, Tensor], max_norm: float) -> dict[str, Tensor]:
    """Each example's gradient scaled by ``min(1, max_norm / (norm + 1e-6))``."""
    if not max_norm > 0:
        raise ValueError(f"max_norm must be positive, got {max_norm!r}.")
    factor = (max_norm / (per_sample_norms(grads) + 1e-6)).clamp(max=1.0)
    return {k: torch.einsum("i,i...->i...", factor.to(g.dtype), g) for k, g in grads.items()}


def gaussian_noise(
    like: Tensor, noise_multiplier: float, max_norm: float, generator: torch.Generator | None = None
) -> Tensor:
    """:math:`\\mathcal N(0, (\\sigma C)^2)` noise of the shape of ``like``."""
    if noise_multiplier < 0:
        raise ValueError(f"noise_multiplier must be ≥ 0, got {noise_multiplier!r}.")
    std = noise_multiplier * max_norm
    if std == 0:
        return torch.zeros_like(like)
    return torch.normal(
        mean=0.0,
        std=std,
        size=like.shape,
        generator=generator,
        dtype=like.dtype,
        device=like.device,
    )


class DPSGD:
    """Wraps a torch optimizer: :meth:`step` computes per-sample gradients of a batch,
    clips, adds noise, averages over ``expected_batch_size`` and steps.

    Parameters
    ----------
    model, optimizer : the module and an optimizer over ``model.parameters()``
    noise_multiplier : float ≥ 0
        :math:`\\sigma`; the noise std is :math:`\\sigma C` (0 gives clipping only: no privacy).
    max_grad_norm : float > 0
        :math:`C`.
    expected_batch_size : int
        :math:`qN`, the divisor of the noisy sum (fixed, so it leaks nothing).
    generator : torch.Generator, optional
        Source of the noise.
    """

    def __init__(
        self,
        model: nn.Module,
        optimizer: torch.optim.Optimizer,
        *,
        noise_multiplier: float,
        max_grad_norm: float,
        expected_batch_size: int,
        generator: torch.Generator | None = None,
    ) -> None:
        if noise_multiplier < 0:
            raise ValueError(f"noise_multiplier must be ≥ 0, got {noise_multiplier!r}.")
        if not max_grad_norm > 0:
            raise ValueError(f"max_grad_norm must be positive, got {max_grad_norm!r}.")
        if not isinstance(expected_batch_size, int) or expected_batch_size < 1:
            raise ValueError(
                f"expected_batch_size must be a positive integer, got {expected_batch_size!r}."
            )
        self.model = model
        self.optimizer = optimizer
        self.noise_multiplier = noise_multiplier
        self.max_grad_norm = max_grad_norm
        self.expected_batch_size = expected_batch_size
        self.generator = generator

    def step(self, loss_fn: Callable[[Tensor, Tensor], Tensor], x: Tensor, y: Tensor) -> None:
        named = dict(self.model.named_parameters())
        if len(x):
            grads = clip_per_sample(
                per_sample_gradients(self.model, loss_fn, x, y), self.max_grad_norm
            )
        else:  # an empty Poisson batch still gets noise
            grads = {
                k: torch.zeros((0, *p.shape), dtype=p.dtype)
                for k, p in named.items()
                if p.requires_grad
            }
        by_param = {id(named[k]): g.sum(dim=0) for k, g in grads.items()}
        for group in self.optimizer.param_groups:  # the optimizer's order, as Opacus draws noise
            for p in group["params"]:
                if id(p) not in by_param:
                    continue
                summed = by_param[id(p)]
                noisy = summed + gaussian_noise(
                    summed, self.noise_multiplier, self.max_grad_norm, self.generator
                )
                p.grad = (noisy / self.expected_batch_size).view_as(p)
        self.optimizer.step()
        self.optimizer.zero_grad(set_to_none=True)


def poisson_batches(
    n_samples: int, sample_rate: float, generator: torch.Generator | None = None
) -> Iterator[Tensor]:
    """One epoch of Poisson-sampled batches: ``int(1 / sample_rate)`` index tensors, each
    example in each batch independently with probability ``sample_rate`` (Opacus'
    ``UniformWithReplacementSampler``)."""
    if not 0 < sample_rate <= 1:
        raise ValueError(f"sample_rate must be in (0, 1], got {sample_rate!r}.")
    for _ in range(int(1 / sample_rate)):
        mask = torch.rand(n_samples, generator=generator) < sample_rate
        yield mask.nonzero().reshape(-1)
