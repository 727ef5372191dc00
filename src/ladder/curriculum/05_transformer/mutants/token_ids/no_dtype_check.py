# mutant: never checks the dtype, so float ids pass
# likely: validate the input
from torch import Tensor


def check_token_ids(idx: Tensor, vocab_size: int) -> None:
    if idx.numel() and (int(idx.min()) < 0 or int(idx.max()) >= vocab_size):
        bad = idx[(idx < 0) | (idx >= vocab_size)].unique()[:10].tolist()
        raise ValueError(f"token ids must lie in [0, {vocab_size}), found {bad}")
