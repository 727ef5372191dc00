"""Checks for the feed-forward exercise: same weights as the reference, same result."""

import torch
import torch.nn.functional as F

from ladder.curriculum.expect import drive, expect_close, expect_shape


def _pair(submitted, reference, activation="relu"):
    torch.manual_seed(0)
    ref = reference(4, 16, activation=activation).double().eval()
    sub = submitted(4, 16, activation=activation).double().eval()
    sub.load_state_dict(ref.state_dict())
    return sub, ref


def check_relu(submitted, reference):
    """ReLU network on (2, 3, 4), d_ff = 16"""
    sub, ref = _pair(submitted, reference)
    x = torch.randn(2, 3, 4, generator=torch.Generator().manual_seed(1), dtype=torch.float64)
    with torch.no_grad():
        got, want = sub(x), ref(x)
        no_act = ref.linear2(ref.linear1(x))
        act_last = F.relu(ref.linear2(ref.linear1(x)))
    inputs = "x: (2, 3, 4) standard normal (seed 1), d_model=4, d_ff=16, weights copied"
    expect_shape(got, (2, 3, 4), inputs=inputs)
    expect_close(
        got,
        want,
        inputs=inputs,
        mistakes=[
            (no_act, "apply the activation between the two linear layers"),
            (act_last, "the activation goes after linear1, not after linear2"),
        ],
    )


def check_gelu(submitted, reference):
    """uses the chosen activation (GELU)"""
    sub, ref = _pair(submitted, reference, "gelu")
    x = torch.randn(1, 2, 4, generator=torch.Generator().manual_seed(2), dtype=torch.float64)
    with torch.no_grad():
        expect_close(
            sub(x),
            ref(x),
            inputs="x: (1, 2, 4), activation='gelu'",
            mistakes=[(ref.linear2(F.relu(ref.linear1(x))), "use self.act, not a fixed ReLU")],
        )


D_MODEL, D_FF, P = 4, 16, 0.3


def outputs(cls, state, x, activation, train, seed):
    """The network with the given weights and dropout 0.3, in train or eval mode, run
    right after ``torch.manual_seed(seed)``."""
    layer = cls(D_MODEL, D_FF, dropout=P, activation=activation).double()
    layer.load_state_dict(state)
    layer.train(train)
    torch.manual_seed(seed)
    with torch.no_grad():
        return layer(x)


def _setup(reference, activation):
    torch.manual_seed(0)
    ref = reference(D_MODEL, D_FF, dropout=P, activation=activation).double()
    x = torch.randn(2, 5, D_MODEL, generator=torch.Generator().manual_seed(3), dtype=torch.float64)
    return ref, ref.state_dict(), x


def _dropped(t, seed):
    torch.manual_seed(seed)
    return F.dropout(t, P, training=True)


def check_dropout_in_training(submitted, reference):
    """in training, dropout on the wide hidden layer, after the activation (GELU)"""
    ref, state, x = _setup(reference, "gelu")
    want = outputs(reference, state, x, "gelu", True, 7)
    with torch.no_grad():
        h = ref.linear1(x)
        mistakes = [
            (
                ref.linear2(F.gelu(h)),
                "apply self.dropout to the hidden layer (it acts in training)",
            ),
            (
                _dropped(ref.linear2(F.gelu(h)), 7),
                "dropout goes on the wide hidden layer, before linear2, not on the output",
            ),
            (
                ref.linear2(F.gelu(_dropped(h, 7))),
                "dropout comes after the activation: linear2(dropout(act(linear1(x))))",
            ),
        ]
    expect_close(
        drive(submitted, outputs, state, x, "gelu", True, 7),
        want,
        inputs="x (2, 5, 4) (seed 3), d_ff=16, GELU, dropout 0.3, train mode, torch.manual_seed(7)",
        mistakes=mistakes,
    )


def check_no_dropout_in_eval(submitted, reference):
    """in evaluation, dropout does nothing"""
    ref, state, x = _setup(reference, "relu")
    want = outputs(reference, state, x, "relu", False, 7)
    with torch.no_grad():
        always = ref.linear2(_dropped(F.relu(ref.linear1(x)), 7))
    expect_close(
        drive(submitted, outputs, state, x, "relu", False, 7),
        want,
        inputs="x (2, 5, 4) (seed 3), dropout 0.3, eval mode",
        mistakes=[
            (
                always,
                "use self.dropout (an nn.Dropout): it follows train()/eval(), "
                "F.dropout(..., training=True) does not",
            )
        ],
    )
