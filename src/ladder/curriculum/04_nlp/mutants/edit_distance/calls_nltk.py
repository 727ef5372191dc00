# mutant: calls nltk.edit_distance
# likely: nltk.edit_distance
import nltk


def edit_distance(a, b, substitution_cost=1, transpositions=False):
    return nltk.edit_distance(a, b, substitution_cost=substitution_cost)
