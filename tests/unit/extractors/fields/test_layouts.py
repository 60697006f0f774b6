"""Layouts the first recognizers missed, as tables: labels above their values (grid forms, split name boxes),
service tables, identity in prose. Negative rows keep each rule from reaching too far."""

from __future__ import annotations

import pytest

from tests.unit.extractors.fields._rows import SURE, UNSURE, fields_of, values

ROWS = [
    # A label's word guards hold for every alternative: "tel" inside "Castellanos" is no phone label.
    (["Ordering Provider\tOrdering Provider NPI", "Tobias Castellanos, MD\t1625293497"], "npi", ["1625293497"], SURE),
    (["Phone: 1625293497"], "npi", [], None),
    # Grid forms: each label above its value box; the next column's label is not the value.
    (["Member Name\tGender", "Horace Jessup\tM"], "patient_name", {"first": "Horace", "last": "Jessup"}, SURE),
    (["Date of Birth\tMember ID", "06/16/1988\t7HX0-Q13-YE48"], "policy_id", "7HX0Q13YE48", SURE),
    (["Member ID      Group Number", "W123456789     55512"], "policy_id", "W123456789", SURE),
    # An empty box: the value of the next row's label is no member ID, however ID-shaped.
    (["Member ID Number\tMember Phone", "Group Number\tPlan", "151951\tGold"], "policy_id", None, None),
    (["Member ID:\tW123456789", "Sex\tF"], "policy_id", "W123456789", SURE),  # label: value rows still pair
    (["ID Card Number: W123456789"], "policy_id", "W123456789", SURE),
    # Split name boxes; a bare "Last Name" could be anyone's, so a clerk confirms.
    (["Member Last Name\tMember First Name\tMI", "Ravenscroft\tAlma\tT"], "patient_name",
     {"first": "Alma", "last": "Ravenscroft"}, SURE),
    (["Last Name      First Name     MI", "RAVENSCROFT    ALMA           T"], "patient_name",
     {"first": "Alma", "last": "Ravenscroft"}, UNSURE),
    (["Last Name\tFirst Name", "Provider\tSmith"], "patient_name", None, None),
    (["Last Name\tSpecialty", "Smith\tCardiology"], "patient_name", None, None),  # no first-name box
    # Identity in prose: a titled name is likely the patient, never sure.
    (["Thank you for referring Mr. Quinlan Ashgrove, DOB 01/05/1960, for evaluation."], "patient_name",
     {"first": "Quinlan", "last": "Ashgrove"}, UNSURE),
    (["I saw your patient Zoë Peña in clinic."], "patient_name", {"first": "Zoë", "last": "Peña"}, UNSURE),
    (["Dear Ms. Jane Doe,"], "patient_name", None, None),
    (["Seen together with Dr. Jane Doe today."], "patient_name", None, None),
    # Service tables and booked dates.
    (["Date From\tDate To\tProcedure", "12/01/2026\t12/31/2026\t27447"], "service_date", "2026-12-01", SURE),
    (["Date To", "12/31/2026"], "service_date", None, None),
    (["We will proceed with the knee replacement on January 3, 2027."], "service_date", "2027-01-03", UNSURE),
    (["The letter was signed on January 3, 2026."], "service_date", None, None),
    (["Procedure\tQty", "27447\t1"], "cpt", ["27447"], SURE),
    (["Procedure\tQty", "Dallas, TX 75201\t1"], "cpt", [], None),
    # Prose that plans a procedure gives an unlabelled code context, not certainty.
    (["I would be grateful if you would arrange a knee replacement [27447]."], "cpt", ["27447"], UNSURE),
    (["Invoice 27447 is overdue."], "cpt", [], None),
]


@pytest.mark.parametrize(("lines", "field", "expected", "score"), ROWS)
def test_layout_rows(lines: list[str], field: str, expected, score) -> None:
    found = fields_of(*lines)[field]
    if expected is None or expected == []:
        assert not values(found) or all(f.confidence < 0.5 for f in (found if isinstance(found, list) else [found]))
        return
    assert values(found) == (expected if isinstance(expected, list) else [expected])
    items = found if isinstance(found, list) else [found]
    assert all(score[0] <= f.confidence <= score[1] for f in items), [f.confidence for f in items]
