# mutant: ignores lowercase=True
# likely: lower-case the text first
import re


def simple_tokenize(text, lowercase=True):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    return re.findall(r"\w+(?:['’]\w+)*|[^\w\s]", text)
