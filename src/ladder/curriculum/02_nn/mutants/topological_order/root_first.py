# mutant: a correct post-order, returned reversed (output first)
from ladder.autograd.scalar import Value as _Value


class Value(_Value):
    def topological_order(self) -> list:
        order, visited = [], set()
        stack = [(self, False)]
        while stack:
            node, expanded = stack.pop()
            if expanded:
                order.append(node)
                continue
            if id(node) in visited:
                continue
            visited.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in node._prev if id(child) not in visited)
        return order[::-1]
