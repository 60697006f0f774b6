"""Which label owns a value: the nearest label to its left on the same line, else the nearest above it in
the same column (a form's value under its label, a table's value under its column header), else the label
that ends the previous line (prose wrapped after the label)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from docintake.extractors.fields.labels import LABELS, Label
from docintake.extractors.fields.view import PageView


class Relation(StrEnum):
    RIGHT = "right"  # value on the label's line, to its right
    BELOW = "below"  # value just under the label
    COLUMN = "column"  # value further down a table column the label heads
    WRAP = "wrap"  # label ends a line, value starts the next


@dataclass(frozen=True, slots=True)
class LabelHit:
    label: Label
    start: int
    end: int
    tokens: range
    x0: float
    y0: float
    x1: float
    y1: float
    line: int
    cell: int

    @property
    def field(self) -> str:
        return self.label.field


@dataclass(frozen=True, slots=True)
class Owner:
    hit: LabelHit
    relation: Relation
    distance: float


# Distances in line heights (geometric pages) or lines and half-characters (flow pages).
_MAX_RIGHT = {True: 28.0, False: 70.0}
_MAX_BELOW = 2.8
_MAX_COLUMN = 40.0
_DATE_LABELS = frozenset({"dob", "service_date", "other:date"})


def label_hit(view: PageView, index: int, start: int, end: int) -> LabelHit:
    tokens = view.tokens_at(start, end)
    ts = [view.tokens[i] for i in tokens]
    return LabelHit(LABELS[index], start, end, tokens, min(t.x0 for t in ts), min(t.y0 for t in ts),
                    max(t.x1 for t in ts), max(t.y1 for t in ts), ts[0].line, ts[-1].cell)


def owner_of(view: PageView, hits: list[LabelHit], start: int, end: int,
             accept: frozenset[str] | None = None) -> Owner | None:
    """The label that owns the value at [start, end) of the page text, if any.

    A column header owns the values far down its column only if it is one of ``accept`` (when given): the
    "NPI" or "Dates of Service" header of another table says nothing about a code ten lines below it.
    """
    tokens = [view.tokens[i] for i in view.tokens_at(start, end)]
    # A value that wraps onto the next line ("Dec 28,\n2026") is owned by what owns its beginning.
    tokens = [t for t in tokens if t.line == tokens[0].line]
    vx0, vy0 = min(t.x0 for t in tokens), min(t.y0 for t in tokens)
    vx1, vy1 = max(t.x1 for t in tokens), max(t.y1 for t in tokens)
    line, cell = tokens[0].line, tokens[0].cell
    first = view.tokens_at(start, end)[0]
    height = max(vy1 - vy0, 0.5)

    best: Owner | None = None
    for hit in hits:
        if hit.end > start and hit.start < end:
            continue  # a value glued to its label ("DOB:01/05/1960") is handled by the caller
        # On a page of boxes, a small-capitals label beside a value with a descender ("DOB: Apr 24, 1940") overlaps
        # it less than the value's height would ask: the smaller of the two heights is the measure.
        same_line = hit.line == line if not view.geometric else (
            _overlap(hit.y0, hit.y1, vy0, vy1) > 0.4 * min(height, max(hit.y1 - hit.y0, 0.5)))
        if same_line and hit.end <= start + 1 and (hit.x1 <= vx0 + 0.5 or hit.tokens[-1] == first):
            gap = max(vx0 - hit.x1, 0.0)
            if gap <= _MAX_RIGHT[view.geometric] and (best is None or best.relation is not Relation.RIGHT
                                                       or gap < best.distance):
                best = Owner(hit, Relation.RIGHT, gap)
    if best is not None:
        return best

    for hit in hits:
        # A value on a later line is below its label even when a speck makes its box reach up into the label's
        # ("12/11/2026" boxed from above the baseline of "Requested Start Date").
        if (hit.y1 > vy0 + 0.25 and hit.line >= line) or hit.end > start:
            continue
        drop = max(vy0 - hit.y1, 0.0) if view.geometric else float(line - hit.line - 1)
        if not view.geometric and (hit.cell or cell):
            # A flow table (cells separated by tabs): columns are cell indices, characters do not line up.
            aligned = cell == view.tokens[hit.tokens[0]].cell
        else:
            aligned = _overlap(hit.x0 - 0.6, hit.x1 + 0.6, vx0, vx1) > 0 or abs(hit.x0 - vx0) < 1.5
        if not aligned or drop > _MAX_COLUMN:
            continue
        relation = Relation.BELOW if drop <= _MAX_BELOW else Relation.COLUMN
        if relation is Relation.COLUMN and (not hit.label.column or (accept is not None and hit.field not in accept)
                                            or _has_own_value(view, hit)):
            continue
        if accept is not None and accept <= _DATE_LABELS and _has_own_value(view, hit):
            continue  # "Target date 11/06/2026." has its date; the one on the next line belongs to something else
        if drop >= 1.0 and _has_own_value(view, hit):
            continue  # "Treating provider NPI: 1046967752", then a line of prose: a code further down is not its
        if best is None or drop < best.distance:
            best = Owner(hit, relation, drop)
    wrap = _wrapped_label(view, hits, first, line)
    if best is not None and wrap is not None and accept is not None and best.hit.field not in accept \
            and wrap.hit.field in accept:
        # Prose: the words that end the previous line ("... planned for") own the value, not a label of another
        # field that happens to stand above it ("(CPT 66984)").
        return wrap
    if best is not None and wrap is not None and accept is not None and wrap.hit.field in accept \
            and best.relation is Relation.COLUMN:
        # Words that end the line just before the value ("... continue therapy beginning") are nearer than a
        # column header lines above it.
        return wrap
    if best is not None and wrap is not None and _has_own_value(view, best.hit) and not _has_own_value(view, wrap.hit):
        # "Requested Period: 12/10/2026 - 03/09/2027   Prior Period:" wrapped before its value: the label above
        # already has its value; the one that ends the previous line, with none, owns this one.
        return wrap
    return best if best is not None else wrap


def _has_own_value(view: PageView, hit: LabelHit) -> bool:
    """Whether a value follows the label in its own cell ("Target date 2026-12-28."): then it heads no column."""
    nxt = hit.tokens[-1] + 1
    return (nxt < len(view.tokens) and view.tokens[nxt].line == hit.line and view.tokens[nxt].cell == hit.cell
            and any(ch.isdigit() for ch in view.tokens[nxt].text))


def _wrapped_label(view: PageView, hits: list[LabelHit], first: int, line: int) -> Owner | None:
    """The label that ends the line before a value that starts its line (prose wrapped after the label)."""
    if first == 0 or view.tokens[first - 1].line != line:
        for hit in hits:
            if hit.tokens[-1] == first - 1 and hit.line == line - 1:
                return Owner(hit, Relation.WRAP, 1.0)
    return None


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(a1, b1) - max(a0, b0)
