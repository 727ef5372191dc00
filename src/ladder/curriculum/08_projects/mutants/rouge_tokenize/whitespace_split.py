# mutant: splits on whitespace and strips punctuation at the ends of each word
# likely: cat's → cat, s
import re


def rouge_tokenize(text, stemmer=None):
    tokens = [w.strip(".,!?;:()'\"") for w in text.lower().split()]
    if stemmer is not None:
        tokens = [stemmer(t) if len(t) > 3 else t for t in tokens]
    return [t for t in tokens if re.fullmatch(r"[a-z0-9]+", t)]
