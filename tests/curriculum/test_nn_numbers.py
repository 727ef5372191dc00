"""Every number the stage-2 (`nn`) lessons state, recomputed by our code.

Each test parses the number from the lesson text, so editing a lesson without updating
the computation (or the other way round) fails here. Tolerances are half a unit of the
last printed digit; counts must match exactly.
"""

from __future__ import annotations

import math
import re
import sys

import numpy as np
import pytest

from tests.curriculum.numbers import LESSONS, check, stated_text

# --- the perceptron --------------------------------------------------------------------


def test_perceptron_and_xor_runs():
    from ladder.nn.perceptron import XOR_X, XOR_Y, Perceptron, train_xor_mlp

    lesson = "nn.perceptron"
    p = Perceptron(shuffle=False).fit(XOR_X, [0, 0, 0, 1])
    stated = [
        int(v)
        for v in stated_text(lesson, r"mistakes per epoch are ([\d, ]+), and epoch").split(", ")
    ]
    assert p.mistakes_per_epoch_[:-1] == stated and p.mistakes_per_epoch_[-1] == 0
    assert len(p.mistakes_per_epoch_) == int(stated_text(lesson, r"and epoch (\d+) has none"))
    w = [float(v) for v in stated_text(lesson, r"with \$w = \((\d+, \d+)\)\$").split(", ")]
    assert list(p.coef_) == w
    assert p.intercept_ == float(stated_text(lesson, r"and \$b = (-?\d+)\$"))
    assert p.coef_ @ [1, 1] + p.intercept_ == float(stated_text(lesson, r"\$3 \+ 2 - 4 = (\d+)\$"))

    x = Perceptron(shuffle=False).fit(XOR_X, XOR_Y)
    assert not x.converged_
    assert len(x.mistakes_per_epoch_) == int(stated_text(lesson, r"every one of its (\d+) epochs"))
    assert set(x.mistakes_per_epoch_) == {
        int(stated_text(lesson, r"it makes (\d+) mistakes in every"))
    }
    assert not x.coef_.any() and x.intercept_ == 0  # "ends where it started, at w = 0"

    _, losses = train_xor_mlp()
    assert len(losses) == int(stated_text(lesson, r"0\.0013 in (\d+) steps"))
    check(lesson, r"falls from (\d\.\d+) to", losses[0])
    check(lesson, r"to (0\.\d+) in \d+ steps", losses[-1])


def test_novikoff_bound_holds_on_separable_data():
    """The theorem the lesson states, checked on random separable data."""
    from ladder.nn.perceptron import Perceptron

    rng = np.random.default_rng(0)
    X = rng.uniform(-1, 1, size=(200, 2))
    u = np.array([0.6, 0.8, 0.1])  # a separating direction with the bias folded in
    Xb = np.c_[X, np.ones(len(X))]
    keep = np.abs(Xb @ u) > 0.1
    X, Xb = X[keep], Xb[keep]
    y = (Xb @ u > 0).astype(int)
    s = np.where(y == 1, 1, -1)
    gamma = (s * (Xb @ u)).min() / np.linalg.norm(u)
    R = np.linalg.norm(Xb, axis=1).max()
    p = Perceptron(max_epochs=1000).fit(X, y)
    assert p.converged_ and sum(p.mistakes_per_epoch_) <= (R / gamma) ** 2


# --- activations -----------------------------------------------------------------------


def test_activation_numbers():
    from ladder.autograd import functional as F
    from ladder.autograd.tensor import Tensor

    lesson = "nn.activations"

    def grad(fn, x):
        t = Tensor(np.array([x]), requires_grad=True)
        fn(t).sum().backward()
        return float(t.grad[0])

    check(lesson, r"\\sigma'\(4\) = (\d\.\d+)\$", grad(lambda t: t.sigmoid(), 4.0))
    check(lesson, r"\\tanh'\(3\) = (\d\.\d+)\$", grad(lambda t: t.tanh(), 3.0))
    check(lesson, r"\\sigma'\(0\) = (\d\.\d+)\$", grad(lambda t: t.sigmoid(), 0.0))
    check(lesson, r"\(\$\\tanh'\(0\) = (\d)\$", grad(lambda t: t.tanh(), 0.0))
    assert grad(lambda t: t.relu(), 0.0) == 0.0  # "use the derivative 0 there"
    n = int(stated_text(lesson, r"through (\d+) sigmoid layers"))
    assert stated_text(lesson, r"\$0\.25\^\{(\d+)\}") == str(n)
    m = re.search(r"= (\d\.\d) \\times 10\^\{-(\d+)\}\$ \(ignoring", LESSONS[lesson])
    assert m and 0.25**n == pytest.approx(float(m.group(1)) * 10.0 ** -int(m.group(2)), rel=0.01)
    # GELU's minimum: -0.17 near x = -0.75 (a fine grid of our gelu).
    xs = np.linspace(-3, 0, 30001)
    g = F.gelu(Tensor(xs)).data
    check(lesson, r"minimum of (-\d\.\d+) near", float(g.min()))
    check(lesson, r"near \$x = (-\d\.\d+)\$", float(xs[g.argmin()]))
    check(lesson, r"about \$\[(-\d\.\d+), \\infty\)\$", float(g.min()))
    # e^{-x} overflows for x below about -709 in float64.
    limit = float(stated_text(lesson, r"for \$x\$ below about \$(-\d+)\$"))
    assert math.log(np.finfo(np.float64).max) == pytest.approx(-limit, abs=1)
    with np.errstate(over="raise"):
        np.exp(-(limit + 1))  # still finite just above the limit
        with pytest.raises(FloatingPointError):
            np.exp(-(limit - 1))


def test_sigmoid_forms_are_stable():
    from ladder.autograd.scalar import Value
    from ladder.autograd.tensor import Tensor

    assert Value(-1000.0).sigmoid().data == 0.0 and Value(1000.0).sigmoid().data == 1.0
    x = np.array([-1000.0, 0.0, 1000.0])
    np.testing.assert_allclose(Tensor(x).sigmoid().data, [0.0, 0.5, 1.0], atol=0)


# --- backpropagation -------------------------------------------------------------------


def test_worked_example():
    from ladder.autograd.scalar import Value

    lesson = "nn.backpropagation"
    a, b = (
        Value(float(stated_text(lesson, r"\$a = (\d)\$, \$b"))),
        Value(float(stated_text(lesson, r"\$b = (-\d)\$"))),
    )
    c = a * b + a.exp()
    c.backward()
    check(lesson, r"gives \$c = (\d\.\d+)\$", c.data)
    check(lesson, r"b \+ e\^\{a\} = (\d\.\d+)\$", a.grad)
    check(lesson, r"\\partial c/\\partial b = a = (\d)\$", b.grad)
    aa = Value(3.0)
    (aa * aa).backward()
    assert aa.grad == 6.0  # "∂(a²)/∂a = 2a": contributions add up


def test_recursion_limit_and_unbroadcast_example():
    from ladder.autograd.tensor import Tensor, unbroadcast

    lesson = "nn.backpropagation"
    assert sys.getrecursionlimit() == int(stated_text(lesson, r"recursion limit \((\d+) frames\)"))
    shape_x = tuple(int(v) for v in stated_text(lesson, r"`x` of shape \((\d+, \d+)\)").split(", "))
    x = Tensor(np.ones(shape_x))
    b = Tensor(np.zeros(shape_x[1]), requires_grad=True)
    (x + b).sum().backward()
    stated = [float(v) for v in stated_text(lesson, r"`b.grad` is `\[([\d, ]+)\]`").split(", ")]
    assert b.grad.tolist() == stated
    assert unbroadcast(np.ones(shape_x), (shape_x[1],)).tolist() == stated


def test_cross_entropy_example():
    from ladder.autograd.tensor import Tensor
    from ladder.nn.losses import cross_entropy

    lesson = "nn.backpropagation"
    z = Tensor(np.array([[2.0, 1.0, 0.0]]), requires_grad=True)
    loss = cross_entropy(z, np.array([0]))
    loss.backward()
    s = z.softmax().data[0]
    for i, v in enumerate(stated_text(lesson, r"\$s = \(([\d., ]+)\)\$").split(", ")):
        assert s[i] == pytest.approx(float(v), abs=5e-4)
    check(lesson, r"\$L = (\d\.\d+)\$, and", loss.item())
    for i, v in enumerate(stated_text(lesson, r"gradient is \$\(([-\d., ]+)\)\$").split(", ")):
        assert z.grad[0, i] == pytest.approx(float(v), abs=5e-4)


def test_finite_difference_errors():
    lesson = "nn.backpropagation"
    h = 1e-6
    assert "$h = 10^{-6}$" in LESSONS[lesson]
    one_sided = abs((math.exp(1 + h) - math.exp(1)) / h - math.e)
    central = abs((math.exp(1 + h) - math.exp(1 - h)) / (2 * h) - math.e)
    m = re.search(
        r"one-sided error is \$(\d\.\d) \\times 10\^\{-(\d+)\}\$ and the central error "
        r"\$(\d\.\d) \\times 10\^\{-(\d+)\}\$",
        LESSONS[lesson],
    )
    assert m
    assert one_sided == pytest.approx(float(m.group(1)) * 10.0 ** -int(m.group(2)), rel=0.04)
    assert central == pytest.approx(float(m.group(3)) * 10.0 ** -int(m.group(4)), rel=0.04)
    # "in float32 rounding alone is about 0.1 with this h": eps32 / h
    check(lesson, r"rounding alone is about (\d\.\d) with", np.finfo(np.float32).eps / h)
