"""Held out: an unrelated vendor letter that reached the fax line."""

from __future__ import annotations

from random import Random

from samples.generator.data import Case
from samples.generator.document import KV, Doc, Gap, Rule, Style, Text, Truth
from samples.generator.wording import d, pick_date_style

_VENDORS = ("Brightline Office Supply Co.", "Keystone Document Shredding", "Harbor Linen & Uniform",
            "Apex Copier Leasing", "Northwind Janitorial Services", "Tallgrass IT Solutions")
_LETTER_TOPICS = (
    ("Service agreement renewal",
     "Our records show that your service agreement renews on the first of next month. The renewal keeps your "
     "current pricing for twelve months and adds quarterly maintenance visits at no charge.",
     "If you would like to change the schedule or the number of units covered, reply to this letter or call "
     "our customer care line. No action is needed to continue service."),
    ("Change of delivery schedule",
     "Beginning next week, deliveries to your building will arrive on Tuesdays and Fridays between 8 and 11 "
     "in the morning. This change lets our drivers serve your area more reliably.",
     "Standing orders continue unchanged. Please make sure the loading dock is accessible during these hours."),
    ("Past-due invoice reminder",
     "This is a courtesy reminder that the invoice listed below remains open. We understand that payments "
     "sometimes cross in the mail; if you have already paid, please disregard this notice.",
     "Payment may be made by check, ACH transfer or card through our customer portal."),
    ("Holiday office closure",
     "Please note that our offices and warehouse will be closed for the upcoming holiday. Orders placed during "
     "the closure will ship on the next business day.",
     "Thank you for your continued business. We look forward to serving you in the new year."),
)


def business_letter(case: Case, rng: Random) -> Doc:
    """An unrelated vendor letter that reached the fax line: no patient, no request."""
    ds = pick_date_style(rng)
    vendor = rng.choice(_VENDORS)
    subject, para1, para2 = rng.choice(_LETTER_TOPICS)
    account = f"{rng.randint(100, 999)}-{rng.randint(10000, 99999)}"
    blocks: list = [
        Text(vendor, bold=True, size=14),
        Text(f"{rng.randint(100, 9999)} Commerce Dr, Suite {rng.randint(100, 400)}   "
             f"Customer care {case.plan_phone}", size=8.5),
        Rule(),
        Text(d(case.signature_date, ds)),
        Gap(4),
        Text(f"Accounts Payable\n{case.requesting.practice}\n{case.requesting.street}\n"
             f"{case.requesting.city}, {case.requesting.state} {case.requesting.zip}"),
        Gap(4),
        Text(f"Subject: {subject} - Account {account}", bold=True),
        Text("Dear Customer,"),
        Text(para1),
        Text(para2),
        KV((("Account", account), ("Invoice", f"INV-{rng.randint(100000, 999999)}"),
            ("Amount", f"${rng.randint(40, 2400)}.{rng.randint(0, 99):02d}")), cols=1),
        Text(f"Sincerely,\n\n{rng.choice(('Dana', 'Morgan', 'Lee', 'Casey'))} "
             f"{rng.choice(('Whitfield', 'Navarro', 'Prescott', 'Hale'))}\nCustomer Accounts, {vendor}"),
    ]
    return Doc("business_letter", "other", Style("times", 11), blocks, Truth(), [account],
               title="Business letter")


