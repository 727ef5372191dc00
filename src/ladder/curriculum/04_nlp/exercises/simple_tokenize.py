r"""A regex word tokenizer.

A token is either

* a **word**: a run of word characters (``\w+``), which may contain inner apostrophes
  followed by more word characters (``don't``, ``o'clock``, also the curly ``’``), or
* one single character that is neither a word character nor whitespace (punctuation
  and symbols: ``,`` ``!`` ``"`` ``$`` ...).

Lower-case the text first when ``lowercase`` is true. A non-``str`` input raises
``TypeError``. Example::

    simple_tokenize("Don't stop, Romeo!")  ->  ["don't", "stop", ",", "romeo", "!"]

The matching library function is ``ladder.nlp.tokenize.simple_tokenize``
(NLTK's ``regexp_tokenize`` and scikit-learn's ``token_pattern`` work the same way).

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import re  # noqa: F401 - for your code


def simple_tokenize(text: str, lowercase: bool = True) -> list[str]:
    # TODO: check the type, lower-case if asked, then re.findall with a pattern of two
    # alternatives (a word with optional inner apostrophes | one other non-space char).
    raise NotImplementedError
