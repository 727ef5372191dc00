# mutant: compares the letters at the same positions, plus the length difference
# likely: comparing letters at the same positions
def edit_distance(a, b, substitution_cost=1, transpositions=False):
    return sum(substitution_cost for x, y in zip(a, b, strict=False) if x != y) + abs(
        len(a) - len(b)
    )
