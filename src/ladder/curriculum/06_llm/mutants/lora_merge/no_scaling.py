# mutant: forgets the scaling
# likely: multiply B A by scaling
def merge_weight(weight, lora_A, lora_B, scaling):
    return weight + lora_B @ lora_A
