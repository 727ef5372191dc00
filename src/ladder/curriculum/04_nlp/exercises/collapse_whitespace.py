r"""Collapse whitespace.

Replace every run of whitespace (spaces, tabs, newlines, and Unicode spaces such as the
non-breaking space U+00A0 or the em space U+2003) by a single space, and strip both ends::

    collapse_whitespace("  to\tbe \n\n or\u00a0not  ")  ->  "to be or not"

A non-``str`` input raises ``TypeError``. The matching library function is
``ladder.nlp.normalize.collapse_whitespace`` (the last step of ``normalize``).

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import re  # noqa: F401 - for your code


def collapse_whitespace(text: str) -> str:
    # TODO: check the type; then replace runs of \s by one space and strip the ends.
    raise NotImplementedError
