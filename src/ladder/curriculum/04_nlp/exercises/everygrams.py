r"""Pad a sentence and list its n-grams of every order 1..n.

Pad with ``n - 1`` start symbols ``BOS`` (``"<s>"``) on the left and one end symbol
``EOS`` (``"</s>"``) on the right, then return every k-gram of the padded sentence, as
tuples, for ``k = 1, 2, ..., n``: all unigrams first (left to right), then all bigrams,
and so on::

    padded_everygrams(["a", "b"], 2)  ->
        [("<s>",), ("a",), ("b",), ("</s>",), ("<s>", "a"), ("a", "b"), ("b", "</s>")]

These are exactly the events an n-gram model of order ``n`` counts. One ``</s>``, at
every order, is the convention of Jurafsky & Martin (SLP3): the end of the sentence is one
event, whatever the order. The matching library function is
``ladder.nlp.ngram.padded_everygrams`` (``nltk.lm.preprocessing``'s ``pad_both_ends``
would put ``n - 1`` ``</s>`` on the right).

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

from collections.abc import Sequence

from ladder.nlp.ngram import BOS, EOS  # noqa: F401 - for your code


def padded_everygrams(sentence: Sequence[str], n: int) -> list[tuple[str, ...]]:
    # TODO: pad the sentence, then slide a window of each length k = 1..n over it.
    raise NotImplementedError
