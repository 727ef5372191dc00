# mutant: apostrophes allowed anywhere in a word, so a quote at a word's edge sticks to it
import re


def simple_tokenize(text, lowercase=True):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if lowercase:
        text = text.lower()
    return re.findall(r"[\w'’]+|[^\w\s]", text)
