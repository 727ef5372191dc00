"""Checks for the IBAN exercise."""

from ladder.curriculum.expect import expect_equal

VALID = [
    "GB82 WEST 1234 5698 7654 32",
    "DE89370400440532013000",
    "fr14 2004 1010 0505 0001 3m02 606",
    "NL91ABNA0417164300",
    "BE68539007547034",
]
INVALID = [
    "GB82 WEST 1234 5698 7654 33",
    "DE89370400440532013001",
    "NL92ABNA0417164300",
    "GB82",
    "1234567890123456",
    "GB82 WEST 1234 5698 7654 3!",
]


def check_valid(submitted, reference):
    """accepts valid IBANs in any case, with or without spaces"""
    for s in VALID:
        expect_equal(
            bool(submitted(s)),
            reference(s),
            inputs={"iban": s},
            mistakes=[
                (
                    False,
                    "move the first four characters to the end, A = 10 … "
                    "Z = 35, and compare the remainder with 1",
                )
            ],
        )


def check_invalid(submitted, reference):
    """rejects wrong check digits and text of the wrong shape"""
    for s in INVALID:
        expect_equal(
            bool(submitted(s)),
            reference(s),
            inputs={"iban": s},
            mistakes=[
                (
                    True,
                    "the remainder must be exactly 1, and the shape must be "
                    "two letters, two digits, 11–30 letters or digits",
                )
            ],
        )
