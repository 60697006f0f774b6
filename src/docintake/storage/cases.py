"""The SQL CaseStore, the Reference ID allocator (a counter row inside a configured range), case import/list."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from docintake.cases.reference import make_reference_id
from docintake.cases.store import CaseRecord, CaseStatus, DraftRequest
from docintake.storage.tables import Case, CaseLink, IdCounter, Segment

_MEMBER_LOCK = 0x6D656D62  # "memb": the advisory-lock namespace of members on PostgreSQL


class AllocatorExhausted(Exception):
    """Every Reference ID of the configured range is used; widen DOCINTAKE_REFERENCE_ID_MAX or use the portal's."""


@dataclass(frozen=True, slots=True)
class ReferenceRange:
    low: int = 900_000_000
    high: int = 999_999_999


def utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes: every stored time is UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def allocate_reference_id(session: Session, span: ReferenceRange) -> str:
    """The next free Reference ID of the range, inside the caller's transaction (rolled back with it).

    The counter row is this database's sequence: its update holds the row's write lock until commit, so two
    workers never get one number, and a rolled-back draft leaves no gap. IDs already present (imported from
    the portal) are skipped.
    """
    name = f"reference_id:{span.low}-{span.high}"
    if session.get(IdCounter, name) is None:
        try:
            with session.begin_nested():  # another worker may create the row at the same moment
                session.add(IdCounter(name=name, next_value=span.low))
        except IntegrityError:
            pass
    while True:
        number = session.execute(
            update(IdCounter).where(IdCounter.name == name).values(next_value=IdCounter.next_value + 1)
            .returning(IdCounter.next_value)
        ).scalar_one() - 1
        if number > span.high:
            raise AllocatorExhausted(f"range {span.low}-{span.high}")
        reference_id = make_reference_id(number)
        if session.scalar(select(Case.id).where(Case.reference_id == reference_id)) is None:
            return reference_id


def to_record(case: Case) -> CaseRecord:
    codes = case.codes or {}
    return CaseRecord(
        reference_id=case.reference_id, status=CaseStatus(case.status), policy_id=case.policy_id, dob=case.dob,
        first_name=case.first_name, last_name=case.last_name, plan=case.plan,
        cpt=tuple(codes.get("cpt", ())), hcpcs=tuple(codes.get("hcpcs", ())), icd10=tuple(codes.get("icd10", ())),
        urgent=case.urgent, created_at=utc(case.created_at), updated_at=utc(case.updated_at),
        expires_at=utc(case.expires_at),
    )


class SqlCaseStore:
    """The CaseStore of the matcher, inside one session (the transaction that commits the document's result)."""

    def __init__(self, session: Session, span: ReferenceRange) -> None:
        self.session = session
        self.span = span
        self.created: list[Case] = []

    def by_reference_id(self, reference_id: str) -> CaseRecord | None:
        case = self.row(reference_id)
        return to_record(case) if case else None

    def row(self, reference_id: str) -> Case | None:
        return self.session.scalar(select(Case).where(Case.reference_id == reference_id))

    def live_cases_for_member(self, policy_id: str, dob: date) -> list[CaseRecord]:
        """The member's open and draft cases, read under the member's lock (see ``_lock_member``)."""
        self._lock_member(policy_id, dob)
        rows = self.session.scalars(
            select(Case).where(Case.policy_id == policy_id, Case.dob == dob,
                               Case.status.in_((CaseStatus.OPEN.value, CaseStatus.DRAFT.value)))
            .order_by(Case.reference_id)
        )
        return [to_record(r) for r in rows]

    def _lock_member(self, policy_id: str, dob: date) -> None:
        """Serialise matching per member until this transaction ends, so two documents of one new member finished
        at once cannot each see no case and each open a draft: the second waits, then (READ COMMITTED: a fresh
        snapshot per statement) sees the first's draft and joins it.

        PostgreSQL: a transaction-scoped advisory lock on a hash of the member (a collision only makes two members
        wait for each other). A document whose segments name two members takes two locks; two such documents in
        opposite order are a deadlock PostgreSQL breaks by rolling one back; that document is processed again when
        its lease runs out (the reconciler). SQLite: nothing to do, its transactions take the one write lock at BEGIN
        (database.py).
        """
        if self.session.get_bind().dialect.name != "postgresql":
            return
        digest = hashlib.sha256(f"{policy_id}|{dob.isoformat()}".encode()).digest()
        key = int.from_bytes(digest[:4], "big", signed=True)
        self.session.execute(text("SELECT pg_advisory_xact_lock(:namespace, :key)"),
                             {"namespace": _MEMBER_LOCK, "key": key})

    def create_draft(self, request: DraftRequest, now: datetime, ttl: timedelta) -> CaseRecord:
        case = Case(
            reference_id=allocate_reference_id(self.session, self.span), status=CaseStatus.DRAFT.value,
            policy_id=request.policy_id, dob=request.dob, first_name=request.first_name,
            last_name=request.last_name, plan=None,
            codes={"cpt": list(request.cpt), "hcpcs": list(request.hcpcs), "icd10": list(request.icd10)},
            urgent=request.urgent, origin="draft", created_at=now, updated_at=now, expires_at=now + ttl,
        )
        self.session.add(case)
        self.session.flush()
        self.created.append(case)
        return to_record(case)


def upsert_case(session: Session, record: CaseRecord, now: datetime) -> str:
    """Insert or update an imported case by Reference ID; returns 'created' or 'updated'."""
    case = session.scalar(select(Case).where(Case.reference_id == record.reference_id))
    values: dict[str, Any] = {
        "status": record.status.value, "policy_id": record.policy_id, "dob": record.dob,
        "first_name": record.first_name, "last_name": record.last_name, "plan": record.plan,
        "codes": {"cpt": list(record.cpt), "hcpcs": list(record.hcpcs), "icd10": list(record.icd10)},
        "updated_at": record.updated_at or now,
    }
    if case is None:
        session.add(Case(reference_id=record.reference_id, origin="import", created_at=now, expires_at=None,
                         urgent=False, **values))
        return "created"
    for key, value in values.items():
        setattr(case, key, value)
    return "updated"


def list_cases(session: Session) -> list[tuple[CaseRecord, list[str]]]:
    """Every case with the ids of the documents linked to it, by Reference ID."""
    out = []
    for case in session.scalars(select(Case).order_by(Case.reference_id)):
        documents = session.scalars(
            select(Segment.document_id).join(CaseLink, CaseLink.segment_id == Segment.id)
            .where(CaseLink.case_id == case.id).distinct().order_by(Segment.document_id)
        ).all()
        out.append((to_record(case), list(documents)))
    return out
