"""Face sheets and requisitions list a primary and a secondary coverage: the member ID is the primary's.
Also the grid rows of such sheets, where a label's value stands beside it, not under it."""

from __future__ import annotations

import pytest

from docintake.extractors.fields.coverage import Section, in_secondary, sections
from docintake.extractors.fields.view import build_view
from docintake.model import PageSource
from tests.unit.extractors.fields._rows import SURE, UNSURE, fields_of, ocr_page, values

ROWS = [
    # The secondary plan's number, later in the document, does not beat the primary's.
    (["PRIMARY INSURANCE", "Member ID: W123456789", "SECONDARY INSURANCE", "Member ID: H987654321"],
     "policy_id", "W123456789", SURE),
    # ... nor when it comes first.
    (["Insurance 2 - Secondary", "Subscriber #: H987654321", "Insurance 1 - Primary", "Subscriber #: W123456789"],
     "policy_id", "W123456789", SURE),
    # Only a secondary coverage printed: its number stays, for a clerk.
    (["Secondary Payer", "Policy #: H987654321"], "policy_id", "H987654321", UNSURE),
    # CMS-1500 box 9a: the other insured's policy.
    (["Insured's ID Number: W123456789", "Other Insured's Policy", "Policy #: H987654321"],
     "policy_id", "W123456789", SURE),
    # "Primary" that is no coverage heading: a care physician, a diagnosis.
    (["Primary Care Physician: Dr. Ann Lee", "Secondary Diagnosis: E11.9", "Member ID: W123456789"],
     "policy_id", "W123456789", SURE),
    # A payer's own ID is not the member's; a plan ID on a card is.
    (["Payer ID: 12043", "Plan ID #: W123456789"], "policy_id", "W123456789", SURE),
    # A certificate number is the member's number; a precertification number is not.
    (["Policy/Cert #\tGrp #", "LRU 963272133040\tGRP-34621"], "policy_id", "LRU963272133040", SURE),
    (["Certificate No.: W123456789"], "policy_id", "W123456789", (0.6, 1.0)),
    (["Precert #: 123456789"], "policy_id", None, None),
    # A row alternating label, value, label: the value is beside the label, not the next row's label under it.
    (["PATIENT NAME\tFAIRBAIRN, EDWINA N\tDOB/Age\t03/02/1967 (59Y)", "Soc Sec #\txxx-xx-2149\tSex\tM"],
     "patient_name", {"first": "Edwina", "last": "Fairbairn"}, (0.6, 1.0)),
    # A grid's bare "Patient" heading over its value; in prose the word is no label.
    (["Patient\tBirth Date\tSex", "Edwina Abernathy\t23-JUL-1970\tM"], "patient_name",
     {"first": "Edwina", "last": "Abernathy"}, (0.6, 1.0)),
    (["Patient", "Seen today for knee pain."], "patient_name", None, None),
    (["The patient tolerated the procedure well."], "patient_name", None, None),
    # A heading row stays a heading row: the value is under it.
    (["Pt DOB\tPATIENT NAME\tAge/Sex", "08/09/1974\tGLENHAVEN, SILAS H\t52 / F"], "patient_name",
     {"first": "Silas", "last": "Glenhaven"}, (0.6, 1.0)),
]


@pytest.mark.parametrize(("lines", "field", "expected", "score"), ROWS)
def test_coverage_rows(lines: list[str], field: str, expected, score) -> None:
    found = fields_of(*lines)[field]
    assert values(found) == ([] if expected is None else [expected])
    if score is not None:
        assert score[0] <= found.confidence <= score[1]


def test_secondary_section_note_is_explained() -> None:
    found = fields_of("Secondary Payer", "Policy #: H987654321")["policy_id"]
    assert "secondary_coverage" in found.evidence.repairs


def _page(lines: list[str]):
    return build_view(ocr_page([[(w, 0.99) for w in line.split()] for line in lines], source=PageSource.TEXT_LAYER))


def test_a_primary_secondary_table_decides_by_column() -> None:
    view = _page(["INSURANCE Primary Secondary", "Plan Bluewater Harborlight", "Policy W123456789 H987654321"])
    found = sections(view)
    assert len(found) == 1 and found[0].column_x0 is not None
    primary = view.text.index("W123456789")
    secondary = view.text.index("H987654321")
    x = {t.text: t.x0 for t in view.tokens}
    assert not in_secondary(found, None, primary, x["W123456789"])
    assert in_secondary(found, None, secondary, x["H987654321"])


def test_a_section_carries_over_to_the_next_page() -> None:
    carried = Section(at=0, secondary=True)
    assert in_secondary([], carried, 10, None)
    assert not in_secondary([Section(at=5, secondary=False)], carried, 10, None)
    assert not in_secondary([], None, 10, None)


def test_a_previous_authorization_is_the_reference_only_for_a_clerk() -> None:
    alone = fields_of("Prev. Auth. #: PA1234567897", "Member ID: W123456789")["reference_id"]
    assert alone.value == "PA1234567897" and alone.confidence < 0.6
    both = fields_of("Reference ID: PA9876543217", "Previous Authorization #: PA1234567897")["reference_id"]
    assert both.value == "PA9876543217" and both.confidence >= 0.9
