# mutant: (learner) drops the characters whose Unicode name starts with COMBINING
# likely: drops category 'Mn'
import unicodedata


def strip_accents(text, compatibility=False):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    decomposed = unicodedata.normalize("NFKD" if compatibility else "NFD", text)
    kept = "".join(ch for ch in decomposed if not unicodedata.name(ch, "").startswith("COMBINING"))
    return kept if compatibility else unicodedata.normalize("NFC", kept)
