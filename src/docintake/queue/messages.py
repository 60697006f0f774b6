"""The one message: "work on document X" as JSON, ids only (never bytes, never values, never pickle)."""

from __future__ import annotations

import re
from typing import Any

MESSAGE_VERSION = 1
_ID = re.compile(r"^[0-9a-f]{32}$")


class BadMessage(ValueError):
    """A message that can never be processed (dead-lettered, never retried)."""


def document_message(document_id: str) -> dict[str, Any]:
    if not _ID.match(document_id):
        raise ValueError("not a document id")
    return {"v": MESSAGE_VERSION, "document_id": document_id}


def parse_document_message(body: object) -> str:
    """The document id of a message body, or BadMessage."""
    if not isinstance(body, dict) or body.get("v") != MESSAGE_VERSION:
        raise BadMessage("unknown message version")
    document_id = body.get("document_id")
    if not isinstance(document_id, str) or not _ID.match(document_id):
        raise BadMessage("no document id")
    return document_id
