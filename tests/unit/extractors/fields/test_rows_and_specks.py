"""Service rows whose heading is elsewhere, a request's "PA for" wording, and names and labels OCR spattered."""

from __future__ import annotations

import pytest

from docintake.extractors.fields.extract import extract_fields

from ._rows import TODAY, UNSURE, fields_of, ocr_page, values

ROW_CASES = [
    # A service table continued on a page without its heading: rows that begin with a code and describe it.
    (["97161 GP Physical therapy evaluation 1", "97110 GP Therapeutic exercise 24",
      "97530 GP Therapeutic activities 12"], ["97161", "97110", "97530"]),
    # Blank lines between the rows, as OCR leaves them, and a HCPCS row among them.
    (["95810 Attended sleep study 12/26/2026 1", "", "E0470 Bi-level device 12/26/2026 1"], ["95810", "E0470"]),
    # A row number before the code.
    (["1. 27447 Total knee arthroplasty", "2. 27446 Partial knee arthroplasty"], ["27447", "27446"]),
    # One such line alone is not a table: a number that starts a line is too often something else (it stays at
    # the weak confidence of any unlabelled five digits).
    (["95810 Attended sleep study", "Please call with questions."], []),
    # Numbers that begin lines without words after them are no rows.
    (["12345 67", "23456 78"], []),
    # A number in the middle of a line is no row.
    (["Suite 20410 Medical Plaza Drive", "Building 30122 North Campus Road"], []),
]


@pytest.mark.parametrize(("lines", "codes"), ROW_CASES)
def test_rows_that_begin_with_a_code_are_likely_codes(lines: list[str], codes: list[str]) -> None:
    found = fields_of(*lines)
    likely = [f for f in [*found["cpt"], *found["hcpcs"]] if f.confidence >= 0.6]
    assert sorted(f.value for f in likely) == sorted(codes)
    assert all(f.confidence < 0.9 for f in likely)  # likely, but a clerk confirms


def test_a_labelled_table_row_keeps_its_label() -> None:
    found = fields_of("CPT Code\tDescription", "27447\tTotal knee arthroplasty", "27446\tPartial knee arthroplasty")
    assert values(found["cpt"]) == ["27447", "27446"]
    assert all(f.confidence >= 0.9 for f in found["cpt"])


def test_unmarked_rows_of_a_menu_are_menu_lines_not_service_rows() -> None:
    found = fields_of("[X] 72148 MRI lumbar spine without contrast", "[ ] 72158 MRI lumbar spine with and without",
                      "[ ] 70553 MRI brain with and without contrast", "73221 MRI joint upper extremity",
                      "73721 MRI joint lower extremity")
    # The last two lost their boxes (as OCR loses them): menu lines, not rows of a service table.
    assert not [f.value for f in found["cpt"] if f.confidence >= 0.5 and f.value in ("73221", "73721")]


@pytest.mark.parametrize(("line", "expected"), [
    ("Please obtain PA for 96365 (IV infusion, first hour) and labs.", ["96365"]),
    ("Rep states PA required for 83036 (hemoglobin A1c).", ["83036"]),
    # "pa" in lower case is no prior authorization ("pa 19301" is nothing here).
    ("Box pa 19301 east wing", []),
])
def test_pa_wording_puts_a_code_in_context(line: str, expected: list[str]) -> None:
    found = fields_of(line)
    assert [f.value for f in found["cpt"] if f.confidence >= 0.6] == expected
    assert all(f.confidence < 0.9 for f in found["cpt"])


@pytest.mark.parametrize(("words", "name"), [
    # A quote OCR glued to the end of a name.
    ([("Patient", 0.95), ("Name:", 0.95), ("Silas", 0.95), ("Glenhaven’", 0.9)],
     {"first": "Silas", "last": "Glenhaven"}),
    # "LAST;. FIRST": a comma read as a semicolon and a dot.
    ([("Patient", 0.95), ("Name:", 0.95), ("Yarborough;.", 0.9), ("Dashiell", 0.95), ("P.", 0.9)],
     {"first": "Dashiell", "last": "Yarborough"}),
    # "LAST,-FIRST" and "LAST,’ FIRST": the comma with a speck after it.
    ([("Patient:", 0.95), ("‘Oakhurst,-Fletcher", 0.8), ("~", 0.3)], {"first": "Fletcher", "last": "Oakhurst"}),
    ([("pt", 0.6), ("Name:", 0.95), ("Larkspur,’", 0.8), ("Xiomara", 0.95)], {"first": "Xiomara", "last": "Larkspur"}),
    # Two specks before the name.
    ([("Patient", 0.95), ("Name:", 0.95), (".|", 0.3), ("Kendra", 0.95), ("Larkspur", 0.95)],
     {"first": "Kendra", "last": "Larkspur"}),
    # A speck read as a dot between a label's words.
    ([("Member.Name:", 0.9), ("Brightwater,", 0.95), ("Xiomara", 0.95)], {"first": "Xiomara", "last": "Brightwater"}),
])
def test_specks_around_ocr_names_and_labels(words, name) -> None:
    found = extract_fields([ocr_page([words])], TODAY)
    assert values(found["patient_name"]) == [name]
    assert UNSURE[0] <= found["patient_name"].confidence <= UNSURE[1]


def test_a_text_layer_name_keeps_its_quote() -> None:
    # Outside OCR a quote is what was typed: "O’" is no name, and nothing is guessed.
    found = fields_of("Patient Name: Silas O’")
    assert values(found["patient_name"]) == []


@pytest.mark.parametrize(("lines", "expected"), [
    (["Name (Last, First): JESSUP, ALMA"], {"first": "Alma", "last": "Jessup"}),
    # In a row that alternates label and value the name is beside its label, not under it.
    (["Birth Date\t08/23/1965\tName (Last, First MI)\tSTILLWELL, DELPHINE H\tAge/Sex\t61 / F",
      "SSN (last 4)\txxx-xx-2962\tMarital Status\tMarried"], {"first": "Delphine", "last": "Stillwell"}),
])
def test_a_name_box_that_names_its_order(lines: list[str], expected) -> None:
    found = fields_of(*lines)
    assert values(found["patient_name"]) == [expected]


@pytest.mark.parametrize(("lines", "hcpcs", "icd10"), [
    # A letter and four digits under a procedure label is a HCPCS code, not the undotted K08.56.
    (["HCPCS Code: K0856 Power wheelchair group 3"], ["K0856"], []),
    (["Code\tDescription", "E0260\tSemi-electric hospital bed", "K0856\tPower wheelchair"], ["E0260", "K0856"], []),
    # Under a diagnosis label the same shape is the undotted diagnosis.
    (["Diagnosis Code: E1165"], [], ["E11.65"]),
])
def test_a_code_is_one_kind_by_its_nearer_label(lines: list[str], hcpcs: list[str], icd10: list[str]) -> None:
    found = fields_of(*lines)
    assert values(found["hcpcs"]) == hcpcs
    assert values(found["icd10"]) == icd10


def test_a_label_with_its_own_value_owns_nothing_lines_below() -> None:
    found = fields_of("Treating provider NPI: 1046967752",
                      "This letter formally disputes the decision to deny coverage.",
                      "Services in dispute: 96413, 77067, 19301. Proposed date of service 24-NOV-2026.")
    assert values(found["cpt"]) == ["96413", "77067", "19301"]
    assert values(found["npi"]) == ["1046967752"]


def test_a_label_still_owns_the_line_right_under_its_value() -> None:
    # "CPT: 27447" with a second code on the next line, under the first: the label's list goes on.
    found = fields_of("CPT: 27447", "     27446")
    assert values(found["cpt"]) == ["27447", "27446"]
    assert all(f.confidence >= 0.9 for f in found["cpt"])


def test_fixed_width_columns_keep_their_values() -> None:
    # A text file's grid: the ID under "Medicaid Recipient ID", the group number under "Group No." beside it.
    found = fields_of("Member Last             Member First   Birth Date",
                      "Goncalves               Ines           1967-01-23",
                      "Medicaid Recipient ID   Group No.      MRN",
                      "424101976               GRP-52926      MRN2974819")
    assert values(found["policy_id"]) == ["424101976"]
