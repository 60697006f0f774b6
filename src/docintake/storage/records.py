"""SqlRecords: the DocumentRecords of intake on SQLAlchemy. Every state change is a compare-and-set UPDATE."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, and_, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from docintake.cases.matching import Identity, MatchMethod, match_given_reference
from docintake.cases.store import CaseStore
from docintake.intake.records import Arrival, Claim, LeaseLost, Recorded, SegmentResult, StoredOriginal
from docintake.storage.cases import ReferenceRange, SqlCaseStore
from docintake.storage.database import session_factory
from docintake.storage.tables import FINAL_STATES, Audit, Case, CaseLink, Document, Outbox, Segment, Submission

RECEIVED, PROCESSING, QUARANTINED = "received", "processing", "quarantined"


def new_id() -> str:
    return uuid.uuid4().hex


class SqlRecords:
    """Submissions, documents, segments, links, audit and outbox in one database."""

    def __init__(self, engine: Engine, span: ReferenceRange | None = None) -> None:
        self.engine = engine
        self.span = span or ReferenceRange()
        self._sessions = session_factory(engine)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One session, committed on success and rolled back on any error."""
        with self._sessions() as session, session.begin():
            yield session

    # -- arrivals ---------------------------------------------------------------------------------------------

    def record_arrival(self, arrival: Arrival, original: StoredOriginal, now: datetime,
                       publish_grace: timedelta) -> Recorded:
        """A new document in state `received` (a publish grace before the reconciler steps in), or a duplicate."""

        def document() -> Document:
            return Document(
                id=new_id(), sha256=original.sha256, size=original.size, format=original.format,
                mime=original.mime, blob_key=original.blob_key, file_name=arrival.file_name, state=RECEIVED,
                lease_until=now + publish_grace, available_at=now, attempts=0, review_reasons=[],
                created_at=now, updated_at=now,
            )

        return self._record(arrival, original.sha256, now, document)

    def record_refusal(self, arrival: Arrival, sha256: str, size: int, code: str, message: str,
                       now: datetime) -> Recorded:
        """A document refused at admission: final at once, its bytes in the quarantine folder."""

        def document() -> Document:
            return Document(
                id=new_id(), sha256=sha256, size=size, format=None, mime=None, blob_key=None,
                file_name=arrival.file_name, state=QUARANTINED, available_at=now, attempts=0,
                review_reasons=[f"quarantined:{code}"], quarantine_code=code, quarantine_message=message,
                created_at=now, updated_at=now, finished_at=now,
            )

        return self._record(arrival, sha256, now, document, refused=True)

    def _record(self, arrival: Arrival, sha256: str, now: datetime, make: Callable[[], Document],
                refused: bool = False) -> Recorded:
        for _ in range(3):  # a concurrent arrival of the same bytes wins the insert; we become its duplicate
            try:
                with self.transaction() as session:
                    # Locked: a duplicate naming a case waits for a result being committed, then sees it.
                    existing = session.scalar(select(Document).where(Document.sha256 == sha256).with_for_update())
                    document = existing or make()
                    if existing is None:
                        session.add(document)
                        session.flush()
                    submission = Submission(
                        id=new_id(), source=arrival.source, source_ref=arrival.source_ref,
                        file_name=arrival.file_name, sender=dict(arrival.sender), uploader=arrival.uploader,
                        given_reference_id=arrival.given_reference_id, received_at=arrival.received_at,
                        recorded_at=now, document_id=document.id, duplicate=existing is not None,
                    )
                    session.add(submission)
                    action = "duplicate" if existing else ("quarantined" if refused else "received")
                    _audit(session, now, f"intake:{arrival.source}", f"document.{action}", "document", document.id,
                           new={"state": document.state, "submission_id": submission.id},
                           evidence={"sha256": sha256, "duplicate": existing is not None})
                    if refused and existing is None:
                        _outbox(session, now, "document.needs_review", document.id,
                                {"document_id": document.id, "review_reasons": document.review_reasons})
                    if existing is not None and arrival.given_reference_id and existing.state in FINAL_STATES:
                        session.flush()
                        self._link_duplicate(session, submission, now, f"intake:{arrival.source}")
                    return Recorded(submission.id, document.id, existing.id if existing else None)
            except IntegrityError:
                continue
        raise RuntimeError("could not record the arrival")  # pragma: no cover - three lost races in a row

    # -- the lease ---------------------------------------------------------------------------------------------

    def claim(self, document_id: str, worker: str, now: datetime, lease: timedelta) -> Claim | None:
        """Take a `received`, available document for this worker (None: someone else has it, or it is done)."""
        with self.transaction() as session:
            taken = session.execute(
                update(Document)
                .where(Document.id == document_id, Document.state == RECEIVED, Document.available_at <= now)
                .values(state=PROCESSING, claimed_by=worker, lease_until=now + lease,
                        attempts=Document.attempts + 1, updated_at=now)
            ).rowcount
            if not taken:
                return None
            doc = session.get_one(Document, document_id)
            given = session.scalar(
                select(Submission.given_reference_id)
                .where(Submission.document_id == document_id, Submission.given_reference_id.is_not(None),
                       Submission.duplicate.is_(False))  # a duplicate's own Reference ID: _link_duplicate
                .order_by(Submission.recorded_at).limit(1)
            )
            return Claim(document_id, doc.sha256, doc.blob_key or "", doc.file_name, doc.mime or "",
                         doc.attempts, given)

    def renew(self, document_id: str, worker: str, now: datetime, lease: timedelta) -> bool:
        with self.transaction() as session:
            return bool(session.execute(
                update(Document).where(_held(document_id, worker)).values(lease_until=now + lease)
            ).rowcount)

    def retry_later(self, document_id: str, worker: str, now: datetime, available_at: datetime,
                    error_code: str) -> bool:
        """Give the document back for another attempt after a backoff (the reconciler re-publishes it then)."""
        with self.transaction() as session:
            done = bool(session.execute(
                update(Document).where(_held(document_id, worker))
                .values(state=RECEIVED, claimed_by=None, available_at=available_at, lease_until=available_at,
                        last_error=error_code, updated_at=now)
            ).rowcount)
            if done:
                _audit(session, now, worker, "document.retry_scheduled", "document", document_id,
                       old={"state": PROCESSING}, new={"state": RECEIVED}, evidence={"error": error_code})
            return done

    def quarantine(self, document_id: str, worker: str, now: datetime, code: str, message: str) -> bool:
        """Final: refused while reading, or retries used up (`processing_failed`)."""
        with self.transaction() as session:
            reasons = [f"quarantined:{code}"]
            done = bool(session.execute(
                update(Document).where(_held(document_id, worker))
                .values(state=QUARANTINED, claimed_by=None, lease_until=None, quarantine_code=code,
                        quarantine_message=message, review_reasons=reasons, updated_at=now, finished_at=now)
            ).rowcount)
            if done:
                _audit(session, now, worker, "document.quarantined", "document", document_id,
                       old={"state": PROCESSING}, new={"state": QUARANTINED, "code": code})
                _outbox(session, now, "document.needs_review", document_id,
                        {"document_id": document_id, "review_reasons": reasons})
                self._settle_duplicates(session, document_id, now, worker)
            return done

    def complete(
        self, claim: Claim, worker: str, now: datetime, *, extraction: dict[str, Any], pipeline_version: str,
        decide: Callable[[CaseStore], Sequence[SegmentResult]],
    ) -> str:
        """Segments, matching, links, audit and outbox with the final state, in one transaction."""
        with self.transaction() as session:
            # The compare-and-set comes first: it locks the row, and a lost lease writes nothing.
            held = session.execute(
                update(Document).where(_held(claim.document_id, worker)).values(updated_at=now)
            ).rowcount
            if not held:
                raise LeaseLost(claim.document_id)
            store = SqlCaseStore(session, self.span)
            results = decide(store)
            statuses = []
            for result in results:
                statuses.append(self._segment(session, store, claim.document_id, result, worker, now))
            state = _document_state(statuses)
            reasons = list(dict.fromkeys(r for res in results for r in res.decision.review_reasons))
            session.execute(
                update(Document).where(Document.id == claim.document_id)
                .values(state=state, claimed_by=None, lease_until=None, extraction=extraction,
                        pipeline_version=pipeline_version, review_reasons=reasons, finished_at=now)
            )
            _audit(session, now, worker, "document.finished", "document", claim.document_id,
                   old={"state": PROCESSING}, new={"state": state, "review_reasons": reasons},
                   evidence={"segments": len(results), "pipeline_version": pipeline_version})
            if reasons:
                _outbox(session, now, "document.needs_review", claim.document_id,
                        {"document_id": claim.document_id, "review_reasons": reasons})
            self._settle_duplicates(session, claim.document_id, now, worker)
            return state

    def _segment(self, session: Session, store: SqlCaseStore, document_id: str, result: SegmentResult,
                 worker: str, now: datetime) -> str:
        decision = result.decision
        segment = Segment(
            id=new_id(), document_id=document_id, first_page=result.pages[0], last_page=result.pages[1],
            document_type=result.document_type, fields=result.fields, status=decision.status,
            review_reasons=list(decision.review_reasons), created_at=now,
        )
        session.add(segment)
        session.flush()
        _audit(session, now, worker, "segment.matched", "segment", segment.id,
               new={"status": decision.status, "method": decision.method.value,
                    "reference_id": decision.case.reference_id if decision.case else None,
                    "review_reasons": list(decision.review_reasons)},
               evidence=decision.evidence)
        if decision.case is None:
            return decision.status
        case = store.row(decision.case.reference_id)
        assert case is not None  # the matcher read it in this transaction
        session.add(CaseLink(segment_id=segment.id, case_id=case.id, method=decision.method.value,
                             evidence=decision.evidence, created_at=now))
        payload = {"document_id": document_id, "segment_id": segment.id, "reference_id": case.reference_id,
                   "match": decision.method.value}
        if decision.outcome.value == "draft_created":
            _audit(session, now, worker, "case.draft_created", "case", case.reference_id,
                   new={"status": case.status, "expires_at": case.expires_at.isoformat() if case.expires_at else None})
            _outbox(session, now, "case.draft_created", case.reference_id, payload)
        else:
            _outbox(session, now, "document.attached", case.reference_id, payload)
        return decision.status

    # -- duplicates naming a case ------------------------------------------------------------------------------

    def _settle_duplicates(self, session: Session, document_id: str, now: datetime, actor: str) -> None:
        """Duplicates that named a case while their document was still being read: decided with its result."""
        pending = session.scalars(
            select(Submission).where(Submission.document_id == document_id, Submission.duplicate.is_(True),
                                     Submission.given_reference_id.is_not(None),
                                     Submission.reference_outcome.is_(None))
            .order_by(Submission.recorded_at, Submission.id)
        ).all()
        for submission in pending:
            self._link_duplicate(session, submission, now, actor)

    def _link_duplicate(self, session: Session, submission: Submission, now: datetime, actor: str) -> None:
        """The same bytes for another Reference ID: link the stored segments to that case too, never re-read.

        The rule of matching's step 1 on the segments' stored fields: a failed check digit or an unknown case is a
        review reason on this submission's answer; a segment whose identity contradicts the case stays unlinked
        (`identity_conflict`); a case the document is already linked to gets no second link.
        """
        document_id = submission.document_id
        given = submission.given_reference_id or ""
        store = SqlCaseStore(session, self.span)
        via = {"via": "duplicate_submission", "submission_id": submission.id}
        segments = session.scalars(
            select(Segment).where(Segment.document_id == document_id).order_by(Segment.first_page)
        ).all()
        case: dict[str, Any] | None = None
        reasons: list[str] = []
        linked: list[str] = []
        conflicts: list[str] = []
        first = match_given_reference(Identity(), store, given, evidence=via)  # check digit and existence
        target = store.row(first.case.reference_id) if first.case else None
        if target is None:
            reasons.extend(first.review_reasons)
        elif segments:
            existing = session.scalar(
                select(CaseLink.method).join(Segment, Segment.id == CaseLink.segment_id)
                .where(Segment.document_id == document_id, CaseLink.case_id == target.id)
                .order_by(CaseLink.id).limit(1)
            )
            if existing is not None:
                case = {"reference_id": target.reference_id, "match": existing}
            else:
                for segment in segments:
                    decision = match_given_reference(Identity.from_json(segment.fields), store, given, evidence=via)
                    if decision.case is None:
                        reasons.extend(decision.review_reasons)
                        conflicts.extend(decision.evidence.get("conflicts", []))
                        continue
                    session.add(CaseLink(segment_id=segment.id, case_id=target.id,
                                         method=MatchMethod.REFERENCE_ID.value, evidence=decision.evidence,
                                         created_at=now))
                    linked.append(segment.id)
                    _audit(session, now, actor, "segment.linked", "segment", segment.id,
                           new={"reference_id": target.reference_id, "method": MatchMethod.REFERENCE_ID.value},
                           evidence=decision.evidence)
                    _outbox(session, now, "document.attached", target.reference_id,
                            {"document_id": document_id, "segment_id": segment.id,
                             "reference_id": target.reference_id, "match": MatchMethod.REFERENCE_ID.value,
                             "submission_id": submission.id})
                if linked:
                    case = {"reference_id": target.reference_id, "match": MatchMethod.REFERENCE_ID.value}
        reasons = list(dict.fromkeys(reasons))
        outcome = {"case": case, "review_reasons": reasons}
        submission.reference_outcome = outcome
        _audit(session, now, actor, "submission.reference_checked", "submission", submission.id,
               new=outcome, evidence={**first.evidence, "document_id": document_id, "segments": len(segments),
                                      "linked_segments": len(linked), "conflicts": sorted(set(conflicts)),
                                      "already_linked": case is not None and not linked})
        if reasons:
            _outbox(session, now, "document.needs_review", document_id,
                    {"document_id": document_id, "submission_id": submission.id, "review_reasons": reasons})

    # -- the reconciler's view -----------------------------------------------------------------------------------

    def due_for_publish(self, now: datetime, grace: timedelta, limit: int = 500) -> list[str]:
        """Documents whose lease ran out: take expired claims back, and mark each published for ``grace``."""
        with self.transaction() as session:
            expired = session.scalars(
                select(Document.id).where(
                    or_(Document.state == RECEIVED, Document.state == PROCESSING),
                    Document.lease_until < now, Document.available_at <= now,
                ).order_by(Document.lease_until).limit(limit)
            ).all()
            due = []
            for document_id in expired:
                old = session.scalar(select(Document.claimed_by).where(Document.id == document_id))
                taken = session.execute(
                    update(Document).where(Document.id == document_id, Document.lease_until < now,
                                           or_(Document.state == RECEIVED, Document.state == PROCESSING))
                    .values(state=RECEIVED, claimed_by=None, lease_until=now + grace)
                ).rowcount
                if not taken:  # another process's reconciler got there first
                    continue
                due.append(document_id)
                if old is not None:
                    _audit(session, now, "reconciler", "document.lease_expired", "document", document_id,
                           old={"state": PROCESSING, "claimed_by": old}, new={"state": RECEIVED})
            return due

    def document_state(self, document_id: str) -> str | None:
        with self.transaction() as session:
            return session.scalar(select(Document.state).where(Document.id == document_id))

    def ingest_view(self, document_id: str) -> dict[str, Any]:
        """The stored result of a document, in the pieces of the ingest JSON."""
        with self.transaction() as session:
            doc = session.get_one(Document, document_id)
            segments = []
            for segment in session.scalars(select(Segment).where(Segment.document_id == document_id)
                                           .order_by(Segment.first_page)):
                link = session.execute(
                    select(Case.reference_id, CaseLink.method).join(CaseLink, CaseLink.case_id == Case.id)
                    .where(CaseLink.segment_id == segment.id).order_by(CaseLink.id).limit(1)
                ).first()
                segments.append({
                    "pages": [segment.first_page, segment.last_page], "status": segment.status,
                    "case": {"reference_id": link[0], "match": link[1]} if link else None,
                    "review_reasons": list(segment.review_reasons), "fields": segment.fields,
                })
            duplicates = dict(session.execute(
                select(Submission.id, Submission.reference_outcome)
                .where(Submission.document_id == document_id, Submission.duplicate.is_(True),
                       Submission.reference_outcome.is_not(None))
            ).tuples().all())
            return {
                "document_id": doc.id, "state": doc.state, "review_reasons": list(doc.review_reasons),
                "submissions": duplicates,
                "quarantine": ({"code": doc.quarantine_code, "message": doc.quarantine_message}
                               if doc.quarantine_code else None),
                "segments": segments, "extraction": doc.extraction,
            }

    def final(self, document_ids: Sequence[str]) -> set[str]:
        """Which of these documents are in a final state."""
        with self.transaction() as session:
            rows = session.execute(select(Document.id, Document.state).where(Document.id.in_(document_ids)))
            return {i for i, state in rows if state in FINAL_STATES}


def _held(document_id: str, worker: str) -> Any:
    return and_(Document.id == document_id, Document.state == PROCESSING, Document.claimed_by == worker)


def _document_state(statuses: Sequence[str]) -> str:
    if not statuses or "review" in statuses:
        return "review"
    return "draft_created" if "draft_created" in statuses else "attached"


def _audit(session: Session, now: datetime, actor: str, action: str, subject_type: str, subject_id: str, *,
           old: dict[str, Any] | None = None, new: dict[str, Any] | None = None,
           evidence: dict[str, Any] | None = None) -> None:
    session.add(Audit(at=now, actor=actor, action=action, subject_type=subject_type, subject_id=subject_id,
                      old_value=old, new_value=new, evidence=evidence))


def _outbox(session: Session, now: datetime, event: str, subject_id: str, payload: dict[str, Any]) -> None:
    session.add(Outbox(event=event, subject_id=subject_id, payload=payload, created_at=now, attempts=0))
