"""Text-only mode: many labelled page texts across seeds, without rendering files (classifier training data).

Each page is the family's fixed-width text (as `flow.to_text` writes it) with what real pages add at random: the
fax header line, the document's own footer counter, and OCR-like damage, so that one layout yields many texts.
"""

from __future__ import annotations

import dataclasses
import textwrap
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from random import Random

from samples.generator import family_clinical, variety
from samples.generator.data import Case, make_case
from samples.generator.document import KV, Banner, Checks, Doc, Gap, PageBreak, Rule, Table, Text, Title
from samples.generator.families import DOCUMENT_TYPES, FAMILIES, split_of
from samples.generator.flow import to_text

# OCR confusions as Tesseract makes them on fax pages (letter shapes, not random noise).
_CONFUSIONS = {"0": "O", "O": "0", "1": "l", "l": "1", "I": "l", "5": "S", "S": "5", "8": "B", "B": "8",
               "rn": "m", "m": "rn", "e": "c", "c": "e", "a": "o", "i": "l", "t": "f", ".": ",", ":": ";"}


@dataclass(frozen=True, slots=True)
class LabelledPage:
    """One page's text with its document type and where it came from."""

    text: str
    document_type: str
    family: str
    page: int
    pages: int
    seed: int


def ocr_damage(text: str, rng: Random, rate: float) -> str:
    """Character confusions, dropped characters and merged words at roughly `rate` per character."""
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        r = rng.random()
        if r < rate:
            two = text[i:i + 2]
            if two in _CONFUSIONS:
                out.append(_CONFUSIONS[two])
                i += 2
                continue
            out.append(_CONFUSIONS.get(ch, ch))
        elif r < rate * 1.4 and ch != "\n":
            pass  # a character lost to speckle or a broken stroke
        elif r < rate * 1.6 and ch == " ":
            pass  # two words run together
        elif r < rate * 2.2 and ch == " ":
            out.append(rng.choice((" . ", " ' ", " , ", " ‘ ", " | ", " - ")))  # speckle read as a mark
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def _damage_layout(lines: list[str], rng: Random) -> list[str]:
    """What page readers do to layout: split label/value pairs, drop blank lines, move a line."""
    out: list[str] = []
    for line in lines:
        if ":" in line and rng.random() < 0.3:
            label, _, value = line.partition(":")
            out += [label.strip(), value.strip()]
        elif line.strip() or rng.random() < 0.3:
            out.append(line)
    if len(out) > 4 and rng.random() < 0.3:
        j = rng.randrange(len(out))
        out.insert(rng.randrange(len(out)), out.pop(j))
    return out


def as_read(doc: Doc, rng: Random) -> str:
    """The document as a page reader returns a laid-out page: no rules, label/value pairs side by side or as a
    grid (labels on one line, values on the next), table cells joined by spaces; pages split by form feeds."""
    kv_style = rng.choice(("lines", "pairs", "grid"))
    width = rng.randint(60, 110)
    ticked = rng.choice(("X", "[X]", "☒"))
    lines: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Title):
            lines.append(block.text)
        elif isinstance(block, Banner):
            lines += [block.text, block.sub]
        elif isinstance(block, Text):
            for para in block.text.split("\n"):
                lines += textwrap.wrap(para, width) or []
        elif isinstance(block, KV):
            if block.heading:
                lines.append(block.heading)
            rows = list(block.rows)
            step = max(1, block.cols)
            for i in range(0, len(rows), step):
                group = rows[i:i + step]
                if kv_style == "lines":
                    lines += [f"{label}: {value}" for label, value in group]
                elif kv_style == "pairs":
                    lines.append(" ".join(f"{label}: {value}" for label, value in group))
                else:
                    lines += [" ".join(label for label, _ in group), " ".join(value for _, value in group)]
        elif isinstance(block, Table):
            if block.heading:
                lines.append(block.heading)
            lines += [" ".join(c for c in row if c) for row in (block.header, *block.rows)]
        elif isinstance(block, Checks):
            boxes = " ".join(f"{ticked} {label}" if c else label for label, c, _ in block.items)
            lines.append(f"{block.label} {boxes}".strip())
        elif isinstance(block, PageBreak):
            lines.append("\f")
        elif isinstance(block, Rule | Gap):
            continue
    return "\n".join(lines).replace("\n\f\n", "\f").replace("\n\f", "\f")


def _as_received(pages: list[str], case: Case, rng: Random, footer: str, ocr_share: float) -> list[str]:
    """Pages as they arrive: a fax header line and the document's own footer at random, OCR damage on some."""
    fax_total = len(pages) + rng.randint(0, 4)
    fax_first = rng.randint(1, fax_total - len(pages) + 1)
    with_header = rng.random() < 0.4
    header_style = rng.randrange(3)
    damaged = rng.random() < ocr_share
    rate = rng.uniform(0.005, 0.04)
    out = []
    for n, body in enumerate(pages, 1):
        lines = body.replace("{fax_pages}", str(fax_total)).split("\n")
        if with_header:
            lines.insert(0, case.fax.line(fax_first + n - 1, fax_total, header_style))
        if footer and rng.random() < 0.9:
            lines.append(footer.format(page=n, pages=len(pages)))
        if damaged:
            lines = _damage_layout(lines, rng)
        text = "\n".join(lines)
        if damaged:
            text = ocr_damage(text, rng, rate)
        out.append(text)
    return out


def labelled_pages(seeds: Iterable[int], split: str = "tune", families: Iterable[str] | None = None,
                   ocr_share: float = 0.35) -> Iterator[LabelledPage]:
    """Every page of one document per family and seed; only families of `split` (never mix the splits)."""
    names = sorted(families) if families is not None else sorted(f for f in FAMILIES if split_of(f) == split)
    for seed in seeds:
        for family in names:
            if split_of(family) != split:
                raise ValueError("a family of the other split was asked for")
            rng = Random(f"text:{seed}:{family}")
            case = make_case(rng)
            if rng.random() < 0.3:
                case = dataclasses.replace(case, urgent=not case.urgent)
            if family == "lmn_letter":
                doc = family_clinical.lmn_letter(case, rng, follow_up=rng.random() < 0.4)
            else:
                doc = FAMILIES[family](case, rng)
            pages = (to_text(doc) if rng.random() < 0.3 else as_read(doc, rng)).split("\f")
            for n, text in enumerate(_as_received(pages, case, rng, doc.footer, ocr_share), 1):
                yield LabelledPage(text, DOCUMENT_TYPES[family], family, n, len(pages), seed)


# Footers the variety pages may carry (their own page counters, in the shapes documents print them).
_FOOTERS = ("", "", "Page {page} of {pages}", "{page}/{pages}", "Page {page}", "pg {page}/{pages}",
            "- {page} -", "CONFIDENTIAL  Page {page} of {pages}", "Printed by EHR  {page} of {pages}")


def variety_pages(seeds: Iterable[int], ocr_share: float = 0.35) -> Iterator[LabelledPage]:
    """Text-only training pages of our own wording (`samples.generator.variety`): many templates per type, written
    from domain knowledge rather than from any rendered family, so the model learns the types, not the layouts."""
    for seed in seeds:
        for template, (document_type, build, per_seed) in variety.TEMPLATES.items():
            rng = Random(f"variety:{seed}:{template}")
            draws = int(per_seed) + (rng.random() < per_seed % 1)
            for draw in range(draws):
                case = make_case(rng)
                pages = build(case, rng)
                footer = rng.choice(_FOOTERS) if len(pages) > 1 or rng.random() < 0.3 else ""
                for n, text in enumerate(_as_received(pages, case, rng, footer, ocr_share), 1):
                    yield LabelledPage(text, document_type, f"variety:{template}", n, len(pages), seed * 10 + draw)
