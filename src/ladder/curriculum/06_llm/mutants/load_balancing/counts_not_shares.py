# mutant: uses raw counts instead of shares of the tokens
# likely: divide the counts by N
import torch
import torch.nn.functional as F


def load_balancing_loss(router_logits, k):
    N, E = router_logits.shape
    probs = torch.softmax(router_logits.float(), -1)
    f = F.one_hot(torch.topk(probs, k, -1).indices, E).sum((0, 1)).float()
    return E * (f * probs.mean(0)).sum()
