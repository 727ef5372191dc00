# mutant: scales by the largest value, not the largest magnitude
# likely: use the largest magnitude
import torch


def absmax_quantize(w, dim=None, qmax=127.0):
    amax = w.max() if dim is None else w.amax(dim=dim, keepdim=True)
    scale = torch.where(amax > 0, amax / qmax, torch.ones_like(amax)).float()
    return torch.clamp(torch.round(w * (1.0 / scale)), -128, 127).to(torch.int8), scale
