"""Chouldechova's identity.

In a group with prevalence p = P(Y = 1), a classifier's false positive rate is fixed by
its precision (PPV) and its false negative rate:

    FPR = p / (1 − p) · (1 − PPV) / PPV · (1 − FNR)

Return the FPR as a Python float. Raise ValueError when p is not in (0, 1), PPV is not in
(0, 1] or FNR is not in [0, 1].

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""


def chouldechova_fpr(prevalence: float, ppv: float, fnr: float) -> float:
    # TODO: validate, then apply the identity.
    raise NotImplementedError
