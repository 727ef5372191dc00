"""Layer normalisation (Ba, Kiros & Hinton 2016).

``LayerNorm`` (from ``ladder.nn.norm``) holds ``normalized_shape`` (a tuple of the trailing
feature axes), ``eps``, and ``weight`` (gamma) and ``bias`` (beta) of that shape, or None
for both when ``elementwise_affine=False``. Write ``forward`` with Tensor operations, over
the last ``k = len(self.normalized_shape)`` axes of each example:

    mu  = mean(x)                                    (keepdims)
    var = mean((x - mu)^2)                           biased: divide by the count, not count-1
    y   = (x - mu) / sqrt(var + eps) * gamma + beta

``x.mean(axis=..., keepdims=True)``, ``x.var(axis=..., correction=0, keepdims=True)`` and
``.sqrt()`` exist on ``Tensor``. The matching library layer is ``torch.nn.LayerNorm``.
"""

from ladder.autograd.tensor import Tensor
from ladder.nn.norm import LayerNorm as _LayerNorm


class LayerNorm(_LayerNorm):
    def forward(self, x: Tensor) -> Tensor:
        k = len(self.normalized_shape)
        axes = tuple(range(x.ndim - k, x.ndim))  # noqa: F841 - the normalised axes
        # TODO
        raise NotImplementedError
