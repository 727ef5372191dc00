# mutant: forgets gamma and beta
# likely: multiply by self.weight (gamma)
from ladder.autograd.tensor import Tensor
from ladder.nn.norm import LayerNorm as _LayerNorm


class LayerNorm(_LayerNorm):
    def forward(self, x: Tensor) -> Tensor:
        k = len(self.normalized_shape)
        axes = tuple(range(x.ndim - k, x.ndim))
        mu = x.mean(axis=axes, keepdims=True)
        var = x.var(axis=axes, correction=0, keepdims=True)
        return (x - mu) / (var + self.eps).sqrt()
