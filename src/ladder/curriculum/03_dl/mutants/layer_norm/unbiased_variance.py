# mutant: divides the variance by count − 1
# likely: use the biased variance
from ladder.autograd.tensor import Tensor
from ladder.nn.norm import LayerNorm as _LayerNorm


class LayerNorm(_LayerNorm):
    def forward(self, x: Tensor) -> Tensor:
        k = len(self.normalized_shape)
        axes = tuple(range(x.ndim - k, x.ndim))
        mu = x.mean(axis=axes, keepdims=True)
        var = x.var(axis=axes, correction=1, keepdims=True)
        y = (x - mu) / (var + self.eps).sqrt()
        return y * self.weight + self.bias if self.weight is not None else y
