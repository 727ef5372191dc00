# mutant: does not cap k at the vocabulary size (torch.topk fails for k > V)
import torch
from torch import Tensor


def top_k_filter(logits: Tensor, k: int) -> Tensor:
    kth = torch.topk(logits, k, dim=-1).values[..., -1:]
    return logits.masked_fill(logits < kth, float("-inf"))
