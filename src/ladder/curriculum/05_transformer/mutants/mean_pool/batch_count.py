# mutant: divides by the real tokens of the whole batch
# likely: count each row's own real tokens
from torch import Tensor


def mean_pool(hidden: Tensor, attention_mask: Tensor) -> Tensor:
    m = attention_mask.to(hidden.dtype).unsqueeze(-1)
    return (hidden * m).sum(1) / m.sum().clamp(min=1e-9)
