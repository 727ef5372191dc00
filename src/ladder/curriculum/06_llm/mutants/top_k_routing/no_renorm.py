# mutant: does not renormalise the chosen probabilities
# likely: renormalise
import torch


def top_k_routing(router_logits, k):
    if not 1 <= k <= router_logits.size(-1):
        raise ValueError("bad k")
    probs = torch.softmax(router_logits.float(), dim=-1)
    return torch.topk(probs, k, dim=-1)
