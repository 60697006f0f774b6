"""Page text -> the text the type model reads: normalised words plus layout and keyword feature tokens.

Training (from the generator's text-only pages) and classification share this one function, so a feature
means the same thing in both.
"""

from __future__ import annotations

import re

DOCUMENT_TYPES = ("fax_cover", "pa_request_form", "clinical_note", "letter_of_medical_necessity", "lab_report",
                  "imaging_report", "appeal", "discharge_summary", "other")

# Head and tail of a page: titles and labels live at the top, page counters and signatures at the bottom;
# the middle of a long page adds little and costs time.
_HEAD, _TAIL = 2400, 400
_DIGITS = re.compile(r"\d+")
_RULES = re.compile(r"[=_\-~.]{3,}")  # ruled lines and blanks to fill in: layout, not words
_SPACE = re.compile(r"\s+")
_NO_WORD = re.compile(r"(?<!\S)[^\sA-Za-z0-9]+(?!\S)")  # stray marks: fax speckle read as punctuation
_ALNUM = re.compile(r"[A-Za-z0-9]")
# Cover-sheet labels at the start of a line (a memo's To/From/Fax/Pages grid); OCR may drop the colon.
_COVER_LABEL = re.compile(r"^\s*(to|from|fax|phone|date|re|subject|attn|pages?|# ?pages|cc)\b\s*[:#]?",
                          re.IGNORECASE | re.MULTILINE)
_CONFIDENTIAL = re.compile(r"confidential|privileged", re.IGNORECASE)
_FAX_WORD = re.compile(r"fa[cx]s[il1]m[il1]le|\bf\s?a\s?x\b|transmittal", re.IGNORECASE)
_FAX_HEADER = re.compile(r"\bFROM\s*:.*\bP(?:AGE|AG|G)?\.?\s*0*\d{1,3}\s*(?:/|OF)\s*0*\d{1,3}\b", re.IGNORECASE)


# Domain evidence that holds across templates: what each kind of document has to say, whoever wrote it. A cue is a
# few phrases (words as the page reader splits them, lower case); a phrase with a leading `^` counts only at the
# start of a line, where a writer puts a section heading. A page's evidence for a group is how many of the
# group's different cues it shows. Word lookups, not regular expressions: a page costs well under a millisecond.
_CUES: dict[str, dict[str, str]] = {
    "img": {
        "exam": "^exam|^examination|^procedure|^study|^exam performed|^type of exam|^exam type",
        "technique": "^technique|^protocol|^method|^procedure details",
        "comparison": "^comparison|^comparisons|^prior studies|^prior exam|^prior study|^correlation",
        "findings": "^findings|^finding|^report|^observations|^description|^narrative",
        "impression": "^impression|^conclusion|^conclusions|^interpretation|^opinion|^diagnostic impression"
                      "|^final impression",
        "indication": "^indication|^clinical indication|^reason for exam|^reason for study|^clinical history"
                      "|^history|^clinical information",
    },
    # What only imaging has, whatever its headings: modality, views and sequences, contrast, the radiologist.
    "rad": {
        "modality": "mri|magnetic resonance|ct|cta|computed tomography|cat scan|x-ray|x-rays|xray|xr|radiograph"
                    "|radiographs|radiographic|ultrasound|sonogram|sonography|sonographic|doppler|duplex"
                    "|mammogram|mammography|tomosynthesis|fluoroscopy|dexa|pet/ct|pet|nuclear medicine|scintigraphy"
                    "|spect|angiography|echogenicity|hypoechoic|echogenic",
        "reader": "radiologist|radiology|dictated by|read by|interpreting|transcribed|reading physician",
        "contrast": "contrast|gadolinium|noncontrast|non-contrast|w/o|iv contrast|omnipaque|iohexol",
        "views": "view|views|projection|projections|sequences|sequence|axial|sagittal|coronal|reformats"
                 "|reconstructions|slices|weighted|t1|t2|flair|stir",
        "scores": "bi-rads|birads|t-score|suv|ti-rads|dlp|ctdivol|mgy-cm",
        "accession": "accession|acc",
        "anatomy": "unremarkable|no acute|within normal limits|stenosis|effusion|fracture|nodule|lesion|mass"
                   "|degenerative|osteophyte|osteophytes|foraminal|disc|meniscus|tear|calcification|calcifications",
    },
    "note": {
        "hpi": "history of present illness|hpi|interval history|^subjective",
        "cc": "chief complaint|cc|reason for visit|presenting problem|presenting complaint",
        "ros": "review of systems|ros",
        "exam": "physical exam|physical examination|^exam|^pe|^objective",
        "ap": "assessment and plan|assessment & plan|assessment/plan|a/p|^assessment|^plan|^impression and plan",
        "pmh": "past medical history|pmh|pmhx|past surgical history|psh|social history|family history|^medical history",
        "meds": "medications|current medications|home meds|meds|allergies|allergy|nkda",
        "vitals": "bp|hr|rr|spo2|vital signs|vitals|bmi|temp|pulse|vs",
        "visit": "office visit|follow-up visit|follow up visit|progress note|clinic note|visit note|office note"
                 "|telehealth|telemedicine|video visit|history and physical|h&p|return visit|encounter|recheck"
                 "|established patient|new patient",
        "consult": "consultation|consult|thank you for asking|thank you for referring|thank you for this referral"
                   "|referring physician|reason for consultation|reason for referral|in consultation|referred by"
                   "|dear dr|dear doctor|your patient",
        "symptoms": "reports|complains|c/o|denies|presents with|y/o|year-old|tenderness|range of motion|pain"
                    "|alert|no acute distress|nad|auscultation|regular rate|numbness|weakness|reflexes|sensation"
                    "|swelling|tingling|dizziness|fatigue|began|worsening|improved|symptoms",
        "therapy": "goals|plan of care|home exercise|hep|rom|strength|gait|treatment plan|recommendations",
    },
    "dc": {
        "admit": "admission date|date of admission|admit date|admitted|admission|adm|admitted on",
        "discharge": "discharge date|date of discharge|discharged|d/c date|disch|discharge",
        "course": "hospital course|brief hospital course|course in hospital|course in facility|summary of stay"
                  "|clinical course|hospital stay|hospital day",
        "dx": "discharge diagnosis|discharge diagnoses|principal diagnosis|final diagnosis|diagnoses at discharge"
              "|admitting diagnosis|reason for admission|reason for hospitalization",
        "meds": "discharge medications|medications at discharge|discharge med list|medication reconciliation"
                "|discharge meds",
        "disposition": "disposition|discharged to|condition at discharge|discharge condition|discharge disposition",
        "los": "length of stay|los",
        "inpatient": "inpatient|hospitalization|hospitalized|hospitalist|attending|skilled nursing|snf|irf"
                     "|rehabilitation hospital|transfer summary|acute rehab|emergency department",
        "followup": "follow-up appointments|follow up appointments|pending results|discharge instructions|code status"
                    "|results pending|post-discharge",
    },
    "appeal": {
        "appeal": "appeal|appeals|appealing|appealed",
        "denial": "denial|denied|deny|denying|non-certification|noncertification|not medically necessary"
                  "|adverse decision",
        "reconsider": "reconsideration|reconsider|redetermination|re-review|reopening",
        "adverse": "adverse determination|adverse benefit determination|initial determination|determination"
                   "|notice of denial|denial notice|denial letter",
        "overturn": "overturn|overturned|reverse the|reverse this|reversal|upheld|uphold|reverse",
        "review": "external review|independent review|peer-to-peer|peer to peer|request a review|review of the decision"
                  "|review of this decision|review of that decision|independent review organization",
        "grievance": "grievance|grievances|dispute|disputes|disagree",
        "level": "first level|second level|level 1|level 2|level i|level ii|1st level|2nd level|first-level"
                 "|second-level",
    },
    "lmn": {
        "necessity": "medical necessity|medically necessary|medical need|medically indicated",
        "salutation": "to whom it may concern|dear",
        "writing": "i am writing|this letter|please accept|on behalf of|i write",
        "closing": "sincerely|respectfully|best regards|yours truly|regards",
        "patient": "my patient|the patient|under my care|i have treated|my care",
        "failed": "failed|despite|tried|exhausted|without relief|without adequate|conservative",
        "standard": "standard of care|guidelines|guideline|evidence|peer-reviewed|clinical judgment|literature",
        "approve": "approve|approval|coverage for|coverage of|request coverage|request authorization|cover this"
                   "|covered|authorize",
        "addressee": "medical reviewer|reviewer|medical director|utilization review|utilization management"
                     "|review team|clinical reviewer",
    },
    "lab": {
        "range": "reference range|reference interval|ref range|normal range|ref. range|reference ranges",
        "units": "mg/dl|mmol/l|g/dl|u/l|iu/l|ng/ml|ng/dl|ug/dl|meq/l|pg/ml|miu/l|uiu/ml|/hpf|fl|mm/hr|mg/l"
                 "|cfu/ml|x10^3/ul|x10^6/ul|ml/min/1.73m2",
        "specimen": "specimen|^source|drawn|fasting|serum|plasma|whole blood|urine|specimen type",
        "timing": "collected|collection|collection date|date collected|received|reported|resulted|report date",
        "lab": "laboratory|laboratories|lab|clia|pathology|microbiology|cytology|culture|susceptibility",
        "panel": "panel|cbc|metabolic|hemoglobin|glucose|creatinine|cholesterol|a1c|tsh|platelets|sodium"
                 "|potassium|urinalysis|wbc|hematocrit|bun|ldl|hdl|triglycerides|inr|alt|ast",
        "flags": "critical value|critical values|flag|abn|abnormal|hh|ll",
        "final": "final report|report status|preliminary|corrected report|component|analyte|test name",
    },
    "form": {
        "pa": "prior authorization|prior auth|preauthorization|pre-authorization|precertification|precert"
              "|pre-certification|pre-service|prior approval|authorization request|request for authorization"
              "|treatment authorization|admission notification",
        "npi": "npi|npi #",
        "codes": "cpt|hcpcs|icd-10|icd-10-cm|icd10|procedure code|diagnosis code|j-code|ndc|cpt/hcpcs",
        "provider": "requesting provider|requesting physician|ordering provider|ordering physician|servicing"
                    "|rendering|prescriber|facility name|tin|tax id|servicing provider|rendering provider",
        "member": "member id|member information|member name|subscriber|enrollee|beneficiary|policy #|policy number"
                  "|group #|group no|member #|subscriber id",
        "urgency": "urgent|expedited|standard|routine|non-urgent|rush|retro|retrospective",
        "units": "units|qty|quantity|days supply|frequency|start date|end date|dates of service",
        "attest": "attest|attestation|signature|certify|complete all|all fields|incomplete|please print",
        "request": "services requested|requested services|requested service|request type|review type"
                   "|service information|place of service|setting|requested start date|initial request",
    },
    "cover": {
        "fax": "fax|facsimile|telecopy|transmittal|fax cover|fax transmission|f a x",
        "pages": "pages|number of pages|no. of pages|including cover|incl. cover|total pages|# pages",
        "cover": "cover sheet|cover page|fax cover sheet",
        "to_from": "^to|^from|^attn|^attention|^recipient|^sender|^deliver to|^cc",
        "boxes": "please reply|please comment|please recycle|please call|for review|fyi|as requested|asap",
        "notice": "confidential|confidentiality|privileged|intended recipient|in error|redisclosure",
    },
    "other": {
        "money": "amount due|amount billed|amount paid|balance|invoice|remit|payment|premium|deductible|total due"
                 "|billed|allowed|you owe|price|prices",
        "not_bill": "this is not a bill|explanation of benefits|claims processed|claim summary|claims summary"
                    "|statement date|statement period|your share",
        "business": "valued customer|customers|customer|business|lease|tenant|subscription|vendor|sales|discount"
                    "|promotion|catalog|warranty|shipment|dues|association",
        "blank": "intentionally left blank|left blank|separator|batch header|transmission report"
                 "|transmission verification|communication result|tx report",
        "office": "memo|all staff|agenda|meeting|directions|parking|survey|reminder|newsletter|bulletin"
                  "|welcome|seminar|open house",
    },
}
_WORD = re.compile(r"[a-z0-9$#]+(?:[/'&^.\-][a-z0-9]+)*:?|\$|#|/hpf|&")
_LINE_NUMBER = re.compile(r"^[ \t]*(?:\d{1,2}|[a-h]|[ivx]{1,4})[.)][ \t]+")


def _phrase_table() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], int]:
    """(phrase -> cues anywhere, phrase -> cues at a line start, longest phrase in words); a phrase may be a cue
    of several groups ("exam" heads both a note's and an imaging report's section)."""
    anywhere: dict[str, tuple[str, ...]] = {}
    heading: dict[str, tuple[str, ...]] = {}
    longest = 1
    for group, cues in _CUES.items():
        for cue, phrases in cues.items():
            for phrase in phrases.split("|"):
                table = heading if phrase.startswith("^") else anywhere
                words = [w.rstrip(":") for w in _WORD.findall(phrase.lstrip("^"))]
                longest = max(longest, len(words))
                key = " ".join(words)
                table[key] = (*table.get(key, ()), f"{group}.{cue}")
    return anywhere, heading, longest


_ANYWHERE, _HEADING, _LONGEST = _phrase_table()
# Who the page is about: a page naming nobody is rarely a clinical record, a request or an appeal.
_IDENTITY = frozenset({"dob", "d.o.b", "birth", "birthdate", "patient", "member", "subscriber", "mrn", "enrollee",
                       "beneficiary", "pt"})
_SOAP = frozenset({"s:", "o:", "a:", "p:"})  # a SOAP note's section letters at the start of a line
_LABEL_LINE = re.compile(r"^[ \t]*[A-Za-z][A-Za-z /#.()&'-]{1,38}(?::|#)(?:[ \t]|$)", re.MULTILINE)


def alnum_count(text: str) -> int:
    """How many letters and digits a page holds (a blank or smudged page has almost none)."""
    return len(_ALNUM.findall(text))


def layout_tokens(text: str) -> list[str]:
    """Feature tokens for what a bag of words misses: page fullness, cover-sheet labels, notices, label lines."""
    n = alnum_count(text)
    tokens = ["zzlen" + ("0" if n < 25 else "1" if n < 250 else "2" if n < 1200 else "3")]
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if lines:
        labels = len(_COVER_LABEL.findall(text))
        share = labels / len(lines)
        tokens.append("zzcoverlabels" + ("0" if labels < 3 else "1" if share < 0.25 else "2"))
    if _CONFIDENTIAL.search(text) and _FAX_WORD.search(text):
        tokens.append("zzfaxnotice")
    letters = sum(ch.isalpha() for ch in text)
    if n and letters / max(1, len(text.strip())) < 0.35:
        tokens.append("zzsymbolic")
    if lines:
        share = len(_LABEL_LINE.findall(text)) / len(lines)
        tokens += ["zzlabels1"] if share >= 0.3 else []
        tokens += ["zzlabels2"] if share >= 0.5 else []
    return tokens


def evidence(text: str) -> dict[str, int]:
    """How many different cues of each group (imaging sections, imaging content, note, discharge, appeal,
    necessity letter, lab, request form, cover sheet, other) a page shows, and whether it names a person."""
    seen: set[str] = set()
    identity = False
    for line in text.lower().splitlines():
        raw = _WORD.findall(_LINE_NUMBER.sub("", line, count=1))
        if not raw:
            continue
        if raw[0] in _SOAP:
            seen.add("note.soap")
        words = [w.rstrip(":") for w in raw]
        identity = identity or not _IDENTITY.isdisjoint(words)
        for n in range(min(_LONGEST, len(words)), 0, -1):
            cues = _HEADING.get(" ".join(words[:n]))
            if cues:
                seen.update(cues)
                break
        for i in range(len(words)):
            for n in range(1, min(_LONGEST, len(words) - i) + 1):
                cues = _ANYWHERE.get(" ".join(words[i:i + n]))
                if cues:
                    seen.update(cues)
    counts = dict.fromkeys(_CUES, 0)
    for cue in seen:
        counts[cue.partition(".")[0]] += 1
    counts["identity"] = int(identity)
    return counts


def evidence_tokens(counts: dict[str, int]) -> list[str]:
    """Evidence counts as cumulative tokens (`zzimg1 zzimg2 zzimg3` for three imaging cues), so that more cues
    weigh more and a level the training pages seldom reach still shares the weights of the levels below it."""
    tokens = ["zzid" if counts.get("identity") else "zznoid"]
    for group in _CUES:
        levels = [f"zz{group}{level}" for level in (1, 2, 3, 4, 6) if counts[group] >= level]
        tokens += levels or [f"zz{group}0"]
    return tokens


def model_text(text: str) -> str:
    """The model's view of a page: lower case, digit runs as one `0`, head and tail only, feature tokens."""
    body = text if len(text) <= _HEAD + _TAIL else text[:_HEAD] + "\n" + text[-_TAIL:]
    # The fax machine's header line says nothing about the document's type; drop it.
    body = "\n".join(ln for ln in body.splitlines() if not _FAX_HEADER.search(ln))
    tokens = layout_tokens(text) + evidence_tokens(evidence(body))
    body = _NO_WORD.sub(" ", _DIGITS.sub("0", _RULES.sub(" ", body.lower())))
    body = _SPACE.sub(" ", body).strip()
    return " ".join(tokens) + " " + body
