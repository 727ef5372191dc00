"""Lab: MNIST with the MLP, LeNet-5, a CNN and a row-LSTM on ``ladder.nn``, each beside
its PyTorch twin trained with the same recipe.

Full mode trains every model on all 60,000 training images with its recipe from
``ladder.nn.digits.RECIPES`` (Adam, batches of 128, per-step cosine schedule; 12 epochs
for the MLP and LeNet-5, 6 for the others) and tests on all 10,000 test images — the
figures the ``dl.digits`` lesson quotes. Quick mode trains one epoch on the first 3,000
training images and tests on the first 2,000 test images. Both use one BLAS thread, the
setting of the reported figures.

Reports test accuracy and training time per model and library, stage 1's RBF SVM on a
subset for comparison, and plots the loss and accuracy curves, and the confusion matrix
with misclassified digits for each model.
"""

from __future__ import annotations

from ladder.labs.context import LabContext

__all__ = ["run", "QUICK_TRAIN", "QUICK_TEST"]

QUICK_TRAIN, QUICK_TEST = 3000, 2000


def run(ctx: LabContext) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from ladder.nn import digits as D
    from ladder.nn import digits_torch as DT

    data = D.load_digits_data("mnist")
    if ctx.quick:
        data = D.DigitsData(
            data.x_train[:QUICK_TRAIN],
            data.y_train[:QUICK_TRAIN],
            data.x_test[:QUICK_TEST],
            data.y_test[:QUICK_TEST],
            "mnist",
        )
        recipes = {m: D.Recipe(epochs=1, batch_size=64, lr=2e-3) for m in D.MODELS}
    else:
        recipes = dict(D.RECIPES)
    ctx.log(
        f"MNIST: {len(data.x_train):,} training and {len(data.x_test):,} test images"
        + (" (quick mode: a subset, one epoch)" if ctx.quick else "")
    )
    total_epochs = sum(r.epochs for r in recipes.values())
    bar = iter(ctx.progress(range(total_epochs), description="epochs (ladder.nn)"))

    rows, results, twins = [], {}, {}
    for name in D.MODELS:
        recipe = recipes[name]
        ctx.log(f"{name}: {recipe.epochs} epochs, batch {recipe.batch_size}, lr {recipe.lr:g}")
        ours = D.train_digits(
            name,
            data,
            recipe,
            eval_every_epoch=True,
            on_epoch=lambda epoch, info: next(bar, None),
            threads=1,
        )
        twin = DT.train_digits(name, data, recipe, threads=1)
        results[name], twins[name] = ours, twin
        ctx.metric(f"{name}_acc", ours.accuracy)
        ctx.metric(f"{name}_torch_acc", twin.accuracy)
        ctx.metric(f"{name}_seconds", ours.seconds)
        ctx.metric(f"{name}_torch_seconds", twin.seconds)
        rows.append(
            [
                name,
                100 * ours.accuracy,
                100 * twin.accuracy,
                100 * (ours.accuracy - twin.accuracy),
                ours.seconds,
                twin.seconds,
            ]
        )
    for _ in bar:
        pass
    svm = D.svm_baseline(data, max_train=1000 if ctx.quick else 6000)
    ctx.metric("svm_acc", svm["accuracy"])
    rows.append(
        [
            f"RBF SVM (stage 1, {svm['n_train']:,} images)",
            100 * svm["accuracy"],
            None,
            None,
            svm["seconds"],
            None,
        ]
    )
    ctx.table(
        "Test accuracy (%) and training time (s)",
        ["model", "ladder.nn", "PyTorch twin", "difference", "ladder.nn s", "PyTorch s"],
        rows,
    )

    fig, axes = plt.subplots(1, 2, figsize=(12, 4.5))
    for i, name in enumerate(D.MODELS):
        ep = np.arange(1, len(results[name].epoch_loss) + 1)
        axes[0].plot(ep, results[name].epoch_loss, "o-", color=f"C{i}", label=f"{name}")
        axes[0].plot(ep, twins[name].epoch_loss, "x--", color=f"C{i}", label=f"{name} (PyTorch)")
        axes[1].plot(
            ep, 100 * np.array(results[name].epoch_test_accuracy), "o-", color=f"C{i}", label=name
        )
    axes[0].set(
        xlabel="epoch",
        ylabel="mean training loss",
        yscale="log",
        title="Training loss: ladder.nn (solid) and PyTorch (dashed)",
    )
    axes[1].set(xlabel="epoch", ylabel="test accuracy (%)", title="Test accuracy (ladder.nn)")
    for ax in axes:
        ax.legend(fontsize=8)
    fig.tight_layout()
    path = ctx.figure("curves")
    fig.savefig(path, dpi=100)
    plt.close(fig)
    ctx.saved(path)
    for name in D.MODELS:
        path = ctx.figure(f"confusion_{name}")
        D.plot_results(results[name], data, str(path))
        ctx.saved(path)
