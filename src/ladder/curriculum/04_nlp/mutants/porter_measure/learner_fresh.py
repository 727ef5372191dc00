# mutant: (learner) the y rule read backwards: y is a vowel when the next letter is a consonant
def measure(stem):
    flags = []
    for i, ch in enumerate(stem):
        if ch in "aeiou":
            flags.append(False)
        elif ch == "y":
            nxt = stem[i + 1] if i + 1 < len(stem) else ""
            flags.append(not (nxt and nxt not in "aeiou"))
        else:
            flags.append(True)
    return sum(1 for a, b in zip(flags, flags[1:], strict=False) if not a and b)
