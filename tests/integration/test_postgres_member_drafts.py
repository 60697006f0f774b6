"""Two documents of one new member finished at the same moment on PostgreSQL open one draft, not two: the second
waits for the first's draft to commit and is attached to it by member + DOB."""

from __future__ import annotations

import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from docintake.cases.matching import Identity, match
from docintake.intake.records import Arrival, SegmentResult, StoredOriginal
from docintake.storage.database import make_engine, upgrade
from docintake.storage.records import SqlRecords
from docintake.storage.tables import Case, CaseLink, Segment

pytestmark = pytest.mark.postgres
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
LEASE = timedelta(minutes=5)


@pytest.fixture(scope="module")
def records(pg_url):
    engine = make_engine(pg_url)
    upgrade(engine)
    yield SqlRecords(engine)
    engine.dispose()


class Hesitant:
    """A CaseStore that pauses between looking for the member's cases and acting on what it saw (a slow worker)."""

    def __init__(self, store):
        self.store = store

    def by_reference_id(self, reference_id):
        return self.store.by_reference_id(reference_id)

    def live_cases_for_member(self, policy_id, dob):
        found = self.store.live_cases_for_member(policy_id, dob)
        time.sleep(0.5)
        return found

    def create_draft(self, request, now, ttl):
        return self.store.create_draft(request, now, ttl)


def claimed_document(records, worker):
    sha = uuid.uuid4().hex * 2
    recorded = records.record_arrival(Arrival(file_name=f"{worker}.pdf", source="fax", received_at=NOW),
                                      StoredOriginal(sha, 3, "pdf", "application/pdf", f"{sha}/original"),
                                      NOW, timedelta(minutes=1))
    claim = records.claim(recorded.document_id, worker, NOW, LEASE)
    assert claim is not None
    return claim


@pytest.mark.parametrize("attempt", range(2))
def test_two_documents_of_one_new_member_at_once_open_one_draft(records, attempt):
    policy_id = f"M{uuid.uuid4().hex[:10].upper()}"  # a member no case has yet
    identity = Identity(policy_id=policy_id, dob=date(1971, 4, 2), first_name="Ann", last_name="Roe", cpt=("27447",))
    fields = {"policy_id": {"value": policy_id}, "dob": {"value": "1971-04-02"}}
    claims = {worker: claimed_document(records, worker) for worker in ("w1", "w2")}
    barrier = threading.Barrier(2)

    def finish(worker):
        def decide(store):
            barrier.wait(timeout=30)  # both transactions are open and about to look for the member's cases
            return [SegmentResult((1, 1), "clinical_note", fields, match(identity, Hesitant(store), NOW))]

        return records.complete(claims[worker], worker, NOW, extraction={}, pipeline_version="t", decide=decide)

    with ThreadPoolExecutor(2) as pool:
        states = sorted(pool.map(finish, claims))
    assert states == ["attached", "draft_created"]
    with records.transaction() as session:
        drafts = session.scalars(select(Case).where(Case.policy_id == policy_id)).all()
        assert [c.status for c in drafts] == ["draft"]
        linked = session.execute(
            select(Segment.document_id, CaseLink.method).join(CaseLink, CaseLink.segment_id == Segment.id)
            .where(CaseLink.case_id == drafts[0].id)
        ).all()
    assert sorted(method for _, method in linked) == ["member_dob", "new_draft"]
    assert {document for document, _ in linked} == {c.document_id for c in claims.values()}
