"""The JSON line `docintake ingest --json` prints for one file (ARCHITECTURE.md; schema ingest.schema.json)."""

from __future__ import annotations

from typing import Any

from docintake.contract import SCHEMA_VERSION, fields_json
from docintake.intake.records import Recorded

IN_PROGRESS = frozenset({"received", "processing"})


def ingest_json(file: str, recorded: Recorded, view: dict[str, Any]) -> dict[str, Any]:
    """Build the ingest object from what was recorded and the document's stored result."""
    segments = [{key: s[key] for key in ("pages", "status", "case", "review_reasons")} for s in view["segments"]]
    case = next((s["case"] for s in segments if s["case"]), None)
    reasons = list(view["review_reasons"])
    # A duplicate that named its own Reference ID answers with what came of it (linked, or the review reason).
    own = (view.get("submissions") or {}).get(recorded.submission_id) if recorded.is_duplicate else None
    if own is not None:
        case = own.get("case")
        reasons = list(dict.fromkeys([*reasons, *own.get("review_reasons", [])]))
    extraction = view.get("extraction") or {}
    return {
        "schema_version": SCHEMA_VERSION,
        "file": file,
        "document_id": recorded.document_id,
        # A duplicate is `duplicate` once its document is final; before that (the hook's status URL) it is in progress.
        "status": "duplicate" if recorded.is_duplicate and view["state"] not in IN_PROGRESS else view["state"],
        "case": case,
        "review_reasons": reasons,
        "quarantine": view["quarantine"],
        "duplicate_of": recorded.duplicate_of,
        "segments": segments,
        # Once a clerk has settled the document, the values as the clerk left them (storage/review.py).
        "fields": extraction.get("reviewed_fields") or extraction.get("fields") or fields_json({}),
    }
