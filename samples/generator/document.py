"""A format-neutral document: layout blocks, a style, and the truth it prints (fields, distinctive strings)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Title:
    text: str
    size: float = 15
    align: str = "center"


@dataclass(frozen=True)
class Banner:
    """A shaded bar with a plan's name, as plan-branded forms have."""

    text: str
    sub: str = ""


@dataclass(frozen=True)
class Text:
    """A paragraph; newlines start new lines."""

    text: str
    bold: bool = False
    size: float | None = None


@dataclass(frozen=True)
class KV:
    """Label/value pairs laid out in ``cols`` columns; ``keys`` names the rows renderers may treat specially."""

    rows: tuple[tuple[str, str], ...]
    cols: int = 2
    keys: tuple[str | None, ...] = ()
    heading: str = ""

    def key_of(self, i: int) -> str | None:
        return self.keys[i] if i < len(self.keys) else None


def kv(rows: list[tuple[str, str]], heading: str = "", cols: int = 2, keys: tuple[str | None, ...] = ()) -> KV:
    """A KV of these rows in ``cols`` columns, never more columns than rows nor fewer than one."""
    return KV(tuple(rows), cols=max(1, min(cols, len(rows))), keys=keys, heading=heading)


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()
    heading: str = ""


@dataclass(frozen=True)
class Checks:
    """A row of checkboxes: (label, checked, key)."""

    items: tuple[tuple[str, bool, str | None], ...]
    label: str = ""


@dataclass(frozen=True)
class Rule:
    pass


@dataclass(frozen=True)
class Gap:
    height: float = 8


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Title | Banner | Text | KV | Table | Checks | Rule | Gap | PageBreak


@dataclass(frozen=True)
class Style:
    """How a family looks: font key (see render_pdf.FONTS), base size and how label/value pairs are drawn."""

    font: str = "helvetica"
    size: float = 10
    kv: str = "inline"  # inline | boxed | underline | stacked (label above its value box)


@dataclass
class Truth:
    """The fields a document prints, in the normal forms of ARCHITECTURE.md."""

    reference_id: str | None = None
    policy_id: str | None = None
    dob: dt.date | None = None
    patient_name: tuple[str, str] | None = None
    npi: list[str] = field(default_factory=list)
    cpt: list[str] = field(default_factory=list)
    hcpcs: list[str] = field(default_factory=list)
    icd10: list[str] = field(default_factory=list)
    service_date: dt.date | None = None
    urgent: bool = False

    def to_json(self) -> dict[str, object]:
        """The `fields` object of the expected JSON (values only)."""

        def one(v: object) -> dict[str, object] | None:
            return None if v is None else {"value": v}

        return {
            "reference_id": one(self.reference_id),
            "policy_id": one(self.policy_id),
            "dob": one(self.dob.isoformat() if self.dob else None),
            "patient_name": one({"first": self.patient_name[0], "last": self.patient_name[1]}
                                if self.patient_name else None),
            "npi": [{"value": v} for v in self.npi],
            "cpt": [{"value": v} for v in self.cpt],
            "hcpcs": [{"value": v} for v in self.hcpcs],
            "icd10": [{"value": v} for v in self.icd10],
            "service_date": one(self.service_date.isoformat() if self.service_date else None),
            "urgent": {"value": self.urgent},
        }

    @staticmethod
    def merged(parts: list[Truth]) -> Truth:
        """A whole file's fields: the first value of each scalar, lists united in order, urgent if any part is."""
        out = Truth()
        for p in parts:
            for name in ("reference_id", "policy_id", "dob", "patient_name", "service_date"):
                if getattr(out, name) is None:
                    setattr(out, name, getattr(p, name))
            for name in ("npi", "cpt", "hcpcs", "icd10"):
                bucket: list[str] = getattr(out, name)
                bucket.extend(v for v in getattr(p, name) if v not in bucket)
            out.urgent = out.urgent or p.urgent
        return out


@dataclass
class Doc:
    """One document of one template family, ready for any renderer."""

    family: str
    document_type: str
    style: Style
    blocks: list[Block]
    truth: Truth
    text_contains: list[str]
    header: str = ""
    footer: str = ""  # may hold {page} and {pages}: the document's own page counter (a distractor)
    title: str = ""

    @property
    def explicit_pages(self) -> int:
        """Pages a flow format shows: explicit page breaks + 1."""
        return 1 + sum(isinstance(b, PageBreak) for b in self.blocks)
