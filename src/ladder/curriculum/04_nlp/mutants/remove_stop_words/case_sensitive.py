# mutant: compares the tokens as they are, so 'The' is kept
# likely: compare in lower case
from ladder.nlp.stopwords import ENGLISH_STOP_WORDS


def remove_stop_words(tokens, stop_words=None):
    if isinstance(tokens, str):
        raise TypeError("tokens must be a list of str")
    words = ENGLISH_STOP_WORDS if stop_words is None else set(stop_words)
    return [t for t in tokens if t not in words]
