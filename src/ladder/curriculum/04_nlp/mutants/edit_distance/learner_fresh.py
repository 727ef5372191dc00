# mutant: (learner) the first row and column grow by substitution_cost, not by 1
# likely: D[i][0] = i whatever substitution_cost
def edit_distance(a, b, substitution_cost=1, transpositions=False):
    D = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        D[i][0] = i * substitution_cost
    for j in range(len(b) + 1):
        D[0][j] = j * substitution_cost
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            sub = 0 if a[i - 1] == b[j - 1] else substitution_cost
            D[i][j] = min(D[i - 1][j] + 1, D[i][j - 1] + 1, D[i - 1][j - 1] + sub)
    return D[len(a)][len(b)]
