# mutant: leaves the bias out of the forward pass
# likely: add the bias b

from ladder.autograd.tensor import Tensor
from ladder.nn.layers import Linear as _Linear


class Linear(_Linear):
    def forward(self, x: Tensor) -> Tensor:
        X, W = x.data, self.weight.data
        Y = X @ W.T
        parents = (x, self.weight) + ((self.bias,) if self.bias is not None else ())

        def backward(G):
            return (G @ W, G.T @ X, G.sum(axis=0))[: len(parents)]

        return Tensor._make(Y, parents, backward, "linear")
