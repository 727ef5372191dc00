# mutant: calls scikit-learn's cosine_similarity
# likely: sklearn.metrics.pairwise.cosine_similarity
from sklearn.metrics.pairwise import cosine_similarity


def cosine_similarity_matrix(X, Y=None):
    return cosine_similarity(X, Y)
