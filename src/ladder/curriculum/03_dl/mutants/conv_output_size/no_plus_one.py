# mutant: forgets the + 1 (counts the steps, not the positions)
# likely: add 1


def output_size(size: int, kernel: int, stride: int, padding: int) -> int:
    return (size + 2 * padding - kernel) // stride
