"""The Luhn check digit (card numbers).

Ignore spaces and dashes. The number is valid when, going from the *rightmost* digit
leftwards, you double every second digit (the 2nd, 4th, … from the right), subtract 9
from any doubled result above 9, and the sum of all the digits is divisible by 10.
Return False for anything that is not digits (after removing spaces and dashes) or has
fewer than two digits. Return a bool.

Example: 79927398713 is valid (the sum is 70).

Run ``ladder check`` to grade this file, ``ladder hint`` for a hint.
"""


def luhn_valid(number: str) -> bool:
    # TODO: strip spaces and dashes, walk the digits from the right, double every second.
    raise NotImplementedError
