# mutant: strips only the right end
import re


def collapse_whitespace(text):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    return re.sub(r"\s+", " ", text).rstrip()
