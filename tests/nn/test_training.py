"""Clipping equals torch's; early stopping; the loop stops on a non-finite loss."""

from __future__ import annotations

import numpy as np
import pytest
import torch

import ladder.nn as nn
from ladder.autograd import Tensor


def test_clip_grad_norm_matches_torch():
    rng = np.random.default_rng(0)
    grads = [rng.normal(size=(3, 4)) * 5, rng.normal(size=(4,)) * 5]
    ours = [Tensor(np.zeros_like(g), requires_grad=True) for g in grads]
    theirs = [torch.zeros(g.shape, dtype=torch.float64, requires_grad=True) for g in grads]
    for o, t, g in zip(ours, theirs, grads, strict=True):
        o.grad, t.grad = g.copy(), torch.tensor(g)
    norm_o = nn.clip_grad_norm_(ours, 1.0)
    norm_t = torch.nn.utils.clip_grad_norm_(theirs, 1.0)
    assert np.isclose(norm_o, norm_t.item(), rtol=1e-12)
    for o, t in zip(ours, theirs, strict=True):  # same scale factor c/(norm + 1e-6)
        np.testing.assert_allclose(o.grad, t.grad.numpy(), rtol=1e-12)


def test_clip_grad_value():
    p = Tensor(np.zeros(3), requires_grad=True)
    p.grad = np.array([-5.0, 0.5, 5.0])
    nn.clip_grad_value_([p], 1.0)
    np.testing.assert_array_equal(p.grad, [-1.0, 0.5, 1.0])


def test_early_stopping_waits_patience_and_keeps_best():
    stopper = nn.EarlyStopping(patience=2, mode="min")
    model = nn.Linear(2, 1)
    decisions = []
    for value in [1.0, 0.5, 0.7, 0.6, 0.4]:
        decisions.append(stopper.step(value, model))
    assert decisions == [False, False, False, True, False]
    assert stopper.best == 0.4 and stopper.best_step == 4


def _batches(x, y, n=4):
    return lambda epoch: ((x[i : i + n], y[i : i + n]) for i in range(0, len(x), n))


@pytest.mark.filterwarnings("ignore:overflow encountered:RuntimeWarning")  # the point
def test_training_loop_stops_on_nan_with_step_and_cause():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(16, 3)).astype(np.float32) * 100
    y = rng.normal(size=(16, 1)).astype(np.float32) * 100
    model = nn.Linear(3, 1)
    with pytest.raises(nn.NonFiniteLossError, match=r"at step \d+ .*(learning rate|lr=)"):
        nn.train(model, nn.mse_loss, nn.SGD(model.parameters(), lr=10.0), _batches(x, y), 50)


def test_training_loop_flags_nan_inputs():
    x = np.ones((4, 3), np.float32)
    x[1, 2] = np.nan
    model = nn.Linear(3, 1)
    with pytest.raises(nn.NonFiniteLossError, match="step 0 .*batch element 0 contains NaN"):
        nn.train(
            model,
            nn.mse_loss,
            nn.SGD(model.parameters(), lr=0.1),
            _batches(x, np.ones((4, 1), np.float32)),
            1,
        )


def test_training_loop_with_early_stopping_restores_best():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(64, 2)).astype(np.float32)
    y = (x @ np.array([[2.0], [-1.0]], np.float32)).astype(np.float32)
    model = nn.Linear(2, 1)
    scores = iter([3.0, 2.0, 2.5, 2.6, 2.7, 2.8])
    stopper = nn.EarlyStopping(patience=2)
    hist = nn.train(
        model,
        nn.mse_loss,
        nn.Adam(model.parameters(), lr=0.05),
        _batches(x, y),
        epochs=6,
        evaluate=lambda m: next(scores),
        early_stopping=stopper,
        scheduler=None,
    )
    assert hist.stopped_early and len(hist.val_metric) == 4
    np.testing.assert_array_equal(model.weight.data, stopper.best_state["weight"])


def test_train_epoch_equals_a_pytorch_loop():
    """One epoch of the loop (train mode, forward, loss, zero_grad, backward, step) on our
    modules and on torch's with the same weights, batches and SGD with momentum: the same
    mean loss and weights. float32 sums of ~100 terms of size ~1: agreement to ~1e-6;
    1e-5 leaves margin over five steps."""
    import torch

    import ladder.nn as lnn
    from ladder.nn.training import train_epoch

    np.random.seed(0)
    ours = lnn.Sequential(lnn.Linear(6, 16), lnn.ReLU(), lnn.Linear(16, 3))
    twin = torch.nn.Sequential(torch.nn.Linear(6, 16), torch.nn.ReLU(), torch.nn.Linear(16, 3))
    twin.load_state_dict({k: torch.from_numpy(v.copy()) for k, v in ours.state_dict().items()})
    rng = np.random.default_rng(1)
    batches = [
        (rng.normal(size=(n, 6)).astype(np.float32), rng.integers(0, 3, n)) for n in (8, 8, 5)
    ]
    ours.eval()  # train_epoch must switch to training mode itself
    mean = train_epoch(ours, lnn.cross_entropy, lnn.SGD(ours.parameters(), lr=0.1, momentum=0.9),
                       batches)  # fmt: skip
    assert ours.training
    opt = torch.optim.SGD(twin.parameters(), lr=0.1, momentum=0.9)
    losses = []
    for x, y in batches:
        loss = torch.nn.functional.cross_entropy(twin(torch.from_numpy(x)), torch.from_numpy(y))
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    assert mean == pytest.approx(np.mean(losses), abs=1e-5)
    for k, v in ours.state_dict().items():
        np.testing.assert_allclose(v, twin.state_dict()[k].numpy(), atol=1e-5)
    with pytest.raises(ValueError, match="no batches"):
        train_epoch(ours, lnn.cross_entropy, lnn.SGD(ours.parameters(), lr=0.1), [])
