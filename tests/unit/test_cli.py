"""The command line end to end, through the installed console script: JSON contract, refusals, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from docintake.contract import schema
from tests import builders


def run_cli(*args: str, data_dir: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "DOCINTAKE_DATA_DIR": str(data_dir), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "docintake", *args], capture_output=True, text=True, env=environment, timeout=300,
        check=False,
    )


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def test_extract_json_follows_the_contract(tmp_path, data_dir):
    path = tmp_path / "request.pdf"
    path.write_bytes(builders.pdf_bytes())
    result = run_cli("extract", str(path), "--json", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    jsonschema.validate(out, schema("extract"))
    assert out["format"] == "pdf" and out["pages"] == 1 and out["ocr"] == "none"
    assert out["file"] == "request.pdf"
    assert set(out["fields"]) == {"reference_id", "policy_id", "dob", "patient_name", "npi", "cpt", "hcpcs",
                                  "icd10", "service_date", "urgent"}


def test_extract_text_prints_the_page_text(tmp_path, data_dir):
    path = tmp_path / "note.docx"
    path.write_bytes(builders.docx_bytes())
    result = run_cli("extract", str(path), "--text", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "W123456789" in result.stdout and "01/05/1960" in result.stdout


def test_a_refused_file_prints_the_rejected_object_and_exits_3(tmp_path, data_dir):
    path = tmp_path / "invoice.pdf"
    path.write_bytes(b"MZ\x90\x00" + bytes(300))
    result = run_cli("extract", str(path), "--json", data_dir=data_dir)
    assert result.returncode == 3
    out = json.loads(result.stdout)
    jsonschema.validate(out, schema("rejected"))
    assert out["rejected"]["code"] == "unsupported_format"
    assert not (data_dir / "quarantine").exists(), "extract must not quarantine anything"


def test_refusal_messages_carry_no_document_content(tmp_path, data_dir):
    path = tmp_path / "broken.pdf"
    path.write_bytes(builders.pdf_bytes(("Member ID: ZZSECRET123",))[:400])
    result = run_cli("extract", str(path), "--json", data_dir=data_dir)
    assert result.returncode == 3
    assert "ZZSECRET123" not in result.stdout + result.stderr


def test_bad_settings_are_a_usage_error(tmp_path, data_dir):
    path = tmp_path / "a.txt"
    path.write_text("DOB 01/05/1960")
    result = run_cli("extract", str(path), "--json", data_dir=data_dir, env={"DOCINTAKE_MAX_BYTES": "-5"})
    assert result.returncode == 2
    assert "DOCINTAKE_MAX_BYTES" in result.stderr


def test_a_missing_file_is_a_usage_error(tmp_path, data_dir):
    result = run_cli("extract", str(tmp_path / "nope.pdf"), data_dir=data_dir)
    assert result.returncode == 2
