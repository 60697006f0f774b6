"""Review routing: which required fields are missing or not sure enough (ARCHITECTURE.md's table)."""

from __future__ import annotations

from collections.abc import Mapping

from docintake.model import Field

AUTO_ACCEPT = 0.9

# Groups of fields of which at least one must be present; the first name is the one a reason names.
REQUIRED: dict[str, tuple[tuple[str, ...], ...]] = {
    "pa_request_form": (("policy_id",), ("dob",), ("patient_name",), ("cpt", "hcpcs"), ("icd10",), ("npi",)),
    "fax_cover": (),
    "clinical_note": (("dob",),),
    "letter_of_medical_necessity": (("dob",),),
    "lab_report": (("dob",),),
    "imaging_report": (("dob",),),
    "discharge_summary": (("dob",),),
    "appeal": (("dob",),),
    "other": (),
}
# Types whose identity may be member ID or name (with the date of birth): one of these pairs must be sure.
_IDENTITY_TYPES = frozenset(REQUIRED) - {"pa_request_form", "fax_cover", "other"}


def _best(value: object) -> float | None:
    if isinstance(value, Field):
        return value.confidence
    if isinstance(value, list | tuple) and value:
        return max(f.confidence for f in value if isinstance(f, Field))
    return None


def review_reasons(document_type: str, fields: Mapping[str, object], threshold: float = AUTO_ACCEPT) -> list[str]:
    """The reasons a clerk must look at a document of this type with these fields (empty: none)."""
    reasons: list[str] = []
    for group in REQUIRED[document_type]:
        confidences = [c for name in group if (c := _best(fields.get(name))) is not None]
        if not confidences:
            reasons.append(f"missing:{group[0]}")
        elif max(confidences) < threshold:
            reasons.append(f"low_confidence:{group[0]}")
    if document_type in _IDENTITY_TYPES:
        policy, name = _best(fields.get("policy_id")), _best(fields.get("patient_name"))
        if policy is None and name is None:
            reasons.append("missing:policy_id")
        elif max(policy or 0.0, name or 0.0) < threshold:
            reasons.append("low_confidence:policy_id" if policy is not None else "low_confidence:patient_name")
    reference = fields.get("reference_id")
    if isinstance(reference, Field) and reference.confidence < threshold:
        reasons.append("low_confidence:reference_id")
    urgent = fields.get("urgent")
    if isinstance(urgent, Field) and urgent.confidence < threshold and (urgent.value or urgent.confidence < 0.7):
        reasons.append("low_confidence:urgent")  # a missed urgent request misses its shorter decision clock
    if document_type == "other" and not (isinstance(reference, Field) and reference.confidence >= threshold):
        reasons.append("unidentified")
    return reasons
