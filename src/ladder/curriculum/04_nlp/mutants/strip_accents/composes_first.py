# mutant: normalises with NFC (composing) instead of NFD, so the marks stay inside letters
# likely: decompose with NFD first
import unicodedata


def strip_accents(text, compatibility=False):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    composed = unicodedata.normalize("NFKC" if compatibility else "NFC", text)
    return "".join(ch for ch in composed if unicodedata.category(ch) != "Mn")
