"""OCR repair inside fields known to be digits: the usual confusions, kept only when a validator then passes."""

from __future__ import annotations

from collections.abc import Callable

_TO_DIGIT = str.maketrans({"O": "0", "o": "0", "Q": "0", "D": "0", "I": "1", "l": "1", "|": "1", "i": "1",
                           "S": "5", "s": "5", "B": "8", "Z": "2", "z": "2"})


def repair_digits(raw: str) -> str:
    """``raw`` with letters OCR often reads for digits turned into those digits."""
    return raw.translate(_TO_DIGIT)


def validated(raw: str, normalise: Callable[[str], str | None], keep: int = 0) -> tuple[str | None, tuple[str, ...]]:
    """The normalised value, and the repairs made to reach it (none if it was valid as read).

    Only characters after the first ``keep`` (a letter prefix such as "PA") are repaired.
    Returns (None, ()) when no repair makes the value valid.
    """
    value = normalise(raw)
    if value is not None:
        return value, ()
    fixed = raw[:keep] + repair_digits(raw[keep:])
    if fixed == raw or (value := normalise(fixed)) is None:
        return None, ()
    changes = sum(1 for a, b in zip(raw, fixed, strict=True) if a != b)
    return value, (f"ocr_digits:{changes}",)
