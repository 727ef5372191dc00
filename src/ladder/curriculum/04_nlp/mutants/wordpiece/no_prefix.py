# mutant: continuation pieces looked up and returned without the ## prefix
# likely: continuation pieces carry the ## prefix
def wordpiece(word, vocab, unk_token="[UNK]", prefix="##", max_chars=100):
    if len(word) > max_chars:
        return [unk_token]
    pieces, start = [], 0
    while start < len(word):
        for end in range(len(word), start, -1):
            if word[start:end] in vocab or prefix + word[start:end] in vocab:
                pieces.append(word[start:end])
                break
        else:
            return [unk_token]
        start = end
    return pieces
