"""Revisions 0003/0004 and duplicates naming another case, on PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import inspect, select

from docintake.cases.matching import Identity, match
from docintake.intake.outcome import ingest_json
from docintake.intake.records import Arrival, SegmentResult, StoredOriginal
from docintake.storage.database import make_engine, upgrade
from docintake.storage.records import SqlRecords
from docintake.storage.tables import Case, CaseLink

pytestmark = pytest.mark.postgres
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def records(pg_database):
    engine = make_engine(pg_database)
    upgrade(engine)
    yield SqlRecords(engine)
    engine.dispose()


def test_the_submission_lookup_index_exists_on_postgresql(records):
    indexes = {ix["name"]: ix["column_names"] for ix in inspect(records.engine).get_indexes("submission")}
    assert indexes["ix_submission_source_ref"] == ["source", "source_ref"]


def test_a_duplicate_for_another_case_is_linked_on_postgresql(records):
    with records.transaction() as session:
        for ref in ("PA1234567897", "PA9876543217"):
            session.add(Case(reference_id=ref, status="open", codes={}, urgent=False, origin="import",
                             created_at=NOW, updated_at=NOW))
    sha = uuid.uuid4().hex * 2
    original = StoredOriginal(sha, 3, "pdf", "application/pdf", f"{sha}/original")
    first = records.record_arrival(Arrival("a.pdf", "cli", NOW, given_reference_id="PA1234567897"), original, NOW,
                                   timedelta(minutes=1))
    claim = records.claim(first.document_id, "w1", NOW, timedelta(minutes=5))
    records.complete(claim, "w1", NOW, extraction={}, pipeline_version="t",
                     decide=lambda store: [SegmentResult((1, 1), None, {}, match(
                         Identity(), store, NOW, given_reference_id=claim.given_reference_id))])
    second = records.record_arrival(Arrival("b.pdf", "upload", NOW, given_reference_id="PA9876543217"), original,
                                    NOW, timedelta(minutes=1))
    out = ingest_json("b.pdf", second, records.ingest_view(second.document_id))
    assert (out["status"], out["duplicate_of"], out["case"]) == (
        "duplicate", first.document_id, {"reference_id": "PA9876543217", "match": "reference_id"})
    with records.transaction() as session:
        assert len(session.scalars(select(CaseLink.id)).all()) == 2
