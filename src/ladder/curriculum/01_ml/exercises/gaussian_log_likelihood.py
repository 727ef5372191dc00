r"""The Gaussian log-likelihood of a regression fit.

If each ``y_true[i]`` is drawn from a normal distribution centred on ``y_pred[i]`` with
variance ``sigma2``, independently, the log of the probability density of the data is

    ell = -(n / 2) * log(2 * pi * sigma2) - SS_res / (2 * sigma2)
    SS_res = sum_i (y_true[i] - y_pred[i]) ** 2

With ``sigma2=None`` use the maximum-likelihood variance ``SS_res / n``. Raise
``ValueError`` when the two inputs differ in length or are empty, and when the variance
is not positive (a perfect fit with ``sigma2=None``). Return a Python float. The matching
library function is ``ladder.ml.linear.gaussian_log_likelihood``; statsmodels reports the
same number as ``OLS(...).fit().llf``.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import numpy as np  # noqa: F401 - for your code


def gaussian_log_likelihood(y_true, y_pred, sigma2=None) -> float:
    # TODO: SS_res, the variance (given or SS_res / n), then the formula above.
    raise NotImplementedError
