# mutant: true division: returns a float
# likely: use // (floor division), not /


def output_size(size: int, kernel: int, stride: int, padding: int) -> int:
    return (size + 2 * padding - kernel) / stride + 1
