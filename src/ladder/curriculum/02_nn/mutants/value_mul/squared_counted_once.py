# mutant: for a * a adds only once (deduplicates the parents)
# likely: a receives one contribution per use
from ladder.autograd.scalar import Value as _Value


class Value(_Value):
    def __mul__(self, other) -> "Value":
        other = self._lift(other)
        out = Value(self.data * other.data, (self, other), "*")

        def _backward():
            self.grad += other.data * out.grad
            if other is not self:
                other.grad += self.data * out.grad

        out._backward = _backward
        return out
