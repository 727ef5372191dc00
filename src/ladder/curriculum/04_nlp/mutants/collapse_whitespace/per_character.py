# mutant: each whitespace character becomes a space, runs are not collapsed
# likely: collapse a whole run into one space
import re


def collapse_whitespace(text):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    return re.sub(r"\s", " ", text).strip()
