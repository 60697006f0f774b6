"""The first migration: it creates exactly the models, is idempotent, and the audit table is append-only."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import delete, exc, inspect, update

from docintake.cases.reference import make_reference_id
from docintake.storage.cases import AllocatorExhausted, ReferenceRange, allocate_reference_id
from docintake.storage.database import current_revision, head_revision, upgrade
from docintake.storage.tables import Audit, Base, Case

NOW = datetime(2026, 3, 1, tzinfo=UTC)


def test_the_migration_creates_every_record(engine):
    tables = set(inspect(engine).get_table_names())
    assert {"submission", "document", "segment", "case", "case_link", "audit", "outbox", "id_counter",
            "app_user", "web_session", "correction"} <= tables
    assert current_revision(engine) == head_revision() is not None


def test_the_models_match_the_migration(engine):
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


def test_upgrading_twice_is_harmless(engine):
    upgrade(engine)
    assert current_revision(engine) == head_revision()


def test_audit_rows_cannot_be_changed_or_deleted(records):
    with records.transaction() as session:
        session.add(Audit(at=NOW, actor="test", action="x", subject_type="document", subject_id="1"))
    for statement in (update(Audit).values(actor="someone else"), delete(Audit)):
        with pytest.raises(exc.DatabaseError, match="append-only"), records.transaction() as session:
            session.execute(statement)


def test_the_allocator_counts_inside_its_range_and_skips_taken_ids(records):
    span = ReferenceRange(500, 502)
    with records.transaction() as session:
        session.add(Case(reference_id=make_reference_id(501), status="open", codes={}, urgent=False, origin="import",
                         created_at=NOW, updated_at=NOW))  # body 501 already issued by the portal
    with records.transaction() as session:
        ids = [allocate_reference_id(session, span) for _ in range(2)]
    assert ids == [make_reference_id(500), make_reference_id(502)]
    with pytest.raises(AllocatorExhausted), records.transaction() as session:
        allocate_reference_id(session, span)


def test_a_rolled_back_allocation_leaves_no_gap(records):
    span = ReferenceRange(700, 799)
    with pytest.raises(RuntimeError), records.transaction() as session:
        allocate_reference_id(session, span)
        raise RuntimeError("draft not committed")
    with records.transaction() as session:
        assert allocate_reference_id(session, span) == make_reference_id(700)
