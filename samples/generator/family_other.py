"""Template families of pages that are none of the clinical or request types ('other')."""

from __future__ import annotations

import datetime as dt
from random import Random

from samples.generator.data import Case
from samples.generator.document import KV, Doc, Gap, Style, Table, Text, Title, Truth
from samples.generator.wording import d, pick_date_style


def eob_statement(case: Case, rng: Random) -> Doc:
    """A plan's explanation of benefits to a member: past claims, amounts; not a request (type 'other')."""
    ds = pick_date_style(rng)
    rows = []
    for _ in range(rng.randint(2, 5)):
        day = case.signature_date - dt.timedelta(days=rng.randint(30, 300))
        billed = rng.randint(80, 2400)
        allowed = int(billed * rng.uniform(0.3, 0.8))
        rows.append((d(day, ds), rng.choice(("Office visit", "Laboratory", "Physical therapy", "X-ray",
                                             "Pharmacy", "Urgent care")),
                     f"${billed}.00", f"${allowed}.00", f"${int(allowed * 0.2)}.00"))
    claim = f"CLM{rng.randint(100000000, 999999999)}"
    blocks: list = [
        Title(case.plan.upper(), 13, "left"),
        Title("EXPLANATION OF BENEFITS - THIS IS NOT A BILL", 11, "left"),
        KV((("Member", case.full_name), ("Member ID", case.policy_printed), ("Claim number", claim),
            ("Statement date", d(case.signature_date, ds))), cols=2, keys=(None, "policy_id")),
        Table(("Date", "Service", "Amount billed", "Plan allowed", "You may owe"), tuple(rows),
              widths=(1.2, 2.0, 1.2, 1.2, 1.2), heading="Claims processed"),
        Text("Your deductible and out-of-pocket totals are shown on the back of this statement. Keep this "
             "statement for your records. If you disagree with how a claim was processed, you have 180 days "
             "to ask for a review."),
        Text(f"Questions? Call Member Services at {case.plan_phone}.", size=9),
    ]
    truth = Truth(policy_id=case.policy_id, patient_name=(case.first, case.last))
    return Doc("eob_statement", "other", Style("helvetica", 9.5), blocks, truth, [case.policy_printed, claim],
               title="Explanation of benefits")


def noise_page(case: Case, rng: Random) -> Doc:
    """A blank or smudged page (a separator or a misfed sheet): little or no legible text."""
    junk = "".join(rng.choice(" .,:;'`-~_|") for _ in range(rng.randint(0, 40)))
    blocks: list = [Gap(rng.randint(100, 500)), Text(junk or " ", size=8)]
    return Doc("noise_page", "other", Style("courier", 8), blocks, Truth(), [], title="Blank page")
