"""Checks for the topological-order exercise.

The graphs are built with the library's operations, so their inner nodes are library
``Value``s; the learner's method is called on them as a plain function.
"""

from ladder.curriculum.expect import expect_close, expect_equal, expect_true


def _order(submitted, root):
    return submitted.topological_order(root)


def _valid(order, root):
    pos = {id(n): i for i, n in enumerate(order)}
    for n in order:
        for c in n._prev:
            if id(c) not in pos or pos[id(c)] > pos[id(n)]:
                return False
    return order[-1] is root


def _graph(cls):
    a, b = cls(2.0), cls(-3.0)
    c = a * b  # a and b are used twice: a diamond
    d = c + a
    e = d * c + b.tanh()
    return (a, b), e


def check_every_node_once(submitted, reference):
    """lists each node of a graph with shared nodes exactly once"""
    _, root = _graph(reference)
    got = _order(submitted, root)
    ref = reference.topological_order(root)
    expect_equal(
        len(got),
        len(ref),
        what="the number of nodes",
        inputs="a=2, b=−3; c=a·b; d=c+a; e=d·c+tanh(b)",
        mistakes=[
            (n, "keep a visited set: a node reached twice must appear once")
            for n in range(len(ref) + 1, 3 * len(ref))
        ],
    )
    expect_equal(
        {id(n) for n in got}, {id(n) for n in ref}, what="the set of nodes", inputs="the same graph"
    )


def check_children_first(submitted, reference):
    """every node comes after the nodes it was computed from, the output last"""
    _, root = _graph(reference)
    got = _order(submitted, root)
    expect_true(
        _valid(got, root),
        "a node appears before one of its inputs (or the output is not last)",
        inputs="a=2, b=−3; c=a·b; d=c+a; e=d·c+tanh(b)",
        misconception="append a node only after all of its _prev have been appended",
    )


def check_gradients(submitted, reference):
    """backward in reverse of your order gives the right gradients"""
    (a, b), root = _graph(reference)
    order = _order(submitted, root)
    root.grad = 1.0
    for node in reversed(order):
        node._backward()
    (ra, rb), rroot = _graph(reference)
    rroot.backward()
    expect_close(
        [a.grad, b.grad],
        [ra.grad, rb.grad],
        what="[a.grad, b.grad]",
        inputs="a=2, b=−3; e=(a·b + a)·(a·b) + tanh(b)",
    )


def check_long_chain(submitted, reference):
    """handles a chain of 5,000 operations (no recursion limit)"""
    x = reference(0.5)
    y = x
    for _ in range(5000):
        y = y * 1.0
    try:
        order = _order(submitted, y)
    except RecursionError:
        expect_true(
            False,
            "RecursionError on a chain of 5,000 nodes",
            inputs="y = x·1·1·…·1",
            misconception="use an explicit stack instead of recursion",
        )
        return
    expect_true(
        _valid(order, y) and len(order) == 10001,
        f"got {len(order)} nodes in an invalid order; expected 10,001 in order",
        inputs="y = x·1·1·…·1 (5,000 products: 5,000 constants, 5,000 results, x)",
    )
