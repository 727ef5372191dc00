# mutant: MD (modal verbs) is not mapped to verb
# likely: modal verbs
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
    for prefix, pos in (("NN", "noun"), ("VB", "verb"), ("JJ", "adj"), ("RB", "adv")):
        if p.startswith(prefix):
            return pos
    return None
