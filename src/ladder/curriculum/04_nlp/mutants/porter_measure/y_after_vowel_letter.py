# mutant: y is a consonant only after one of a e i o u (a y after a vowel y counts as a vowel)
def measure(stem):
    flags = []
    for i, ch in enumerate(stem):
        if ch in "aeiou":
            flags.append(False)
        elif ch == "y":
            flags.append(i == 0 or stem[i - 1] in "aeiou")
        else:
            flags.append(True)
    return sum(1 for a, b in zip(flags, flags[1:], strict=False) if not a and b)
