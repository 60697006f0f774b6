"""The date a request asks for under the words of therapy plans and order forms, among their other dates."""

from __future__ import annotations

import pytest

from tests.unit.extractors.fields._rows import fields_of, values

ROWS = [
    (["Plan of Care Dates\tDate of Injury", "2026-11-28 to 2027-01-08\t2026-06-30"], "2026-11-28"),
    (["POC Dates: November 18, 2026 thru January 6, 2027", "Date faxed: November 17, 2026"], "2026-11-18"),
    (["Scheduled Surgery\tCertification From", "1/31/27\t11/13/26", "Certification Through", "1/7/27"],
     "2026-11-13"),
    (["Preferred Exam Date   Site", "18-DEC-2026           Any location", "Physician Signature   Date Ordered",
      "[signed]              19-NOV-2026"], "2026-12-18"),
    (["SCHEDULING", "Exam Date (scheduled): November 22, 2026", "Creatinine Date: October 14, 2026"], "2026-11-22"),
    (["SCHEDULING", "Appointment Date: Dec. 12, 2026", "Time: 1:15 PM"], "2026-12-12"),
    # A period's end under a label that starts like the period's ("Requested Period Through", "Service-To").
    (["Requested Period From\tRequested Period Through", "11/19/2026\t02/16/2027"], "2026-11-19"),
    # (Below a heading: a first line with "From:" and a date would be a fax machine's header.)
    (["CONTINUATION REQUEST", "Services", "Date(s) of Service-To: 02/27/2027", "Date(s) of Service From: 12/30/2026"],
     "2026-12-30"),
    # Fixed-width columns whose spaces the reader closed up: "Date of Service" still heads its own column.
    (["Date of Service     End Date", "2026-11-12          2026-12-12"], "2026-11-12"),
    # Not the request: the certification's end, the date an exam was read, a previous plan's period, the last visit.
    (["Certification Through: 1/7/27"], None),
    (["Exam Date: 11/02/2026"], None),
    (["Previous Certification Period: 09/01/2026 - 10/31/2026"], None),
    (["Last Appointment Date: 10/02/2026"], None),
]


@pytest.mark.parametrize(("lines", "expected"), ROWS)
def test_service_period_rows(lines: list[str], expected: str | None) -> None:
    found = fields_of(*lines)["service_date"]
    if expected is None:
        assert found is None or found.confidence < 0.6
    else:
        assert values(found) == [expected]


# Notes write the wanted date in prose, often without a year; the year is the one that puts it near today (TODAY
# is 2026-11-25), and a year so guessed stays for a clerk.
PROSE_ROWS = [
    (["Tentatively 11/26, pending auth. Not urgent."], "2026-11-26"),
    (["Tentatively scheduled for 1/8 pending approval."], "2027-01-08"),
    (["Pt would like it done December 2, 2026 if approved."], "2026-12-02"),
    (["Pt would like it done 12/11/26 if approved."], "2026-12-11"),
    (["Hoping to have the surgery done on 12/14/2026."], "2026-12-14"),
]

# Infusion and behavioral-health requests: the first dose or session still to come, under many names, among the
# dates of what was already given.
STARTS = [
    (["Last office visit\tOct 28, 2026\tFirst dose scheduled\tNov 21, 2026"], "2026-11-21"),
    (["Date of referral: 2026-11-09", "Date therapy needed by: 2026-11-10"], "2026-11-10"),
    (["Referral type: Continuation", "Anticipated first infusion: 2027-01-03"], "2027-01-03"),
    (["Date weighed: Oct-27-2026 Initial infusion date (requested): Dec-10-2026 Date of referral: Nov-10-2026"],
     "2026-12-10"),
    (["Referral type: Continuation", "First dose scheduled: 2026/12/29"], "2026-12-29"),
    (["Weight date: 2026-10-21 Infusion to begin: 2026-12-30 Date referred: 2026-11-07"], "2026-12-30"),
    (["Authorized dates: 12/13/2025 - 12/12/2026", "Continue therapy from: 12/18/2026"], "2026-12-18"),
    (["To avoid a gap in therapy the next infusion should be given on 12/31/2026. TB screening 07/10/2026."],
     "2026-12-31"),
    (["Date first seen: 09/06/2026; Last date of service: 11/12/2026; Current Auth #: on file",
      "Begin date of requested services: 01/04/2027"], "2027-01-04"),
    (["Last date of service:   10-NOV-2026", "Request effective:  08-DEC-2026"], "2026-12-08"),
    (["Next session scheduled: December 5, 2026"], "2026-12-05"),
    (["Dates requested: from Nov 27, 2026 to Feb 5, 2027"], "2026-11-27"),
    (["Please authorize 12 continued sessions (90834, every other week) for the period 12/21/26 - 6/7/27."],
     "2026-12-21"),
    (["Last seen\tTarget dose date", "2026-10-21\t2027-01-01"], "2027-01-01"),
    # What was given is not what is asked for.
    (["Date of first session: 09/06/2026"], None),
    (["Last date of service: 11/12/2026"], None),
    (["First dose given 03/02/2026; therapy first started 2024."], None),
]


@pytest.mark.parametrize(("lines", "expected"), STARTS)
def test_first_doses_and_sessions_to_come(lines: list[str], expected: str | None) -> None:
    found = fields_of("REFERRAL", *lines)["service_date"]
    if expected is None:
        assert found is None or found.confidence < 0.6
    else:
        assert values(found) == [expected]


@pytest.mark.parametrize(("lines", "expected"), PROSE_ROWS)
def test_wanted_dates_in_prose(lines: list[str], expected: str) -> None:
    found = fields_of(*lines)["service_date"]
    assert values(found) == [expected]
    assert found.confidence < 0.9


@pytest.mark.parametrize("line", [
    "Symptoms since 1/2026, no relief.",  # a month and year
    "Dose 1/2 tab nightly; tentatively 1/2 more if needed",  # a fraction after the label is still a fraction
    "BP 142/88 today.",  # a reading
])
def test_no_year_less_date_without_its_label(line: str) -> None:
    found = fields_of(line)["service_date"]
    assert found is None or found.confidence < 0.6
