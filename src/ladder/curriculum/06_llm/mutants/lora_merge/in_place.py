# mutant: changes the base weight in place
# likely: in place
def merge_weight(weight, lora_A, lora_B, scaling):
    weight += scaling * (lora_B @ lora_A)
    return weight
