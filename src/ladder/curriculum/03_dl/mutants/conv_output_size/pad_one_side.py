# mutant: pads one side only: size + padding
# likely: 2·padding, not padding


def output_size(size: int, kernel: int, stride: int, padding: int) -> int:
    return (size + padding - kernel) // stride + 1
