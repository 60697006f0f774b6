"""Reference IDs: `PA` + nine digits + the Luhn check digit of those nine (ARCHITECTURE.md)."""

from __future__ import annotations

from docintake.extractors.fields.validators import reference_id_ok


def check_digit(body: str) -> str:
    """The Luhn digit that makes ``body + digit`` pass the mod-10 check."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:  # doubled positions counted from the right once the check digit is appended
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def make_reference_id(number: int) -> str:
    """The Reference ID whose nine-digit body is ``number``."""
    if not 0 <= number <= 999_999_999:
        raise ValueError("a Reference ID body has nine digits")
    body = f"{number:09d}"
    return f"PA{body}{check_digit(body)}"


def is_valid_reference_id(value: str) -> bool:
    """Shape and check digit (existence is the case store's question)."""
    return reference_id_ok(value)
