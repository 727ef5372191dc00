# mutant: greedy from the end of the word: the longest suffix first
# likely: from the left
def wordpiece(word, vocab, unk_token="[UNK]", prefix="##", max_chars=100):
    if len(word) > max_chars:
        return [unk_token]
    pieces, end = [], len(word)
    while end > 0:
        for start in range(0, end):
            piece = word[start:end] if start == 0 else prefix + word[start:end]
            if piece in vocab:
                break
        else:
            return [unk_token]
        pieces.insert(0, piece)
        end = start
    return pieces
