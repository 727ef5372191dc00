# mutant: words only, punctuation dropped
# likely: punctuation marks are tokens too
import re


def simple_tokenize(text, lowercase=True):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if lowercase:
        text = text.lower()
    return re.findall(r"\w+(?:['’]\w+)*", text)
