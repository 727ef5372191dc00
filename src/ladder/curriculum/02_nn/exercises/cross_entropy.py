"""Softmax cross-entropy from logits, with its fused gradient.

``logits`` is a ``Tensor`` of shape (N, C); ``target`` holds N integer classes. The loss is
the mean over the rows of -log softmax(z)[y]:

    m   = max_j z_j                                   (per row)
    log p_i = z_i - m - log(sum_j exp(z_j - m))        (log-sum-exp: never overflows)
    L   = -(1/N) sum_n log p[n, y_n]

Its gradient with respect to the logits is (softmax(z) - onehot(y)) / N, times the
incoming gradient ``g`` (a scalar). Build the result node yourself:

    Tensor._make(np.asarray(loss, dtype=z.dtype), (logits,), backward, "cross_entropy")

where ``backward(g)`` returns a 1-tuple with the gradient for ``logits``. The matching
library function is ``torch.nn.functional.cross_entropy``.
"""

import numpy as np

from ladder.autograd.tensor import Tensor
from ladder.nn.losses import class_targets


def cross_entropy(logits: Tensor, target) -> Tensor:
    y = class_targets(logits, target, "cross_entropy")  # checked (N,) integer classes
    z = logits.data  # noqa: F841 - (N, C) scores, for your code
    n = len(y)  # noqa: F841 - the batch size
    # TODO: log_probs by log-sum-exp; loss; backward(g) -> ((softmax - onehot) * g / n,)
    raise NotImplementedError
