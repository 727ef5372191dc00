# mutant: one scale for the whole tensor even when dim is given
import torch


def absmax_quantize(w, dim=None, qmax=127.0):
    amax = w.abs().max()
    scale = torch.where(amax > 0, amax / qmax, torch.ones_like(amax)).float()
    return torch.clamp(torch.round(w * (1.0 / scale)), -128, 127).to(torch.int8), scale
