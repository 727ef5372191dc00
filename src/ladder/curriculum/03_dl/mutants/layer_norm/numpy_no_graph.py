# mutant: computes on .data with NumPy, so no gradient reaches x, gamma or beta
import numpy as np

from ladder.autograd.tensor import Tensor
from ladder.nn.norm import LayerNorm as _LayerNorm


class LayerNorm(_LayerNorm):
    def forward(self, x: Tensor) -> Tensor:
        k = len(self.normalized_shape)
        axes = tuple(range(x.ndim - k, x.ndim))
        X = x.data
        y = (X - X.mean(axis=axes, keepdims=True)) / np.sqrt(
            X.var(axis=axes, keepdims=True) + self.eps
        )
        if self.weight is not None:
            y = y * self.weight.data + self.bias.data
        return Tensor(y)
