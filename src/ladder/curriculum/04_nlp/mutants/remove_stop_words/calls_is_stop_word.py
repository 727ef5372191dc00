# mutant: the library's is_stop_word for the default list
# likely: is_stop_word
from ladder.nlp.stopwords import is_stop_word


def remove_stop_words(tokens, stop_words=None):
    if isinstance(tokens, str):
        raise TypeError("tokens must be a list of str")
    if stop_words is None:
        return [t for t in tokens if not is_stop_word(t)]
    words = {w.lower() for w in stop_words}
    return [t for t in tokens if t.lower() not in words]
