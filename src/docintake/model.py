"""The shared picture of a document, as frozen dataclasses.

Coordinates: fractions of the page, origin at the top-left corner, x to the right, y down.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class BBox:
    """A rectangle as fractions of the page (0..1), top-left origin."""

    x0: float
    y0: float
    x1: float
    y1: float

    def __post_init__(self) -> None:
        if not (self.x0 <= self.x1 and self.y0 <= self.y1):
            raise ValueError("bbox corners out of order")

    @classmethod
    def from_points(
        cls, x0: float, y0: float, x1: float, y1: float, width: float, height: float
    ) -> BBox:
        """Build from absolute top-left-origin coordinates on a page of the given size, clamped to the page."""

        def clamp(v: float) -> float:
            return min(1.0, max(0.0, v))

        xa, xb = sorted((clamp(x0 / width), clamp(x1 / width)))
        ya, yb = sorted((clamp(y0 / height), clamp(y1 / height)))
        return cls(round(xa, 5), round(ya, 5), round(xb, 5), round(yb, 5))

    def union(self, other: BBox) -> BBox:
        return BBox(
            min(self.x0, other.x0), min(self.y0, other.y0), max(self.x1, other.x1), max(self.y1, other.y1)
        )

    def as_list(self) -> list[float]:
        return [self.x0, self.y0, self.x1, self.y1]


@dataclass(frozen=True, slots=True)
class Word:
    """One word as read: its text, where it lies (None for flow formats), and how sure the reader was."""

    text: str
    bbox: BBox | None
    confidence: float
    line: int = 0
    """Index of the line the word belongs to within its page, in reading order."""
    first: str | None = None
    """OCR's first reading, when a second look at the enlarged word read it otherwise and was surer."""


class PageSource(StrEnum):
    TEXT_LAYER = "text_layer"  # a PDF or XPS page's own text
    OCR = "ocr"  # read from pixels by Tesseract
    FLOW = "flow"  # a flow format (txt, doc, docx, rtf, xls, xlsx): no page geometry


@dataclass(frozen=True, slots=True)
class Page:
    """One page (for flow formats, the reader's own division) with its words and text in reading order."""

    number: int
    words: tuple[Word, ...]
    text: str
    source: PageSource
    width_pt: float | None = None
    height_pt: float | None = None
    rotation: int = 0
    """Degrees (clockwise) the page was turned to make it upright before reading."""

    @property
    def ocr(self) -> bool:
        return self.source is PageSource.OCR


@dataclass(frozen=True, slots=True)
class Evidence:
    """How a value was found: recognizer, label it was anchored on, validator outcome, repairs made."""

    recognizer: str
    label: str | None = None
    validator: str | None = None
    repairs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Field:
    """One extracted value with its confidence and the place on the page it came from."""

    value: object
    confidence: float
    page: int
    bbox: BBox | None
    evidence: Evidence

    @property
    def explanation(self) -> str:
        parts = [self.evidence.recognizer]
        if self.evidence.label:
            parts.append(f"label={self.evidence.label}")
        if self.evidence.validator:
            parts.append(f"validator={self.evidence.validator}")
        parts.extend(f"repair={r}" for r in self.evidence.repairs)
        return ";".join(parts)


@dataclass(frozen=True, slots=True)
class Classification:
    value: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Segment:
    """A proposed document inside a file: a range of its pages (1-based, inclusive), its type and fields."""

    first: int
    last: int
    document_type: Classification
    fields: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ExtractedDocument:
    """What reading one file produced."""

    file: str
    sha256: str
    format: str
    pages: tuple[Page, ...]
    document_type: Classification | None = None
    fields: dict[str, object] = field(default_factory=dict)
    review_reasons: tuple[str, ...] = ()
    segments: tuple[Segment, ...] = ()

    @property
    def ocr(self) -> str:
        """'none', 'partial' or 'full': how many of the pages were read by OCR."""
        n = sum(1 for p in self.pages if p.ocr)
        if n == 0:
            return "none"
        return "full" if n == len(self.pages) else "partial"

    @property
    def text(self) -> str:
        return "\n\f".join(p.text for p in self.pages)
