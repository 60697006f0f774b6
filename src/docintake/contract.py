"""The JSON other tools read (ARCHITECTURE.md): builders for `extract --json` and its shipped schemas."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from docintake import __version__
from docintake.errors import IntakeError
from docintake.model import Classification, ExtractedDocument, Field, Segment

SCHEMA_VERSION = 1
PIPELINE_VERSION = f"docintake/{__version__}"

SINGLE_FIELDS = ("reference_id", "policy_id", "dob", "patient_name", "service_date", "urgent")
LIST_FIELDS = ("npi", "cpt", "hcpcs", "icd10")


def field_json(field: Field) -> dict[str, Any]:
    return {
        "value": field.value,
        "confidence": round(field.confidence, 4),
        "page": field.page,
        "bbox": field.bbox.as_list() if field.bbox else None,
        "explanation": field.explanation,
    }


def fields_json(fields: dict[str, object]) -> dict[str, Any]:
    """Every field key present: null or [] where nothing was found."""
    out: dict[str, Any] = {}
    for name in ("reference_id", "policy_id", "dob", "patient_name", "npi", "cpt", "hcpcs", "icd10",
                 "service_date", "urgent"):
        found = fields.get(name)
        if name in LIST_FIELDS:
            out[name] = [field_json(f) for f in found] if isinstance(found, list | tuple) else []
        else:
            out[name] = field_json(found) if isinstance(found, Field) else None
    return out


def classification_json(kind: Classification | None) -> dict[str, Any] | None:
    return {"value": kind.value, "confidence": round(kind.confidence, 4)} if kind else None


def segment_json(segment: Segment) -> dict[str, Any]:
    """One proposed document of a file: its page range, type and fields."""
    return {"pages": [segment.first, segment.last], "document_type": classification_json(segment.document_type),
            "fields": fields_json(segment.fields)}


def extract_json(doc: ExtractedDocument) -> dict[str, Any]:
    """The object `docintake extract --json` prints for a file it read."""
    return {
        "schema_version": SCHEMA_VERSION,
        "file": doc.file,
        "sha256": doc.sha256,
        "format": doc.format,
        "pages": len(doc.pages),
        "ocr": doc.ocr,
        "document_type": classification_json(doc.document_type),
        "fields": fields_json(doc.fields),
        "segments": [segment_json(s) for s in doc.segments],
        "needs_review": bool(doc.review_reasons),
        "review_reasons": list(doc.review_reasons),
        "pipeline_version": PIPELINE_VERSION,
    }


def rejected_json(file: str, error: IntakeError) -> dict[str, Any]:
    """The object `docintake extract --json` prints for a file it refuses."""
    return {"schema_version": SCHEMA_VERSION, "file": file, "rejected": {"code": error.code, "message": error.message}}


@cache
def schema(name: str) -> dict[str, Any]:
    """A shipped JSON Schema by name: 'extract' or 'rejected'."""
    text = resources.files("docintake.schemas").joinpath(f"{name}.schema.json").read_text(encoding="utf-8")
    return json.loads(text)
