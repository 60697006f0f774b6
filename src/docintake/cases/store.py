"""Case records and the CaseStore Protocol the matcher talks to, with an in-memory store for tests."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Protocol

from docintake.cases.reference import make_reference_id


class CaseStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    DRAFT = "draft"
    EXPIRED = "expired"


@dataclass(frozen=True, slots=True)
class CaseRecord:
    """One prior-authorization case as the matcher sees it (identity and codes)."""

    reference_id: str
    status: CaseStatus
    policy_id: str | None = None
    dob: date | None = None
    first_name: str | None = None
    last_name: str | None = None
    plan: str | None = None
    cpt: tuple[str, ...] = ()
    hcpcs: tuple[str, ...] = ()
    icd10: tuple[str, ...] = ()
    urgent: bool = False
    created_at: datetime | None = None
    updated_at: datetime | None = None
    expires_at: datetime | None = None

    @property
    def is_live(self) -> bool:
        """Open or draft: a case new documents may join."""
        return self.status in (CaseStatus.OPEN, CaseStatus.DRAFT)


@dataclass(frozen=True, slots=True)
class DraftRequest:
    """What a new draft case is opened with: the document's identity and codes."""

    policy_id: str | None
    dob: date | None
    first_name: str | None
    last_name: str | None
    cpt: tuple[str, ...] = ()
    hcpcs: tuple[str, ...] = ()
    icd10: tuple[str, ...] = ()
    urgent: bool = False


class CaseStore(Protocol):
    """The cases a matcher may read, and the one thing it may write: a new draft."""

    def by_reference_id(self, reference_id: str) -> CaseRecord | None: ...

    def live_cases_for_member(self, policy_id: str, dob: date) -> list[CaseRecord]: ...

    def create_draft(self, request: DraftRequest, now: datetime, ttl: timedelta) -> CaseRecord: ...


@dataclass
class InMemoryCaseStore:
    """A CaseStore in a dict, for unit tests; Reference IDs from a counter in the allocator range."""

    cases: dict[str, CaseRecord] = field(default_factory=dict)
    next_number: int = 900_000_000

    def add(self, case: CaseRecord) -> CaseRecord:
        self.cases[case.reference_id] = case
        return case

    def by_reference_id(self, reference_id: str) -> CaseRecord | None:
        return self.cases.get(reference_id)

    def live_cases_for_member(self, policy_id: str, dob: date) -> list[CaseRecord]:
        return [c for c in self.cases.values() if c.is_live and c.policy_id == policy_id and c.dob == dob]

    def create_draft(self, request: DraftRequest, now: datetime, ttl: timedelta) -> CaseRecord:
        reference_id = make_reference_id(self.next_number)
        self.next_number += 1
        case = CaseRecord(
            reference_id=reference_id, status=CaseStatus.DRAFT, policy_id=request.policy_id, dob=request.dob,
            first_name=request.first_name, last_name=request.last_name, cpt=request.cpt, hcpcs=request.hcpcs,
            icd10=request.icd10, urgent=request.urgent, created_at=now, updated_at=now, expires_at=now + ttl,
        )
        return self.add(case)

    def close(self, reference_id: str) -> None:
        self.cases[reference_id] = replace(self.cases[reference_id], status=CaseStatus.CLOSED)
