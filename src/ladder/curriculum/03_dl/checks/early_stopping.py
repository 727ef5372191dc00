"""Checks for the early-stopping exercise."""

import numpy as np

from ladder.curriculum.expect import expect_equal


class _Model:
    """Stands in for a Module: its state dict records which epoch it came from."""

    def __init__(self):
        self.epoch = 0

    def state_dict(self):
        return {"epoch": np.array(self.epoch)}


def _replay(cls, values, **kw):
    stopper = cls(**kw)
    model = _Model()
    for epoch, v in enumerate(values):
        model.epoch = epoch
        if stopper.step(v, model):
            return epoch, stopper
    return None, stopper


def check_card_example(submitted, reference):
    """losses 0.50, 0.40, 0.42, 0.41, 0.43 with patience 3 stop at the fifth value"""
    values = [0.50, 0.40, 0.42, 0.41, 0.43]
    got, s = _replay(submitted, values, patience=3)
    expect_equal(
        got,
        4,
        what="the index of the value at which step() returned True",
        inputs={"values": values, "patience": 3},
        mistakes=[
            (3, "stop when bad_steps reaches patience (>=), counting only non-improvements"),
            (None, "return True once bad_steps >= patience"),
        ],
    )
    expect_equal(s.best, 0.40, what="best", inputs={"values": values})
    expect_equal(
        s.best_step,
        1,
        what="best_step",
        inputs={"values": values},
        mistakes=[(2, "best_step is the index of the call, counting from 0 (self._count)")],
    )
    expect_equal(
        int(s.best_state["epoch"]),
        1,
        what="the epoch of best_state",
        inputs={"values": values},
        mistakes=[(4, "save model.state_dict() only when the value improves")],
    )


def check_min_delta(submitted, reference):
    """an improvement smaller than min_delta does not count"""
    values = [1.0, 0.995, 0.991, 0.992, 0.985, 0.984]  # stops at 0.992 only with min_delta
    got = _replay(submitted, values, patience=3, min_delta=0.01)[0]
    ref = _replay(reference, values, patience=3, min_delta=0.01)[0]
    expect_equal(
        got,
        ref,
        what="the index at which it stops",
        inputs={"values": values, "patience": 3, "min_delta": 0.01},
        mistakes=[(None, "improve only if value < best − min_delta")],
    )


def check_max_mode(submitted, reference):
    """mode "max" for accuracies"""
    values = [0.80, 0.85, 0.84, 0.86, 0.86, 0.85]
    got, s = _replay(submitted, values, patience=2, mode="max")
    ref, r = _replay(reference, values, patience=2, mode="max")
    expect_equal(
        got,
        ref,
        what="the index at which it stops",
        inputs={"values": values, "patience": 2, "mode": "max"},
        mistakes=[(2, "in max mode a larger value is better")],
    )
    expect_equal(s.best, r.best, what="best", inputs={"values": values, "mode": "max"})


def check_resets(submitted, reference):
    """an improvement resets the count of bad steps"""
    values = [1.0, 1.1, 1.2, 0.9, 1.0, 1.1, 1.2]
    got = _replay(submitted, values, patience=3)[0]
    expect_equal(
        got,
        6,
        what="the index at which it stops",
        inputs={"values": values, "patience": 3},
        mistakes=[(4, "set bad_steps = 0 when the value improves")],
    )


def check_max_mode_min_delta(submitted, reference):
    """in "max" mode a value must beat best + min_delta"""
    values = [0.80, 0.805, 0.79, 0.81]
    got = _replay(submitted, values, patience=2, mode="max", min_delta=0.01)[0]
    ref = _replay(reference, values, patience=2, mode="max", min_delta=0.01)[0]
    expect_equal(
        got,
        ref,
        what="the index at which it stops",
        inputs={"values": values, "patience": 2, "mode": "max", "min_delta": 0.01},
        mistakes=[(None, "in max mode improve only if value > best + min_delta")],
    )
