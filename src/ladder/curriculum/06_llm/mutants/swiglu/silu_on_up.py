# mutant: the SiLU on the up projection instead of the gate
# likely: the SiLU goes on the gate projection
import torch.nn.functional as F


def swiglu(x, w_gate, w_up, w_down):
    return F.linear(F.silu(F.linear(x, w_up)) * F.linear(x, w_gate), w_down)
