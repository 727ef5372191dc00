# mutant: removes where the cumulative mass (with the token) exceeds p: drops the crossing token
# likely: keep the token that crosses p
import torch
from torch import Tensor


def top_p_filter(logits: Tensor, p: float) -> Tensor:
    sorted_logits, order = torch.sort(logits, dim=-1, descending=True)
    probs = torch.softmax(sorted_logits, dim=-1)
    cum = torch.cumsum(probs, dim=-1)
    rs = cum > p
    rs[..., 0] = False
    return logits.masked_fill(rs.scatter(-1, order, rs), float("-inf"))
