# mutant: inserts only the head axis: (B, 1, T), which broadcasts against the wrong axes
from torch import Tensor


def padding_mask(attention_mask: Tensor) -> Tensor:
    if attention_mask.dim() != 2:
        raise ValueError(f"attention_mask must be (batch, time), got {tuple(attention_mask.shape)}")
    return attention_mask.bool()[:, None, :]
