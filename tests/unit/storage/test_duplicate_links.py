"""Duplicates naming another case: the same bytes for a different Reference ID are linked to it, never re-read."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import inspect, select

from docintake.cases.matching import INVALID_REFERENCE_ID, UNKNOWN_REFERENCE_ID, Identity, match
from docintake.cases.reference import make_reference_id
from docintake.intake.outcome import ingest_json
from docintake.intake.records import Arrival, SegmentResult, StoredOriginal
from docintake.storage.tables import Audit, Case, CaseLink, Outbox, Submission

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
LEASE = timedelta(minutes=5)
GRACE = timedelta(minutes=1)
DOB = date(1960, 1, 5)
CASE_A = "PA1234567897"
CASE_B = "PA9876543217"
FIELDS = {
    "reference_id": None, "policy_id": {"value": "W123456789", "confidence": 0.95, "page": 1, "bbox": None,
                                        "explanation": "t"},
    "dob": {"value": "1960-01-05", "confidence": 0.95, "page": 1, "bbox": None, "explanation": "t"},
    "patient_name": {"value": {"first": "Jane", "last": "Doe"}, "confidence": 0.95, "page": 1, "bbox": None,
                     "explanation": "t"},
    "npi": [], "cpt": [], "hcpcs": [], "icd10": [], "service_date": None, "urgent": None,
}


def arrival(name="a.pdf", reference_id=None):
    return Arrival(file_name=name, source="cli", received_at=NOW, given_reference_id=reference_id)


def original(sha="a" * 64):
    return StoredOriginal(sha, 10, "pdf", "application/pdf", f"{sha}/original")


def add_case(records, reference_id, policy_id="W123456789", last_name="Doe", status="open"):
    with records.transaction() as session:
        session.add(Case(reference_id=reference_id, status=status, policy_id=policy_id, dob=DOB, first_name="Jane",
                         last_name=last_name, codes={}, urgent=False, origin="import", created_at=NOW,
                         updated_at=NOW))


@pytest.fixture
def cases(records):
    add_case(records, CASE_A)
    add_case(records, CASE_B)
    return records


def process(records, document_id, given=None, fields=FIELDS, segments=((1, 1),)):
    """Finish the first document as a worker would: one segment per page range, matched on its fields."""
    claim = records.claim(document_id, "w1", NOW, LEASE)
    identity = Identity.from_json(fields)

    def decide(store):
        return [SegmentResult(pages, "pa_request_form", fields, match(identity, store, NOW, given_reference_id=given))
                for pages in segments]

    return records.complete(claim, "w1", NOW, extraction={"fields": fields}, pipeline_version="t", decide=decide)


def first_attached_to_a(records):
    first = records.record_arrival(arrival(reference_id=CASE_A), original(), NOW, GRACE)
    assert process(records, first.document_id, given=CASE_A) == "attached"
    return first


def answer(records, recorded):
    return ingest_json("b.pdf", recorded, records.ingest_view(recorded.document_id))


def links(records):
    with records.transaction() as session:
        return session.execute(select(Case.reference_id, CaseLink.method, CaseLink.evidence)
                               .join(CaseLink, CaseLink.case_id == Case.id).order_by(CaseLink.id)).all()


def events(records):
    with records.transaction() as session:
        return session.execute(select(Outbox.event, Outbox.payload).order_by(Outbox.id)).all()


def test_the_same_bytes_for_another_case_are_linked_to_it_too(cases):
    first = first_attached_to_a(cases)
    before = len(events(cases))
    second = cases.record_arrival(arrival("b.pdf", "pa 987-654-3217"), original(), NOW, GRACE)
    out = answer(cases, second)
    assert (out["status"], out["duplicate_of"], out["case"]) == (
        "duplicate", first.document_id, {"reference_id": CASE_B, "match": "reference_id"})
    assert out["review_reasons"] == []
    found = links(cases)
    assert [(r, m) for r, m, _ in found] == [(CASE_A, "reference_id"), (CASE_B, "reference_id")]
    evidence = found[1][2]
    assert evidence["via"] == "duplicate_submission" and evidence["submission_id"] == second.submission_id
    assert evidence["conflicts"] == []
    new_events = events(cases)[before:]
    assert [e for e, _ in new_events] == ["document.attached"]
    assert new_events[0][1]["reference_id"] == CASE_B and new_events[0][1]["submission_id"] == second.submission_id
    with cases.transaction() as session:
        actions = session.scalars(select(Audit.action).where(Audit.subject_id == second.submission_id)).all()
    assert actions == ["submission.reference_checked"]
    # The first submission's answer is unchanged; the document was read once and keeps its state.
    assert answer(cases, first)["case"] == {"reference_id": CASE_A, "match": "reference_id"}
    assert cases.document_state(first.document_id) == "attached"


@pytest.mark.parametrize(("given", "reason"), [("PA9876543210", INVALID_REFERENCE_ID),
                                               (make_reference_id(555_555_555), UNKNOWN_REFERENCE_ID)])
def test_a_failed_check_or_unknown_case_is_a_review_reason_and_links_nothing(cases, given, reason):
    first = first_attached_to_a(cases)
    second = cases.record_arrival(arrival("b.pdf", given), original(), NOW, GRACE)
    out = answer(cases, second)
    assert (out["status"], out["duplicate_of"], out["case"], out["review_reasons"]) == (
        "duplicate", first.document_id, None, [reason])
    assert len(links(cases)) == 1
    event, payload = events(cases)[-1]
    assert event == "document.needs_review" and payload["review_reasons"] == [reason]


def test_an_identity_that_contradicts_the_named_case_is_not_linked(cases):
    add_case(cases, make_reference_id(111_111_111), policy_id="X999", last_name="Roe")
    first_attached_to_a(cases)
    second = cases.record_arrival(arrival("b.pdf", make_reference_id(111_111_111)), original(), NOW, GRACE)
    out = answer(cases, second)
    assert (out["case"], out["review_reasons"]) == (None, ["identity_conflict"])
    assert len(links(cases)) == 1
    with cases.transaction() as session:
        evidence = session.scalar(select(Audit.evidence).where(Audit.subject_id == second.submission_id))
    assert evidence["conflicts"] == ["patient_name", "policy_id"] and evidence["linked_segments"] == 0


def test_a_case_the_document_is_already_linked_to_gets_no_second_link(cases):
    first_attached_to_a(cases)
    before = len(events(cases))
    second = cases.record_arrival(arrival("b.pdf", CASE_A), original(), NOW, GRACE)
    assert answer(cases, second)["case"] == {"reference_id": CASE_A, "match": "reference_id"}
    assert len(links(cases)) == 1 and len(events(cases)) == before


def test_a_duplicate_without_a_reference_id_changes_nothing(cases):
    first = first_attached_to_a(cases)
    second = cases.record_arrival(arrival("b.pdf"), original(), NOW, GRACE)
    out = answer(cases, second)
    assert (out["status"], out["duplicate_of"], out["case"]) == (
        "duplicate", first.document_id, {"reference_id": CASE_A, "match": "reference_id"})
    with cases.transaction() as session:
        assert session.scalar(select(Submission.reference_outcome).where(Submission.id == second.submission_id)) \
            is None


def test_a_duplicate_arriving_while_the_first_is_read_is_linked_with_its_result(cases):
    first = cases.record_arrival(arrival(), original(), NOW, GRACE)
    second = cases.record_arrival(arrival("b.pdf", CASE_B), original(), NOW, GRACE)
    claim = cases.claim(first.document_id, "w1", NOW, LEASE)
    assert claim.given_reference_id is None  # the duplicate's Reference ID is its own, not the document's
    assert answer(cases, second)["case"] is None  # pending until the first result commits
    cases.complete(claim, "w1", NOW, extraction={"fields": FIELDS}, pipeline_version="t",
                   decide=lambda store: [SegmentResult((1, 1), "pa_request_form", FIELDS,
                                                       match(Identity.from_json(FIELDS), store, NOW))])
    # member + DOB fits both open cases: the document is ambiguous, the duplicate names B and is linked to it.
    assert cases.ingest_view(first.document_id)["review_reasons"] == ["ambiguous"]
    out = answer(cases, second)
    assert out["case"] == {"reference_id": CASE_B, "match": "reference_id"}
    assert [r for r, _, _ in links(cases)] == [CASE_B]


def test_each_segment_is_checked_on_its_own_identity(cases):
    roe = {**FIELDS, "patient_name": {**FIELDS["patient_name"], "value": {"first": "Rick", "last": "Roe"}}}
    first = cases.record_arrival(arrival(), original(), NOW, GRACE)
    claim = cases.claim(first.document_id, "w1", NOW, LEASE)

    def decide(store):
        return [SegmentResult((1, 1), "pa_request_form", FIELDS, match(Identity(), store, NOW)),
                SegmentResult((2, 2), "clinical_note", roe, match(Identity(), store, NOW))]

    cases.complete(claim, "w1", NOW, extraction={"fields": FIELDS}, pipeline_version="t", decide=decide)
    second = cases.record_arrival(arrival("b.pdf", CASE_B), original(), NOW, GRACE)
    out = answer(cases, second)
    assert out["case"] == {"reference_id": CASE_B, "match": "reference_id"}
    assert "identity_conflict" in out["review_reasons"]
    assert [r for r, _, _ in links(cases)] == [CASE_B]


def test_a_duplicate_of_a_quarantined_document_links_nothing(cases):
    refused = cases.record_refusal(arrival(), "c" * 64, 4, "corrupt", "Ask again.", NOW)
    second = cases.record_refusal(arrival("b.pdf", CASE_B), "c" * 64, 4, "corrupt", "Ask again.", NOW)
    assert second.duplicate_of == refused.document_id
    out = answer(cases, second)
    assert (out["status"], out["case"], out["review_reasons"]) == ("duplicate", None, ["quarantined:corrupt"])
    assert links(cases) == []


def test_a_duplicate_waiting_on_a_document_quarantined_while_read_is_settled(cases):
    first = cases.record_arrival(arrival(), original(), NOW, GRACE)
    second = cases.record_arrival(arrival("b.pdf", "PA9876543210"), original(), NOW, GRACE)
    cases.claim(first.document_id, "w1", NOW, LEASE)
    assert cases.quarantine(first.document_id, "w1", NOW, "corrupt", "Ask again.")
    out = answer(cases, second)
    assert out["case"] is None and out["review_reasons"] == ["quarantined:corrupt", INVALID_REFERENCE_ID]


def test_the_watchers_lookup_is_indexed(engine):
    indexes = {ix["name"]: ix["column_names"] for ix in inspect(engine).get_indexes("submission")}
    assert indexes["ix_submission_source_ref"] == ["source", "source_ref"]
