# mutant: trains the library's fast tokenizer and returns its merges
# likely: ByteLevelBPE
from ladder.nlp.bpe import GPT2_SPLIT_PATTERN, ByteLevelBPE


def train_bpe_naive(text, vocab_size, pattern=GPT2_SPLIT_PATTERN):
    return dict(ByteLevelBPE(pattern).train(text, vocab_size).merges_)
