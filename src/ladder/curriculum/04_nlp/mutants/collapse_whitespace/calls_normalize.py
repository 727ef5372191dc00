# mutant: calls the library's normalize, whose last step is this exercise
# likely: ladder.nlp.normalize
from ladder.nlp.normalize import normalize


def collapse_whitespace(text):
    return normalize(text, form=None)
