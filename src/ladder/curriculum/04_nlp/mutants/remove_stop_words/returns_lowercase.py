# mutant: returns the lower-cased tokens
# likely: return the tokens as they were
from ladder.nlp.stopwords import ENGLISH_STOP_WORDS


def remove_stop_words(tokens, stop_words=None):
    if isinstance(tokens, str):
        raise TypeError("tokens must be a list of str")
    words = ENGLISH_STOP_WORDS if stop_words is None else {w.lower() for w in stop_words}
    lowered = [t.lower() for t in tokens]
    return [t for t in lowered if t not in words]
