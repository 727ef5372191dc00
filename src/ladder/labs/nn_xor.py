"""Lab: XOR with a perceptron (which fails) and a two-layer network (which solves it).

Rosenblatt's rule (``ladder.nn.perceptron.Perceptron``, no shuffling, η = 1) runs on AND,
which is linearly separable, and on XOR, which is not; scikit-learn's ``Perceptron`` runs
on the same data with the same settings. ``train_xor_mlp`` fits a 2-4-1 tanh network by
backpropagation with Adam; the same network in PyTorch, started from the same weights,
follows the same loss curve. Plots the decision regions of all three.
"""

from __future__ import annotations

from ladder.labs.context import LabContext

__all__ = ["run"]

AND_Y = (0, 0, 0, 1)


def _torch_xor_losses(weights: dict, epochs: int, lr: float) -> list[float]:
    """The 2-4-1 tanh network in PyTorch from ``weights``, trained like ``train_xor_mlp``."""
    import torch

    from ladder.nn.perceptron import XOR_X, XOR_Y

    net = torch.nn.Sequential(torch.nn.Linear(2, 4), torch.nn.Tanh(), torch.nn.Linear(4, 1))
    net = net.double()
    net.load_state_dict({k: torch.from_numpy(v) for k, v in weights.items()})
    opt = torch.optim.Adam(net.parameters(), lr=lr)
    x = torch.from_numpy(XOR_X)
    y = torch.from_numpy(XOR_Y.reshape(-1, 1).astype("float64"))
    losses = []
    for _ in range(epochs):
        loss = torch.nn.functional.binary_cross_entropy_with_logits(net(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    return losses


def run(ctx: LabContext) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
    from sklearn.linear_model import Perceptron as SkPerceptron

    from ladder.autograd.tensor import Tensor
    from ladder.nn import init
    from ladder.nn.perceptron import XOR_X, XOR_Y, Perceptron, train_xor_mlp

    rows = []
    fitted = {}
    for task, y in ctx.progress(
        [("AND", np.array(AND_Y)), ("XOR", XOR_Y)], description="perceptron"
    ):
        ours = Perceptron(shuffle=False, max_epochs=100).fit(XOR_X, y)
        sk = SkPerceptron(shuffle=False, eta0=1.0, max_iter=100, tol=None).fit(XOR_X, y)
        fitted[task] = ours
        key = task.lower()
        ctx.metric(f"perceptron_{key}_converged", bool(ours.converged_))
        ctx.metric(f"perceptron_{key}_epochs", len(ours.mistakes_per_epoch_))
        ctx.metric(f"perceptron_{key}_mistakes", int(sum(ours.mistakes_per_epoch_)))
        ctx.metric(f"perceptron_{key}_accuracy", ours.score(XOR_X, y))
        ctx.metric(f"sklearn_{key}_accuracy", float(sk.score(XOR_X, y)))
        rows.append(
            [
                task,
                bool(ours.converged_),
                len(ours.mistakes_per_epoch_),
                int(sum(ours.mistakes_per_epoch_)),
                str(ours.coef_.tolist()),
                float(ours.intercept_),
                ours.score(XOR_X, y),
                str(sk.coef_.ravel().tolist()),
                float(sk.intercept_[0]),
                float(sk.score(XOR_X, y)),
            ]
        )
    ctx.table(
        "Perceptron (η = 1, no shuffling) beside scikit-learn's",
        [
            "task",
            "converged",
            "epochs",
            "mistakes",
            "w",
            "b",
            "accuracy",
            "sklearn w",
            "sklearn b",
            "sklearn accuracy",
        ],
        rows,
    )

    epochs = 200 if ctx.quick else 500
    init.manual_seed(0)
    model, losses = train_xor_mlp(epochs=epochs)
    # The same starting weights: rebuild them with the same seed (train_xor_mlp seeds 0).
    init.manual_seed(0)
    from ladder.nn.layers import Linear, Tanh
    from ladder.nn.module import Sequential

    start = Sequential(
        Linear(2, 4, dtype=np.float64), Tanh(), Linear(4, 1, dtype=np.float64)
    ).state_dict()
    torch_losses = _torch_xor_losses(start, epochs, 0.05)
    gap = float(np.max(np.abs(np.array(losses) - np.array(torch_losses))))
    pred = (model(Tensor(XOR_X)).data.ravel() > 0).astype(int)
    ctx.metric("mlp_first_loss", losses[0])
    ctx.metric("mlp_final_loss", losses[-1])
    ctx.metric("mlp_accuracy", float((pred == XOR_Y).mean()))
    ctx.metric("mlp_torch_final_loss", torch_losses[-1])
    ctx.metric("mlp_max_loss_gap_vs_torch", gap)
    ctx.table(
        f"2-4-1 tanh network on XOR, Adam lr 0.05, {epochs} steps",
        ["library", "first loss", "final loss", "accuracy"],
        [
            ["ladder.nn", losses[0], losses[-1], float((pred == XOR_Y).mean())],
            ["PyTorch (same start)", torch_losses[0], torch_losses[-1], None],
        ],
    )

    g = np.linspace(-0.5, 1.5, 201)
    gx, gy = np.meshgrid(g, g)
    grid = np.c_[gx.ravel(), gy.ravel()]
    panels = [
        ("perceptron on AND", fitted["AND"].decision_function(grid), np.array(AND_Y)),
        ("perceptron on XOR", fitted["XOR"].decision_function(grid) + 1e-9, XOR_Y),
        ("2-4-1 network on XOR", model(Tensor(grid)).data.ravel(), XOR_Y),
    ]
    fig, axes = plt.subplots(1, 3, figsize=(13, 4.2))
    for ax, (title, score, y) in zip(axes, panels, strict=True):
        ax.contourf(
            gx,
            gy,
            (score > 0).reshape(gx.shape),
            levels=[-0.5, 0.5, 1.5],
            colors=["#f4cccc", "#cfe2f3"],
        )
        ax.scatter(
            XOR_X[:, 0], XOR_X[:, 1], c=["C3" if t == 0 else "C0" for t in y], s=120, edgecolors="k"
        )
        ax.set(title=title, xlabel="x₁", ylabel="x₂", aspect="equal")
    fig.tight_layout()
    path = ctx.figure("decision_regions")
    fig.savefig(path, dpi=100)
    plt.close(fig)
    ctx.saved(path)

    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(losses, label="ladder.nn")
    ax.plot(torch_losses, "--", label="PyTorch")
    ax.set(xlabel="Adam step", ylabel="binary cross-entropy", yscale="log", title="XOR training")
    ax.legend()
    fig.tight_layout()
    path = ctx.figure("xor_loss")
    fig.savefig(path, dpi=100)
    plt.close(fig)
    ctx.saved(path)
