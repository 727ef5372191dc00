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
from tests.tolerance import assert_close, network_atol, terms_scales

# float32, as the models train. The bound is derived per model and input (tests/tolerance.py,
# network_atol): the forward and backward passes form sums of up to max(fan-in, batch ×
# positions) terms, in as many stages as the model has weight layers (or time steps), and
# their largest Σ|terms| is measured on the twin (digits_atol).


def lstm_terms_scales(lstm, head, x, y) -> dict[str, float]:
    """The largest Σ|terms| of the sums an LSTM layer forms, forward (gate pre-activations
    |x_t|·|W_ih|ᵀ + |h|·|W_hh|ᵀ + |b|) and backward (its weight gradients Σ_{b,t} |δz_t|ᵀ·|x_t|
    and Σ_{b,t} |δz_t|ᵀ·|h_{t−1}|, its bias gradients Σ_{b,t} |δz_t|), from the same
    recurrence unrolled in float64."""
    w_ih = lstm.weight_ih_l0.detach().double().requires_grad_()
    w_hh = lstm.weight_hh_l0.detach().double().requires_grad_()
    b = (lstm.bias_ih_l0 + lstm.bias_hh_l0).detach().double()
    x = torch.as_tensor(x).double().reshape(x.shape[0], x.shape[2], x.shape[3])
    h = torch.zeros(x.shape[0], w_hh.shape[1], dtype=torch.float64)
    c = torch.zeros_like(h)
    zs, hs, forward = [], [], 0.0
    for t in range(x.shape[1]):
        terms = x[:, t].abs() @ w_ih.detach().abs().T + h.detach().abs() @ w_hh.detach().abs().T
        forward = max(forward, float((terms + b.abs()).max()))
        z = x[:, t] @ w_ih.T + h @ w_hh.T + b
        z.retain_grad()
        zs.append(z), hs.append(h.detach())
        i, f, g, o = z.chunk(4, 1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)
    logits = h @ head.weight.detach().double().T + head.bias.detach().double()
    torch.nn.functional.cross_entropy(logits, torch.as_tensor(y)).backward()
    g_ih = sum(z.grad.abs().T @ x[:, t].abs() for t, z in enumerate(zs))
    g_hh = sum(z.grad.abs().T @ hh.abs() for z, hh in zip(zs, hs, strict=True))
    g_b = sum(z.grad.abs().sum(0) for z in zs)
    return {
        "forward": forward,
        "lstm.weight_ih_l0": float(g_ih.max()),
        "lstm.weight_hh_l0": float(g_hh.max()),
        "lstm.bias_ih_l0": float(g_b.max()),
        "lstm.bias_hh_l0": float(g_b.max()),
    }


def digits_atols(twin, x, y) -> dict[str, float]:
    """Bounds for the loss (key "loss") and for each parameter's gradient of ``twin``'s
    architecture on ``x``: network_atol with the Σ|terms| of the sums that form each."""
    xt, yt = torch.from_numpy(x), torch.from_numpy(y)
    loss = lambda out: torch.nn.functional.cross_entropy(out, yt)  # noqa: E731
    scales = terms_scales(twin, xt, loss=loss)
    layers = [m for m in twin.modules() if isinstance(m, (torch.nn.Linear, torch.nn.Conv2d))]
    fan_in = max(m.weight[0].numel() for m in layers)
    positions = x.shape[0] * x.shape[2] * x.shape[3]  # a conv weight's gradient sums these
    depth = len(layers)
    lstm = getattr(twin, "lstm", None)
    if lstm is not None:
        lstm_scales = lstm_terms_scales(lstm, twin.head, x, y)
        scales["forward"] = max(scales["forward"], lstm_scales.pop("forward"))
        scales.update(lstm_scales)
        depth += x.shape[2]  # one stage per time step (a row of the image)
        fan_in = max(fan_in, lstm.input_size + lstm.hidden_size)
    width = max(fan_in, positions)
    # every gradient has been through the forward and the backward pass: 2·depth stages,
    # errors carried in proportion to the signal, so each is measured by its own sums
    scales["loss"] = max(scales["forward"], scales.get("input_grads", 0.0))
    return {
        k: network_atol(np.float32, depth=2 * depth + 1, width=width, scale=v)
        for k, v in scales.items()
    }


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
    atol = digits_atols(twin, x, y)
    loss_o = cross_entropy(ours(Tensor(x)), y)
    loss_t = torch.nn.functional.cross_entropy(twin(torch.from_numpy(x)), torch.from_numpy(y))
    loss_o.backward(), loss_t.backward()
    assert_close(loss_o.item(), loss_t.item(), atol=atol["loss"], err_msg="loss")
    theirs = dict(twin.named_parameters())
    for k, p in ours.named_parameters():
        assert_close(p.grad, theirs[k].grad.numpy(), atol=atol[k], err_msg=k)


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
