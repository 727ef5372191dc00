# mutant: adds eps to the standard deviation instead of the variance
# likely: eps goes inside the square root
from ladder.autograd.tensor import Tensor
from ladder.nn.norm import LayerNorm as _LayerNorm


class LayerNorm(_LayerNorm):
    def forward(self, x: Tensor) -> Tensor:
        k = len(self.normalized_shape)
        axes = tuple(range(x.ndim - k, x.ndim))
        mu = x.mean(axis=axes, keepdims=True)
        var = x.var(axis=axes, correction=0, keepdims=True)
        y = (x - mu) / (var.sqrt() + self.eps)
        return y * self.weight + self.bias if self.weight is not None else y
