# mutant: a recursive depth-first search (fails past Python's recursion limit)
# likely: use an explicit stack instead of recursion
from ladder.autograd.scalar import Value as _Value


class Value(_Value):
    def topological_order(self) -> list:
        order, visited = [], set()

        def visit(node):
            if id(node) in visited:
                return
            visited.add(id(node))
            for child in node._prev:
                visit(child)
            order.append(node)

        visit(self)
        return order
