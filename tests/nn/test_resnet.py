"""Residual connections: ResNet's BasicBlock equals a PyTorch twin with the same weights
(torchvision's layout and names), in training and evaluation mode, forward and backward."""

from __future__ import annotations

import numpy as np
import pytest
import torch

import ladder.nn as nn
from ladder.autograd import Tensor
from ladder.nn.resnet import BasicBlock, Residual


class TorchBasicBlock(torch.nn.Module):
    """torchvision.models.resnet.BasicBlock, written out (torchvision is not installed)."""

    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = torch.nn.BatchNorm2d(cout)
        self.conv2 = torch.nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = torch.nn.BatchNorm2d(cout)
        self.downsample = (
            torch.nn.Sequential(
                torch.nn.Conv2d(cin, cout, 1, stride, bias=False), torch.nn.BatchNorm2d(cout)
            )
            if stride != 1 or cin != cout
            else None
        )

    def forward(self, x):
        out = torch.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return torch.relu(out + (x if self.downsample is None else self.downsample(x)))


# float32 convolutions over 3·3·C terms of size ~1 and two batch norms: ~1e-6; 1e-4
# absolute leaves margin for the backward sums.
ATOL = 1e-4


@pytest.mark.parametrize(("cin", "cout", "stride"), [(4, 4, 1), (3, 6, 2), (4, 5, 1)])
@pytest.mark.parametrize("training", [True, False])
def test_basic_block_equals_pytorch(cin, cout, stride, training):
    nn.init.manual_seed(0)
    ours = BasicBlock(cin, cout, stride)
    twin = TorchBasicBlock(cin, cout, stride)
    # randomise batch-norm affine parameters and running statistics too
    rng = np.random.default_rng(1)
    state = {}
    for k, v in ours.state_dict().items():
        v = v.copy()
        if "bn" in k or "downsample.1" in k:
            v = (rng.uniform(0.5, 1.5, v.shape) if k.endswith(("weight", "running_var"))
                 else rng.normal(0, 0.3, v.shape)).astype(v.dtype)  # fmt: skip
        state[k] = v
    ours.load_state_dict(state)
    twin.load_state_dict({k: torch.from_numpy(np.asarray(v)) for k, v in state.items()},
                         strict=False)  # fmt: skip
    ours.train(training)
    twin.train(training)
    x = rng.normal(size=(2, cin, 7, 6)).astype(np.float32)
    w = rng.normal(size=(2, cout, (7 - 1) // stride + 1, (6 - 1) // stride + 1))
    xo = Tensor(x, requires_grad=True)
    yo = ours(xo)
    (yo * Tensor(w.astype(np.float32))).sum().backward()
    xt = torch.tensor(x, requires_grad=True)
    yt = twin(xt)
    (yt * torch.tensor(w, dtype=torch.float32)).sum().backward()
    np.testing.assert_allclose(yo.data, yt.detach().numpy(), atol=ATOL)
    np.testing.assert_allclose(xo.grad, xt.grad.numpy(), atol=ATOL)
    named = dict(twin.named_parameters())
    for k, p in ours.named_parameters():
        np.testing.assert_allclose(p.grad, named[k].grad.numpy(), atol=ATOL, err_msg=k)
    if training:  # running statistics updated the same way
        for k, v in ours.state_dict().items():
            if "running" in k:
                np.testing.assert_allclose(v, twin.state_dict()[k].numpy(), atol=1e-5)


def test_shortcut_kinds_and_bad_input():
    assert BasicBlock(4, 4, 1).downsample is None  # identity shortcut
    assert BasicBlock(4, 8, 1).downsample is not None and BasicBlock(4, 4, 2).downsample
    with pytest.raises(ValueError, match="stride must be 1 or 2"):
        BasicBlock(4, 4, 3)
    with pytest.raises(ValueError, match="needs the same shape"):
        Residual(nn.Linear(3, 4))(Tensor(np.ones((2, 3), np.float32)))
    r = Residual(nn.Linear(3, 3))
    x = Tensor(np.ones((2, 3), np.float32))
    np.testing.assert_allclose(r(x).data, x.data + r.f(x).data)
