# mutant: a run of punctuation is one token
# likely: one token per punctuation character
import re


def simple_tokenize(text, lowercase=True):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if lowercase:
        text = text.lower()
    return re.findall(r"\w+(?:['’]\w+)*|[^\w\s]+", text)
