"""Pages -> fields: run the recognizers on every page, score, and keep the best value of each field."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from docintake.extractors.fields.coverage import Section, in_secondary, sections
from docintake.extractors.fields.menus import menu_marks
from docintake.extractors.fields.nlp import analyse
from docintake.extractors.fields.recognizers import (
    PROSE_LINE,
    Candidate,
    analysis,
    date_candidates,
    honorific_names,
    name_candidates,
    policy_candidates,
    service_line_dates,
    shaped_candidates,
    split_name_candidates,
)
from docintake.extractors.fields.scoring import score
from docintake.extractors.fields.urgency import Box, asks_urgency, options, read_answer, read_boxes
from docintake.extractors.fields.view import PageView, build_view
from docintake.model import BBox, Evidence, Field, Page

SINGLE = ("reference_id", "policy_id", "dob", "patient_name", "service_date")
MULTI = ("npi", "cpt", "hcpcs", "icd10")
_CONFLICT_CAP = 0.8  # two different well-supported values for one field: a clerk decides


@dataclass(frozen=True, slots=True)
class Scored:
    candidate: Candidate
    confidence: float
    note: str | None = None  # what lowered the confidence after scoring, for the explanation


def extract_fields(pages: Sequence[Page], today: date) -> dict[str, object]:
    """Every field of ARCHITECTURE.md: a Field or None for single values, a list for codes, and urgency."""
    scored: list[Scored] = []
    urgency: list[tuple[bool, float, Candidate | None]] = []
    words: list[tuple[int, int, str]] = []  # (page, offset, word): second readings of an OCR'd name
    paper_dates: list[str] = []  # when the paperwork itself was dated: signed, requested, faxed
    ocr = any(page.ocr for page in pages)
    carried: Section | None = None  # the coverage section the pages so far ended in
    for page in pages:
        view = build_view(page)
        if not view.tokens:
            continue
        if ocr:
            words.extend((view.number, at, _word(t.text)) for at, t in zip(view.starts, view.tokens, strict=True))
        doc = analyse(view)
        pa = analysis(view, doc)
        shaped = shaped_candidates(pa)
        codes = _one_kind_each(_codes_of_both_readings(shaped, view, page))
        # Marks are read on this view; a code of the first reading is the same menu line where it lies alike.
        dropped, doubted = menu_marks(view, shaped)
        listed = {(shaped[n].field, shaped[n].bbox, shaped[n].start) for n in dropped}
        unsure = {(shaped[n].field, shaped[n].bbox, shaped[n].start) for n in doubted}
        codes = [c for c in codes if not _same_line_item(c, listed)]
        found = [*codes, *date_candidates(pa, today), *service_line_dates(pa, shaped, today),
                 *policy_candidates(pa, today), *name_candidates(pa),
                 *split_name_candidates(pa), *honorific_names(pa)]
        coverage = sections(view)
        scored.extend(_menu_cap(_coverage(c, view, coverage, carried), unsure) for c in found)
        carried = coverage[-1] if coverage else carried
        urgency.extend(_urgency(pa))
        paper_dates.extend(_paperwork_dates(view.text, found))
    scored = _corroborate(scored, words)
    scored = _history_dates(scored, max(paper_dates, default=None))
    fields: dict[str, object] = {}
    for name in SINGLE:
        fields[name] = _best_single([s for s in scored if s.candidate.field == name])
    _check_dates(fields)
    for name in MULTI:
        fields[name] = _distinct([s for s in scored if s.candidate.field == name])
    fields["urgent"] = _urgent_field(urgency, pages)
    return fields


_MENU_UNMARKED_CAP = 0.6


def _one_kind_each(codes: list[Candidate]) -> list[Candidate]:
    """A letter and four digits is a HCPCS code or an undotted ICD-10-CM code ("K0856" is also K08.56): the
    label nearer the word says which; with one label only, that one."""
    by_word: dict[tuple[int, int], dict[str, Candidate]] = {}
    for c in codes:
        if c.field in ("icd10", "hcpcs") and not (c.field == "icd10" and c.detail == "dotted"):
            by_word.setdefault((c.page, c.start), {})[c.field] = c
    drop: set[int] = set()
    for kinds in by_word.values():
        if len(kinds) < 2:
            continue
        icd, hcpcs = kinds["icd10"], kinds["hcpcs"]
        near = {k: c.owner.distance for k, c in kinds.items() if c.supported and c.owner is not None}
        if len(near) == 1:
            drop.add(id(icd if "hcpcs" in near else hcpcs))
        elif len(near) == 2:
            drop.add(id(icd if near["hcpcs"] <= near["icd10"] else hcpcs))
    return [c for c in codes if id(c) not in drop]


def _same_line_item(c: Candidate, items: set[tuple[str, BBox | None, int]]) -> bool:
    """Whether a code is one of ``items`` (field, box, offset): by offset in its own reading, else by its box."""
    return (c.field, c.bbox, c.start) in items or (
        c.bbox is not None and any((c.field, c.bbox) == (f, b) for f, b, _ in items))


def _menu_cap(s: Scored, unsure: set[tuple[str, BBox | None, int]]) -> Scored:
    """A code in a menu of boxes with no mark of its own stays for a clerk; one that only its row vouched for is
    a menu line (its box lost), not a service row."""
    if s.candidate.detail == "row" and _same_line_item(s.candidate, unsure):
        return Scored(replace(s.candidate, detail=""), score(replace(s.candidate, detail="")))
    if s.confidence > _MENU_UNMARKED_CAP and _same_line_item(s.candidate, unsure):
        return Scored(s.candidate, _MENU_UNMARKED_CAP, "menu_unmarked")
    return s


_SECONDARY_CAP = 0.55  # another plan's member ID: below the conflict threshold, so the primary's wins outright


def _coverage(c: Candidate, view: PageView, coverage: list[Section], carried: Section | None) -> Scored:
    """A candidate scored; a member ID under a secondary coverage's heading is capped for a clerk."""
    confidence = score(c)
    if c.field != "policy_id" or confidence <= _SECONDARY_CAP:
        return Scored(c, confidence)
    x0 = view.tokens[view.tokens_at(c.start, c.end)[0]].x0 if view.geometric else None
    if in_secondary(coverage, carried, c.start, x0):
        return Scored(c, _SECONDARY_CAP, "secondary_coverage")
    return Scored(c, confidence)


_CODES = frozenset({"npi", "cpt", "hcpcs", "icd10"})


def _codes_of_both_readings(shaped: list[Candidate], view: PageView, page: Page) -> list[Candidate]:
    """Codes and NPIs from OCR's first reading of each word; a word's second reading (enlarged, surer) adds a code
    only where the first gave none of that kind, as a repair for a clerk.

    Identifiers and dates take the surer reading (``page.words``); a code set or check digit passes misreads of a
    code that are codes too ("E66.9" read as "B66.9"), and the first reading, at the page's own resolution, reads
    small dotted codes better."""
    if not any(w.first for w in page.words):
        return shaped
    first_page = replace(page, words=tuple(replace(w, text=w.first, first=None) if w.first else w
                                           for w in page.words))
    first_view = build_view(first_page)
    # A code guessed from its description is guessed once, from the surer reading.
    first = [c for c in shaped_candidates(analysis(first_view, analyse(first_view)))
             if c.field in _CODES and "ocr_described" not in c.repairs]
    taken = {(c.field, t) for c in first for t in first_view.tokens_at(c.start, c.end)}
    out = [c for c in shaped if c.field not in _CODES] + first
    for c in shaped:
        tokens = view.tokens_at(c.start, c.end)
        if c.field in _CODES and not any((c.field, t) in taken for t in tokens):
            reread = any(view.tokens[t].text != first_view.tokens[t].text for t in tokens)
            out.append(replace(c, repairs=(*c.repairs, "reread")) if reread else c)
    return out


_PAPERWORK_LABEL = re.compile(r"sign|request|notif|fax|sent|today|prepared|completed|printed|letter|^date\s*:?$",
                              re.IGNORECASE)
_HISTORY_MARGIN = timedelta(days=14)
_HISTORY_CAP = 0.55  # below the conflict threshold: a requested date elsewhere wins without a conflict


def _paperwork_dates(text: str, found: list[Candidate]) -> list[str]:
    """ISO dates the document was signed, requested or sent on (their labels say so)."""
    out = []
    for c in found:
        if c.field == "service_date" and c.owner is not None and c.owner.hit.field == "other:date" \
                and _PAPERWORK_LABEL.search(text[c.owner.hit.start:c.owner.hit.end].strip()):
            out.append(str(c.value))
    return out


def _history_dates(scored: list[Scored], paper_date: str | None) -> list[Scored]:
    """A date of service weeks before the paperwork that asks for it is history ("Surgery Date" in a past
    history block), not the service requested: it stays for a clerk, and a later requested date wins."""
    if paper_date is None:
        return scored
    limit = (date.fromisoformat(paper_date) - _HISTORY_MARGIN).isoformat()
    out = []
    for s in scored:
        if s.candidate.field == "service_date" and str(s.candidate.value) < limit and s.confidence > _HISTORY_CAP:
            s = Scored(s.candidate, _HISTORY_CAP, "before_paperwork")
        out.append(s)
    return out


_CORROBORATED = ("policy_id", "dob", "patient_name")  # a repeated date may be another date; a name is the name


def _corroborate(scored: list[Scored], words: list[tuple[int, int, str]]) -> list[Scored]:
    """Rescore OCR'd values that another reading elsewhere in the document (another place, another page)
    confirms: two independent misreads rarely agree letter for letter.

    An OCR'd name read only once stays for a clerk: Tesseract misreads a letter inside a name at high word
    confidence ("Blatkwood"), and no check digit or code set can catch it. Its first and last name read again
    elsewhere in the document (the cover's RE line, a subscriber box, a signature-free second page) count as
    a second reading."""
    places: dict[tuple[str, str], set[tuple[int, int]]] = {}
    for s in scored:
        c = s.candidate
        if c.field in _CORROBORATED and s.confidence >= 0.6:
            places.setdefault((c.field, _key(c.value)), set()).add((c.page, c.start))
    out = []
    for s in scored:
        c = s.candidate
        if c.ocr_conf < 1.0:
            again = len(places.get((c.field, _key(c.value)), ())) > 1
            if c.field == "patient_name":
                again = again or _read_elsewhere(c, words)
                if not again:
                    s = Scored(c, min(s.confidence, _ONCE_READ_NAME_CAP))
            if again:
                s = Scored(c, max(s.confidence, score(c, corroborated=True)))
        out.append(s)
    return out


_ONCE_READ_NAME_CAP = 0.88


def _word(text: str) -> str:
    return text.strip(".,;:()[]'\"‘’“”").lower()


def _read_elsewhere(c: Candidate, words: list[tuple[int, int, str]]) -> bool:
    """Whether both parts of a name appear as words outside the candidate's own span."""
    assert isinstance(c.value, dict)
    parts = {str(c.value.get("first", "")).lower(), str(c.value.get("last", "")).lower()}
    seen = {w for page, at, w in words if w in parts and not (page == c.page and c.start <= at < c.end)}
    return len(parts) == 2 and seen == parts


def _field(s: Scored, confidence: float | None = None, note: str | None = None) -> Field:
    c = s.candidate
    label = c.owner.hit.field if c.owner is not None and c.supported else None
    label_text = f"{label}:{c.owner.relation.value}" if label and c.owner else None
    notes = tuple(n for n in (s.note, note) if n)
    repairs = c.repairs + notes
    return Field(c.value, confidence if confidence is not None else s.confidence, c.page, c.bbox,
                 Evidence(recognizer=c.field + (f"/{c.detail}" if c.detail else ""), label=label_text,
                          validator=c.validator, repairs=repairs))


def _best_single(options: list[Scored]) -> Field | None:
    useful = sorted((s for s in options if s.confidence >= 0.3), key=lambda s: -s.confidence)
    if not useful:
        return None
    best = useful[0]
    rivals = {_key(s.candidate.value) for s in useful if s.confidence >= 0.6} - {_key(best.candidate.value)}
    if rivals:
        return _field(best, min(best.confidence, _CONFLICT_CAP), note="conflict")
    return _field(best)


def _key(value: object) -> str:
    if isinstance(value, dict):
        return f"{value.get('first', '')}|{value.get('last', '')}".lower()
    return str(value).upper()


def _distinct(options: list[Scored]) -> list[Field]:
    best: dict[str, Scored] = {}
    for s in options:
        if s.confidence < 0.3:
            continue
        key = _key(s.candidate.value)
        if key not in best or s.confidence > best[key].confidence:
            best[key] = s
    return [_field(s) for s in sorted(best.values(), key=lambda s: (s.candidate.page, s.candidate.start))]


def _check_dates(fields: dict[str, object]) -> None:
    """A date of birth lies before the date of service; if not, neither can be trusted."""
    dob, dos = fields.get("dob"), fields.get("service_date")
    if isinstance(dob, Field) and isinstance(dos, Field) and str(dob.value) >= str(dos.value):
        fields["dob"] = replace(dob, confidence=min(dob.confidence, 0.5))
        fields["service_date"] = replace(dos, confidence=min(dos.confidence, 0.5))


_URGENT_WORDING = re.compile(
    # (Not an authorization's period or end: "current auth period", "the current approval ends" as OCR reads
    # "current" now and then.)
    r"\b(?:urgent|expedited|emergent|rush)\s*(?:\([^)]{0,20}\)[\s,]*)?(?:request|review|order|delivery|(?:prior\s*)?auth(?:orization)?|"
    r"pre-?cert(?:ification)?|appeal|case|admission|determination|approval|decision|processing|handling)s?"
    r"(?!\w|\s+(?:period|ends?|expires?|expiration|dates?|through|thru|on\s+file)\b)|\bexpedite\s+(?:this|the|review)|"
    r"\brequest(?:ed|ing)?\s+(?:an?\s+)?(?:urgent|expedited)\b|\bhandled?\s+(?:as\s+)?(?:an?\s+)?(?:urgent|expedited)\b|"
    r"\b(?:process|treat|handle|review)(?:ed)?\s+(?:this\s+|it\s+)?as\s+(?:an?\s+)?(?:urgent|expedited)\b|"
    r"^\W*(?:URGENT|EXPEDITED|TIME[\s-]SENSITIVE)(?:\W+(?:URGENT|EXPEDITED|TIME[\s-]SENSITIVE|RUSH))*\W*$|"
    # A line flagged at its start ("URGENT: ...", "URGENT - ...", "** URGENT ** ...", "URGENT / EXPEDITE"), and a plea
    # to hurry ("please expedite", "please rush").
    r"^\W*(?:URGENT|EXPEDITED)\s*(?:[:\-–—!/]|\*+)|\bplease\s+(?:expedite|rush)\b|"
    # A typed value, not a menu: "Request priority:  Urgent / expedited", "Review type: Expedited".
    r"\b(?:priority|review\s+type|request\s+type|type\s+of\s+(?:request|review))\s*:\s*(?:urgent|expedited|emergent)\b"
    r"(?![ \t]*(?:[/,|]|or)?[ \t]*(?:standard|routine|non|regular|normal|elective))",
    re.IGNORECASE | re.MULTILINE,
)
_NEGATED = re.compile(r"\b(?:non|not)(?:[\s\-]+(?:an?|the|as))?[\s\-]*(?:urgent|expedited)", re.IGNORECASE)
# A form's instruction about urgent requests in general, not a claim about this one: "For urgent cases (surgery
# within 72 hours) call ...", "If urgent, fax to ...", "In case of an expedited review ...".
_INSTRUCTION = re.compile(r"\b(?:for|if|in\s+case\s+of|all|other|any)\s+(?:an?\s+|all\s+|other\s+)?$", re.IGNORECASE)
_URGENT_OPTION = re.compile(r"(?<![\w-])(?:urgent|expedited|emergent|rush)\b", re.IGNORECASE)
_OTHER_OPTION = re.compile(r"\b(?:non-?\s?urgent|standard|routine|elective|for\s+review|please\s+(?:comment|reply|"
                           r"recycle|call)|fyi)\b", re.IGNORECASE)
# Words that speak of urgency in a way the patterns above do not parse ("time-sensitive", "would jeopardize",
# "as soon as possible"): the request may be urgent, so the answer is "unknown", not "no".
_URGENCY_VOCABULARY = re.compile(
    r"\b(?:urgent(?:ly)?|expedite[ds]?|emergen(?:t|cy)|time[\s-]sensitive|jeopardi[sz]e|a\.?s\.?a\.?p\.?|"
    r"as\s+soon\s+as\s+possible|immediate(?:ly)?|rush)\b", re.IGNORECASE)
_URGENCY_REASON = re.compile(r"\breasons?\s+for\s+(?:urgen\w*|expedit\w*)\W*(?P<reason>.*)", re.IGNORECASE)
_REASON_WORD = re.compile(r"\b(?!(?:n/?a|none|not\s+applicable)\b)[A-Za-z]{3,}\b")
_TICK = re.compile(r"(?:^|\s)(?:\[[xX✓✔■]\]|[☒☑✔✓■⊠]|\(?[xX]\)?)(?=\s)")


def _urgency(pa) -> list[tuple[bool, float, Candidate | None]]:  # noqa: ANN001 - PageAnalysis
    """Votes on urgency from one page: ticked boxes, option lines, and wording in prose."""
    from docintake.extractors.fields.recognizers import _candidate

    text = pa.view.text
    out: list[tuple[bool, float, Candidate | None]] = []

    def vote(value: bool, sure_text: float, sure_ocr: float, start: int, end: int, how: str) -> None:
        c = _candidate(pa, "urgent", None, start, end, how)
        out.append((value, sure_text if c.ocr_conf >= 1.0 else sure_ocr, c))

    ticked_lines: set[int] = set()
    for span in pa.doc.spans["urgency"]:
        if pa.is_masked(span.start_char, span.end_char) or not span.label_.startswith("ticked"):
            continue
        ticked_lines.add(text.count("\n", 0, span.start_char))
        vote(span.label_ == "ticked_urgent", 0.96, 0.88, span.start_char, span.end_char, "checkbox")
    offset = 0
    unanswered: tuple[int, int] | None = None  # a question about urgency whose answers may stand on the next line
    for number, line in enumerate(text.split("\n")):
        start, offset = offset, offset + len(line) + 1
        if pa.is_masked(start, start + len(line), "fax_header"):
            continue  # (a phone number or ZIP code on a line says nothing about its words)
        asked = asks_urgency(line)
        answer = read_answer(line, asked if asked is not None else 0, pa.view.ocr) \
            if asked is not None or unanswered is not None else None
        if answer is not None:
            # A question ("Is this request urgent?  [ ] Yes  [X] No"): its answer speaks, never its words.
            vote(answer.value, 0.96 if answer.sure else 0.75, 0.88 if answer.sure else 0.75,
                 start + answer.start, start + answer.end, "question" if answer.sure else "question_inferred")
            unanswered = None
            continue
        if unanswered is not None:
            vote(False, 0.6, 0.6, *unanswered, "question_unanswered")  # asked, but no answer could be read
            unanswered = None
        if asked is not None:
            unanswered = (start, start + asked)
            continue
        if number in ticked_lines:
            continue
        reading = read_boxes(line, pa.view.ocr)
        if reading is not None:
            # A tick read on a box decides; a box inferred from the one the reader lost is for a clerk. An OCR'd
            # tick stays under 0.9 like the exact ones above: a speck in an empty box reads as an X now and then.
            vote(reading.value, 0.96 if reading.sure else 0.75, 0.88 if reading.sure else 0.75,
                 start + reading.start, start + reading.end, "checkbox" if reading.sure else "checkbox_inferred")
            continue
        boxed = options(line, pa.view.ocr)
        if any(o.box is not Box.MISSING for o in boxed):
            # Boxes that say nothing sure: an option line, not wording ("[ ] Expedited review (72 hours)").
            if any(o.urgent and o.box is Box.EMPTY for o in boxed):
                ticked_elsewhere = _TICK.search(line) is not None  # "[ ] Urgent [X] For Review"
                vote(False, 0.85 if ticked_elsewhere else 0.6, 0.75 if ticked_elsewhere else 0.6,
                     start, start + len(line), "options")
            continue
        if (reason := _URGENCY_REASON.search(line)) and len(_REASON_WORD.findall(reason.group("reason"))) >= 3:
            # "Clinical Reason for Urgency: Delay would seriously jeopardize ...": someone wrote why it is urgent.
            # Evidence, not proof (the box that says so may be lost to OCR): a clerk confirms.
            vote(True, 0.8, 0.8, start + reason.start(), start + reason.end(), "reason")
            continue
        wording = False
        for m in _URGENT_WORDING.finditer(line):
            # The words before it, the previous line's end included ("... it is not\nurgent review").
            before = text[max(0, start + m.start() - 12): start + m.end()].replace("\n", " ")
            if not _NEGATED.search(before) and not _INSTRUCTION.search(text, max(0, start + m.start() - 20),
                                                                       start + m.start()):
                vote(True, 0.9, 0.86, start + m.start(), start + m.end(), "wording")
                wording = True
        if wording:
            continue
        if (wrapped := _wrapped_wording(text, start + len(line))) is not None:
            # Prose wrapped inside the wording ("asked the rep to process as\nURGENT - ..."): the same words.
            vote(True, 0.9, 0.86, *wrapped, "wording")
            continue
        option = _URGENT_OPTION.search(line)
        if option and _OTHER_OPTION.search(line) and not _NEGATED.search(line[max(0, option.start() - 6):]):
            # A list of options with no tick we could tie to urgency: another option is ticked, or OCR lost it.
            ticked_elsewhere = _TICK.search(line) is not None
            vote(False, 0.85 if ticked_elsewhere else 0.6, 0.75 if ticked_elsewhere else 0.6,
                 start + option.start(), start + option.end(), "options")
            continue
        if (m := _URGENCY_VOCABULARY.search(line)) and not _NEGATED.search(line):
            vote(False, 0.6, 0.6, start + m.start(), start + m.end(), "unparsed_wording")
    if unanswered is not None:
        vote(False, 0.6, 0.6, *unanswered, "question_unanswered")
    return out


_WRAP_REACH = 40  # characters on each side of a line break that one piece of wording may span


def _wrapped_wording(text: str, newline: int) -> tuple[int, int] | None:
    """Urgent wording that runs across the line break at ``newline`` (a wrapped sentence), as a text span."""
    if newline >= len(text) or text[newline] != "\n" or text[newline + 1: newline + 2] in ("\n", ""):
        return None  # the end of the text, or of a paragraph: a sentence does not run on
    line_start = text.rfind("\n", 0, newline) + 1
    stop = text.find("\n", newline + 1)
    stop = len(text) if stop < 0 else stop
    if newline - line_start < PROSE_LINE or asks_urgency(text[newline + 1:stop]) is not None:
        return None  # a heading ("Therapy Authorization Request") over a question is no wrapped sentence
    begin = max(line_start, newline - _WRAP_REACH)
    stop = min(stop, newline + 1 + _WRAP_REACH)
    window = text[begin:newline] + " " + text[newline + 1:stop]
    cut = newline - begin
    for m in _URGENT_WORDING.finditer(window):
        if (m.start() < cut < m.end() and not _NEGATED.search(window, max(0, m.start() - 12), m.end())
                and not _INSTRUCTION.search(window, max(0, m.start() - 20), m.start())):
            return begin + m.start(), begin + m.end()
    return None


def _urgent_field(found: list[tuple[bool, float, Candidate | None]], pages: Sequence[Page]) -> Field:
    votes = {True: max((f for f in found if f[0]), key=lambda f: f[1], default=None),
             False: max((f for f in found if not f[0]), key=lambda f: f[1], default=None)}
    yes, no = votes[True], votes[False]
    if yes and no:
        winner, conf = (yes, 0.6) if yes[1] >= no[1] else (no, 0.6)
    elif yes or no:
        winner = yes or no
        assert winner is not None
        conf = winner[1]
    else:
        # Nothing on any page asks for speed: a standard request. OCR can lose a tick mark, so be less sure.
        conf = 0.9 if not any(p.ocr for p in pages) else 0.85
        return Field(False, conf, 1, None, Evidence(recognizer="urgent/default"))
    value, _, c = winner
    assert c is not None
    return Field(value, round(conf, 4), c.page, c.bbox, Evidence(recognizer=f"urgent/{c.validator}"))
