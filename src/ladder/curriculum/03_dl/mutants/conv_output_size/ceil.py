# mutant: rounds up instead of down
# likely: use floor division // before adding 1


def output_size(size: int, kernel: int, stride: int, padding: int) -> int:
    return -(-(size + 2 * padding - kernel) // stride) + 1
