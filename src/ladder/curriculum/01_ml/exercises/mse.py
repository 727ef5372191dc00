"""Mean squared error.

    MSE = (1/n) * sum_i (y_true[i] - y_pred[i])**2

Return a Python float. Both inputs are sequences (lists or 1-D arrays) of equal length.
The matching library function is ``sklearn.metrics.mean_squared_error``.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import numpy as np


def mean_squared_error(y_true, y_pred) -> float:
    # TODO: convert both inputs to float arrays, then average the squared differences.
    raise NotImplementedError
