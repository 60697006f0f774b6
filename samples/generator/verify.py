"""Self-checks of a generated corpus: sniffed formats match, and text layers hold the expected strings."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any

from docintake.errors import IntakeError
from docintake.intake.sniff import sniff
from samples.generator.codes import billable_icd10
from samples.generator.data import luhn_check_digit

_MBI = re.compile(r"^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\d]\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\d]\d"
                  r"[AC-HJKMNP-RT-Y]{2}\d{2}$")
_CPT = re.compile(r"^(\d{5}|\d{4}[FTU])$")
_HCPCS = re.compile(r"^[A-CEG-HJ-MP-V]\d{4}$")


def field_problems(fields: dict[str, Any]) -> list[str]:
    """Expected values that break the identifier rules of ARCHITECTURE.md and DOMAIN.md (generator bugs)."""
    bad = []
    ref = (fields["reference_id"] or {}).get("value")
    if ref and not (re.fullmatch(r"PA\d{10}", ref) and luhn_check_digit(ref[2:11]) == int(ref[11])):
        bad.append(f"reference_id {ref}")
    for npi in (f["value"] for f in fields["npi"]):
        if not (re.fullmatch(r"[12]\d{9}", npi) and luhn_check_digit("80840" + npi[:9]) == int(npi[9])):
            bad.append(f"npi {npi}")
    bad += [f"cpt {c['value']}" for c in fields["cpt"] if not _CPT.match(c["value"])
            or (c["value"].isdigit() and not 100 <= int(c["value"]) <= 99607)]
    bad += [f"hcpcs {c['value']}" for c in fields["hcpcs"] if not _HCPCS.match(c["value"])]
    bad += [f"icd10 {c['value']}" for c in fields["icd10"] if c["value"] not in billable_icd10()]
    policy = (fields["policy_id"] or {}).get("value")
    if policy and (not re.fullmatch(r"[A-Z0-9]+", policy) or (len(policy) == 11 and policy[0] != "W"
                                                               and policy[1].isalpha() and not _MBI.match(policy))):
        bad.append(f"policy_id {policy}")
    dob, dos = (fields["dob"] or {}).get("value"), (fields["service_date"] or {}).get("value")
    if dob and dos and not dob < dos:
        bad.append(f"dob {dob} not before service date {dos}")
    return bad


# Kinds whose text a simple tool can read back exactly, to check `text_contains` against.
_TEXT_CHECKED = {"pdf_text", "txt_utf8", "txt_utf16", "txt_cp1252", "xps", "docx", "rtf"}


def _text_of(path: Path, kind: str) -> str | None:
    if kind == "pdf_text":
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                              text=True).stdout
    if kind.startswith("txt_"):
        data = path.read_bytes()
        for enc in ("utf-16", "utf-8") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8", "cp1252"):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                continue
    if kind in ("xps", "docx"):
        with zipfile.ZipFile(path) as z:
            parts = [n for n in z.namelist() if n.endswith((".fpage", ".xml"))]
            return "\n".join(z.read(n).decode("utf-8") for n in parts).replace("&amp;", "&")
    if kind == "rtf":
        from striprtf.striprtf import rtf_to_text

        return rtf_to_text(path.read_text(encoding="ascii"))
    return None


def verify(out_root: Path, entries: list[dict[str, object]]) -> list[str]:
    """Problems found in the corpus under out_root (empty when all is well)."""
    problems: list[str] = []
    for entry in entries:
        path = out_root / str(entry["path"])
        data = path.read_bytes()
        if entry.get("refusal"):
            continue
        try:
            got = sniff(data).format
        except IntakeError as exc:
            problems.append(f"{entry['path']}: sniff refused it ({exc.code})")
            continue
        if got != entry["format"]:
            problems.append(f"{entry['path']}: sniffed {got}, expected {entry['format']}")
        if entry["kind"] in _TEXT_CHECKED:
            text = _text_of(path, str(entry["kind"])) or ""
            expected = json.loads((out_root / str(entry["expected"])).read_text())
            missing = [s for s in expected["text_contains"] if s not in text]
            if missing:
                problems.append(f"{entry['path']}: text lacks {missing}")
        expected = json.loads((out_root / str(entry["expected"])).read_text())
        for segment in [expected, *expected["segments"]]:
            problems += [f"{entry['path']}: invalid expected {b}" for b in field_problems(segment["fields"])]
    return problems
