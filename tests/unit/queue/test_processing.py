"""The worker's handler: one committed outcome per document, retries with backoff up to a bound, quarantine."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from docintake import pipeline
from docintake.classifiers.routing import review_reasons
from docintake.errors import ProcessingFailed
from docintake.intake.admission import AdmissionLimits
from docintake.intake.ingest import IntakeService
from docintake.intake.processing import DocumentProcessor, ProcessingPolicy
from docintake.intake.quarantine import QuarantineStore
from docintake.intake.records import Arrival
from docintake.model import Classification
from docintake.settings import Settings
from docintake.storage.blobs import MemoryBlobStore
from docintake.storage.database import make_engine, upgrade
from docintake.storage.records import SqlRecords

REQUEST = (b"Member ID: W123456789\nPatient Name: Jane Doe\nDOB: 01/05/1960\nCPT: 27447\nICD-10: M17.11\n"
           b"Requesting NPI: 1234567893\n")


class Clock:
    def __init__(self):
        self.now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)

    def __call__(self):
        return self.now


class Published(list):
    def publish(self, document_id):
        self.append(document_id)


@pytest.fixture(autouse=True)
def request_forms(monkeypatch):
    """Every file is a request form here: these tests are about the worker, not the classifier."""

    def classify(doc, ctx):
        kind = Classification("pa_request_form", 0.99)
        return replace(doc, document_type=kind, review_reasons=tuple(review_reasons(kind.value, doc.fields)))

    monkeypatch.setattr(pipeline, "classify_split", classify)


@pytest.fixture
def env(tmp_path):
    settings = Settings(data_dir=tmp_path / "data")
    engine = make_engine(f"sqlite:///{tmp_path / 'records.db'}")
    upgrade(engine)
    records, blobs, clock = SqlRecords(engine), MemoryBlobStore(), Clock()
    quarantine = QuarantineStore(tmp_path / "quarantine")
    published = Published()
    intake = IntakeService(records, blobs, quarantine, published, AdmissionLimits.from_settings(settings),
                           timedelta(seconds=60), clock)
    policy = ProcessingPolicy(lease=timedelta(seconds=30), max_attempts=2, retry_backoff=timedelta(seconds=10))
    processor = DocumentProcessor(records, blobs, quarantine, pipeline.PipelineContext.from_settings(settings),
                                  policy, "w1", clock)
    yield records, intake, processor, clock, published, quarantine
    engine.dispose()


def submit(intake, tmp_path, data, name="request.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return intake.submit_path(path, Arrival(file_name=name, source="cli", received_at=datetime.now(UTC)))


def test_a_request_for_a_new_member_opens_a_draft_once(env, tmp_path):
    records, intake, processor, _clock, published, _q = env
    recorded = submit(intake, tmp_path, REQUEST)
    assert published == [recorded.document_id]
    assert processor(recorded.document_id) == "draft_created"
    assert processor(recorded.document_id) == "skipped"  # a second message for it changes nothing
    view = records.ingest_view(recorded.document_id)
    assert view["segments"][0]["case"]["match"] == "new_draft"


def test_a_duplicate_is_not_published_again(env, tmp_path):
    _records, intake, _processor, _clock, published, _q = env
    first = submit(intake, tmp_path, REQUEST)
    second = submit(intake, tmp_path, REQUEST, name="again.txt")
    assert second.duplicate_of == first.document_id and published == [first.document_id]


def test_a_refused_file_is_quarantined_with_a_record(env, tmp_path):
    records, intake, _processor, _clock, published, quarantine = env
    recorded = submit(intake, tmp_path, b"MZ\x90\x00" + bytes(64), name="invoice.pdf")
    assert published == [] and records.document_state(recorded.document_id) == "quarantined"
    assert [r.code for r in quarantine.records()] == ["unsupported_format"]


def test_a_file_refused_while_reading_is_quarantined_and_kept(env, tmp_path):
    records, intake, processor, _clock, _published, quarantine = env
    recorded = submit(intake, tmp_path, b"%PDF-1.7\n" + b"\x00garbage" * 20, name="broken.pdf")
    assert processor(recorded.document_id) == "quarantined"
    view = records.ingest_view(recorded.document_id)
    assert view["quarantine"]["code"] == "corrupt"
    assert quarantine.original(quarantine.records()[0].sha256).exists()


def test_retryable_failures_back_off_then_end_as_processing_failed(env, tmp_path, monkeypatch):
    records, intake, processor, clock, _published, _q = env

    def failing(*_args, **_kwargs):
        raise ProcessingFailed("tool timed out")

    monkeypatch.setattr(pipeline, "read_document", failing)
    recorded = submit(intake, tmp_path, REQUEST)
    assert processor(recorded.document_id) == "retry"
    assert processor(recorded.document_id) == "skipped"  # still inside its backoff
    clock.now += timedelta(seconds=11)
    assert records.due_for_publish(clock.now, timedelta(seconds=60)) == [recorded.document_id]
    assert processor(recorded.document_id) == "quarantined"
    view = records.ingest_view(recorded.document_id)
    assert view["quarantine"]["code"] == "processing_failed"


def test_a_document_that_keeps_killing_its_worker_is_stopped_at_the_bound(env, tmp_path):
    records, intake, processor, clock, _published, _q = env
    recorded = submit(intake, tmp_path, REQUEST)
    for worker in ("dead1", "dead2"):  # two workers claimed it and died
        assert records.claim(recorded.document_id, worker, clock.now, timedelta(seconds=30))
        clock.now += timedelta(seconds=31)
        records.due_for_publish(clock.now, timedelta(seconds=0))
    assert processor(recorded.document_id) == "quarantined"
    assert records.ingest_view(recorded.document_id)["quarantine"]["code"] == "processing_failed"


def test_the_same_bytes_for_another_case_are_linked_not_read_again(env, tmp_path, monkeypatch):
    from sqlalchemy import func, select

    from docintake.intake.outcome import ingest_json
    from docintake.storage.tables import Case

    records, intake, processor, _clock, published, _q = env
    now = datetime(2026, 3, 1, tzinfo=UTC)
    with records.transaction() as session:
        for ref in ("PA1234567897", "PA9876543217"):
            session.add(Case(reference_id=ref, status="open", policy_id="W123456789", codes={}, urgent=False,
                             origin="import", created_at=now, updated_at=now))
    path = tmp_path / "request.txt"
    path.write_bytes(REQUEST)
    first = intake.submit_path(path, Arrival(file_name="request.txt", source="cli", received_at=now,
                                             given_reference_id="PA1234567897"))
    assert processor(first.document_id) == "attached"
    reads = []
    monkeypatch.setattr(pipeline, "read_document", lambda *a, **k: reads.append(1))
    second = intake.submit_path(path, Arrival(file_name="again.txt", source="upload", received_at=now,
                                              given_reference_id="PA9876543217"))
    assert published == [first.document_id] and reads == []
    out = ingest_json("again.txt", second, records.ingest_view(second.document_id))
    assert (out["status"], out["duplicate_of"], out["case"]) == (
        "duplicate", first.document_id, {"reference_id": "PA9876543217", "match": "reference_id"})
    with records.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Case)) == 2
