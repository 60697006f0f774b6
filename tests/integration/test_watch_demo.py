"""`docintake demo`: cases seeded from the samples' expected JSON, the samples dropped into a watched folder and
processed by the embedded workers, one row per file; `--read-only` keeps the old reading table."""

from __future__ import annotations

import json
from pathlib import Path

from docintake.demo import demo_cases, sample_files
from tests.integration.conftest import run_cli

MEMBER = """OFFICE VISIT - PROGRESS NOTE
============================
Lakeview Orthopedics   Tel 888-555-0100

------------------------------------------------------------------------
Patient:     Doe, Jane
MRN:         MRN1234567
Birth Date:  01/05/1960
Visit Date:  03/02/2026
Insurance:   Demo Health Plan
Member ID:   W123456789
Provider:    Ann Example, MD (NPI 1234567893)

------------------------------------------------------------------------
S: Patient reports worsening knee pain over the past six months, pain 8/10,
interfering with sleep and work. Failed physical therapy and NSAIDs.

O: BP 128/80, HR 72. Effusion and reduced range of motion on examination.

A:
  1. Unilateral primary osteoarthritis, right knee - M17.11

P: Request prior authorization for 27447. Target date 04/01/2026.
Follow up in 4 weeks.

Electronically signed by Ann Example, MD on 03/02/2026
"""
REFERENCE = ("Case Reference: PA1234567897\nMember ID: K987654321\nPatient Name: Ann Roe\nDOB: 02/02/1970\n"
             "ICD-10: M17.11\n")


def expected(policy_id, dob, first, last, reference_id=None):
    fields = {"reference_id": {"value": reference_id} if reference_id else None, "policy_id": {"value": policy_id},
              "dob": {"value": dob}, "patient_name": {"value": {"first": first, "last": last}},
              "cpt": [{"value": "27447"}], "hcpcs": [], "icd10": [{"value": "M17.11"}]}
    return {"schema_version": 1, "ocr": "none", "fields": fields, "segments": []}


def samples(root: Path) -> Path:
    for folder, name, text, exp in (
        ("member", "request.txt", MEMBER, expected("W123456789", "1960-01-05", "Jane", "Doe")),
        ("reference", "followup.txt", REFERENCE, expected("K987654321", "1970-02-02", "Ann", "Roe", "PA1234567897")),
    ):
        (root / folder).mkdir(parents=True)
        (root / folder / name).write_text(text)
        (root / folder / f"{name}.expected.json").write_text(json.dumps(exp))
    (root / "refusals").mkdir()
    (root / "refusals" / "empty.pdf").write_bytes(b"")
    (root / "refusals" / "empty.pdf.expected.json").write_text('{"rejected": {"code": "empty"}}')
    return root


def test_demo_cases_come_from_the_expected_json(tmp_path):
    root = samples(tmp_path / "samples")
    cases = demo_cases(root, sample_files(root))
    assert cases[0]["reference_id"] == "PA1234567897" and len(cases) == 2
    assert cases[1]["policy_id"] == "W123456789" and cases[1]["status"] == "open"


def test_demo_runs_the_samples_through_the_watched_folder(tmp_path):
    root = samples(tmp_path / "samples")
    env = {"COLUMNS": "200", "DOCINTAKE_WORKERS": "1"}
    result = run_cli("demo", "--samples", str(root), data_dir=tmp_path / "data", env=env, timeout=240)
    assert result.returncode == 0, result.stderr
    lines = {line.split("│")[1].strip(): line for line in result.stdout.splitlines() if line.count("│") > 4}
    assert "PA1234567897" in lines["reference/followup.txt"] and "reference_id" in lines["reference/followup.txt"]
    assert "member_dob" in lines["member/request.txt"]
    assert "quarantined" in lines["refusals/empty.pdf"]
    assert "1 quarantined, 0 duplicate" in result.stdout
    runs = list((tmp_path / "data" / "demo").iterdir())
    assert len(runs) == 1 and not [p for p in (runs[0] / "inbox").iterdir() if p.name != ".docintake"]


def test_demo_read_only_keeps_the_reading_table(tmp_path):
    root = samples(tmp_path / "samples")
    result = run_cli("demo", "--read-only", "--workers", "1", "--samples", str(root), data_dir=tmp_path / "data",
                     env={"COLUMNS": "200"}, timeout=240)
    assert result.returncode == 0, result.stderr
    assert "2 read" in result.stdout and "refused: empty" in result.stdout
    assert not (tmp_path / "data" / "demo").exists()
