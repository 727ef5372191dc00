# mutant: fills a torch tensor with torch.nn.init.xavier_uniform_
# likely: your file uses
import numpy as np
import torch


def xavier_uniform(shape: tuple[int, ...], gain: float = 1.0, dtype=np.float32) -> np.ndarray:
    return torch.nn.init.xavier_uniform_(torch.empty(shape), gain=gain).numpy().astype(dtype)
