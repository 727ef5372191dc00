"""Split the channels of a (B, T, C) tensor into heads.

    (B, T, C) → (B, T, n_head, C / n_head) → (B, n_head, T, C / n_head)

Head h gets channels h·d … (h+1)·d − 1 (d = C / n_head) of every position. The result
must keep each time step's channels together: a plain reshape to (B, n_head, T, d)
mixes time steps into heads.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

from torch import Tensor


def split_heads(x: Tensor, n_head: int) -> Tensor:
    # TODO: view as (B, T, n_head, C // n_head), then swap the time and head dimensions.
    raise NotImplementedError
