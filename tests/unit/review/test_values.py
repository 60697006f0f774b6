"""A clerk's typing, checked by the extractor's own validators (negative rows included)."""

from __future__ import annotations

from datetime import date

import pytest

from docintake.review.values import InvalidValue, display, parse

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(("field", "raw", "expected"), [
    ("reference_id", "pa-000000-0018", "PA0000000018"),
    ("policy_id", "w123 456-789", "W123456789"),
    ("dob", "03/04/1970", "1970-03-04"),
    ("dob", "1970-03-04", "1970-03-04"),
    ("service_date", "January 3, 2027", "2027-01-03"),
    ("patient_name", "Quill, Ada", {"first": "Ada", "last": "Quill"}),
    ("patient_name", "Ada Mae O'Neil", {"first": "Ada Mae", "last": "O'Neil"}),
    ("urgent", "Yes", True),
    ("urgent", "no", False),
    ("npi", "1234567893", "1234567893"),
    ("cpt", "27447", "27447"),
    ("cpt", "0001u", "0001U"),
    ("hcpcs", "l1833", "L1833"),
    ("icd10", "m1711", "M17.11"),
])
def test_good_values(field, raw, expected):
    assert parse(field, raw, TODAY) == expected


@pytest.mark.parametrize(("field", "raw"), [
    ("reference_id", "PA0000000019"),  # check digit
    ("npi", "1234567890"),  # Luhn with 80840
    ("icd10", "M17.99"),  # not in the code set
    ("icd10", "M17"),  # a category, not billable
    ("cpt", "00099"),  # below the range
    ("hcpcs", "D1234"),  # D codes are CDT, not HCPCS here
    ("dob", "2027-01-01"),  # in the future
    ("dob", "13/45/1970"),
    ("service_date", "1990-01-01"),
    ("urgent", "maybe"),
    ("policy_id", "W1"),
    ("patient_name", "12345"),
    ("cpt", "   "),
])
def test_bad_values(field, raw):
    with pytest.raises(InvalidValue):
        parse(field, raw, TODAY)


def test_display_round_trips_a_name():
    shown = display("patient_name", {"first": "Ada", "last": "Quill"})
    assert shown == "Quill, Ada" and parse("patient_name", shown, TODAY) == {"first": "Ada", "last": "Quill"}
    assert display("urgent", True) == "yes" and display("dob", None) == ""
