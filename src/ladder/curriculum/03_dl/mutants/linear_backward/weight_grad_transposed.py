# mutant: dW = Xᵀ G, shaped (in, out) instead of W's (out, in)
# likely: W is (out, in)

from ladder.autograd.tensor import Tensor
from ladder.nn.layers import Linear as _Linear


class Linear(_Linear):
    def forward(self, x: Tensor) -> Tensor:
        X, W = x.data, self.weight.data
        Y = X @ W.T + (self.bias.data if self.bias is not None else 0.0)
        parents = (x, self.weight) + ((self.bias,) if self.bias is not None else ())

        def backward(G):
            return (G @ W, X.T @ G, G.sum(axis=0))[: len(parents)]

        return Tensor._make(Y, parents, backward, "linear")
