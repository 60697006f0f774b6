"""Inpatient notifications and surgery scheduling sheets: the stay or the operation asked for, among the dates
around it (the emergency department arrival, the acute stay a rehab request comes from, the pre-op visit, the
date a rescheduled case was first booked), and the patient's name on a printout's dot leaders."""

from __future__ import annotations

import pytest

from tests.unit.extractors.fields._rows import fields_of, values

# TODAY is 2026-11-25.
STAYS = [
    (["Admit Dt/Tm: 11/17/2026 2:49 PM"], "2026-11-17"),
    (["Date admitted:     11/11/2026"], "2026-11-11"),
    (["Room/Bed: Tele 3-21 | Inpatient order date: 11/16/26"], "2026-11-16"),
    (["Proposed admission date\t12/10/2026",
      "The procedure, lumbar laminotomy (CPT 63030), is planned on 12/11/2026."], "2026-12-10"),
    (["Current location\tMercy Valley\tAcute admit date\t12-NOV-2026\tPlanned skilled nursing admission date"
      "\t22-NOV-2026"], "2026-11-22"),
    (["This is to notify you that the above member was admitted as an inpatient on Nov 14, 2026 at 11:30 PM",
      "The patient arrived in our emergency department on Nov 13, 2026 at 3:50 AM."], "2026-11-14"),
    (["The patient was admitted to our facility on Nov. 13, 2026. This was an urgent admission."], "2026-11-13"),
    (["Request days beginning: Nov. 19, 2026", "The member was admitted on Nov. 10, 2026."], "2026-11-19"),
    (["We request 4 additional days, 11/16/2026 through 11/19/2026."], "2026-11-16"),
    # Not the stay asked for: the acute stay before rehab, the emergency department arrival, the next review.
    (["Acute admit date: 11/09/2026"], None),
    (["Patient arrived in the ED on 11/09/2026 by ambulance."], None),
    (["We request 2 additional days at the inpatient level; next review Nov. 21, 2026."], None),
    (["Hospitalized at Ironbridge Memorial since 11/09/2026 with a left MCA infarct."], None),
]

SURGERY = [
    (["Last seen: 2026-10-19    Sched. Date: 2026-12-10    Follow-up visit: 2026-12-26"], "2026-12-10"),
    (["OR Date: 12/23/26, 08:45 Side: Right"], "2026-12-23"),
    (["Surgery Date: TBD Schedule between: 12/31/26 - 2/12/27"], "2026-12-31"),
    (["Requested window:  11/29/2026 - 01/08/2027", "GI series (08/22/2026): small sliding hiatal hernia."],
     "2026-11-29"),
    (["Date of Surgery Window Room", "Pending auth 12/16/2026 - 01/15/2027 OR 4"], "2026-12-16"),
    (["Date of procedure (requested)\t12/17/2026 @ 08:00", "Original DOS\t01/04/2027 (rescheduled)"], "2026-12-17"),
    # The visits around the operation are not the operation.
    (["Pre-operative evaluation is set for 10/22/2026; the first post-operative visit is planned for 11/15/2026."],
     None),
    (["Pre-op H&P: 2026-12-05"], None),
    (["H&P date: 10/22/2026   PAT (pre-admission testing): 10/23/2026"], None),
    (["Original DOS: 01/04/2027"], None),
]


def _check(lines: list[str], expected: str | None) -> None:
    found = fields_of("REQUEST", "Sections 1-3", *lines)["service_date"]
    if expected is None:
        assert found is None or found.confidence < 0.6
    else:
        assert values(found) == [expected]


@pytest.mark.parametrize(("lines", "expected"), STAYS)
def test_the_stay_asked_for(lines: list[str], expected: str | None) -> None:
    _check(lines, expected)


@pytest.mark.parametrize(("lines", "expected"), SURGERY)
def test_the_operation_asked_for(lines: list[str], expected: str | None) -> None:
    _check(lines, expected)


@pytest.mark.parametrize("lines", [
    ["CPT / HCPCS", "Date\tCode\tMod\tDescription\tUnits", "01/01/2027\t58571\t\tLaparoscopic total hysterectomy\t1"],
    # A service table whose headings OCR lost: the rows' dates lead, their codes follow.
    ["11/10/2026  19301  LT  Partial mastectomy (lumpectomy)  1",
     "11/10/2026  38792  LT  Injection of radioactive tracer for sentinel node  1"],
])
def test_a_service_lines_date(lines: list[str]) -> None:
    found = fields_of("PROCEDURES", *lines)
    assert values(found["service_date"]) == [lines[-1][:10].replace("01/01/2027", "2027-01-01")
                                             .replace("11/10/2026", "2026-11-10")]
    assert found["service_date"].confidence < 0.9  # a row is evidence, never enough alone


def test_dated_rows_are_rows_of_codes() -> None:
    found = fields_of("11/10/2026  19301  LT  Partial mastectomy (lumpectomy)  1",
                      "11/10/2026  38792  LT  Injection of radioactive tracer for sentinel node  1")
    assert set(values(found["cpt"])) == {"19301", "38792"}


@pytest.mark.parametrize(("lines", "expected"), [
    (["Last Name .....: Oakhurst", "First Name ....: Horace"], {"first": "Horace", "last": "Oakhurst"}),
    (["Patient Name ......: DOE, JANE"], {"first": "Jane", "last": "Doe"}),
    # A middle-initial box under the first name is no first name.
    (["Patient Last Name\tMerriweather", "Patient First Name\tDelphine", "MI ............\tW"],
     {"first": "Delphine", "last": "Merriweather"}),
])
def test_names_on_dot_leaders(lines: list[str], expected: dict[str, str]) -> None:
    assert values(fields_of(*lines)["patient_name"]) == [expected]


def test_a_bare_name_cell_points_at_the_name() -> None:
    found = fields_of("Fax cover", "RE\tRequest for prior authorization", "Name\tRosalind Ravenscroft")["patient_name"]
    assert values(found) == [{"first": "Rosalind", "last": "Ravenscroft"}]
    assert found.confidence < 0.6  # every section of a form has a "Name" cell: never enough alone


def test_a_bare_name_cell_never_rivals_the_patients_name() -> None:
    found = fields_of("IV. Patient Information", "Patient Name\tNORTHCOTT, FLETCHER\tPhone\t(217) 555-0143",
                      "V. Requesting Provider or Facility", "Name\tPriya Villanueva, MD / Copperfield Oncology Clinic",
                      "VI. Service Provider or Facility", "Name\tWillow Creek Family Medicine")["patient_name"]
    assert values(found) == [{"first": "Fletcher", "last": "Northcott"}]
    assert found.confidence >= 0.9


@pytest.mark.parametrize("lines", [
    ["PATIENT", "Last:           Merriweather", "First:          Corinne", "DOB:   03/04/1950"],
    ["Insured Last\tInsured First", "Merriweather\tCorinne"],
])
def test_name_boxes_with_bare_or_insured_labels_point_at_the_name(lines: list[str]) -> None:
    found = fields_of(*lines)["patient_name"]
    assert values(found) == [{"first": "Corinne", "last": "Merriweather"}]
    assert found.confidence < 0.6


def test_bare_name_boxes_never_rival_the_patients_name() -> None:
    found = fields_of("Patient Name: DOE, JANE", "REFERRING PHYSICIAN", "Last: Northcott", "First: Fletcher")
    assert values(found["patient_name"]) == [{"first": "Jane", "last": "Doe"}]
    assert found["patient_name"].confidence >= 0.9


def test_codes_listed_through_a_wrapped_sentence_share_its_context() -> None:
    found = fields_of("Dear Dr. Lindqvist,",
                      "I would be grateful if you would arrange lumbar laminotomy, one level [63030], percutaneous "
                      "laminotomy",
                      "[0275T], lumbar epidural steroid injection [64483], ideally on November 21, 2026.")
    assert set(values(found["cpt"])) == {"63030", "0275T", "64483"}
    assert all(0.6 <= f.confidence < 0.9 for f in found["cpt"])  # likely, but context is never enough alone


@pytest.mark.parametrize("lines", [
    # A row of a form's cells above, or a menu of boxes, lends its words to no number on the next line.
    ["Scheduled Date of Service\tDec. 22, 2026\tScheduled Time\t6:00\tSetting\tPre-Admit",
     "LOS (days)\t0\tBooking #\t80844\tAnesthesia\tSpinal"],
    ["We have scheduled the planned services listed on the attached sheet for early next month.",
     "Booking # 80844"],
])
def test_no_context_from_a_form_row_or_a_finished_sentence(lines: list[str]) -> None:
    found = fields_of("SCHEDULING", *lines)["cpt"]
    assert all(f.confidence < 0.6 for f in found)


def test_a_row_led_by_a_worded_date_is_a_row_of_codes() -> None:
    found = fields_of("October 31, 2026  19301  LT  Partial mastectomy (lumpectomy)  1",
                      "October 31, 2026  38525  LT  Excision of deep axillary lymph node(s)  1")
    assert set(values(found["cpt"])) == {"19301", "38525"}
    assert values(found["service_date"]) == ["2026-10-31"]


@pytest.mark.parametrize(("line", "expected"), [
    ("Precert needed for Cornelius S. Ingram (36 y/o M). His date of birth is 03/27/1990.",
     {"first": "Cornelius", "last": "Ingram"}),
    ("Pt is a 63 y/o M, Edwina Vantreese, DOB 11/24/1962; his Medicare number is on file.",
     {"first": "Edwina", "last": "Vantreese"}),
    ("Delphine J. Blackwood was evaluated on Nov 14, 2026 for paraplegia, unspecified.",
     {"first": "Delphine", "last": "Blackwood"}),
])
def test_a_name_the_sentence_goes_on_to_date_or_examine(line: str, expected: dict[str, str]) -> None:
    found = fields_of("PHONE NOTE", line)["patient_name"]
    assert values(found) == [expected]
    assert found.confidence < 0.9  # prose: a clerk confirms


@pytest.mark.parametrize("lines", [
    ["Lakeview Community Hospital DOB verification is done at the front desk."],  # a place, not a person
    ["6. Clinical Information", "DOB 03/27/1990"],  # a heading over the next line's label
    ["Referred by Malcolm Nakamura, MD. Injured on Mar 31, 2026."],
])
def test_no_name_without_its_cue_on_the_same_line(lines: list[str]) -> None:
    assert fields_of("NOTE", *lines)["patient_name"] is None


# Equipment and drugs: the day they are needed, delivered, or the coverage asked for; a certificate's
# initial / revised / recertification columns.
EQUIPMENT_AND_DRUGS = [
    (["Date of order: 2026-11-08    Last office visit: 2026-10-14    Date Needed: 2026-12-14"], "2026-12-14"),
    (["Order type:            New order", "Date of initial need:  20-DEC-2026"], "2026-12-20"),
    (["Verbal order date: 11/07/2026 Face-to-face evaluation date: 10/24/2026 Date needed by: 01/02/2027"],
     "2027-01-02"),
    (["Initial date needed\tNov 26, 2026\tRevised\t\tRecertification"], "2026-11-26"),
    (["INITIAL\tRevised\tRECERTIFICATION", "11/14/2025\tN/A\t11/18/2026"], "2026-11-18"),
    (["Recertification period begins\t31-OCT-2026"], "2026-10-31"),
    (["Verbal order date\tDate delivered", "29-OCT-2026\t04-NOV-2026"], "2026-11-04"),
    (["Order date: 11/14/2026 Anticipated delivery date: 12/26/2026 | Length of need: 12"], "2026-12-26"),
    (["5. Planned administration date\tDecember 22, 2026"], "2026-12-22"),
    (["5. Coverage requested from: 11/12/2026"], "2026-11-12"),
    (["Please renew the authorization for continued use from 11/09/26."], "2026-11-09"),
    # Not the day asked for: the order, the last visit, an initial date of something else.
    (["Date of order: 2026-11-08    Last office visit: 2026-10-14"], None),
    (["Initial date of injury: 03/02/2026"], None),
]


@pytest.mark.parametrize(("lines", "expected"), EQUIPMENT_AND_DRUGS)
def test_the_day_equipment_or_a_drug_is_asked_for(lines: list[str], expected: str | None) -> None:
    _check(lines, expected)


@pytest.mark.parametrize(("lines", "expected", "sure"), [
    (["Beneficiary: MERRIWEATHER, CORINNE   DOB: Sep 11, 1940   - page 2"],
     {"first": "Corinne", "last": "Merriweather"}, False),
    # Bare Last / First cells in one row: only a pointer.
    (["Beneficiary Information", "Last\tMERRIWEATHER\tFirst\tCorinne\tMI\tF"],
     {"first": "Corinne", "last": "Merriweather"}, False),
])
def test_more_ways_to_name_the_patient(lines: list[str], expected: dict[str, str], sure: bool) -> None:
    found = fields_of(*lines)["patient_name"]
    assert values(found) == [expected]
    assert (found.confidence >= 0.9) is sure
