"""Urgency from check boxes as a reader returns them: the box before each option word, read as ticked, empty
or missing. OCR reads a ticked box as "[X]", "[XJ", "EX]", "KX]", "X}" or "(X)", an empty one as "[]", "[J",
"CJ", "C1" or "O", and often drops a ticked box altogether; the vocabulary and the glyph shapes are data.

Forms also ask it as a question ("Is this request urgent?  [ ] Yes  [X] No"): the urgent word is in the
question whatever the answer, so only the ticked answer speaks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

URGENT_OPTIONS = r"urgent|expedited|emergent|rush|stat|asap"
STANDARD_OPTIONS = r"non[\s\-:]*urgent|non[\s\-:]*expedited|standard|routine|elective|regular|normal"
_OPTION = re.compile(rf"(?<![\w-])(?:(?P<standard>{STANDARD_OPTIONS})|(?P<urgent>{URGENT_OPTIONS}))(?![\w-])",
                     re.IGNORECASE)
_SAME_OPTION = re.compile(r"^\s*(?:/|or|and)\s*$", re.IGNORECASE)  # "Urgent / expedited" is one option
_LEAD = "‘’'\"“”.,·*«-—"
# A tick: an X (or a check symbol) with only box edges around it, as OCR reads a bold X in a drawn box.
_TICKED = re.compile(r"^[\[\(\{|IlEK1!—\-_]{0,2}(?:[Xx]{1,2}|[☒☑✔✓■⊠✗✘])[\]\)\}JjIl|1!]{0,2}[.,:;]?$")
# OCR reads a bold X in a box as an ampersand now and then; in text "&" is a conjunction.
_TICKED_OCR = re.compile(r"^[\[\(\{|]?&[\]\)\}J|]?$")
_EMPTY_SYMBOLS = frozenset("☐□○◯❏❑")
_GLYPH_MAX = 4  # an empty box read by OCR is at most this many characters ("[[]", "C1]", "{J")


# An empty box as OCR reads it standing alone: the shapes of `box_before`'s empty boxes, which a menu line has.
_EMPTY_OCR = frozenset({"[J", "CJ", "C1", "C]", "LJ", "[1", "O", "0", "o", "U"})


def tick_glyph(text: str, ocr: bool) -> bool | None:
    """Whether a token standing alone is a ticked mark (True), an empty one (False) or no mark (None)."""
    if _TICKED.match(text) or (ocr and _TICKED_OCR.match(text)):
        return True
    if text in _EMPTY_SYMBOLS or (text and set(text) <= set("[]()_") and len(text) <= _GLYPH_MAX):
        return False
    if ocr and text in _EMPTY_OCR:
        return False
    return None


class Box(StrEnum):
    TICKED = "ticked"
    EMPTY = "empty"  # a box glyph with no tick in it
    MISSING = "missing"  # no glyph at all: the reader lost the box (a ticked one more often than not)


@dataclass(frozen=True, slots=True)
class Option:
    urgent: bool
    box: Box
    start: int
    end: int


def box_before(line: str, start: int, end: int, previous_end: int, ocr: bool) -> Box:
    """How the box in front of the option word at [start, end) reads."""
    before = line[previous_end:start]
    glued = re.search(r"(\S*)$", before).group(1)  # "[]Non-Urgent", "X}.Urgent"
    chunk = glued if glued else (m.group(1) if (m := re.search(r"(\S+)[ \t]*$", before)) else "")
    chunk = chunk.strip(_LEAD) if len(chunk) > 1 else chunk
    if glued == "(" and line[end:end + 1] == ")":
        return Box.MISSING  # "EXPEDITED (urgent) review": a parenthesis, not a box
    if not chunk:
        return Box.MISSING
    if _TICKED.match(chunk) or (ocr and _TICKED_OCR.match(chunk)):
        return Box.TICKED
    if chunk in _EMPTY_SYMBOLS or set(chunk) <= set("[]()_ "):
        return Box.EMPTY
    if "\t" in before[before.rfind(chunk) + len(chunk):] or chunk.endswith(":") or len(chunk) > _GLYPH_MAX:
        return Box.MISSING  # a label ("Priority:") or the end of the previous cell stands before it
    if chunk.isalpha() and chunk.islower():
        return Box.MISSING  # a word ("or", "and"), not a glyph
    return Box.EMPTY if ocr else Box.MISSING


def options(line: str, ocr: bool) -> list[Option]:
    """The urgency options on one line, "Urgent / expedited" merged into one, each with its box."""
    out: list[Option] = []
    for m in _OPTION.finditer(line):
        urgent = m.group("urgent") is not None
        if out and out[-1].urgent == urgent and _SAME_OPTION.match(line[out[-1].end:m.start()]):
            out[-1] = Option(urgent, out[-1].box, out[-1].start, m.end())
            continue
        box = box_before(line, m.start(), m.end(), out[-1].end if out else 0, ocr)
        out.append(Option(urgent, box, m.start(), m.end()))
    return out


@dataclass(frozen=True, slots=True)
class Reading:
    value: bool
    sure: bool  # a tick was read, not inferred
    start: int
    end: int


def read_boxes(line: str, ocr: bool) -> Reading | None:
    """What the boxes of one line say about urgency, or None if they say nothing.

    A tick on one kind of option decides. With no tick read, a group of urgent and standard options whose
    boxes are all read but one points at that one: the box the reader lost is the ticked one."""
    found = options(line, ocr)
    if not found or all(o.box is Box.MISSING for o in found):
        return None  # prose, or a line with no boxes at all
    ticked = [o for o in found if o.box is Box.TICKED]
    if ticked:
        kinds = {o.urgent for o in ticked}
        if len(kinds) > 1:
            return None
        o = ticked[0]
        return Reading(o.urgent, True, o.start, o.end)
    kinds = {o.urgent for o in found}
    missing = [o for o in found if o.box is Box.MISSING]
    if len(kinds) == 2 and len(missing) == 1:
        o = missing[0]
        return Reading(o.urgent, False, o.start, o.end)
    return None


_URGENT_WORD = re.compile(rf"(?<![\w-])(?:{URGENT_OPTIONS})(?![\w-])", re.IGNORECASE)
_ANSWER = re.compile(r"(?<![\w-])(?:(?P<yes>yes)|(?P<no>no))(?![\w-])", re.IGNORECASE)
_QUESTION_REACH = 90  # characters from the urgent word to the question mark that closes its question
# "Urgent:", "Expedited review (Y/N):" and then a box ("[", "(", "☐") before the first answer.
_LABEL_COLON = re.compile(r"(?:\s*(?:request|review|care|case))?\s*(?:\(\s*y\s*/\s*n\s*\))?\s*:(?=\s*[\[(☐☒☑□■])",
                          re.IGNORECASE)


def asks_urgency(line: str) -> int | None:
    """Where the question about urgency on this line ends (just after its "?"), or None if none is asked.

    A question names urgency and closes with a question mark soon after: "Is this request urgent?",
    "Expedited review requested?", "Does this request meet the criteria for an expedited review?". A label
    with a colon asks it too when both answers follow it: "Urgent: [ ] Yes  [X] No"."""
    for m in _URGENT_WORD.finditer(line):
        mark = line.find("?", m.end())
        if mark != -1 and mark - m.end() <= _QUESTION_REACH:
            return mark + 1
        colon = _LABEL_COLON.match(line, m.end())
        if colon and {a.lastgroup for a in _ANSWER.finditer(line, colon.end())} == {"yes", "no"}:
            return colon.end()
    return None


def read_answer(line: str, start: int, ocr: bool) -> Reading | None:
    """The Yes / No answer from ``start`` on (after the question, or a line of answers under it).

    A tick on one answer decides; with boxes read for all answers but one, the lost one is the ticked one (a
    clerk confirms); a bare "Yes" or "No" typed after the question is the answer itself."""
    answers: list[Option] = []
    previous = start
    for m in _ANSWER.finditer(line, start):
        box = box_before(line, m.start(), m.end(), previous, ocr)
        answers.append(Option(m.group("yes") is not None, box, m.start(), m.end()))
        previous = m.end()
    if not answers:
        return None
    ticked = {o.urgent for o in answers if o.box is Box.TICKED}
    if len(ticked) == 1:
        o = next(o for o in answers if o.box is Box.TICKED)
        return Reading(o.urgent, True, o.start, o.end)
    if ticked:
        return None  # both ticked: a clerk decides
    missing = [o for o in answers if o.box is Box.MISSING]
    # (A definition in parentheses may stand between the question and its typed answer.)
    between = re.sub(r"\([^()]*\)", "", line[start:answers[0].start]) if answers else ""
    if (len(answers) == 1 and missing and between.strip(" \t:-") == ""
            and not re.search(r"[^\W\d_]", line[answers[0].end:].split("\t", 1)[0])):
        o = answers[0]  # "Expedited review requested?  No": typed, not ticked; "No prior treatment..." is prose
        return Reading(o.urgent, not ocr, o.start, o.end)
    if len({o.urgent for o in answers}) == 2 and len(missing) == 1:
        o = missing[0]
        return Reading(o.urgent, False, o.start, o.end)
    return None
