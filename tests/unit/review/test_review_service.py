"""The review queue's reads and a clerk's changes, on a real (SQLite) database."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from docintake.review.values import InvalidValue
from docintake.storage.review import ReviewError, corrected_documents
from docintake.storage.tables import Audit, Case, CaseLink, Correction, Document, Outbox, Segment

from .conftest import NOW, REF_OPEN, add_case, add_document, field, fields

LATER = NOW + timedelta(minutes=5)


def _version(review, document_id):
    return review.document(document_id).version


def test_queue_puts_urgent_first_then_oldest_and_filters(records, review):
    old, _ = add_document(records, created=NOW - timedelta(hours=3), name="old.tif")
    new_urgent, _ = add_document(records, created=NOW, urgent=True, name="urgent.tif")
    quarantined, _ = add_document(records, segments=[], state="quarantined", reasons=(),
                                  quarantine_code="processing_failed", created=NOW - timedelta(hours=1))
    done, _ = add_document(records, state="attached", reasons=())
    items = review.queue()
    assert [i.document_id for i in items] == [new_urgent, old, quarantined]
    assert done not in {i.document_id for i in items}
    assert [i.document_id for i in review.queue(reason="quarantined")] == [quarantined]
    assert [i.document_id for i in review.queue(urgent_only=True)] == [new_urgent]
    assert review.queue(source="upload") == []
    assert review.queue_size() == 3


def test_a_correction_is_kept_audited_and_clears_its_reason(records, review, clerk, engine):
    document_id, (segment_id,) = add_document(records, segments=[
        ((1, 1), fields(policy_id=field("W12345G789", 0.6)), ["low_confidence:policy_id"])])
    version = review.set_field(document_id, _version(review, document_id), segment_id, "policy_id", None,
                               "w123-456-789", clerk, LATER)
    view = review.document(document_id)
    assert view.version == version
    stored = view.segments[0].fields["policy_id"]
    assert stored["value"] == "W123456789" and stored["confidence"] == 1.0
    assert stored["bbox"] == [0.1, 0.2, 0.3, 0.25]  # the place on the page is kept
    assert view.segments[0].review_reasons == ()
    assert (segment_id, "policy_id", None) in view.checked
    with records.transaction() as session:
        correction = session.scalars(select(Correction)).one()
        assert correction.old_value == {"value": "W12345G789", "confidence": 0.6}
        assert correction.new_value == {"value": "W123456789"}
        audit = session.scalars(select(Audit).where(Audit.action == "field.corrected")).one()
        assert audit.actor == "clerk1" and audit.old_value["value"] == "W12345G789"


def test_a_value_that_breaks_its_rule_is_refused(records, review, clerk):
    document_id, (segment_id,) = add_document(records)
    with pytest.raises(InvalidValue):
        review.set_field(document_id, _version(review, document_id), segment_id, "npi", 0, "1234567890", clerk,
                         LATER)
    with pytest.raises(InvalidValue):
        review.set_field(document_id, _version(review, document_id), segment_id, "icd10", 0, "M17.99", clerk,
                         LATER)


def test_list_values_are_added_and_removed(records, review, clerk):
    document_id, (segment_id,) = add_document(records)
    version = review.set_field(document_id, _version(review, document_id), segment_id, "cpt", None, "29881",
                               clerk, LATER)
    with pytest.raises(ReviewError, match="already listed"):
        review.set_field(document_id, version, segment_id, "cpt", None, "29881", clerk, LATER)
    review.set_field(document_id, version, segment_id, "cpt", 0, None, clerk, LATER)
    assert [c["value"] for c in review.document(document_id).segments[0].fields["cpt"]] == ["29881"]


def test_a_stale_page_cannot_overwrite_another_clerks_change(records, review, clerk):
    document_id, (segment_id,) = add_document(records)
    first = _version(review, document_id)
    review.set_field(document_id, first, segment_id, "dob", None, "1970-03-04", clerk, LATER)
    with pytest.raises(ReviewError) as raised:
        review.set_field(document_id, first, segment_id, "dob", None, "1971-03-04", clerk, LATER)
    assert raised.value.code == "stale"


def test_attach_needs_unsure_values_checked_then_leaves_the_queue(records, review, clerk):
    add_case(records)
    document_id, (segment_id,) = add_document(records, segments=[
        ((1, 1), fields(icd10=[field("M17.11", 0.7)]), ["low_confidence:icd10"])])
    with pytest.raises(ReviewError) as raised:
        review.attach(document_id, _version(review, document_id), segment_id, REF_OPEN, clerk, LATER)
    assert raised.value.code == "unconfirmed" and raised.value.details == ("icd10",)
    version = review.set_field(document_id, _version(review, document_id), segment_id, "icd10", 0, "M17.11",
                               clerk, LATER)
    review.attach(document_id, version, segment_id, "pa-000000-0018", clerk, LATER)
    view = review.document(document_id)
    assert view.state == "attached" and not view.in_queue
    assert view.segments[0].case.reference_id == REF_OPEN and view.segments[0].match == "reference_id"
    assert document_id not in {i.document_id for i in review.queue()}
    with records.transaction() as session:
        case = session.scalars(select(Case)).one()
        assert set(case.codes["cpt"]) == {"99213", "27447"} and case.codes["icd10"] == ["M17.11"]
        events = [o.event for o in session.scalars(select(Outbox).order_by(Outbox.id))]
        assert events == ["document.attached", "document.reviewed"]
    with pytest.raises(ReviewError) as closed:
        review.set_field(document_id, view.version, segment_id, "dob", None, "1970-03-04", clerk, LATER)
    assert closed.value.code == "closed"


def test_a_contradicting_case_needs_the_clerks_word(records, review, clerk):
    add_case(records, last="Other")
    document_id, (segment_id,) = add_document(records, reasons=())
    with pytest.raises(ReviewError) as raised:
        review.attach(document_id, _version(review, document_id), segment_id, REF_OPEN, clerk, LATER)
    assert raised.value.code == "identity_conflict" and raised.value.details == ("patient_name",)
    review.attach(document_id, _version(review, document_id), segment_id, REF_OPEN, clerk, LATER,
                  identity_checked=True)
    with records.transaction() as session:
        link = session.scalars(select(CaseLink)).one()
        assert link.evidence["identity_checked"] is True and link.evidence["conflicts"] == ["patient_name"]


def test_an_unknown_or_closed_case_is_refused(records, review, clerk):
    add_case(records, status="closed")
    document_id, (segment_id,) = add_document(records, reasons=())
    for reference in (REF_OPEN, "PA0000000026"):
        with pytest.raises(ReviewError) as raised:
            review.attach(document_id, _version(review, document_id), segment_id, reference, clerk, LATER)
        assert raised.value.code == "no_case"


def test_a_draft_is_opened_from_the_checked_fields(records, review, clerk):
    document_id, (segment_id,) = add_document(records, reasons=("unidentified",))
    reference, _ = review.create_draft(document_id, _version(review, document_id), segment_id, clerk, LATER)
    view = review.document(document_id)
    assert view.state == "draft_created" and view.segments[0].case.reference_id == reference
    with records.transaction() as session:
        case = session.scalars(select(Case)).one()
        assert case.status == "draft" and case.policy_id == "W123456789"
        assert case.expires_at.replace(tzinfo=None) == (LATER + timedelta(hours=96)).replace(tzinfo=None)


def test_a_draft_without_identity_is_refused(records, review, clerk):
    document_id, (segment_id,) = add_document(records, segments=[
        ((1, 1), fields(policy_id=None, dob=None), ["missing:policy_id"])])
    with pytest.raises(ReviewError) as raised:
        review.create_draft(document_id, _version(review, document_id), segment_id, clerk, LATER)
    assert raised.value.code == "unidentified"


def test_reject_ends_links_and_takes_the_document_out(records, review, clerk):
    add_case(records)
    document_id, _ = add_document(records, link_to=REF_OPEN)
    with pytest.raises(ReviewError):
        review.reject(document_id, _version(review, document_id), "because", "", clerk, LATER)
    review.reject(document_id, _version(review, document_id), "illegible", "half the page is black", clerk, LATER)
    view = review.document(document_id)
    assert not view.in_queue and view.state == "quarantined"
    assert view.quarantine == {"code": "rejected_by_clerk", "message": "Unreadable: the sender must send it again."}
    with records.transaction() as session:
        assert session.scalars(select(CaseLink)).all() == []
        outbox = session.scalars(select(Outbox).where(Outbox.event == "document.reviewed")).one()
        assert outbox.payload["outcome"] == "rejected"


def test_retry_sends_a_failed_reading_back_to_the_workers(records, review, clerk):
    refused, _ = add_document(records, segments=[], state="quarantined", reasons=(), quarantine_code="corrupt")
    failed, _ = add_document(records, segments=[], state="quarantined", reasons=(),
                             quarantine_code="processing_failed")
    with pytest.raises(ReviewError):
        review.retry(refused, _version(review, refused), clerk, LATER)
    review.retry(failed, _version(review, failed), clerk, LATER)
    with records.transaction() as session:
        doc = session.get(Document, failed)
        assert doc.state == "received" and doc.attempts == 0 and doc.quarantine_code is None
    assert failed in records.due_for_publish(LATER + timedelta(seconds=1), timedelta(seconds=60))


def test_a_split_is_confirmed_or_undone(records, review, clerk):
    two = [((1, 1), fields(), ["split_unconfirmed"]), ((2, 3), fields(), ["split_unconfirmed", "missing:dob"])]
    kept, (first, _) = add_document(records, segments=two)
    with pytest.raises(ReviewError) as raised:
        review.attach(kept, _version(review, kept), first, REF_OPEN, clerk, LATER)
    assert raised.value.code == "split_unconfirmed"
    review.confirm_split(kept, _version(review, kept), clerk, LATER)
    view = review.document(kept)
    assert view.split_confirmed and all("split_unconfirmed" not in s.review_reasons for s in view.segments)

    undone, _ = add_document(records, segments=two)
    review.undo_split(undone, _version(review, undone), clerk, LATER)
    view = review.document(undone)
    assert [(s.first_page, s.last_page) for s in view.segments] == [(1, 3)]
    assert view.segments[0].review_reasons == ("missing:dob",)
    with records.transaction() as session:
        assert len(session.scalars(select(Segment).where(Segment.document_id == undone)).all()) == 1


def test_corrections_export_in_the_expected_json_shape(records, review, clerk):
    add_case(records)
    document_id, (segment_id,) = add_document(records, segments=[
        ((1, 1), fields(dob=field("1907-03-04", 0.5)), ["low_confidence:dob"])])
    version = review.set_field(document_id, _version(review, document_id), segment_id, "dob", None, "03/04/1970",
                               clerk, LATER)
    assert list(corrected_documents(records)) == []  # not settled yet
    review.attach(document_id, version, segment_id, REF_OPEN, clerk, LATER)
    (exported,) = corrected_documents(records)
    assert exported["fields"]["dob"] == {"value": "1970-03-04"}
    assert exported["fields"]["cpt"] == [{"value": "27447"}]
    assert exported["segments"][0]["pages"] == [1, 1]
    assert exported["corrected_fields"] == {"dob": 1}


def test_the_ingest_answer_shows_the_clerks_values_once_settled(records, review, clerk):
    import jsonschema

    from docintake.contract import schema
    from docintake.intake.outcome import ingest_json
    from docintake.intake.records import Recorded

    add_case(records)
    document_id, (segment_id,) = add_document(records, segments=[
        ((1, 1), fields(dob=field("1907-03-04", 0.5)), ["low_confidence:dob"])])
    before = ingest_json("fax.tif", Recorded("s", document_id), records.ingest_view(document_id))
    assert before["fields"]["dob"]["value"] == "1907-03-04"
    version = review.set_field(document_id, _version(review, document_id), segment_id, "dob", None, "1970-03-04",
                               clerk, LATER)
    review.attach(document_id, version, segment_id, REF_OPEN, clerk, LATER)
    after = ingest_json("fax.tif", Recorded("s", document_id), records.ingest_view(document_id))
    jsonschema.validate(after, schema("ingest"))
    assert after["status"] == "attached" and after["case"] == {"reference_id": REF_OPEN, "match": "reference_id"}
    assert after["fields"]["dob"]["value"] == "1970-03-04" and after["fields"]["dob"]["confidence"] == 1.0
    assert after["fields"]["cpt"][0]["value"] == "27447"


def _pending_upload(records, document_id, given="PA0000000026", reasons=("unknown:reference_id",)):
    import uuid as _uuid

    from docintake.storage.tables import Submission

    with records.transaction() as session:
        submission = Submission(id=_uuid.uuid4().hex, source="upload", file_name="again.tif", sender={},
                                given_reference_id=given, received_at=LATER, recorded_at=LATER,
                                document_id=document_id, duplicate=True,
                                reference_outcome={"case": None, "review_reasons": list(reasons)})
        session.add(submission)
        return submission.id


def test_a_later_upload_naming_an_unknown_case_waits_for_a_clerk_who_links_it(records, review, clerk):
    add_case(records)
    document_id, (segment_id,) = add_document(records, state="attached", reasons=())
    submission_id = _pending_upload(records, document_id)
    (item,) = review.queue()
    assert item.document_id == document_id and item.reasons == ("unknown:reference_id",)
    assert [i.document_id for i in review.queue(reason="unknown")] == [document_id]
    view = review.document(document_id)
    assert not view.in_queue and view.pending_uploads[0]["given_reference_id"] == "PA0000000026"
    review.link_upload(document_id, view.version, submission_id, REF_OPEN, clerk, LATER)
    assert review.queue() == [] and review.document(document_id).pending_uploads == ()
    with records.transaction() as session:
        link = session.scalars(select(CaseLink)).one()
        assert link.segment_id == segment_id and link.evidence["submission_id"] == submission_id
    view = records.ingest_view(document_id)
    assert view["submissions"][submission_id]["case"] == {"reference_id": REF_OPEN, "match": "reference_id"}


def test_a_later_upload_is_linked_only_past_an_identity_check_or_dismissed(records, review, clerk):
    add_case(records, last="Other")
    document_id, _ = add_document(records, state="attached", reasons=())
    submission_id = _pending_upload(records, document_id)
    with pytest.raises(ReviewError) as raised:
        review.link_upload(document_id, _version(review, document_id), submission_id, REF_OPEN, clerk, LATER)
    assert raised.value.code == "identity_conflict"
    review.dismiss_upload(document_id, _version(review, document_id), submission_id, clerk, LATER)
    assert review.queue() == []
    with pytest.raises(ReviewError) as again:
        review.dismiss_upload(document_id, _version(review, document_id), submission_id, clerk, LATER)
    assert again.value.code == "closed"
    with records.transaction() as session:
        assert session.scalars(select(CaseLink)).all() == []
