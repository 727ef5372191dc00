# mutant: averages every position, padding included
# likely: padding must not count
from torch import Tensor


def mean_pool(hidden: Tensor, attention_mask: Tensor) -> Tensor:
    return hidden.mean(1)
