# mutant: divides by the real-token count but sums the padded vectors too
# likely: zero the padded vectors before summing
from torch import Tensor


def mean_pool(hidden: Tensor, attention_mask: Tensor) -> Tensor:
    m = attention_mask.to(hidden.dtype).unsqueeze(-1)
    return hidden.sum(1) / m.sum(1).clamp(min=1e-9)
