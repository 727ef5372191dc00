# mutant: counts consonant -> vowel transitions (CV) instead of vowel -> consonant (VC)
# likely: a vowel followed by a consonant
def measure(stem):
    flags = []
    for i, ch in enumerate(stem):
        if ch in "aeiou":
            flags.append(False)
        elif ch == "y":
            flags.append(i == 0 or not flags[i - 1])
        else:
            flags.append(True)
    return sum(1 for a, b in zip(flags, flags[1:], strict=False) if a and not b)
