"""Lab: activation functions and their derivatives, ours beside ``torch.nn.functional``.

Each function is evaluated on 401 points in [-5, 5] in float64 by :mod:`ladder.autograd`
(``Tensor.sigmoid``, ``tanh``, ``relu``, ``functional.gelu``); its derivative is what our
backward pass returns for ``f(x).sum()``. PyTorch computes both on the same points. The
lab reports the largest difference per function, a finite-difference check of our
derivatives, the saturation values the lesson quotes, and plots both.
"""

from __future__ import annotations

from ladder.labs.context import LabContext

__all__ = ["run", "ACTIVATIONS"]

ACTIVATIONS = ("sigmoid", "tanh", "relu", "gelu", "gelu_tanh")


def _ours(name: str, x):
    from ladder.autograd import functional as F
    from ladder.autograd.tensor import Tensor

    t = Tensor(x.copy(), requires_grad=True)
    fns = {
        "sigmoid": lambda v: v.sigmoid(),
        "tanh": lambda v: v.tanh(),
        "relu": lambda v: v.relu(),
        "gelu": lambda v: F.gelu(v),
        "gelu_tanh": lambda v: F.gelu(v, approximate="tanh"),
    }
    y = fns[name](t)
    y.sum().backward()
    return y.data, t.grad, fns[name]


def _torch(name: str, x):
    import torch
    import torch.nn.functional as TF

    t = torch.tensor(x, requires_grad=True)
    fns = {
        "sigmoid": torch.sigmoid,
        "tanh": torch.tanh,
        "relu": torch.relu,
        "gelu": TF.gelu,
        "gelu_tanh": lambda v: TF.gelu(v, approximate="tanh"),
    }
    y = fns[name](t)
    y.sum().backward()
    return y.detach().numpy(), t.grad.numpy()


def run(ctx: LabContext) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from ladder.autograd.gradcheck import gradcheck
    from ladder.autograd.tensor import Tensor

    x = np.linspace(-5.0, 5.0, 401)
    rows, curves = [], {}
    for name in ctx.progress(ACTIVATIONS, description="activations"):
        y, dy, fn = _ours(name, x)
        ty, tdy = _torch(name, x)
        curves[name] = (y, dy, ty, tdy)
        value_diff = float(np.max(np.abs(y - ty)))
        grad_diff = float(np.max(np.abs(dy - tdy)))
        # Finite differences away from ReLU's kink at 0 (where no derivative exists).
        points = Tensor(np.array([-3.1, -0.7, 0.35, 1.9, 4.2]), requires_grad=True)
        ok = gradcheck(fn, [points])
        ctx.metric(f"{name}_max_value_diff", value_diff)
        ctx.metric(f"{name}_max_grad_diff", grad_diff)
        ctx.metric(f"{name}_gradcheck", bool(ok))
        rows.append([name, value_diff, grad_diff, "passed" if ok else "failed"])
    ctx.table(
        "ladder.autograd against torch.nn.functional on 401 points in [-5, 5] (float64)",
        ["activation", "max |Δ value|", "max |Δ derivative|", "finite differences"],
        rows,
    )
    at = {p: int(np.argmin(np.abs(x - p))) for p in (0.0, 3.0, 4.0)}
    ctx.metric("sigmoid_grad_at_0", float(curves["sigmoid"][1][at[0.0]]))
    ctx.metric("sigmoid_grad_at_4", float(curves["sigmoid"][1][at[4.0]]))
    ctx.metric("tanh_grad_at_3", float(curves["tanh"][1][at[3.0]]))
    ctx.metric("gelu_min", float(curves["gelu"][0].min()))
    ctx.log(
        f"saturation: σ'(4) = {curves['sigmoid'][1][at[4.0]]:.4f}, "
        f"tanh'(3) = {curves['tanh'][1][at[3.0]]:.4f}; GELU's minimum on the grid "
        f"{curves['gelu'][0].min():.4f}"
    )

    fig, axes = plt.subplots(1, 2, figsize=(12, 4.5))
    for i, (name, (y, dy, ty, tdy)) in enumerate(curves.items()):
        axes[0].plot(x, y, color=f"C{i}", label=name)
        axes[0].plot(x[::20], ty[::20], "x", color=f"C{i}")
        axes[1].plot(x, dy, color=f"C{i}", label=f"{name}'")
        axes[1].plot(x[::20], tdy[::20], "x", color=f"C{i}")
    axes[0].set(title="Activations: ladder (lines), torch (x)", xlabel="x", ylim=(-1.5, 5.2))
    axes[1].set(title="Derivatives by backpropagation: ladder (lines), torch (x)", xlabel="x")
    for ax in axes:
        ax.axhline(0, color="grey", lw=0.5)
        ax.legend(fontsize=8)
    fig.tight_layout()
    path = ctx.figure("activations")
    fig.savefig(path, dpi=100)
    plt.close(fig)
    ctx.saved(path)
