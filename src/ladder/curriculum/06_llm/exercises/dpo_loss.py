"""The DPO loss (Rafailov et al., 2023).

For B preference pairs you get four (B,) tensors of sequence log-probabilities: the policy's
and the frozen reference's, of the chosen answer y_w and of the rejected answer y_l.

    chosen_ratio   = policy_chosen   − ref_chosen       (log π_θ(y_w|x) − log π_ref(y_w|x))
    rejected_ratio = policy_rejected − ref_rejected
    z = beta · (chosen_ratio − rejected_ratio)
    loss = mean over pairs of −log σ(z)

Compute −log σ(z) stably (it equals softplus(−z)): margins of hundreds of nats must not
give inf or nan. Return ``(loss, chosen_rewards, rejected_rewards)`` with the implicit
rewards beta · chosen_ratio and beta · rejected_ratio, (B,) each. Raise ValueError when
beta ≤ 0.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import torch
import torch.nn.functional as F
from torch import Tensor


def dpo_loss(
    policy_chosen: Tensor,
    policy_rejected: Tensor,
    ref_chosen: Tensor,
    ref_rejected: Tensor,
    beta: float = 0.1,
) -> tuple[Tensor, Tensor, Tensor]:
    # TODO: the two log-ratios, the margin z, a stable −log σ(z), its mean; the rewards.
    raise NotImplementedError
