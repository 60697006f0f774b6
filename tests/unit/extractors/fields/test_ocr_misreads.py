"""OCR misreads the recognizers win back, each kept only where a validator or the words around it vouch for
the repair, and never auto-accepted: a code's first letter read as a digit or lost, a "(" read as "1", a
Category III "T" read as "7", a ZIP after a misread state, noise around names and IDs, and a name read once."""

from __future__ import annotations

import pytest

from docintake.extractors.fields.extract import extract_fields
from docintake.model import BBox, Page, PageSource, Word

from ._rows import TODAY, ocr_page


def line(text: str, conf: float = 0.95) -> list[tuple[str, float]]:
    return [(w, conf) for w in text.split()]


def codes(found: dict, field: str) -> list[str]:
    return [f.value for f in found[field]]


@pytest.mark.parametrize(("text", "expected"), [
    ("Essential hypertension - 110", ["I10"]),  # I read as 1, the dot never printed: the line names it
    ("Intervertebral disc disorder with radiculopathy, lumbar (51.16)", ["M51.16"]),  # letter lost
    ("Chronic respiratory failure with hypoxia }96.11", ["J96.11"]),  # J read as a brace
    ("Glucose 110 mg/dL", []),  # a number, whatever letter it might have lost
    ("BMI 21.2, weight stable", []),
    ("Pain 7/10, follow up in 4 weeks, BP 110 systolic", []),
])
def test_icd_first_letter_needs_its_described_condition(text, expected):
    found = extract_fields([ocr_page([line(text)])], TODAY)
    assert codes(found, "icd10") == expected
    assert all(f.confidence < 0.9 for f in found["icd10"])


def test_a_digit_that_may_be_two_letters_takes_the_one_in_the_code_set():
    found = extract_fields([ocr_page([line("ICD-10-CM: 883.241 A")])], TODAY)  # S83.241A; B83.241A is none
    assert codes(found, "icd10") == ["S83.241A"]


@pytest.mark.parametrize(("text", "source", "expected"), [
    ("arrange manual therapy 197140), ideally soon", PageSource.OCR, ["97140"]),
    ("arrange manual therapy 197140), ideally soon", PageSource.TEXT_LAYER, []),  # six digits in a text layer
    ("Procedure Code: 02327", PageSource.OCR, ["0232T"]),  # T read as 7, no Category I code there
    ("Procedure Code: 02327", PageSource.TEXT_LAYER, []),
    ("Servicing provider: Willow Creek Family Medicine, Madison, Wi 56981", PageSource.OCR, []),  # a ZIP
    ("Servicing provider: Willow Creek Family Medicine, Springfield, 1L 11690", PageSource.OCR, []),
])
def test_procedure_code_misreads(text, source, expected):
    found = extract_fields([ocr_page([line(text)], source=source)], TODAY)
    assert codes(found, "cpt") == expected
    assert all(f.confidence < 0.9 for f in found["cpt"])


@pytest.mark.parametrize(("source", "expected"), [(PageSource.OCR, ["E1390"]), (PageSource.TEXT_LAYER, [])])
def test_an_hcpcs_letter_read_as_a_pound_sign(source, expected):
    found = extract_fields([ocr_page([line("HCPCS: £1390 oxygen concentrator")], source=source)], TODAY)
    assert codes(found, "hcpcs") == expected
    assert all(f.confidence < 0.9 for f in found["hcpcs"])


def test_a_lower_case_word_before_a_code_is_no_state():
    found = extract_fields([ocr_page([line("CPT: 27446, knee arthroscopy, or 29881")])], TODAY)
    assert "29881" in codes(found, "cpt")


@pytest.mark.parametrize(("lines", "expected"), [
    ([line("Member Name"), line("VANTREESE,. FLETCHER")], {"first": "Fletcher", "last": "Vantreese"}),
    ([line("Patient name: Ellsworth; Lucian")], {"first": "Lucian", "last": "Ellsworth"}),
    ([line("Patient Name"), line("b Yardley Yarborough")], {"first": "Yardley", "last": "Yarborough"}),
    ([line("Patient Name"), line("b 12345 Yarborough")], None),
    ([line("Patient name: “Thornbury, Tamsin")], {"first": "Tamsin", "last": "Thornbury"}),
    ([line("This letter concerns Mr, Kendra Oakhurst (birth date Aug. 10, 1965).")],
     {"first": "Kendra", "last": "Oakhurst"}),
])
def test_noise_around_an_ocr_name(lines, expected):
    found = extract_fields([ocr_page(lines)], TODAY)["patient_name"]
    assert (found.value if found else None) == expected


def test_specks_in_a_split_name_box_are_no_words():
    def word(text, x0, n):
        return Word(text, BBox(x0, 0.1 + n * 0.03, x0 + 0.011 * len(text), 0.112 + n * 0.03), 0.95, n)
    page = Page(1, (word("Patient", 0.08, 0), word("Last", 0.17, 0), word("Patient", 0.45, 0),
                    word("First", 0.54, 0), word("Abernathy", 0.08, 1), word("-", 0.19, 1), word(".", 0.21, 1),
                    word("Yardley", 0.45, 1)), "", PageSource.OCR, 612, 792)
    found = extract_fields([page], TODAY)["patient_name"]
    assert found.value == {"first": "Yardley", "last": "Abernathy"}


def test_a_semicolon_is_no_name_comma_in_a_text_layer():
    found = extract_fields([ocr_page([line("Patient name: Ellsworth; Lucian")], source=PageSource.TEXT_LAYER)], TODAY)
    assert found["patient_name"] is None or found["patient_name"].value != {"first": "Lucian", "last": "Ellsworth"}


def test_an_ocr_name_read_once_goes_to_a_clerk_and_read_twice_may_not():
    once = extract_fields([ocr_page([line("Patient Name: Jane Doe", 0.98)])], TODAY)["patient_name"]
    assert once.value == {"first": "Jane", "last": "Doe"} and once.confidence < 0.9
    twice = extract_fields([ocr_page([line("Patient Name: Jane Doe", 0.98), line("Group # 12345"),
                                      line("Subscriber Name: Jane Doe", 0.98)])], TODAY)["patient_name"]
    assert twice.value == {"first": "Jane", "last": "Doe"} and twice.confidence >= 0.9
    other = extract_fields([ocr_page([line("Patient Name: Jane Doe", 0.98),
                                      line("Subscriber Name: John Doe", 0.98)])], TODAY)["patient_name"]
    assert other.confidence < 0.9  # only the last name was read again


@pytest.mark.parametrize(("text", "expected"), [
    ("Subscriber ID: ZKM320067 460", "ZKM320067460"),  # OCR split the digits
    ("Member ID #: 8EK6-GP4- WRi9", "8EK6GP4WR19"),  # an MBI split and misread, repaired as one
])
def test_ids_split_by_ocr_are_joined_for_review(text, expected):
    found = extract_fields([ocr_page([line(text)])], TODAY)["policy_id"]
    assert found.value == expected and found.confidence < 0.9


def test_words_garbled_before_a_label_still_head_its_column():
    page = Page(1, (
        Word("Member", BBox(0.50, 0.10, 0.56, 0.112), 0.95, 0), Word("Gy", BBox(0.565, 0.10, 0.58, 0.112), 0.5, 0),
        Word("Medicaid", BBox(0.59, 0.10, 0.66, 0.112), 0.95, 0), Word("ID", BBox(0.665, 0.10, 0.68, 0.112), 0.95, 0),
        Word("#", BBox(0.685, 0.10, 0.69, 0.112), 0.95, 0),
        Word("262598264", BBox(0.505, 0.13, 0.59, 0.142), 0.96, 1),
    ), "", PageSource.OCR, 612, 792)
    assert extract_fields([page], TODAY)["policy_id"].value == "262598264"
