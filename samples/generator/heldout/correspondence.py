"""Held out: a level-1 provider appeal letter that always quotes the Reference ID."""

from __future__ import annotations

import datetime as dt
from random import Random

from samples.generator.data import Case
from samples.generator.document import KV, Doc, Gap, PageBreak, Style, Text, Title
from samples.generator.family_clinical import _codes_in_prose, _dx_in_prose, _letterhead
from samples.generator.wording import d, distinctive, pick_date_style, request_truth


def appeal_letter(case: Case, rng: Random) -> Doc:
    """A provider's appeal of a denied authorization; it always quotes the Reference ID."""
    ds = pick_date_style(rng)
    dob = d(case.dob, ds)
    rq = case.requesting
    denial = case.signature_date - dt.timedelta(days=rng.randint(5, 20))
    blocks: list = [
        *_letterhead(case),
        Text(d(case.signature_date, ds)),
        Text(f"Appeals Unit, {case.plan}\nFax {case.plan_fax}"),
        Gap(4),
        Title("REQUEST FOR RECONSIDERATION - LEVEL 1 PROVIDER APPEAL", 12, "left"),
        KV((("Member", case.full_name), ("Member ID", case.policy_printed), ("Date of Birth", dob),
            ("Authorization / Ref #", case.reference_id), ("Date of denial letter", d(denial, ds)),
            ("Requesting NPI", rq.npi)), cols=1, keys=(None, "policy_id")),
        Text(f"We appeal the denial of {_codes_in_prose(case)} for {case.first} {case.last}. The denial states "
             "that conservative treatment was not documented; the enclosed records document it in full."),
        Text(f"Diagnoses: {_dx_in_prose(case)}. The service is now scheduled for {d(case.service_date, ds)}."),
    ]
    if case.urgent:
        blocks.append(Text("We request an expedited appeal: the standard time frame could seriously jeopardize "
                           "the member's life or health."))
    blocks += [
        PageBreak(),
        Text("Summary of enclosed documentation:\n- Office notes (3 visits)\n- Imaging report\n"
             "- Physical therapy discharge summary\n- Medication history"),
        Text(f"Respectfully,\n{rq.name}\nNPI {rq.npi}"),
    ]
    truth = request_truth(case, reference=True, servicing=False)
    return Doc("appeal_letter", "appeal", Style("times", 11), blocks, truth,
               distinctive(case, dob, case.full_name, case.reference_id), title="Provider appeal")


