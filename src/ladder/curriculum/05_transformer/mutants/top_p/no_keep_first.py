# mutant: never forces the most likely token to stay
# likely: the most likely token must always be kept
import torch
from torch import Tensor


def top_p_filter(logits: Tensor, p: float) -> Tensor:
    sorted_logits, order = torch.sort(logits, dim=-1, descending=True)
    probs = torch.softmax(sorted_logits, dim=-1)
    cum = torch.cumsum(probs, dim=-1)
    rs = (cum - probs) >= p
    return logits.masked_fill(rs.scatter(-1, order, rs), float("-inf"))
