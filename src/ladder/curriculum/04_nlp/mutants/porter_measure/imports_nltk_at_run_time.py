# mutant: reaches NLTK's stemmer through importlib, out of sight of an import statement
# likely: calls `nltk.stem
import importlib


def measure(stem):
    porter = importlib.import_module("nltk.stem.porter")
    return porter.PorterStemmer()._measure(stem)
