"""CLIP's symmetric contrastive loss.

``logits_per_image`` is a (B, B) matrix: row i holds image i's scores against the B
captions of the batch, and caption i belongs to image i (the diagonal). Each image must pick
its caption among B and each caption its image:

    loss = ½ [ CE(L, [0, 1, …, B−1]) + CE(Lᵀ, [0, 1, …, B−1]) ]

with CE the mean cross-entropy over rows, computed stably (log-sum-exp). Raise ValueError
when the matrix is not square.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import torch
import torch.nn.functional as F
from torch import Tensor


def contrastive_loss(logits_per_image: Tensor) -> Tensor:
    # TODO: cross-entropy with the diagonal as the targets, in both directions, averaged.
    raise NotImplementedError
