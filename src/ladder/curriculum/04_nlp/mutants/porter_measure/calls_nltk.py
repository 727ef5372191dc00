# mutant: asks NLTK's Porter stemmer for the measure
# likely: PorterStemmer
from nltk.stem.porter import PorterStemmer

_STEMMER = PorterStemmer()


def measure(stem):
    return _STEMMER._measure(stem)
