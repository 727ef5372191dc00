r"""Train byte-level BPE, the simple way: count pairs, merge the most frequent, repeat.

1. Split ``text`` into chunks with ``regex.findall(pattern, text)`` (GPT-2's pattern by
   default: merges never cross a chunk boundary) and turn each chunk into its list of
   UTF-8 byte values: ``list(chunk.encode("utf-8"))``.
2. For each new id ``256, 257, ..., vocab_size - 1``:

   * count every adjacent pair ``(ids[i], ids[i+1])`` in every chunk;
   * if there is no pair at all, stop early;
   * pick the most frequent pair; **ties go to the smallest pair** (compare the tuples);
   * record ``merges[pair] = new_id`` and replace every occurrence of the pair, scanning
     each chunk left to right without overlaps, by ``new_id``.

3. Return ``merges``: a dict from pair to new id, in the order learned.

Example: ``train_bpe_naive("abcd", 257) == {(97, 98): 256}`` (three pairs tie at count 1;
``(97, 98)`` is the smallest). The matching library function is
``ladder.nlp.bpe.train_bpe_naive`` (``ByteLevelBPE.train`` learns the same merges faster).

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

from collections import Counter  # noqa: F401 - for your code
from itertools import pairwise  # noqa: F401

import regex  # noqa: F401

from ladder.nlp.bpe import GPT2_SPLIT_PATTERN


def train_bpe_naive(
    text: str, vocab_size: int, pattern: str = GPT2_SPLIT_PATTERN
) -> dict[tuple[int, int], int]:
    # TODO: chunks of byte ids; then, for each new id, count pairs, choose, merge.
    raise NotImplementedError
