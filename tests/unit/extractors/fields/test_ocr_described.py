"""OCR misreads that only the words beside them can undo: a diagnosis code read wrong but described on its line,
"ID" read as "10" in a member label, and a speck between a label and its value."""

from __future__ import annotations

import pytest

from docintake.extractors.fields.extract import extract_fields
from docintake.model import BBox, Page, PageSource, Word

from ._rows import TODAY, ocr_page, values

DESCRIBED = [
    # A letter read as a digit and the seventh character as a digit ("S46.011A" as "546.0114").
    ([("546.0114", 0.8), ("Strain", 0.9), ("of", 0.9), ("rotator", 0.9), ("cuff,", 0.9), ("right", 0.9),
      ("shoulder", 0.9)], "S46.011A"),
    # The dot read as a colon, the E as a pound sign.
    ([("£11:3293", 0.7), ("Type", 0.9), ("2", 0.9), ("diabetes", 0.9), ("with", 0.9), ("mild", 0.9),
      ("nonproliferative", 0.9), ("retinopathy,", 0.9), ("bilateral", 0.9)], "E11.3293"),
    # A zero read as a lower-case d, in parentheses after the description.
    ([("Rheumatoid", 0.9), ("arthritis,", 0.9), ("unspecified", 0.9), ("-", 0.9), ("Md6.9", 0.6)], "M06.9"),
    # Siblings share most words: the one the line names best ("hypoxia", not "hypercapnia").
    ([("J96:11", 0.7), ("Chronic", 0.9), ("respiratory", 0.9), ("failure", 0.9), ("with", 0.9), ("hypoxia", 0.9)],
     "J96.11"),
]


@pytest.mark.parametrize(("words", "code"), DESCRIBED)
def test_a_misread_code_its_line_describes_is_read_back_for_a_clerk(words, code: str) -> None:
    found = extract_fields([ocr_page([words])], TODAY)["icd10"]
    assert values(found) == [code]
    assert found[0].confidence < 0.9 and "ocr_described" in found[0].explanation


@pytest.mark.parametrize("words", [
    # No description on the line: nothing is guessed.
    [("546.0114", 0.8), ("see", 0.9), ("attached", 0.9)],
    # Described, but the misread is too far from any code of that description.
    [("999.999", 0.8), ("Strain", 0.9), ("of", 0.9), ("rotator", 0.9), ("cuff", 0.9)],
    # A lab value and its unit are no code, whatever the line says.
    [("Glucose", 0.9), ("142", 0.9), ("mg/dL", 0.9), ("type", 0.9), ("diabetes", 0.9)],
])
def test_no_code_is_guessed_without_its_description(words) -> None:
    assert extract_fields([ocr_page([words])], TODAY)["icd10"] == []


def test_a_text_layer_code_is_never_read_back() -> None:
    from ._rows import fields_of

    found = fields_of("546.0114 Strain of rotator cuff, right shoulder")
    assert values(found["icd10"]) == []


@pytest.mark.parametrize(("words", "expected"), [
    ([("Member", 0.9), ("10", 0.8), ("#", 0.9), ("959438959", 0.95)], "959438959"),
    ([("Mamber", 0.8), ("10", 0.8), ("No.", 0.9), ("K531888869", 0.95)], "K531888869"),
    # A speck between the label and its value is skipped over.
    ([("Subscriber", 0.95), ("ID", 0.95), ("*", 0.4), ("R728771430", 0.95)], "R728771430"),
])
def test_member_labels_as_ocr_reads_them(words, expected: str) -> None:
    assert values(extract_fields([ocr_page([words])], TODAY)["policy_id"]) == [expected]


def test_ten_without_a_number_sign_is_no_member_label() -> None:
    # "Member 10" alone is a count or a name, not "Member ID".
    found = extract_fields([ocr_page([[("Member", 0.9), ("10", 0.9), ("W123456789", 0.95)]])], TODAY)
    assert found["policy_id"] is None or found["policy_id"].confidence < 0.6


@pytest.mark.parametrize(("lines", "expected"), [
    ([[("Member", 0.95), ("Name:", 0.95), ("ASHGROVE,", 0.9), ("MARISOL", 0.9), ("D,O.B.:", 0.8),
       ("05/29/1957", 0.95)]], "1957-05-29"),
    ([[("DDB", 0.7), ("Sex", 0.9)], [("Apr", 0.95), ("14,", 0.95), ("1983", 0.95)]], "1983-04-14"),
    ([[("D.O.B-.", 0.8), ("August", 0.95), ("4,.", 0.8), ("1979", 0.95)]], "1979-08-04"),
    ([[("0.0.8.", 0.6), ("Sep.", 0.9), ("29,", 0.9), ("1940", 0.95)]], "1940-09-29"),
])
def test_birth_date_labels_and_dates_as_ocr_reads_them(lines, expected: str) -> None:
    assert values(extract_fields([ocr_page(lines)], TODAY)["dob"]) == [expected]


@pytest.mark.parametrize("words", [
    [("ddb", 0.9), ("05/29/1957", 0.95)],  # lower-case prose
    [("version", 0.9), ("10.0.8.", 0.9), ("05/29/1957", 0.95)],  # a number with dots
])
def test_ocr_birth_labels_need_their_own_shape(words) -> None:
    found = extract_fields([ocr_page([words])], TODAY)["dob"]
    assert found is None or found.confidence < 0.6


def test_a_short_label_beside_a_tall_value_is_on_its_line() -> None:
    # "DOB:" boxed at its capitals, "Apr 24," boxed with the descender: they overlap less than the value's height.
    words = (Word("DOB:", BBox(0.097, 0.1912, 0.130, 0.1979), 0.96, 0),
             Word("Apr", BBox(0.137, 0.1872, 0.159, 0.2041), 0.88, 0),
             Word("24,", BBox(0.164, 0.1872, 0.182, 0.2041), 0.88, 0),
             Word("1940", BBox(0.189, 0.1921, 0.218, 0.1996), 0.95, 0))
    page = Page(1, words, "", PageSource.OCR, 612, 792)
    assert values(extract_fields([page], TODAY)["dob"]) == ["1940-04-24"]


def _placed(rows: list[list[tuple[str, float, float]]]) -> Page:
    """An OCR'd page of words placed by hand: each row a list of (text, x0, x1) on its own line."""
    words = tuple(Word(text, BBox(x0, 0.1 + n * 0.03, x1, 0.112 + n * 0.03), 0.93, n)
                  for n, row in enumerate(rows) for text, x0, x1 in row)
    return Page(1, words, "", PageSource.OCR, 612, 792)


def test_a_member_label_with_its_space_lost_heads_its_column() -> None:
    page = _placed([[("Member", 0.08, 0.15), ("Name", 0.16, 0.21), ("MemberID", 0.45, 0.55)],
                    [("Thornbury,", 0.08, 0.19), ("Quinlan", 0.20, 0.28), ("DKN467733551552", 0.45, 0.62)]])
    assert values(extract_fields([page], TODAY)["policy_id"]) == ["DKN467733551552"]


def test_a_member_label_ending_its_line_in_a_speck_points_at_the_next_line() -> None:
    page = _placed([[("Re:", 0.08, 0.11), ("Letter", 0.12, 0.18), ("for", 0.19, 0.22), ("Tamsin", 0.23, 0.30),
                     ("Oakhurst", 0.31, 0.40), ("(Member", 0.41, 0.50), ("ID", 0.51, 0.53), ("#:", 0.54, 0.56),
                     ("°", 0.57, 0.58)],
                    [("LGM437635105024),", 0.08, 0.27), ("the", 0.28, 0.31), ("symptoms", 0.32, 0.42)]])
    assert values(extract_fields([page], TODAY)["policy_id"]) == ["LGM437635105024"]


def test_a_medicaid_id_number_in_prose() -> None:
    words = [("Insurance:", 0.9), ("Crestview", 0.9), ("Medicare", 0.9), ("Advantage,", 0.9), ("Medicaid", 0.95),
             ("ID", 0.95), ("number", 0.95), ("926304397.", 0.95)]
    assert values(extract_fields([ocr_page([words])], TODAY)["policy_id"]) == ["926304397"]


def test_a_semicolon_read_for_a_colon_after_member() -> None:
    words = [("Member;", 0.8), ("ABERNATHY,", 0.9), ("Delphine", 0.95), ("DOB:", 0.95), ("1/3/52", 0.95)]
    found = extract_fields([ocr_page([words])], TODAY)
    assert values(found["patient_name"]) == [{"first": "Delphine", "last": "Abernathy"}]


def test_a_therapists_credentials_are_no_patient_label() -> None:
    lines = [[("Jonah", 0.95), ("Whitfield,", 0.95), ("PT;", 0.9), ("DPT", 0.9)],
             [("Riverbend", 0.95), ("Physical", 0.95), ("Therapy", 0.95)]]
    assert extract_fields([ocr_page(lines)], TODAY)["patient_name"] is None
