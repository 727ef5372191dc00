# mutant: adds doubled digits without subtracting 9
# likely: subtract 9 from doubled digits above 9
def luhn_valid(number: str) -> bool:
    digits = number.replace(" ", "").replace("-", "")
    if not digits.isdigit() or len(digits) < 2:
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        total += d * 2 if i % 2 == 1 else d
    return total % 10 == 0
