# mutant: `stop_words or ENGLISH_STOP_WORDS`: an empty custom list falls back to the default
import collections.abc

from ladder.nlp.stopwords import ENGLISH_STOP_WORDS


def remove_stop_words(tokens, stop_words=None):
    if isinstance(tokens, str) or not isinstance(tokens, collections.abc.Iterable):
        raise TypeError("tokens must be a list of str")
    words = {w.lower() for w in (stop_words or ENGLISH_STOP_WORDS)}
    return [t for t in tokens if t.lower() not in words]
