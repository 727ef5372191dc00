# mutant: forgets the padding
# likely: count the padding on both sides


def output_size(size: int, kernel: int, stride: int, padding: int) -> int:
    return (size - kernel) // stride + 1
