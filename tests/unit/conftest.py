"""A migrated SQLite database per test, in the test's own folder (unit tests of storage, review and others)."""

from __future__ import annotations

import pytest

from docintake.storage.database import make_engine, upgrade
from docintake.storage.records import SqlRecords


@pytest.fixture
def engine(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'records.db'}")
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def records(engine):
    return SqlRecords(engine)
