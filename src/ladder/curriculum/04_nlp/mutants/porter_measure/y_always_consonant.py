# mutant: y is always a consonant
# likely: a y after a consonant is a vowel
def measure(stem):
    flags = [ch not in "aeiou" for ch in stem]
    return sum(1 for a, b in zip(flags, flags[1:], strict=False) if not a and b)
