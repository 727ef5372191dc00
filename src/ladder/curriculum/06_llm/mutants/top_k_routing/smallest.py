# mutant: chooses the k smallest probabilities
# likely: choose the k largest
import torch


def top_k_routing(router_logits, k):
    if not 1 <= k <= router_logits.size(-1):
        raise ValueError("bad k")
    probs = torch.softmax(router_logits.float(), dim=-1)
    w, i = torch.topk(probs, k, dim=-1, largest=False)
    return w / w.sum(-1, keepdim=True), i
