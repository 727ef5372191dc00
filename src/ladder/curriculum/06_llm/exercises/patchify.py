"""Cut images into patches, as the Vision Transformer does.

images: (B, C, H, W). Cut each image into non-overlapping P × P patches and flatten each
patch to C·P·P numbers in (channel, row, column) order — the order in which a Conv2d
weight of shape (D, C, P, P) reshapes to (D, C·P·P). Patches are listed row by row
(left to right, then the next row down). Return (B, N, C·P·P) with N = (H/P)·(W/P).

    patchify(torch.arange(16.).view(1, 1, 4, 4), 2)[0, 1]  →  [2, 3, 6, 7]   (top right)

Raise ValueError when images is not 4-dimensional or P does not divide H and W.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import torch
from torch import Tensor


def patchify(images: Tensor, patch_size: int) -> Tensor:
    # TODO: reshape to (B, C, H/P, P, W/P, P), permute, flatten.
    raise NotImplementedError
