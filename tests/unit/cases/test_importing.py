"""Case import records: optional keys, normal forms, and errors that name keys, never values."""

from __future__ import annotations

import pytest

from docintake.cases.importing import InvalidCase, case_from_json, case_to_json
from docintake.cases.store import CaseStatus


def test_a_full_record_round_trips():
    record = case_from_json({"reference_id": "PA1234567897", "policy_id": "w123-456-789", "dob": "1960-01-05",
                             "patient_name": {"first": "Jane", "last": "Doe"}, "plan": "HMO", "status": "open",
                             "cpt": ["27447"], "hcpcs": [], "icd10": ["m17.11"], "updated_at": "2026-01-02T03:04:05Z"})
    assert record.policy_id == "W123456789" and record.icd10 == ("M17.11",) and record.status is CaseStatus.OPEN
    out = case_to_json(record, ["d1"])
    assert out["dob"] == "1960-01-05" and out["documents"] == ["d1"] and out["expires_at"] is None


def test_optional_keys_may_be_missing():
    record = case_from_json({"reference_id": "PA0000000018"})
    assert record.status is CaseStatus.OPEN and record.policy_id is None and record.cpt == ()


@pytest.mark.parametrize(("item", "key"), [
    ({"reference_id": "PA1234567890"}, "reference_id"),
    ({"reference_id": "PA1234567897", "status": "expired"}, "status"),
    ({"reference_id": "PA1234567897", "dob": "05/01/1960"}, "dob"),
    ({"reference_id": "PA1234567897", "cpt": "27447"}, "cpt"),
    ("PA1234567897", "object"),
])
def test_invalid_records_name_the_key_not_the_value(item, key):
    with pytest.raises(InvalidCase) as raised:
        case_from_json(item)
    assert key in str(raised.value)
    assert "05/01/1960" not in str(raised.value)
