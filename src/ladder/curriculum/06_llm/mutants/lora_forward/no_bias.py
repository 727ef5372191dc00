# mutant: drops the bias
# likely: add the bias
def lora_linear(x, weight, bias, lora_A, lora_B, scaling):
    return x @ weight.T + scaling * (x @ lora_A.T @ lora_B.T)
