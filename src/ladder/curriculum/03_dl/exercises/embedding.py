"""Embedding lookup and its scatter-add backward.

``weight`` is a ``Tensor`` (V, d); ``indices`` is an integer array of any shape S. The
forward returns the rows ``weight.data[indices]``, of shape S + (d,). The backward gets
``g`` of that shape and returns the gradient of ``weight``: zeros of shape (V, d) into which
each row of ``g`` is *added* at the row it came from — with ``np.add.at``, because a token
may appear several times (plain fancy assignment would keep only one of them).

Return ``Tensor._make(out, (weight,), backward, "embedding")``. Raise ``IndexError`` if an
index is outside [0, V). The matching library function is
``torch.nn.functional.embedding``.
"""

import numpy as np

from ladder.autograd.tensor import Tensor


def embedding(weight: Tensor, indices) -> Tensor:
    idx = np.asarray(indices)  # noqa: F841 - integer indices of any shape
    # TODO: check the range; out = ...; def backward(g): ...; return Tensor._make(...)
    raise NotImplementedError
