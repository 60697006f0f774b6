"""Confidence: the pattern, the validator, the label and its relation to the value, and the OCR confidence of
the words the value came from, combined into one number. 0.9 or more means "a clerk need not look", so a
value reaches it only with a validator that passed (or a strong label for shapeless fields) and a label
that vouches for it.
"""

from __future__ import annotations

from docintake.extractors.fields.pairing import Relation
from docintake.extractors.fields.recognizers import Candidate

# (with a supporting label, without any label) before the adjustments below.
_BASE: dict[str, tuple[float, float]] = {
    "reference_id": (0.97, 0.93),  # PA prefix + check digit: strong even alone
    "npi": (0.96, 0.55),  # one random 10-digit number in ten passes the Luhn check
    "icd10": (0.96, 0.86),  # the official code set is strong evidence, but codes also appear in history
    "cpt": (0.95, 0.30),  # five digits are everywhere: only a label makes them a procedure code
    "hcpcs": (0.95, 0.45),
    "dob": (0.96, 0.0),
    "service_date": (0.94, 0.0),
    "policy_id": (0.95, 0.0),
    "patient_name": (0.93, 0.0),
}
# A bare "Code" label or column: procedure or diagnosis, the value's own shape decides. A dotted code that is in
# the ICD-10-CM code set, or five digits in the CPT range, under "Code" is a code of that kind; an undotted
# letter-and-digits value could be HCPCS or ICD-10 and stays for a clerk.
_GENERIC_CODE_LABEL = {"icd10": 0.93, "cpt": 0.91, "hcpcs": 0.86}
_OCR_FLOOR = 0.75  # below this word confidence a value is never auto-accepted
# Values whose validator cannot catch a misread character (no check digit, no code set: IDs, names, dates,
# CPT ranges) need surer OCR before a clerk may skip them. Re-measured on the tune corpus of four seeds (126
# OCR'd documents, floors off): the wrong member IDs that would have scored 0.9 came from words read at
# 0.83-0.84, the wrong DOB at 0.88, the wrong CPT code at 0.77; wrong names at 0.76, 0.90 ("Pémberton") and
# 0.91 ("Blatkwood": Tesseract misreads a letter inside a name at high confidence), while 53 of 99 right
# names were read at 0.93 or more. Names and IDs are identity fields, so their floors sit above every wrong
# reading seen, with a margin. CPT, re-measured in session 5 on 191 tune OCR'd codes that would be auto-accepted:
# floor 0.85 let 2 wrong ones through, 0.90 and 0.93 one (a digit misread into another valid code, read at 0.93-0.95),
# 0.95 none, at the cost of 9% of the auto-accepted codes. Member IDs, re-measured then on 84 tune OCR'd IDs that
# would be auto-accepted: a "T" prefix read as "1" at 0.94 slipped through at 0.9; at 0.95 none does, and the
# auto-accepted share falls from 44% to 29% (an ID is what matching trusts: a clerk's look is worth it).
_WEAK_VALIDATOR_OCR_FLOOR = {"policy_id": 0.95, "patient_name": 0.93, "dob": 0.9, "service_date": 0.9, "cpt": 0.95,
                             "hcpcs": 0.85}
# Two separate readings of one value (the same name on the cover and on the form) agree: a misread letter
# would have to happen twice, the same way. Corroborated values need only the general floor.
_CORROBORATED_OCR_FLOOR = 0.8
_PREVIOUS_AUTH = 0.55  # below the rivalry threshold (0.6): a value found so never puts another in conflict
_EVIDENCE_ONLY = 0.3  # labels weaker than this only point at a value


def score(c: Candidate, corroborated: bool = False) -> float:
    """The confidence of one candidate, before document-level checks (conflicts, cross-field dates).

    ``corroborated``: another reading elsewhere in the document gives the same value."""
    labelled, alone = _BASE[c.field]
    if c.field == "reference_id" and c.owner is not None and c.owner.hit.field == "other:prev_auth":
        # An extension or concurrent review quotes the authorization it continues ("Prev. Auth. #"): the case it
        # belongs with, most likely, but whether it joins that case or opens its own a clerk decides. Below the
        # rivalry threshold, so a Reference ID printed as such wins outright.
        return _PREVIOUS_AUTH
    if c.claimed:
        return 0.1
    if not c.supported:
        conf = alone
        if c.field == "icd10" and c.detail not in ("dotted", "described"):  # the line naming it counts like a dot
            conf = 0.35
        if c.field == "policy_id" and c.validator == "mbi_shape":
            conf = 0.7
        if c.detail in ("context", "row"):
            conf = max(conf, 0.8)  # words of its kind nearby: likely, but a clerk confirms
        if c.detail == "service_line":
            conf = 0.85
        if c.detail == "honorific":
            conf = 0.8  # a titled name in prose is usually the patient, but a clerk confirms
    else:
        assert c.owner is not None
        hit = c.owner.hit
        conf = labelled
        if hit.field == "code":
            conf = _GENERIC_CODE_LABEL[c.field] if c.field != "icd10" or c.detail == "dotted" else 0.86
        if hit.field != "code" and hit.label.strength < 1.0:
            conf -= (1.0 - hit.label.strength) * 0.25
        if c.owner.relation is Relation.COLUMN and not hit.label.column:
            conf -= 0.1
        if c.owner.relation is Relation.WRAP:
            conf -= 0.03
        conf = max(conf, alone)  # a weak label never makes a value less sure than no label at all
        if hit.label.strength < _EVIDENCE_ONLY:
            # A label that is only evidence (a bare "Name" cell: every section of a form has one) finds the
            # value when nothing else does, and never rivals a value a specific label found.
            conf = min(conf, _PREVIOUS_AUTH)
    if c.detail == "two_digit_year":
        conf -= 0.04
    if c.detail == "no_year":
        conf = min(conf, 0.8)  # the year is a guess from today's date
    if c.detail == "boxed":
        conf -= 0.05
    if c.repairs:
        conf *= 0.85  # a check digit lets about one wrong repair in ten through: a clerk must look
    if c.ocr_conf < 1.0:
        conf *= 0.9 + 0.1 * c.ocr_conf
        if c.ocr_conf < _OCR_FLOOR:
            conf = min(conf, 0.85)
        floor = _WEAK_VALIDATOR_OCR_FLOOR.get(c.field, 0.0)
        if c.ocr_conf < (min(floor, _CORROBORATED_OCR_FLOOR) if corroborated else floor):
            conf = min(conf, 0.88)
    return round(max(0.0, min(conf, 0.99)), 4)
