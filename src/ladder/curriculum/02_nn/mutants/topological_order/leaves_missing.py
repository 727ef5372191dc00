# mutant: leaves out the leaves (nodes without inputs)
from ladder.autograd.scalar import Value as _Value


class Value(_Value):
    def topological_order(self) -> list:
        order, visited = [], set()
        stack = [(self, False)]
        while stack:
            node, expanded = stack.pop()
            if expanded:
                if node._prev:
                    order.append(node)
                continue
            if id(node) in visited:
                continue
            visited.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in node._prev if id(child) not in visited)
        return order
