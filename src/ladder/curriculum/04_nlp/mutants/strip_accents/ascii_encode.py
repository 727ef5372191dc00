# mutant: encodes to ASCII with errors="ignore"
# likely: encoding to ASCII deletes the letters
def strip_accents(text, compatibility=False):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    return text.encode("ascii", "ignore").decode()
