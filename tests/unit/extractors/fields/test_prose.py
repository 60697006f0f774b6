"""Notes that name the patient and the member's number in prose, and an EHR note's unlabelled header line."""

from __future__ import annotations

import pytest

from tests.unit.extractors.fields._rows import SURE, UNSURE, fields_of, values

ROWS = [
    # The member's number after the words of a sentence.
    (["The patient verified date of birth. Cedar Ridge - her subscriber ID is SML893799494004. Rep states"],
     "policy_id", "SML893799494004", (0.6, 1.0)),
    (["Evergreen Valley - insurance ID on file: W839-806126. Requesting sleep study"], "policy_id", "W839806126",
     (0.6, 1.0)),
    (["Harborlight Family Health - her member ID is SEW2662104937. Dr. Halvorsen ordering"], "policy_id",
     "SEW2662104937", (0.6, 1.0)),
    (["Spoke with rep; his MBI is 1EG4-TE5-MK73 per the card."], "policy_id", "1EG4TE5MK73", SURE),
    # A call reference number in the same sentence is not the member's.
    (["Spoke w/ rep Yolanda (call ref 71870), interaction ID C8936581."], "policy_id", None, None),
    # The patient named in prose: likely, never sure.
    (["Spoke with the patient, Alma Fairbairn, who confirmed date of birth 8/31/1957."], "patient_name",
     {"first": "Alma", "last": "Fairbairn"}, UNSURE),
    (["Called Blue Plan UM line re: pt Maria T. Alvarez (DOB 4/9/1958), for MRI L-spine 72148."], "patient_name",
     {"first": "Maria", "last": "Alvarez"}, UNSURE),
    (["Pt is Jane Q. Doe, DOB 3/4/1961."], "patient_name", {"first": "Jane", "last": "Doe"}, UNSURE),
    # A grid's "Pt Class" is no sentence about a patient.
    (["Pt Class\tOutpatient Surgery", "Room/Bed\tSDS-13"], "patient_name", None, None),
    (["Pt Class Same Day", "Service Ortho"], "patient_name", None, None),
    # An EHR note's header line: LAST, FIRST beside the chart's MRN or age.
    (["Precert Notes", "WHITLOCK, VERITY E   MRN: MRN4966324   29 y.o. M", "11/14/2026 11:08 AM Precert Note"],
     "patient_name", {"first": "Verity", "last": "Whitlock"}, UNSURE),
    # Capitals and a comma without the chart's identity on the line: a heading, not a name.
    (["ORTHOPEDICS, SPINE", "Visit summary"], "patient_name", None, None),
]


@pytest.mark.parametrize(("lines", "field", "expected", "score"), ROWS)
def test_prose_rows(lines: list[str], field: str, expected, score) -> None:
    found = fields_of(*lines)[field]
    assert values(found) == ([] if expected is None else [expected])
    if score is not None:
        assert score[0] <= found.confidence <= score[1]


# Behavioral health calls the patient a consumer, client or individual; infusion forms repeat the patient in a
# running header.
PEOPLE = [
    (["Member Information", "Consumer: MERRIWEATHER, CORNELIUS", "DOB: 07/21/1973"], "patient_name",
     {"first": "Cornelius", "last": "Merriweather"}),
    (["1. Consumer Information", "Consumer\tVerity Ravenscroft\tBirth Date\t4/7/48\tSubscriber #\tK135982590"],
     "patient_name", {"first": "Verity", "last": "Ravenscroft"}),
    (["Request for Outpatient Behavioral Health Services", "Name of Individual:  GONÇALVES, José"], "patient_name",
     {"first": "José", "last": "Gonçalves"}),
    (["Patient: AMBROSE HOLLOWAY Pt DOB: 11/03/2007 - infusion referral, page 2"], "patient_name",
     {"first": "Ambrose", "last": "Holloway"}),
    (["INSURANCE INFORMATION", "Primary Insurance: Bluewater Community Health Subscriber ID (with prefix): "
      "NAY556942092218", "Group #: 331499"], "policy_id", "NAY556942092218"),
    # Any short qualifier in words, as OCR may read it: "(incl. prefix)" as "(nel. prefix)".
    (["INSURANCE", "Subscriber ID (nel. prefix): GCG637288932", "Group #: 331499"], "policy_id", "GCG637288932"),
    (["INSURANCE INFORMATION", "Primary Insurance           State Medicaid #",
      "Cedar Ridge Care Alliance   384939363", "Group #                     Relationship to subscriber"],
     "policy_id", "384939363"),
]


@pytest.mark.parametrize(("lines", "field", "expected"), PEOPLE)
def test_people_and_numbers_by_other_names(lines: list[str], field: str, expected) -> None:
    assert values(fields_of(*lines)[field]) == [expected]


def test_a_name_stops_at_its_cell() -> None:
    found = fields_of("Patient\tAMBROSE HOLLOWAY\tPt DOB\t11/03/2007")["patient_name"]
    assert values(found) == [{"first": "Ambrose", "last": "Holloway"}]
