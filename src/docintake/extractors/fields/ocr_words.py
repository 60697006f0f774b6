"""Label words as OCR misreads them ("Meraber", "Bolicy #"): matched back to the label vocabulary by edit
distance, so a form read from a noisy fax keeps its labels. Only words close to a label word and far from
every other label word are corrected, and values (anything with a digit) are never touched."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

LABEL_WORDS = frozenset(
    "member members subscriber policy patient patients name birth date dates service services diagnosis diagnoses "
    "procedure procedures medicaid medicare insurance reference provider requested requesting request number "
    "group phone code codes start from signature physician facility ordering rendering servicing client "
    "beneficiary enrollee recipient identification authorization urgent expedited routine standard review "
    "assessment impression clinical admission scheduled planned collected received reported address contact "
    "practice office specialty description primary secondary units quantity period".split()
)
_EDGE = re.compile(r"^([^\w]*)(.*?)([^\w]*)$", re.DOTALL)


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, giving up (returning limit + 1) once it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _unaccented(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


def _cased(word: str, like: str) -> str:
    """``word`` in the case the misread word was printed in: CAPITALS, Title or lower."""
    return word.upper() if like.isupper() else (word.title() if like[0].isupper() else word)


@cache
def _corrected(core: str) -> str | None:
    lower = core.lower()
    if not lower.isascii() and (plain := _unaccented(lower)) in LABEL_WORDS:
        return _cased(plain, core)  # an accent OCR put on a label word ("Daté"); no name is a label word
    if len(lower) < 5 or lower in LABEL_WORDS or not lower.isalpha():
        return None
    if (merged := lower.replace("rn", "m")) != lower and merged in LABEL_WORDS:
        return _cased(merged, core)  # "m" read as "rn" ("Narne", "Nurnber"): the commonest confusion, one edit too many
    if any(lower.startswith(w) and len(lower) - len(w) <= 3 for w in LABEL_WORDS):
        return None  # a label word with a short one glued on ("MemberID", "PatientNo"), not a misread
    limit = 1 if len(lower) <= 6 else 2
    close = [(d, w) for w in LABEL_WORDS if (d := _distance(lower, w, limit)) <= limit]
    if not close:
        return None
    close.sort()
    if len(close) > 1 and close[1][0] == close[0][0] and close[1][1][:5] != close[0][1][:5]:
        return None  # as close to two different label words ("Nember": member or number?): no telling which
    return _cased(close[0][1], core)


def correct_label_word(text: str) -> str:
    """``text`` with its letters replaced by the label word OCR most likely misread, punctuation kept."""
    m = _EDGE.match(text)
    if m is None:
        return text
    head, core, tail = m.groups()
    fixed = _corrected(core)
    return f"{head}{fixed}{tail}" if fixed else text
