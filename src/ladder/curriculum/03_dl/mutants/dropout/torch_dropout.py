# mutant: hands the work to torch.nn.functional.dropout
# likely: your file uses
import numpy as np
import torch
from torch.nn.functional import dropout as torch_dropout

from ladder.autograd.tensor import Tensor


def dropout(x: Tensor, p: float = 0.5, training: bool = True, rng=None, mask=None) -> Tensor:
    return Tensor(torch_dropout(torch.from_numpy(np.asarray(x.data)), p, training).numpy())
