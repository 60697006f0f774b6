"""The spaCy pipeline: a blank English pipeline whose Doc is built from the reader's own words, and our
components that mark labels, values, masked regions (fax header, phones, ZIP codes) and urgency boxes as
span groups. Regexes run over the text and are mapped back to tokens with ``char_span``.
"""

from __future__ import annotations

import re
from functools import cache

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from docintake.extractors.fields.labels import LABELS
from docintake.extractors.fields.view import PageView

VALUE_PATTERNS: dict[str, re.Pattern[str]] = {
    # Digits may arrive as OCR read them (O for 0, l for 1 ...); the recognizers repair and validate.
    "reference_id": re.compile(r"(?<![A-Za-z0-9])P\s?A[\s\-]?(?:[0-9OQIlSBZ][\s\-]?){9}[0-9OQIlSBZ](?![A-Za-z0-9])"),
    # OCR forms, kept only on OCR'd pages: a speck read inside the number ("11:20736990", "105,7548145"), and a
    # first digit misread (1 as 4: "4991941505"), which only an NPI label and the check digit may repair.
    "npi": re.compile(r"(?<![\w\-/.])(?:[12][0-9OIlSBZ]{9}|[12][0-9]{1,8}[,:'’][0-9]{1,8}|[3-9][0-9]{9})(?![\w\-/])"),
    # OCR reads a code's letter as a symbol or digit now and then ("£11.9", "$83.241A"): the dotted form
    # keeps those, and the recognizer repairs them only on OCR'd pages.
    # A stray dot OCR puts before a code (".S46.011A") is no decimal point: only a dot after a word char is.
    # OCR reads a code's dot as a comma or a degree sign now and then ("J44,1", "K50°90"); those forms are kept only
    # on OCR'd pages.
    "icd10": re.compile(r"(?<![\w\-/])(?<![\w\-/]\.)(?:[A-Z][0-9OIlZ][0-9A-Z](?:\.[0-9A-Z]{1,4}|[0-9A-Z]{1,4}|"
                        r"[,°][0-9][0-9A-Z]{0,3}(?![\w\-/]|[.,]\d))?|"
                        r"[£$€580126}\]][0-9][0-9A-Z]\.[0-9A-Z]{1,4}|[0-9]{2}\.[0-9A-Z]{1,4}|1[0-9]{2})(?![\w\-/]|\.\d)"),
    # The second form: OCR read the "(" before a code as "1" ("197140)"); the recognizer keeps it only on OCR'd
    # pages, as a repair.
    # Modifiers follow a hyphen, one or several: "27447-RT", "64483-50", "29876-XS-RT", "93458-26".
    "cpt": re.compile(r"(?<![\w\-/.$#])[0-9O]{4}[0-9FTU](?:-(?:[A-Z]{2}|[A-Z]\d|\d[A-Z0-9])){0,3}(?![\w\-/]|\.\d)|"
                      r"(?<=\s[1Il|])\d{4}[0-9FTU](?=[)\]])"),
    # OCR reads a HCPCS letter in lower case and a zero as "o" now and then ("Jo178"): kept only on OCR'd pages.
    "hcpcs": re.compile(r"(?<![\w\-/.$#])[A-CEG-HJ-MP-Va-ceg-hj-mp-v£€][0-9Oo]{4}"
                        r"(?:-(?:[A-Z]{2}|[A-Z]\d|\d[A-Z0-9])){0,3}(?![\w\-/]|\.\d)"),
}

_PAGE_COUNTER = re.compile(r"\bP(?:AGE|AG|G)?\.?\s*0*(\d{1,3})\s*(?:/|OF)\s*0*(\d{1,3})\b", re.IGNORECASE)
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]\.?M\.?)?", re.IGNORECASE)
_HEADER_DATE = re.compile(r"\b\d{1,4}[/\-.]\d{1,2}[/\-.]\d{2,4}\b|\b[A-Z][a-z]{2}\s+\d{1,2},?\s+\d{4}\b")
# Fax machines print FROM / TO / FAX in capitals or as "From:" / "To:"; a lower-case "to" is prose ("request
# authorization to continue ... beginning 12/10/2026" on a page's first line is no header).
_HEADER_WORDS = re.compile(r"\b(?:FROM|TO|FAX)\b|\b(?:From|To|Fax)\s*:|\b[Pp]\.\s?\d")
_PHONE = re.compile(
    r"(?:\+?1[\s.\-]?)?(?:\(\s?\d{3}\s?\)|(?<![\w\-/])\d{3})[\s.\-]?\d{3}[\s.\-]\d{4}(?![\w\-/])"
    r"(?:\s*(?:x|ext\.?)\s*\d{1,5})?",
    re.IGNORECASE,
)
_STATES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK "
    "OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI AS MP"
).split()
# A ZIP code follows a state abbreviation ("Austin, TX 78701") or carries its +4 ("78701-1234").
_ZIP = re.compile(rf"\b(?:{'|'.join(_STATES)}),?\s+\d{{5}}(?:-\d{{4}})?\b|\b\d{{5}}-\d{{4}}\b")
# On OCR'd pages the state after a city is read in mixed case or with a digit ("Madison, Wi 56981",
# "Springfield, 1L 11690"); only after a city's comma, and never all lower case ("knee scope, or 29881").
_OCR_STATE_ZIP = re.compile(r"(?<=[A-Za-z]{3},)\s*(?P<st>[A-Z1|][A-Za-z]|[A-Za-z1|][A-Z])\.?,?\s+\d{5}(?:-\d{4})?\b")
_HEADER_ZONE = 0.085  # fraction of the page height where a fax machine prints its header line


@Language.component("docintake_labels")
def find_labels(doc: Doc) -> Doc:
    """Mark every label; where two overlap, the longer wins (both stay when they cover the same text)."""
    text = doc.user_data["view"].text  # doc.text rebuilds the string on every access
    found: list[tuple[int, int, int]] = []
    for index, label in enumerate(LABELS):
        found.extend((m.start(), m.end(), index) for m in label.pattern.finditer(text))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    kept: list[tuple[int, int, int]] = []
    for start, end, index in found:
        if any(s < end and start < e and (s, e) != (start, end) for s, e, _ in kept):
            continue
        if any((s, e) == (start, end) and LABELS[i].field == LABELS[index].field for s, e, i in kept):
            continue
        kept.append((start, end, index))
    doc.spans["labels"] = _spans(doc, [(s, e, str(i)) for s, e, i in sorted(kept)])
    return doc


@Language.component("docintake_masks")
def find_masks(doc: Doc) -> Doc:
    """Mark what must never be read as a field value: the fax header line, phone numbers, ZIP codes."""
    view: PageView = doc.user_data["view"]
    text = view.text
    masks: list[tuple[int, int, str]] = []
    for start, end in _lines(text):
        line = text[start:end]
        first = view.tokens[view.tokens_at(start, start + 1)[0]] if line.strip() else None
        in_zone = first is not None and (
            first.bbox.y0 < _HEADER_ZONE if first.bbox is not None else first.line <= 1
        )
        counter = _PAGE_COUNTER.search(line)
        stamp = _HEADER_DATE.search(line) and (_TIME.search(line) or _HEADER_WORDS.search(line))
        if (in_zone and (counter or stamp)) or (counter and stamp and _TIME.search(line)):
            masks.append((start, end, "fax_header"))
        elif counter:
            masks.append((start + counter.start(), start + counter.end(), "page_counter"))
    masks.extend((m.start(), m.end(), "phone") for m in _PHONE.finditer(text))
    masks.extend((m.start(), m.end(), "zip") for m in _ZIP.finditer(text))
    if view.ocr:
        masks.extend((m.start(), m.end(), "zip") for m in _OCR_STATE_ZIP.finditer(text)
                     if m.group("st").upper().replace("1", "I").replace("|", "I") in _STATES)
    doc.spans["masks"] = _spans(doc, masks)
    return doc


@Language.component("docintake_values")
def find_values(doc: Doc) -> Doc:
    """Mark every string shaped like a code or identifier; validation and pairing come later."""
    text = doc.user_data["view"].text
    found = [(m.start(), m.end(), name) for name, pattern in VALUE_PATTERNS.items() for m in pattern.finditer(text)]
    doc.spans["values"] = _spans(doc, found)
    return doc


_TICKED = ["[X]", "[x]", "☒", "☑", "✔", "✓", "■", "(X)", "(x)", "X", "x", "[✓]", "[✔]", "[■]", "⊠"]
_UNTICKED = ["[ ]", "[]", "☐", "□", "( )", "○", "[_]"]


@Language.factory("docintake_urgency")
def urgency_matcher(nlp: Language, name: str) -> UrgencyMatcher:
    return UrgencyMatcher(nlp)


class UrgencyMatcher:
    """Token patterns for a ticked or unticked box right before an urgency word."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        urgent = {"LOWER": {"REGEX": r"^(?:urgent|expedited|emergent|stat)[:.,]?$"}}
        standard = {"LOWER": {"REGEX": r"^(?:non-?urgent|standard|routine|elective)[:.,]?$"}}
        non_then_urgent = [{"LOWER": {"IN": ["non", "not"]}}, {"TEXT": "-", "OP": "?"}, urgent]
        self.matcher.add("ticked_urgent", [[{"TEXT": {"IN": _TICKED}}, urgent]])
        self.matcher.add("ticked_standard", [[{"TEXT": {"IN": _TICKED}}, standard],
                                             [{"TEXT": {"IN": _TICKED}}, *non_then_urgent]])
        empty_box = [{"TEXT": {"IN": ["[", "("]}}, {"TEXT": {"IN": ["]", ")"]}}]
        self.matcher.add("unticked_urgent", [[{"TEXT": {"IN": _UNTICKED}}, urgent], [*empty_box, urgent]])
        self.matcher.add("unticked_standard", [[{"TEXT": {"IN": _UNTICKED}}, standard], [*empty_box, standard],
                                               [*empty_box, *non_then_urgent]])

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, start, end, label=doc.vocab.strings[match_id]) for match_id, start, end in self.matcher(doc)]
        doc.spans["urgency"] = spans
        return doc


def _lines(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for part in text.split("\n"):
        out.append((start, start + len(part)))
        start += len(part) + 1
    return out


def _spans(doc: Doc, found: list[tuple[int, int, str]]) -> list[Span]:
    spans = []
    for start, end, label in found:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans


@cache
def pipeline() -> Language:
    """The pipeline, built once per process."""
    nlp = spacy.blank("en")
    for name in ("docintake_labels", "docintake_masks", "docintake_values", "docintake_urgency"):
        nlp.add_pipe(name)
    return nlp


def analyse(view: PageView) -> Doc:
    """A spaCy Doc whose tokens are the page's words (plus line and cell breaks), with our span groups set."""
    nlp = pipeline()
    words: list[str] = []
    spaces: list[bool] = []
    for i, token in enumerate(view.tokens):
        if i:
            sep = view.text[view.starts[i] - 1]
            if sep == " ":
                spaces[-1] = True
            else:
                words.append(sep)
                spaces.append(False)
        words.append(token.text)
        spaces.append(False)
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    doc.user_data["view"] = view
    return nlp(doc)
