r"""Map a part-of-speech tag to a WordNet category.

A lemmatiser needs the part of speech, but taggers speak several tag sets. Return
``"noun"``, ``"verb"``, ``"adj"``, ``"adv"`` or ``None`` (no WordNet category:
determiners, pronouns, punctuation...), trying in order:

1. WordNet's one-letter tags (case-sensitive): ``n`` noun, ``v`` verb, ``a`` and ``s``
   adjective, ``r`` adverb;
2. the names themselves, any case: ``noun``, ``verb``, ``adj``, ``adv``;
3. Universal tags, any case: ``NOUN`` and ``PROPN`` noun, ``VERB`` and ``AUX`` verb,
   ``ADJ`` adjective, ``ADV`` adverb;
4. Penn Treebank tags (upper-cased): ``NN…`` noun, ``VB…`` or ``MD`` verb, ``JJ…``
   adjective, ``RB…`` adverb;
5. otherwise ``None``.

A non-``str`` tag raises ``TypeError``. The matching library function is
``ladder.nlp.lemmatize.to_wordnet_pos``.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""


def to_wordnet_pos(tag: str) -> str | None:
    # TODO: check the type, then try the four tag sets in order.
    raise NotImplementedError
