# mutant: does not lower-case first
# likely: lower-case before removing
import re


def rouge_tokenize(text, stemmer=None):
    tokens = re.sub(r"[^a-z0-9]+", " ", text).split()
    if stemmer is not None:
        tokens = [stemmer(t) if len(t) > 3 else t for t in tokens]
    return [t for t in tokens if re.fullmatch(r"[a-z0-9]+", t)]
