r"""The negative-sampling loss of Word2Vec and its gradients, for one example.

``h`` (shape ``(d,)``) is the input vector (the centre word's for skip-gram), ``u_pos``
(``(d,)``) the output vector of the true context word and ``u_neg`` (``(k, d)``) those
of ``k`` sampled noise words. With ``σ(x) = 1 / (1 + exp(-x))``:

    loss = -log σ(u_pos · h) - Σ_j log σ(-u_neg[j] · h)

Writing ``s_t = σ(u_t · h)`` and ``y_t`` = 1 for the true word, 0 for a negative:

    dL/du_t = (s_t - y_t) h          (so dL/du_pos = (s_pos - 1) h, dL/du_neg[j] = s_j h)
    dL/dh   = Σ_t (s_t - y_t) u_t    = (s_pos - 1) u_pos + Σ_j s_j u_neg[j]

Return ``(loss, dL/dh, dL/du_pos, dL/du_neg)`` with shapes ``()``, ``(d,)``, ``(d,)``,
``(k, d)``; the loss as a Python ``float``. Use ``1 - σ(x) = σ(-x)``, and keep it stable:
scores can be large (the checks use ±40), where ``σ(40)`` rounds to 1 and ``log(1 - σ)``
becomes ``log 0``. ``-log σ(x) = log(1 + exp(-x)) = np.logaddexp(0, -x)`` is exact for
every ``x``. The matching library function is
``ladder.nlp.word2vec.negative_sampling_loss``.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import numpy as np


def negative_sampling_loss(
    h: np.ndarray, u_pos: np.ndarray, u_neg: np.ndarray
) -> tuple[float, np.ndarray, np.ndarray, np.ndarray]:
    # TODO: the k + 1 scores, their sigmoids, the loss, then the three gradients.
    raise NotImplementedError
