# mutant: counts common words regardless of order
# likely: order matters
from collections import Counter


def lcs_length(a, b):
    return sum((Counter(a) & Counter(b)).values())
