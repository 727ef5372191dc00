# mutant: scikit-learn's stop-word list, which drops the negations
# likely: negations are not in the default list
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS


def remove_stop_words(tokens, stop_words=None):
    if isinstance(tokens, str):
        raise TypeError("tokens must be a list of str")
    words = ENGLISH_STOP_WORDS if stop_words is None else {w.lower() for w in stop_words}
    return [t for t in tokens if t.lower() not in words]
