# mutant: collapses runs of spaces only
# likely: tabs and newlines are whitespace too
import re


def collapse_whitespace(text):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    return re.sub(r" +", " ", text).strip()
