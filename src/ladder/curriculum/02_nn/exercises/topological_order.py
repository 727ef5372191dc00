"""Topological order of a computation graph: what ``backward()`` walks through in reverse.

Write ``topological_order``: return a list of every node of the graph that ends at
``self`` (each node exactly once), such that every node comes *after* all the nodes it
was computed from (its ``_prev``). ``self`` is therefore last.

The classic answer is a depth-first search that appends a node after visiting its
children. Keep a set of visited nodes (``id(node)``) so that shared nodes appear once.
A recursive search fails on long chains (Python allows about 1000 nested calls; an
unrolled RNN has many more nodes), so use an explicit stack of ``(node, expanded)``
pairs. ``backward`` (inherited from ``ladder.autograd.scalar.Value``) calls your method.
"""

from ladder.autograd.scalar import Value as _Value


class Value(_Value):
    def topological_order(self) -> list:
        order, visited = [], set()  # noqa: F841 - the result, and the ids already seen
        # TODO: depth-first search from self; append each node after all of its _prev.
        raise NotImplementedError
