# mutant: the default mode drops characters with a combining class instead of category Mn
import unicodedata


def strip_accents(text, compatibility=False):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    decomposed = unicodedata.normalize("NFKD" if compatibility else "NFD", text)
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return kept if compatibility else unicodedata.normalize("NFC", kept)
