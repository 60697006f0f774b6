"""Finding a submission by its source reference: how a source that crashed mid-way avoids recording twice."""

from __future__ import annotations

from sqlalchemy import select

from docintake.intake.records import Recorded
from docintake.storage.records import SqlRecords
from docintake.storage.tables import Submission


class SqlSubmissionLookup:
    """The SubmissionLookup of the drop-folder watcher, on the records' database."""

    def __init__(self, records: SqlRecords) -> None:
        self.records = records

    def by_source_ref(self, source: str, source_ref: str) -> Recorded | None:
        with self.records.transaction() as session:
            row = session.execute(
                select(Submission.id, Submission.document_id, Submission.duplicate)
                .where(Submission.source == source, Submission.source_ref == source_ref)
                .order_by(Submission.recorded_at).limit(1)
            ).first()
        if row is None:
            return None
        return Recorded(row[0], row[1], row[1] if row[2] else None)
