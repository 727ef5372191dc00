# mutant: greedy two-pointer matching
# likely: taking the first match greedily
def lcs_length(a, b):
    j, n = 0, 0
    for tok in a:
        try:
            k = b.index(tok, j)
        except ValueError:
            continue
        n += 1
        j = k + 1
    return n
