# mutant: (learner) removes the stop words from the caller's list while iterating over it
# likely: changed its input
from ladder.nlp.stopwords import ENGLISH_STOP_WORDS


def remove_stop_words(tokens, stop_words=None):
    if isinstance(tokens, str):
        raise TypeError("tokens must be a list of str")
    words = ENGLISH_STOP_WORDS if stop_words is None else {w.lower() for w in stop_words}
    for t in tokens:
        if t.lower() in words:
            tokens.remove(t)
    return tokens
