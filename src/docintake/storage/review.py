"""The review queue on the pipeline's database: what clerks see and every change they make.

Each change is one transaction that re-reads the document under its write lock, checks the version the clerk's
page was drawn from (another clerk's change in between is refused, not overwritten), and writes the change with
its audit row, and where it settles something, its outbox event. A document leaves the queue when every segment
is attached to a case or a new draft (``document.reviewed``), or when a clerk rejects it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from docintake.cases.matching import Identity, contradictions, normalise_reference_id
from docintake.cases.store import DraftRequest
from docintake.review.values import FIELDS, LIST_FIELDS, SCALAR_FIELDS, parse
from docintake.storage.cases import SqlCaseStore, to_record, utc
from docintake.storage.records import SqlRecords, _audit, _document_state, _outbox, new_id
from docintake.storage.tables import Audit, Case, CaseLink, Correction, Document, Segment, Submission

QUEUE_STATES = ("review", "quarantined")
LINKED = ("attached", "draft_created")
REJECT_REASONS = {
    "not_prior_auth": "Not a prior-authorization document for this plan.",
    "wrong_recipient": "Sent to the wrong fax number or plan.",
    "illegible": "Unreadable: the sender must send it again.",
    "incomplete": "Pages are missing: the sender must send it again.",
    "duplicate": "A copy of a document already on file.",
    "other": "Rejected by a clerk (see the audit log).",
}
# Quarantine codes a retry may cure: the file is stored and reading it failed, not the file itself.
RETRYABLE = frozenset({"processing_failed"})


class ReviewError(Exception):
    """A clerk's action that cannot be done as asked; ``code`` for the page, the message for the clerk."""

    def __init__(self, code: str, message: str, details: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = tuple(details)


@dataclass(frozen=True, slots=True)
class QueueItem:
    document_id: str
    file_name: str
    state: str
    reasons: tuple[str, ...]
    urgent: bool
    received_at: datetime
    source: str
    document_type: str | None
    pages: int | None
    version: str


@dataclass(frozen=True, slots=True)
class CaseSummary:
    reference_id: str
    status: str
    policy_id: str | None
    dob: date | None
    first_name: str | None
    last_name: str | None
    plan: str | None
    urgent: bool
    expires_at: datetime | None


@dataclass(frozen=True, slots=True)
class SegmentView:
    id: str
    first_page: int
    last_page: int
    document_type: str | None
    status: str
    review_reasons: tuple[str, ...]
    fields: dict[str, Any]
    case: CaseSummary | None
    match: str | None


@dataclass(frozen=True, slots=True)
class DocumentView:
    id: str
    file_name: str
    format: str | None
    state: str
    pages: int
    ocr: str | None
    reasons: tuple[str, ...]
    quarantine: dict[str, str] | None
    in_queue: bool
    retryable: bool
    has_original: bool
    urgent: bool
    received_at: datetime
    sources: tuple[dict[str, Any], ...]
    segments: tuple[SegmentView, ...]
    split_confirmed: bool
    version: str
    checked: frozenset[tuple[str, str, int | None]] = field(default_factory=frozenset)
    """(segment id, field, item) a clerk has confirmed or corrected."""
    pending_uploads: tuple[dict[str, Any], ...] = ()
    """Later uploads of the same bytes whose own Reference ID needs a clerk (invalid, unknown, conflicting)."""


def version_of(document: Document) -> str:
    """What a clerk's page was drawn from: the count of clerks' changes to the document."""
    return str(document.review_revision or 0)


class SqlReview:
    """The clerks' queue and actions. ``threshold`` is the auto-accept confidence (DOCINTAKE_AUTO_ACCEPT)."""

    def __init__(self, records: SqlRecords, *, threshold: float = 0.9, draft_ttl: timedelta = timedelta(hours=96)
                 ) -> None:
        self.records = records
        self.threshold = threshold
        self.draft_ttl = draft_ttl

    # -- reading -------------------------------------------------------------------------------------------------

    def queue(self, *, reason: str | None = None, source: str | None = None, urgent_only: bool = False,
              limit: int = 500) -> list[QueueItem]:
        """Open review work: urgent first, then oldest. ``reason`` filters on a reason's kind (the part before
        ':'), ``quarantined`` included; ``source`` on fax/upload/cli."""
        with self.records.transaction() as session:
            # Only the columns a row shows: the extraction JSON is read by path in the database, not loaded whole.
            columns = (Document.id, Document.file_name, Document.state, Document.review_reasons,
                       Document.quarantine_code, Document.created_at, Document.review_revision,
                       Document.extraction["fields"]["urgent"]["value"].as_boolean(),
                       Document.extraction["document_type"]["value"].as_string(),
                       Document.extraction["pages"].as_integer())
            rows = session.execute(select(*columns).where(
                Document.state.in_(QUEUE_STATES), Document.review_closed_at.is_(None))).all()
            pending = _pending_uploads(session)
            listed = {r[0] for r in rows}
            missing = [i for i in pending if i not in listed]
            if missing:
                rows = [*rows, *session.execute(select(*columns).where(Document.id.in_(missing))).all()]
            sources = _first_sources(session, [r[0] for r in rows])
            items = []
            for (document_id, file_name, state, reasons, quarantine, created, revision, urgent, kind,
                 pages) in rows:
                own = _reason_list(state, reasons, quarantine) if document_id in listed else []
                uploads = [r for sub in pending.get(document_id, []) for r in sub.reference_outcome["review_reasons"]]
                item = QueueItem(
                    document_id=document_id, file_name=file_name, state=state,
                    reasons=tuple(dict.fromkeys([*own, *uploads])), urgent=bool(urgent),
                    received_at=utc(created) or created, source=sources.get(document_id, {}).get("source", "?"),
                    document_type=kind, pages=pages, version=str(revision or 0),
                )
                if reason and not any(r.split(":")[0] == reason for r in item.reasons):
                    continue
                if source and item.source != source:
                    continue
                if urgent_only and not item.urgent:
                    continue
                items.append(item)
            items.sort(key=lambda i: (not i.urgent, i.received_at, i.document_id))
            return items[:limit]

    def queue_size(self) -> int:
        with self.records.transaction() as session:
            listed = set(session.scalars(select(Document.id).where(
                Document.state.in_(QUEUE_STATES), Document.review_closed_at.is_(None))))
            return len(listed | set(_pending_uploads(session)))

    def document(self, document_id: str) -> DocumentView | None:
        with self.records.transaction() as session:
            doc = session.get(Document, document_id)
            return None if doc is None else self._view(session, doc)

    def _view(self, session: Session, doc: Document) -> DocumentView:
        segments = []
        for segment in session.scalars(select(Segment).where(Segment.document_id == doc.id)
                                       .order_by(Segment.first_page)):
            link = session.execute(
                select(Case, CaseLink.method).join(CaseLink, CaseLink.case_id == Case.id)
                .where(CaseLink.segment_id == segment.id).order_by(CaseLink.id.desc()).limit(1)
            ).first()
            segments.append(SegmentView(
                id=segment.id, first_page=segment.first_page, last_page=segment.last_page,
                document_type=segment.document_type, status=segment.status,
                review_reasons=tuple(segment.review_reasons), fields=dict(segment.fields),
                case=_summary(link[0]) if link else None, match=link[1] if link else None,
            ))
        submissions = session.scalars(select(Submission).where(Submission.document_id == doc.id)
                                      .order_by(Submission.recorded_at)).all()
        checked = frozenset(session.execute(
            select(Correction.segment_id, Correction.field, Correction.item).where(Correction.document_id == doc.id)
        ).tuples().all())
        split_confirmed = session.scalar(select(func.count()).select_from(Audit).where(
            Audit.subject_type == "document", Audit.subject_id == doc.id, Audit.action == "split.confirmed")) or 0
        extraction = doc.extraction or {}
        in_queue = doc.state in QUEUE_STATES and doc.review_closed_at is None
        return DocumentView(
            id=doc.id, file_name=doc.file_name, format=doc.format, state=doc.state,
            pages=int(extraction.get("pages") or max((s.last_page for s in segments), default=0)),
            ocr=extraction.get("ocr"), reasons=_reasons(doc),
            quarantine=({"code": doc.quarantine_code, "message": doc.quarantine_message or ""}
                        if doc.quarantine_code else None),
            in_queue=in_queue, retryable=bool(in_queue and doc.state == "quarantined" and doc.blob_key
                                              and doc.quarantine_code in RETRYABLE),
            has_original=doc.blob_key is not None, urgent=_urgent(doc.extraction),
            received_at=utc(doc.created_at) or doc.created_at,
            sources=tuple({"source": s.source, "uploader": s.uploader, "given_reference_id": s.given_reference_id,
                           "received_at": utc(s.received_at), "sender": s.sender, "duplicate": s.duplicate}
                          for s in submissions),
            segments=tuple(segments), split_confirmed=bool(split_confirmed), version=version_of(doc),
            checked=checked,
            pending_uploads=tuple({"submission_id": s.id, "source": s.source, "uploader": s.uploader,
                                   "given_reference_id": s.given_reference_id, "received_at": utc(s.received_at),
                                   "review_reasons": list(s.reference_outcome["review_reasons"])}
                                  for s in _pending_uploads(session, doc.id).get(doc.id, [])),
        )

    def others_viewing(self, document_id: str, username: str, now: datetime,
                       within: timedelta = timedelta(minutes=10)) -> list[str]:
        """Other users who opened this document lately (from the audit): a clerk is warned before working on a
        document someone else has open, instead of finding out from a refused change."""
        with self.records.transaction() as session:
            return sorted(set(session.scalars(select(Audit.actor).where(
                Audit.subject_type == "document", Audit.subject_id == document_id,
                Audit.action == "document.viewed", Audit.actor != username, Audit.at >= now - within))))

    def search_cases(self, query: str, dob: date | None = None, limit: int = 20) -> list[CaseSummary]:
        """Cases by Reference ID, or by member ID (with the date of birth when given), live ones first."""
        text = normalise_reference_id(query)
        if not text:
            return []
        with self.records.transaction() as session:
            condition = or_(Case.reference_id == text, func.upper(Case.policy_id) == text)
            statement = select(Case).where(condition)
            if dob is not None:
                statement = statement.where(or_(Case.reference_id == text, Case.dob == dob))
            rows = session.scalars(statement.order_by(Case.reference_id).limit(limit)).all()
            found = [_summary(r) for r in rows]
            found.sort(key=lambda c: (c.status not in ("open", "draft"), c.reference_id))
            return found

    def audit_view(self, username: str, action: str, subject_type: str, subject_id: str,
                   evidence: dict[str, Any] | None = None, now: datetime | None = None) -> None:
        """Record that a user looked at something (a document, a page, the audit log)."""
        from datetime import UTC

        with self.records.transaction() as session:
            _audit(session, now or datetime.now(UTC), username, action, subject_type, subject_id, evidence=evidence)

    def audit_log(self, *, action: str | None = None, actor: str | None = None, subject_id: str | None = None,
                  before_id: int | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """The newest audit rows first, filtered; ``before_id`` pages back."""
        with self.records.transaction() as session:
            statement = select(Audit).order_by(Audit.id.desc()).limit(limit)
            if action:
                statement = statement.where(Audit.action.startswith(action))
            if actor:
                statement = statement.where(Audit.actor == actor)
            if subject_id:
                statement = statement.where(Audit.subject_id == subject_id)
            if before_id:
                statement = statement.where(Audit.id < before_id)
            return [{"id": a.id, "at": utc(a.at), "actor": a.actor, "action": a.action,
                     "subject_type": a.subject_type, "subject_id": a.subject_id, "old": a.old_value,
                     "new": a.new_value, "evidence": a.evidence} for a in session.scalars(statement)]

    def page_source(self, document_id: str) -> dict[str, Any] | None:
        """What the page renderer needs of a document: blob key, sha256, format, MIME type, page turns."""
        with self.records.transaction() as session:
            doc = session.get(Document, document_id)
            if doc is None:
                return None
            return {"blob_key": doc.blob_key, "sha256": doc.sha256, "format": doc.format, "mime": doc.mime,
                    "rotations": list((doc.extraction or {}).get("page_rotations") or [])}

    # -- changing ------------------------------------------------------------------------------------------------

    @contextmanager
    def _change(self, document_id: str, version: str, *, queued: bool = True) -> Iterator[tuple[Session, Document]]:
        """The document under its write lock, at the version the clerk's page shows, and (``queued``) still in
        the queue; its revision is counted up for the change made inside."""
        with self.records.transaction() as session:
            doc = session.scalar(select(Document).where(Document.id == document_id).with_for_update())
            if doc is None:
                raise ReviewError("not_found", "There is no such document.")
            if version_of(doc) != version:
                raise ReviewError("stale", "Someone changed this document since you opened it; it has been "
                                           "reloaded with their change.")
            if queued and (doc.state not in QUEUE_STATES or doc.review_closed_at is not None):
                raise ReviewError("closed", "This document is no longer in the review queue.")
            doc.review_revision = (doc.review_revision or 0) + 1
            yield session, doc

    def set_field(self, document_id: str, version: str, segment_id: str, name: str, item: int | None,
                  raw: str | None, actor: tuple[str, str], now: datetime) -> str:
        """Confirm (``raw`` equal to the value), correct, add (list field, ``item`` None) or remove (``raw``
        None) one value. Returns the document's new version."""
        if name not in FIELDS or (item is not None and name not in LIST_FIELDS):
            raise ReviewError("bad_field", "There is no such field.")
        user_id, username = actor
        with self._change(document_id, version) as (session, doc):
            segment = _segment_of(session, doc.id, segment_id)
            fields = dict(segment.fields)
            value = None if raw is None else parse(name, raw, now.date())
            if name in SCALAR_FIELDS:
                old = fields.get(name)
                fields[name] = None if value is None else _clerk_value(value, old, old is not None and
                                                                       old.get("value") == value)
            else:
                items = list(fields.get(name) or [])
                if item is None:
                    if value is None:
                        raise ReviewError("bad_field", "Type a value to add.")
                    if any(i.get("value") == value for i in items):
                        raise ReviewError("exists", "That code is already listed.")
                    old = None
                    items.append(_clerk_value(value, None, False))
                    item = len(items) - 1
                else:
                    if not 0 <= item < len(items):
                        raise ReviewError("bad_field", "There is no such item.")
                    old = items[item]
                    if value is None:
                        items.pop(item)
                    else:
                        items[item] = _clerk_value(value, old, old.get("value") == value)
                fields[name] = items
            confirmed = value is not None and old is not None and old.get("value") == value
            segment.fields = fields
            segment.review_reasons = [r for r in segment.review_reasons
                                      if r not in (f"low_confidence:{name}", f"missing:{name}")
                                      or not _settled(fields, name)]
            session.add(Correction(document_id=doc.id, segment_id=segment.id, field=name, item=item,
                                   old_value=({"value": old.get("value"), "confidence": old.get("confidence")}
                                              if old else None),
                                   new_value=None if value is None else {"value": value}, user_id=user_id, at=now))
            action = "field.confirmed" if confirmed else "field.removed" if value is None else "field.corrected"
            _audit(session, now, username, action, "segment", segment.id,
                   old={"field": name, "item": item, "value": old.get("value") if old else None},
                   new={"field": name, "item": item, "value": value},
                   evidence={"document_id": doc.id})
            doc.review_reasons = _union(session, doc.id)
            doc.updated_at = now
            return version_of(doc)

    def attach(self, document_id: str, version: str, segment_id: str, reference_id: str, actor: tuple[str, str],
               now: datetime, *, identity_checked: bool = False) -> str:
        """Attach a segment to a live case. Values below the threshold must be confirmed first; a case whose
        member ID, DOB or name disagrees with the segment's needs ``identity_checked``."""
        _, username = actor
        with self._change(document_id, version) as (session, doc):
            segment = _segment_of(session, doc.id, segment_id)
            self._require_checked(session, doc.id, segment)
            case = _live_case(session, reference_id)
            conflicts = _checked_identity([segment], case, identity_checked)
            # The ingest contract's match methods: a clerk's choice by Reference ID is `reference_id`; who chose it
            # is in the link's evidence and the audit.
            self._link(session, doc, segment, case, "reference_id", username, now,
                       evidence={"by": "clerk", "user": username, "conflicts": conflicts,
                                 "identity_checked": identity_checked})
            return self._settle(session, doc, username, now)

    def create_draft(self, document_id: str, version: str, segment_id: str, actor: tuple[str, str],
                     now: datetime) -> tuple[str, str]:
        """Open a new draft case from the segment's (confirmed) fields and attach the segment to it. Returns
        (the new Reference ID, the document's version)."""
        _, username = actor
        with self._change(document_id, version) as (session, doc):
            segment = _segment_of(session, doc.id, segment_id)
            self._require_checked(session, doc.id, segment)
            identity = Identity.from_json(segment.fields)
            if not identity.dob or not (identity.policy_id or (identity.last_name and identity.has_code)):
                raise ReviewError("unidentified", "A draft needs the date of birth and the member ID (or the "
                                  "patient's name and a code). Add them first.")
            store = SqlCaseStore(session, self.records.span)
            record = store.create_draft(DraftRequest(
                policy_id=identity.policy_id, dob=identity.dob, first_name=identity.first_name,
                last_name=identity.last_name, cpt=identity.cpt, hcpcs=identity.hcpcs, icd10=identity.icd10,
                urgent=identity.urgent), now, self.draft_ttl)
            case = store.row(record.reference_id)
            assert case is not None
            _audit(session, now, username, "case.draft_created", "case", case.reference_id,
                   new={"status": case.status, "expires_at": case.expires_at.isoformat() if case.expires_at else None},
                   evidence={"by": "clerk", "document_id": doc.id})
            self._link(session, doc, segment, case, "new_draft", username, now,
                       evidence={"by": "clerk", "user": username}, event="case.draft_created")
            return case.reference_id, self._settle(session, doc, username, now)

    def reject(self, document_id: str, version: str, reason: str, note: str, actor: tuple[str, str],
               now: datetime) -> None:
        """Take a document out of the queue unattached, with a reason from REJECT_REASONS; its links end."""
        if reason not in REJECT_REASONS:
            raise ReviewError("bad_reason", "Choose a reason.")
        _, username = actor
        with self._change(document_id, version) as (session, doc):
            segment_ids = session.scalars(select(Segment.id).where(Segment.document_id == doc.id)).all()
            links = session.scalars(select(CaseLink).where(CaseLink.segment_id.in_(segment_ids))).all()
            for link in links:
                _audit(session, now, username, "segment.unlinked", "segment", link.segment_id,
                       old={"case_id": link.case_id, "method": link.method}, evidence={"by": "reject"})
                session.delete(link)
            old = {"state": doc.state, "quarantine_code": doc.quarantine_code}
            if doc.state == "review":
                doc.state = "quarantined"
                # The one quarantine code the ingest contract adds for a clerk's decision; the reason is in the
                # message and, as a code, in the audit row and the outbox event.
                doc.quarantine_code = "rejected_by_clerk"
                doc.quarantine_message = REJECT_REASONS[reason]
            doc.review_closed_at = now
            doc.updated_at = now
            _audit(session, now, username, "document.rejected", "document", doc.id, old=old,
                   new={"state": doc.state, "reason": reason, "note": note.strip()[:500] or None})
            _outbox(session, now, "document.reviewed", doc.id,
                    {"document_id": doc.id, "outcome": "rejected", "reason": reason})

    def retry(self, document_id: str, version: str, actor: tuple[str, str], now: datetime) -> None:
        """Read a quarantined document again (a reading failure, its original stored): the reconciler publishes
        it within its interval."""
        _, username = actor
        with self._change(document_id, version) as (session, doc):
            if not (doc.state == "quarantined" and doc.blob_key and doc.quarantine_code in RETRYABLE):
                raise ReviewError("not_retryable", "Only a stored document whose reading failed can be read again.")
            old = {"state": doc.state, "quarantine_code": doc.quarantine_code}
            doc.state, doc.attempts, doc.claimed_by = "received", 0, None
            doc.quarantine_code = doc.quarantine_message = None
            doc.available_at, doc.lease_until = now, now - timedelta(seconds=1)
            doc.updated_at = now
            _audit(session, now, username, "document.retried", "document", doc.id, old=old,
                   new={"state": "received"})

    def confirm_split(self, document_id: str, version: str, actor: tuple[str, str], now: datetime) -> str:
        _, username = actor
        with self._change(document_id, version) as (session, doc):
            segments = session.scalars(select(Segment).where(Segment.document_id == doc.id)).all()
            if len(segments) < 2:
                raise ReviewError("no_split", "This document is not split.")
            for segment in segments:
                segment.review_reasons = [r for r in segment.review_reasons if r != "split_unconfirmed"]
            doc.review_reasons = _union(session, doc.id)
            doc.updated_at = now
            _audit(session, now, username, "split.confirmed", "document", doc.id,
                   new={"segments": [[s.first_page, s.last_page] for s in segments]})
            return self._settle(session, doc, username, now)

    def undo_split(self, document_id: str, version: str, actor: tuple[str, str], now: datetime) -> str:
        """One segment for the whole file again, with the file's own fields; only before any segment is linked."""
        _, username = actor
        with self._change(document_id, version) as (session, doc):
            segments = session.scalars(select(Segment).where(Segment.document_id == doc.id)
                                       .order_by(Segment.first_page)).all()
            if len(segments) < 2:
                raise ReviewError("no_split", "This document is not split.")
            if session.scalar(select(func.count()).select_from(CaseLink)
                              .where(CaseLink.segment_id.in_([s.id for s in segments]))):
                raise ReviewError("linked", "A part is already attached to a case; undo that first.")
            extraction = doc.extraction or {}
            reasons = sorted({r for s in segments for r in s.review_reasons if r != "split_unconfirmed"})
            kind = (extraction.get("document_type") or {}).get("value")
            session.execute(delete(Segment).where(Segment.document_id == doc.id))
            whole = Segment(id=new_id(), document_id=doc.id, first_page=1,
                            last_page=max(s.last_page for s in segments), document_type=kind,
                            fields=dict(extraction.get("fields") or {}), status="review", review_reasons=reasons,
                            created_at=now)
            session.add(whole)
            session.flush()
            doc.review_reasons = _union(session, doc.id)
            doc.updated_at = now
            _audit(session, now, username, "split.undone", "document", doc.id,
                   old={"segments": [[s.first_page, s.last_page] for s in segments]},
                   new={"segments": [[whole.first_page, whole.last_page]], "segment_id": whole.id})
            return version_of(doc)

    # -- later uploads naming another case ---------------------------------------------------------------------

    @contextmanager
    def _upload(self, document_id: str, version: str, submission_id: str
                ) -> Iterator[tuple[Session, Document, Submission]]:
        with self._change(document_id, version, queued=False) as (session, doc):
            submission = session.get(Submission, submission_id)
            if (submission is None or submission.document_id != doc.id
                    or not (submission.reference_outcome or {}).get("review_reasons")):
                raise ReviewError("closed", "This upload no longer needs a clerk.")
            yield session, doc, submission

    def link_upload(self, document_id: str, version: str, submission_id: str, reference_id: str,
                    actor: tuple[str, str], now: datetime, *, identity_checked: bool = False) -> str:
        """A later upload of this file meant a case its Reference ID did not name right: link the document's
        parts to that case too (never instead of their own), with the same identity check as an attachment."""
        _, username = actor
        with self._upload(document_id, version, submission_id) as (session, doc, submission):
            case = _live_case(session, reference_id)
            segments = session.scalars(select(Segment).where(Segment.document_id == doc.id)
                                       .order_by(Segment.first_page)).all()
            conflicts = _checked_identity(segments, case, identity_checked)
            evidence = {"by": "clerk", "user": username, "submission_id": submission.id, "conflicts": conflicts,
                        "identity_checked": identity_checked}
            for segment in segments:
                if session.scalar(select(CaseLink.id).where(CaseLink.segment_id == segment.id,
                                                            CaseLink.case_id == case.id)) is not None:
                    continue
                session.add(CaseLink(segment_id=segment.id, case_id=case.id, method="reference_id",
                                     evidence=evidence, created_at=now))
                _audit(session, now, username, "segment.linked", "segment", segment.id,
                       new={"reference_id": case.reference_id, "method": "reference_id"}, evidence=evidence)
                _outbox(session, now, "document.attached", case.reference_id,
                        {"document_id": doc.id, "segment_id": segment.id, "reference_id": case.reference_id,
                         "match": "reference_id", "submission_id": submission.id})
            old = submission.reference_outcome
            submission.reference_outcome = {"case": {"reference_id": case.reference_id, "match": "reference_id"},
                                            "review_reasons": [], "reviewed_by": username}
            _audit(session, now, username, "submission.reviewed", "submission", submission.id, old=old,
                   new=submission.reference_outcome, evidence={"document_id": doc.id})
            return version_of(doc)

    def dismiss_upload(self, document_id: str, version: str, submission_id: str, actor: tuple[str, str],
                       now: datetime) -> str:
        """The later upload's Reference ID was simply wrong and the document is where it belongs: say so."""
        _, username = actor
        with self._upload(document_id, version, submission_id) as (session, doc, submission):
            old = submission.reference_outcome
            submission.reference_outcome = {"case": None, "review_reasons": [], "dismissed_by": username}
            _audit(session, now, username, "submission.dismissed", "submission", submission.id, old=old,
                   new=submission.reference_outcome, evidence={"document_id": doc.id})
            _outbox(session, now, "document.reviewed", doc.id,
                    {"document_id": doc.id, "submission_id": submission.id, "outcome": "dismissed"})
            return version_of(doc)

    # -- helpers -------------------------------------------------------------------------------------------------

    def _require_checked(self, session: Session, document_id: str, segment: Segment) -> None:
        """Every value below the threshold confirmed or corrected by a clerk, and a split confirmed."""
        if "split_unconfirmed" in segment.review_reasons:
            raise ReviewError("split_unconfirmed", "Confirm or undo the proposed split first.")
        checked = set(session.execute(select(Correction.field, Correction.item).where(
            Correction.document_id == document_id, Correction.segment_id == segment.id)).tuples().all())
        unsure = []
        for name in FIELDS:
            found = segment.fields.get(name)
            items = found if isinstance(found, list) else [found]
            for index, value in enumerate(items):
                if not isinstance(value, dict) or float(value.get("confidence") or 0) >= self.threshold:
                    continue
                if (name, index if name in LIST_FIELDS else None) not in checked:
                    unsure.append(name)
        if unsure:
            raise ReviewError("unconfirmed", "Confirm or correct the values below the threshold first.",
                              sorted(set(unsure)))

    def _link(self, session: Session, doc: Document, segment: Segment, case: Case, method: str, username: str,
              now: datetime, *, evidence: dict[str, Any], event: str = "document.attached") -> None:
        for old in session.scalars(select(CaseLink).where(CaseLink.segment_id == segment.id)).all():
            if old.case_id == case.id:
                continue
            _audit(session, now, username, "segment.unlinked", "segment", segment.id,
                   old={"case_id": old.case_id, "method": old.method}, new={"case_id": case.id})
            session.delete(old)
        session.flush()
        existing = session.scalar(select(CaseLink).where(CaseLink.segment_id == segment.id,
                                                         CaseLink.case_id == case.id))
        if existing is None:
            session.add(CaseLink(segment_id=segment.id, case_id=case.id, method=method, evidence=evidence,
                                 created_at=now))
        segment.status = "draft_created" if method == "new_draft" else "attached"
        segment.review_reasons = []
        identity = Identity.from_json(segment.fields)
        codes = dict(case.codes or {})
        for key, values in (("cpt", identity.cpt), ("hcpcs", identity.hcpcs), ("icd10", identity.icd10)):
            codes[key] = list(dict.fromkeys([*codes.get(key, []), *values]))
        if codes != case.codes or (identity.urgent and not case.urgent):
            old_codes = case.codes
            case.codes = codes
            case.urgent = case.urgent or identity.urgent
            case.updated_at = now
            _audit(session, now, username, "case.updated", "case", case.reference_id,
                   old={"codes": old_codes}, new={"codes": codes, "urgent": case.urgent},
                   evidence={"document_id": doc.id, "segment_id": segment.id})
        _audit(session, now, username, "segment.linked", "segment", segment.id,
               new={"reference_id": case.reference_id, "method": method}, evidence=evidence)
        _outbox(session, now, event, case.reference_id,
                {"document_id": doc.id, "segment_id": segment.id, "reference_id": case.reference_id,
                 "match": method})
        doc.updated_at = now

    def _settle(self, session: Session, doc: Document, username: str, now: datetime) -> str:
        """When every segment is linked, the document leaves the queue; returns its version either way."""
        segments = session.scalars(select(Segment).where(Segment.document_id == doc.id)
                                   .order_by(Segment.first_page)).all()
        doc.review_reasons = _union(session, doc.id)
        if segments and all(s.status in LINKED for s in segments):
            old = doc.state
            doc.state = _document_state([s.status for s in segments])
            doc.review_reasons = []
            doc.review_closed_at = now
            cases = []
            for segment in segments:
                reference = session.scalar(select(Case.reference_id).join(CaseLink, CaseLink.case_id == Case.id)
                                           .where(CaseLink.segment_id == segment.id))
                cases.append({"segment_id": segment.id, "pages": [segment.first_page, segment.last_page],
                              "reference_id": reference, "status": segment.status})
            # What the portal reads back (GET /v1/documents/{id}): the values as the clerk left them; the machine's
            # own stay beside them, and each change is in `correction` and `audit`.
            doc.extraction = {**(doc.extraction or {}),
                              "reviewed_fields": _union_fields([dict(s.fields) for s in segments])}
            _audit(session, now, username, "document.reviewed", "document", doc.id, old={"state": old},
                   new={"state": doc.state, "segments": cases})
            _outbox(session, now, "document.reviewed", doc.id,
                    {"document_id": doc.id, "outcome": doc.state, "segments": cases})
        doc.updated_at = now
        return version_of(doc)


# -- corrections, for the admin's export ---------------------------------------------------------------------------

def corrected_documents(records: SqlRecords) -> Iterator[dict[str, Any]]:
    """Every settled document a clerk corrected or confirmed, in the samples' expected-JSON shape (values only):
    what the clerk says the document prints, for measuring and retraining in this deployment."""
    with records.transaction() as session:
        ids = session.scalars(select(Correction.document_id).distinct().order_by(Correction.document_id)).all()
        for document_id in ids:
            doc = session.get_one(Document, document_id)
            if doc.review_closed_at is None or doc.state == "quarantined":
                continue
            segments = session.scalars(select(Segment).where(Segment.document_id == doc.id)
                                       .order_by(Segment.first_page)).all()
            parts = [{"pages": [s.first_page, s.last_page], "document_type": {"value": s.document_type},
                      "fields": _values_only(s.fields)} for s in segments]
            corrected = session.execute(select(Correction.field, func.count()).where(
                Correction.document_id == doc.id).group_by(Correction.field)).tuples().all()
            extraction = doc.extraction or {}
            yield {
                "schema_version": 1, "file": doc.file_name, "document_id": doc.id, "sha256": doc.sha256,
                "format": doc.format, "pages": extraction.get("pages"), "ocr": extraction.get("ocr"),
                "document_type": parts[0]["document_type"] if parts else None,
                "fields": _values_only(_union_fields([dict(s.fields) for s in segments])), "segments": parts,
                "made_by": "clerk review", "corrected_fields": dict(sorted(corrected)),
                "pipeline_version": doc.pipeline_version,
            }


def _values_only(fields: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in FIELDS:
        found = fields.get(name)
        if name in LIST_FIELDS:
            out[name] = [{"value": i.get("value")} for i in (found or []) if isinstance(i, dict)]
        else:
            out[name] = {"value": found.get("value")} if isinstance(found, dict) else None
    return out


def _union_fields(parts: list[dict[str, Any]]) -> dict[str, Any]:
    """The file's fields from its segments' (the samples' rule): first non-null scalar, lists united, urgent if
    any part is."""
    out: dict[str, Any] = {name: ([] if name in LIST_FIELDS else None) for name in FIELDS}
    for fields in parts:
        for name in FIELDS:
            found = fields.get(name)
            if name in LIST_FIELDS:
                seen = {i.get("value") for i in out[name]}
                out[name].extend(i for i in (found or []) if isinstance(i, dict) and i.get("value") not in seen)
            elif not isinstance(found, dict):
                continue
            elif name == "urgent":
                if out[name] is None or found.get("value"):
                    out[name] = found
            elif out[name] is None:
                out[name] = found
    return out


def _live_case(session: Session, reference_id: str) -> Case:
    case = session.scalar(select(Case).where(Case.reference_id == normalise_reference_id(reference_id)))
    if case is None or case.status not in ("open", "draft"):
        raise ReviewError("no_case", "There is no open or draft case with this Reference ID.")
    return case


def _checked_identity(segments: Sequence[Segment], case: Case, identity_checked: bool) -> list[str]:
    """The identity fields on which these parts and the case disagree; refused unless the clerk checked them."""
    conflicts = sorted({c for s in segments for c in contradictions(Identity.from_json(s.fields), to_record(case))})
    if conflicts and not identity_checked:
        raise ReviewError("identity_conflict", "The case's member does not match this document. Check the fields "
                          "listed, then confirm that this is the same patient.", conflicts)
    return conflicts


def _clerk_value(value: object, old: dict[str, Any] | None, confirmed: bool) -> dict[str, Any]:
    """A value a clerk vouched for: confidence 1.0, the place on the page kept from the extraction."""
    return {"value": value, "confidence": 1.0, "page": old.get("page") if old else None,
            "bbox": old.get("bbox") if old else None,
            "explanation": "clerk:confirmed" if confirmed else "clerk:corrected"}


def _settled(fields: dict[str, Any], name: str) -> bool:
    found = fields.get(name)
    return bool(found) if name in LIST_FIELDS else found is not None


def _segment_of(session: Session, document_id: str, segment_id: str) -> Segment:
    segment = session.get(Segment, segment_id)
    if segment is None or segment.document_id != document_id:
        raise ReviewError("not_found", "There is no such part of this document.")
    return segment


def _union(session: Session, document_id: str) -> list[str]:
    reasons: list[str] = []
    for segment in session.scalars(select(Segment).where(Segment.document_id == document_id)
                                   .order_by(Segment.first_page)):
        reasons.extend(segment.review_reasons)
    return list(dict.fromkeys(reasons))


def _reasons(doc: Document) -> tuple[str, ...]:
    return tuple(_reason_list(doc.state, doc.review_reasons, doc.quarantine_code))


def _reason_list(state: str, reasons: list[Any] | None, quarantine_code: str | None) -> list[str]:
    found = [str(r) for r in reasons or []]
    if state == "quarantined" and quarantine_code:
        found.insert(0, f"quarantined:{quarantine_code}")
    return found


def _urgent(extraction: dict[str, Any] | None) -> bool:
    urgent = ((extraction or {}).get("fields") or {}).get("urgent")
    return bool(isinstance(urgent, dict) and urgent.get("value"))


def _summary(case: Case) -> CaseSummary:
    return CaseSummary(reference_id=case.reference_id, status=case.status, policy_id=case.policy_id, dob=case.dob,
                       first_name=case.first_name, last_name=case.last_name, plan=case.plan, urgent=case.urgent,
                       expires_at=utc(case.expires_at))


def _pending_uploads(session: Session, document_id: str | None = None) -> dict[str, list[Submission]]:
    """Duplicate submissions whose own Reference ID came to review reasons a clerk has not yet settled."""
    statement = select(Submission).where(Submission.duplicate.is_(True), Submission.reference_outcome.is_not(None))
    if document_id is not None:
        statement = statement.where(Submission.document_id == document_id)
    found: dict[str, list[Submission]] = {}
    for submission in session.scalars(statement.order_by(Submission.recorded_at, Submission.id)):
        if (submission.reference_outcome or {}).get("review_reasons"):
            found.setdefault(submission.document_id, []).append(submission)
    return found


def _first_sources(session: Session, document_ids: list[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(document_ids), 500):
        chunk = document_ids[start:start + 500]
        for sub in session.scalars(select(Submission).where(Submission.document_id.in_(chunk))
                                   .order_by(Submission.recorded_at)):
            found.setdefault(sub.document_id, {"source": sub.source})
    return found

