# mutant: maps A to 1 instead of 10
import re


def iban_valid(iban: str) -> bool:
    s = iban.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}", s):
        return False
    s = s[4:] + s[:4]
    return int("".join(c if c.isdigit() else str(ord(c) - 64) for c in s)) % 97 == 1
