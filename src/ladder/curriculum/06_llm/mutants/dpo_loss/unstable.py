# mutant: log(sigmoid(z)) overflows to −inf at large margins
import torch


def dpo_loss(policy_chosen, policy_rejected, ref_chosen, ref_rejected, beta=0.1):
    if beta <= 0:
        raise ValueError("beta")
    c, r = policy_chosen - ref_chosen, policy_rejected - ref_rejected
    z = beta * (c - r)
    return (-torch.log(1 / (1 + torch.exp(-z)))).mean(), beta * c, beta * r
