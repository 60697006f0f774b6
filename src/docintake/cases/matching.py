"""Matching a document (or segment) to a case, in the order of issue 5, with the evidence of every decision.

1. a Reference ID given with the submission, or found in the document with a valid check digit, that exists
   -> attach, unless member ID, DOB or name contradict the case (`identity_conflict`); a *given* Reference ID
   that fails its check digit or names no case -> review with that reason;
2. member ID + DOB: exactly one live case -> attach; several -> `ambiguous`;
3. member ID + DOB, or name + DOB + a code -> a new draft case;
4. else `unidentified`.
Fields below the auto-accept threshold send the result to review even when the case is known.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from docintake.cases.reference import is_valid_reference_id
from docintake.cases.store import CaseRecord, CaseStore, DraftRequest
from docintake.model import Field

# Reasons beyond ARCHITECTURE.md's list, in its `kind:field` form: a given Reference ID is never silently ignored.
INVALID_REFERENCE_ID = "invalid:reference_id"
UNKNOWN_REFERENCE_ID = "unknown:reference_id"


class Outcome(StrEnum):
    ATTACHED = "attached"
    DRAFT_CREATED = "draft_created"
    REVIEW = "review"


class MatchMethod(StrEnum):
    REFERENCE_ID = "reference_id"
    MEMBER_DOB = "member_dob"
    NEW_DRAFT = "new_draft"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Identity:
    """The identity and codes a document offers, as plain normalised values."""

    reference_id: str | None = None
    reference_confidence: float | None = None
    policy_id: str | None = None
    dob: date | None = None
    first_name: str | None = None
    last_name: str | None = None
    cpt: tuple[str, ...] = ()
    hcpcs: tuple[str, ...] = ()
    icd10: tuple[str, ...] = ()
    urgent: bool = False

    @property
    def has_code(self) -> bool:
        return bool(self.cpt or self.hcpcs or self.icd10)

    @classmethod
    def from_fields(cls, fields: Mapping[str, object]) -> Identity:
        """Read the values of extracted fields (Field objects, as the pipeline produces them)."""

        def single(name: str) -> Field | None:
            value = fields.get(name)
            return value if isinstance(value, Field) else None

        def codes(name: str) -> tuple[str, ...]:
            found = fields.get(name)
            items: Sequence[object] = found if isinstance(found, list | tuple) else ()
            return tuple(str(f.value) for f in items if isinstance(f, Field))

        reference, policy, dob, name, urgent = (single(n) for n in
                                                ("reference_id", "policy_id", "dob", "patient_name", "urgent"))
        person = name.value if name and isinstance(name.value, dict) else {}
        return cls(
            reference_id=str(reference.value) if reference else None,
            reference_confidence=reference.confidence if reference else None,
            policy_id=str(policy.value).upper() if policy else None,
            dob=_as_date(dob.value) if dob else None,
            first_name=person.get("first") or None,
            last_name=person.get("last") or None,
            cpt=codes("cpt"), hcpcs=codes("hcpcs"), icd10=codes("icd10"),
            urgent=bool(urgent.value) if urgent else False,
        )

    @classmethod
    def from_json(cls, fields: Mapping[str, Any] | None) -> Identity:
        """Read the stored fields JSON of a segment (ingest-shaped: ``{"value", "confidence", ...}`` or null)."""
        fields = fields or {}

        def value(name: str) -> Any:
            found = fields.get(name)
            return found.get("value") if isinstance(found, dict) else None

        def codes(name: str) -> tuple[str, ...]:
            found = fields.get(name)
            items = found if isinstance(found, list) else []
            return tuple(str(f["value"]) for f in items if isinstance(f, dict) and f.get("value") is not None)

        reference, policy, dob, person = (value(n) for n in ("reference_id", "policy_id", "dob", "patient_name"))
        person = person if isinstance(person, dict) else {}
        found_reference = fields.get("reference_id")
        return cls(
            reference_id=str(reference) if reference else None,
            reference_confidence=(found_reference.get("confidence") if isinstance(found_reference, dict)
                                  else None),
            policy_id=str(policy).upper() if policy else None,
            dob=_as_date(dob) if dob else None,
            first_name=person.get("first") or None,
            last_name=person.get("last") or None,
            cpt=codes("cpt"), hcpcs=codes("hcpcs"), icd10=codes("icd10"),
            urgent=bool(value("urgent")),
        )


@dataclass(frozen=True, slots=True)
class MatchDecision:
    """What matching decided, why (evidence: field names and comparisons, no values), and the case if any."""

    outcome: Outcome
    method: MatchMethod
    case: CaseRecord | None
    review_reasons: tuple[str, ...]
    evidence: dict[str, Any] = field(default_factory=dict)

    @property
    def status(self) -> str:
        """The ingest status: review whenever a clerk must look, even with a case."""
        return Outcome.REVIEW.value if self.review_reasons else self.outcome.value

    @property
    def linked(self) -> bool:
        return self.case is not None


@dataclass(frozen=True, slots=True)
class MatchPolicy:
    draft_ttl: timedelta = timedelta(hours=96)


def normalise_reference_id(raw: str) -> str:
    """Uppercase, without spaces or dashes (as clerks and portals type them)."""
    return "".join(ch for ch in raw.upper() if ch.isalnum())


def match(
    identity: Identity,
    store: CaseStore,
    now: datetime,
    *,
    given_reference_id: str | None = None,
    field_reasons: Sequence[str] = (),
    policy: MatchPolicy | None = None,
) -> MatchDecision:
    """Decide where a document belongs; may create a draft case through the store."""
    policy = policy or MatchPolicy()
    reasons = list(dict.fromkeys(field_reasons))
    # Routing's verdict on an untyped document ('other'): only a Reference ID may name its case.
    untyped = "unidentified" in reasons
    if untyped:
        reasons.remove("unidentified")

    if given_reference_id is not None:
        return match_given_reference(identity, store, given_reference_id, reasons)

    if identity.reference_id and is_valid_reference_id(identity.reference_id):
        case = store.by_reference_id(identity.reference_id)
        evidence = {"rule": "reference_id", "source": "document", "reference_id": identity.reference_id,
                    "confidence": identity.reference_confidence, "exists": case is not None}
        if case is not None:
            return _attach_unless_conflict(identity, case, MatchMethod.REFERENCE_ID, reasons, evidence)

    if untyped:
        return _review(reasons, "unidentified", {"rule": "unidentified", "document_type": "other"})

    if identity.policy_id and identity.dob:
        candidates = store.live_cases_for_member(identity.policy_id, identity.dob)
        evidence = {"rule": "member_dob", "candidates": len(candidates)}
        if len(candidates) == 1:
            return _attach_unless_conflict(identity, candidates[0], MatchMethod.MEMBER_DOB, reasons, evidence)
        if len(candidates) > 1:
            return _review(reasons, "ambiguous",
                           {**evidence, "candidate_reference_ids": sorted(c.reference_id for c in candidates)})

    named = bool(identity.last_name and identity.first_name)
    if identity.dob and (identity.policy_id or (named and identity.has_code)):
        request = DraftRequest(
            policy_id=identity.policy_id, dob=identity.dob, first_name=identity.first_name,
            last_name=identity.last_name, cpt=identity.cpt, hcpcs=identity.hcpcs, icd10=identity.icd10,
            urgent=identity.urgent,
        )
        case = store.create_draft(request, now, policy.draft_ttl)
        evidence = {"rule": "new_draft", "identity": "member_dob" if identity.policy_id else "name_dob_code",
                    "reference_id": case.reference_id}
        return MatchDecision(Outcome.DRAFT_CREATED, MatchMethod.NEW_DRAFT, case, tuple(reasons), evidence)

    present = [n for n in ("policy_id", "dob", "first_name", "last_name") if getattr(identity, n)]
    return _review(reasons, "unidentified", {"rule": "unidentified", "identity_present": present,
                                             "has_code": identity.has_code})


def match_given_reference(
    identity: Identity, store: CaseStore, given_reference_id: str, field_reasons: Sequence[str] = (),
    evidence: Mapping[str, Any] | None = None,
) -> MatchDecision:
    """Rule 1 for a Reference ID given with a submission: check digit, existence, then the identity check.

    Also the rule for a duplicate submission naming another case (its document's stored identity, not re-read).
    """
    reasons = list(dict.fromkeys(field_reasons))
    reference = normalise_reference_id(given_reference_id)
    base: dict[str, Any] = {"rule": "reference_id", "source": "given", "reference_id": reference, **(evidence or {})}
    if not is_valid_reference_id(reference):
        return _review(reasons, INVALID_REFERENCE_ID, {**base, "check_digit": "failed"})
    case = store.by_reference_id(reference)
    if case is None:
        return _review(reasons, UNKNOWN_REFERENCE_ID, {**base, "exists": False})
    return _attach_unless_conflict(identity, case, MatchMethod.REFERENCE_ID, reasons, base)


def contradictions(identity: Identity, case: CaseRecord) -> list[str]:
    """The identity fields present on both sides that disagree (names compared without case)."""
    found = []
    if identity.policy_id and case.policy_id and identity.policy_id != case.policy_id.upper():
        found.append("policy_id")
    if identity.dob and case.dob and identity.dob != case.dob:
        found.append("dob")
    if identity.last_name and case.last_name and identity.last_name.casefold() != case.last_name.casefold():
        found.append("patient_name")
    return found


def _attach_unless_conflict(
    identity: Identity, case: CaseRecord, method: MatchMethod, reasons: list[str], evidence: dict[str, Any]
) -> MatchDecision:
    conflicts = contradictions(identity, case)
    if conflicts:
        # A check digit lets about one wrong repair in ten through: never attach against the identity.
        return _review(reasons, "identity_conflict",
                       {**evidence, "case_reference_id": case.reference_id, "conflicts": conflicts})
    return MatchDecision(Outcome.ATTACHED, method, case, tuple(reasons),
                         {**evidence, "case_reference_id": case.reference_id, "conflicts": []})


def _review(reasons: list[str], reason: str, evidence: dict[str, Any]) -> MatchDecision:
    return MatchDecision(Outcome.REVIEW, MatchMethod.NONE, None, tuple(dict.fromkeys([*reasons, reason])), evidence)


def _as_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None
