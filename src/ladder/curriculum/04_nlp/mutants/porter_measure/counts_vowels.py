# mutant: counts the vowel letters instead of the VC pairs
# likely: not vowel letters
def measure(stem):
    flags = []
    for i, ch in enumerate(stem):
        if ch in "aeiou":
            flags.append(False)
        elif ch == "y":
            flags.append(i == 0 or not flags[i - 1])
        else:
            flags.append(True)
    return sum(1 for f in flags if not f)
