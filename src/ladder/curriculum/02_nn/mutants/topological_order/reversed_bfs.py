# mutant: reverses the breadth-first visiting order
from ladder.autograd.scalar import Value as _Value


class Value(_Value):
    def topological_order(self) -> list:
        order, visited, queue = [], {id(self)}, [self]
        while queue:
            node = queue.pop(0)
            order.append(node)
            for child in node._prev:
                if id(child) not in visited:
                    visited.add(id(child))
                    queue.append(child)
        return order[::-1]
