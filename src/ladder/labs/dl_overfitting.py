"""Lab: overfitting and four remedies, on a small slice of scikit-learn's digits.

A 64-256-256-10 ReLU MLP (:mod:`ladder.nn`) trains on only 300 of the 8×8 training
images, so it can memorise them. The other 1,047 training images are the validation set
(for the curves and early stopping); the 450 test images judge the final models. Five
runs share the initial weights and the batch order:

* ``plain`` — Adam, nothing else;
* ``dropout`` — dropout 0.5 after each hidden layer;
* ``weight decay`` — AdamW with decoupled decay 0.5;
* ``augmentation`` — every batch shifted by up to one pixel in each direction;
* ``early stopping`` — the plain run, stopped when the validation loss has not improved
  for 10 epochs, with the best weights restored.

:func:`experiment` is the computation (``tests/curriculum/test_dl_numbers.py`` recomputes
the lesson's numbers with it); :func:`run` reports it and plots the curves. The same MLP
in PyTorch (``torch.nn``, same weights, same batches, plain run) is the reference.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ladder.labs.context import LabContext

__all__ = ["run", "experiment", "CONFIGS", "N_TRAIN", "EPOCHS"]

N_TRAIN = 300  # training images: few enough to memorise
EPOCHS = {False: 100, True: 25}  # full run, quick run
CONFIGS = ("plain", "dropout", "weight decay", "augmentation", "early stopping")


def _shift(x: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Shift each image ``(N, 1, H, W)`` by -1, 0 or +1 pixels along each axis (zero fill)."""
    out = np.zeros_like(x)
    h, w = x.shape[-2:]
    for k, (dy, dx) in enumerate(rng.integers(-1, 2, size=(len(x), 2))):
        ys, yd = slice(max(0, -dy), h - max(0, dy)), slice(max(0, dy), h - max(0, -dy))
        xs, xd = slice(max(0, -dx), w - max(0, dx)), slice(max(0, dx), w - max(0, -dx))
        out[k, :, yd, xd] = x[k, :, ys, xs]
    return out


def _model(dropout: float):
    from ladder.nn import init
    from ladder.nn.layers import Dropout, Flatten, Linear, ReLU
    from ladder.nn.module import Sequential

    init.manual_seed(0)
    layers = [Flatten(), Linear(64, 256), ReLU()]
    layers += [Dropout(dropout)] if dropout else []
    layers += [Linear(256, 256), ReLU()]
    layers += [Dropout(dropout)] if dropout else []
    return Sequential(*layers, Linear(256, 10))


def experiment(
    quick: bool = False, configs: tuple[str, ...] = CONFIGS, on_epoch: Any = None
) -> dict[str, dict[str, Any]]:
    """Train each configuration; return per-epoch curves and final accuracies.

    Each entry: ``train_loss``, ``val_loss``, ``train_acc``, ``val_acc`` (lists per epoch),
    ``test_acc``, ``epochs`` (run), ``best_epoch`` (1-based, lowest validation loss).
    """
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1):  # small matrices: one BLAS thread is fastest on a busy CPU
        return _experiment(quick, configs, on_epoch)


def _experiment(quick: bool, configs: tuple[str, ...], on_epoch: Any) -> dict[str, dict[str, Any]]:
    from ladder.autograd.tensor import Tensor, no_grad
    from ladder.nn.digits import load_digits_data
    from ladder.nn.losses import cross_entropy
    from ladder.nn.optim import Adam, AdamW
    from ladder.nn.training import EarlyStopping, train

    data = load_digits_data("sklearn")
    x_tr, y_tr = data.x_train[:N_TRAIN], data.y_train[:N_TRAIN]
    x_va, y_va = data.x_train[N_TRAIN:], data.y_train[N_TRAIN:]
    epochs, batch = EPOCHS[quick], 32

    @no_grad()
    def measure(model, x, y) -> tuple[float, float]:
        model.eval()
        logits = model(Tensor(x))
        loss = float(cross_entropy(logits, y).item())
        return loss, float((logits.data.argmax(1) == y).mean())

    results: dict[str, dict[str, Any]] = {}
    for name in configs:
        model = _model(0.5 if name == "dropout" else 0.0)
        if name == "weight decay":
            opt = AdamW(model.parameters(), lr=1e-3, weight_decay=0.5)
        else:
            opt = Adam(model.parameters(), lr=1e-3)
        order_rng = np.random.default_rng(0)
        shift_rng = np.random.default_rng(1)

        def batches(epoch: int, name=name, order_rng=order_rng, shift_rng=shift_rng):
            order = order_rng.permutation(N_TRAIN)
            for i in range(0, N_TRAIN, batch):
                idx = order[i : i + batch]
                xb = _shift(x_tr[idx], shift_rng) if name == "augmentation" else x_tr[idx]
                yield xb, y_tr[idx]

        curves: dict[str, list[float]] = {
            k: [] for k in ("train_loss", "val_loss", "train_acc", "val_acc")
        }

        def evaluate(m, curves=curves) -> float:
            tl, ta = measure(m, x_tr, y_tr)
            vl, va = measure(m, x_va, y_va)
            for key, v in zip(curves, (tl, vl, ta, va), strict=True):
                curves[key].append(v)
            return vl

        stopper = EarlyStopping(patience=10) if name == "early stopping" else None
        train(
            model,
            cross_entropy,
            opt,
            batches,
            epochs,
            evaluate=evaluate,
            early_stopping=stopper,
            on_epoch=(lambda e, h, name=name: on_epoch(name, e)) if on_epoch else None,
        )
        _, test_acc = measure(model, data.x_test, data.y_test)
        final_val_loss, _ = measure(model, x_va, y_va)  # the model returned (restored, if so)
        results[name] = {
            **curves,
            "test_acc": test_acc,
            "final_val_loss": final_val_loss,
            "epochs": len(curves["val_loss"]),
            "best_epoch": int(np.argmin(curves["val_loss"])) + 1,
        }
    return results


def _torch_plain(quick: bool) -> dict[str, float]:
    """The plain run in PyTorch: same initial weights, same batches, same optimiser."""
    import torch

    from ladder.nn.digits import load_digits_data

    data = load_digits_data("sklearn")
    ours = _model(0.0)
    twin = torch.nn.Sequential(
        torch.nn.Flatten(),
        torch.nn.Linear(64, 256),
        torch.nn.ReLU(),
        torch.nn.Linear(256, 256),
        torch.nn.ReLU(),
        torch.nn.Linear(256, 10),
    )
    # Our Sequential numbers the layers 0..5 exactly as torch does: weights copy across.
    twin.load_state_dict({k: torch.from_numpy(v) for k, v in ours.state_dict().items()})
    opt = torch.optim.Adam(twin.parameters(), lr=1e-3)
    x_tr = torch.from_numpy(data.x_train[:N_TRAIN])
    y_tr = torch.from_numpy(data.y_train[:N_TRAIN])
    rng = np.random.default_rng(0)
    for _ in range(EPOCHS[quick]):
        order = torch.from_numpy(rng.permutation(N_TRAIN))
        for i in range(0, N_TRAIN, 32):
            idx = order[i : i + 32]
            loss = torch.nn.functional.cross_entropy(twin(x_tr[idx]), y_tr[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
    with torch.no_grad():
        pred = twin(torch.from_numpy(data.x_test)).argmax(1).numpy()
        x_va = torch.from_numpy(data.x_train[N_TRAIN:])
        val_loss = torch.nn.functional.cross_entropy(
            twin(x_va), torch.from_numpy(data.y_train[N_TRAIN:])
        ).item()
    return {"test_acc": float((pred == data.y_test).mean()), "val_loss": float(val_loss)}


def run(ctx: LabContext) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    epochs = EPOCHS[ctx.quick]
    ctx.log(
        f"sklearn digits: {N_TRAIN} training images, 1,047 for validation, 450 for test; "
        f"MLP 64-256-256-10, Adam lr 1e-3, batches of 32, {epochs} epochs"
    )
    bar = iter(ctx.progress(range(len(CONFIGS) * epochs), description="epochs (all runs)"))
    results = experiment(ctx.quick, on_epoch=lambda name, e: next(bar, None))
    for _ in bar:  # early stopping ends its run early: finish the bar
        pass
    rows = []
    for name, r in results.items():
        key = name.replace(" ", "_")
        rows.append(
            [
                name,
                r["epochs"],
                r["train_acc"][-1],
                r["val_acc"][-1],
                min(r["val_loss"]),
                r["final_val_loss"],
                r["best_epoch"],
                r["test_acc"],
            ]
        )
        ctx.metric(f"{key}_test_acc", r["test_acc"])
        ctx.metric(f"{key}_train_acc", r["train_acc"][-1])
        ctx.metric(f"{key}_final_val_loss", r["final_val_loss"])
        ctx.metric(f"{key}_min_val_loss", min(r["val_loss"]))
        ctx.metric(f"{key}_epochs", r["epochs"])
        ctx.metric(f"{key}_best_epoch", r["best_epoch"])
    twin = _torch_plain(ctx.quick)
    rows.append(
        ["plain (PyTorch twin)", epochs, None, None, None, twin["val_loss"], None, twin["test_acc"]]
    )
    ctx.metric("torch_plain_test_acc", twin["test_acc"])
    ctx.metric("torch_plain_final_val_loss", twin["val_loss"])
    ctx.table(
        "Overfitting on 300 digits (accuracies in [0, 1])",
        [
            "run",
            "epochs",
            "train acc",
            "val acc",
            "min val loss",
            "final val loss",
            "best epoch",
            "test acc",
        ],
        rows,
    )

    fig, axes = plt.subplots(1, 2, figsize=(12, 4.5))
    for i, (name, r) in enumerate(results.items()):
        ep = np.arange(1, r["epochs"] + 1)
        style = "--" if name == "early stopping" else "-"
        axes[0].plot(ep, r["val_loss"], style, color=f"C{i}", label=f"{name} (validation)")
        axes[0].plot(ep, r["train_loss"], ":", color=f"C{i}", alpha=0.6)
        axes[1].plot(ep, r["val_acc"], style, color=f"C{i}", label=name)
    axes[0].set(
        xlabel="epoch",
        ylabel="cross-entropy",
        yscale="log",
        title="Loss: training (dotted) and validation",
    )
    axes[0].legend(fontsize=8)
    axes[1].set(xlabel="epoch", ylabel="validation accuracy", title="Validation accuracy")
    axes[1].legend(fontsize=8)
    fig.tight_layout()
    path = ctx.figure("overfitting_curves")
    fig.savefig(path, dpi=100)
    plt.close(fig)
    ctx.saved(path)
