# mutant: maps the decision back with gather instead of scatter (the inverse permutation)
# likely: scatter the decision back
import torch
from torch import Tensor


def top_p_filter(logits: Tensor, p: float) -> Tensor:
    sorted_logits, order = torch.sort(logits, dim=-1, descending=True)
    probs = torch.softmax(sorted_logits, dim=-1)
    cum = torch.cumsum(probs, dim=-1)
    rs = (cum - probs) >= p
    rs[..., 0] = False
    return logits.masked_fill(rs.gather(-1, order), float("-inf"))
