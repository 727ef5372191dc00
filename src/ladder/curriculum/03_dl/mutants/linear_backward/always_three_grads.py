# mutant: always lists the bias among the parents, so bias=False breaks

from ladder.autograd.tensor import Tensor
from ladder.nn.layers import Linear as _Linear


class Linear(_Linear):
    def forward(self, x: Tensor) -> Tensor:
        X, W = x.data, self.weight.data
        b = self.bias.data if self.bias is not None else 0.0
        Y = X @ W.T + b
        parents = (x, self.weight, self.bias)

        def backward(G):
            return (G @ W, G.T @ X, G.sum(axis=0))

        return Tensor._make(Y, parents, backward, "linear")
