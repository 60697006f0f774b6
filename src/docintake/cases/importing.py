"""`docintake cases import`/`list`: case records to and from the JSON of ARCHITECTURE.md (pure functions)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from docintake.cases.reference import is_valid_reference_id
from docintake.cases.store import CaseRecord, CaseStatus

_IMPORTABLE = (CaseStatus.OPEN, CaseStatus.CLOSED, CaseStatus.DRAFT)


class InvalidCase(ValueError):
    """One import record that cannot be taken; the message names the key, never its value."""


def case_from_json(item: object) -> CaseRecord:
    """One import record; optional keys may be missing. Raises InvalidCase."""
    if not isinstance(item, dict):
        raise InvalidCase("not an object")
    reference_id = item.get("reference_id")
    if not isinstance(reference_id, str) or not is_valid_reference_id(reference_id.strip().upper()):
        raise InvalidCase("reference_id is missing or fails its check digit")
    status = item.get("status", "open")
    if status not in {s.value for s in _IMPORTABLE}:
        raise InvalidCase("status must be open, closed or draft")
    name = item.get("patient_name") or {}
    if not isinstance(name, dict):
        raise InvalidCase("patient_name must be an object with first and last")
    policy_id = item.get("policy_id")
    if policy_id is not None and not isinstance(policy_id, str):
        raise InvalidCase("policy_id must be a string")
    return CaseRecord(
        reference_id=reference_id.strip().upper(), status=CaseStatus(status),
        policy_id="".join(ch for ch in policy_id.upper() if ch.isalnum()) if policy_id else None,
        dob=_date(item.get("dob"), "dob"), first_name=_text(name.get("first"), "patient_name.first"),
        last_name=_text(name.get("last"), "patient_name.last"), plan=_text(item.get("plan"), "plan"),
        cpt=_codes(item, "cpt"), hcpcs=_codes(item, "hcpcs"), icd10=_codes(item, "icd10"),
        updated_at=_datetime(item.get("updated_at"), "updated_at"),
    )


def case_to_json(case: CaseRecord, documents: list[str]) -> dict[str, Any]:
    """The import shape plus created_at, expires_at and the linked documents."""
    def iso(value: date | datetime | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "reference_id": case.reference_id, "policy_id": case.policy_id, "dob": iso(case.dob),
        "patient_name": {"first": case.first_name, "last": case.last_name}, "plan": case.plan,
        "status": case.status.value, "cpt": list(case.cpt), "hcpcs": list(case.hcpcs), "icd10": list(case.icd10),
        "updated_at": iso(case.updated_at), "created_at": iso(case.created_at), "expires_at": iso(case.expires_at),
        "documents": documents,
    }


def _text(value: object, key: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InvalidCase(f"{key} must be a string")
    return value.strip()


def _date(value: object, key: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InvalidCase(f"{key} must be a date YYYY-MM-DD") from None


def _datetime(value: object, key: str) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise InvalidCase(f"{key} must be an ISO 8601 time") from None


def _codes(item: dict[str, Any], key: str) -> tuple[str, ...]:
    value = item.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidCase(f"{key} must be a list of strings")
    return tuple(v.strip().upper() for v in value)
