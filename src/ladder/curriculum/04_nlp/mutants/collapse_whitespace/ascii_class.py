# mutant: an ASCII whitespace class [ \t\n\r] that misses the no-break and em spaces
# likely: Unicode spaces are whitespace
import re


def collapse_whitespace(text):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    return re.sub(r"[ \t\n\r\f\v]+", " ", text).strip()
