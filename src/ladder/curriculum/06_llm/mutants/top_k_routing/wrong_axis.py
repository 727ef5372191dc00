# mutant: softmax over the tokens (dim 0) instead of the experts
import torch


def top_k_routing(router_logits, k):
    if not 1 <= k <= router_logits.size(-1):
        raise ValueError("bad k")
    probs = torch.softmax(router_logits.float(), dim=0)
    w, i = torch.topk(probs, k, dim=-1)
    return w / w.sum(-1, keepdim=True), i
