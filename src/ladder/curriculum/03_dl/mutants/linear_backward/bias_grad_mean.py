# mutant: averages G over the batch for the bias gradient
# likely: sum over the batch, do not average

from ladder.autograd.tensor import Tensor
from ladder.nn.layers import Linear as _Linear


class Linear(_Linear):
    def forward(self, x: Tensor) -> Tensor:
        X, W = x.data, self.weight.data
        Y = X @ W.T + (self.bias.data if self.bias is not None else 0.0)
        parents = (x, self.weight) + ((self.bias,) if self.bias is not None else ())

        def backward(G):
            return (G @ W, G.T @ X, G.mean(axis=0))[: len(parents)]

        return Tensor._make(Y, parents, backward, "linear")
