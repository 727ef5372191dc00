# mutant: masks the k largest instead of the rest
# likely: you removed the largest logits
import torch
from torch import Tensor


def top_k_filter(logits: Tensor, k: int) -> Tensor:
    k = min(k, logits.size(-1))
    kth = torch.topk(logits, k, dim=-1).values[..., -1:]
    return logits.masked_fill(logits >= kth, float("-inf"))
