"""Review routing follows ARCHITECTURE.md's required-field table and its list of reasons."""

from __future__ import annotations

from docintake.classifiers.routing import review_reasons
from docintake.model import Evidence, Field


def f(value, confidence=0.95):
    return Field(value, confidence, 1, None, Evidence("test"))


def complete_request(**overrides):
    fields = {
        "reference_id": None, "policy_id": f("W123456789"), "dob": f("1960-01-05"),
        "patient_name": f({"first": "Jane", "last": "Doe"}), "npi": [f("1234567893")], "cpt": [f("27447")],
        "hcpcs": [], "icd10": [f("M17.11")], "service_date": f("2026-12-01"), "urgent": f(False, 0.9),
    }
    fields.update(overrides)
    return fields


def test_a_complete_sure_request_needs_no_review():
    assert review_reasons("pa_request_form", complete_request()) == []


def test_missing_and_unsure_required_fields_are_named():
    fields = complete_request(policy_id=None, dob=f("1960-01-05", 0.7), icd10=[])
    assert review_reasons("pa_request_form", fields) == ["missing:policy_id", "low_confidence:dob", "missing:icd10"]


def test_a_hcpcs_code_satisfies_the_procedure_requirement():
    assert review_reasons("pa_request_form", complete_request(cpt=[], hcpcs=[f("J1745")])) == []
    assert review_reasons("pa_request_form", complete_request(cpt=[], hcpcs=[])) == ["missing:cpt"]


def test_one_sure_code_among_unsure_ones_is_enough():
    assert review_reasons("pa_request_form", complete_request(cpt=[f("27447", 0.5), f("29881", 0.95)])) == []


def test_clinical_records_need_identity_and_birth_date_only():
    fields = complete_request(cpt=[], icd10=[], npi=[], policy_id=None)
    assert review_reasons("clinical_note", fields) == []
    assert review_reasons("clinical_note", complete_request(policy_id=None, patient_name=None)) == [
        "missing:policy_id"]


def test_cover_sheets_need_nothing_and_other_documents_are_unidentified():
    assert review_reasons("fax_cover", complete_request(policy_id=None, dob=None)) == []
    assert "unidentified" in review_reasons("other", complete_request())
    assert "unidentified" not in review_reasons("other", complete_request(reference_id=f("PA1234567897")))


def test_an_unsure_reference_id_or_urgency_is_reviewed():
    assert review_reasons("pa_request_form", complete_request(reference_id=f("PA1234567897", 0.8))) == [
        "low_confidence:reference_id"]
    assert review_reasons("pa_request_form", complete_request(urgent=f(True, 0.86))) == ["low_confidence:urgent"]
    assert review_reasons("pa_request_form", complete_request(urgent=f(False, 0.6))) == ["low_confidence:urgent"]
    assert review_reasons("pa_request_form", complete_request(urgent=f(False, 0.85))) == []
