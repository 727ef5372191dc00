# mutant: [A-Za-z0-9] instead of \w: accented letters split words
import re


def simple_tokenize(text, lowercase=True):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if lowercase:
        text = text.lower()
    return re.findall(r"[A-Za-z0-9_]+(?:['’][A-Za-z0-9_]+)*|[^\w\s]", text)
