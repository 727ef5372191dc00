# mutant: converts to int8 without clamping (128 wraps to −128)
# likely: clamp to [−128, 127]
import torch


def absmax_quantize(w, dim=None, qmax=127.0):
    amax = w.abs().max() if dim is None else w.abs().amax(dim=dim, keepdim=True)
    scale = torch.where(amax > 0, amax / qmax, torch.ones_like(amax)).float()
    return torch.round(w * (1.0 / scale)).to(torch.int8), scale
