# mutant: the custom list is added to the default list
# likely: replaces the default list
from ladder.nlp.stopwords import ENGLISH_STOP_WORDS


def remove_stop_words(tokens, stop_words=None):
    if isinstance(tokens, str):
        raise TypeError("tokens must be a list of str")
    words = set(ENGLISH_STOP_WORDS) | {w.lower() for w in stop_words or ()}
    return [t for t in tokens if t.lower() not in words]
