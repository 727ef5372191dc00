# mutant: ignores the reference model
# likely: subtract the reference's log-probabilities
import torch.nn.functional as F


def dpo_loss(policy_chosen, policy_rejected, ref_chosen, ref_rejected, beta=0.1):
    if beta <= 0:
        raise ValueError("beta")
    z = beta * (policy_chosen - policy_rejected)
    return F.softplus(-z).mean(), beta * policy_chosen, beta * policy_rejected
