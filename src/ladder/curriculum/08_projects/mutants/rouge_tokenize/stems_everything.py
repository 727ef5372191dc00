# mutant: stems short words too
# likely: stem only words longer than 3
import re


def rouge_tokenize(text, stemmer=None):
    tokens = re.sub(r"[^a-z0-9]+", " ", text.lower()).split()
    if stemmer is not None:
        tokens = [stemmer(t) for t in tokens]
    return [t for t in tokens if re.fullmatch(r"[a-z0-9]+", t)]
