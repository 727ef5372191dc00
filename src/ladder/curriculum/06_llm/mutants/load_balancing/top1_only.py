# mutant: counts only each token's first choice
import torch
import torch.nn.functional as F


def load_balancing_loss(router_logits, k):
    N, E = router_logits.shape
    probs = torch.softmax(router_logits.float(), -1)
    f = F.one_hot(probs.argmax(-1), E).sum(0).float() / N
    return E * (f * probs.mean(0)).sum()
