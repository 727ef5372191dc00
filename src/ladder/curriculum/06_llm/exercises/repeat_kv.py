"""Repeating key/value heads for grouped-query attention.

In grouped-query attention g key/value heads serve h = g · n_rep query heads: query head
j reads key/value head ⌊j / n_rep⌋. Before the attention product, expand the keys (and
values) from (B, g, T, d) to (B, g · n_rep, T, d) so that heads 0 … n_rep − 1 are copies of
head 0, the next n_rep copies of head 1, and so on (``torch.repeat_interleave(x, n_rep,
dim=1)``, Hugging Face's ``repeat_kv``). With n_rep = 1 return x itself.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import torch
from torch import Tensor


def repeat_kv(x: Tensor, n_rep: int) -> Tensor:
    # TODO: insert a dimension after the heads, expand it to n_rep, merge it with the heads.
    raise NotImplementedError
