# mutant: str.split, punctuation stays glued to words
# likely: splitting on spaces
def simple_tokenize(text, lowercase=True):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if lowercase:
        text = text.lower()
    return text.split()
