# mutant: returns the filtered logits in sorted order, not the original token order
# likely: scatter the decision back to the original token order
import torch
from torch import Tensor


def top_p_filter(logits: Tensor, p: float) -> Tensor:
    sorted_logits, order = torch.sort(logits, dim=-1, descending=True)
    probs = torch.softmax(sorted_logits, dim=-1)
    cum = torch.cumsum(probs, dim=-1)
    rs = (cum - probs) >= p
    rs[..., 0] = False
    return sorted_logits.masked_fill(rs, float("-inf"))
