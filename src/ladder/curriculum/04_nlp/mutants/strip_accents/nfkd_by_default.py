# mutant: decomposes with NFKD in the default mode too (the wrong normal form)
# likely: keeps the ligature
import unicodedata


def strip_accents(text, compatibility=False):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return kept if compatibility else unicodedata.normalize("NFC", kept)
