# mutant: drops every mark category (Mn, Mc, Me), not only non-spacing marks
import unicodedata


def strip_accents(text, compatibility=False):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if compatibility:
        decomposed = unicodedata.normalize("NFKD", text)
        return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(ch for ch in decomposed if not unicodedata.category(ch).startswith("M"))
    return unicodedata.normalize("NFC", kept)
