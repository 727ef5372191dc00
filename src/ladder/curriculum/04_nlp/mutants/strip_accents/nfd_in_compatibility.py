# mutant: compatibility=True still decomposes with NFD
# likely: decompose with NFKD, not NFD
import unicodedata


def strip_accents(text, compatibility=False):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    decomposed = unicodedata.normalize("NFD", text)
    if compatibility:
        return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    kept = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", kept)
