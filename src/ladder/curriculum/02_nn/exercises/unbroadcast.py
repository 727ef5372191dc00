"""Un-broadcasting a gradient: the backward of NumPy broadcasting.

An input of shape ``shape`` was broadcast to a larger shape in the forward pass, and
``grad`` (of that larger shape) is the gradient of the result. Every copy contributed to
the loss, so sum ``grad`` back to ``shape``:

    1. sum over the leading axes that broadcasting added (grad.ndim - len(shape) of them);
    2. sum, keeping the axis (keepdims=True), over every axis where shape has size 1 but
       grad does not.

Return ``grad`` unchanged if it already has ``shape``.

    unbroadcast(np.ones((4, 3)), (3,))     -> [4., 4., 4.]
    unbroadcast(np.ones((4, 3)), (4, 1))   -> [[3.], [3.], [3.], [3.]]

This is what ``torch.autograd`` does for every broadcasting operation.
"""

import numpy as np


def unbroadcast(grad: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    # TODO: the two reductions above.
    raise NotImplementedError
