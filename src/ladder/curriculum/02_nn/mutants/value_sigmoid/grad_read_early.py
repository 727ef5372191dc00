# mutant: reads out.grad when the node is built (0), not when backward runs
import math

from ladder.autograd.scalar import Value as _Value


class Value(_Value):
    def sigmoid(self) -> "Value":
        x = self.data
        s = 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))
        out = Value(s, (self,), "sigmoid")
        upstream = out.grad

        def _backward():
            self.grad += s * (1 - s) * upstream

        out._backward = _backward
        return out
