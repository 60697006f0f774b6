"""Text-only variety pages for classifier training: our own wordings and layouts per document type, no files.

Written from domain knowledge (what each kind of document says, in many words and orders), never from the held-out
families; template names are our own and share none with the generator's families.
"""

from __future__ import annotations

from collections.abc import Callable
from random import Random

from samples.generator.data import Case
from samples.generator.variety import forms, letters, notes, other, results

TemplateFn = Callable[[Case, Random], list[str]]

# Template -> (document type, builder, documents per seed; a fraction is a chance). Types with one builder get
# more draws per seed so that every type contributes a similar number of pages.
TEMPLATES: dict[str, tuple[str, TemplateFn, float]] = {
    "cover_sheet": ("fax_cover", forms.fax_cover, 2),
    "request_form": ("pa_request_form", forms.request_form, 2),
    "visit_note": ("clinical_note", notes.clinical_note, 2),
    "specialist_letter": ("clinical_note", notes.consult_letter, 1),
    "referral_out": ("clinical_note", notes.referral_letter, 1.5),
    "stay_summary": ("discharge_summary", notes.discharge_summary, 2),
    "radiology_result": ("imaging_report", results.imaging_report, 2),
    "lab_results": ("lab_report", results.lab_report, 1),
    "micro_or_pathology": ("lab_report", results.micro_or_pathology, 1),
    "necessity_letter": ("letter_of_medical_necessity", letters.medical_necessity_letter, 2),
    "appeal_in_prose": ("appeal", letters.appeal_letter, 1),
    "appeal_form": ("appeal", letters.appeal_form, 1),
    "office_letter": ("other", other.office_letter, 1),
    "invoice": ("other", other.invoice, 1),
    "plan_mailing": ("other", other.plan_statement, 1),
    "fax_report": ("other", other.fax_report, 0.5),
    "office_memo": ("other", other.office_memo, 0.5),
}
