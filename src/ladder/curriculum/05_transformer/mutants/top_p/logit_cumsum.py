# mutant: accumulates the sorted logits themselves instead of their probabilities
import torch
from torch import Tensor


def top_p_filter(logits: Tensor, p: float) -> Tensor:
    sorted_logits, order = torch.sort(logits, dim=-1, descending=True)
    before = torch.cumsum(sorted_logits, dim=-1) - sorted_logits
    rs = before >= p
    rs[..., 0] = False
    return logits.masked_fill(rs.scatter(-1, order, rs), float("-inf"))
