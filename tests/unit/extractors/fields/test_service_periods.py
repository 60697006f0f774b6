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
