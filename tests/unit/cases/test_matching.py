"""Matching: every branch of issue 5's order, with the evidence recorded."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from docintake.cases.matching import (
    INVALID_REFERENCE_ID,
    UNKNOWN_REFERENCE_ID,
    Identity,
    MatchMethod,
    Outcome,
    match,
)
from docintake.cases.reference import is_valid_reference_id, make_reference_id
from docintake.cases.store import CaseRecord, CaseStatus, InMemoryCaseStore
from docintake.model import Evidence, Field

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
DOB = date(1960, 1, 5)


def f(value, confidence=0.95):
    return Field(value=value, confidence=confidence, page=1, bbox=None, evidence=Evidence("test"))


def identity(**overrides):
    fields = {"policy_id": f("W123456789"), "dob": f("1960-01-05"),
              "patient_name": f({"first": "Jane", "last": "Doe"}), "cpt": [f("27447")], "icd10": [f("M17.11")]}
    fields.update(overrides)
    return Identity.from_fields({k: v for k, v in fields.items() if v is not None})


@pytest.fixture
def store():
    s = InMemoryCaseStore()
    s.add(CaseRecord("PA1234567897", CaseStatus.OPEN, policy_id="W123456789", dob=DOB, first_name="Jane",
                     last_name="Doe"))
    return s


@pytest.mark.parametrize(("value", "ok"), [("PA1234567897", True), ("PA9876543217", True),
                                           ("PA0000000018", True), ("PA1234567890", False), ("PA123", False)])
def test_reference_id_check_digit(value, ok):
    assert is_valid_reference_id(value) is ok


def test_allocated_ids_pass_their_check():
    assert make_reference_id(123456789) == "PA1234567897"
    assert all(is_valid_reference_id(make_reference_id(n)) for n in range(900_000_000, 900_000_050))


def test_given_reference_id_attaches(store):
    decision = match(identity(), store, NOW, given_reference_id="pa 123-456-7897")
    assert (decision.outcome, decision.method, decision.status) == (Outcome.ATTACHED, MatchMethod.REFERENCE_ID,
                                                                     "attached")
    assert decision.case.reference_id == "PA1234567897"
    assert decision.evidence["source"] == "given" and decision.evidence["conflicts"] == []


def test_given_reference_id_failing_its_check_digit_goes_to_review(store):
    decision = match(identity(), store, NOW, given_reference_id="PA1234567890")
    assert decision.status == "review" and decision.case is None
    assert INVALID_REFERENCE_ID in decision.review_reasons
    assert decision.evidence["check_digit"] == "failed"


def test_given_reference_id_that_names_no_case_goes_to_review_not_to_member_matching(store):
    decision = match(identity(), store, NOW, given_reference_id="PA9876543217")
    assert decision.status == "review" and decision.case is None
    assert decision.review_reasons == (UNKNOWN_REFERENCE_ID,)


def test_reference_id_found_in_the_document_attaches(store):
    decision = match(identity(reference_id=f("PA1234567897")), store, NOW)
    assert decision.method is MatchMethod.REFERENCE_ID and decision.evidence["source"] == "document"


@pytest.mark.parametrize(("override", "conflict"), [
    ({"policy_id": f("Z999999999")}, "policy_id"),
    ({"dob": f("1961-01-05")}, "dob"),
    ({"patient_name": f({"first": "Jane", "last": "Smith"})}, "patient_name"),
])
def test_reference_id_with_contradicting_identity_is_an_identity_conflict(store, override, conflict):
    decision = match(identity(reference_id=f("PA1234567897"), **override), store, NOW)
    assert decision.status == "review" and decision.case is None
    assert decision.review_reasons == ("identity_conflict",)
    assert decision.evidence["conflicts"] == [conflict]


def test_found_reference_id_that_names_no_case_falls_through_to_member_and_dob(store):
    decision = match(identity(reference_id=f("PA9876543217")), store, NOW)
    assert decision.method is MatchMethod.MEMBER_DOB and decision.case.reference_id == "PA1234567897"


def test_member_and_dob_with_one_open_case_attaches(store):
    decision = match(identity(), store, NOW)
    assert (decision.outcome, decision.method) == (Outcome.ATTACHED, MatchMethod.MEMBER_DOB)
    assert decision.evidence["candidates"] == 1


def test_two_open_cases_for_one_member_are_ambiguous(store):
    store.add(CaseRecord("PA9876543217", CaseStatus.OPEN, policy_id="W123456789", dob=DOB))
    decision = match(identity(), store, NOW)
    assert decision.status == "review" and decision.case is None
    assert decision.review_reasons == ("ambiguous",)
    assert decision.evidence["candidate_reference_ids"] == ["PA1234567897", "PA9876543217"]


def test_closed_cases_do_not_count_for_member_matching(store):
    store.close("PA1234567897")
    decision = match(identity(), store, NOW)
    assert decision.outcome is Outcome.DRAFT_CREATED


def test_member_and_dob_without_a_case_opens_a_draft_expiring_in_96_hours(store):
    decision = match(identity(policy_id=f("Q111111111")), store, NOW)
    assert (decision.outcome, decision.method, decision.status) == (Outcome.DRAFT_CREATED, MatchMethod.NEW_DRAFT,
                                                                     "draft_created")
    draft = decision.case
    assert draft.status is CaseStatus.DRAFT and is_valid_reference_id(draft.reference_id)
    assert draft.expires_at - draft.created_at == timedelta(hours=96)
    assert store.by_reference_id(draft.reference_id) == draft


def test_name_dob_and_a_code_open_a_draft(store):
    decision = match(identity(policy_id=None), store, NOW)
    assert decision.outcome is Outcome.DRAFT_CREATED
    assert decision.evidence["identity"] == "name_dob_code"


def test_name_and_dob_without_a_code_is_unidentified(store):
    decision = match(identity(policy_id=None, cpt=None, icd10=None), store, NOW)
    assert decision.status == "review" and decision.review_reasons == ("unidentified",)
    assert decision.case is None and len(store.cases) == 1


def test_no_identity_is_unidentified(store):
    decision = match(Identity(), store, NOW)
    assert decision.review_reasons == ("unidentified",)


def test_fields_below_threshold_send_a_known_case_to_review(store):
    decision = match(identity(), store, NOW, field_reasons=["low_confidence:dob"])
    assert decision.outcome is Outcome.ATTACHED and decision.case is not None
    assert decision.status == "review" and decision.review_reasons == ("low_confidence:dob",)


def test_an_untyped_document_only_joins_a_case_named_by_reference_id(store):
    decision = match(identity(policy_id=f("Q111111111")), store, NOW, field_reasons=["unidentified"])
    assert decision.review_reasons == ("unidentified",) and len(store.cases) == 1
    named = match(identity(), store, NOW, given_reference_id="PA1234567897", field_reasons=["unidentified"])
    assert named.status == "attached"
