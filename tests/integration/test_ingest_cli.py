"""`docintake ingest --json` on the embedded default (SQLite, local folder, filesystem transport, threads)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import jsonschema
import pytest

from docintake.contract import schema
from tests.integration.conftest import run_cli

REQUEST = ("Prior Authorization Request\nMember ID: W123456789\nPatient Name: Jane Doe\nDOB: 01/05/1960\n"
           "CPT: 27447\nICD-10: M17.11\nRequesting NPI: 1234567893\n")
CASES = [{"reference_id": "PA1234567897", "policy_id": "W123456789", "dob": "1960-01-05",
          "patient_name": {"first": "Jane", "last": "Doe"}, "status": "open", "cpt": ["27447"]}]


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("ingest") / "data"
    cases = data.parent / "cases.json"
    cases.write_text(json.dumps(CASES))
    result = run_cli("cases", "import", str(cases), data_dir=data)
    assert result.returncode == 0, result.stderr
    return data


def lines(result) -> list[dict]:
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    for item in out:
        jsonschema.validate(item, schema("ingest"))
    return out


def test_ingest_attaches_keeps_duplicates_and_quarantines(data_dir, tmp_path):
    request = tmp_path / "request.txt"
    request.write_text(REQUEST)
    again = tmp_path / "request-again.txt"
    again.write_text(REQUEST)
    refused = tmp_path / "invoice.pdf"
    refused.write_bytes(b"MZ\x90\x00" + bytes(300))
    out = lines(run_cli("ingest", str(request), str(again), str(refused), "--reference-id", "PA1234567897",
                        "--json", data_dir=data_dir))
    first, duplicate, quarantined = out
    assert first["file"] == "request.txt" and first["status"] in ("attached", "review")
    assert first["case"] == {"reference_id": "PA1234567897", "match": "reference_id"}
    assert first["fields"]["policy_id"]["value"] == "W123456789"
    assert duplicate["status"] == "duplicate" and duplicate["duplicate_of"] == first["document_id"]
    assert quarantined["status"] == "quarantined" and quarantined["quarantine"]["code"] == "unsupported_format"
    assert quarantined["review_reasons"] == ["quarantined:unsupported_format"]
    assert list((data_dir / "quarantine").glob("*/original"))

    listed = json.loads(run_cli("cases", "list", "--json", data_dir=data_dir).stdout)
    assert listed[0]["reference_id"] == "PA1234567897" and listed[0]["documents"] == [first["document_id"]]
    for path in (data_dir / "objects").rglob("*"):
        assert stat.S_IMODE(path.stat().st_mode) == (0o700 if path.is_dir() else 0o600)


def test_a_given_reference_id_failing_its_check_digit_goes_to_review(data_dir, tmp_path):
    request = tmp_path / "other.txt"
    request.write_text(REQUEST.replace("27447", "27446"))
    (item,) = lines(run_cli("ingest", str(request), "--reference-id", "PA1234567890", "--json", data_dir=data_dir))
    assert item["status"] == "review" and item["case"] is None
    assert "invalid:reference_id" in item["review_reasons"]


def test_a_missing_file_is_a_usage_error(data_dir, tmp_path):
    result = run_cli("ingest", str(tmp_path / "nope.pdf"), "--json", data_dir=data_dir)
    assert result.returncode == 2 and result.stdout == ""
