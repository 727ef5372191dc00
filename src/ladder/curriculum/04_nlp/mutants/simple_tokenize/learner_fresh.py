# mutant: (learner) at most one apostrophe group per word: `?` where `*` belongs
# likely: repeat the group with *
import re


def simple_tokenize(text, lowercase=True):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if lowercase:
        text = text.lower()
    return re.findall(r"\w+(?:['’]\w+)?|[^\w\s]", text)
