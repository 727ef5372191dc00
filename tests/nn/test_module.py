"""Module bookkeeping: parameters, zero_grad, train/eval, state dicts and .npz files."""

from __future__ import annotations

import numpy as np
import pytest

import ladder.nn as nn
from ladder.autograd import Tensor


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Dropout(0.3))
        self.head = nn.Linear(8, 3)

    def forward(self, x):
        return self.head(self.body(x))


def test_parameters_and_names_follow_torch_convention():
    names = [n for n, _ in Net().named_parameters()]
    assert names == [
        "body.0.weight",
        "body.0.bias",
        "body.1.weight",
        "body.1.bias",
        "head.weight",
        "head.bias",
    ]
    assert "body.1.running_mean" in Net().state_dict()


def test_zero_grad_and_train_eval_propagate():
    net = Net()
    nn.cross_entropy(net(Tensor(np.ones((5, 4), np.float32))), np.zeros(5, int)).backward()
    assert all(p.grad is not None for p in net.parameters())
    net.zero_grad()
    assert all(p.grad is None for p in net.parameters())
    net.eval()
    assert not net.body[3].training and not net.training
    net.train()
    assert net.body[1].training


def test_save_and_load_roundtrip(tmp_path):
    a, b = Net(), Net()
    a(Tensor(np.random.default_rng(0).normal(size=(6, 4)).astype(np.float32)))  # move stats
    a.save(tmp_path / "net.npz")
    b.load(tmp_path / "net.npz")
    for (k, va), (_, vb) in zip(a.state_dict().items(), b.state_dict().items(), strict=True):
        np.testing.assert_array_equal(va, vb, err_msg=k)


def test_load_lists_every_problem_at_once():
    net = Net()
    state = net.state_dict()
    del state["head.bias"], state["body.0.weight"]
    state["extra.weight"] = np.zeros(2)
    state["head.weight"] = np.zeros((4, 8))
    with pytest.raises(nn.StateDictError) as err:
        net.load_state_dict(state)
    msg = str(err.value)
    for expected in [
        "missing keys (2)",
        "body.0.weight",
        "head.bias",
        "unexpected keys (1)",
        "extra.weight",
        "head.weight: expected (3, 8), got (4, 8)",
        "strict=False",
    ]:
        assert expected in msg


def test_non_strict_load_skips_missing_but_not_bad_shapes():
    net = Net()
    state = {"head.bias": np.ones(3, np.float32)}
    net.load_state_dict(state, strict=False)
    np.testing.assert_array_equal(net.head.bias.data, 1.0)
    with pytest.raises(nn.StateDictError, match="shape mismatches"):
        net.load_state_dict({"head.bias": np.ones(4)}, strict=False)


def test_forgetting_super_init_is_explained():
    class Bad(nn.Module):
        def __init__(self):
            self.w = 1

    with pytest.raises(RuntimeError, match=r"super\(\)\.__init__\(\) first"):
        Bad()
