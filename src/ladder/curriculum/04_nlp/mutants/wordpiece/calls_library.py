# mutant: calls the library's wordpiece
# likely: ladder.nlp.wordpiece
from ladder.nlp import wordpiece as _library


def wordpiece(word, vocab, unk_token="[UNK]", prefix="##", max_chars=100):
    return _library.wordpiece(word, vocab, unk_token, prefix, max_chars)
