# mutant: calls NLTK's regexp_tokenize with the right pattern
# likely: nltk
from nltk.tokenize import regexp_tokenize


def simple_tokenize(text, lowercase=True):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    return regexp_tokenize(text.lower() if lowercase else text, r"\w+(?:['’]\w+)*|[^\w\s]")
