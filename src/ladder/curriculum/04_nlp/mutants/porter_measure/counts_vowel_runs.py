# mutant: counts the runs of vowels, even one at the end with no consonant after it
# likely: only when a consonant follows
def measure(stem):
    flags = []
    for i, ch in enumerate(stem):
        if ch in "aeiou":
            flags.append(False)
        elif ch == "y":
            flags.append(i == 0 or not flags[i - 1])
        else:
            flags.append(True)
    return sum(1 for i, f in enumerate(flags) if not f and (i == 0 or flags[i - 1]))
