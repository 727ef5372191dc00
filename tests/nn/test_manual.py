"""The hand-written two-layer MLP backward equals torch.autograd (float64: 1e-12)."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from ladder.nn.manual import mlp_backward


@pytest.mark.parametrize(("N", "d", "h", "C", "seed"), [(5, 4, 3, 6, 0), (7, 9, 11, 2, 1)])
def test_matches_torch_autograd(N, d, h, C, seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(N, d))
    y = rng.integers(0, C, N)
    params = {
        "W1": rng.normal(size=(h, d)), "b1": rng.normal(size=h),
        "W2": rng.normal(size=(C, h)), "b2": rng.normal(size=C),
    }  # fmt: skip
    loss, grads = mlp_backward(X, y, **params)
    t = {k: torch.tensor(v, requires_grad=True) for k, v in params.items()}
    Xt = torch.tensor(X)
    Z2 = torch.relu(Xt @ t["W1"].T + t["b1"]) @ t["W2"].T + t["b2"]
    ref = torch.nn.functional.cross_entropy(Z2, torch.tensor(y))
    ref.backward()
    # float64, a few hundred operations on values of size ~1: agreement to ~1e-15.
    assert loss == pytest.approx(ref.item(), abs=1e-12)
    for k in params:
        assert grads[k].shape == params[k].shape
        np.testing.assert_allclose(grads[k], t[k].grad.numpy(), atol=1e-12)


def test_bad_shapes():
    with pytest.raises(ValueError, match="shapes do not chain"):
        mlp_backward(np.ones((2, 3)), [0, 1], np.ones((4, 2)), np.ones(4), np.ones((2, 4)),
                     np.ones(2))  # fmt: skip
