"""Recognizers as tables: (page lines, field, expected value or None, confidence range). Negative rows matter
as much as positive ones: a ZIP code is no CPT code, 1234567890 is no NPI, M17.99 is no ICD-10-CM code, the
fax header's date is no DOB."""

from __future__ import annotations

import pytest

from docintake.extractors.fields.extract import extract_fields
from docintake.model import BBox, Page, PageSource, Word
from tests.unit.extractors.fields._rows import SURE, TODAY, UNSURE, fields_of, values

ROWS = [
    # Reference ID.
    (["Ref #: PA1234567897"], "reference_id", "PA1234567897", SURE),
    (["RE: PA 1234567897"], "reference_id", "PA1234567897", SURE),
    (["Case Reference: PA-123-456-7897"], "reference_id", "PA1234567897", SURE),
    (["Ref #: PA1234567890"], "reference_id", None, None),  # check digit fails
    # The case an extension continues: the likely case, but a clerk confirms (test_coverage.py has the rest).
    (["Prev. Auth. #: PA1234567897"], "reference_id", "PA1234567897", (0.5, 0.59)),
    (["Ref #: PA1234567B97"], "reference_id", "PA1234567897", UNSURE),  # OCR repair: a clerk looks
    (["Auth Ref: PAQ914526116"], "reference_id", "PA0914526116", UNSURE),  # Q for 0, the check digit passes
    (["Auth Ref: PAQ234567897"], "reference_id", None, None),  # Q for 0, but the check digit fails
    # Member ID.
    (["Member ID: W123456789"], "policy_id", "W123456789", SURE),
    (["Member or Medicaid ID #: 123456789"], "policy_id", "123456789", SURE),
    (["Subscriber ID", "XYZ123456789"], "policy_id", "XYZ123456789", SURE),
    (["Medicare ID: 1EG4-TE5-MK73"], "policy_id", "1EG4TE5MK73", SURE),
    (["Policy # XYZ 123456789 Group # 55512"], "policy_id", "XYZ123456789", SURE),
    (["Group #: 123456789"], "policy_id", None, None),
    (["Insured's ID Number: W123456789"], "policy_id", "W123456789", SURE),
    (["Member ID: see attached"], "policy_id", None, None),
    (["Phone: 214-555-0100"], "policy_id", None, None),
    (["Re: Letter for Jane Doe (Date of Birth: 03/21/1968; Member ID #:", "LGM437635105024)"], "policy_id",
     "LGM437635105024", (0.85, 1.0)),  # the label ends the line, the ID starts the next
    (["Re: Letter for Jane Doe (Member ID #:", "see the attached card)"], "policy_id", None, None),
    (["This letter concerns Mrs. Jane Doe (birth date February 3, 1970, Member ID", "6MH2VV3HM97). The symptoms"],
     "policy_id", "6MH2VV3HM97", (0.85, 1.0)),
    (["Group #\tMember ID", "GRP-12393"], "policy_id", None, None),  # the grid's Group # owns what lies under it
    (["Group: 123456789"], "policy_id", None, None),
    (["Plan\tGroup", "Blue Valley\t123456789"], "policy_id", None, None),  # a bare Group heading owns its column
    # "Group" in a practice's name claims nothing: the NPI after the name is the practice's.
    (["Servicing Facility\tFacility NPI", "Pinecrest Cardiology Group 2344055167"], "npi", "2344055167",
     (0.5, 1.0)),  # unclaimed (it was 0.1): in flowed text the NPI heading is a cell away
    (["Rendering: Kansas City Orthopedics 2344055167"], "npi", "2344055167", (0.5, 1.0)),
    (["Penn State Health 2344055167"], "npi", "2344055167", (0.5, 1.0)),
    (["City/State/ZIP\tFairview, TX 43068", "State: 2344055167"], "npi", None, None),
    (["Place of Service\tGroup/Facility NPI\tTIN", "St. Brendan Community Hospital\t1323525307\t41-9958289"], "npi",
     "1323525307", (0.85, 1.0)),
    # Date of birth.
    (["DOB: 01/05/1960"], "dob", "1960-01-05", SURE),
    (["Date of Birth", "Jan 5, 1960"], "dob", "1960-01-05", SURE),
    (["Patient: Jane Doe, DOB 1/5/60, Member ID W123456789"], "dob", "1960-01-05", (0.85, 1.0)),
    (["11/24/2026 10:42 FROM: +1-555-812-7619 TO: 1-800-555-0100 P.001/003"], "dob", None, None),
    (["Signature Date: 01/05/2026"], "dob", None, None),
    (["DOB: 12/01/2030"], "dob", None, None),  # in the future
    (["pate of Birth: 1981-09-30"], "dob", "1981-09-30", (0.85, 1.0)),  # OCR misread the label
    (["Date at Birth\tGroup No.", "05/21/1953\t546648"], "dob", "1953-05-21", (0.85, 1.0)),
    (["Age at onset: 01/05/1990"], "dob", None, None),
    (["DOB: Jan 5,1960"], "dob", "1960-01-05", SURE),
    (["DOB: Apr. 7,:1986"], "dob", "1986-04-07", (0.85, 1.0)),
    (["DOB: Jan 5,60"], "dob", None, None),
    # Date of service.
    (["Date(s) of Service: 12/01/2026 - 12/31/2026"], "service_date", "2026-12-01", SURE),
    (["Start Date\tEnd Date", "12/01/2026\t12/31/2026"], "service_date", "2026-12-01", SURE),
    (["Date: 11/20/2026"], "service_date", None, None),
    (["Service From\tTo", "01/03/2026\t02/03/2026"], "service_date", "2026-01-03", SURE),
    (["Date of the procedure: 03-Jan-2026"], "service_date", "2026-01-03", SURE),
    (["Services billed from the office: 01/03/2026"], "service_date", None, None),
    (["The arthroscopy is set for January 3, 2026 at the surgery center."], "service_date", "2026-01-03", UNSURE),
    (["Reset for review. Seen 01/03/2026."], "service_date", None, None),
    (["Target date 2026-12-28. Follow up in 4 weeks.", "Signed by Jane Roe,", "MD on 2026-11-17"], "service_date",
     "2026-12-28", (0.85, 1.0)),  # a label with its own value heads no column
    (["Date of Service (MM/DD/YYYY)\tCode", "x", "x", "x", "12/01/2026\t27447"], "service_date", "2026-12-01",
     (0.85, 1.0)),
    (["Date of Service", "November 25; 2026"], "service_date", "2026-11-25", (0.85, 1.0)),
    # ... in prose: a preferred date, a date wrapped onto the next line, a label that ends the previous line.
    (["I would be grateful if you would arrange a knee MRI [73721], ideally on Dec. 4, 2026."], "service_date",
     "2026-12-04", UNSURE),
    (["Services in dispute: 27447. Proposed date of service Dec 28,", "2026."], "service_date", "2026-12-28",
     SURE),
    (["to request authorization for cataract removal (CPT 66984), planned for", "01/01/2027 at Riverside."],
     "service_date", "2027-01-01", UNSURE),
    (["Letter dated Dec. 4, 2026, ideally answered soon."], "service_date", None, None),
    (["Ideally the patient (CPT 66984) would", "01/01/2027 at Riverside."], "service_date", None, None),
    # Member-ID labels of standard forms: a pharmacy card's cardholder ID, the UB-04's insured's unique ID.
    (["Cardholder ID: W123456789"], "policy_id", "W123456789", SURE),
    (["1. Patient's HI Claim No.: 3CY2-GR0-PW09"], "policy_id", "3CY2GR0PW09", SURE),
    (["Medicare Beneficiary ID", "6QD4PY4JG75"], "policy_id", "6QD4PY4JG75", SURE),
    (["Insured's Unique ID", "W123456789"], "policy_id", "W123456789", SURE),
    (["Ins. ID #: W123456789"], "policy_id", "W123456789", (0.85, 1.0)),
    # A label of another date claims dates only: the code after it in the same sentence is still a code.
    (["Diagnosis: the patient was seen on 11/02/2026 for M54.16, lumbar radiculopathy."], "icd10", "M54.16",
     (0.8, 1.0)),
    # Competing dates: the requested period, not the one already approved, the last dose or a past history.
    (["Requested Period: 12/10/2026 - 03/09/2027\tPrior Approved Period:", "09/11/2026 - 12/09/2026"],
     "service_date", "2026-12-10", SURE),
    (["Previous Authorization Period: 09/11/2026 - 12/09/2026", "Extension Start Date: 12/10/2026"],
     "service_date", "2026-12-10", SURE),
    (["Date of last dose: 11/02/2026", "Date of onset: 03/20/2026", "Discharge Date: 10/30/2026"],
     "service_date", None, None),
    (["Next follow-up appointment: 01/15/2027"], "service_date", None, None),
    (["Request prior authorization for 29881. Target date Nov 1, 2026. Follow up in 4 weeks.",
      "Electronically signed by Rafael Okonkwo, MD on Nov 15, 2026"], "service_date", "2026-11-01", SURE),
    (["Period\tFrom\tThrough", "Initial authorization\t01-AUG-2025\t19-MAY-2026",
      "Current authorization\t20-MAY-2026\t15-NOV-2026", "Requested extension\t16-NOV-2026\t16-DEC-2026"],
     "service_date", "2026-11-16", SURE),
    (["A request for continuation of treatment: 3 more units starting December 22, 2026."], "service_date",
     "2026-12-22", UNSURE),
    (["P: Request prior authorization for 94010, 71250. Target date", "2026-11-27. Follow up in 4 weeks."],
     "service_date", "2026-11-27", (0.85, 1.0)),
    (["Anticipated date of first infusion: 12/10/2026"], "service_date", "2026-12-10", (0.85, 1.0)),
    (["We request authorization to continue infusion therapy beginning 12/10/2026."], "service_date",
     "2026-12-10", UNSURE),
    (["Date of Request: 11/13/2026", "Period Requested: 12/10/2026 - 03/09/2027", "HISTORY",
      "Surgery Date: 09/07/2026"], "service_date", "2026-12-10", SURE),
    (["Signature Date: 11/13/2026", "Surgery Date: 09/07/2026"], "service_date", "2026-09-07", UNSURE),
    # Patient name.
    (["Patient Name: Jane Doe"], "patient_name", {"first": "Jane", "last": "Doe"}, SURE),
    (["Patient Name (Last, First): DOE, JANE"], "patient_name", {"first": "Jane", "last": "Doe"}, SURE),
    (["Client Name", "Maria Lopez"], "patient_name", {"first": "Maria", "last": "Lopez"}, SURE),
    (["Provider Name: John Smith"], "patient_name", None, None),
    (["6. Patient's Name and Address\tKETTERING, JASPER D 1479 Lantern Way, Clinton, OH 53456"], "patient_name",
     {"first": "Jasper", "last": "Kettering"}, SURE),
    (["Patient Name / Address", "Jasper Kettering", "1479 Lantern Way"], "patient_name",
     {"first": "Jasper", "last": "Kettering"}, SURE),
    (["Patient: Renée Peña   Patient's HI Claim No.: 7P79MQ3KH14"], "patient_name",
     {"first": "Renée", "last": "Peña"}, (0.85, 1.0)),  # the name ends where the next label begins
    (["Enrollee's Name: Jane Doe"], "patient_name", {"first": "Jane", "last": "Doe"}, SURE),
    (["Participant Name (Last, First)", "DOE, JANE"], "patient_name", {"first": "Jane", "last": "Doe"}, SURE),
    (["Resident Name: Jane Doe"], "patient_name", {"first": "Jane", "last": "Doe"}, SURE),
    (["Patient's Name (Last, First, MI)", "DOE, JANE M"], "patient_name", {"first": "Jane", "last": "Doe"}, SURE),
    # A letter's greeting is no name under its RE line; a titled name in prose is one, for a clerk to confirm,
    # whatever a "Group" in the practice's name three lines up may claim.
    (["Re: Letter of Medical Necessity for a knee MRI", "To Whom It May Concern:"], "patient_name", None, None),
    (["To: Pinecrest Cardiology Group", "Referral Coordinator", "Dear colleague,",
      "I am referring Mrs. Yardley Abernathy, born Aug. 28, 1948, for further care."], "patient_name",
     {"first": "Yardley", "last": "Abernathy"}, UNSURE),
    (["Subscriber Name: Mrs. Yardley Abernathy"], "patient_name", None, None),
    # NPI.
    (["NPI #: 1234567893"], "npi", ["1234567893"], SURE),
    (["NPI #: 1234567890"], "npi", [], None),
    (["Rheumatology, NPT 1234567893"], "npi", ["1234567893"], (0.85, 1.0)),  # the label misread, Luhn still holds
    (["NPT 1234567890"], "npi", [], None),
    (["Phone: (123) 456-7893"], "npi", [], None),
    (["Call 1234567893 today"], "npi", ["1234567893"], UNSURE),  # valid, but nothing says it is an NPI
    # CPT and HCPCS.
    (["CPT: 27447"], "cpt", ["27447"], SURE),
    (["Procedure Code: 27447-RT, 0042T"], "cpt", ["27447", "0042T"], SURE),
    # Numeric modifiers and several of them: bilateral, professional component, distinct site and side.
    (["CPT code(s): 64483-50, +64484-50; supplies J3301 x6"], "cpt", ["64483", "64484"], SURE),
    (["The requested codes are CPT 29881-RT, 29876-XS-RT."], "cpt", ["29881", "29876"], SURE),
    (["Procedure codes 93458-26 and 92928-LC."], "cpt", ["93458", "92928"], SURE),
    (["HCPCS: E0601-RR-NU"], "hcpcs", ["E0601"], SURE),
    (["Dallas, TX 75201"], "cpt", [], None),  # a ZIP code is no CPT code
    (["Suite 100, Austin TX 78701-1234"], "cpt", [], None),
    (["Phone (214) 555-0100 Fax 214-555-0199"], "cpt", [], None),
    (["11/24/2026 10:42 FROM: 27447 P.002/004"], "cpt", [], None),  # the fax header carries no codes
    (["Invoice total 12345 dollars"], "cpt", [], None),
    (["HCPCS: J1745"], "hcpcs", ["J1745"], SURE),
    (["Requested Services", "96413\tChemotherapy infusion, first hour"], "cpt", ["96413"], UNSURE),  # heading only
    (["Requested Services: see the attached order", "Clinic, Madison, WI 53703"], "cpt", [], None),
    # ICD-10-CM.
    (["Diagnosis Code: M17.11"], "icd10", ["M17.11"], SURE),
    (["ICD-10: M1711, E11.9"], "icd10", ["M17.11", "E11.9"], SURE),
    (["Diagnosis Code: M17.99"], "icd10", [], None),  # fits the shape, is no code
    (["Diagnosis Code: Z00.0"], "icd10", [], None),  # not billable
]


@pytest.mark.parametrize(("lines", "field", "expected", "band"), ROWS)
def test_recognizer_rows(lines, field, expected, band):
    found = fields_of(*lines)[field]
    if expected is None or expected == []:
        assert all(f.confidence < 0.5 for f in (found if isinstance(found, list) else [found]) if f is not None), (
            f"{field} should not be found in {lines}: {values(found)}")
        return
    got = values(found)
    assert got == (expected if isinstance(expected, list) else [expected])
    for f in found if isinstance(found, list) else [found]:
        assert band[0] <= f.confidence <= band[1], f"{field}={f.value} scored {f.confidence}: {f.explanation}"


def test_urgency():
    assert fields_of("Review Type: [X] Urgent [ ] Non-Urgent")["urgent"].value is True
    assert fields_of("Review Type: [ ] Urgent [X] Non-Urgent")["urgent"].value is False
    assert fields_of("EXPEDITED REQUEST", "Please review.")["urgent"].value is True
    assert fields_of("This is not an urgent request.")["urgent"].value is False
    assert fields_of("*** TIME-SENSITIVE / URGENT ***")["urgent"].value is True
    assert fields_of("URGENT - patient already home after a hospital stay.")["urgent"].value is True
    assert fields_of("The family asks us to please expedite the visits.")["urgent"].value is True
    assert fields_of("Pt in severe pain, please rush. Prior x-rays reviewed.")["urgent"].value is True
    # "Rush" that is no plea (a hospital's name) leaves the answer open, not a sure "no".
    assert fields_of("Records from Rush University Medical Center attached.")["urgent"].confidence < 0.9
    assert fields_of("Urgent care visit on 11/02/2026 for the same complaint.")["urgent"].confidence < 0.9
    assert fields_of("Time-sensitive results are phoned to the office.")["urgent"].confidence < 0.9
    default = fields_of("Member ID: W123456789")["urgent"]
    assert default.value is False and default.confidence >= 0.9


@pytest.mark.parametrize(("lines", "value"), [
    # Wording wrapped at the end of a line of prose is the same wording.
    (["Spoke with Lupe at the plan about the MRI and the injection; asked the rep to process as",
      "URGENT - per Dr. Whitaker a delay could seriously jeopardize her health."], True),
    (["Diagnosis codes S46.011A and M75.121 were given, along with the NPI. Requested expedited",
      "review because of the pain."], True),
    (["Will call back on Monday. Patient is in severe pain and cannot work, please",
      "rush. Prior x-rays reviewed."], True),
    (["Please treat this as urgent: the patient is deteriorating."], True),
    # A flag at the start of a line, whatever follows ("Standard review time" is no option ticked).
    (["** URGENT ** Hgb below 8 g/dL; standard review time could seriously jeopardize the patient's health."], True),
    (["URGENT / EXPEDITE - patient admitted 2026-11-13; first dose as soon as authorized."], True),
    (["Urgent care visit on 11/02/2026 for the same complaint."], False),
    # A heading over a question is no sentence: the question's answer decides.
    (["Therapy Authorization Request", "Expedited review requested?  [ ] Yes  [X] No"], False),
    # A wrapped negation stays a negation.
    (["The office says this is a routine follow-up and the patient asked that it is not",
      "urgent review, just a renewal."], False),
    # A phone number on the line does not hide its words.
    (["Faxed H&P and last office note to UM fax (608) 555-0123. Asked rep to process",
      "as URGENT - per Dr Okonkwo a delay could seriously jeopardize her health."], True),
    (["URGENT - please call the office at (608) 555-0123 with the determination."], True),
    # A form's instruction about urgent requests in general says nothing of this one.
    (["For urgent cases (surgery within 72 hours) call (469) 555-0165 before faxing."], False),
    (["If an expedited review is needed, fax this form to 1-800-555-0100."], False),
])
def test_urgency_wrapped_in_prose(lines: list[str], value: bool) -> None:
    assert fields_of(*lines)["urgent"].value is value


@pytest.mark.parametrize(("lines", "value", "band"), [
    # A reason written for urgency speaks for it, even where OCR lost the tick; a clerk confirms.
    (["Review Type: Oo Non-Urgent [] Urgent", "Clinical Reason for Urgency: Delay would seriously jeopardize the"
      " patient's ability to regain maximum function."], True, UNSURE),
    (["Review Type: [X] Urgent [ ] Non-Urgent", "Clinical Reason for Urgency: Delay would jeopardize recovery."],
     True, SURE),
    (["Review Type: [ ] Urgent [X] Non-Urgent", "Clinical Reason for Urgency: N/A"], False, SURE),
    (["Clinical Reason for Urgency: none"], False, SURE),
])
def test_a_reason_for_urgency(lines, value, band):
    found = fields_of(*lines)["urgent"]
    assert found.value is value and band[0] <= found.confidence <= band[1]


@pytest.mark.parametrize(("lines", "value", "band"), [
    # Urgency asked as a question: the urgent word is in the question whatever the answer; the tick answers.
    (["Is this request urgent?  [ ] Yes  [X] No"], False, SURE),
    (["Is this request urgent?  [X] Yes  [ ] No"], True, SURE),
    (["Does this request meet the criteria for an expedited review?", "[ ] Yes    [X] No"], False, SURE),
    (["Expedited review requested?", "[X] Yes    [ ] No"], True, SURE),
    (["Expedited review requested (72 hours)?\tNo"], False, SURE),  # typed into a spreadsheet cell
    (["Is this an urgent request?  [ ] Yes  [ ] No"], False, UNSURE),  # unanswered: a clerk looks
    (["Is this an urgent request?", "Member ID: W123456789"], False, UNSURE),
    (["Is this request urgent?", "No prior treatment has been tried."], False, UNSURE),  # prose, not an answer
    (["Urgent review needed?  [X] Yes  [X] No"], False, UNSURE),  # both ticked
    # A label with a colon and boxed answers asks it too.
    (["Urgent: [ ] Yes  [X] No", "For urgent cases (surgery within 72 hours) call (469) 555-0165."], False, SURE),
    (["Urgent (Y/N): [X] Yes [ ] No"], True, SURE),
])
def test_urgency_asked_as_a_question(lines, value, band):
    found = fields_of(*lines)["urgent"]
    assert found.value is value and band[0] <= found.confidence <= band[1], found.explanation


def test_dob_after_the_service_date_is_not_trusted():
    found = fields_of("DOB: 01/05/2026", "Date of Service: 12/01/2025")
    assert found["dob"].confidence < 0.9


def test_two_different_labelled_values_are_a_conflict():
    found = fields_of("Member ID: W123456789", "Member ID: W987654321")
    assert found["policy_id"].confidence < 0.9
    assert "conflict" in found["policy_id"].explanation


def _word(text, x0, y0, line, w=None):
    w = w or 0.012 * len(text)
    return Word(text, BBox(x0, y0, x0 + w, y0 + 0.012), 0.96, line)


def test_geometric_pairing_value_under_label_and_table_columns():
    words = [
        _word("Member", 0.10, 0.10, 0), _word("ID", 0.19, 0.10, 0), _word("Date", 0.55, 0.10, 0),
        _word("of", 0.61, 0.10, 0), _word("Birth", 0.64, 0.10, 0),
        _word("W123456789", 0.10, 0.125, 1), _word("01/05/1960", 0.55, 0.125, 1),
        _word("CPT", 0.10, 0.30, 2), _word("Description", 0.30, 0.30, 2), _word("ICD-10", 0.70, 0.30, 2),
        _word("27447", 0.10, 0.33, 3), _word("Total", 0.30, 0.33, 3), _word("knee", 0.37, 0.33, 3),
        _word("M17.11", 0.70, 0.33, 3),
        _word("29881", 0.10, 0.36, 4), _word("Arthroscopy", 0.30, 0.36, 4), _word("M23.205", 0.70, 0.36, 4),
        _word("Austin", 0.10, 0.90, 5), _word("TX", 0.18, 0.90, 5), _word("78701", 0.22, 0.90, 5),
    ]
    page = Page(1, tuple(words), "", PageSource.OCR, 612, 792)
    found = extract_fields([page], TODAY)
    assert found["policy_id"].value == "W123456789" and found["policy_id"].confidence >= 0.9
    assert found["dob"].value == "1960-01-05"
    assert [f.value for f in found["cpt"]] == ["27447", "29881"]
    assert [f.value for f in found["icd10"]] == ["M17.11", "M23.205"]
    box = found["policy_id"].bbox
    assert box is not None and 0.09 < box.x0 < 0.11 and 0.12 < box.y0 < 0.13


@pytest.mark.parametrize(("lines", "value", "band"), [
    (["Request priority:  Urgent / expedited"], True, SURE),  # typed, not a menu
    (["Request priority:\turgent\tRoutine"], False, UNSURE),  # a menu whose boxes the reader lost
    (["Hospital discharges and other urgent requests: call (888) 555-0108 before faxing."], False, UNSURE),
    # The answer typed after a definition in parentheses.
    (["Q10  Does the prescriber request an expedited review? (Applying the standard time frame could seriously "
      "jeopardize the patient's life or health.)  Yes"], True, SURE),
    # An authorization's period or end is no urgency ("current" as OCR reads it now and then).
    (["Urgent auth period: 10/01/2026 - 11/30/2026"], False, UNSURE),
    (["Dose stable since 2025 with a good response; the urgent approval ends December 31, 2026."], False, UNSURE),
])
def test_urgency_typed_or_described(lines, value, band):
    found = fields_of("REQUEST", "Section 2", *lines)["urgent"]
    assert found.value is value and band[0] <= found.confidence <= band[1], found.explanation
