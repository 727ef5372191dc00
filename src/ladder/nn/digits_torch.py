"""PyTorch twins of the digit models in :mod:`ladder.nn.digits`, trained with the same
:class:`~ladder.nn.digits.Recipe` (Adam, per-step cosine schedule, same batch size, same
shuffling order, same data).

The architectures are layer-for-layer the same, and so are the parameter names — so
``ladder_model.load_state_dict(twin.state_dict())`` works and the two can be compared
weight for weight. Torch is imported inside the functions: importing this module is light.
"""

from __future__ import annotations

import time
from dataclasses import asdict
from typing import Any

import numpy as np

from ladder.nn.digits import (
    RECIPES,
    DigitsData,
    DigitsResult,
    Recipe,
    confusion_matrix,
    load_digits_data,
)

__all__ = ["build_model", "train_digits"]


def build_model(name: str, image_size: int = 28) -> Any:
    """The ``torch.nn`` twin of :func:`ladder.nn.digits.build_model`."""
    from torch import nn

    s = image_size
    if name == "mlp":
        return nn.Sequential(
            nn.Flatten(), nn.Linear(s * s, 512), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(512, 256), nn.ReLU(), nn.Dropout(0.2), nn.Linear(256, 10),
        )  # fmt: skip
    if name == "lenet5":
        if s != 28:
            raise ValueError(f"LeNet-5 is defined for 28×28 images, got {s}×{s}.")
        return nn.Sequential(
            nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
            nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10),
        )  # fmt: skip
    if name == "cnn":
        return nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(32 * (s // 4) ** 2, 10),
        )  # fmt: skip
    if name == "rnn":

        class RowLSTM(nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.lstm = nn.LSTM(s, 128, batch_first=True)
                self.head = nn.Linear(128, 10)

            def forward(self, x):
                _, (h, _) = self.lstm(x.reshape(x.shape[0], x.shape[2], x.shape[3]))
                return self.head(h[0])

        return RowLSTM()
    raise ValueError(f"unknown model {name!r}; choose mlp, lenet5, cnn or rnn.")


def train_digits(
    name: str,
    data: DigitsData | str = "sklearn",
    recipe: Recipe | None = None,
    threads: int | None = None,
) -> DigitsResult:
    """Train the torch twin exactly as :func:`ladder.nn.digits.train_digits` trains ours."""
    import torch

    data = load_digits_data(data) if isinstance(data, str) else data
    recipe = recipe or RECIPES[name]
    previous_threads = torch.get_num_threads()
    if threads is not None:
        torch.set_num_threads(threads)
    try:
        torch.manual_seed(recipe.seed)
        model = build_model(name, data.image_size)
        x, y = data.x_train, data.y_train
        if recipe.max_train is not None:
            x, y = x[: recipe.max_train], y[: recipe.max_train]
        xt, yt = torch.from_numpy(x), torch.from_numpy(y)
        opt = torch.optim.Adam(model.parameters(), lr=recipe.lr, weight_decay=recipe.weight_decay)
        steps_per_epoch = -(-len(x) // recipe.batch_size)
        sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, recipe.epochs * steps_per_epoch)
        rng = np.random.default_rng(recipe.seed)  # the same shuffling as ours
        result = DigitsResult(name, data.source, asdict(recipe), 0.0, 0.0)
        start = time.perf_counter()
        for _ in range(recipe.epochs):
            model.train()
            order = torch.from_numpy(rng.permutation(len(x)))
            total = 0.0
            for i in range(0, len(x), recipe.batch_size):
                idx = order[i : i + recipe.batch_size]
                loss = torch.nn.functional.cross_entropy(model(xt[idx]), yt[idx])
                opt.zero_grad()
                loss.backward()
                opt.step()
                sched.step()
                total += loss.item() * len(idx)
            result.epoch_loss.append(total / len(x))
        result.seconds = time.perf_counter() - start
        model.eval()
        with torch.no_grad():
            pred = torch.cat(
                [model(torch.from_numpy(data.x_test[i : i + 1000])).argmax(1)
                 for i in range(0, len(data.x_test), 1000)]
            ).numpy()  # fmt: skip
        result.accuracy = float((pred == data.y_test).mean())
        result.confusion = confusion_matrix(data.y_test, pred)
        result.predictions = pred
        return result
    finally:
        torch.set_num_threads(previous_threads)
