# mutant: keeps the visited set by node value, so equal values collapse
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
            if node.data in visited:
                continue
            visited.add(node.data)
            stack.append((node, True))
            stack.extend((child, False) for child in node._prev)
        return order
