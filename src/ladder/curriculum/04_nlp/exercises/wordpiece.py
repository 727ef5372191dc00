r"""WordPiece: greedy longest-match-first split of one word.

Starting at position 0 of ``word``, take the **longest** piece that is in ``vocab``;
a piece that does not start the word is looked up with ``prefix`` in front (``"##"``):

    word = "unaffable", vocab = {"un", "##aff", "##able"}  ->  ["un", "##aff", "##able"]

Continue from where the piece ended. If at some position no piece (not even one
character) is in the vocabulary, the **whole word** becomes ``[unk_token]`` — not just
the rest of it. A word longer than ``max_chars`` characters is ``[unk_token]`` too.

The matching library function is ``ladder.nlp.wordpiece.wordpiece`` (BERT's
``WordpieceTokenizer``, Hugging Face ``BertTokenizerFast``).

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""


def wordpiece(
    word: str,
    vocab: dict[str, int] | set[str],
    unk_token: str = "[UNK]",
    prefix: str = "##",
    max_chars: int = 100,
) -> list[str]:
    # TODO: for each start, try end = len(word), len(word) - 1, ... until a piece matches.
    raise NotImplementedError
