"""Checks for the Value.sigmoid exercise."""

import math

from ladder.curriculum.expect import expect_close


def _run(cls, x, upstream=1.0):
    v = cls(x)
    out = v.sigmoid()
    # Seed the output's gradient and run the closure directly (one step of backward).
    out.grad = upstream
    out._backward()
    return out.data, v.grad


def check_value(submitted, reference):
    """σ(0) = 0.5, σ(2) ≈ 0.881, σ(−1.5) ≈ 0.182"""
    for x in (0.0, 2.0, -1.5):
        expect_close(
            submitted(x).sigmoid().data,
            reference(x).sigmoid().data,
            inputs={"x": x},
            mistakes=[(1 / (1 + math.exp(x)), "the exponent is −x: σ(x) = 1/(1 + e^(−x))")],
        )


def check_derivative(submitted, reference):
    """the gradient is σ(x)(1 − σ(x)) times the incoming gradient"""
    for x, up in ((0.0, 1.0), (2.0, 1.0), (-1.5, 3.0)):
        got = _run(submitted, x, up)[1]
        ref = _run(reference, x, up)[1]
        s = 1 / (1 + math.exp(-x))
        expect_close(
            got,
            ref,
            what="x.grad",
            inputs={"x": x, "out.grad": up},
            mistakes=[
                (s * (1 - s), "multiply the local derivative by out.grad (the chain rule)"),
                (s * up, "the derivative is σ(1 − σ), not σ"),
                (-s * (1 - s) * up, "σ' = σ(1 − σ) is positive"),
            ],
        )


def check_accumulates(submitted, reference):
    """adds to x.grad (+=) rather than overwriting it"""
    v = submitted(0.5)
    v.grad = 1.0
    out = v.sigmoid()
    out.grad = 1.0
    out._backward()
    s = 1 / (1 + math.exp(-0.5))
    expect_close(
        v.grad,
        1.0 + s * (1 - s),
        what="x.grad",
        inputs="x = 0.5 with x.grad = 1 already",
        mistakes=[(s * (1 - s), "use += : x may already hold gradient from another use")],
    )


def check_through_backward(submitted, reference):
    """backward() through y = σ(x)·x matches the reference"""
    for x in (-3.0, 0.7):
        a = submitted(x)
        y = a.sigmoid() * a
        y.backward()
        r = reference(x)
        z = r.sigmoid() * r
        z.backward()
        expect_close(a.grad, r.grad, what="x.grad", inputs={"x": x, "y": "σ(x)·x"})


def check_inside_a_graph(submitted, reference):
    """backward() reaches the nodes below σ: z = σ(σ(x))"""
    r = reference(0.7)
    r.sigmoid().sigmoid().backward()
    x = submitted(0.7)
    x.sigmoid().sigmoid().backward()
    expect_close(
        x.grad,
        r.grad,
        what="x.grad",
        inputs="x = 0.7; z = σ(σ(x))",
        mistakes=[
            (
                0.0,
                "give the result its parent, Value(s, (self,), 'sigmoid'): backward() "
                "reaches the inner σ(x) only through it",
            )
        ],
    )


def check_extremes(submitted, reference):
    """σ(±1000) is 1 and 0 without overflow"""
    for x in (-1000.0, 1000.0):
        try:
            got = submitted(x).sigmoid().data
        except OverflowError:
            from ladder.curriculum.expect import expect_true

            expect_true(
                False,
                f"σ({x}) raised OverflowError",
                inputs={"x": x},
                misconception="for x < 0 use exp(x) / (1 + exp(x)): only exponentiate −|x|",
            )
        expect_close(got, reference(x).sigmoid().data, atol=1e-300, inputs={"x": x})
