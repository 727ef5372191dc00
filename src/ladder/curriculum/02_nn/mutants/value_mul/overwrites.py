# mutant: assigns the gradients instead of adding
# likely: use += in _backward
from ladder.autograd.scalar import Value as _Value


class Value(_Value):
    def __mul__(self, other) -> "Value":
        other = self._lift(other)
        out = Value(self.data * other.data, (self, other), "*")

        def _backward():
            self.grad = other.data * out.grad
            other.grad = self.data * out.grad

        out._backward = _backward
        return out
