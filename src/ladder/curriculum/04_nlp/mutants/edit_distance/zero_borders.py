# mutant: the first row and column stay 0
# likely: initialise the first row and column
def edit_distance(a, b, substitution_cost=1, transpositions=False):
    D = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            sub = 0 if a[i - 1] == b[j - 1] else substitution_cost
            D[i][j] = min(D[i - 1][j] + 1, D[i][j - 1] + 1, D[i - 1][j - 1] + sub)
    return D[len(a)][len(b)]
