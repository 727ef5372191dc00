# mutant: ignores substitution_cost (a mismatch always costs 1)
# likely: use substitution_cost for a mismatch
def edit_distance(a, b, substitution_cost=1, transpositions=False):
    D = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        D[i][0] = i
    for j in range(len(b) + 1):
        D[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            D[i][j] = min(
                D[i - 1][j] + 1, D[i][j - 1] + 1, D[i - 1][j - 1] + (a[i - 1] != b[j - 1])
            )
    return D[len(a)][len(b)]
