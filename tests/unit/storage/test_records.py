"""SqlRecords: arrivals and duplicates, compare-and-set claims, leases the reconciler takes back, one result."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from docintake.cases.matching import Identity, match
from docintake.intake.records import Arrival, LeaseLost, SegmentResult, StoredOriginal
from docintake.storage.tables import Audit, Case, CaseLink, Document, Outbox, Segment, Submission

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
LEASE = timedelta(minutes=5)
GRACE = timedelta(minutes=1)


def arrival(name="a.pdf", reference_id=None):
    return Arrival(file_name=name, source="cli", received_at=NOW, given_reference_id=reference_id)


def original(sha="a" * 64):
    return StoredOriginal(sha, 10, "pdf", "application/pdf", f"{sha}/original")


def count(records, model):
    with records.transaction() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_the_same_bytes_twice_is_a_duplicate_submission_of_the_first_document(records):
    first = records.record_arrival(arrival(), original(), NOW, GRACE)
    second = records.record_arrival(arrival("b.pdf"), original(), NOW, GRACE)
    assert not first.is_duplicate and second.duplicate_of == first.document_id == second.document_id
    assert count(records, Document) == 1 and count(records, Submission) == 2


def test_a_refusal_is_final_at_once_and_announced(records):
    recorded = records.record_refusal(arrival(), "b" * 64, 4, "corrupt", "Ask again.", NOW)
    view = records.ingest_view(recorded.document_id)
    assert view["state"] == "quarantined" and view["quarantine"]["code"] == "corrupt"
    assert view["review_reasons"] == ["quarantined:corrupt"]
    assert count(records, Outbox) == 1


def test_only_one_worker_claims_a_document(records):
    doc = records.record_arrival(arrival(reference_id="PA1234567897"), original(), NOW, GRACE).document_id
    claim = records.claim(doc, "w1", NOW, LEASE)
    assert claim is not None and claim.attempts == 1 and claim.given_reference_id == "PA1234567897"
    assert records.claim(doc, "w2", NOW, LEASE) is None
    assert records.renew(doc, "w1", NOW, LEASE) and not records.renew(doc, "w2", NOW, LEASE)


def test_nothing_is_due_while_published_and_unclaimed_within_its_grace(records):
    records.record_arrival(arrival(), original(), NOW, GRACE)
    assert records.due_for_publish(NOW, GRACE) == []
    assert len(records.due_for_publish(NOW + GRACE + timedelta(seconds=1), GRACE)) == 1


def test_an_expired_lease_is_taken_back_and_the_old_worker_cannot_commit(records):
    doc = records.record_arrival(arrival(), original(), NOW, GRACE).document_id
    stale = records.claim(doc, "w1", NOW, LEASE)
    later = NOW + LEASE + timedelta(seconds=1)
    assert records.due_for_publish(later, GRACE) == [doc]
    fresh = records.claim(doc, "w2", later, LEASE)
    assert fresh is not None and fresh.attempts == 2

    def decide(store):
        return [SegmentResult((1, 1), None, {}, match(Identity(), store, later))]

    with pytest.raises(LeaseLost):
        records.complete(stale, "w1", later, extraction={}, pipeline_version="t", decide=decide)
    assert records.complete(fresh, "w2", later, extraction={}, pipeline_version="t", decide=decide) == "review"
    assert count(records, Segment) == 1
    with records.transaction() as session:
        actions = session.scalars(select(Audit.action).where(Audit.subject_id == doc)).all()
    assert actions.count("document.finished") == 1 and "document.lease_expired" in actions


def test_a_retry_waits_for_its_backoff(records):
    doc = records.record_arrival(arrival(), original(), NOW, GRACE).document_id
    records.claim(doc, "w1", NOW, LEASE)
    available = NOW + timedelta(seconds=20)
    assert records.retry_later(doc, "w1", NOW, available, "processing_failed")
    assert records.claim(doc, "w2", NOW + timedelta(seconds=5), LEASE) is None
    assert records.due_for_publish(NOW + timedelta(seconds=5), GRACE) == []
    assert records.due_for_publish(available + timedelta(seconds=1), GRACE) == [doc]
    assert records.claim(doc, "w2", available + timedelta(seconds=1), LEASE).attempts == 2


def test_a_draft_link_audit_and_outbox_commit_together(records):
    doc = records.record_arrival(arrival(), original(), NOW, GRACE).document_id
    claim = records.claim(doc, "w1", NOW, LEASE)
    identity = Identity(policy_id="W1", dob=datetime(1960, 1, 5).date())
    state = records.complete(claim, "w1", NOW, extraction={"fields": {}}, pipeline_version="t",
                             decide=lambda store: [SegmentResult((1, 2), "pa_request_form", {},
                                                                 match(identity, store, NOW))])
    assert state == "draft_created"
    view = records.ingest_view(doc)
    assert view["segments"][0]["case"]["match"] == "new_draft"
    with records.transaction() as session:
        assert session.scalar(select(Case.status)) == "draft"
        assert session.scalars(select(Outbox.event)).all() == ["case.draft_created"]
    assert count(records, CaseLink) == 1


def test_a_failure_while_matching_writes_nothing(records):
    doc = records.record_arrival(arrival(), original(), NOW, GRACE).document_id
    claim = records.claim(doc, "w1", NOW, LEASE)

    def decide(store):
        match(Identity(policy_id="W1", dob=datetime(1960, 1, 5).date()), store, NOW)  # creates a draft
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        records.complete(claim, "w1", NOW, extraction={}, pipeline_version="t", decide=decide)
    assert count(records, Case) == 0 and count(records, Segment) == 0
    assert records.document_state(doc) == "processing"
