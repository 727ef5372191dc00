# mutant: sorts and sums over dim 1 instead of the last dimension
import torch
from torch import Tensor


def top_p_filter(logits: Tensor, p: float) -> Tensor:
    sorted_logits, order = torch.sort(logits, dim=1, descending=True)
    probs = torch.softmax(sorted_logits, dim=1)
    rs = (torch.cumsum(probs, dim=1) - probs) >= p
    rs[:, 0] = False
    return logits.masked_fill(rs.scatter(1, order, rs), float("-inf"))
