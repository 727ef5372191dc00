r"""Digit classification on :mod:`ladder.nn`: MLP, LeNet-5, a small CNN, and an LSTM that
reads the image row by row — with one training recipe shared with the PyTorch twins in
:mod:`ladder.nn.digits_torch`.

Data: scikit-learn's 8×8 ``digits`` (embedded, 1,797 images) or MNIST's 28×28 (60,000 +
10,000, through :mod:`ladder.data.mnist`). Pixels are scaled to [0, 1] and standardised
with the training set's mean and standard deviation.

* **MLP**: 784 → 512 → 256 → 10, ReLU, dropout 0.2.
* **LeNet-5** (LeCun et al. 1998), modernised with ReLU and max-pooling:
  conv 5×5 (6, pad 2) → pool → conv 5×5 (16) → pool → 120 → 84 → 10.
* **CNN**: two 3×3 conv blocks (16 and 32 channels, batch norm, ReLU, pool) → 10.
* **Row RNN**: an LSTM(128) reads the 28 rows as a sequence of 28-pixel vectors; its final
  state is classified.

The recipe is Adam with cosine-annealed learning rate over ``epochs``, mini-batches of
``batch_size``, shuffled by ``seed``. :func:`train_digits` returns accuracy, time, the
per-epoch history, the confusion matrix and the test predictions (for plots).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from ladder.autograd.tensor import Tensor, no_grad
from ladder.nn import init
from ladder.nn.layers import Conv2d, Dropout, Flatten, Linear, MaxPool2d, ReLU
from ladder.nn.losses import cross_entropy
from ladder.nn.module import Module, Sequential
from ladder.nn.norm import BatchNorm2d
from ladder.nn.optim import Adam
from ladder.nn.recurrent import LSTM
from ladder.nn.schedulers import CosineAnnealingLR

__all__ = [
    "Recipe",
    "DigitsData",
    "load_digits_data",
    "build_model",
    "train_digits",
    "confusion_matrix",
    "predict",
    "plot_results",
    "svm_baseline",
    "DigitsResult",
    "MODELS",
    "RECIPES",
]

MODELS = ("mlp", "lenet5", "cnn", "rnn")


@dataclass(frozen=True)
class Recipe:
    """How a digit model is trained (the same for ``ladder.nn`` and the torch twin)."""

    epochs: int = 10  # passes over the training set
    batch_size: int = 128  # examples per gradient step
    lr: float = 1e-3  # Adam's initial learning rate, cosine-annealed to 0 over the epochs
    weight_decay: float = 0.0  # L2 added to the gradient (Adam's weight_decay)
    seed: int = 0  # initial weights and shuffling
    max_train: int | None = None  # use only the first N training images (quick runs)


# Settings of the reported MNIST runs (test accuracy, ladder.nn / torch twin, one BLAS
# thread on a shared 2-core CPU): mlp 98.52 / 98.72 %, lenet5 99.23 / 99.23 %,
# cnn 98.94 / 98.97 %, rnn 98.81 / 98.92 %. Stage 1's RBF SVM on 6,000 images: 96.0 %.
RECIPES = {
    "mlp": Recipe(epochs=12, batch_size=128, lr=1e-3),
    "lenet5": Recipe(epochs=12, batch_size=128, lr=2e-3),
    "cnn": Recipe(epochs=6, batch_size=128, lr=2e-3),
    "rnn": Recipe(epochs=6, batch_size=128, lr=2e-3),
}


@dataclass
class DigitsData:
    """Standardised images ``(N, 1, H, W)`` float32 and integer labels."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    source: str

    @property
    def image_size(self) -> int:
        return self.x_train.shape[-1]


def load_digits_data(source: str = "sklearn", seed: int = 0) -> DigitsData:
    """``"sklearn"``: the embedded 8×8 digits, split 75/25 (stratified, ``seed``);
    ``"mnist"``: the official 60,000/10,000 split of 28×28 images."""
    if source == "sklearn":
        from sklearn.datasets import load_digits
        from sklearn.model_selection import train_test_split

        d = load_digits()
        images, labels = d.images / 16.0, d.target
        xtr, xte, ytr, yte = train_test_split(
            images, labels, test_size=0.25, random_state=seed, stratify=labels
        )
    elif source == "mnist":
        from ladder.data.mnist import load_mnist

        xtr, ytr = load_mnist("train")
        xte, yte = load_mnist("test")
        xtr, xte = xtr / 255.0, xte / 255.0
    else:
        raise ValueError(f"source must be 'sklearn' or 'mnist', got {source!r}.")
    mean, std = xtr.mean(), xtr.std()
    prep = lambda a: ((a - mean) / std).astype(np.float32)[:, None]  # noqa: E731
    return DigitsData(prep(xtr), ytr.astype(np.int64), prep(xte), yte.astype(np.int64), source)


class RowLSTM(Module):
    """Read an ``(N, 1, H, W)`` image as ``H`` steps of ``W`` pixels; classify the last state."""

    def __init__(self, image_size: int, hidden: int = 128, n_classes: int = 10) -> None:
        super().__init__()
        self.lstm = LSTM(image_size, hidden, batch_first=True)
        self.head = Linear(hidden, n_classes)

    def forward(self, x: Tensor) -> Tensor:
        _, (h, _) = self.lstm(x.reshape(x.shape[0], x.shape[2], x.shape[3]))
        return self.head(h[0])


def build_model(name: str, image_size: int = 28) -> Module:
    """A fresh ``ladder.nn`` model; :func:`ladder.nn.digits_torch.build_model` is its twin."""
    s = image_size
    if name == "mlp":
        return Sequential(
            Flatten(), Linear(s * s, 512), ReLU(), Dropout(0.2),
            Linear(512, 256), ReLU(), Dropout(0.2), Linear(256, 10),
        )  # fmt: skip
    if name == "lenet5":
        if s != 28:
            raise ValueError(
                f"LeNet-5 is defined for 28×28 images, got {s}×{s}. Use source='mnist', or "
                "the 'cnn' model for the 8×8 scikit-learn digits."
            )
        return Sequential(
            Conv2d(1, 6, 5, padding=2), ReLU(), MaxPool2d(2),
            Conv2d(6, 16, 5), ReLU(), MaxPool2d(2), Flatten(),
            Linear(16 * 5 * 5, 120), ReLU(), Linear(120, 84), ReLU(), Linear(84, 10),
        )  # fmt: skip
    if name == "cnn":
        return Sequential(
            Conv2d(1, 16, 3, padding=1), BatchNorm2d(16), ReLU(), MaxPool2d(2),
            Conv2d(16, 32, 3, padding=1), BatchNorm2d(32), ReLU(), MaxPool2d(2),
            Flatten(), Linear(32 * (s // 4) ** 2, 10),
        )  # fmt: skip
    if name == "rnn":
        return RowLSTM(s)
    raise ValueError(f"unknown model {name!r}; choose one of {MODELS}.")


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, n_classes: int = 10) -> np.ndarray:
    """``C[i, j]`` = number of examples of class ``i`` predicted as ``j``."""
    return np.bincount(y_true * n_classes + y_pred, minlength=n_classes**2).reshape(
        n_classes, n_classes
    )


@no_grad()
def predict(model: Module, x: np.ndarray, batch_size: int = 1000) -> np.ndarray:
    """Class predictions in evaluation mode, in batches."""
    model.eval()
    return np.concatenate(
        [model(Tensor(x[i : i + batch_size])).data.argmax(1) for i in range(0, len(x), batch_size)]
    )


@dataclass
class DigitsResult:
    model: str
    source: str
    recipe: dict
    accuracy: float  # on the test set, in [0, 1]
    seconds: float  # training time (excluding data loading and final evaluation)
    epoch_loss: list[float] = field(default_factory=list)
    epoch_test_accuracy: list[float] = field(default_factory=list)
    confusion: np.ndarray | None = None
    predictions: np.ndarray | None = None


def train_digits(
    name: str,
    data: DigitsData | str = "sklearn",
    recipe: Recipe | None = None,
    eval_every_epoch: bool = False,
    on_epoch: Callable[[int, dict[str, Any]], None] | None = None,
    threads: int | None = None,
) -> DigitsResult:
    """Train model ``name`` with ``recipe`` on ``data``; evaluate on its test set.

    ``threads`` caps the BLAS threads (via ``threadpoolctl``). On a small CPU shared with
    other work, ``threads=1`` is often *much* faster than the default: spinning BLAS
    threads that wait for a busy core cost more than the parallelism gains.
    """
    if threads is not None:
        from threadpoolctl import threadpool_limits

        with threadpool_limits(threads):
            return train_digits(name, data, recipe, eval_every_epoch, on_epoch)
    data = load_digits_data(data) if isinstance(data, str) else data
    recipe = recipe or RECIPES[name]
    init.manual_seed(recipe.seed)
    model = build_model(name, data.image_size)
    x, y = data.x_train, data.y_train
    if recipe.max_train is not None:
        x, y = x[: recipe.max_train], y[: recipe.max_train]
    opt = Adam(model.parameters(), lr=recipe.lr, weight_decay=recipe.weight_decay)
    steps_per_epoch = -(-len(x) // recipe.batch_size)
    sched = CosineAnnealingLR(opt, T_max=recipe.epochs * steps_per_epoch)
    rng = np.random.default_rng(recipe.seed)
    result = DigitsResult(name, data.source, asdict(recipe), 0.0, 0.0)
    start = time.perf_counter()
    for epoch in range(recipe.epochs):
        model.train()
        order = rng.permutation(len(x))
        total = 0.0
        for i in range(0, len(x), recipe.batch_size):
            idx = order[i : i + recipe.batch_size]
            loss = cross_entropy(model(Tensor(x[idx])), y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item() * len(idx)
        result.epoch_loss.append(total / len(x))
        if eval_every_epoch:
            accuracy = float((predict(model, data.x_test) == data.y_test).mean())
            result.epoch_test_accuracy.append(accuracy)
        if on_epoch is not None:
            on_epoch(epoch, {"loss": result.epoch_loss[-1], "seconds": time.perf_counter() - start})
    result.seconds = time.perf_counter() - start
    pred = predict(model, data.x_test)
    result.accuracy = float((pred == data.y_test).mean())
    result.confusion = confusion_matrix(data.y_test, pred)
    result.predictions = pred
    return result


def plot_results(result: DigitsResult, data: DigitsData, path: str, n_wrong: int = 16) -> str:
    """Save a figure: the confusion matrix and the first ``n_wrong`` misclassified test
    images with their true and predicted labels. Returns ``path``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    if result.confusion is None or result.predictions is None:
        raise ValueError("this result has no predictions: train with train_digits first.")
    wrong = np.flatnonzero(result.predictions != data.y_test)[:n_wrong]
    cols = 4
    rows = max(1, -(-len(wrong) // cols))
    fig = plt.figure(figsize=(12, max(4, 1.6 * rows)))
    ax = fig.add_subplot(1, 2, 1)
    ax.imshow(result.confusion, cmap="Blues")
    for (i, j), v in np.ndenumerate(result.confusion):
        ax.text(j, i, str(v), ha="center", va="center", fontsize=7)
    ax.set(xlabel="predicted", ylabel="true", xticks=range(10), yticks=range(10))
    ax.set_title(f"{result.model} on {result.source}: {100 * result.accuracy:.2f} %")
    for k, idx in enumerate(wrong):
        sub = fig.add_subplot(rows, 2 * cols, (k // cols) * 2 * cols + cols + k % cols + 1)
        sub.imshow(data.x_test[idx, 0], cmap="gray_r")
        sub.set_title(f"{data.y_test[idx]}→{result.predictions[idx]}", fontsize=8)
        sub.axis("off")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def svm_baseline(data: DigitsData, max_train: int | None = 6000, C: float = 10.0) -> dict:
    """Stage 1's kernel SVM (:class:`ladder.ml.svm.SVC`, RBF, one-vs-one) on the same pixels,
    for comparison. SMO on all 60,000 MNIST images would take hours in NumPy, so it trains
    on the first ``max_train`` images (all of them for the 8×8 digits)."""
    from ladder.ml.svm import SVC

    n = len(data.x_train) if max_train is None else min(max_train, len(data.x_train))
    x = data.x_train[:n].reshape(n, -1).astype(np.float64)
    start = time.perf_counter()
    model = SVC(C=C, kernel="rbf").fit(x, data.y_train[:n])
    seconds = time.perf_counter() - start
    pred = model.predict(data.x_test.reshape(len(data.x_test), -1).astype(np.float64))
    return {"accuracy": float((pred == data.y_test).mean()), "seconds": seconds, "n_train": n}
