"""Lab: DP-SGD on MNIST at several privacy budgets, with a membership-inference attack.

A small MLP (784-128-10) learns from ``n`` training images (the *members*). It is trained
once without privacy (plain mini-batch SGD) and once per target :math:`\\varepsilon` with
DP-SGD (``ladder.ethics.dpsgd``: Poisson batches, per-sample clipping at C = 1, Gaussian
noise); the noise multiplier for each target comes from our RDP accountant at
:math:`\\delta = 10^{-5}`, and Opacus' accountant confirms the :math:`\\varepsilon` spent.

For each model: accuracy on the test images, and the loss-threshold membership attack
(``ladder.ethics.membership``) telling the members from as many test images it never saw
(the *non-members*): its ROC AUC and best advantage beside Yeom et al.'s bound
:math:`e^\\varepsilon - 1`. The plot is the privacy–utility curve. Per-sample gradients
are checked against Opacus' ``GradSampleModule`` on one batch before training.

``quick``: 600 members, 4 epochs, targets 8 and 1, accuracy on 2,000 test images.
Full: 5,000 members, 30 epochs, targets 8, 2 and 0.5 (a few minutes on a laptop CPU).
"""

from __future__ import annotations

import math

from ladder.labs.context import LabContext, torch_threads

DELTA = 1e-5


def _model(seed: int):
    import torch

    torch.manual_seed(seed)
    return torch.nn.Sequential(torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))


def _losses_and_accuracy(model, x, y):
    import torch
    import torch.nn.functional as F

    with torch.no_grad():
        logits = model(x)
        losses = F.cross_entropy(logits, y, reduction="none")
        acc = (logits.argmax(1) == y).float().mean().item()
    return losses.numpy(), acc


def run(ctx: LabContext) -> None:
    with torch_threads(1):
        _run(ctx)


def _run(ctx: LabContext) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import copy
    import warnings

    import matplotlib.pyplot as plt
    import numpy as np
    import torch
    import torch.nn.functional as F
    from opacus import GradSampleModule
    from opacus.accountants import RDPAccountant as OpacusRDP

    from ladder.data.mnist import load_mnist
    from ladder.ethics.accountant import RDPAccountant, noise_multiplier_for_epsilon
    from ladder.ethics.dpsgd import DPSGD, per_sample_gradients, poisson_batches
    from ladder.ethics.membership import dp_advantage_bound, loss_threshold_attack

    n, epochs, targets = (600, 4, [8.0, 1.0]) if ctx.quick else (5000, 30, [8.0, 2.0, 0.5])
    batch, lr, clip = (60 if ctx.quick else 100), 0.5, 1.0
    q = batch / n
    steps = epochs * int(1 / q)
    tr_x, tr_y = load_mnist("train")
    te_x, te_y = load_mnist("test")
    rng = np.random.default_rng(ctx.seed)
    member_idx = rng.choice(len(tr_y), n, replace=False)
    other_idx = rng.choice(len(te_y), n, replace=False)

    def tensors(images, labels):
        x = torch.tensor(images.reshape(len(images), -1), dtype=torch.float32) / 255.0
        return (x - 0.1307) / 0.3081, torch.tensor(labels, dtype=torch.long)

    xm, ym = tensors(tr_x[member_idx], tr_y[member_idx])
    xo, yo = tensors(te_x[other_idx], te_y[other_idx])
    xt, yt = tensors(te_x[:2000], te_y[:2000]) if ctx.quick else tensors(te_x, te_y)
    ctx.log(
        f"{n} members, {n} non-members, {epochs} epochs, sampling rate {q:g}, "
        f"{steps} steps, delta {DELTA:g}"
    )

    # per-sample gradients: ours against Opacus' hooks, on one batch of the real data
    probe = _model(ctx.seed)
    ours = per_sample_gradients(probe, F.cross_entropy, xm[:32], ym[:32])
    gsm = GradSampleModule(copy.deepcopy(probe), loss_reduction="sum")
    with warnings.catch_warnings():  # Opacus' hooks note that the inputs need no gradient
        warnings.simplefilter("ignore", UserWarning)
        F.cross_entropy(gsm(xm[:32]), ym[:32], reduction="sum").backward()
    gap = max(
        float((ours[k] - p.grad_sample).abs().max()) for k, p in gsm._module.named_parameters()
    )
    ctx.metric("per_sample_grad_max_diff_vs_opacus", gap)

    rows, curve = [], []
    settings = [("non-private", None)] + [(f"DP, target ε = {e:g}", e) for e in targets]
    for label, target in ctx.progress(settings, description="training"):
        model = _model(ctx.seed)
        opt = torch.optim.SGD(model.parameters(), lr=lr)
        gen = torch.Generator().manual_seed(ctx.seed)
        if target is None:
            sigma = eps = eps_opacus = math.inf
            for _ in range(epochs):
                perm = torch.randperm(n, generator=gen)
                for start in range(0, n, batch):
                    b = perm[start : start + batch]
                    opt.zero_grad()
                    F.cross_entropy(model(xm[b]), ym[b]).backward()
                    opt.step()
        else:
            sigma = noise_multiplier_for_epsilon(target, DELTA, q, steps)
            dp = DPSGD(
                model,
                opt,
                noise_multiplier=sigma,
                max_grad_norm=clip,
                expected_batch_size=batch,
                generator=gen,
            )
            for _ in range(epochs):
                for b in poisson_batches(n, q, gen):
                    dp.step(F.cross_entropy, xm[b], ym[b])
            acc_ours = RDPAccountant()
            acc_ours.step(noise_multiplier=sigma, sample_rate=q, steps=steps)
            eps = acc_ours.epsilon(DELTA)
            ref = OpacusRDP()
            ref.history = [(sigma, q, steps)]
            eps_opacus = ref.get_epsilon(DELTA)
        loss_m, acc_m = _losses_and_accuracy(model, xm, ym)
        loss_o, _ = _losses_and_accuracy(model, xo, yo)
        _, acc_t = _losses_and_accuracy(model, xt, yt)
        attack = loss_threshold_attack(loss_m, loss_o)
        bound = dp_advantage_bound(eps, DELTA) if math.isfinite(eps) else 1.0
        rows.append(
            [label, sigma, eps, eps_opacus, acc_m, acc_t, attack.auc, attack.advantage, bound]
        )
        curve.append((eps, acc_t, attack.auc))
        key = "nonprivate" if target is None else f"eps{target:g}".replace(".", "_")
        ctx.metric(f"{key}_test_accuracy", acc_t)
        ctx.metric(f"{key}_train_accuracy", acc_m)
        ctx.metric(f"{key}_mia_auc", attack.auc)
        ctx.metric(f"{key}_mia_advantage", attack.advantage)
        if target is not None:
            ctx.metric(f"{key}_noise_multiplier", sigma)
            ctx.metric(f"{key}_epsilon", eps)
            ctx.metric(f"{key}_epsilon_opacus", eps_opacus)
    ctx.table(
        "Privacy and utility: DP-SGD at several budgets (δ = 1e-5), membership attack beside",
        [
            "model",
            "noise σ",
            "ε (ours)",
            "ε (Opacus)",
            "train acc.",
            "test acc.",
            "attack AUC",
            "attack advantage",
            "bound e^ε−1+δ",
        ],
        rows,
    )

    fig, ax = plt.subplots(figsize=(7, 4.2))
    finite = [c for c in curve if math.isfinite(c[0])]
    xs = [c[0] for c in finite]
    ax.plot(xs, [c[1] for c in finite], "o-", label="test accuracy (DP-SGD)")
    ax.plot(xs, [c[2] for c in finite], "s--", label="membership attack AUC")
    ax.axhline(curve[0][1], color="C0", alpha=0.4, label="test accuracy, non-private")
    ax.axhline(curve[0][2], color="C1", alpha=0.4, label="attack AUC, non-private")
    ax.axhline(0.5, color="grey", lw=0.8, ls=":")
    ax.set_xscale("log")
    ax.set_xlabel("ε (δ = 1e-5), log scale")
    ax.set_title(f"Privacy–utility on MNIST ({n} training images)", fontsize=10)
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    path = ctx.figure("privacy_utility")
    fig.savefig(path, dpi=110)
    plt.close(fig)
    ctx.saved(path)
