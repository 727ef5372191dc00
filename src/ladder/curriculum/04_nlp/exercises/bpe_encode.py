r"""Encode with learned BPE merges: lowest rank first.

Training is done for you (``ByteLevelBPE.train`` is inherited); you write how one chunk
of text is encoded. ``self.merges_`` maps a pair of ids to the id it was merged into;
ids are given in training order, so a smaller new id means a merge learned earlier
(a lower **rank**).

To encode ``chunk``:

1. start from its UTF-8 bytes: ``ids = list(chunk.encode("utf-8"))``;
2. while there are at least two ids: among the adjacent pairs of ``ids``, find the one
   with the lowest rank (the smallest merged id); if none of the pairs is in
   ``self.merges_``, stop; otherwise replace every occurrence of that pair (left to
   right, no overlaps) by its merged id;
3. return ``ids``.

This replays training in order. Merging the leftmost pair, or the pair most frequent in
the chunk, gives different (wrong) ids. The matching library code is
``ladder.nlp.bpe.ByteLevelBPE`` (``encode`` calls ``_encode_chunk`` on each chunk).

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

from itertools import pairwise  # noqa: F401 - for your code

from ladder.nlp.bpe import ByteLevelBPE as _TrainedBPE


class ByteLevelBPE(_TrainedBPE):
    def _encode_chunk(self, chunk: str) -> list[int]:
        # TODO: bytes -> ids, then apply the lowest-rank merge present until none applies.
        raise NotImplementedError
