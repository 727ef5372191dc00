# mutant: a set difference: order (and repeats) lost
# likely: keep the original order
from ladder.nlp.stopwords import ENGLISH_STOP_WORDS


def remove_stop_words(tokens, stop_words=None):
    if isinstance(tokens, str):
        raise TypeError("tokens must be a list of str")
    words = ENGLISH_STOP_WORDS if stop_words is None else {w.lower() for w in stop_words}
    return sorted({t for t in tokens if t.lower() not in words})
