"""Page text -> the text the type model reads: normalised words plus layout and keyword feature tokens.

Training (from the generator's text-only pages) and classification share this one function, so a feature
means the same thing in both.
"""

from __future__ import annotations

import re

DOCUMENT_TYPES = ("fax_cover", "pa_request_form", "clinical_note", "letter_of_medical_necessity", "lab_report",
                  "imaging_report", "appeal", "discharge_summary", "other")

# Head and tail of a page: titles and labels live at the top, page counters and signatures at the bottom;
# the middle of a long page adds little and costs time.
_HEAD, _TAIL = 2400, 400
_DIGITS = re.compile(r"\d+")
_RULES = re.compile(r"[=_\-~.]{3,}")  # ruled lines and blanks to fill in: layout, not words
_SPACE = re.compile(r"\s+")
_NO_WORD = re.compile(r"(?<!\S)[^\sA-Za-z0-9]+(?!\S)")  # stray marks: fax speckle read as punctuation
_ALNUM = re.compile(r"[A-Za-z0-9]")
# Cover-sheet labels at the start of a line (a memo's To/From/Fax/Pages grid); OCR may drop the colon.
_COVER_LABEL = re.compile(r"^\s*(to|from|fax|phone|date|re|subject|attn|pages?|# ?pages|cc)\b\s*[:#]?",
                          re.IGNORECASE | re.MULTILINE)
_CONFIDENTIAL = re.compile(r"confidential|privileged", re.IGNORECASE)
_FAX_WORD = re.compile(r"fa[cx]s[il1]m[il1]le|\bf\s?a\s?x\b|transmittal", re.IGNORECASE)
_FAX_HEADER = re.compile(r"\bFROM\s*:.*\bP(?:AGE|AG|G)?\.?\s*0*\d{1,3}\s*(?:/|OF)\s*0*\d{1,3}\b", re.IGNORECASE)


def alnum_count(text: str) -> int:
    """How many letters and digits a page holds (a blank or smudged page has almost none)."""
    return len(_ALNUM.findall(text))


def layout_tokens(text: str) -> list[str]:
    """Feature tokens for what a bag of words misses: page fullness, cover-sheet labels, notices."""
    n = alnum_count(text)
    tokens = ["zzlen" + ("0" if n < 25 else "1" if n < 250 else "2" if n < 1200 else "3")]
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if lines:
        labels = len(_COVER_LABEL.findall(text))
        share = labels / len(lines)
        tokens.append("zzcoverlabels" + ("0" if labels < 3 else "1" if share < 0.25 else "2"))
    if _CONFIDENTIAL.search(text) and _FAX_WORD.search(text):
        tokens.append("zzfaxnotice")
    letters = sum(ch.isalpha() for ch in text)
    if n and letters / max(1, len(text.strip())) < 0.35:
        tokens.append("zzsymbolic")
    return tokens


def model_text(text: str) -> str:
    """The model's view of a page: lower case, digit runs as one `0`, head and tail only, feature tokens."""
    body = text if len(text) <= _HEAD + _TAIL else text[:_HEAD] + "\n" + text[-_TAIL:]
    # The fax machine's header line says nothing about the document's type; drop it.
    body = "\n".join(ln for ln in body.splitlines() if not _FAX_HEADER.search(ln))
    body = _NO_WORD.sub(" ", _DIGITS.sub("0", _RULES.sub(" ", body.lower())))
    body = _SPACE.sub(" ", body).strip()
    return " ".join(layout_tokens(text)) + " " + body
