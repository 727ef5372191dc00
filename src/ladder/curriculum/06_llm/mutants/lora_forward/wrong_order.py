# mutant: multiplies the factors in the wrong order (shape error)
def lora_linear(x, weight, bias, lora_A, lora_B, scaling):
    y = x @ weight.T + (bias if bias is not None else 0)
    return y + scaling * (x @ lora_B.T @ lora_A.T)
