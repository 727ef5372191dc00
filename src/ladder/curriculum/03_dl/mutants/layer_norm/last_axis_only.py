# mutant: normalises over the last axis only, whatever normalized_shape says
# likely: not the last one
from ladder.autograd.tensor import Tensor
from ladder.nn.norm import LayerNorm as _LayerNorm


class LayerNorm(_LayerNorm):
    def forward(self, x: Tensor) -> Tensor:
        k = len(self.normalized_shape)
        axes = tuple(range(x.ndim - k, x.ndim))  # noqa: F841 - not used: the mistake
        mu = x.mean(axis=-1, keepdims=True)
        var = x.var(axis=-1, correction=0, keepdims=True)
        y = (x - mu) / (var + self.eps).sqrt()
        return y * self.weight + self.bias if self.weight is not None else y
