# mutant: NLTK's pad_sequence and everygrams, reordered by length
# likely: nltk.util
from nltk.util import everygrams, pad_sequence


def padded_everygrams(sentence, n):
    padded = list(pad_sequence(sentence, n, pad_left=True, left_pad_symbol="<s>"))
    padded.append("</s>")
    return sorted(everygrams(padded, max_len=n), key=len)
