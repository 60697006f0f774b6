"""The template families, their groups, and the split: tune families here, held-out ones in `heldout/`.

The tune builders are imported here; the held-out ones are only named (`heldout.HELDOUT`) and load lazily in
`builder`, so tuning code (the classifier's text corpus, tests, benches) never imports a held-out family's text.
"""

from __future__ import annotations

from collections.abc import Callable
from random import Random

from samples.generator import family_behavioral as behavioral
from samples.generator import family_callnote as callnote
from samples.generator import family_clinical as clinical
from samples.generator import family_dates as dates
from samples.generator import family_equipment as equipment
from samples.generator import family_facesheet as facesheet
from samples.generator import family_forms as forms
from samples.generator import family_general as general
from samples.generator import family_homehealth as homehealth
from samples.generator import family_imaging as imaging
from samples.generator import family_infusion as infusion
from samples.generator import family_inpatient as inpatient
from samples.generator import family_ordersheet as ordersheet
from samples.generator import family_other as other
from samples.generator import family_pharmacy as pharmacy
from samples.generator import family_records as records
from samples.generator import family_surgery as surgery
from samples.generator import family_therapy as therapy
from samples.generator import heldout
from samples.generator.data import Case
from samples.generator.document import Doc

FamilyFn = Callable[[Case, Random], Doc]

# Group -> tune family name -> builder. Groups say what kind of document a family is.
GROUPS: dict[str, dict[str, FamilyFn]] = {
    "request_forms": {
        "behavioral_health_treatment_request": behavioral.behavioral_health_treatment_request,
        "continuation_request": dates.continuation_request,
        "equipment_medical_necessity_certificate": equipment.equipment_medical_necessity_certificate,
        "facesheet_precert_request": facesheet.facesheet_precert_request,
        "home_health_plan_of_care": homehealth.home_health_plan_of_care,
        "imaging_order_checklist": ordersheet.imaging_order_checklist,
        "infusion_referral_form": infusion.infusion_referral_form,
        "inpatient_admission_notification": inpatient.inpatient_admission_notification,
        "medication_prior_auth_request": pharmacy.medication_prior_auth_request,
        "outpatient_therapy_request": therapy.outpatient_therapy_request,
        "plan_branded_pa": forms.plan_branded_pa,
        "precert_grid_form": general.precert_grid_form,
        "radiology_pa": forms.radiology_pa,
        "service_table_request": general.service_table_request,
        "state_standard_pa": forms.state_standard_pa,
        "surgery_precert_request": surgery.surgery_precert_request,
    },
    "correspondence": {
        "appeal_second_level": records.appeal_second_level,
        "lmn_letter": clinical.lmn_letter,
    },
    "clinical_records": {
        "discharge_transfer_summary": records.discharge_transfer_summary,
        "imaging_mri_report": imaging.imaging_mri_report,
        "lab_report": clinical.lab_report,
        "office_call_note": callnote.office_call_note,
        "progress_note": clinical.progress_note,
        "referral_letter": general.referral_letter,
    },
    "fax_covers": {
        "fax_cover_memo": clinical.fax_cover_memo,
    },
    "other_documents": {
        "eob_statement": other.eob_statement,
        "noise_page": other.noise_page,
    },
}

# Tune family -> the document_type its documents carry (the classifier's label).
_TUNE_TYPES: dict[str, str] = {
    "plan_branded_pa": "pa_request_form", "radiology_pa": "pa_request_form", "state_standard_pa": "pa_request_form",
    "appeal_second_level": "appeal", "lmn_letter": "letter_of_medical_necessity",
    "discharge_transfer_summary": "discharge_summary", "imaging_mri_report": "imaging_report",
    "lab_report": "lab_report", "progress_note": "clinical_note", "fax_cover_memo": "fax_cover",
    "eob_statement": "other", "noise_page": "other", "precert_grid_form": "pa_request_form",
    "service_table_request": "pa_request_form", "referral_letter": "clinical_note",
    "continuation_request": "pa_request_form", "home_health_plan_of_care": "pa_request_form",
    "outpatient_therapy_request": "pa_request_form",
    "facesheet_precert_request": "pa_request_form",
    "imaging_order_checklist": "pa_request_form",
    "office_call_note": "clinical_note",
    "infusion_referral_form": "pa_request_form",
    "behavioral_health_treatment_request": "pa_request_form",
    "inpatient_admission_notification": "pa_request_form",
    "surgery_precert_request": "pa_request_form",
    "equipment_medical_necessity_certificate": "pa_request_form",
    "medication_prior_auth_request": "pa_request_form",
}
# Every family (tune and held out) -> its document_type.
DOCUMENT_TYPES: dict[str, str] = {**_TUNE_TYPES, **{f: t for f, (_, t, _) in heldout.HELDOUT.items()}}

# The tune families only: what tuning and classifier training may use.
FAMILIES: dict[str, FamilyFn] = {name: fn for group in GROUPS.values() for name, fn in group.items()}


def heldout_families() -> frozenset[str]:
    """The fixed split: a family is held out if and only if it lives in `samples/generator/heldout/`."""
    return frozenset(heldout.HELDOUT)


def split_of(family: str) -> str:
    return "heldout" if family in heldout.HELDOUT else "tune"


def group_of(family: str) -> str:
    if family in heldout.HELDOUT:
        return heldout.HELDOUT[family][0]
    return next(g for g, members in GROUPS.items() if family in members)


def builder(family: str) -> FamilyFn:
    """The builder of any family; a held-out one is imported only now (sample files are built from both)."""
    return FAMILIES[family] if family in FAMILIES else heldout.builder(family)
