"""Splitting a multi-document fax or PDF into segments (page ranges of the original, never rewritten).

A boundary is proposed before a page when a cover sheet starts or ended, when the member changes (a different
member ID, or a different name and date of birth), or when the type changes on a page that does not read as the
continuation of the document before it (its own footer counts on, "continued", "page two", or its first line
goes on with a sentence).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from docintake.classifiers.doctype import PageType, combine
from docintake.classifiers.features import alnum_count
from docintake.model import Classification, Evidence, Field, Page, Segment

CLINICAL = frozenset({"clinical_note", "lab_report", "imaging_report", "discharge_summary"})
# A letter's later pages are prose that reads much like any other letter's: appeal and necessity letter are told
# apart on the first page, so a change between them on a later page needs the same proof as within a record.
CORRESPONDENCE = frozenset({"appeal", "letter_of_medical_necessity"})
_SURE_TYPE = 0.75  # a page's type must be at least this sure to start a document of another type
_SURE_CLINICAL = 0.9  # within a patient's clinical record, sections of other kinds are common: ask for more
_SURE_IDENTITY = 0.6
_SURE_COVER = 0.6
_OTHER_WORDS = 300  # letters and digits an unplaceable page needs before it may stand as a document of its own

# A document's own page counter in its footer or heading ("Page 2 of 3", "2/3", "pg 2/3", "p. 2/3").
_COUNTER = re.compile(r"\b(?:page|pg|p)\.?\s*([\dIlZzSO]{1,3})\s*(?:of|/)\s*([\dIlZzSO]{1,3})\b"
                      r"|(?:^|\s-\s|\s)(\d{1,2})\s*/\s*(\d{1,2})\s*$", re.IGNORECASE)
_OCR_DIGITS = str.maketrans("IiLlZzSsOo", "1111225500")  # what OCR makes of digits in a small footer
_CONTINUED = re.compile(r"\bcontinued\b|\bpage (?:two|three|four|2|3|4)\b|\(cont(?:'d|\.)?\)", re.IGNORECASE)
_FAX_HEADER = re.compile(r"\bFROM\s*:", re.IGNORECASE)
_MID_SENTENCE = re.compile(r"^[a-z]{2,}[a-z ,;]*\s")  # a page whose first line goes on with a sentence

FieldFinder = Callable[[Sequence[Page]], dict[str, object]]


@dataclass(frozen=True, slots=True)
class PageSignals:
    """What one page says about where documents begin: its type, counter, continuation words and identity."""

    kind: PageType
    counter: tuple[int, int] | None
    continued: bool
    policy_id: str | None
    dob: str | None
    name: str | None
    words: int


def page_counter(text: str) -> tuple[int, int] | None:
    """The document's own `k of n` counter from the page's last or first lines (not the fax header's)."""
    lines = [ln for ln in text.splitlines() if ln.strip() and not _FAX_HEADER.search(ln)]
    for line in [*lines[-3:][::-1], *lines[:2]]:
        m = _COUNTER.search(line)
        if m:
            a, b = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            k, n = int(a.translate(_OCR_DIGITS)), int(b.translate(_OCR_DIGITS))
            if 1 <= k <= n <= 60:
                return k, n
    return None


def _value(fields: dict[str, object], name: str) -> str | None:
    f = fields.get(name)
    if not isinstance(f, Field) or f.confidence < _SURE_IDENTITY:
        return None
    if isinstance(f.value, dict):
        return f"{f.value.get('first', '')} {f.value.get('last', '')}".strip().lower() or None
    return str(f.value).upper()


def signals(page: Page, kind: PageType, fields: dict[str, object]) -> PageSignals:
    head_lines = [ln.strip() for ln in page.text.splitlines()[:6] if ln.strip() and not _FAX_HEADER.search(ln)]
    head = "\n".join(head_lines)
    continued = bool(_CONTINUED.search(head) or (head_lines and _MID_SENTENCE.match(head_lines[0])))
    return PageSignals(kind=kind, counter=page_counter(page.text), continued=continued,
                       policy_id=_value(fields, "policy_id"), dob=_value(fields, "dob"),
                       name=_value(fields, "patient_name"), words=alnum_count(page.text))


def _distance(a: str, b: str) -> int:
    """Edit distance (OCR turns one member ID into a near copy of itself, never into another)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


@dataclass
class _Open:
    """The segment being grown: its first page and the identity and counter it has shown so far."""

    first: int
    kinds: list[PageType]
    policy_ids: set[str]
    dobs: set[str]
    names: set[str]
    counter: tuple[int, int] | None

    def kind(self) -> Classification:
        return combine(self.kinds)

    def other_member(self, s: PageSignals) -> bool:
        if s.policy_id and self.policy_ids and all(_distance(s.policy_id, p) > 2 for p in self.policy_ids):
            return True
        differs_dob = bool(s.dob and self.dobs and s.dob not in self.dobs)
        differs_name = bool(s.name and self.names and all(_distance(s.name, n) > 2 for n in self.names))
        return differs_dob and differs_name

    def add(self, s: PageSignals) -> None:
        self.kinds.append(s.kind)
        self.policy_ids |= {s.policy_id} if s.policy_id else set()
        self.dobs |= {s.dob} if s.dob else set()
        self.names |= {s.name} if s.name else set()
        self.counter = s.counter


def _continues(seg: _Open, s: PageSignals) -> bool:
    """The page reads as the next page of the open document."""
    if s.counter and s.counter[0] > 1:
        return seg.counter is None or (seg.counter[1] == s.counter[1] and seg.counter[0] + 1 == s.counter[0])
    return s.continued


def _starts(seg: _Open, s: PageSignals) -> bool:
    """Whether a new document starts at this page."""
    page, current = s.kind.best, seg.kind()
    if page.value == "fax_cover" and page.confidence >= _SURE_COVER and not s.kind.blank:
        return True
    if current.value == "fax_cover":
        return not s.kind.blank
    if seg.other_member(s):
        return True
    if s.kind.blank or _continues(seg, s):
        return False
    if s.counter and s.counter[0] == 1 and seg.counter is not None:
        return True  # the open document counted its pages, and this one starts counting again
    if page.value == current.value:
        return False
    related = any(page.value in group and current.value in group for group in (CLINICAL, CORRESPONDENCE))
    needed = _SURE_CLINICAL if related else _SURE_TYPE
    if page.value == "other":
        # A short page the model cannot place (a signature block, a smudged tail) belongs to what came before.
        return page.confidence >= _SURE_CLINICAL and s.words >= _OTHER_WORDS
    return page.confidence >= needed and bool(s.policy_id or s.name or s.dob)


def propose(pages: Sequence[Page], kinds: Sequence[PageType], page_fields: Sequence[dict[str, object]]) -> list[
        tuple[int, int]]:
    """Segments as (first, last) indexes into `pages` (0-based, inclusive); at least one."""
    if not pages:
        return []
    found = [signals(p, k, f) for p, k, f in zip(pages, kinds, page_fields, strict=True)]
    first = found[0]
    seg = _Open(0, [], set(), set(), set(), None)
    seg.add(first)
    ranges: list[tuple[int, int]] = []
    for i, s in enumerate(found[1:], 1):
        if _starts(seg, s):
            ranges.append((seg.first, i - 1))
            seg = _Open(i, [], set(), set(), set(), None)
        seg.add(s)
    ranges.append((seg.first, len(pages) - 1))
    return ranges


def _from_cover(field: Field) -> Field:
    ev = field.evidence
    return replace(field, evidence=Evidence(f"{ev.recognizer}+cover_sheet", ev.label, ev.validator, ev.repairs))


def segments(pages: Sequence[Page], kinds: Sequence[PageType], find_fields: FieldFinder,
             whole: dict[str, object] | None = None) -> tuple[Segment, ...]:
    """Segments with their type and fields; a cover sheet's Reference ID rides with the segments that follow it."""
    if len(pages) <= 1:
        fields = whole if whole is not None else find_fields(pages)
        return (Segment(pages[0].number if pages else 1, pages[-1].number if pages else 1, combine(kinds), fields),)
    page_fields = [find_fields([p]) for p in pages]
    ranges = propose(pages, kinds, page_fields)
    out: list[Segment] = []
    cover_reference: Field | None = None
    for a, b in ranges:
        if len(ranges) == 1 and whole is not None:
            fields = whole
        elif a == b:
            fields = page_fields[a]
        else:
            fields = find_fields(pages[a:b + 1])
        kind = combine(kinds[a:b + 1])
        reference = fields.get("reference_id")
        if kind.value == "fax_cover":
            cover_reference = reference if isinstance(reference, Field) else None
        elif cover_reference is not None and not isinstance(reference, Field):
            fields = {**fields, "reference_id": _from_cover(cover_reference)}
        out.append(Segment(pages[a].number, pages[b].number, kind, fields))
    return tuple(out)


def main_type(parts: Sequence[Segment]) -> Classification:
    """The file's type: that of its first segment that is not a fax cover (a lone cover is a cover)."""
    if not parts:
        return Classification("other", 0.0)
    return next((s.document_type for s in parts if s.document_type.value != "fax_cover"), parts[0].document_type)
