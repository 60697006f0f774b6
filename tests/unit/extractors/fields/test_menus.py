"""Order forms list a menu of exams or tests with their codes; only the ticked lines are ordered."""

from __future__ import annotations

import pytest

from docintake.extractors.fields.urgency import tick_glyph
from tests.unit.extractors.fields._rows import fields_of, values

ROWS = [
    # Boxes, two items a line: the empty boxes' codes are listed, not ordered.
    (["PROCEDURES ORDERED", "[X] MRI Brain w/o & w/ contrast 70553   [ ] CT Head w/o 70450",
      "[ ] US Abdomen complete 76700   [ ] Mammo screening bilat 77067"], "cpt", ["70553"]),
    # The code first, the box before it; the symbols a text layer carries.
    (["☐ 70450 CT Head", "☒ 72148 MRI L-spine w/o", "☐ 74177 CT Abd/Pelvis w/"], "cpt", ["72148"]),
    # A box printed with spaces inside is still one box.
    (["( ) 70450 CT Head", "( X ) 72148 MRI L-spine", "( ) 76700 US Abdomen"], "cpt", ["72148"]),
    # A menu that marks the ordered lines with a bare X and leaves the others blank.
    (["Exam\tCPT\t\tExam\tCPT", "Stress Echo\t93350\t\tUS Abdomen complete\t76700",
      "ECG 12-lead\t93000\tX\tUS Pelvis non-OB complete\t76856", "CT Sinus WO\t70486\t\tMRI Brain WO\t70551",
      "CT C-Spine WO\t72125\t\tMRA Neck WO\t70547"], "cpt", ["76856"]),
    # HCPCS contrast lines in the same menu.
    (["[X] MRI Brain 70553", "[ ] CT Head 70450", "Contrast:", "[X] A9575 Gadoterate per 0.1 mL",
      "[ ] Q9967 LOCM 300-399 per mL"], "hcpcs", ["A9575"]),
    # A written-in line in a menu of boxes has no box of its own: it is ordered.
    (["[ ] MRI Brain 70551", "[ ] CT Head 70450", "[X] US Abdomen 76700", "Other: Cardiac cath (CPT 93458)"],
     "cpt", ["76700", "93458"]),
    # No menu: a service table, a single urgency box beside it.
    (["Priority: [X] Urgent [ ] Routine", "CPT\tUnits", "27447\t1", "29881\t1"], "cpt", ["27447", "29881"]),
    # One empty box is not a menu: "[ ] Bilateral" beside a code says nothing of the others.
    (["CPT 27447 [ ] Bilateral", "CPT 29881"], "cpt", ["27447", "29881"]),
    # A lone X beside a code, no blank lines around it: no menu.
    (["X 27447 Total knee", "CPT 29881"], "cpt", ["27447", "29881"]),
]


@pytest.mark.parametrize(("lines", "field", "expected"), ROWS)
def test_menu_rows(lines: list[str], field: str, expected: list[str]) -> None:
    assert values(fields_of(*lines)[field]) == expected


def test_a_menu_code_without_a_mark_of_its_own_goes_to_a_clerk() -> None:
    # A written-in line (or a code wrapped away from its box): ordered or not, a clerk says.
    found = fields_of("___ CT Head w/ & w/o con 70470   _X_ MRI Brain 70553", "___ CT Sinus 70486   ___ MRA Head 70544",
                      "Other: Cerebral perfusion CT (CPT 0042T)")["cpt"]
    by_value = {f.value: f for f in found}
    assert set(by_value) == {"70553", "0042T"}
    assert by_value["0042T"].confidence <= 0.6 and "menu_unmarked" in by_value["0042T"].evidence.repairs


@pytest.mark.parametrize(("lines", "expected"), [
    # A registration form's payer and employer numbers are no procedure codes.
    (["Employer Code:\t24697", "Payer ID\t75600"], []),
    (["Payer ID 12043", "Procedure Code: 27447"], ["27447"]),
    (["Revenue Code\tCPT", "0360\t29881"], ["29881"]),
])
def test_other_codes_are_not_procedures(lines: list[str], expected: list[str]) -> None:
    assert values(fields_of(*lines)["cpt"]) == expected


@pytest.mark.parametrize(("text", "ocr", "expected"), [
    ("[X]", False, True), ("☒", False, True), ("X", False, True), ("■", False, True),
    ("[]", False, False), ("☐", False, False), ("___", False, False), ("()", False, False),
    ("O", True, False), ("O", False, None), ("CJ", True, False),
    ("MRI", False, None), ("70553", False, None), ("-", False, None),
])
def test_tick_glyphs(text: str, ocr: bool, expected: bool | None) -> None:
    assert tick_glyph(text, ocr) is expected
