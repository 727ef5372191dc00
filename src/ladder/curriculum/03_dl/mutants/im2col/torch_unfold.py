# mutant: calls torch.nn.functional.unfold, the library's im2col
# likely: your file uses
import numpy as np
import torch
import torch.nn.functional as F


def im2col(
    x: np.ndarray, kernel: tuple[int, int], stride: tuple[int, int], padding: tuple[int, int]
) -> np.ndarray:
    cols = F.unfold(torch.from_numpy(x), kernel, padding=padding, stride=stride)
    return cols.transpose(1, 2).reshape(-1, cols.shape[1]).numpy()
