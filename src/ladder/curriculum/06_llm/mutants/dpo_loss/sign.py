# mutant: prefers the rejected answer
# likely: the sign is flipped
import torch.nn.functional as F


def dpo_loss(policy_chosen, policy_rejected, ref_chosen, ref_rejected, beta=0.1):
    if beta <= 0:
        raise ValueError("beta")
    c, r = policy_chosen - ref_chosen, policy_rejected - ref_rejected
    return F.softplus(beta * (c - r)).mean(), beta * c, beta * r
