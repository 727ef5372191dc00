"""Checks for the residual-block exercise: output, input gradient and weight gradients
against the reference block with the same weights, in training and evaluation mode."""

import numpy as np

from ladder.curriculum.expect import drive, expect_close, expect_equal


def run(cls, cin, cout, stride, training):
    """Build the block with fixed weights, run forward and backward; plain results."""
    import ladder.nn as nn
    from ladder.autograd.tensor import Tensor

    nn.init.manual_seed(0)
    block = cls(cin, cout, stride)
    rng = np.random.default_rng(1)
    state = {}
    for k, v in block.state_dict().items():  # non-trivial batch norms
        if "bn" in k or "downsample.1" in k:
            v = (rng.uniform(0.5, 1.5, v.shape) if k.endswith(("weight", "running_var"))
                 else rng.normal(0, 0.3, v.shape)).astype(v.dtype)  # fmt: skip
        state[k] = v
    block.load_state_dict(state)
    block.train(training)
    x = Tensor(rng.normal(size=(2, cin, 7, 6)).astype(np.float32), requires_grad=True)
    y = block(x)
    w = rng.normal(size=y.shape).astype(np.float32)
    (y * Tensor(w)).sum().backward()
    grads = {  # a parameter the forward never used has no gradient: count it as 0
        k: (np.zeros(p.shape) if p.grad is None else p.grad.astype(np.float64))
        for k, p in block.named_parameters()
    }
    return y.data.astype(np.float64), x.grad.astype(np.float64), grads


def _compare(submitted, reference, cin, cout, stride, training, mistakes=()):
    inputs = {
        "in_channels": cin,
        "out_channels": cout,
        "stride": stride,
        "x": f"shape (2, {cin}, 7, 6)",
        "mode": "train" if training else "eval",
    }
    expected = run(reference, cin, cout, stride, training)
    actual = drive(submitted, run, cin, cout, stride, training)
    expect_equal(tuple(np.shape(actual[0])), tuple(expected[0].shape), what="the output shape",
                 inputs=inputs)  # fmt: skip
    expect_close(actual[0], expected[0], rtol=1e-5, atol=1e-5, what="the output",
                 inputs=inputs, mistakes=[(m(expected), why) for m, why in mistakes])  # fmt: skip
    expect_close(actual[1], expected[1], rtol=1e-5, atol=1e-5, what="the gradient of x",
                 inputs=inputs)  # fmt: skip
    for k, g in expected[2].items():
        expect_close(actual[2][k], g, rtol=1e-5, atol=1e-5, what=f"the gradient of {k}",
                     inputs=inputs)  # fmt: skip


def check_identity_shortcut(submitted, reference):
    """same shape: the input itself is added before the last ReLU"""
    _compare(submitted, reference, 4, 4, 1, training=True)


def check_evaluation_mode(submitted, reference):
    """evaluation mode uses the running statistics of both batch norms"""
    _compare(submitted, reference, 4, 4, 1, training=False)


def check_projection_shortcut(submitted, reference):
    """stride 2 and more channels: the shortcut is self.downsample(x)"""
    _compare(submitted, reference, 3, 6, 2, training=True)
    _compare(submitted, reference, 3, 6, 2, training=False)


def check_more_channels_same_size(submitted, reference):
    """more channels at stride 1 also need the projection"""
    _compare(submitted, reference, 4, 5, 1, training=True)
