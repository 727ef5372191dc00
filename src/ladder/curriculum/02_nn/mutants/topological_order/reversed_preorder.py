# mutant: reverses a depth-first preorder
from ladder.autograd.scalar import Value as _Value


class Value(_Value):
    def topological_order(self) -> list:
        order, visited, stack = [], set(), [self]
        while stack:
            node = stack.pop()
            if id(node) in visited:
                continue
            visited.add(id(node))
            order.append(node)
            stack.extend(node._prev)
        return order[::-1]
