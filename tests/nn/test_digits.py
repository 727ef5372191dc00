"""Digit models: each ``ladder.nn`` model equals its PyTorch twin holding the same weights;
the MNIST loader reads the real files; one slow end-to-end run on a subset.

Full MNIST runs (the accuracy targets) are the functions ``ladder.nn.digits.train_digits``
and ``ladder.nn.digits_torch.train_digits`` that the lab calls; they are too long for tests.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

from ladder.autograd import Tensor
from ladder.nn import cross_entropy
from ladder.nn import digits as D
from ladder.nn import digits_torch as DT

# float32, as the models train: rtol 1e-5 / atol 1e-6, the float32 tolerance of the op and
# loss tests — the forward passes through up to five layers of float32 sums (784 terms in
# the first), each ~1e-6 relative, and the backward through as many again.
RTOL, ATOL = 1e-5, 1e-6


@pytest.mark.parametrize(
    "name,size", [("mlp", 28), ("lenet5", 28), ("cnn", 28), ("cnn", 8), ("rnn", 28), ("rnn", 8)]
)
def test_model_equals_torch_twin_with_same_weights(name, size):
    torch.manual_seed(0)
    twin = DT.build_model(name, size)
    ours = D.build_model(name, size)
    ours.load_state_dict({k: v.detach().numpy() for k, v in twin.state_dict().items()})
    ours.eval(), twin.eval()  # no dropout randomness; batch norm on running statistics
    x = np.random.default_rng(1).normal(size=(4, 1, size, size)).astype(np.float32)
    y = np.array([3, 1, 4, 1])
    loss_o = cross_entropy(ours(Tensor(x)), y)
    loss_t = torch.nn.functional.cross_entropy(twin(torch.from_numpy(x)), torch.from_numpy(y))
    loss_o.backward(), loss_t.backward()
    np.testing.assert_allclose(loss_o.item(), loss_t.item(), rtol=RTOL, atol=ATOL)
    theirs = dict(twin.named_parameters())
    for k, p in ours.named_parameters():
        np.testing.assert_allclose(p.grad, theirs[k].grad.numpy(), rtol=RTOL, atol=ATOL, err_msg=k)


def test_lenet_refuses_small_images():
    with pytest.raises(ValueError, match="28×28.*'cnn'"):
        D.build_model("lenet5", 8)


def test_confusion_matrix_counts():
    cm = D.confusion_matrix(np.array([0, 1, 1, 2]), np.array([0, 2, 1, 2]), 3)
    np.testing.assert_array_equal(cm, [[1, 0, 0], [0, 1, 1], [0, 0, 1]])


def test_sklearn_digits_data_is_standardised():
    d = D.load_digits_data("sklearn")
    assert d.x_train.shape[1:] == (1, 8, 8) and d.x_train.dtype == np.float32
    assert abs(d.x_train.mean()) < 1e-5 and abs(d.x_train.std() - 1) < 1e-4
    assert len(d.x_train) + len(d.x_test) == 1797


@pytest.mark.slow
def test_mlp_and_twin_learn_sklearn_digits_to_the_same_accuracy():
    """End to end on the embedded 8×8 digits (1,347 train / 450 test), 15 epochs.

    Both reach ~97 %; with different random draws (weights, dropout masks) the two
    accuracies can differ by a few test images, so the margin is 2 points (9 images)."""
    recipe = D.Recipe(epochs=15, batch_size=32, lr=2e-3)
    data = D.load_digits_data("sklearn")
    ours = D.train_digits("mlp", data, recipe, threads=1)
    theirs = DT.train_digits("mlp", data, recipe, threads=1)
    assert ours.accuracy > 0.95 and theirs.accuracy > 0.95
    assert abs(ours.accuracy - theirs.accuracy) <= 0.02


def test_plot_results_writes_confusion_and_mistakes(tmp_path):
    rng = np.random.default_rng(0)
    y = np.arange(20) % 10
    pred = y.copy()
    pred[[3, 7]] = [5, 1]  # two mistakes to show
    x = rng.normal(size=(20, 1, 8, 8)).astype(np.float32)
    data = D.DigitsData(x, y, x, y, "sklearn")
    result = D.DigitsResult("mlp", "sklearn", {}, 0.9, 0.0, confusion=D.confusion_matrix(y, pred),
                            predictions=pred)  # fmt: skip
    path = D.plot_results(result, data, str(tmp_path / "digits.png"))
    assert (tmp_path / "digits.png").stat().st_size > 1000 and path.endswith("digits.png")
