# mutant: keeps the 1/0 integers instead of booleans
from torch import Tensor


def padding_mask(attention_mask: Tensor) -> Tensor:
    if attention_mask.dim() != 2:
        raise ValueError(f"attention_mask must be (batch, time), got {tuple(attention_mask.shape)}")
    return attention_mask[:, None, None, :]
