"""The template families, their groups, and the fixed rule that holds whole families out of tuning."""

from __future__ import annotations

from collections.abc import Callable
from random import Random

from samples.generator import family_clinical as clinical
from samples.generator import family_forms as forms
from samples.generator.data import Case
from samples.generator.document import Doc

FamilyFn = Callable[[Case, Random], Doc]

# Group -> family name -> builder. Groups exist only so that the hold-out rule takes one family of each kind.
GROUPS: dict[str, dict[str, FamilyFn]] = {
    "request_forms": {
        "dme_order_form": forms.dme_order_form,
        "plan_branded_pa": forms.plan_branded_pa,
        "radiology_pa": forms.radiology_pa,
        "state_standard_pa": forms.state_standard_pa,
    },
    "correspondence": {
        "appeal_letter": clinical.appeal_letter,
        "lmn_letter": clinical.lmn_letter,
    },
    "clinical_records": {
        "discharge_summary": clinical.discharge_summary,
        "lab_report": clinical.lab_report,
        "progress_note": clinical.progress_note,
    },
    "fax_covers": {
        "fax_cover_boxed": clinical.fax_cover_boxed,
        "fax_cover_memo": clinical.fax_cover_memo,
    },
}

FAMILIES: dict[str, FamilyFn] = {name: fn for group in GROUPS.values() for name, fn in group.items()}


def heldout_families() -> frozenset[str]:
    """The fixed rule: in every group, the alphabetically first family is held out (never used for tuning)."""
    return frozenset(min(group) for group in GROUPS.values())


def split_of(family: str) -> str:
    return "heldout" if family in heldout_families() else "tune"


def group_of(family: str) -> str:
    return next(g for g, members in GROUPS.items() if family in members)
