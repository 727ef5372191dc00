# mutant: y is always a vowel
# likely: a y is a consonant at the start
def measure(stem):
    flags = [ch not in "aeiouy" for ch in stem]
    return sum(1 for a, b in zip(flags, flags[1:], strict=False) if not a and b)
