"""OCR'd check boxes, codes split or misread by OCR, member IDs with OCR debris, and names a second reading
corroborates: table-driven, with the negative rows that must stay negative."""

from __future__ import annotations

import pytest

from docintake.extractors.fields import validators as v
from docintake.extractors.fields.extract import extract_fields
from docintake.extractors.fields.urgency import Box, options, read_boxes
from docintake.model import Page, PageSource

from ._rows import TODAY, ocr_page


@pytest.mark.parametrize(("line", "ocr", "expected"), [
    # A tick read on a box decides, whatever OCR made of the box's edges.
    ("[X] Urgent [ ] Routine", False, (True, True)),
    ("Request priority: [XJ Urgent (1 Routine", True, (True, True)),
    ("EX] Urgent\tFor Review O Please Comment", True, (True, True)),
    ("KX] Expedited review (72 hours)\t(I Standard review", True, (True, True)),
    ("Request is: X}.Urgent / expedited", True, (True, True)),
    ("☒ Rush ☐ Routine", False, (True, True)),
    ("Review Type: [X] Non-Urgent [J Urgent", True, (False, True)),
    ("Review Type: [X] Non-Urgent [ ] Urgent", False, (False, True)),
    ("CI Expedited review (72 hours)\t[—X] Standard review", True, (False, True)),
    # No tick read: the one box the reader lost, among boxes it read, is the ticked one (for a clerk).
    ("Priority\tUrgent [J Routine", True, (True, False)),
    ("Request priority: [] Urgent\tRoutine", True, (False, False)),
    # Negative rows: nothing sure to say.
    ("[] Non-Urgent , Od Urgent", True, None),  # two glyphs, no tick
    ("CJ Urgent [X] For Review [] Please Comment", True, None),  # "For Review" is no alternative to urgent
    ("EXPEDITED (urgent) review.", False, None),  # a parenthesis is no box
    ("Urgent care visit on 07/05/2026", True, None),
    ("Expedited appeal requested: waiting the standard period would put the patient at risk.", False, None),
    ("[X] Urgent [X] Routine", False, None),  # both ticked: a clerk decides
    ("Emergency & Urgent care", False, None),  # an ampersand is a tick only as OCR reads a box
])
def test_read_boxes(line, ocr, expected):
    reading = read_boxes(line, ocr)
    assert (None if reading is None else (reading.value, reading.sure)) == expected


@pytest.mark.parametrize(("line", "boxes"), [
    ("[X] Urgent [ ] Routine", [Box.TICKED, Box.EMPTY]),
    ("Priority\tUrgent [J Routine", [Box.MISSING, Box.EMPTY]),
    ("Request is: [X] Urgent / expedited [J Non-urgent", [Box.TICKED, Box.EMPTY]),  # one option, two words
])
def test_option_boxes(line, boxes):
    assert [o.box for o in options(line, ocr=True)] == boxes


def test_an_ocr_tick_on_the_urgent_box_is_read_for_a_clerk_and_an_empty_one_is_not_urgent():
    ticked = extract_fields([ocr_page([[("Priority:", 0.95), ("[XJ", 0.6), ("Urgent", 0.95), ("[J", 0.4),
                                         ("Routine", 0.95)]])], TODAY)["urgent"]
    assert ticked.value is True and 0.85 <= ticked.confidence < 0.9
    routine = extract_fields([ocr_page([[("Priority:", 0.95), ("[J", 0.6), ("Urgent", 0.95), ("[X]", 0.6),
                                         ("Routine", 0.95)]])], TODAY)["urgent"]
    assert routine.value is False


def test_an_unticked_option_line_is_not_urgent_wording():
    found = extract_fields([ocr_page([[("1", 0.4), ("Expedited", 0.95), ("review", 0.95), ("(72", 0.9),
                                       ("hours)", 0.9)]])], TODAY)["urgent"]
    assert found.value is False


@pytest.mark.parametrize(("code", "context", "described"), [
    ("I20.9", "1. Angina pectoris, unspecified - 120.9", True),
    ("I69.351", "CLINICAL INDICATION: Hemiplegia following cerebral infarction, right side (169.351)", True),
    ("G43.909", "1. Migraine, unspecified, not intractable — 643.909", True),
    ("I20.9", "Glucose 120.9 mg/dL", False),
    ("I69.351", "Total 169.351 units, right side", False),  # generic words alone do not count
])
def test_icd10_described(code, context, described):
    assert v.icd10_described(code, context) is described


@pytest.mark.parametrize(("words", "expected"), [
    ([("1.", 0.9), ("Angina", 0.95), ("pectoris,", 0.95), ("unspecified", 0.95), ("-", 0.5), ("120.9", 0.9)],
     ["I20.9"]),  # the descriptor vouches for the repaired first letter
    ([("Glucose", 0.95), ("120.9", 0.9), ("mg/dL", 0.9)], []),
    ([("Diagnosis:", 0.95), ("H25.", 0.9), ("11", 0.9)], ["H25.11"]),  # digits after the dot split off
    ([("Diagnosis:", 0.95), ("H35.321", 0.9), ("1", 0.9)], ["H35.3211"]),
    ([("Diagnosis", 0.95), ("Codes:", 0.95), (".S46.011A", 0.9)], ["S46.011A"]),  # a stray dot before it
    ([("Total:", 0.95), ("3.S46", 0.9)], []),
])
def test_icd_codes_ocr_split_or_misread(words, expected):
    found = extract_fields([ocr_page([words])], TODAY)
    assert [f.value for f in found["icd10"]] == expected
    assert all(f.confidence < 0.9 for f in found["icd10"] if f.value != "S46.011A")


@pytest.mark.parametrize(("words", "expected", "auto"), [
    ([("Member", 0.95), ("ID:", 0.95), ("-K096271895", 0.95)], "K096271895", True),  # a dash OCR put before it
    ([("Member", 0.95), ("ID'#:,", 0.9), ("WCN3208731886", 0.95)], "WCN3208731886", True),
    ([("Member", 0.95), ("ID:", 0.95), ("PJEO55290081", 0.95)], "PJE055290081", False),  # O in the digits
    ([("Member", 0.95), ("IDNo.", 0.95), ("ZKM320067460", 0.95)], "ZKM320067460", False),  # weak label
    ([("Subscriber", 0.95), ("Ip", 0.9), ("554053262", 0.95)], "554053262", True),
    ([("Member", 0.95), ("ID:", 0.95), ("XOF123456", 0.95)], "XOF123456", True),  # an O before letters stays
    ([("Group", 0.95), ("#:", 0.95), ("-K096271895", 0.95)], None, False),
])
def test_member_ids_with_ocr_debris(words, expected, auto):
    found = extract_fields([ocr_page([words])], TODAY)["policy_id"]
    assert (found.value if found else None) == expected
    if found:
        assert (found.confidence >= 0.9) is auto


def test_a_name_read_once_below_the_name_floor_waits_for_a_clerk_and_a_second_reading_vouches():
    line = [("Patient", 0.95), ("Name:", 0.95), ("Percival", 0.91), ("Blackwood", 0.91)]
    once = extract_fields([ocr_page([line])], TODAY)["patient_name"]
    assert once.value == {"first": "Percival", "last": "Blackwood"} and once.confidence < 0.9
    twice = extract_fields([ocr_page([line]), ocr_page([line], number=2)], TODAY)["patient_name"]
    assert twice.confidence >= 0.9
    other = [("Patient", 0.95), ("Name:", 0.95), ("Percival", 0.91), ("Blatkwood", 0.91)]
    disagree = extract_fields([ocr_page([line]), ocr_page([other], number=2)], TODAY)["patient_name"]
    assert disagree.confidence < 0.9


@pytest.mark.parametrize(("label", "found"), [
    ([("Expected", 0.95), ("Start", 0.95), ("of", 0.95), ("Use:", 0.95)], True),
    ([("Requested", 0.95), ("Start", 0.95), ("Date:", 0.95)], True),
    ([("Service", 0.95), ("Start:", 0.95)], True),
    ([("Signature", 0.95), ("Date:", 0.95)], False),
    ([("Start", 0.95), ("of", 0.95), ("Shift:", 0.95)], False),
])
def test_service_start_labels(label, found):
    page = Page(1, ocr_page([[*label, ("12/01/2026", 0.97)]]).words, "", PageSource.TEXT_LAYER, 612, 792)
    result = extract_fields([page], TODAY)["service_date"]
    assert (result is not None and result.value == "2026-12-01") is found
