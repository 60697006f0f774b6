"""What OCR does to forms, and what the recognizers make of it: misread labels, letters for digits, a DOB
label read as DOS, and words read without confidence never auto-accepted."""

from __future__ import annotations

from dataclasses import replace

import pytest

from docintake.extractors.fields.extract import extract_fields
from docintake.extractors.fields.ocr_words import correct_label_word
from docintake.extractors.fields.recognizers import repair_mbi
from docintake.model import Page, PageSource

from ._rows import TODAY, ocr_page


@pytest.mark.parametrize(("read", "meant"), [
    ("Meraber", "Member"), ("Bolicy", "Policy"), ("‘Subscrlber", "‘Subscriber"), ("Diagnosls", "Diagnoses"),
    ("Narne", "Name"), ("Nurnber", "Number"),  # "m" read as "rn"
    ("Barnes", "Barnes"),  # a name with "rn" that is no label word stays itself
    ("Number", "Number"),  # a real word stays itself
    ("Nember", "Nember"),  # as close to "member" as to "number": left alone
    ("Glucose", "Glucose"), ("W123456789", "W123456789"), ("Date", "Date"),
    ("Pertod", "Period"), ("Daté", "Date"),  # an accent OCR put on a label word
    ("José", "José"),  # a name keeps its accent
    ("MemberID", "MemberID"), ("PatientNo", "PatientNo"),  # a label word with a short word glued on, not a misread
])
def test_label_words_misread_by_ocr(read, meant):
    assert correct_label_word(read) == meant


@pytest.mark.parametrize(("read", "fixed"), [
    ("3MHOAX0JU36", "3MH0AX0JU36"),  # O in a digit position
    ("1EG4TE5MK73", None),  # already an MBI
    ("W12345678XY", None),  # no repair makes it one
    ("AVH9Q90VU86", "4VH9Q90VU86"),  # A read for 4 where only a digit may stand
    ("1EG47E5MK73", "1EG4TE5MK73"),  # 7 read for T where only a letter may stand
    ("9PD1MQ4GAL12", "9PD1MQ4GA12"),  # one stray character: the L (no MBI holds an L)
    ("SYO07M24NK53", "5Y07M24NK53"),  # a stray O, and S read for 5
    ("2DX0026YN25", None),  # a 0 in a letter position may be Q or D: not guessed
    ("JDU759480775", None),  # another plan's 12-character ID holds no MBI
    ("123456789012", None),
])
def test_mbi_repair(read, fixed):
    assert repair_mbi(read) == fixed



def test_a_misread_member_label_still_finds_the_id():
    found = extract_fields([ocr_page([[("Meraber", 0.8), ("ID:", 0.9), ("W123456789", 0.96)]])], TODAY)
    assert found["policy_id"].value == "W123456789"


def test_an_mbi_repaired_from_ocr_goes_to_a_clerk():
    found = extract_fields([ocr_page([[("Medicare", 0.95), ("ID:", 0.95), ("3MHOAX0JU36", 0.97)]])], TODAY)
    assert found["policy_id"].value == "3MH0AX0JU36"
    assert found["policy_id"].confidence < 0.9 and "ocr_mbi" in found["policy_id"].explanation


def test_an_icd_letter_read_as_a_symbol_is_repaired_for_review():
    found = extract_fields([ocr_page([[("Diagnosis:", 0.95), ("£11.9", 0.9)]])], TODAY)
    assert [f.value for f in found["icd10"]] == ["E11.9"]
    assert found["icd10"][0].confidence < 0.9


def test_a_symbol_is_no_icd_letter_in_a_text_layer():
    page = ocr_page([[("Diagnosis:", 1.0), ("£11.9", 1.0)]])
    text_page = Page(1, page.words, "", PageSource.TEXT_LAYER, 612, 792)
    assert extract_fields([text_page], TODAY)["icd10"] == []


def test_dob_read_as_dos_keeps_the_birth_date_for_review():
    found = extract_fields([ocr_page([[("Dos", 0.7), ("07/03/1950", 0.93)]])], TODAY)
    assert found["service_date"] is None
    assert found["dob"].value == "1950-07-03" and found["dob"].confidence < 0.9


@pytest.mark.parametrize("field_words", [
    [("Member", 0.95), ("ID:", 0.95), ("W123456789", 0.80)],
    [("Patient", 0.95), ("Name:", 0.95), ("Ambrose", 0.80), ("Ingiam", 0.80)],
    [("DOB:", 0.95), ("08/15/1999", 0.85)],
    [("CPT:", 0.95), ("92134", 0.80)],
])
def test_unsure_ocr_words_are_never_auto_accepted_without_a_check_digit(field_words):
    found = extract_fields([ocr_page([field_words])], TODAY)
    values = [f for name in ("policy_id", "patient_name", "dob", "cpt")
              for f in (found[name] if isinstance(found[name], list) else [found[name]]) if f is not None]
    assert values, "the value is still found"
    assert all(f.confidence < 0.9 for f in values)


def test_a_check_digit_vouches_for_an_ocr_value():
    found = extract_fields([ocr_page([[("NPI:", 0.95), ("1234567893", 0.86)]])], TODAY)
    assert found["npi"][0].confidence >= 0.85


def test_an_icd_letter_read_as_a_digit_needs_a_diagnosis_label():
    labelled = extract_fields([ocr_page([[("Diagnosis:", 0.95), ("296.651", 0.9)]])], TODAY)
    assert [f.value for f in labelled["icd10"]] == ["Z96.651"]
    assert labelled["icd10"][0].confidence < 0.9
    result_row = extract_fields([ocr_page([[("Glucose", 0.95), ("279.4", 0.9), ("mg/dL", 0.9)]])], TODAY)
    assert result_row["icd10"] == []


def test_a_seventh_character_split_off_by_ocr_is_joined_back():
    found = extract_fields([ocr_page([[("ICD-10:", 0.95), ("$83.241", 0.9), ("A", 0.9)]])], TODAY)
    assert [f.value for f in found["icd10"]] == ["S83.241A"]
    assert "ocr_space" in found["icd10"][0].explanation


@pytest.mark.parametrize(("words", "field", "value"), [
    ([("Diagnosis:", 0.95), ("J44,1", 0.6)], "icd10", "J44.1"),  # the dot read as a comma
    ([("Primary", 0.95), ("K50°90", 0.6)], "icd10", "K50.90"),  # ... or as a degree sign
    ([("HCPCS:", 0.95), ("Jo178", 0.6)], "hcpcs", "J0178"),  # a zero read as "o"
    ([("HCPCS:", 0.95), ("j0178", 0.6)], "hcpcs", "J0178"),  # the letter read in lower case
])
def test_a_code_shape_misread_by_ocr_is_repaired_for_review(words, field, value):
    found = extract_fields([ocr_page([words])], TODAY)[field]
    assert [f.value for f in found] == [value]
    assert found[0].confidence < 0.9 and "ocr_shape" in found[0].explanation


@pytest.mark.parametrize(("words", "field", "values"), [
    ([("Diagnosis:", 1.0), ("J44,1", 1.0)], "icd10", []),  # J44 alone is a category, not a code
    ([("HCPCS:", 1.0), ("Jo178", 1.0)], "hcpcs", []),
    ([("Diagnosis:", 1.0), ("I10,12", 1.0)], "icd10", ["I10"]),  # in a text layer a comma is a comma
    ([("Diagnosis:", 1.0), ("K50°90", 1.0)], "icd10", []),  # and "K50°" is no code
])
def test_a_code_shape_repair_is_for_ocr_only(words, field, values):
    page = ocr_page([words])
    text_page = Page(1, page.words, "", PageSource.TEXT_LAYER, 612, 792)
    assert [f.value for f in extract_fields([text_page], TODAY)[field]] == values


@pytest.mark.parametrize(("words", "value"), [
    ([("Date", 0.95), ("of", 0.95), ("Birth:", 0.95), ("Nav", 0.8), ("10,", 0.95), ("1975", 0.96)], "1975-11-10"),
    ([("DOB:", 0.95), ("0ct", 0.8), ("3,", 0.95), ("1961", 0.96)], "1961-10-03"),
    ([("DOB:", 0.95), ("Jyn", 0.8), ("16,", 0.95), ("1995", 0.96)], None),  # Jan or Jun: no telling
    ([("DOB:", 0.95), ("Sun", 0.8), ("16,", 0.95), ("1995", 0.96)], None),  # a weekday, not June
])
def test_a_month_name_misread_by_one_letter(words, value):
    found = extract_fields([ocr_page([words])], TODAY)["dob"]
    if value is None:
        assert found is None
    else:
        assert found.value == value and found.confidence < 0.9 and "ocr_digits" in found.explanation


def test_a_stray_colon_inside_a_member_id_label():
    found = extract_fields([ocr_page([[("Subscriber:1D", 0.9), ("URL445642372", 0.95)]])], TODAY)
    assert found["policy_id"].value == "URL445642372"


def _with_first(page: Page, first: dict[str, str]) -> Page:
    """The page as a second look left it: the words named in ``first`` had that first reading."""
    return replace(page, words=tuple(replace(w, first=first.get(w.text)) for w in page.words))


def test_codes_come_from_the_first_reading_and_the_second_adds_only_what_the_first_lacks():
    page = ocr_page([[("Diagnoses:", 0.95), ("B66.9,", 0.7), ("J44.1", 0.7)], [("Member", 0.95), ("ID:", 0.95),
                                                                                ("W123456789", 0.8)]])
    # "E66.9" read first and "B66.9" on the second look (both codes): the first stands. "J44.1" came only from
    # the second look ("J4#.1" first): kept, for a clerk. The member ID takes the surer, second reading.
    found = extract_fields([_with_first(page, {"B66.9,": "E66.9,", "J44.1": "J4#.1", "W123456789": "W12345678S"})],
                           TODAY)
    assert [f.value for f in found["icd10"]] == ["E66.9", "J44.1"]
    assert "reread" in found["icd10"][1].explanation and found["icd10"][1].confidence < 0.9
    assert found["policy_id"].value == "W123456789"


def test_a_speck_read_as_a_dot_inside_a_member_id_is_dropped_as_a_repair():
    found = extract_fields([ocr_page([[("Subscriber", 0.95), ("ID:", 0.95), ("|JXJ.590544401607", 0.6)]])], TODAY)
    assert found["policy_id"].value == "JXJ590544401607"
    assert "ocr_punct" in found["policy_id"].evidence.repairs
    # In a text layer the dot is printed: no repair, and no ID of that shape.
    text = replace(ocr_page([[("Subscriber", 1.0), ("ID:", 1.0), ("JXJ.590544401607", 1.0)]]),
                   source=PageSource.TEXT_LAYER)
    assert extract_fields([text], TODAY)["policy_id"] is None


def test_id_read_as_jd_is_still_the_member_label():
    found = extract_fields([ocr_page([[("Member", 0.9), ("JD", 0.7), ("No.", 0.9), ("KMX185340249049", 0.8)]])],
                           TODAY)
    assert found["policy_id"].value == "KMX185340249049"


@pytest.mark.parametrize(("words", "value"), [
    ([("NPI:", 0.95), ("11:20736990", 0.87)], "1120736990"),  # a speck read inside the number
    ([("NPI", 0.95), ("#", 0.9), ("4991941505", 0.94)], "1991941505"),  # 1 read as 4: the check digit says so
])
def test_an_npi_misread_by_ocr_is_repaired_for_review(words, value):
    found = extract_fields([ocr_page([words])], TODAY)["npi"]
    assert [f.value for f in found] == [value]
    assert found[0].confidence < 0.9


@pytest.mark.parametrize("words", [
    [("Account", 0.95), ("4991941505", 0.94)],  # a first digit repaired only beside an NPI label
    [("NPI:", 0.95), ("4991941506", 0.94)],  # no first digit passes the check
    [("NPI:", 0.95), ("11:2073699", 0.87)],  # nine digits
])
def test_no_npi_repair_without_a_label_or_a_check(words):
    assert extract_fields([ocr_page([words])], TODAY)["npi"] == []


def test_npi_repairs_are_for_ocr_only():
    page = ocr_page([[("NPI:", 1.0), ("4991941505", 1.0), ("11:20736990", 1.0)]])
    text_page = Page(1, page.words, "", PageSource.TEXT_LAYER, 612, 792)
    assert extract_fields([text_page], TODAY)["npi"] == []
