"""What a PDF page shows outside its content stream: AcroForm field values and annotations, with their rectangles.

Filled-in forms keep the values a provider typed (member ID, DOB, a ticked Urgent box) only in widgets; notes,
stamps and Fill & Sign text live in annotations. Neither is in the text layer, so both are read here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSLiteral
from pdfminer.utils import decode_text

from docintake.model import BBox

CHECKED, UNCHECKED = "[X]", "[ ]"

_MAX_PARENT_DEPTH = 32  # a /Parent chain longer than this is a loop or an attack
_FLAG_HIDDEN, _FLAG_NOVIEW = 1 << 1, 1 << 5  # annotation flags (/F)
_FF_MULTILINE, _FF_PASSWORD = 1 << 12, 1 << 13  # text field flags (/Ff)
_FF_RADIO, _FF_PUSHBUTTON = 1 << 15, 1 << 16  # button field flags (/Ff)
_CHECK_NAME = re.compile(r"check|tick", re.IGNORECASE)
_CHECK_GLYPHS = {"✓", "✔", "☑", "☒", "✗", "✘", "x", "X"}
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# Names of the standard stamps (PDF 32000 §12.5.6.12): their appearance shows the name as words.
_STANDARD_STAMPS = {
    "Approved", "Experimental", "NotApproved", "AsIs", "Expired", "NotForPublicRelease", "Confidential",
    "Final", "Sold", "Departmental", "ForComment", "TopSecret", "Draft", "ForPublicRelease",
}
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True, slots=True)
class FormValue:
    """A value shown in a rectangle (user space, PDF points): one entry per line of the value."""

    lines: tuple[str, ...]
    rect: tuple[float, float, float, float]


def _name(value: object) -> str | None:
    value = resolve1(value)
    if isinstance(value, PSLiteral):
        name = value.name
        return name.decode("latin-1") if isinstance(name, bytes) else str(name)
    return None


def _text(value: object) -> str | None:
    value = resolve1(value)
    if isinstance(value, bytes):
        return decode_text(value)
    if isinstance(value, str):
        return value
    return None


def _int(value: object) -> int:
    value = resolve1(value)
    return value if isinstance(value, int) else 0


def _rect(annot: dict) -> tuple[float, float, float, float] | None:
    raw = resolve1(annot.get("Rect"))
    if not isinstance(raw, list | tuple) or len(raw) != 4:
        return None
    try:
        x0, y0, x1, y1 = (float(resolve1(v)) for v in raw)
    except (TypeError, ValueError):
        return None
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _inherited(widget: dict, key: str) -> object:
    """A field attribute from the widget or the nearest field up its /Parent chain."""
    node: object = widget
    for _ in range(_MAX_PARENT_DEPTH):
        if not isinstance(node, dict):
            return None
        if key in node:
            return resolve1(node[key])
        node = resolve1(node.get("Parent"))
    return None


def _checked(widget: dict) -> bool:
    state = _name(widget.get("AS"))
    if state is not None:
        return state != "Off"
    value = _name(_inherited(widget, "V"))
    return value is not None and value != "Off"


def _choice(widget: dict) -> list[str]:
    value = _inherited(widget, "V")
    chosen = [t for v in (value if isinstance(value, list) else [value]) if (t := _text(v))]
    # /Opt pairs are [export value, text shown]: show what the person picked, not the export code.
    shown: dict[str, str] = {}
    for opt in resolve1(_inherited(widget, "Opt")) or []:
        opt = resolve1(opt)
        if isinstance(opt, list) and len(opt) == 2 and (export := _text(opt[0])) and (label := _text(opt[1])):
            shown[export] = label
    return [shown.get(c, c) for c in chosen]


def _widget_lines(widget: dict) -> tuple[str, ...]:
    field_type = _name(_inherited(widget, "FT"))
    flags = _int(_inherited(widget, "Ff"))
    if field_type == "Btn":
        if flags & _FF_PUSHBUTTON:
            return ()
        return (CHECKED if _checked(widget) else UNCHECKED,)
    if field_type == "Tx":
        value = _text(_inherited(widget, "V"))
        if not value or flags & _FF_PASSWORD:
            return ()
        lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        return tuple(lines) if flags & _FF_MULTILINE else (" ".join(lines),)
    if field_type == "Ch":
        return tuple(_choice(widget))
    return ()  # signatures and unknown types show no typed value


def _annotation_lines(annot: dict, subtype: str) -> tuple[str, ...]:
    contents = _text(annot.get("Contents"))
    if subtype == "FreeText" and not contents:
        rich = _text(annot.get("RC"))
        contents = _TAG.sub(" ", rich) if rich else None
    if subtype in ("Stamp", "Text"):
        icon = _name(annot.get("Name")) or ""
        if _CHECK_NAME.search(icon) or (contents or "").strip() in _CHECK_GLYPHS:
            return (CHECKED,)
        if subtype == "Stamp" and not contents and icon in _STANDARD_STAMPS:
            contents = _CAMEL.sub(" ", icon)
    if not contents:
        return ()
    return tuple(contents.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def page_values(annots: object) -> Iterator[FormValue]:
    """Field values and annotation texts of one page's /Annots array, in the page's user space."""
    for ref in resolve1(annots) or []:
        annot = resolve1(ref)
        if not isinstance(annot, dict) or _int(annot.get("F")) & (_FLAG_HIDDEN | _FLAG_NOVIEW):
            continue
        subtype = _name(annot.get("Subtype"))
        if subtype == "Widget":
            lines = _widget_lines(annot)
        elif subtype in ("FreeText", "Text", "Stamp"):
            lines = _annotation_lines(annot, subtype)
        else:
            continue  # links, highlights, popups (which repeat their parent's text), ink
        lines = tuple(line for line in (ln.strip() for ln in lines) if line)
        rect = _rect(annot)
        if lines and rect is not None:
            yield FormValue(lines, rect)


# A character's advance as a share of the line's height, about what a viewer draws a field's text at.
_CHAR_ADVANCE = 0.6


def split_value(lines: tuple[str, ...], box: BBox, aspect: float | None = None) -> list[tuple[str, BBox]]:
    """Words of a value with boxes: the box's height shared by its lines, each line set from the box's left edge.

    ``aspect`` (page height / width) lets a character take the width a viewer gives it at that line height, so a
    short value in a wide box keeps its words together ("Abernathy, Yardley" is one cell, not two); without it,
    or when the line would not fit, a line's characters share the box's width."""
    out: list[tuple[str, BBox]] = []
    line_height = (box.y1 - box.y0) / len(lines)
    for i, line in enumerate(lines):
        words = [line] if line in (CHECKED, UNCHECKED) else line.split()
        y0 = box.y0 + i * line_height
        total = sum(len(w) for w in words) + max(len(words) - 1, 0)  # spaces take their share too
        advance = (box.x1 - box.x0) / total
        if aspect is not None:
            advance = min(advance, _CHAR_ADVANCE * line_height * aspect)
        x = box.x0
        for word in words:
            width = advance * len(word)
            out.append((word, BBox(round(x, 5), round(y0, 5), round(x + width, 5), round(y0 + line_height, 5))))
            x += width + advance
    return out
