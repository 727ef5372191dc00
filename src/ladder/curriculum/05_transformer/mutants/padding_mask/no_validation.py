# mutant: never checks that the mask is 2-D
# likely: validate the input
from torch import Tensor


def padding_mask(attention_mask: Tensor) -> Tensor:
    return attention_mask.bool()[..., None, None, :]
