# mutant: falls back to "noun" for tags with no category (as many lemmatiser wrappers do)
# likely: not a default 'noun'
_WN = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}
_UNI = {"NOUN": "noun", "PROPN": "noun", "VERB": "verb", "AUX": "verb", "ADJ": "adj", "ADV": "adv"}


def to_wordnet_pos(tag):
    if not isinstance(tag, str):
        raise TypeError("tag must be a str")
    if tag in _WN:
        return _WN[tag]
    if tag.lower() in ("noun", "verb", "adj", "adv"):
        return tag.lower()
    if tag.upper() in _UNI:
        return _UNI[tag.upper()]
    p = tag.upper()
    if p.startswith("VB") or p == "MD":
        return "verb"
    if p.startswith("JJ"):
        return "adj"
    if p.startswith("RB"):
        return "adv"
    return "noun"
