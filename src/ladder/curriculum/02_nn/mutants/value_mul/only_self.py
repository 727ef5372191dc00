# mutant: only the left factor gets a gradient
# likely: give both inputs
from ladder.autograd.scalar import Value as _Value


class Value(_Value):
    def __mul__(self, other) -> "Value":
        other = self._lift(other)
        out = Value(self.data * other.data, (self, other), "*")

        def _backward():
            self.grad += other.data * out.grad
            pass

        out._backward = _backward
        return out
