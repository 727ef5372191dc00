# mutant: never recomposes with NFC
# likely: recompose with NFC
import unicodedata


def strip_accents(text, compatibility=False):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    form = "NFKD" if compatibility else "NFD"
    return "".join(ch for ch in unicodedata.normalize(form, text) if not unicodedata.combining(ch))
