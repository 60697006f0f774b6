"""Finding a flow page's value again for the clerk's highlight: the printed forms, and nothing when unsure."""

from __future__ import annotations

import pytest

from docintake.review.locate import COLUMNS, FlowLayout, locate

PAGE = """PRIOR AUTHORIZATION REQUEST
Member ID:\tW123-456-789\tGroup #: 4455
Patient: Quill, Ada      DOB: 03/04/1970
Requested start: January 3, 2027
CPT 27447   ICD-10 M17.11   NPI 1234 5678 93
Signed 11/20/2026 by Dr. Lena Varga
"""


@pytest.mark.parametrize(("field", "value", "line"), [
    ("policy_id", "W123456789", 1),
    ("dob", "1970-03-04", 2),
    ("service_date", "2027-01-03", 3),
    ("patient_name", {"first": "Ada", "last": "Quill"}, 2),
    ("cpt", "27447", 4),
    ("icd10", "M17.11", 4),
    ("npi", "1234567893", 4),
])
def test_printed_forms_are_found_on_their_line(field, value, line):
    layout = FlowLayout(PAGE)
    box = locate(layout, field, value)
    assert box is not None
    x0, y0, x1, y1 = box
    assert 0 < x0 < x1 < 1 and 0 < y0 < y1 < 1
    assert layout.box(line, 0, 1)[1] == y0  # the row of that line


@pytest.mark.parametrize(("field", "value"), [
    ("policy_id", "W123456780"),  # not printed
    ("dob", "1970-04-03"),  # day and month the other way round
    ("patient_name", {"first": "Ada", "last": "Quil"}),  # part of a word is no name
    ("cpt", "2744"),  # a code inside a longer number
])
def test_what_is_not_printed_or_ambiguous_is_not_highlighted(field, value):
    assert locate(FlowLayout(PAGE), field, value) is None


def test_a_value_printed_twice_is_not_highlighted():
    assert locate(FlowLayout("DOB 03/04/1970\nborn 1970-03-04\n"), "dob", "1970-03-04") is None


def test_long_lines_wrap_and_keep_their_columns():
    line = "x" * (COLUMNS + 20) + " W123456789"
    layout = FlowLayout(line)
    assert len(layout.rows) == 2 and sum(len(r.text) for r in layout.rows) == len(line)
    box = locate(layout, "policy_id", "W123456789")
    assert box is not None and box[1] == layout.box(0, COLUMNS + 5, COLUMNS + 6)[1]  # on the second row
