# mutant: (learner's try) adds beta before multiplying by gamma
from ladder.autograd.tensor import Tensor
from ladder.nn.norm import LayerNorm as _LayerNorm


class LayerNorm(_LayerNorm):
    def forward(self, x: Tensor) -> Tensor:
        k = len(self.normalized_shape)
        axes = tuple(range(x.ndim - k, x.ndim))
        centred = x - x.mean(axis=axes, keepdims=True)
        var = (centred * centred).mean(axis=axes, keepdims=True)
        y = centred / (var + self.eps).sqrt()
        if self.weight is None:
            return y
        return (y + self.bias) * self.weight
