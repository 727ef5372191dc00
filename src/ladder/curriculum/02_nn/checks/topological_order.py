"""Checks for the topological-order exercise.

Graphs are built from the learner's ``Value`` class beside the learner's code (a
driver), and come back as plain data: the graph as a parent list over a fixed numbering
of its nodes, and the learner's order as indices into that numbering. The same driver
run on the reference builds the same graph, so the two numberings agree.
"""

from ladder.curriculum.expect import drive, expect_close, expect_equal, expect_true

GRAPH = "a=2, b=−3; c=a·b; d=c+a; e=d·c+tanh(b)+a"


def _graph(cls):
    a, b = cls(2.0), cls(-3.0)
    c = a * b  # a and b are used twice: a diamond
    d = c + a
    # The last "+ a" makes a an input of the output itself as well as of deep nodes: a
    # reversed breadth-first (or reversed preorder) listing puts it after nodes that
    # need it.
    e = d * c + b.tanh() + a
    return (a, b), e


def _chain(cls, n=5000):
    x = cls(0.5)
    y = x
    for _ in range(n):
        y = y * 1.0
    return y


def _numbering(root):
    """Every node reachable from ``root`` in a fixed order (iterative preorder)."""
    index, nodes, stack = {}, [], [root]
    while stack:
        node = stack.pop()
        if id(node) in index:
            continue
        index[id(node)] = len(nodes)
        nodes.append(node)
        stack.extend(reversed(node._prev))
    return index, nodes


def _as_data(root, order):
    index, nodes = _numbering(root)
    parents = [[index[id(c)] for c in n._prev] for n in nodes]
    return {"parents": parents, "order": [index.get(id(n), -1) for n in order]}


def graph_order(cls):
    """The diamond graph and the order ``topological_order`` gives for it."""
    _, root = _graph(cls)
    # Inner nodes are made by the library's operations, so the learner's method is
    # called on them as a plain function.
    return _as_data(root, cls.topological_order(root))


def chain_order(cls):
    y = _chain(cls)
    return _as_data(y, cls.topological_order(y))


def gradients_in_order(cls):
    """Gradients from calling each node's ``_backward`` in reverse of the order."""
    (a, b), root = _graph(cls)
    root.grad = 1.0
    for node in reversed(cls.topological_order(root)):
        node._backward()
    return [a.grad, b.grad]


def _valid(data):
    parents, order = data["parents"], data["order"]
    pos = {n: i for i, n in enumerate(order)}
    if not order or order[-1] != 0 or -1 in pos:  # node 0 is the root
        return False
    return all(all(c in pos and pos[c] < pos[n] for c in parents[n]) for n in order)


def check_every_node_once(submitted, reference):
    """lists each node of a graph with shared nodes exactly once"""
    ref = graph_order(reference)
    got = drive(submitted, graph_order)
    n = len(ref["parents"])
    expect_equal(
        len(got["order"]),
        n,
        what="the number of nodes",
        inputs=GRAPH,
        mistakes=[
            (k, "keep a visited set: a node reached twice must appear once")
            for k in range(n + 1, 3 * n)
        ],
    )
    expect_equal(sorted(got["order"]), list(range(n)), what="the set of nodes", inputs=GRAPH)


def check_children_first(submitted, reference):
    """every node comes after the nodes it was computed from, the output last"""
    got = drive(submitted, graph_order)
    expect_true(
        got["parents"] == graph_order(reference)["parents"] and _valid(got),
        "a node appears before one of its inputs (or the output is not last)",
        inputs=GRAPH,
        misconception="append a node only after all of its _prev have been appended",
    )


def check_gradients(submitted, reference):
    """backward in reverse of your order gives the right gradients"""
    expect_close(
        drive(submitted, gradients_in_order),
        gradients_in_order(reference),
        what="[a.grad, b.grad]",
        inputs="a=2, b=−3; e=(a·b + a)·(a·b) + tanh(b) + a",
    )


def check_long_chain(submitted, reference):
    """handles a chain of 5,000 operations (no recursion limit)"""
    try:
        got = drive(submitted, chain_order)
    except RecursionError:
        expect_true(
            False,
            "RecursionError on a chain of 5,000 nodes",
            inputs="y = x·1·1·…·1",
            misconception="use an explicit stack instead of recursion",
        )
        return
    n = len(got["order"])
    expect_true(
        got["parents"] == chain_order(reference)["parents"] and _valid(got) and n == 10001,
        f"got {n} nodes in an invalid order; expected 10,001 in order",
        inputs="y = x·1·1·…·1 (5,000 products: 5,000 constants, 5,000 results, x)",
    )
