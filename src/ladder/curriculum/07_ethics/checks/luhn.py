"""Checks for the Luhn exercise."""

from ladder.curriculum.expect import expect_equal

VALID = [
    "79927398713",
    "4111 1111 1111 1111",
    "378282246310005",
    "6011-1111-1111-1117",
    "5555555555554444",
    "0000000000000000",
    "18",
]
INVALID = [
    "79927398710",
    "4111 1111 1111 1112",
    "378282246310006",
    "1234567812345678",
    "4111111111111121",
    "",
    "7",
    "4111 11a1 1111 1111",
]


def check_valid_numbers(submitted, reference):
    """accepts valid numbers, with or without spaces and dashes"""
    for n in VALID:
        expect_equal(
            bool(submitted(n)),
            reference(n),
            inputs={"number": n},
            mistakes=[
                (
                    False,
                    "strip spaces and dashes, and double every second digit "
                    "counting from the right",
                )
            ],
        )


def check_invalid_numbers(submitted, reference):
    """rejects a wrong check digit, swapped digits, letters and too-short input"""
    for n in INVALID:
        expect_equal(
            bool(submitted(n)),
            reference(n),
            inputs={"number": n},
            mistakes=[
                (
                    True,
                    "subtract 9 from doubled digits above 9, and start "
                    "doubling at the second digit from the right",
                )
            ],
        )


def check_odd_length(submitted, reference):
    """doubles from the right even when the number has an odd length"""
    for n in ("2756", "12345678903", "79927398713"):
        expect_equal(bool(submitted(n)), reference(n), inputs={"number": n})
