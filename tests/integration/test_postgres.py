"""The records on PostgreSQL: the same migration, append-only audit, compare-and-set claims, the allocator."""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import delete, exc, func, select

from docintake.cases.reference import is_valid_reference_id
from docintake.intake.records import Arrival, StoredOriginal
from docintake.storage.cases import ReferenceRange, allocate_reference_id
from docintake.storage.database import current_revision, head_revision, make_engine, upgrade
from docintake.storage.records import SqlRecords
from docintake.storage.tables import Audit, Base

pytestmark = pytest.mark.postgres
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def engine(pg_url):
    engine = make_engine(pg_url)
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def records(engine):
    return SqlRecords(engine)


def new_document(records):
    sha = uuid.uuid4().hex * 2
    arrival = Arrival(file_name="a.pdf", source="upload", received_at=NOW)
    original = StoredOriginal(sha, 3, "pdf", "application/pdf", f"{sha}/original")
    return records.record_arrival(arrival, original, NOW, timedelta(minutes=1)).document_id


def test_the_migration_matches_the_models_on_postgresql(engine):
    assert current_revision(engine) == head_revision()
    upgrade(engine)  # a second start changes nothing
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_audit_is_append_only_on_postgresql(records):
    with records.transaction() as session:
        session.add(Audit(at=NOW, actor="test", action="x", subject_type="document", subject_id="pg"))
    with pytest.raises(exc.DatabaseError, match="append-only"), records.transaction() as session:
        session.execute(delete(Audit))


def test_of_many_concurrent_claims_exactly_one_wins(records):
    document_id = new_document(records)
    barrier = threading.Barrier(8)

    def claim(index):
        barrier.wait()
        return records.claim(document_id, f"w{index}", NOW, timedelta(minutes=5))

    with ThreadPoolExecutor(8) as pool:
        claims = [c for c in pool.map(claim, range(8)) if c is not None]
    assert len(claims) == 1


def test_concurrent_allocations_never_collide(records):
    span = ReferenceRange(400_000_000, 400_000_999)

    def allocate(_):
        with records.transaction() as session:
            return allocate_reference_id(session, span)

    with ThreadPoolExecutor(6) as pool:
        ids = list(pool.map(allocate, range(30)))
    assert len(set(ids)) == 30 and all(is_valid_reference_id(i) for i in ids)


def test_same_bytes_arriving_concurrently_make_one_document(records):
    sha = uuid.uuid4().hex * 2
    original = StoredOriginal(sha, 3, "pdf", "application/pdf", f"{sha}/original")
    barrier = threading.Barrier(4)

    def arrive(index):
        barrier.wait()
        return records.record_arrival(Arrival(file_name=f"{index}.pdf", source="upload", received_at=NOW),
                                      original, NOW, timedelta(minutes=1))

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(arrive, range(4)))
    assert len({r.document_id for r in results}) == 1
    assert sum(not r.is_duplicate for r in results) == 1
    with records.transaction() as session:
        from docintake.storage.tables import Document

        assert session.scalar(select(func.count()).select_from(Document).where(Document.sha256 == sha)) == 1


def test_workers_starting_together_on_a_new_database_migrate_once(pg_database):
    engines = [make_engine(pg_database) for _ in range(3)]
    barrier = threading.Barrier(3)

    def migrate(engine):
        barrier.wait()
        upgrade(engine)
        return current_revision(engine)

    with ThreadPoolExecutor(3) as pool:
        assert list(pool.map(migrate, engines)) == [head_revision()] * 3
    for engine in engines:
        engine.dispose()
