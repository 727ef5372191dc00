# mutant: splits contractions: no inner apostrophe in the word pattern
# likely: an apostrophe inside a word belongs to the word
import re


def simple_tokenize(text, lowercase=True):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if lowercase:
        text = text.lower()
    return re.findall(r"\w+|[^\w\s]", text)
