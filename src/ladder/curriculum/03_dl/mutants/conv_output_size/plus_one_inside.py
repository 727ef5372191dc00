# mutant: divides after adding 1


def output_size(size: int, kernel: int, stride: int, padding: int) -> int:
    return (size + 2 * padding - kernel + 1) // stride
