# mutant: no clamp: an all-padding row gives 0 / 0 = NaN
# likely: clamp the token count
from torch import Tensor


def mean_pool(hidden: Tensor, attention_mask: Tensor) -> Tensor:
    m = attention_mask.to(hidden.dtype).unsqueeze(-1)
    return (hidden * m).sum(1) / m.sum(1)
