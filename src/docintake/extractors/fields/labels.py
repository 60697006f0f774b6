"""The label vocabulary, as data: what forms, letters and notes print before or above a value.

A label either supports a field (``field`` is a field name) or claims the value next to it for something
else (``field`` starts with ``other:``), so that, say, the number after "Group #" is never taken for a member
ID. ``strength`` says how specific the label is; ``column`` that it may head a table column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ID = r"[I1l|J]\.?\s?(?:D|p(?=\W))\b\.?"  # "ID" as OCR reads it: lD, 1D, I.D., Ip, JD
# What may follow a name label: the order it is written in, and the address that shares its box ("Patient's Name
# and Address", CMS-485 box 6).
_NAME_TAIL = (r"(?:\s*\(\s*last\s*,\s*first(?:\s*,?\s*m\.?i\.?)?\s*\))?"
              r"(?:\s*(?:and|&|/)\s*(?:address|addr\.?))?")
_NO = r"(?:[.:,]?\s*(?:#|no\.?|num(?:ber)?\.?|nbr\.?)(?![a-z]))"  # OCR adds stray dots: "Policy. #"
# "ID" read as "10" after a member's word ("Member 10 #", "Mamber 10 No."): only with the number sign after it.
_ID_10 = rf"1[0O](?={_NO})"
# A short qualifier in parentheses after an ID label: "Subscriber ID (with prefix):", "Member ID (if different):",
# "(incl. prefix)" as OCR may read it ("(nel. prefix)"); words only, no number.
_QUALIFIER = r"(?:\s*\([^()\n\d]{2,24}\))?"


@dataclass(frozen=True, slots=True)
class Label:
    field: str
    pattern: re.Pattern[str]
    strength: float
    column: bool = False


# Whitespace within a line (every character str.isspace() accepts but newline and tab), and the quotes OCR makes of
# specks between label words.
_SPACE = "[ \\x0b\\x0c\\r\\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000‘’“”`.]"


def _within_line(regex: str) -> str:
    """A label never runs across a line or a table cell: "\\s" in the vocabulary means a space within a line."""
    out, in_class, i = [], False, 0
    while i < len(regex):
        two = regex[i:i + 2]
        if two == r"\s":
            # OCR turns specks between label words into quotes ("Date ‘of Service"): they separate words too.
            out.append(" " if in_class else _SPACE)
            i += 2
            continue
        if regex[i] == "\\":
            out.append(two)
            i += 2
            continue
        in_class = (in_class and regex[i] != "]") or (not in_class and regex[i] == "[")
        out.append(regex[i])
        i += 1
    return "".join(out)


# What turns a service date's label into its period's end, in the label's own cell: "Requested Period Through",
# "Date(s) of Service-To". ("End Date" is left alone: fixed-width text reads "Date of Service   End Date" with the
# columns' spaces gone.)
_PERIOD_END = r"(?!(?:[ .‘’]|[ ]?[-–/][ ]?)(?:to|through|thru)\b)"


def _l(field: str, regex: str, strength: float = 1.0, column: bool = False) -> Label:
    regex = _within_line(regex)
    end = _PERIOD_END if field == "service_date" else ""
    # The group matters: without it the word-boundary guards bind only to the first and last alternatives, and
    # "tel" inside "Castellanos" or "cell" inside "Marcella" became labels that claimed the values beside them.
    return Label(field, re.compile(rf"(?<![A-Za-z])(?:{regex})(?![A-Za-z]){end}", re.IGNORECASE), strength, column)


LABELS: tuple[Label, ...] = (
    # Member / policy ID.
    _l("policy_id", rf"member[:;]?\s*(?:o[rf]\s*medicaid\s*)?(?:{_ID}|{_ID_10}|identification){_NO}?{_QUALIFIER}"),
    _l("policy_id", rf"subscriber[:;]?\s*(?:{_ID}|{_ID_10}|identification){_NO}?{_QUALIFIER}"),  # "Subscriber:1D"
    _l("policy_id", rf"(?:medicaid|medicare|medi-cal|chip)\s*(?:{_ID}{_NO}?|{_NO}|beneficiary\s*identifier|"
       r"identification)"),
    _l("policy_id",
       rf"(?:policy|member|subscriber|insured|recipient|beneficiary|enrollee)(?:'s)?\s*(?:{_ID}{_NO}?|{_NO})"),
    _l("policy_id", r"(?:health\s*)?plan\s*(?:member\s*)?(?:id|#)"),
    # The programme's name before the member's word: "Medicaid Recipient ID", "Medicare Member No.".
    _l("policy_id", rf"(?:medicaid|medicare|medi-cal|chip|insurance|health\s*plan)\s*(?:recipient|member|subscriber|"
       rf"enrollee|beneficiary)(?:'s)?\s*(?:{_ID}{_NO}?|{_NO}|identification)"),
    _l("policy_id", rf"insurance\s*(?:{_ID}|{_NO}|identification)"),
    # Standard forms' own words: a pharmacy ID card's "Cardholder ID" (NCPDP), the UB-04's "Insured's Unique ID",
    # an abbreviated "Ins. ID #" / "Ins. Member No.".
    _l("policy_id", rf"cardholder\s*(?:{_ID}{_NO}?|{_NO}|identification)"),
    _l("policy_id", rf"(?:insured|subscriber|member)(?:'s)?\s*unique\s*(?:{_ID}|identifier)"),
    _l("policy_id", rf"ins\.?\s*(?:member\s*)?(?:{_ID}{_NO}?|{_NO})", 0.9),
    _l("policy_id", r"\bMBI\b"),
    # The member's number in a note's prose: "her subscriber ID is ...", "insurance ID on file: ...", "Medicare #
    # ...", "his MBI is ...", "member number is ...". The label takes in the words before the value.
    _l("policy_id", rf"(?:member|subscriber|insurance|insured|policy|medicaid|medicare|plan)\s*"
       rf"(?:{_ID}|identification|number|{_NO})(?:\s*number)?(?:\s*on\s*file)?\s*:?\s*(?:is|was|=)|"
       rf"(?:member|subscriber|insurance|policy)\s*(?:{_ID}|number|{_NO})\s*on\s*file\s*:?|\bMBI\s*(?:is|was)",
       0.9),
    # A certificate number is the member's number on many plans' cards and face sheets ("Policy/Cert #",
    # "Certificate No."); "Precert #" is an authorization's, and the guard against a letter before keeps it out.
    _l("policy_id", rf"(?:policy|member|subscriber)\s*/\s*cert(?:ificate)?\.?\s*(?:{_ID}{_NO}?|{_NO})?|"
       rf"cert(?:ificate)?\.?\s*(?:{_ID}{_NO}?|{_NO})", 0.8),
    # Medicare's older names for the member's number: the Health Insurance Claim Number (HICN; CMS-485 box 1
    # "Patient's HI Claim No.") and "Medicare Beneficiary ID".
    _l("policy_id", rf"(?:HI|HIC|health\s*insurance)\s*claim\s*(?:{_NO}|number)|\bHICN\b"),
    _l("policy_id", rf"(?:medicare|medicaid)\s*beneficiary\s*(?:{_ID}{_NO}?|identifier|{_NO})"),
    _l("policy_id", rf"(?:{_ID}{_NO}|{_ID}\s*card\s*#?)", 0.7),
    _l("policy_id", rf"{_ID}\s*card\s*(?:#|no\.?|number)"),
    _l("policy_id", r"[I1l|]?\.?D\.?No\b\.*", 0.7),  # "ID No." with the space lost ("IDNo.", "DNo.")
    _l("policy_id", r"identification\s*(?:#|no\.?|number)", 0.8),
    # Date of birth.
    # OCR: "D,O.B.", "DDB", "D0B", and "0.0.8." (dotted, so that no number reads as a label).
    _l("dob", r"d\s?[.,]?\s?o\s?[.,]?\s?b\b\.?|(?-i:\bD[D0]B\b)|(?<![\d.])[0D]\.[0O]\.[8B]\.(?![\d])"),
    _l("dob", r"date\s*of\s*birth"),
    # "Date of Birth" as OCR reads it: "pate of Birth", "Date-of Birth", "Dte-of Birth", "Date at Birth".
    _l("dob", r"[a-z]{2,4}(?:\s|-)*(?:of|at|af|ot)(?:\s|-)*birth", 0.9),
    _l("dob", r"birth\s*date|birthdate|b-day"),
    _l("dob", r"born(?:\s*on)?", 0.8),
    # Date of service.
    _l("service_date", r"date\s*\(?s?\)?\s*of\s*service(?:\s*from)?", column=True),
    _l("service_date", r"\bDOS\b(?:\s*from)?", column=True),
    _l("service_date", r"service\s*date\s*\(?s?\)?(?:\s*from)?", column=True),
    _l("service_date", r"services?\s*from", 0.9, column=True),  # "Service From | To"
    _l("service_date", r"start\s*date|from\s*date|begin(?:ning)?\s*date", 0.9, column=True),
    _l("service_date", r"date\s*from", 0.9, column=True),  # a service table's "Date From | Date To" columns
    # Prose that books the requested service: "arrange ... on", "proceed with ... on", "scheduled this for".
    _l("service_date", r"(?:proceed|arrang|perform|schedul|book)(?:e|ed|ing)?\b[^.;\n]{0,150}?\b(?:on|for)", 0.8),
    _l("service_date", r"(?:procedure|surgery|treatment)\s*date", column=True),
    # A scheduler's abbreviations: "Sched. Date", "OR Date", "Case Date", "Proc. Date".
    _l("service_date", r"sched(?:uled|\.)?\s*date|(?-i:\bOR\b)\s*date|case\s*date|proc\.?\s*date", 0.9, column=True),
    # A window the service is to be booked in, when no date is set yet: "Schedule between: S - E".
    _l("service_date", r"(?:requested|scheduling|surgery|procedure|service)\s*window|schedule\s*between", 0.9),
    _l("service_date", r"window", 0.8, column=True),  # the same as a column heading: "Date of Surgery | Window"
    # More days asked for on a stay or course: "Request days beginning", "request 4 additional days, S through E".
    _l("service_date", r"(?:request(?:ed|ing)?|additional)\s*(?:\d+\s*)?(?:additional\s*|more\s*)?(?:days?|visits?|"
       r"sessions?)\s*(?:beginning|starting|from|commencing)(?:\s*on)?|request(?:ed|ing)?\s*\d+\s*(?:additional|"
       r"more)\s*days?\s*,?(?=\s*\d)", 0.9),
    # An admission date is the requested service on an inpatient request, but a past stay in a discharge record.
    # "Admit Dt/Tm", "Date admitted", "Adm. date", "Inpatient order date".
    _l("service_date", r"admi(?:t|ssion)\s*(?:date|dt\b)|date\s*admitted|\badm\.?\s*date|inpatient\s*(?:order|admit)\s*"
       r"date", 0.7, column=True),
    # An admission still to come, or the one a notification reports, is the stay requested: "Proposed admission
    # date", "Planned skilled nursing admission date"; "was admitted as an inpatient on", "admitted to our facility
    # on". A stay a post-acute request comes from ("Acute admit date") is history (below).
    _l("service_date", r"(?:planned|proposed|expected|anticipated|requested|scheduled|elective)\s+"
       r"(?:[a-z/\-]+\s+){0,2}?admi(?:t|ssion)\s*(?:date|dt\b)", column=True),
    _l("service_date", r"admitted\s*(?:as\s*an?\s*inpatient|to\s*(?:our|the|this)\b[^.;\n\d]{0,40}?)\s*on", 0.8),
    _l("service_date", r"date\s*of\s*(?:the\s*)?(?:procedure|surgery|admission|treatment)", column=True),
    _l("service_date", r"(?:scheduled|planned|anticipated|requested|proposed|target)\s*"
       r"(?:service\s*|surgery\s*|procedure\s*|dose\s*|infusion\s*|injection\s*|session\s*|treatment\s*|"
       r"administration\s*|delivery\s*)?date",
       column=True),
    # Equipment and drugs are asked for from the day they are needed: "Date Needed", "Initial date needed", "Date of
    # initial need", "Date needed by"; a drug's coverage from a date: "Coverage requested from".
    _l("service_date", r"(?:initial\s*)?date\s*(?:of\s*)?(?:initial\s*)?need(?:ed)?(?:\s*by)?|needed\s*by\s*date|"
       r"coverage\s*requested\s*(?:from|start(?:ing)?)|requested\s*coverage\s*(?:from|start)(?:\s*date)?", column=True),
    # A certificate of medical necessity's "Initial Date" (of the need; "Revised" and "Recertification" follow).
    _l("service_date", r"initial\s*date(?!\s*of)|initial\s*(?=\(\s*mm/dd/yy)", 0.8, column=True),
    # The certification's columns alone in their cells ("INITIAL | Revised | RECERTIFICATION" over the dates): a
    # revision's or recertification's date is the one asked for now, the initial one only when it stands alone.
    _l("service_date", r"(?<![^\t\n])(?:recertification|revised|revision)(?:\s*date)?(?=[ ]?[\t\n]|[ ]?$)",
       column=True),
    _l("service_date", r"(?<![^\t\n])initial(?=[ ]?[\t\n]|[ ]?$)", 0.8, column=True),
    # Equipment's date of service is the day it was delivered ("Date delivered").
    _l("service_date", r"date\s*delivered|delivered\s*on", 0.8, column=True),
    # "Dates requested: from S to E"; "authorize 12 sessions ... for the period S - E".
    _l("service_date", r"dates?\s*requested(?:\s*:?\s*from)?", column=True),
    _l("service_date", r"(?:for|during)\s*the\s*(?:requested\s*|certification\s*|authorization\s*|treatment\s*)?"
       r"period(?:\s*(?:of|from|beginning))?", 0.8),
    # The start of the requested service under other names: "Expected Start of Use", "Start of Care",
    # "Service Start", "Service Period From", "services to begin on".
    _l("service_date", r"start\s*of\s*(?:use|services?|care|therapy|treatment)", column=True),
    _l("service_date", r"service\s*(?:start|begin)(?:\s*date)?|service\s*period(?:\s*from)?", column=True),
    _l("service_date", r"(?:expected|anticipated|estimated|requested|planned|proposed)\s*"
       r"(?:start|begin(?:ning)?)(?:\s*date)?", 0.9, column=True),
    _l("service_date", r"(?:services?|therapy|treatment|care|infusions?|injections?|dosing|sessions?)\s*"
       r"(?:to\s*|will\s*)?(?:begin|start)s?(?:\s*on)?", 0.8),
    # The first dose, infusion or session a request schedules ("First dose scheduled", "Initial infusion date
    # (requested)", "Planned first dose", "Next session scheduled", "Next infusion due"). A first dose or session
    # already given is history: these say it is still to come.
    _l("service_date", r"(?:planned|anticipated|expected|requested|scheduled|target|proposed)\s*(?:first|initial|1st|"
       r"next)\s*(?:dose|infusion|injection|session|treatment)(?:\s*date)?|(?:first|initial|1st|next)\s*(?:dose|"
       r"infusion|injection|session|treatment)\s*(?:date\s*)?\(?\s*(?:scheduled|planned|requested|due|anticipated|"
       r"expected)\s*\)?(?:\s*(?:for|on))?|(?:next|first)\s*(?:infusion|dose|injection)\s*(?:should|will|is\s*to)\s*"
       r"be\s*(?:given|administered|scheduled)(?:\s*(?:on|for))?", 0.9, column=True),
    # "Begin treatment on", "begin the requested course of treatment on", "Continue therapy from", "Date therapy
    # needed by", "Request effective".
    _l("service_date", r"(?:begin|start)(?:s|ning)?\s*(?:the\s*)?(?:requested\s*)?(?:course\s*of\s*)?(?:treatment|"
       r"therapy|services?|infusions?|sessions?)\s*(?:on|date)?|continue\s*(?:therapy|treatment|services?|infusions?|"
       r"sessions?)\s*(?:from|on|starting|beginning)|(?:begin|start)\s*date\s*of\s*(?:the\s*)?(?:requested\s*)?"
       r"(?:services?|treatment|therapy)|date\s*(?:therapy|treatment|services?|drug|medication|infusion)\s*"
       r"(?:is\s*)?needed(?:\s*by)?|request\s*effective(?:\s*date)?", 0.9, column=True),
    _l("service_date", r"(?:scheduled|planned|anticipated|booked)\s*(?:for|on)|(?:to\s*be\s*)?performed\s*on", 0.8),
    _l("service_date", r"date\s*(?:scheduled|planned|requested)|(?:take\s*place|slated|set)\s*(?:for|on)", 0.8),
    # A preferred date in a request's prose: "ideally on Dec. 4", "preferably by 01/05", "on or about".
    _l("service_date", r"(?:ideally|preferably|tentatively)\s*(?:on|for|by)|on\s*or\s*(?:about|after)|"
       r"tentatively(?:\s*(?:scheduled|booked|set|planned)(?:\s*(?:for|on))?)?", 0.8),
    # What the patient or doctor wants: "Pt would like it done 12/11/26", "hoping to have the surgery done on".
    _l("service_date", r"(?:would\s*like|wants?|hop(?:es|ing)|plans?|planning)\s*(?:to\s*(?:have|get)\s*)?"
       r"(?:it|this|them|the\s*(?:procedure|surgery|study|test|exam|scan|injection|infusion))\s*"
       r"(?:done|performed|scheduled|completed)(?:\s*(?:on|by|for))?", 0.8),
    _l("service_date", r"(?:specimen\s*)?collect(?:ed|ion)(?:\s*date)?", 0.9, column=True),
    # The period a request asks for: "Requested Period", "Extension Period From", "Continuation Period",
    # "Renewal Start Date", "Period Requested". The period already approved is another date (below).
    _l("service_date", r"(?:requested|new|continuation|continued|extension|renewal|proposed|service|treatment|"
       r"therapy|certification)\s*(?:auth(?:orization)?\s*)?period(?:\s*(?:from|requested|start|begin))?|"
       r"period\s*requested|(?:extension|renewal|continuation)\s*(?:requested\s*)?(?:start|begin|from)(?:\s*date)?",
       column=True),
    # A therapy or home-health plan's certification: "Plan of Care Dates: S to E", "POC Dates", "Certification
    # From", "Cert Period Start", "Episode Dates"; the plan of care is what the request asks to authorize.
    _l("service_date", r"(?:plan\s*of\s*(?:care|treatment)|\bPOC|(?:re)?certification|(?:re)?cert\.?|episode)\s*"
       r"(?:dates?|period)(?:\s*(?:from|start|begin(?:s|ning)?))?|(?:re)?(?:certification|cert\.?)\s*(?:from|start|begin)"
       r"(?:\s*date)?", column=True),
    # An exam, study or appointment the order asks for: "Preferred Exam Date", "Requested Appointment Date".
    _l("service_date", r"(?:preferred|requested|scheduled|planned|desired)\s*(?:exam|study|test|appointment|appt\.?|"
       r"visit|draw|collection)\s*date|(?:exam|study|test|procedure)\s*date\s*\(\s*(?:scheduled|requested|planned|"
       r"preferred)\s*\)", column=True),
    # An appointment on an order is the service booked; a last or next one is another date (below, longer).
    _l("service_date", r"(?:appointment|appt\.?)\s*date", 0.8, column=True),
    # A table row or heading naming the request ("Requested extension | 16-NOV-2026 | 16-DEC-2026"): not a column
    # header, so it owns only what stands beside or just under it.
    _l("service_date",
       r"requested\s*(?:extension|renewal|continuation)|(?:extension|renewal|continuation)\s*requested"),
    _l("service_date", r"(?:continu|resum|extend|extension|renew)\w*\b[^.;\n]{0,80}?\b(?:beginning|starting|from)"
       r"(?:\s*on)?", 0.8),
    # Reference ID of the case.
    _l("reference_id", r"ref(?:erence)?\.?\s*(?:id\b|#|no\.?|number)|ref(?:erence)?\s*(?=:)", 0.9),
    _l("reference_id", r"case\s*(?:ref(?:erence)?|id\b|#|number|no\.?)(?:\s*(?:id\b|#|number|no\.?))?"),
    _l("reference_id", r"RE\s*:", 0.6),
    _l("reference_id", r"(?:prior\s*)?auth(?:orization)?\s*(?:request\s*)?(?:id\b|#|number|no\.?)", 0.8),
    # Patient name.
    _l("patient_name", rf"patient(?:'s)?\s*(?:full\s*)?name{_NAME_TAIL}"),
    # The person a plan covers, under the names programmes give them: Medicaid "recipient" and "participant",
    # behavioural health "consumer", long-term care "resident", a dependent "child"; "(Last, First)" may follow.
    _l("patient_name", r"(?:member|client|beneficiary|enrollee|recipient|participant|consumer|resident|child|"
       rf"individual)(?:'s)?\s*(?:full\s*)?name{_NAME_TAIL}"),
    _l("patient_name", r"name\s*of\s*(?:patient|member|individual|client|consumer|enrollee|recipient|beneficiary)"),
    # A bare name box that says the order it wants ("Name (Last, First)"): a patient section's way.
    _l("patient_name", r"name\s*\(\s*last\s*,\s*first(?:\s*,?\s*m\.?i\.?)?\s*\)", 0.8),
    _l("patient_name", r"patient\s*[:;]|pt\.?\s*name|pt\s*:", 0.9),  # not "PT;": a therapist's credentials
    _l("patient_name", r"RE\s*:", 0.6),
    # ";": OCR's colon.
    _l("patient_name", r"(?:member|client|insured|consumer|enrollee|recipient|beneficiary)\s*[:;]", 0.8),
    _l("patient_name", r"name[ ]?:", 0.5),  # not over a dot leader: "Last Name .....:" is the longer label
    # A spreadsheet's or table's label cell, with no colon: "Name | Rosalind Ravenscroft", "RE | Doe, Jane".
    _l("patient_name", r"(?<![^\t\n])(?:name|(?-i:RE))(?=[ ]?\t)", 0.2),
    # A grid's bare column heading, alone in its cell: "Patient | Birth Date | Sex" over the values.
    _l("patient_name", r"(?<![^\t\n])(?:patient|member|pt\.?|client|consumer)(?=[ ]?[\t\n]|[ ]?$)", 0.8, column=True),
    # Forms that split the name into boxes ("Last Name" | "First Name" | "MI"); bare ones may be anyone's name.
    _l("name_last", r"(?:patient|member|pt\.?|client|beneficiary|enrollee|recipient)(?:'s)?\s*last(?:\s*name)?"),
    _l("name_last", r"last\s*name", 0.85),
    _l("name_first", r"(?:patient|member|pt\.?|client|beneficiary|enrollee|recipient)(?:'s)?\s*first(?:\s*name)?"),
    _l("name_first", r"first\s*name", 0.85),
    # Only pointers (evidence-only strength: never a rival to a name a patient label found): a bare "Last:" /
    # "First:" pair under a section heading, a "Last  First  MI" heading over the boxes, the insured's name boxes
    # (the insured may be a parent).
    _l("name_last", r"(?<![^\t\n])last[ ]?(?=[:\t])|last(?=[ \t]+first(?:[ \t]+m\.?i\.?)?[ ]*(?:\n|$))|"
       r"(?:insured|subscriber)(?:'s)?\s*last(?:\s*name)?", 0.2),
    _l("name_first", r"(?<![^\t\n])first[ ]?(?=[:\t])|(?:(?<=last )|(?<=last\t)|(?<=last  ))first"
       r"(?=(?:[ \t]+m\.?i\.?)?[ ]*(?:\n|$))|(?:insured|subscriber)(?:'s)?\s*first(?:\s*name)?", 0.2),
    # NPI.
    _l("npi", rf"NPI{_NO}?", column=True),
    _l("npi", rf"NP[lLT1|]{_NO}?", 0.9, column=True),  # "NPI" as OCR reads it: "NPL", "NPT", "NP1"
    _l("npi", r"national\s*provider\s*identifier"),
    # Procedure codes.
    _l("cpt", r"CPT(?:\s*/\s*HCPCS)?(?:\s*codes?)?(?:\s*\(s\))?", column=True),
    _l("cpt", r"HCPCS\s*/\s*CPT(?:\s*codes?)?", column=True),
    _l("cpt", r"procedures?\s*codes?(?:\s*\(s\))?|proc\.?\s*codes?", column=True),
    _l("cpt", r"(?:service|billing)\s*codes?", 0.9, column=True),
    _l("cpt", r"procedures?\s*requested|procedures?", 0.8, column=True),
    # A services table's heading, when OCR garbled its "CPT" column header: evidence, never enough alone.
    _l("cpt", r"(?:requested|planned)\s*services|services\s*requested", 0.7, column=True),
    _l("hcpcs", r"HCPCS(?:\s*codes?)?", column=True),
    # Diagnosis codes.
    _l("icd10", r"ICD[\s\-]?10(?:[\s\-]?CM)?(?:\s*codes?)?|ICD\s*codes?", column=True),
    _l("icd10", r"diagnos[ie]s\s*codes?(?:\s*\(s\))?|dx\s*codes?|diag\.?\s*codes?", column=True),
    _l("icd10", r"(?:(?:primary|secondary|admitting|principal)\s*)?diagnos[ie]s|\bdx\b", 0.8, column=True),
    _l("icd10", r"(?m:^\s*A\s*:)", 0.7),  # the Assessment of a SOAP note
    _l("icd10", r"assessment(?:\s*and\s*plan)?|impression|problem\s*list|indications?", 0.7),
    # A bare "Code" column or label supports both procedure and diagnosis codes weakly.
    _l("code", r"codes?(?:\s*\(s\))?", 0.6, column=True),
    # Labels that claim the value next to them for something else.
    # A group number's label; a bare "Group" only alone in its cell or before a colon, since practices and
    # hospitals are named "... Medical Group" and their NPI follows the name.
    _l("other:group",
       rf"group{_NO}|grp\s*#|group\s*(?:{_ID}|name)|group(?=\s*:)|(?<![^\t\n])group(?=[ ]?[\t\n]|[ ]?$)"),
    _l("other:phone", r"phone|tel(?:ephone)?\.?|fax|cell|mobile|pager"),
    # "City" and "State" head a box or a column, or stand before a colon or a slash ("City/State/ZIP"); inside a
    # name ("Kansas City Orthopedics", "Penn State Health") they claim nothing.
    _l("other:address", r"address|zip(?:\s*code)?|(?:city|state)(?=\s*(?:[:/,&]|$)|[ ]?[\t\n])"),
    _l("other:prev_auth", r"prev(?:ious)?\.?\s*auth(?:orization)?\.?\s*(?:#|no\.?|number|id)?"),
    _l("other:id", r"tax\s*id|\bTIN\b|\bEIN\b|DEA(?:\s*#)?|license\s*(?:#|no\.?)?|claim\s*(?:#|no\.?|number)|"
       r"account\s*(?:#|no\.?|number)|\bMRN\b|medical\s*record\s*(?:#|no\.?|number)?|chart\s*#|invoice\s*#"),
    # Numbers a registration or claim form calls codes or IDs that are neither procedures nor the member's: the
    # payer's and employer's IDs, a financial class, a revenue or reason code, an admission source.
    # ("Plan ID #" is the member's number on many cards: not here.)
    _l("other:id", r"(?:employer|emp\.?|payer|payor|carrier|location|dept\.?|department|reason|status|source|"
       r"discharge|disposition|relationship|revenue|rev\.?|zip|postal|area|country|county|financial\s*class|"
       r"fin\.?\s*class|admit\s*source|admission\s*source|occurrence|condition|value|taxonomy)\s*"
       r"(?:codes?|{_ID}|#)".replace("{_ID}", _ID)),
    _l("other:name", r"(?:provider|physician|doctor|facility|contact|practice|office|requester|requestor|"
       r"subscriber|insured|guardian|sender|recipient|attending|ordering|referring|rendering|signature)\s*"
       r"(?:'s\s*)?name"),
    _l("other:date", r"(?:signature|signed|received|fax(?:ed)?|sent|today'?s|report(?:ed)?|"
       r"print(?:ed)?|visit|note|exam|letter)\s*date|received|reported|signed(?:\s*on)?|date\s*(?:signed|received|sent|faxed|of\s*(?:request|letter|"
       r"report|visit|exam|note))|end\s*date|through|thru|\bto\s*:", 0.9),
    _l("other:date", r"date\s*:", 0.5),
    # Dates with another role, named as PA paperwork names them (CMS-1500 and UB-04 boxes, concurrent-review and
    # extension forms, clinical histories): what is past (last dose, previous period, onset, discharge), what
    # happened to the paperwork (notification, approval, denial, referral) and what comes after (follow-up).
    # A "first" or "initial" dose, visit or evaluation may be the very service requested: not claimed.
    _l("other:date", r"(?:prior|previous(?:ly)?|current|existing|original|initial|last|approved)\s*(?:approved\s*)?"
       r"(?:auth(?:orization)?\.?\s*|approval\s*|certification\s*|service\s*|treatment\s*)?(?:period|dates?)|"
       r"(?:last|previous|prior|most\s*recent)\s*(?:office\s*)?(?:dose|visit|seen|infusion|injection|fill|refill|"
       r"treatment|therapy|session|appointment|admission|hospitali[sz]ation|study|exam|imaging|surgery|procedure)"
       r"(?:\s*(?:date|on))?|date\s*of\s*(?:last|previous|prior|most\s*recent|original)\s*[a-z]+"
       r"(?:\s*(?:visit|dose|session|infusion))?", 0.9, column=True),
    # A service already given: "Last date of service", "Date first seen".
    _l("other:date", r"(?:last|previous|prior|most\s*recent|first|latest)\s*dates?\s*\(?s?\)?\s*of\s*service|"
       r"date\s*(?:first|last)\s*seen", 0.9, column=True),
    _l("other:date", r"(?:onset|injury|accident|illness|diagnosis|referral|notification|approval|approved|denial|"
       r"denied|determination|decision|effective|expiration|termination|completion|completed|review|discharge|"
       r"d/c|request)\s*date|date\s*of\s*(?:onset|injury|accident|current\s*illness|(?:initial\s*)?diagnosis|referral|"
       r"notification|approval|denial|determination|decision|discharge)|onset(?:\s*date)?|discharged|"
       r"(?:initial|original)\s*(?:diagnosis|dx|approval|authori[sz]ation|start)"
       r"(?:\s*date)?|(?:anticipated|expected|planned)\s*(?:d/c|discharge)(?:\s*date)?", 0.9, column=True),
    # The visits around a surgery are not the surgery: "Pre-op H&P", "Pre-operative evaluation is set for",
    # "PAT (pre-admission testing)", "the first post-operative visit is planned for"; nor is the emergency
    # department arrival before an admission, or the acute stay a post-acute request comes from.
    _l("other:date", r"(?:pre|post)[\s\-]*op(?:erative)?\.?\s*(?:evaluation|eval\.?|visit|appointment|appt\.?|"
       r"H\s*&\s*P|clearance|testing|labs?|follow[\s\-]*up|check)?(?:\s*(?:date|(?:is\s*)?(?:set|scheduled|planned|"
       r"booked)?\s*(?:for|on)))?|\bH\s*&\s*P(?:\s*date)?|pre[\s\-]*admission\s*testing|(?-i:\bPAT\b)|"
       r"arrived\s*(?:in|at)\s*(?:our|the)\s*(?:emergency|ED\b|ER\b)[^.;\n\d]{0,30}?\s*on|\bED\s*arrival(?:\s*date)?|"
       r"acute\s*(?:care\s*|hospital\s*)?admi(?:t|ssion)\s*(?:date|dt\b)|hospitali[sz]ed\b[^.;\n\d]{0,50}?\bsince|"
       r"original\s*(?:DOS\b|date\s*of\s*service|(?:surgery|procedure|service)\s*date)"
       r"(?:\s*\(\s*rescheduled\s*\))?", 0.9, column=True),
    # A note's signature line: "Electronically signed by Jane Roe, MD on Nov 15, 2026".
    _l("other:date", r"(?:signed|dictated|transcribed|authenticated|reviewed)\s*by\b[^\n\t]{0,60}?\bon", 0.9),
    # A table row naming the authorization already in force ("Current authorization | 20-MAY-2026 | ...").
    # Only where a row or cell begins: in prose "request prior authorization for ..." says nothing of a date.
    _l("other:date", r"(?<![^\t\n])(?:current|previous|prior|existing)\s*auth(?:orization)?(?!\s*(?:request|form|"
       r"number|#|no\b|id\b|ref|for\b))", 0.9),
    _l("other:date", r"(?:next|follow[\s\-]*up|return)\s*(?:visit|appointment|appt\.?|date|review)|"
       r"(?:therapy|treatment|services?|care|infusions?)\s*(?:first\s*)?(?:began|started|initiated|commenced)"
       r"(?:\s*on)?|(?:was|were)\s*(?:last\s*)?(?:seen|admitted|discharged|started|approved|performed|treated)"
       r"(?:\s*on)?", 0.9),
)

LABEL_FIELDS = frozenset(label.field for label in LABELS)
