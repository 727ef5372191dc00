# mutant: tests `"RB" in tag`, so the wh-adverb WRB becomes an adverb
# likely: only tags starting with RB
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
    if "NN" in p:
        return "noun"
    if "VB" in p or p == "MD":
        return "verb"
    if "JJ" in p:
        return "adj"
    if "RB" in p:
        return "adv"
    return None
