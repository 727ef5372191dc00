# mutant: only the part that cannot be spelled becomes [UNK]
# likely: the whole word becomes [UNK]
def wordpiece(word, vocab, unk_token="[UNK]", prefix="##", max_chars=100):
    if len(word) > max_chars:
        return [unk_token]
    pieces, start = [], 0
    while start < len(word):
        for end in range(len(word), start, -1):
            piece = word[start:end] if start == 0 else prefix + word[start:end]
            if piece in vocab:
                break
        else:
            pieces.append(unk_token)
            break
        pieces.append(piece)
        start = end
    return pieces
