# mutant: accepts any k
import torch


def top_k_routing(router_logits, k):
    probs = torch.softmax(router_logits.float(), dim=-1)
    w, i = torch.topk(probs, max(1, min(k, probs.size(-1))), dim=-1)
    return w / w.sum(-1, keepdim=True), i
