"""The template families, their groups, and the fixed rule that holds whole families out of tuning."""

from __future__ import annotations

from collections.abc import Callable
from random import Random

from samples.generator import family_clinical as clinical
from samples.generator import family_forms as forms
from samples.generator import family_imaging as imaging
from samples.generator import family_other as other
from samples.generator import family_records as records
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
        "appeal_second_level": records.appeal_second_level,
        "lmn_letter": clinical.lmn_letter,
    },
    "clinical_records": {
        "consult_note": records.consult_note,
        "discharge_summary": clinical.discharge_summary,
        "discharge_transfer_summary": records.discharge_transfer_summary,
        "imaging_ct_report": imaging.imaging_ct_report,
        "imaging_mri_report": imaging.imaging_mri_report,
        "lab_report": clinical.lab_report,
        "progress_note": clinical.progress_note,
    },
    "fax_covers": {
        "fax_cover_boxed": clinical.fax_cover_boxed,
        "fax_cover_memo": clinical.fax_cover_memo,
    },
    "other_documents": {
        "business_letter": other.business_letter,
        "eob_statement": other.eob_statement,
        "noise_page": other.noise_page,
    },
}

# Family -> the document_type its documents carry (the classifier's label).
DOCUMENT_TYPES: dict[str, str] = {
    "dme_order_form": "pa_request_form", "plan_branded_pa": "pa_request_form", "radiology_pa": "pa_request_form",
    "state_standard_pa": "pa_request_form", "appeal_letter": "appeal", "appeal_second_level": "appeal",
    "lmn_letter": "letter_of_medical_necessity", "consult_note": "clinical_note",
    "discharge_summary": "discharge_summary", "discharge_transfer_summary": "discharge_summary",
    "imaging_ct_report": "imaging_report", "imaging_mri_report": "imaging_report", "lab_report": "lab_report",
    "progress_note": "clinical_note", "fax_cover_boxed": "fax_cover", "fax_cover_memo": "fax_cover",
    "business_letter": "other", "eob_statement": "other", "noise_page": "other",
}

FAMILIES: dict[str, FamilyFn] = {name: fn for group in GROUPS.values() for name, fn in group.items()}


def heldout_families() -> frozenset[str]:
    """The fixed rule: in every group the alphabetically first family is held out (never used for tuning), and
    so is the first family of every document type that has several, so each such type is tested unseen."""
    by_type: dict[str, list[str]] = {}
    for family, document_type in DOCUMENT_TYPES.items():
        by_type.setdefault(document_type, []).append(family)
    per_type = {min(families) for families in by_type.values() if len(families) > 1}
    return frozenset({min(group) for group in GROUPS.values()} | per_type)


def split_of(family: str) -> str:
    return "heldout" if family in heldout_families() else "tune"


def group_of(family: str) -> str:
    return next(g for g, members in GROUPS.items() if family in members)
