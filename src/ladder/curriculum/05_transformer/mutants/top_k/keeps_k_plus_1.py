# mutant: uses the (k+1)-th largest as the threshold, keeping one token too many
# likely: not k + 1
import torch
from torch import Tensor


def top_k_filter(logits: Tensor, k: int) -> Tensor:
    k = min(k, logits.size(-1))
    k1 = min(k + 1, logits.size(-1))
    kth = torch.topk(logits, k1, dim=-1).values[..., -1:]
    return logits.masked_fill(logits < kth, float("-inf"))
