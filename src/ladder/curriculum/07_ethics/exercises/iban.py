"""The IBAN check (ISO 7064 mod 97-10).

Remove spaces and upper-case the text. A candidate looks like two letters (the country),
two digits (the check digits) and 11 to 30 letters or digits. It is valid when:

1. the first four characters are moved to the end,
2. every letter is replaced by a number: A = 10, B = 11, …, Z = 35,
3. the resulting integer leaves remainder 1 when divided by 97.

Return a bool; anything that does not have the shape above is False.
Example: "GB82 WEST 1234 5698 7654 32" is valid.

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""

import re


def iban_valid(iban: str) -> bool:
    # TODO: clean, check the shape with a regular expression, rearrange, convert, mod 97.
    raise NotImplementedError
