# mutant: imports the library's tables
# likely: ladder.nlp.lemmatize
from ladder.nlp.lemmatize import to_wordnet_pos as _answer


def to_wordnet_pos(tag):
    return _answer(tag)
