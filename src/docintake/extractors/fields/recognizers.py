"""Recognizers: candidates for every field on one page, each with its owner label and validator outcome.

Codes, identifiers and dates are found by their shape and then paired with a label by position; the member
ID and the patient's name have no shape of their own and are read from the place their label points to.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from spacy.tokens import Doc

from docintake.extractors.fields import validators as v
from docintake.extractors.fields.dates import DateRole, find_dates
from docintake.extractors.fields.labels import LABELS
from docintake.extractors.fields.nlp import VALUE_PATTERNS
from docintake.extractors.fields.pairing import LabelHit, Owner, Relation, label_hit, owner_of
from docintake.extractors.fields.repair import validated
from docintake.extractors.fields.view import PageView
from docintake.model import BBox

SUPPORT: dict[str, frozenset[str]] = {
    "reference_id": frozenset({"reference_id"}),
    "policy_id": frozenset({"policy_id"}),
    "dob": frozenset({"dob"}),
    "service_date": frozenset({"service_date"}),
    "patient_name": frozenset({"patient_name", "name_last", "name_first"}),
    "npi": frozenset({"npi"}),
    "cpt": frozenset({"cpt", "hcpcs", "code"}),
    "hcpcs": frozenset({"hcpcs", "cpt", "code"}),
    "icd10": frozenset({"icd10", "code"}),
}


_DATE_FIELDS = frozenset({"dob", "service_date"})


@dataclass(frozen=True, slots=True)
class Candidate:
    field: str
    value: object
    page: int
    start: int
    end: int
    bbox: BBox | None
    ocr_conf: float
    owner: Owner | None
    validator: str | None
    repairs: tuple[str, ...] = ()
    detail: str = ""

    @property
    def supported(self) -> bool:
        """Whether the owning label is one that vouches for this field."""
        # "ocr_label": the label was misread into another one ("DOB" as "DOS"); the repair says so.
        return self.owner is not None and (self.owner.hit.field in SUPPORT[self.field] or "ocr_label" in self.repairs)

    @property
    def claimed(self) -> bool:
        """Whether the owning label says the value is something else (a group number, a phone...).

        A label of another date ("was seen on", "Discharged:", "Onset") speaks only of dates: a code or an ID
        after it in the same line is not claimed, only unlabelled."""
        if self.owner is not None and self.owner.hit.field == "other:date" and self.field not in _DATE_FIELDS:
            return False
        return self.owner is not None and not self.supported


@dataclass(frozen=True, slots=True)
class PageAnalysis:
    view: PageView
    doc: Doc
    hits: list[LabelHit]
    masked: list[tuple[int, int, str]]

    def is_masked(self, start: int, end: int, role: str | None = None) -> bool:
        """Whether a mask (of ``role``, or of any) overlaps [start, end)."""
        return any(s < end and start < e and role in (None, r) for s, e, r in self.masked)


def analysis(view: PageView, doc: Doc) -> PageAnalysis:
    masked = [(s.start_char, s.end_char, s.label_) for s in doc.spans["masks"]]
    header = [(s, e) for s, e, role in masked if role == "fax_header"]
    hits = []
    for span in doc.spans["labels"]:
        # Label spans are token-aligned; keep the label's own characters for glued values ("DOB:01/05/1960").
        m = LABELS[int(span.label_)].pattern.search(view.text, span.start_char, span.end_char)
        start, end = (m.start(), m.end()) if m else (span.start_char, span.end_char)
        if not any(s <= start < e for s, e in header):
            hits.append(label_hit(view, int(span.label_), start, end))
    return PageAnalysis(view, doc, hits, masked)


def _candidate(page: PageAnalysis, field: str, value: object, start: int, end: int, validator: str | None,
               repairs: tuple[str, ...] = (), detail: str = "", owner: Owner | None = None) -> Candidate:
    view = page.view
    tokens = view.tokens_at(start, end)
    conf = min(view.tokens[i].conf for i in tokens)
    if owner is None:
        owner = owner_of(view, page.hits, start, end, SUPPORT.get(field))
    return Candidate(field, value, view.number, start, end, view.bbox_of(tokens, start, end), conf, owner, validator,
                     repairs, detail)


_SHAPED: dict[str, tuple[Callable[[str], str | None], int, str]] = {
    "reference_id": (lambda s: s if v.reference_id_ok(s) else None, 2, "luhn"),
    "npi": (lambda s: s if v.npi_ok(s) else None, 0, "luhn_80840"),
    "cpt": (lambda s: s if v.cpt_ok(s) else None, 0, "cpt_range"),
    "hcpcs": (lambda s: s if v.hcpcs_ok(s) else None, 1, "hcpcs_shape"),
    "icd10": (v.normalise_icd10, 1, "icd10cm_billable"),
}
_SEPARATORS = re.compile(r"[\s\-]")
# What OCR reads for a code's first letter, and the letters it may stand for; the code set and the words on the
# line choose among them.
_ICD_FIRST = {"£": "E", "€": "EF", "$": "S", "5": "S", "8": "BS", "0": "O", "1": "IJ", "2": "Z", "6": "G", "}": "J",
              "]": "J"}
_ICD_LOST_LETTER = re.compile(r"^\d{2}\.")  # "(51.16)": the first letter was lost altogether
_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# OCR splits a code at a space: a 7th character ("S83.241 A"), the digits after the dot ("H25. 11"), a last digit
# ("H35.321 1"). The joined code must be in the code set.
_TRAILING_PART = re.compile(r"(\.?) ([0-9A-Z]{1,3})(?![\w.])")
_MODIFIER = re.compile(r"(?:-[A-Z0-9]{2})+$")
_CATEGORY_III_T = re.compile(r"^0\d{3}7$")
_NPI_SPECK = re.compile(r"[,:'’]")


def shaped_candidates(page: PageAnalysis) -> list[Candidate]:
    """Reference IDs, NPIs and codes: found by shape, validated (with OCR repair), then paired with a label."""
    out: list[Candidate] = []
    for span in page.doc.spans["values"]:
        field = span.label_
        # The span is token-aligned ("27447-RT,"); the pattern's own match is the value.
        m = VALUE_PATTERNS[field].search(page.view.text, span.start_char, span.end_char)
        if m is None or page.is_masked(m.start(), m.end()):
            continue
        start, end, raw = m.start(), m.end(), m.group()
        if field in ("cpt", "hcpcs"):
            raw = _MODIFIER.sub("", raw)
        if field == "reference_id":
            raw = _SEPARATORS.sub("", raw).upper()
        shape_repairs: tuple[str, ...] = ()
        npi_first = False
        if field == "npi" and (raw[0] not in "12" or _NPI_SPECK.search(raw)):
            if not page.view.ocr:
                continue  # in a text layer "4991941505" or "105,7548145" is what it says
            raw = _NPI_SPECK.sub("", raw)
            if len(raw) != 10:
                continue
            if raw[0] in "12":
                shape_repairs = ("ocr_punct",)
            else:  # the first digit of an NPI is 1 or 2: the check digit says which was read wrong
                raw = next((d + raw[1:] for d in "12" if v.npi_ok(d + raw[1:])), "")
                npi_first, shape_repairs = True, ("ocr_digits:1",)
                if not raw:
                    continue
        normalise, keep, validator = _SHAPED[field]
        digit_first = described_only = False
        ocr_dot = field == "icd10" and ("," in raw or "°" in raw)  # OCR's reading of a code's dot
        if ocr_dot and not page.view.ocr:
            raw = re.split("[,°]", raw)[0]  # "I10,12" in a text layer: a code and a number, a comma apart
            end = start + len(raw)
        elif ocr_dot or (field == "hcpcs" and (raw[0].islower() or "o" in raw)):
            if not page.view.ocr:
                continue  # "j1234" in a text layer is what it says, not a code
            raw, shape_repairs = raw.replace(",", ".").replace("°", ".").replace("o", "0"), ("ocr_shape",)
            raw = raw[0].upper() + raw[1:]
        if field == "icd10" and not raw[0].isalpha():
            if not page.view.ocr:
                continue
            digit_first = raw[0].isdigit()
            if (found := _icd_first_letter(page, raw, start, end)) is not None:
                value, raw, end, described_only = found
                repairs = ("ocr_letter",) if end == m.end() else ("ocr_letter", "ocr_space")
            elif (value := _described_misread(raw, _line_of(page.view.text, start))) is not None:
                raw, repairs, described_only = value, ("ocr_described",), True
            else:
                continue
        elif field == "hcpcs" and raw[0] in "£€":
            if not page.view.ocr:
                continue
            value, repairs = validated("E" + raw[1:], normalise, keep)  # "£1390": E read as a pound sign
            repairs = ("ocr_letter", *repairs)
        else:
            value, repairs = validated(raw, normalise, keep)
        if field in ("cpt", "hcpcs") and start > 0 and page.view.text[start - 1] in "1Il|":
            if not page.view.ocr:
                continue  # "197140)" in a text layer is a six-digit number
            repairs = (*repairs, "ocr_paren")  # "(" read as "1"
        if value is None and field == "cpt" and page.view.ocr and _CATEGORY_III_T.match(raw):
            # T read as 7 ("02327"): no Category I code lies there, a Category III code ("0232T") may.
            value, repairs = normalise(raw[:4] + "T"), ("ocr_letter",)
        if value is None and field == "icd10" and page.view.ocr:
            tail = _TRAILING_PART.match(page.view.text, end)
            if (tail and ("." in raw) != bool(tail.group(1))
                    and (value := normalise(raw + tail.group(1) + tail.group(2))) is not None):
                end, repairs, raw = tail.end(), (*repairs, "ocr_space"), raw + tail.group(1) + tail.group(2)
        if value is None and field == "icd10" and page.view.ocr \
                and (value := _described_misread(raw, _line_of(page.view.text, start))) is not None:
            raw, repairs, described_only = value, ("ocr_described",), True
        if value is None:
            continue
        repairs = (*shape_repairs, *repairs)
        detail = "dotted" if field == "icd10" and "." in raw else ""
        c = _candidate(page, field, value, start, end, validator, repairs, detail)
        if npi_first and not c.supported:
            continue  # one ten-digit number in five passes the check with a 1 or 2 put first: only beside "NPI"
        if described_only:
            c = replace(c, detail=c.detail or "described")
        elif digit_first and not c.supported:
            # "279.4" in an OCR'd result table is a number, unless a diagnosis label says otherwise or the words
            # on its line name the condition of the repaired code ("Essential hypertension - 110").
            if not v.icd10_described(str(value), _line_of(page.view.text, start)):
                continue
            c = replace(c, detail=c.detail or "described")
        out.append(c)
    if page.view.ocr:
        out.extend(_described_codes(page, out))
    return _continue_lists(page, sorted(out, key=lambda c: c.start))


def _icd_first_letter(page: PageAnalysis, raw: str, start: int, end: int) -> tuple[str, str, int, bool] | None:
    """A code whose first letter OCR misread ("883.241A", "}96.11", "110") or lost ("(51.16)"): the one reading
    in the code set, as (code, code as printed, end, whether only its described condition vouches for it).
    A guess among several letters, a lost letter or an undotted "110" stands only where the words on its line
    name the condition of exactly one reading."""
    lost = _ICD_LOST_LETTER.match(raw) is not None
    if not lost and raw[0] not in _ICD_FIRST:
        return None
    tails = [("", end)]
    if (tail := _TRAILING_PART.match(page.view.text, end)) and ("." in raw) != bool(tail.group(1)):
        tails.append((tail.group(1) + tail.group(2), tail.end()))  # "883.241 A"
    for extra, stop in tails:
        printed = raw + extra
        options = [letter + printed for letter in _ALPHABET] if lost else \
            [letter + printed[1:] for letter in _ICD_FIRST[raw[0]]]
        valid = {code for o in options if (code := v.normalise_icd10(o)) is not None}
        described_only = lost or len(valid) > 1 or "." not in printed
        if described_only:
            line = _line_of(page.view.text, start)
            valid = {code for code in valid if v.icd10_described(code, line)}
        if len(valid) == 1:
            code = valid.pop()
            return code, code if "." in printed else code.replace(".", ""), stop, described_only
    return None


# Characters Tesseract confuses in codes, and what each may have been printed as.
_CODE_CONFUSIONS = {"0": "OD", "O": "0", "D": "0", "1": "IL", "I": "1", "L": "1", "5": "S", "S": "5", "8": "B",
                    "B": "8E", "2": "Z", "Z": "2", "4": "A", "A": "4", "6": "G0", "G": "6", "E": "F", "F": "E",
                    "7": "TZ", "T": "7", "$": "S", "£": "E", "€": "EC"}
_MAX_MISREADS = 2
_DOT_MISREAD = re.compile(r"\s?[.:;,]{1,2}\s?")


def _described_misread(raw: str, line: str) -> str | None:
    """An OCR'd code that is no ICD-10-CM code as read ("546.0114", "F11.65", "Md6.9", "£11:3293"), read back
    with one or two of Tesseract's usual confusions: the one code so reached whose official descriptor the words
    on its line name ("Strain of rotator cuff"). Without such words nothing is guessed."""
    text = _DOT_MISREAD.sub(".", raw.upper().lstrip("([{"), count=1)
    if not 3 <= len(text.replace(".", "")) <= 7 or text.count(".") > 1:
        return None
    spots = [i for i, ch in enumerate(text) if ch in _CODE_CONFUSIONS]
    found: dict[str, int] = {}  # code -> how many of its descriptor's words the line has
    for count in range(_MAX_MISREADS + 1):
        for where in itertools.combinations(spots, count):
            for chars in itertools.product(*(_CODE_CONFUSIONS[text[i]] for i in where)):
                option = list(text)
                for i, ch in zip(where, chars, strict=True):
                    option[i] = ch
                code = v.normalise_icd10("".join(option))
                if code is not None and v.icd10_described(code, line):
                    found[code] = v.icd10_words_named(code, line)
        if found:
            break  # fewer misreads are likelier than more
    best = max(found.values(), default=0)
    named = [code for code, n in found.items() if n == best]
    # Siblings share words ("... failure with hypoxia" / "with hypercapnia"): the one the line names best.
    return named[0] if len(named) == 1 else None


# What OCR makes of a dotted code: three characters, a dot it may read as a colon, comma or two dots, and the rest.
_CODE_ISH = re.compile(r"(?<![\w.])[(\[{]?[A-Za-z0-9$£€][A-Za-z0-9]{2}\s?[.:;,]{1,2}\s?[A-Za-z0-9]{1,4}(?![\w])")


def _described_codes(page: PageAnalysis, taken: list[Candidate]) -> list[Candidate]:
    """On an OCR'd page, code-like words no pattern took that are a described ICD-10-CM code misread."""
    out: list[Candidate] = []
    text = page.view.text
    for m in _CODE_ISH.finditer(text):
        if page.is_masked(m.start(), m.end()) or any(c.start < m.end() and m.start() < c.end for c in taken):
            continue
        if not any(ch.isdigit() for ch in m.group()) or (code := _described_misread(m.group(), _line_of(
                text, m.start()))) is None:
            continue
        out.append(_candidate(page, "icd10", code, m.start(), m.end(), "icd10cm_billable", ("ocr_described",),
                              "described"))
    return out


def _line_of(text: str, at: int) -> str:
    return text[text.rfind("\n", 0, at) + 1: (text.find("\n", at) + 1 or len(text) + 1) - 1]


_FAMILY = {"cpt": "procedure", "hcpcs": "procedure", "icd10": "diagnosis", "npi": "npi", "reference_id": "ref"}
_LIST_GLUE = re.compile(r"[\s,;/&+()]*(?:(?:and|or|plus)[\s,;/&+()]*)?", re.IGNORECASE)
_CONTEXT = {
    "procedure": re.compile(r"\b(?:(?-i:PA)|procedures?|surger(?:y|ies)|authori[sz]ation|approval|request(?:ed|ing)?|"
                            r"services?|codes?|billed|perform(?:ed)?|planned|scheduled|arrange|proceed(?:\s+with)?|"
                            r"recommend(?:ed)?|undergo)\b", re.IGNORECASE),
    "diagnosis": re.compile(r"\b(?:diagnos[ie]s|dx|icd|condition|history\s*of)\b", re.IGNORECASE),
}
_SENTENCE_BACK = 80
PROSE_LINE = 45  # a line this long that breaks mid-sentence is wrapped prose (a heading or a form's field is shorter)
_PROSE_WORDS = 6  # ... when it has words in lower case (a menu of boxes, a table's row has few) and no cells


def _sentence_before(text: str, at: int) -> str:
    """The words of the sentence before ``at``, up to ``_SENTENCE_BACK`` characters back on its own line, and on the
    line before when that is prose wrapped onto it (a long line of words ending without a stop). A shorter line, a
    row of cells or a menu of boxes before is a form's other field: its words say nothing of this one."""
    begin = text.rfind("\n", 0, at) + 1
    back = text[max(begin, at - _SENTENCE_BACK):at]
    if begin > 0 and at - begin < _SENTENCE_BACK and not re.search(r"[.!?]\s", back):
        prev_begin = text.rfind("\n", 0, begin - 1) + 1
        prev = text[prev_begin:begin - 1]
        if (len(prev.strip()) >= PROSE_LINE and not re.search(r"[.!?:]\W*$", prev) and "\t" not in prev + back
                and "|" not in prev and len(re.findall(r"\b[a-z]{3,}\b", prev)) >= _PROSE_WORDS):
            back = prev[-(_SENTENCE_BACK - len(back)):] + " " + back
    return re.split(r"[.!?]\s", back)[-1]


def _continue_lists(page: PageAnalysis, found: list[Candidate]) -> list[Candidate]:
    """A code that continues a labelled list ("CPT 27447, 27446 and 29881") shares the list's label; an
    unlabelled code after words of its kind in the same sentence ("authorization for 19301") is marked
    ``context`` (never enough on its own for a clerk to skip it)."""
    text = page.view.text
    last: dict[str, Candidate] = {}
    out: list[Candidate] = []
    for c in found:
        family = _FAMILY[c.field]
        prev = last.get(family)
        if (not c.supported and not c.claimed and prev is not None and prev.owner is not None
                and _LIST_GLUE.fullmatch(text[prev.end:c.start])):
            c = replace(c, owner=prev.owner) if prev.supported else c
            if prev.detail == "context" and not c.supported:
                c = replace(c, detail="context")
        if not c.supported and not c.claimed and family in _CONTEXT and c.detail != "context":
            back = _sentence_before(text, c.start)
            # "arrange lumbar laminotomy [63030], percutaneous laminotomy [0275T], ...": a code later in the same
            # sentence as one in context is in that context too.
            same_sentence = (prev is not None and prev.detail == "context" and prev.page == c.page
                             and prev.end <= c.start and prev.end >= c.start - len(back))
            if same_sentence or _CONTEXT[family].search(back):
                c = replace(c, detail="context")
        out.append(c)
        last[family] = c
    return _code_rows(text, out)


# What may stand before a row's code: a line number ("1."), or the row's date of service, as a CMS-1500's service
# lines put it ("11/10/2026  19301  LT  Partial mastectomy"), with what OCR makes of the rule after it.
_ROW_LEAD = re.compile(r"\W{0,3}(?:\d{1,2}[.)]?\s+\W{0,2}|(?:\d{1,2}[/\-.]\d{1,2}[/\-.]\d{2,4}|"
                       r"[A-Za-z]{3,9}\.?\s\d{1,2},?\s\d{4})\W{0,3}\s+\W{0,3})?")
_ROW_WORD = re.compile(r"[A-Za-z]{3,}")


def _code_rows(text: str, found: list[Candidate]) -> list[Candidate]:
    """Unlabelled procedure codes that begin the rows of a list ("97110  GP  Therapeutic exercise  24", the next
    row alike): a service table whose heading was left on the page before, or never printed. Each row's code
    leads its line and words describe it, and a row next to it (blank lines apart, as OCR leaves them) does the
    same. Marked ``row``: likely, never enough for a clerk to skip it."""
    rows: dict[int, list[int]] = {}
    for n, c in enumerate(found):
        if c.field not in ("cpt", "hcpcs") or c.claimed:
            continue
        begin = text.rfind("\n", 0, c.start) + 1
        stop = text.find("\n", c.end)
        stop = len(text) if stop < 0 else stop
        if _ROW_LEAD.fullmatch(text, begin, c.start) and len(_ROW_WORD.findall(text, c.end, stop)) >= 2:
            rows.setdefault(text.count("\n", 0, c.start), []).append(n)
    if len(rows) < 2:
        return found
    filled = [n for n, line in enumerate(text.split("\n")) if line.strip()]  # lines with something on them
    out = list(found)
    for a, b in itertools.pairwise(filled):
        if a in rows and b in rows:
            for n in (*rows[a], *rows[b]):
                if not out[n].supported and out[n].detail != "context":
                    out[n] = replace(out[n], detail="row")
    return out


def date_candidates(page: PageAnalysis, today: date) -> list[Candidate]:
    """Dates of birth and of service: any date whose owning label names its role."""
    out: list[Candidate] = []
    for field, role in (("dob", DateRole.BIRTH), ("service_date", DateRole.SERVICE)):
        previous_end = -10
        started: set[int] = set()  # labels whose first date to their right has been taken (a range's start)
        for found in find_dates(page.view.text, role, today, ocr=page.view.ocr):
            range_end = _RANGE_JOIN.fullmatch(page.view.text[previous_end:found.start]) is not None
            previous_end = found.end
            if range_end or page.is_masked(found.start, found.end):
                continue  # the end of a range ("12/01/2026 - 12/31/2026") is not another date of service
            owner = owner_of(page.view, page.hits, found.start, found.end, frozenset({field, "other:date"}))
            if owner is None or owner.hit.field not in ("dob", "service_date", "other:date"):
                continue
            if owner.hit.field != field and owner.hit.field != "other:date":
                continue
            if field == "service_date" and owner.relation is Relation.RIGHT:
                if owner.hit.start in started:
                    continue  # "Requested extension | 16-NOV-2026 | 16-DEC-2026": the second is the period's end
                started.add(owner.hit.start)
            repairs = ("ocr_digits",) if found.repaired else ()
            if field == "service_date" and not v.service_date_plausible(found.value, today):
                label = page.view.text[owner.hit.start:owner.hit.end].strip().upper()
                if not (page.view.ocr and label in _DOS_MISREAD and v.dob_plausible(found.value, today)):
                    continue
                # "DOB" read as "DOS" by OCR: a date decades back under it is a birth date; a clerk confirms.
                out.append(_candidate(page, "dob", found.value.isoformat(), found.start, found.end, "date_exists",
                                      (*repairs, "ocr_label"), "", owner))
                continue
            if field == "dob" and not v.dob_plausible(found.value, today):
                continue
            detail = "two_digit_year" if found.two_digit_year else ("boxed" if found.boxed else "")
            out.append(_candidate(page, field, found.value.isoformat(), found.start, found.end, "date_exists",
                                  repairs, detail, owner))
    return out + _yearless_service_dates(page, today)


# "Tentatively 11/26, pending auth", "would like it done 12/3 if approved": a month and day with no year, right after
# a label that names the service date, ending a clause. Not a fraction ("1/2 more"), a month and year ("since
# 1/2026") or part of a longer date.
_YEARLESS = re.compile(r"[ :]{0,3}(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])(?![\w/]|\.\d)"
                       r"(?=\s*(?:[,.;:)\]]|$|(?:pending|if|at|with|per|and|or|once|after|depending|unless)\b))",
                       re.MULTILINE)
_YEARLESS_BACK, _YEARLESS_AHEAD = timedelta(days=60), timedelta(days=305)


def _yearless_service_dates(page: PageAnalysis, today: date) -> list[Candidate]:
    """Service dates written without a year, beside a service-date label: the year is the one that puts the date
    within a year around today (a request asks for what is about to happen). Marked ``no_year``: a clerk
    confirms the year."""
    out: list[Candidate] = []
    text = page.view.text
    for hit in page.hits:
        if hit.field != "service_date" or (m := _YEARLESS.match(text, hit.end)) is None \
                or page.is_masked(m.start("m"), m.end()):
            continue
        month, day = int(m["m"]), int(m["d"])
        for year in (today.year - 1, today.year, today.year + 1):
            try:
                value = date(year, month, day)
            except ValueError:
                continue
            if today - _YEARLESS_BACK <= value <= today + _YEARLESS_AHEAD:
                out.append(_candidate(page, "service_date", value.isoformat(), m.start("m"), m.end(), "date_exists",
                                      (), "no_year", Owner(hit, Relation.RIGHT, 0.0)))
                break
    return out


_DOS_MISREAD = frozenset({"DOS", "D0S", "DO5", "D05"})
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|through|thru)\s*", re.IGNORECASE)
_ID_EDGE = ":#.,;()[]{}'\"‘’“”`-—–=°*|_ "  # what OCR leaves around an ID ("-K096271895", "'#:,")
_ID_CHUNK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-]*$")
_OCR_ID_PUNCT = re.compile(r"(?<=[A-Za-z])[.,'’](?=\d{3})")
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'\-]*(?:['\-][^\W\d_]+)*\.?$")
_NOT_NAMES = frozenset(
    "name patient pt member client date dob birth male female sex gender phone same self unknown n/a na none "
    "request prior authorization form requesting provider doctor dr md do np pa rn facility the of for and "
    "mr mrs ms miss jr sr ii iii subscriber insured id number policy group address plan medicaid medicare "
    "to whom it concern dear sir madam sincerely letter re regarding mi middle initial".split()
)


_LABEL_WORDS = frozenset({"DOB", "SEX", "AGE", "MRN", "ID", "DATE", "MEMBER"})


def _value_options(page: PageAnalysis, hit: LabelHit, wrap: bool = False) -> list[tuple[list[int], Relation]]:
    """Where the value a label points at may be, most likely first: to its right in the same or next cell, or
    just below it. A label that stands alone in its cell or column with no colon, over a value in its own
    column, heads a grid column ("Member ID" above its box, "Last Name   First Name" over "Doe   Jane"): what
    lies to its right is another column, so the value below comes first. Callers take the first that parses.
    ``wrap``: a label that ends its line may also point at the start of the next line (prose)."""
    view, tokens = page.view, page.view.tokens
    right: list[int] = []
    i = hit.tokens[-1]
    if view.starts[i] + len(tokens[i].text) > hit.end + 1:  # the value is glued to the label ("ID:W123")
        right.append(i)
    i += 1
    cells_seen: set[int] = set()
    starts = {h.tokens[0] for h in page.hits if h is not hit}
    while i < len(tokens) and tokens[i].line == hit.line and i not in starts:
        cells_seen.add(tokens[i].cell)
        # A cell that holds only specks ("Subscriber ID  *  R728771430") is no value: the next cell may be.
        if len(cells_seen) > 1 and any(_useful(tokens[j].text) for j in right):
            break
        right.append(i)
        i += 1
    options: list[tuple[list[int], Relation]] = []
    if any(_useful(tokens[j].text) for j in right):
        options.append((right, Relation.RIGHT))
    below = _below(page, hit, starts)
    if below:
        options.insert(0 if options and _heads_column(page, hit, right) else len(options), (below, Relation.BELOW))
    bare = not any(_useful(tokens[j].text) for j in right)  # nothing to its right but specks ("ID #: °")
    nxt = max([hit.tokens[-1], *right]) + 1
    if (wrap and bare and nxt < len(tokens) and tokens[nxt].line == hit.line + 1 and nxt not in starts
            and ((owner := owner_of(view, page.hits, view.starts[nxt], view.starts[nxt] + len(tokens[nxt].text)))
                 is None or owner.hit is hit or owner.hit.label.strength < _WEAK_LABEL)):
        # Prose wrapped after the label ("... Member ID #:\nLGM437635105024)"): the next line's first words, unless
        # a specific label above them owns them (a grid's "Group #"); a vague one ("RE:", "Date:") does not.
        options.append(([j for j in range(nxt, min(nxt + 4, len(tokens))) if tokens[j].line == hit.line + 1],
                        Relation.WRAP))
    return options


def _heads_column(page: PageAnalysis, hit: LabelHit, right: list[int]) -> bool:
    """Whether the value to the label's right sits in another cell while the label is a bare column heading."""
    view = page.view
    label_cell = view.tokens[hit.tokens[-1]].cell
    if right[0] == hit.tokens[-1]:
        return False
    gap = view.tokens[right[0]].x0 - view.tokens[hit.tokens[-1]].x1
    if view.tokens[right[0]].cell == label_cell and (view.geometric or gap <= _FLOW_COLUMN_GAP):
        return False
    between = view.text[hit.end: view.starts[right[0]]]
    if ":" in between or view.text[hit.start:hit.end].rstrip().endswith((":", "#")):
        return False
    # A row that alternates label, value, label ("PATIENT NAME | DOE, JANE | DOB/Age | ..."): the value is beside
    # its label, not under it; a heading row holds only headings.
    after = right[-1] + 1
    if after < len(view.tokens) and view.tokens[after].line == hit.line and any(h.tokens[0] == after
                                                                               for h in page.hits):
        return False
    # ... or that began before it ("Birth Date | 08/23/1965 | Name (Last, First) | DOE, JANE"): a word no label
    # holds stands just before this label, after another label on the line.
    before = hit.tokens[0] - 1
    return not (before >= 0 and view.tokens[before].line == hit.line
                and not any(before in h.tokens for h in page.hits)
                and any(h.line == hit.line and h.tokens[-1] < before for h in page.hits))


_WEAK_LABEL = 0.7
_FLOW_COLUMN_GAP = 1.0  # three or more spaces (half a unit each) in fixed-width text: the next column


def _below(page: PageAnalysis, hit: LabelHit, starts: set[int]) -> list[int]:
    """The value in the label's column on the first line under it; nothing if another label comes first."""
    view, tokens = page.view, page.view.tokens
    label_cell = tokens[hit.tokens[0]].cell
    # The next label to the right on the label's line: the value's words stop where that column begins.
    next_x0 = min((h.x0 for h in page.hits if h.line == hit.line and h.x0 > hit.x1), default=float("inf"))
    # Words OCR garbled in front of the label in its own cell ("Member Gy Medicaid ID #") still head the column.
    left, first = hit.x0, hit.tokens[0]
    other = {i for h in page.hits if h is not hit for i in h.tokens}
    # So do words a single space before it in fixed-width text ("State Medicaid #" over its column).
    while (first > 0 and tokens[first - 1].line == hit.line and tokens[first - 1].cell == label_cell
           and first - 1 not in other
           and (view.geometric or tokens[first].x0 - tokens[first - 1].x1 <= _FLOW_COLUMN_GAP / 2)):
        first -= 1
        left = tokens[first].x0
    below: list[int] = []
    for j, token in enumerate(tokens):
        drop = token.y0 - hit.y1 if view.geometric else token.line - hit.line - 1
        if token.line <= hit.line or drop > 2.8:
            continue
        if below and token.line != tokens[below[0]].line:
            break
        if not view.geometric and (label_cell or token.cell):
            aligned = token.cell == label_cell  # a flow table: columns are cells, characters do not line up
        else:
            # Under the label, or a little right of it, but never in the next label's column.
            aligned = left - 1.5 <= token.x0 <= hit.x1 + 12.0 and (below or token.x0 < next_x0 - 0.5)
            if (not aligned and below and view.geometric and token.line == tokens[below[-1]].line
                    and token.cell == tokens[below[-1]].cell and token.x0 < next_x0 - 0.5):
                aligned = True  # a long value in a wide font runs on past the label ("WHITLOCK, EDWINA")
        if not aligned:
            continue
        if j in starts:
            if below:
                break
            return []  # the next thing in this column is another label: its value is not ours
        if below and (token.cell != tokens[below[-1]].cell
                      or (not view.geometric and token.x0 - tokens[below[-1]].x1 > _FLOW_COLUMN_GAP)):
            break  # the next column of a grid, whether cells or runs of spaces separate them
        below.append(j)
    return below


def _useful(text: str) -> bool:
    return bool(re.search(r"[A-Za-z0-9]", text))


def _value_text(page: PageAnalysis, indices: list[int], hit: LabelHit) -> tuple[int, int, str]:
    view = page.view
    start = max(view.starts[indices[0]], hit.end if indices[0] == hit.tokens[-1] else 0)
    end = view.starts[indices[-1]] + len(view.tokens[indices[-1]].text)
    return start, end, view.text[start:end]


def policy_candidates(page: PageAnalysis, today: date) -> list[Candidate]:
    out: list[Candidate] = []
    for hit in page.hits:
        if hit.field != "policy_id":
            continue
        for option in _value_options(page, hit, wrap=True):
            indices, relation = option
            start, _, _ = _value_text(page, indices, hit)
            chunks: list[tuple[int, str]] = []
            punct = False
            for i in indices:
                s = max(page.view.starts[i], start)
                text = page.view.text[s: page.view.starts[i] + len(page.view.tokens[i].text)].strip(_ID_EDGE)
                if page.view.ocr and (fixed := _OCR_ID_PUNCT.sub("", text)) != text:
                    text, punct = fixed, True  # "JXJ.590544401607": a speck read as a dot inside the ID
                if text:
                    chunks.append((i, text))
            if chunks and (found := _policy_value(chunks, today, page.view.ocr)) is not None:
                break
        else:
            continue
        value, last, validator = found
        repairs: tuple[str, ...] = ("ocr_punct",) if punct else ()
        if validator == "id_joined":
            validator, repairs = "id_shape", (*repairs, "ocr_space")
        if page.view.ocr and validator == "id_shape" and (fixed := repair_mbi(value)) is not None:
            value, validator, repairs = fixed, "mbi_shape", ("ocr_mbi",)
        elif page.view.ocr and validator == "id_shape" and (fixed := _LETTER_O_IN_DIGITS.sub("0", value)) != value:
            value, repairs = fixed, ("ocr_digits",)  # "PJEO55290081": the letter prefix ends, the digits begin
        end = page.view.starts[last] + len(page.view.tokens[last].text)
        s0 = max(page.view.starts[chunks[0][0]], start)
        out.append(_candidate(page, "policy_id", value, s0, end, validator, repairs, "",
                              Owner(hit, relation, 0.0)))
    return out


def _policy_value(chunks: list[tuple[int, str]], today: date, ocr: bool = False) -> tuple[str, int, str] | None:
    """The member ID among the first chunks after a label: one token, or groups printed with spaces.

    ``ocr``: a space OCR put inside the ID is bridged when the joined value repairs to a valid MBI
    ("8EK6-GP4- WRi9"), or when a short run of digits continues the digits ("ZKM320067 460"); the caller marks
    the latter as a repair."""
    best: tuple[str, int, str] | None = None
    joined = ""
    for n, (index, text) in enumerate(chunks[:4]):
        if not _ID_CHUNK.match(text):
            break
        joined += text
        candidate = joined.replace("-", "").upper()
        if v.mbi_ok(candidate):
            return candidate, index, "mbi_shape"
        if ocr and n > 0 and repair_mbi(candidate) is not None:
            return candidate, index, "id_shape"
        if _id_shape(candidate, joined, today) and (n == 0 or _groups_alike(chunks[: n + 1])):
            best = (candidate, index, "id_shape")
        elif (ocr and n == 1 and best is not None and text.isdigit() and len(text) <= 4
              and chunks[0][1][-1].isdigit() and len(candidate) <= 17):
            return candidate, index, "id_joined"
    return best


_LETTER_O_IN_DIGITS = re.compile(r"(?<=[A-Z])O(?=\d{4,}$)")
_MBI_DIGIT_POSITIONS = (0, 3, 6, 9, 10)
_LETTER_TO_DIGIT = str.maketrans({"O": "0", "Q": "0", "D": "0", "I": "1", "L": "1", "S": "5", "B": "8", "Z": "2",
                                  "G": "6", "A": "4", "T": "7"})
# 0, 1, 2, 5 and 8 look like letters MBIs never use (O, I, Z, S, B) or like two they do (0: Q and D): not repaired.
_DIGIT_TO_MBI_LETTER = str.maketrans({"4": "A", "6": "G", "7": "T"})


def repair_mbi(value: str) -> str | None:
    """An ID read from an image that misses the Medicare MBI shape only by what OCR does, repaired to a valid MBI;
    None if no such repair exists or more than one does.

    What OCR does: letters read for digits in a digit position (O for 0, A for 4, T for 7), a letter MBIs never
    use read for a digit where either may stand, a digit read for the one letter it looks like in a letter
    position (4 for A, 6 for G, 7 for T), and one stray mark read as a character ("9PD1MQ4GAL12": the 12
    characters hold exactly one MBI, without the L)."""
    if v.mbi_ok(value):
        return None
    if len(value) == 11:
        fixed = _mbi_confusions(value)
        return fixed if fixed != value and v.mbi_ok(fixed) else None
    if len(value) == 12:
        # The fewest characters read otherwise besides the stray one: "9PD1MQ4GAL12" without its L needs nothing
        # more, without its last 2 also an L read for 1.
        found: dict[str, int] = {}
        for i in range(12):
            shorter = value[:i] + value[i + 1:]
            if v.mbi_ok(fixed := _mbi_confusions(shorter)):
                found[fixed] = min(found.get(fixed, 12), sum(a != b for a, b in zip(shorter, fixed, strict=True)))
        fewest = min(found.values(), default=0)
        best = [fixed for fixed, changes in found.items() if changes == fewest]
        return best[0] if len(best) == 1 else None
    return None


def _mbi_confusions(value: str) -> str:
    chars = list(value)
    for i in _MBI_DIGIT_POSITIONS:
        chars[i] = chars[i].translate(_LETTER_TO_DIGIT)
    for i in (2, 5):  # letter-or-digit positions: only letters an MBI never uses are misreads
        if chars[i] in "OISBZL":
            chars[i] = chars[i].translate(_LETTER_TO_DIGIT)
    for i in (1, 4, 7, 8):  # letter positions: a digit that looks like only one letter MBIs use
        chars[i] = chars[i].translate(_DIGIT_TO_MBI_LETTER)
    return "".join(chars)


def _id_shape(value: str, printed: str, today: date) -> bool:
    digits = sum(ch.isdigit() for ch in value)
    return (5 <= len(value) <= 20 and digits >= 3 and len(set(value)) > 2
            and not find_dates(printed, DateRole.BIRTH, today) and not re.fullmatch(r"PA\d{10}", value))


def _groups_alike(chunks: list[tuple[int, str]]) -> bool:
    """Spaced groups of one ID ("XYZ 123456789", "1EG4 TE5 MK73"), not an ID followed by other words."""
    texts = [t for _, t in chunks]
    if len(texts) == 2 and texts[0].isalpha() and texts[0].isupper() and len(texts[0]) == 3 and texts[1].isdigit():
        return True
    return all(len(t) <= 5 and any(ch.isdigit() for ch in t) for t in texts)


def name_candidates(page: PageAnalysis) -> list[Candidate]:
    out: list[Candidate] = []
    for hit in page.hits:
        if hit.field != "patient_name":
            continue
        for option in _value_options(page, hit):
            indices, relation = option
            start, end, text = _value_text(page, indices, hit)
            # A name ends where the next label begins ("Patient: Jane Doe  Patient's HI Claim No. ...").
            stop = min((h.start for h in page.hits if start < h.start < end), default=end)
            if (parsed := parse_name(text[: stop - start], page.view.ocr)) is not None:
                break
        else:
            continue
        name, used = parsed
        end = start + used
        out.append(_candidate(page, "patient_name", name, start, end, "name_shape", (), "",
                              Owner(hit, relation, 0.0)))
    return out


# A titled name, or the patient named in a note's prose: "Mrs. Jane Doe", "your patient Jane Doe", "spoke with
# the patient, Jane Doe,", "pt Jane Q. Doe", "Pt is Jane Doe", "the patient is Jane Doe".
_W = r"[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['\-][^\W\d_]+)*"  # a name word
_HONORIFIC_NAME = re.compile(
    rf"(?<!Dear )(?<!Attn: )\b(?:(?:Mr|Mrs|Ms|Miss|Mx)[.,]?|(?:my|your|our)\s+patient,?)\s+({_W})\s+"
    rf"(?:[A-Z]\.?\s+)?({_W})(?![^\W\d_])(?!\s*[A-Z][a-z])")
# Notes name the patient in prose too; the sentence must go on as prose after the name (a comma, "(DOB", "is"),
# so that a grid's "Pt Class  Outpatient" is no name.
_PROSE_PATIENT = re.compile(
    rf"\b(?:the\s+patient(?:,|\s+is)?|(?i:pt)\.?(?:,|\s+is)?|(?i:patient\s+is))\s+({_W})\s+(?:[A-Z]\.?\s+)?({_W})"
    r"(?=\s*[,(;]|\.\s|\s+(?:DOB|D\.O\.B|born|is|was|who|has|had|and|with)\b)")
# A full name that the sentence goes on to date or age, or to examine: "Precert needed for Cornelius S. Ingram (36
# y/o M)", "Pt is a 63 y/o M, Edwina Vantreese, DOB 11/24/1962", "Delphine J. Blackwood was evaluated on ...".
_CUED_NAME = re.compile(
    rf"(?<![\w.])({_W})[ ](?:[A-Z]\.[ ])?({_W})(?=[ ]?(?:[,(][ ]?)?(?:DOB\b|D\.O\.B\.|date[ ]of[ ]birth\b|born\b|"
    r"\d{1,3}[ ]?(?:y/?o\b|-year-old\b|year[ ]old\b))|[ ](?:was|is[ ]being)[ ](?:evaluated|seen|examined)\b)")
# Words of a practice's or a plan's name, never of a person's.
_PLACE_WORDS = frozenset(
    "hospital clinic center centre health medical medicine plan group care services associates partners pharmacy "
    "imaging surgery surgical institute university county community memorial regional general specialty".split())
# An EHR note's unlabelled header line: "WHITLOCK, VERITY E   MRN: 4966324   29 y.o. M" (the name in capitals,
# last name first, and on the same line the chart's identity: MRN, DOB, age and sex).
_HEADER_NAME = re.compile(r"(?m)^[ \t]*([A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'\-]+(?: [A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'\-]+)?),[ \t]?"
                          r"([A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'\-]+)(?:[ \t][A-Z]\.?)?"
                          r"(?=[ \t]+(?:MRN|DOB|D\.O\.B|Age|\d{1,3}\s?y\.?\s?o\b))")


def honorific_names(page: PageAnalysis) -> list[Candidate]:
    """"Mr. John Doe", "your patient Jane Doe" in prose, or a note's header line: likely the patient, never sure
    enough alone."""
    out: list[Candidate] = []
    text = page.view.text
    found = [(m.group(1), m.group(2), m.start(1), m.end(2))
             for pattern in (_HONORIFIC_NAME, _PROSE_PATIENT, _CUED_NAME) for m in pattern.finditer(text)]
    found += [(m.group(2), m.group(1), m.start(1), m.end(2)) for m in _HEADER_NAME.finditer(text)]
    for first, last, start, end in found:
        if {first.lower(), last.lower()} & (_NOT_NAMES | _PLACE_WORDS) or len(first) < 2 or len(last) < 2:
            continue
        if page.is_masked(start, end):
            continue
        c = _candidate(page, "patient_name", {"first": _name_case(first), "last": _name_case(last)}, start, end,
                       "name_shape", (), "honorific")
        # Only a label on the name's own line or one naming someone else claims it: a "Group" in the practice's
        # name three lines up says nothing about a name in a sentence.
        # "re: pt Jane Doe": the RE label that claims the name for a reference also names the patient.
        also_patient = c.owner is not None and any(
            h.field == "patient_name" and (h.start, h.end) == (c.owner.hit.start, c.owner.hit.end) for h in page.hits)
        if not c.claimed or also_patient or (c.owner is not None and c.owner.relation is not Relation.RIGHT
                                             and c.owner.hit.field != "other:name"):
            out.append(replace(c, owner=None))
    return out


def split_name_candidates(page: PageAnalysis) -> list[Candidate]:
    """A name printed in two boxes ("Last Name" | "First Name"), each label paired with its own value."""
    words: dict[str, list[tuple[LabelHit, int, str]]] = {"name_last": [], "name_first": []}
    for hit in page.hits:
        if hit.field not in words:
            continue
        for indices, _ in _value_options(page, hit):
            # OCR specks in an empty part of the box ("Abernathy -  .  °") are not words of the name.
            # A printout's dot leader ("Last Name .....: Doe") is no word of it either.
            kept = [i for i in indices if _useful(page.view.tokens[i].text)]
            texts = [page.view.tokens[i].text.strip(",;:") for i in kept]
            if len(texts) == 1 and _NAME_WORD.match(texts[0]) and texts[0].lower() not in _NOT_NAMES:
                words[hit.field].append((hit, kept[0], texts[0]))
                break
    out: list[Candidate] = []
    for last_hit, last_i, last in words["name_last"]:
        near = [(abs(f.line - last_hit.line), f, i, w) for f, i, w in words["name_first"]
                if abs(f.line - last_hit.line) <= 1]
        if not near or len(last) < 2:
            continue
        _, first_hit, first_i, first = min(near, key=lambda n: n[0])
        a, b = sorted((last_i, first_i))
        start, end = page.view.starts[a], page.view.starts[b] + len(page.view.tokens[b].text)
        weaker = min((last_hit, first_hit), key=lambda h: h.label.strength)
        out.append(_candidate(page, "patient_name", {"first": _name_case(first), "last": _name_case(last)}, start,
                              end, "name_shape", (), "split", Owner(weaker, Relation.BELOW, 0.0)))
    return out


def parse_name(text: str, ocr: bool = False) -> tuple[dict[str, str], int] | None:
    """{"first", "last"} from "Jane Doe", "Jane M. Doe", "DOE, JANE", "Doe, Jane M"; and how much was used.

    ``ocr``: the text was read from an image, so a speck before the name ("b Jane Doe") is skipped and the
    comma may come out as "," followed by a dot, or as ";" ("DOE,. JANE", "Doe; Jane")."""
    lead = len(text) - len(text.lstrip(":#. "))  # a colon, or a printout's dot leader ("Name .....: Doe, Jane")
    if (cut := re.search(r"[\t\n]", text[lead:])) is not None and text[lead:lead + cut.start()].strip():
        text = text[:lead + cut.start()]  # a name never runs on into the next cell or line ("AMBROSE HOLLOWAY\tPt")
    if ocr and (speck := _SPECK.match(text, lead)):
        lead = speck.end()
    text = text[lead:]
    word = r"[^\W\d_][^\W\d_'\-]+"
    sep = r"[,;][.\-’'‘]?" if ocr else ","  # OCR: "Doe,. Jane", "Doe,-Jane", "Doe,’ Jane"
    comma = re.match(rf"\s*({word}(?:\s{word})?)\s*{sep}\s*({word})(?:\s+[^\W\d_]\.?(?![^\W\d_]))?", text)
    if comma and comma.group(2).lower() not in _NOT_NAMES and comma.group(2).upper() not in _LABEL_WORDS:
        last, first = comma.group(1), comma.group(2)
        words, used = [*last.split(), first], comma.end()
    else:
        words, used = [], 0
        for m in re.finditer(r"\S+", text):
            word = m.group().rstrip(",;")
            if ocr:
                word = word.rstrip(_TRAILING_SPECKS)  # "Glenhaven’": a speck glued to the name's end
            if not _NAME_WORD.match(word) or _plain(word) in _NOT_NAMES or len(words) == 4:
                break
            words.append(word)
            used = m.start() + len(word)
            if m.group() != word:
                break  # a comma or semicolon ends the name
        while len(words) > 2 and len(words[-1].strip(".")) == 1:
            words.pop()  # a trailing middle initial ("SMITH JOHN A")
        if len(words) < 2:
            return None
        first, last = words[0], words[-1]
    if any(_plain(w) in _NOT_NAMES for w in words):
        return None
    if len(first.strip(".")) < 2 or len(last) < 2 or not (first[0].isupper() and last[0].isupper()):
        return None
    return {"first": _name_case(first), "last": _name_case(last)}, lead + used


def _plain(word: str) -> str:
    """A word as the stop list knows it: lower case, without a final dot or possessive ("Patient's")."""
    return re.sub(r"['’]s$", "", word.lower().strip("."))


_TRAILING_SPECKS = "’‘'\"”“*°|"
# Stray marks or a lowercase letter before a name (".| Jane Doe"), or quotes glued to it ("“Thornbury, Tamsin").
_SPECK = re.compile(r"(?:[^\w\s]{1,3}|[a-z])\s+(?=[A-Z])|[“”‘’\"'«»|]+(?=[A-Z])")


def _name_case(word: str) -> str:
    """Names as printed, except that ALL-CAPS names are shown in title case."""
    if len(word) > 2 and word.endswith(".") and word[-2] != ".":
        word = word.rstrip(".")  # a full stop OCR or prose left on a name ("Wendell."), not an initial
    return word.title() if word.isupper() else word


def service_line_dates(page: PageAnalysis, codes: list[Candidate], today: date) -> list[Candidate]:
    """Dates on the line of a labelled procedure code that no label claims: a service line's date (as in an
    X12 278 service line). Evidence, not proof: such a date alone never skips the clerk."""
    out: list[Candidate] = []
    text = page.view.text
    lines = {text.count("\n", 0, c.start) for c in codes
             if (c.supported or c.detail == "row") and c.field in ("cpt", "hcpcs")}
    offset = 0
    for number, line in enumerate(text.split("\n")):
        start, offset = offset, offset + len(line) + 1
        if number not in lines:
            continue
        for found in find_dates(line, DateRole.SERVICE, today):
            s, e = start + found.start, start + found.end
            if page.is_masked(s, e) or not v.service_date_plausible(found.value, today):
                continue
            owner = owner_of(page.view, page.hits, s, e, frozenset({"service_date", "other:date"}))
            if owner is not None and owner.hit.field in ("service_date", "other:date"):
                break  # the line's first date is labelled: date_candidates judged it, and the rest is its end
            # (a code column's heading over the row, "CPT / HCPCS", says nothing about its date)
            c = _candidate(page, "service_date", found.value.isoformat(), s, e, "date_exists",
                           ("ocr_digits",) if found.repaired else (), "service_line")
            out.append(replace(c, owner=None))  # its row is its evidence, not whatever label is left of it
            break  # the first date of a line is its start
    return out
