# mutant: one threshold for the whole batch (the k-th largest of all logits)
import torch
from torch import Tensor


def top_k_filter(logits: Tensor, k: int) -> Tensor:
    k = min(k, logits.size(-1))
    kth = torch.topk(logits.flatten(), k).values[-1]
    return logits.masked_fill(logits < kth, float("-inf"))
