"""Matching's step 1 on its own (also used for duplicates naming a case), and identity from stored fields JSON."""

from __future__ import annotations

from datetime import date

from docintake.cases.matching import (
    INVALID_REFERENCE_ID,
    UNKNOWN_REFERENCE_ID,
    Identity,
    MatchMethod,
    match_given_reference,
)
from docintake.cases.store import CaseRecord, CaseStatus, InMemoryCaseStore

DOB = date(1960, 1, 5)


def store():
    s = InMemoryCaseStore()
    s.add(CaseRecord("PA1234567897", CaseStatus.OPEN, policy_id="W123456789", dob=DOB, last_name="Doe"))
    return s


def test_identity_from_stored_fields_json():
    fields = {"reference_id": {"value": "PA1234567897", "confidence": 0.9}, "policy_id": {"value": "w123456789"},
              "dob": {"value": "1960-01-05"}, "patient_name": {"value": {"first": "Jane", "last": "Doe"}},
              "cpt": [{"value": "27447"}], "hcpcs": [], "icd10": [{"value": "M17.11"}], "urgent": {"value": True}}
    identity = Identity.from_json(fields)
    assert (identity.reference_id, identity.reference_confidence, identity.policy_id, identity.dob) == (
        "PA1234567897", 0.9, "W123456789", DOB)
    assert (identity.first_name, identity.last_name, identity.cpt, identity.icd10, identity.urgent) == (
        "Jane", "Doe", ("27447",), ("M17.11",), True)
    assert Identity.from_json(None) == Identity() == Identity.from_json({"dob": None, "cpt": []})


def test_given_reference_branches_carry_the_extra_evidence():
    via = {"via": "duplicate_submission"}
    attached = match_given_reference(Identity(policy_id="W123456789"), store(), "pa1234567897", evidence=via)
    assert attached.method is MatchMethod.REFERENCE_ID and attached.case.reference_id == "PA1234567897"
    assert attached.evidence["via"] == "duplicate_submission"
    assert match_given_reference(Identity(), store(), "PA1234567890").review_reasons == (INVALID_REFERENCE_ID,)
    assert match_given_reference(Identity(), store(), "PA9876543217").review_reasons == (UNKNOWN_REFERENCE_ID,)
    conflict = match_given_reference(Identity(last_name="Roe"), store(), "PA1234567897", ("low_confidence:dob",))
    assert conflict.case is None and conflict.review_reasons == ("low_confidence:dob", "identity_conflict")
