"""The review queue and a clerk's attachment on PostgreSQL: JSON read by path, row locks, the same answers."""

from __future__ import annotations

from datetime import timedelta

import pytest

from docintake.storage.database import make_engine, upgrade
from docintake.storage.records import SqlRecords
from docintake.storage.review import SqlReview
from docintake.storage.users import SqlUsers
from tests.unit.review.conftest import NOW, REF_OPEN, add_case, add_document, field, fields

pytestmark = pytest.mark.postgres


@pytest.fixture
def records(pg_database):
    engine = make_engine(pg_database)
    upgrade(engine)
    yield SqlRecords(engine)
    engine.dispose()


def test_the_queue_and_an_attachment_on_postgresql(records):
    review = SqlReview(records)
    account = SqlUsers(records.engine).add("clerk1", "correct horse battery", "clerk", NOW)
    clerk = (account.id, account.username)
    add_case(records)
    old, _ = add_document(records, created=NOW - timedelta(hours=2))
    urgent, (segment_id,) = add_document(records, urgent=True, segments=[
        ((1, 2), fields(dob=field("1970-03-04", 0.5)), ["low_confidence:dob"])])
    quarantined, _ = add_document(records, segments=[], state="quarantined", reasons=(),
                                  quarantine_code="processing_failed")
    items = review.queue()
    assert [i.document_id for i in items] == [urgent, old, quarantined]
    assert items[0].urgent and items[0].pages == 2 and items[0].document_type == "pa_request_form"
    assert items[2].reasons == ("quarantined:processing_failed",)
    version = review.set_field(urgent, items[0].version, segment_id, "dob", None, "1970-03-04", clerk, NOW)
    review.attach(urgent, version, segment_id, REF_OPEN, clerk, NOW)
    assert [i.document_id for i in review.queue()] == [old, quarantined]
    assert review.document(urgent).state == "attached"
