# mutant: gensim's deaccent for the default, scikit-learn's strip_accents_unicode otherwise
# likely: gensim.utils.deaccent
from gensim.utils import deaccent
from sklearn.feature_extraction.text import strip_accents_unicode


def strip_accents(text, compatibility=False):
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    return strip_accents_unicode(text) if compatibility else deaccent(text)
