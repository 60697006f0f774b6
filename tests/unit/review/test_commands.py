"""`docintake users ...` and `docintake corrections export` through the console entry point."""

from __future__ import annotations

import io
import json
import stat

import pytest

from docintake.cli import main
from docintake.settings import Settings
from docintake.storage.factory import database
from docintake.storage.records import SqlRecords
from docintake.storage.review import SqlReview
from docintake.storage.users import SqlUsers

from .conftest import NOW, REF_OPEN, add_case, add_document, field, fields


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("DOCINTAKE_DATA_DIR", str(tmp_path))
    return tmp_path


def test_users_are_added_listed_locked_out_and_unlocked(data_dir, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse battery\n"))
    assert main(["users", "add", "ana", "--role", "admin", "--password-stdin"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["users", "add", "bob", "--password-stdin"]) == 2
    assert "12 to 1024" in capsys.readouterr().err
    users = SqlUsers(database(Settings()))
    for _ in range(3):
        users.sign_in("ana", "wrong", NOW)
    assert main(["users", "list", "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["username"] == "ana" and listed["role"] == "admin"
    assert main(["users", "unlock", "ana"]) == 0
    assert users.sign_in("ana", "correct horse battery", NOW).account is not None
    assert main(["users", "disable", "nobody"]) == 2


def test_corrections_export_writes_a_private_file(data_dir, capsys):
    records = SqlRecords(database(Settings()))
    review = SqlReview(records)
    users = SqlUsers(records.engine)
    account = users.add("ana", "correct horse battery", "clerk", NOW)
    add_case(records)
    document_id, (segment_id,) = add_document(records, segments=[
        ((1, 1), fields(cpt=[field("27446", 0.6)]), ["low_confidence:cpt"])])
    version = review.set_field(document_id, review.document(document_id).version, segment_id, "cpt", 0, "27447",
                               (account.id, account.username), NOW)
    review.attach(document_id, version, segment_id, REF_OPEN, (account.id, account.username), NOW)
    out = data_dir / "corrections.jsonl"
    assert main(["corrections", "export", "--out", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    (line,) = out.read_text().splitlines()
    exported = json.loads(line)
    assert exported["fields"]["cpt"] == [{"value": "27447"}] and exported["corrected_fields"] == {"cpt": 1}
    assert "1 corrected documents" in capsys.readouterr().err


def test_corrections_export_as_a_corpus_bench_eval_reads(data_dir):
    from bench.eval import corpus_jobs

    from docintake.storage.blobs import LocalBlobStore
    from docintake.storage.tables import Document

    settings = Settings()
    records = SqlRecords(database(settings))
    review = SqlReview(records)
    account = SqlUsers(records.engine).add("ana", "correct horse battery", "clerk", NOW)
    actor = (account.id, account.username)
    key = LocalBlobStore(settings.blob_dir).put_original(b"Member ID: W123456789\n")
    add_case(records)
    document_id, (segment_id,) = add_document(records, blob_key=key, reasons=())
    with records.transaction() as session:
        session.get(Document, document_id).format = "txt"
    version = review.set_field(document_id, review.document(document_id).version, segment_id, "dob", None,
                               "1970-03-04", actor, NOW)
    review.attach(document_id, version, segment_id, REF_OPEN, actor, NOW)
    corpus = data_dir / "corpus"
    assert main(["corrections", "export", "--corpus", str(corpus)]) == 0
    manifest = json.loads((corpus / "manifest.json").read_text())
    (entry,) = manifest["files"]
    assert entry["split"] == "reviewed" and entry["path"] == f"reviewed/{document_id}.txt"
    assert (corpus / entry["path"]).read_bytes() == b"Member ID: W123456789\n"
    assert stat.S_IMODE((corpus / entry["path"]).stat().st_mode) == 0o600
    expected = json.loads((corpus / entry["expected"]).read_text())
    assert expected["fields"]["dob"] == {"value": "1970-03-04"}
    assert list(corpus_jobs([corpus], "reviewed")) == [str(corpus / entry["path"])]
