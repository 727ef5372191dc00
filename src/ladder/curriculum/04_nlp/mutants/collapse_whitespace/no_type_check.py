# mutant: no type check: bytes pass through a bytes pattern
import re


def collapse_whitespace(text):
    if isinstance(text, bytes):
        return re.sub(rb"\s+", b" ", text).strip()
    return re.sub(r"\s+", " ", text).strip()
