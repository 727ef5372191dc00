"""Each ``ladder.nn`` layer equals the ``torch.nn`` layer holding the same weights.

One helper, :func:`check_layer`: build the torch layer in float64, copy its
``state_dict`` into ours (which also proves the parameter names and shapes agree), run
both on the same input, and compare every output, the input gradient, every parameter
gradient (by name) and the buffers afterwards (BatchNorm's running statistics).
The upstream gradient is random, so every output element matters.

Tolerance, derived per case (:mod:`tests.tolerance`): float64 bounds from the exact
Jacobians of the torch layer with respect to its input and its parameters
(:func:`tests.tolerance.module_atol`: ``n·eps·Σ|terms|`` for every output, input gradient
and parameter gradient), plus ``ELEMENTWISE_ULPS·eps`` relative; the running statistics of
batch norm are sums over the batch, bounded the same way (:func:`running_stats_atol`).
"""

from __future__ import annotations

import copy

import numpy as np
import pytest
import torch

import ladder.nn as nn
from ladder.autograd import Tensor
from tests.tolerance import assert_close, linearized_atol, module_atol, rtol_for

RTOL = rtol_for(np.float64)


def _flatten(out):
    if isinstance(out, (tuple, list)):
        return [t for o in out for t in _flatten(o)]
    return [out]


def running_stats_atol(bn, x):
    """Bounds for a training-mode batch norm's new running mean and variance:
    ``(1 − m)·old + m·mean(x)`` and the same with the unbiased variance, as functions of x."""
    axes = [0, *range(2, x.ndim)]
    m = bn.momentum
    old_mean, old_var = bn.running_mean.detach(), bn.running_var.detach()

    def f(x):
        mean = (1 - m) * old_mean + m * x.mean(dim=axes)
        var = (1 - m) * old_var + m * x.var(dim=axes, correction=1)
        return torch.cat([mean, var])

    atol, _ = linearized_atol(f, [x])
    c = old_mean.numel()
    return {"running_mean": atol[:c], "running_var": atol[c:], "num_batches_tracked": 0.0}


def check_layer(ours, theirs, x, input_grad=True, seed=0):
    """Copy ``theirs``' weights into ``ours``; compare outputs, gradients and buffers."""
    theirs = theirs.double()
    ours.load_state_dict({k: v.detach().numpy() for k, v in theirs.state_dict().items()})
    before = copy.deepcopy(theirs)  # the bounds are taken on the layer as it is called
    xo = Tensor(x.copy(), requires_grad=input_grad and x.dtype == np.float64)
    xt = torch.tensor(x.copy(), requires_grad=input_grad and x.dtype == np.float64)
    outs_o, outs_t = _flatten(ours(xo)), _flatten(theirs(xt))
    assert len(outs_o) == len(outs_t)
    rng = np.random.default_rng(seed)
    weights = [rng.normal(size=o.shape) for o in outs_o]
    atol_out, atol_args, atol_params = module_atol(before, [x], weights)
    total_o, total_t = None, None
    for k, (o, t, w) in enumerate(zip(outs_o, outs_t, weights, strict=True)):
        assert o.shape == tuple(t.shape), (o.shape, t.shape)
        assert_close(o.data, t.detach().numpy(), atol=atol_out[k], rtol=RTOL, err_msg=f"out {k}")
        term_o, term_t = (o * w).sum(), (t * torch.tensor(w)).sum()
        total_o = term_o if total_o is None else total_o + term_o
        total_t = term_t if total_t is None else total_t + term_t
    total_o.backward()
    total_t.backward()
    if xo.requires_grad:
        assert_close(xo.grad, xt.grad.numpy(), atol=atol_args[0], rtol=RTOL, err_msg="input grad")
    theirs_params = dict(theirs.named_parameters())
    ours_params = dict(ours.named_parameters())
    assert set(ours_params) == set(theirs_params)
    for name, p in ours_params.items():
        tg = theirs_params[name].grad
        expected = np.zeros(p.shape) if tg is None else tg.numpy()
        assert_close(p.grad, expected, atol=atol_params[name], rtol=RTOL, err_msg=name)
    state_t = theirs.state_dict()
    buffers = dict(before.named_buffers())
    if buffers and before.training:
        atol_buffers = running_stats_atol(before, torch.tensor(x))
    else:
        atol_buffers = dict.fromkeys(buffers, 0.0)  # unchanged: equal copies
    for name, value in ours.state_dict().items():
        atol = atol_buffers.get(name, 0.0)  # parameters: copied, so equal
        assert_close(value, state_t[name].numpy(), atol=atol, rtol=RTOL, err_msg=name)


def rand(*shape, seed=1):
    return np.random.default_rng(seed).normal(size=shape)


F64 = {"dtype": np.float64}


def test_linear():
    check_layer(nn.Linear(5, 3, **F64), torch.nn.Linear(5, 3), rand(4, 5))
    check_layer(
        nn.Linear(5, 3, bias=False, **F64), torch.nn.Linear(5, 3, bias=False), rand(2, 4, 5)
    )


@pytest.mark.parametrize("stride,padding", [(1, 0), (2, 1), ((2, 1), (0, 2))])
def test_conv2d(stride, padding):
    check_layer(
        nn.Conv2d(3, 4, 3, stride=stride, padding=padding, **F64),
        torch.nn.Conv2d(3, 4, 3, stride=stride, padding=padding),
        rand(2, 3, 7, 6),
    )


def test_pooling_and_flatten():
    x = rand(2, 3, 6, 6)
    check_layer(nn.MaxPool2d(2), torch.nn.MaxPool2d(2), x)
    check_layer(nn.MaxPool2d(3, 2, 1), torch.nn.MaxPool2d(3, 2, 1), x)
    check_layer(nn.AvgPool2d(2), torch.nn.AvgPool2d(2), x)
    check_layer(nn.AvgPool2d(3, 1, 1), torch.nn.AvgPool2d(3, 1, 1), x)
    check_layer(nn.Flatten(), torch.nn.Flatten(), x)


def test_embedding():
    idx = np.array([[1, 4, 4], [0, 9, 1]])
    check_layer(nn.Embedding(10, 3, **F64), torch.nn.Embedding(10, 3), idx, input_grad=False)


@pytest.mark.parametrize("kind", ["RNN", "LSTM", "GRU"])
@pytest.mark.parametrize("num_layers,batch_first", [(1, False), (2, True)])
def test_recurrent(kind, num_layers, batch_first):
    ours = getattr(nn, kind)(4, 5, num_layers=num_layers, batch_first=batch_first, **F64)
    theirs = getattr(torch.nn, kind)(4, 5, num_layers=num_layers, batch_first=batch_first)
    check_layer(ours, theirs, rand(3, 6, 4) if batch_first else rand(6, 3, 4))


def test_rnn_relu_and_initial_state():
    h0 = rand(1, 2, 3, seed=5)
    ours = nn.RNN(4, 3, nonlinearity="relu", **F64)
    theirs = torch.nn.RNN(4, 3, nonlinearity="relu").double()
    ours.load_state_dict({k: v.detach().numpy() for k, v in theirs.state_dict().items()})
    x = rand(5, 2, 4)
    out_o, h_o = ours(Tensor(x), Tensor(h0))
    out_t, h_t = theirs(torch.tensor(x), torch.tensor(h0))
    (atol_out, atol_h), _, _ = module_atol(theirs, [x, h0])
    assert_close(out_o.data, out_t.detach().numpy(), atol=atol_out, rtol=RTOL, err_msg="out")
    assert_close(h_o.data, h_t.detach().numpy(), atol=atol_h, rtol=RTOL, err_msg="h")


def test_layernorm():
    check_layer(nn.LayerNorm(6, **F64), torch.nn.LayerNorm(6), rand(3, 4, 6))
    check_layer(nn.LayerNorm((4, 6), **F64), torch.nn.LayerNorm((4, 6)), rand(3, 4, 6))


@pytest.mark.parametrize("shape", [(8, 5), (8, 5, 3)])
def test_batchnorm1d_train_and_eval(shape):
    ours, theirs = nn.BatchNorm1d(5, **F64), torch.nn.BatchNorm1d(5)
    check_layer(ours, theirs, rand(*shape))  # train: batch stats + running-stat update
    ours.eval(), theirs.eval()
    check_layer(ours, theirs, rand(*shape, seed=2))  # eval: running stats


def test_batchnorm2d_train_and_eval():
    ours, theirs = nn.BatchNorm2d(3, **F64), torch.nn.BatchNorm2d(3)
    for seed in range(3):  # several updates of the running statistics
        check_layer(ours, theirs, rand(4, 3, 5, 5, seed=seed))
    ours.eval(), theirs.eval()
    check_layer(ours, theirs, rand(4, 3, 5, 5, seed=9))


def test_dropout_module_train_vs_eval():
    d = nn.Dropout(0.5)
    x = Tensor(np.ones((100, 100)))
    assert 0.4 < (d(x).data == 0).mean() < 0.6
    d.eval()
    check_layer(d, torch.nn.Dropout(0.5).eval(), rand(3, 4))


def test_sequential_lenet_like_stack():
    ours = nn.Sequential(
        nn.Conv2d(1, 3, 3, padding=1, **F64),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(3, 4, 3, **F64),
        nn.Tanh(),
        nn.AvgPool2d(2),
        nn.Flatten(),
        nn.Linear(4, 6, **F64),
        nn.GELU(),
        nn.Linear(6, 2, **F64),
        nn.Sigmoid(),
    )
    theirs = torch.nn.Sequential(
        torch.nn.Conv2d(1, 3, 3, padding=1),
        torch.nn.ReLU(),
        torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(3, 4, 3),
        torch.nn.Tanh(),
        torch.nn.AvgPool2d(2),
        torch.nn.Flatten(),
        torch.nn.Linear(4, 6),
        torch.nn.GELU(),
        torch.nn.Linear(6, 2),
        torch.nn.Sigmoid(),
    )
    check_layer(ours, theirs, rand(2, 1, 8, 8))


def test_layer_shape_errors_name_the_shapes():
    with pytest.raises(ValueError, match=r"Linear\(5, 3\): input shape \(2, 4\)"):
        nn.Linear(5, 3)(Tensor(np.zeros((2, 4), np.float32)))
    with pytest.raises(ValueError, match=r"LSTM: input shape \(6, 4\)"):
        nn.LSTM(4, 5)(Tensor(np.zeros((6, 4))))
    with pytest.raises(ValueError, match=r"BatchNorm2d\(3\): input shape \(2, 4, 5, 5\)"):
        nn.BatchNorm2d(3)(Tensor(np.zeros((2, 4, 5, 5))))
