# mutant: rounds down instead of to the nearest integer
# likely: round to the nearest integer
import torch


def absmax_quantize(w, dim=None, qmax=127.0):
    amax = w.abs().max() if dim is None else w.abs().amax(dim=dim, keepdim=True)
    scale = torch.where(amax > 0, amax / qmax, torch.ones_like(amax)).float()
    return torch.clamp(torch.floor(w * (1.0 / scale)), -128, 127).to(torch.int8), scale
