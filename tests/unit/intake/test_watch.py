"""The drop-folder watcher: still files only, each taken once and archived, hidden/temp ignored, sidecars kept,
and whatever a killed watcher left in its working folder finished on the next pass. A fake clock: no sleeping."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from docintake.intake.admission import AdmissionLimits
from docintake.intake.ingest import IntakeService
from docintake.intake.quarantine import QuarantineStore
from docintake.intake.records import Recorded
from docintake.intake.sidecar import read_sidecar
from docintake.intake.watch import DropFolderWatcher, WatchFolderBusy, WatchPolicy, is_ignored, source_ref
from docintake.settings import Settings
from docintake.storage.blobs import MemoryBlobStore
from docintake.storage.database import make_engine, upgrade
from docintake.storage.records import SqlRecords
from docintake.storage.submissions import SqlSubmissionLookup
from docintake.storage.tables import Submission

SETTLE = 5.0
TEXT = b"Member ID: W123456789\nDOB: 01/05/1960\n"


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now

    def advance(self, seconds=SETTLE + 1):
        self.now += seconds


class FakeIntake:
    """submit() and by_source_ref() over one dict, like the records would."""

    def __init__(self):
        self.arrivals = []
        self.by_ref = {}

    def submit(self, path, arrival):
        self.arrivals.append((path.read_bytes(), arrival))
        recorded = Recorded(f"s{len(self.arrivals)}", f"{len(self.arrivals):032x}")
        self.by_ref[arrival.source_ref] = recorded
        return recorded

    def by_source_ref(self, source, ref):
        return self.by_ref.get(ref)


@pytest.fixture
def drop(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


def make_watcher(folder, intake, clock, **policy):
    watcher = DropFolderWatcher(folder, WatchPolicy(settle_s=SETTLE, **policy), intake.submit, intake, clock=clock)
    watcher.acquire()
    return watcher


def archived(watcher):
    return sorted(p.name for p in watcher.archive.rglob("*") if p.is_file())


def test_a_file_still_being_written_is_not_taken(drop):
    intake, clock = FakeIntake(), Clock()
    watcher = make_watcher(drop, intake, clock)
    (drop / "fax1.tif").write_bytes(TEXT[:10])
    assert watcher.scan() == []
    clock.advance()
    with open(drop / "fax1.tif", "ab") as out:  # the fax server writes the next page
        out.write(TEXT[10:])
    assert watcher.scan() == []  # changed since the last look: the settle time starts again
    clock.advance(SETTLE - 1)
    assert watcher.scan() == []
    clock.advance(2)
    taken = watcher.scan()
    assert [t.file_name for t in taken] == ["fax1.tif"] and intake.arrivals[0][0] == TEXT


def test_a_complete_file_is_taken_exactly_once_and_archived(drop):
    intake, clock = FakeIntake(), Clock()
    watcher = make_watcher(drop, intake, clock)
    (drop / "fax1.tif").write_bytes(TEXT)
    watcher.scan()
    clock.advance()
    assert len(watcher.scan()) == 1
    for _ in range(3):
        clock.advance()
        assert watcher.scan() == []
    assert len(intake.arrivals) == 1 and not (drop / "fax1.tif").exists()
    assert archived(watcher) == ["fax1.tif"] and list(watcher.working.iterdir()) == [watcher.lock_path]
    arrival = intake.arrivals[0][1]
    assert arrival.source == "fax" and arrival.source_ref.startswith("watch:")
    (path,) = [p for p in watcher.archive.rglob("fax1.tif")]
    assert path.stat().st_mode & 0o077 == 0


def test_remove_instead_of_archive(drop):
    intake, clock = FakeIntake(), Clock()
    watcher = make_watcher(drop, intake, clock, after="remove")
    (drop / "fax1.tif").write_bytes(TEXT)
    watcher.scan()
    clock.advance()
    assert len(watcher.scan()) == 1 and archived(watcher) == [] and not (drop / "fax1.tif").exists()


@pytest.mark.parametrize("name", [".hidden.tif", "~lock.tif", "fax.tif.tmp", "fax.TIF.PART", "x.part"])
def test_hidden_and_temporary_files_are_ignored(drop, name):
    intake, clock = FakeIntake(), Clock()
    watcher = make_watcher(drop, intake, clock)
    (drop / name).write_bytes(TEXT)
    (drop / "sub").mkdir()
    for _ in range(3):
        watcher.scan()
        clock.advance()
    assert is_ignored(name) and intake.arrivals == [] and (drop / name).exists()


def test_a_file_renamed_from_its_temporary_name_is_taken(drop):
    intake, clock = FakeIntake(), Clock()
    watcher = make_watcher(drop, intake, clock)
    (drop / "fax1.tif.part").write_bytes(TEXT)
    watcher.scan()
    clock.advance()
    os.rename(drop / "fax1.tif.part", drop / "fax1.tif")
    assert watcher.scan() == []  # first sight of the final name
    clock.advance()
    assert len(watcher.scan()) == 1


def test_a_sidecar_is_kept_with_its_document_and_never_taken_as_one(drop):
    intake, clock = FakeIntake(), Clock()
    watcher = make_watcher(drop, intake, clock)
    (drop / "fax1.tif").write_bytes(TEXT)
    (drop / "fax1.json").write_text('{"schema_version": 1, "job_id": "F-42", "sender_number": "+1 555 010 0199",'
                                    ' "pages": 3, "received_at": "2026-03-01T14:05:09Z", "extra": "ignored"}')
    watcher.scan()
    clock.advance()
    assert len(watcher.scan()) == 1 and len(intake.arrivals) == 1
    arrival = intake.arrivals[0][1]
    assert arrival.received_at == datetime(2026, 3, 1, 14, 5, 9, tzinfo=UTC)
    assert arrival.sender == {"sidecar": "json", "job_id": "F-42", "sender_number": "+1 555 010 0199",
                              "pages": 3, "received_at": "2026-03-01T14:05:09+00:00", "sidecar_errors": []}
    assert archived(watcher) == ["fax1.json", "fax1.tif"]


def test_a_sidecar_still_being_written_holds_its_document_back(drop):
    intake, clock = FakeIntake(), Clock()
    watcher = make_watcher(drop, intake, clock)
    (drop / "fax1.tif").write_bytes(TEXT)
    watcher.scan()
    clock.advance()
    (drop / "fax1.tif.xml").write_text("<fax><pages>2</pages>")
    assert watcher.scan() == []
    (drop / "fax1.tif.xml").write_text("<fax><pages>2</pages><received_at>2026-03-01T09:00:00</received_at></fax>")
    clock.advance()
    assert watcher.scan() == []  # the sidecar changed since the last look
    clock.advance()
    assert len(watcher.scan()) == 1
    sender = intake.arrivals[0][1].sender
    assert sender["sidecar"] == "xml" and sender["pages"] == 2 and sender["received_at"] == "2026-03-01T09:00:00+00:00"


def test_a_bad_sidecar_never_costs_the_document(drop, tmp_path):
    (drop / "a.json").write_text("{not json")
    assert read_sidecar(drop / "a.json").errors == ("sidecar",)
    (drop / "b.json").write_text('{"pages": "many", "received_at": "yesterday", "sender_number": "Jane Doe"}')
    sidecar = read_sidecar(drop / "b.json")
    assert sidecar.errors == ("sender_number", "pages", "received_at") and sidecar.pages is None
    (drop / "c.xml").write_text('<!DOCTYPE x [<!ENTITY e "boom">]><fax><pages>&e;</pages></fax>')
    assert read_sidecar(drop / "c.xml").errors == ("sidecar",)


def test_one_watcher_per_folder(drop):
    intake, clock = FakeIntake(), Clock()
    first = make_watcher(drop, intake, clock)
    with pytest.raises(WatchFolderBusy):
        make_watcher(drop, intake, clock)
    first.release()
    make_watcher(drop, intake, clock).release()


# -- what a killed watcher leaves in WORK ------------------------------------------------------------------------


def test_a_claim_killed_before_its_record_is_recorded_on_the_next_pass(drop):
    intake, clock = FakeIntake(), Clock()
    watcher = make_watcher(drop, intake, clock)
    claim = watcher.working / ("c" * 32)
    claim.mkdir()
    (claim / "fax1.tif").write_bytes(TEXT)
    (claim / "fax1.json").write_text('{"pages": 1}')
    taken = watcher.scan()
    assert [t.claim_id for t in taken] == ["c" * 32] and len(intake.arrivals) == 1
    assert intake.arrivals[0][1].source_ref == source_ref("c" * 32) and intake.arrivals[0][1].sender["pages"] == 1
    assert archived(watcher) == ["fax1.json", "fax1.tif"]


def test_a_claim_killed_after_its_record_is_archived_not_recorded_again(drop):
    intake, clock = FakeIntake(), Clock()
    watcher = make_watcher(drop, intake, clock)
    claim = watcher.working / ("d" * 32)
    claim.mkdir()
    (claim / "fax1.tif").write_bytes(TEXT)
    intake.by_ref[source_ref("d" * 32)] = Recorded("s0", "0" * 32)
    taken = watcher.scan()
    assert intake.arrivals == [] and taken[0].recorded.document_id == "0" * 32
    assert archived(watcher) == ["fax1.tif"]


def test_a_claim_killed_between_sidecar_and_document_gives_the_sidecar_back(drop):
    intake, clock = FakeIntake(), Clock()
    watcher = make_watcher(drop, intake, clock)
    (drop / "fax1.tif").write_bytes(TEXT)
    claim = watcher.working / ("e" * 32)
    claim.mkdir()
    (claim / "fax1.json").write_text('{"pages": 4}')
    (watcher.working / ("f" * 32)).mkdir()  # killed right after mkdir
    assert watcher.scan() == []
    assert (drop / "fax1.json").exists() and not claim.exists() and not (watcher.working / ("f" * 32)).exists()
    clock.advance()
    assert len(watcher.scan()) == 1 and intake.arrivals[0][1].sender["pages"] == 4


def test_a_failed_record_leaves_the_claim_for_the_next_pass(drop):
    intake, clock = FakeIntake(), Clock()
    calls = []

    def flaky(path, arrival):
        calls.append(1)
        if len(calls) == 1:
            raise ConnectionError("database away")
        return intake.submit(path, arrival)

    watcher = DropFolderWatcher(drop, WatchPolicy(settle_s=SETTLE), flaky, intake, clock=clock)
    watcher.acquire()
    (drop / "fax1.tif").write_bytes(TEXT)
    watcher.scan()
    clock.advance()
    assert watcher.scan() == [] and not (drop / "fax1.tif").exists()
    assert len(watcher.scan()) == 1 and len(intake.arrivals) == 1


# -- through the real records -----------------------------------------------------------------------------------


def test_the_sidecar_is_kept_with_the_submission_in_the_records(drop, tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'records.db'}")
    upgrade(engine)
    records = SqlRecords(engine)
    published = []

    class Publisher:
        def publish(self, document_id):
            published.append(document_id)

    service = IntakeService(records, MemoryBlobStore(), QuarantineStore(tmp_path / "q"), Publisher(),
                            AdmissionLimits.from_settings(Settings(data_dir=tmp_path / "data")),
                            timedelta(seconds=60), lambda: datetime.now(UTC))
    clock = Clock()
    watcher = DropFolderWatcher(drop, WatchPolicy(settle_s=SETTLE), service.submit_path,
                                SqlSubmissionLookup(records), clock=clock)
    watcher.acquire()
    (drop / "fax1.txt").write_bytes(TEXT)
    (drop / "fax1.json").write_text('{"job_id": "F-7", "pages": 1, "received_at": "2026-03-01T14:05:09+01:00"}')
    watcher.scan()
    clock.advance()
    (taken,) = watcher.scan()
    assert published == [taken.recorded.document_id]
    with records.transaction() as session:
        row = session.scalars(select(Submission)).one()
        assert row.source == "fax" and row.source_ref == source_ref(taken.claim_id)
        assert row.sender["job_id"] == "F-7" and row.received_at.replace(tzinfo=UTC) == datetime(
            2026, 3, 1, 13, 5, 9, tzinfo=UTC)
    assert SqlSubmissionLookup(records).by_source_ref("fax", source_ref(taken.claim_id)) == taken.recorded
    engine.dispose()


def test_the_next_pass_comes_when_a_file_may_be_still_and_an_orphan_sidecar_does_not_hurry_it(drop):
    intake, clock = FakeIntake(), Clock()
    watcher = make_watcher(drop, intake, clock, rescan_s=30.0)
    assert watcher.next_wait() == 30.0
    (drop / "orphan.json").write_text("{}")
    (drop / "fax1.tif").write_bytes(TEXT)
    watcher.scan()
    assert watcher.next_wait() == pytest.approx(SETTLE + 0.05)
    clock.advance()
    assert len(watcher.scan()) == 1 and intake.arrivals[0][1].sender == {}
    assert watcher.next_wait() == 30.0 and (drop / "orphan.json").exists()
