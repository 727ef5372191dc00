"""Checks for the training-loop exercise. Each scenario builds a small network, an
optimiser and batches, runs the submitted ``train_epoch`` beside them (``drive``) and
compares the mean loss, the final weights and the mode with the reference's."""

import numpy as np

from ladder.curriculum.expect import drive, expect_close, expect_equal

SIZES = (8, 8, 5)  # batches of different sizes: the last one is short


def _setup(dropout: float):
    import ladder.nn as nn

    nn.init.manual_seed(0)  # the same weights and dropout masks on both sides
    layers = [nn.Linear(6, 16), nn.ReLU()]
    if dropout:
        layers.append(nn.Dropout(dropout))
    model = nn.Sequential(*layers, nn.Linear(16, 3))
    rng = np.random.default_rng(1)
    batches = [(rng.normal(size=(n, 6)).astype(np.float32), rng.integers(0, 3, n)) for n in SIZES]
    return nn, model, batches


def epoch(train_epoch, dropout=0.0, start_in_eval=False, stale_grads=False, momentum=0.0):
    """Run one epoch; return (mean loss, final weights, training flag)."""
    nn, model, batches = _setup(dropout)
    opt = nn.SGD(model.parameters(), lr=0.1, momentum=momentum)
    if stale_grads:  # gradients left over from an earlier backward pass
        from ladder.autograd.tensor import Tensor

        nn.cross_entropy(model(Tensor(batches[0][0] * 3)), batches[0][1]).backward()
    if start_in_eval:
        model.eval()
    mean = train_epoch(model, nn.cross_entropy, opt, batches)
    weights = [v.astype(np.float64) for v in model.state_dict().values()]
    return float(mean), weights, bool(model.training)


def variant(kind):
    """The reference loop with one known mistake (for naming misconceptions)."""
    from ladder.autograd.tensor import Tensor

    def train_epoch(model, loss_fn, optimizer, batches):
        model.train()
        losses, sizes = [], []
        for x, y in batches:
            loss = loss_fn(model(Tensor(x)), y)
            if kind != "no_zero_grad":
                optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(float(loss.item()))
            sizes.append(len(y))
        if kind == "last":
            return losses[-1]
        if kind == "weighted":
            return float(np.average(losses, weights=sizes))
        return float(np.mean(losses))

    return train_epoch


def _compare(submitted, reference, inputs, mistakes=(), **kw):
    expected = epoch(reference, **kw)
    actual = drive(submitted, epoch, **kw)
    expect_close(
        actual[0], expected[0], what="the mean loss", inputs=inputs,
        mistakes=[(epoch(variant(k), **kw)[0], why) for k, why in mistakes],
    )  # fmt: skip
    for a, e in zip(actual[1], expected[1], strict=True):
        expect_close(a, e, rtol=1e-5, atol=1e-6, what="the weights after the epoch", inputs=inputs)
    return actual


def check_one_epoch(submitted, reference):
    """three batches of a fresh network: forward, loss, backward, step each"""
    _compare(
        submitted, reference,
        inputs="a 6-16-3 network, SGD lr 0.1, batches of 8, 8 and 5 rows",
        mistakes=[
            ("last", "return the mean of the batch losses, not the last one"),
            ("weighted", "each batch counts once in the mean, whatever its size"),
        ],
    )  # fmt: skip


def check_gradients_cleared(submitted, reference):
    """old gradients are cleared before each backward pass"""
    _compare(
        submitted, reference, stale_grads=True, momentum=0.9,
        inputs="the same, after an earlier backward pass left gradients in .grad; "
        "momentum 0.9",
        mistakes=[("no_zero_grad", "call optimizer.zero_grad() before loss.backward()")],
    )  # fmt: skip


def check_training_mode(submitted, reference):
    """the model is put in training mode (dropout on)"""
    actual = _compare(
        submitted, reference, dropout=0.5, start_in_eval=True,
        inputs="a network with dropout 0.5, handed over in evaluation mode",
    )  # fmt: skip
    expect_equal(actual[2], True, what="model.training after the epoch",
                 inputs="handed over in evaluation mode")  # fmt: skip


def _no_batches(train_epoch):
    nn, model, _ = _setup(0.0)
    try:
        train_epoch(model, nn.cross_entropy, nn.SGD(model.parameters(), lr=0.1), [])
    except ValueError:
        return "ValueError"
    return "no error"


def check_no_batches(submitted, reference):
    """no batches is an error, not a division by zero"""
    expect_equal(drive(submitted, _no_batches), "ValueError", what="the outcome",
                 inputs="batches = []")  # fmt: skip
