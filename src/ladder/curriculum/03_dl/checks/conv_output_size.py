"""Checks for the output-size exercise."""

from ladder.curriculum.expect import expect_equal


def check_lenet(submitted, reference):
    """LeNet-5's layers: 28 → 28 (pad 2) and 14 → 10"""
    expect_equal(
        submitted(28, 5, 1, 2),
        28,
        inputs={"size": 28, "kernel": 5, "stride": 1, "padding": 2},
        mistakes=[
            (24, "count the padding on both sides: + 2·padding"),
            (26, "the padding is added on both sides: 2·padding, not padding"),
            (27, "add 1: the window's first position counts too"),
        ],
    )
    expect_equal(
        submitted(14, 5, 1, 0),
        10,
        inputs={"size": 14, "kernel": 5, "stride": 1, "padding": 0},
        mistakes=[(9, "add 1: a kernel as long as the input fits once")],
    )


def check_stride(submitted, reference):
    """stride 2 rounds down"""
    for args in ((32, 3, 2, 1), (7, 3, 2, 0), (8, 2, 2, 0)):
        expect_equal(
            submitted(*args),
            reference(*args),
            inputs=dict(zip(("size", "kernel", "stride", "padding"), args, strict=False)),
            mistakes=[(reference(*args) + 1, "use floor division // before adding 1")],
        )


def check_integer(submitted, reference):
    """returns an int"""
    got = submitted(10, 3, 3, 0)
    expect_equal(
        type(got).__name__,
        "int",
        what="the type of the result",
        inputs={"size": 10, "kernel": 3, "stride": 3, "padding": 0},
        mistakes=[("float", "use // (floor division), not /")],
    )
    expect_equal(got, 3, inputs={"size": 10, "kernel": 3, "stride": 3, "padding": 0})
