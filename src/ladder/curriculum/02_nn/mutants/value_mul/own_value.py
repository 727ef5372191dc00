# mutant: each input gets its own value instead of the other's
# likely: uses b's value
from ladder.autograd.scalar import Value as _Value


class Value(_Value):
    def __mul__(self, other) -> "Value":
        other = self._lift(other)
        out = Value(self.data * other.data, (self, other), "*")

        def _backward():
            self.grad += self.data * out.grad
            other.grad += other.data * out.grad

        out._backward = _backward
        return out
