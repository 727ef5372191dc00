"""Checks for both encoder-layer exercises, pre-norm and post-norm: the same weights as
the reference, and the other arrangement named when the learner wrote it instead."""

import torch

from ladder.curriculum.expect import drive, expect_close
from ladder.transformer.block import PostNormEncoderLayer, PreNormEncoderLayer

D_MODEL, N_HEAD, D_FF = 8, 2, 20  # three different sizes: a wrong axis cannot pass
WHAT = {
    PreNormEncoderLayer: "pre-norm: normalise the sub-layer's input, x + F(LN(x))",
    PostNormEncoderLayer: "post-norm: normalise the residual sum, LN(x + F(x))",
}


def _state(reference):
    """The reference's weights, with layer-norm gains and biases far from 1 and 0 so
    that a missing or misplaced norm shows."""
    torch.manual_seed(0)
    ref = reference(D_MODEL, N_HEAD, D_FF).double()
    for ln in (ref.norm1, ref.norm2):
        ln.weight.data.uniform_(0.5, 1.5)
        ln.bias.data.uniform_(-0.5, 0.5)
    return ref.state_dict()


def _x(shape, seed):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed), dtype=torch.float64)


def outputs(cls, state, x, mask=None, train_seed=None, skip_residual_dropout=False):
    """The layer's output with the given weights and dropout 0.3: in eval mode (where
    dropout must do nothing), or in train mode after ``torch.manual_seed(train_seed)``.
    The attention's own dropout is set to 0 in training: its fused and written-out paths
    draw different random numbers."""
    layer = cls(D_MODEL, N_HEAD, D_FF, dropout=0.3).double()
    layer.load_state_dict(state)
    if train_seed is None:
        layer.eval()
    else:
        layer.train()
        layer.self_attn.dropout = 0.0
        if skip_residual_dropout:  # a known mistake, computed here only
            layer.dropout1 = layer.dropout2 = torch.nn.Identity()
        torch.manual_seed(train_seed)
    with torch.no_grad():
        return layer(x) if mask is None else layer(x, mask)


def _mistakes(reference, state, x, mask=None, train_seed=None):
    other = PostNormEncoderLayer if reference is PreNormEncoderLayer else PreNormEncoderLayer
    return [(outputs(other, state, x, mask, train_seed), f"that is {WHAT[other]}")]


def check_forward(submitted, reference):
    """the layer's output on x (2, 3, 8) with the reference's weights, in eval mode"""
    state, x = _state(reference), _x((2, 3, D_MODEL), 1)
    want = outputs(reference, state, x)
    expect_close(
        drive(submitted, outputs, state, x),
        want,
        inputs=f"x: (2, 3, 8) standard normal (seed 1), d_model=8, n_head=2, d_ff={D_FF}, "
        "dropout 0.3, eval mode",
        mistakes=_mistakes(reference, state, x),
    )


def check_causal(submitted, reference):
    """passes a causal mask to the self-attention"""
    state, x = _state(reference), _x((1, 4, D_MODEL), 2)
    mask = torch.ones(4, 4, dtype=torch.bool).tril()
    want = outputs(reference, state, x, mask)
    expect_close(
        drive(submitted, outputs, state, x, mask),
        want,
        inputs={"x": "(1, 4, 8) (seed 2)", "mask": mask},
        mistakes=[(outputs(reference, state, x), "pass mask on to self_attn")],
    )


def check_dropout_in_training(submitted, reference):
    """in training, dropout after the attention and after the feed-forward"""
    state, x = _state(reference), _x((2, 5, D_MODEL), 3)
    want = outputs(reference, state, x, train_seed=7)
    expect_close(
        drive(submitted, outputs, state, x, None, 7),
        want,
        inputs="x: (2, 5, 8) (seed 3), dropout 0.3, train mode, torch.manual_seed(7)",
        mistakes=[
            (
                outputs(reference, state, x, None, 7, skip_residual_dropout=True),
                "apply dropout1 and dropout2 to the sub-layer outputs (they act in training)",
            ),
            *_mistakes(reference, state, x, train_seed=7),
        ],
    )
