# mutant: takes min and max of an empty tensor, which fails
import torch
from torch import Tensor


def check_token_ids(idx: Tensor, vocab_size: int) -> None:
    if idx.dtype not in (torch.int64, torch.int32, torch.int16, torch.uint8):
        raise TypeError(f"token ids must be an integer tensor, got {idx.dtype}")
    if int(idx.min()) < 0 or int(idx.max()) >= vocab_size:
        bad = idx[(idx < 0) | (idx >= vocab_size)].unique()[:10].tolist()
        raise ValueError(f"token ids must lie in [0, {vocab_size}), found {bad}")
