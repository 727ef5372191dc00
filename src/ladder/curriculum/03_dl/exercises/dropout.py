"""Inverted dropout, in training and in evaluation (Srivastava et al. 2014).

* ``p`` outside [0, 1): raise ``ValueError``.
* Evaluation (``training=False``) or ``p == 0``: return ``x`` itself.
* Training: keep each element with probability 1 - p. The keep-mask is ``mask`` if given
  (booleans, True = keep), else ``rng.random(x.shape) >= p`` (use ``rng`` if given, else
  ``np.random.default_rng()``). Scale the survivors by 1 / (1 - p), so that
  E[output] = x. The backward multiplies the incoming gradient by the same
  ``mask / (1 - p)``.

You may build the result from Tensor operations (``x * Tensor(scale)``) or with
``Tensor._make``. The matching library function is ``torch.nn.functional.dropout``.
"""

import numpy as np

from ladder.autograd.tensor import Tensor


def dropout(x: Tensor, p: float = 0.5, training: bool = True, rng=None, mask=None) -> Tensor:
    # TODO
    raise NotImplementedError
