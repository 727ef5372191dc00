# mutant: the textbook form, which overflows for x = -1000
# likely: only exponentiate −|x|
import math

from ladder.autograd.scalar import Value as _Value


class Value(_Value):
    def sigmoid(self) -> "Value":
        x = self.data
        s = 1 / (1 + math.exp(-x))
        out = Value(s, (self,), "sigmoid")

        def _backward():
            self.grad += s * (1 - s) * out.grad

        out._backward = _backward
        return out
