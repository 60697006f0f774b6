"""A second look at the words that carry values: identifiers, codes and dates read from a page image.

Tesseract reads a fax page at the page's own resolution, where one misread digit turns a member ID into
another. After the page is read, every word that looks like a value (two digits or more, or letters and a digit)
and was not read surely is cut out of the page, enlarged, and read again on its own as a single line. The two
readings are then reconciled word by word:
- the same text: the surer confidence of the two stands (a misread would have to happen twice, the same way);
- different text: the reading Tesseract was surer of is kept, with the lower of the two confidences, so the
  disagreement itself keeps the value from being auto-accepted; a first reading set aside stays on the word
  (``Word.first``) for the recognizers of codes, whose code sets and check digits choose between readings.

All crops of a page go to Tesseract in one image (one process per page, not per word).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PIL import Image

from docintake.model import Word

if TYPE_CHECKING:
    from docintake.extractors.ocr import TsvWord

log = logging.getLogger(__name__)

_VALUE_LIKE = re.compile(r"\d.*\d|(?=[^\s]*\d)(?=[^\s]*[A-Za-z])[A-Za-z0-9][^\s]{3,}")
_SURE = 0.95  # words read at least this surely are left alone
_TARGET_HEIGHT = 64  # pixels a word's box is enlarged to (Tesseract reads best at a 20-40 px cap height)
_MAX_SCALE = 4.0
_PAD = 0.2  # of the box height, around each crop
_GAP = 36  # white pixels between crops in the strip
_MARGIN = 24
_MAX_WORDS = 200  # a page of numbers (a claims table) is not worth more than this


@dataclass(frozen=True, slots=True)
class _Slot:
    index: int  # the word's index in the page
    top: int
    bottom: int


def candidates(words: tuple[Word, ...]) -> list[int]:
    """Indices of the words worth a second look."""
    out = []
    for i, w in enumerate(words):
        if w.bbox is not None and w.confidence < _SURE and _VALUE_LIKE.search(w.text):
            out.append(i)
    return out[:_MAX_WORDS]


def build_strip(image: Image.Image, words: tuple[Word, ...], picked: list[int]) -> tuple[Image.Image, list[_Slot]]:
    """One white image with every picked word cut out, enlarged, one under another."""
    grey = image.convert("L") if image.mode != "L" else image
    width, height = grey.size
    crops: list[tuple[int, Image.Image]] = []
    for i in picked:
        box = words[i].bbox
        assert box is not None
        x0, y0, x1, y1 = box.x0 * width, box.y0 * height, box.x1 * width, box.y1 * height
        h = max(y1 - y0, 1.0)
        pad = _PAD * h
        crop = grey.crop((max(int(x0 - pad), 0), max(int(y0 - pad), 0),
                          min(int(x1 + pad) + 1, width), min(int(y1 + pad) + 1, height)))
        if crop.width < 2 or crop.height < 2:
            continue
        scale = min(max(_TARGET_HEIGHT / h, 1.0), _MAX_SCALE)
        if scale > 1.0:
            crop = crop.resize((round(crop.width * scale), round(crop.height * scale)), Image.Resampling.LANCZOS)
        crops.append((i, crop))
    strip_w = max((c.width for _, c in crops), default=1) + 2 * _MARGIN
    strip_h = sum(c.height for _, c in crops) + _GAP * max(len(crops) - 1, 0) + 2 * _MARGIN
    strip = Image.new("L", (strip_w, strip_h), 255)
    slots: list[_Slot] = []
    y = _MARGIN
    for i, crop in crops:
        strip.paste(crop, (_MARGIN, y))
        slots.append(_Slot(i, y, y + crop.height))
        y += crop.height + _GAP
    return strip, slots


def parse_strip(rows: list[TsvWord], slots: list[_Slot]) -> dict[int, tuple[str, float]]:
    """The second reading of each word: (text, confidence), from Tesseract's words of the strip."""
    parts: dict[int, list[tuple[int, str, float]]] = {}
    for r in rows:
        centre = r.top + r.height / 2
        slot = next((s for s in slots if s.top - _GAP / 2 <= centre < s.bottom + _GAP / 2), None)
        if slot is not None:
            parts.setdefault(slot.index, []).append((r.left, r.text, r.confidence))
    out = {}
    for index, found in parts.items():
        found.sort()
        out[index] = ("".join(t for _, t, _ in found), min(c for _, _, c in found))
    return out


def reconcile(words: tuple[Word, ...], second: dict[int, tuple[str, float]]) -> tuple[tuple[Word, ...], int, int]:
    """The page's words with the second readings reconciled in; also how many agreed and how many changed."""
    out = list(words)
    agreed = changed = 0
    for i, (text, conf) in second.items():
        w = words[i]
        if text == w.text:
            agreed += 1
            out[i] = Word(w.text, w.bbox, round(max(w.confidence, conf), 4), w.line)
        elif conf > w.confidence:
            changed += 1
            out[i] = Word(text, w.bbox, round(min(w.confidence, conf), 4), w.line, first=w.text)
        else:
            out[i] = Word(w.text, w.bbox, round(min(w.confidence, conf), 4), w.line)
    return tuple(out), agreed, changed
