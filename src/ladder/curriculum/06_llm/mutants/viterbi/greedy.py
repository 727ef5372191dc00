# mutant: greedy longest match instead of the best total
# likely: not the longest match first
def viterbi(text, vocab, max_len, unk_score, unk_id=-1):
    out, start = [], 0
    while start < len(text):
        for end in range(min(len(text), start + max_len), start, -1):
            if text[start:end] in vocab:
                out.append((vocab[text[start:end]][0], start, end))
                start = end
                break
        else:
            out.append((unk_id, start, start + 1))
            start += 1
    return out
