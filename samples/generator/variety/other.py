"""Pages that are none of the clinical or request types: statements, invoices, notices, office mail, junk."""

from __future__ import annotations

import datetime as dt
from random import Random

from samples.generator.data import Case
from samples.generator.variety.common import bullets, date, labelled, pick, some

_COMPANIES = (
    "Prairie Wind Medical Supply",
    "Clearpath Billing Partners",
    "Summit Waste Management",
    "Orchard Street Property Group",
    "Bluebird Staffing Solutions",
    "Ironwood Security Systems",
    "Riverbend Credit Union",
    "Maplecrest Insurance Agency",
    "Nimbus Cloud Telephony",
    "Coastal Courier Services",
    "Granite State Elevator Co.",
    "Tidewater Water & Coffee",
)


_EOB_SERVICES = ("Office visit", "Lab work", "Emergency room", "Therapy", "Imaging", "Prescription")


def _company_head(rng: Random) -> list[str]:
    company = pick(rng, _COMPANIES)
    return [
        company,
        f"{rng.randint(100, 9999)} {pick(rng, ('Commerce Dr', 'Industrial Pkwy', 'Main St', 'Suite 210'))}"
        f", {pick(rng, ('Dayton, OH', 'Boise, ID', 'Tulsa, OK', 'Akron, OH'))}",
    ]


def office_letter(case: Case, rng: Random) -> list[str]:
    """Mail to the practice that concerns no patient: vendors, landlords, banks, associations."""
    topic = pick(
        rng,
        (
            (
                "Notice of rent adjustment",
                "Under the terms of your lease, the monthly base rent for your suite will be "
                "adjusted at the start of the next lease year.",
                "Common area charges will be reconciled in March.",
            ),
            (
                "Product recall notice",
                "A component used in some units of the examination table model you purchased may "
                "wear prematurely. A technician will contact you to schedule a free inspection.",
                "Please keep using the table with the height lock engaged until the inspection.",
            ),
            (
                "Your statement is ready",
                "Your monthly account statement is available. Automatic payment is scheduled on the due date.",
                "Log in to online banking to view transactions.",
            ),
            (
                "Annual dues",
                "Thank you for being a member of our association. Your annual dues cover "
                "continuing education events and the quarterly journal.",
                "Renew by the end of the month to keep your listing in the directory.",
            ),
            (
                "Scheduled maintenance",
                "Our crew will service the building's elevators next Tuesday. One car will remain "
                "in service at all times.",
                "We apologize for any inconvenience.",
            ),
            (
                "Price update",
                "Due to increased freight costs, prices on selected paper products will change on the "
                "first of the month.",
                "Contract customers keep their pricing until their contract year ends.",
            ),
            (
                "Welcome to our service",
                "Thank you for choosing us for your telephone and internet service. Your installation is complete.",
                "Our support line is open around the clock.",
            ),
            (
                "Invitation",
                "You are invited to our regional open house featuring new equipment demonstrations and refreshments.",
                "Please reply by the date below so we can plan for your visit.",
            ),
            (
                "Account change confirmation",
                "As you asked, the mailing address on your business checking account has been updated. New "
                "checks will be printed with the address below.",
                "Please keep this letter for your records.",
            ),
        ),
    )
    lines = [*_company_head(rng), date(rng, case.signature_date)]
    if rng.random() < 0.7:
        lines += [
            pick(rng, ("Office Manager", "Accounts Payable", "Practice Administrator", "Dear Customer")),
            case.requesting.practice,
            f"{case.requesting.street}, {case.requesting.city}, {case.requesting.state}",
        ]
    if rng.random() < 0.6:
        lines.append(f"{pick(rng, ('Re:', 'Subject:', 'RE:'))} {topic[0]}")
    if rng.random() < 0.5:
        lines.append(
            f"{pick(rng, ('Account', 'Customer #', 'Invoice', 'Contract No.'))}: {rng.randint(100000, 9999999)}"
        )
    lines += [
        pick(
            rng,
            (
                "Dear Valued Customer,",
                "Dear Office Manager:",
                "Hello,",
                "Dear Tenant,",
                "Dear Member,",
                "Good afternoon,",
            ),
        ),
        topic[1],
        topic[2],
    ]
    lines += [
        pick(rng, ("Sincerely,", "Best regards,", "Thank you,", "Warm regards,")),
        pick(
            rng,
            (
                "Customer Care Team",
                "Dana Whitfield, Account Manager",
                "Property Management",
                "Member Services",
                "Service Department",
            ),
        ),
    ]
    return ["\n".join(lines)]


def invoice(case: Case, rng: Random) -> list[str]:
    """An invoice, remittance or statement of account from a vendor or a plan: amounts, not a request."""
    kind = pick(
        rng,
        (
            "INVOICE",
            "Statement of Account",
            "Remittance Advice",
            "Packing Slip",
            "Premium Notice",
            "Purchase Order",
            "Quote",
        ),
    )
    lines = [*_company_head(rng), kind]
    lines += labelled(
        rng,
        [
            (pick(rng, ("Invoice #", "Statement date", "PO #", "Check #", "Order #")), str(rng.randint(10000, 999999))),
            ("Date", date(rng, case.signature_date)),
            (pick(rng, ("Bill to", "Ship to", "Payee", "Customer")), case.requesting.practice),
            (
                pick(rng, ("Terms", "Due date", "Payment due")),
                pick(rng, ("Net 30", "Upon receipt", date(rng, case.service_date))),
            ),
        ],
    )
    items = some(
        rng,
        (
            "Copy paper, case",
            "Toner cartridge",
            "Exam table paper",
            "Nitrile gloves, box of 100",
            "Monthly service fee",
            "Shredding service",
            "Water delivery",
            "Software license",
            "Alarm monitoring",
            "Claim payment",
            "Adjustment",
            "Interest",
        ),
        2,
        6,
    )
    total = 0
    lines.append(pick(rng, ("Description  Qty  Unit price  Amount", "Item  Quantity  Total", "Line  Detail  Amount")))
    for item in items:
        qty, price = rng.randint(1, 12), rng.randint(5, 400)
        total += qty * price
        lines.append(f"{item}  {qty}  ${price}.00  ${qty * price}.00")
    lines.append(f"{pick(rng, ('Total due', 'Balance', 'TOTAL', 'Amount paid'))}: ${total}.00")
    lines.append(
        pick(
            rng,
            (
                "Please remit payment to the address above.",
                "Thank you for your business!",
                "Questions about this invoice? Call our billing office.",
                "Make checks payable to the company named above.",
            ),
        )
    )
    return ["\n".join(lines)]


def plan_statement(case: Case, rng: Random) -> list[str]:
    """A plan's mailing to a member or provider that is no request: EOB, ID card letter, bulletin, reminder."""
    kind = rng.randrange(5)
    head = [case.plan if rng.random() < 0.5 else case.plan.upper()]
    if kind == 0:
        rows = []
        for _ in range(rng.randint(2, 6)):
            day = case.signature_date - dt.timedelta(days=rng.randint(20, 300))
            billed = rng.randint(60, 3000)
            rows.append(
                f"{date(rng, day)}  {pick(rng, _EOB_SERVICES)}"
                f"  ${billed}.00  ${int(billed * 0.6)}.00  ${int(billed * 0.1)}.00"
            )
        body = [
            pick(
                rng, ("Explanation of Benefits", "Your Claims Summary", "Benefits Statement", "Member Claim Statement")
            ),
            pick(rng, ("This is not a bill.", "THIS IS NOT A BILL", "")),
            *labelled(
                rng,
                [
                    ("Member", case.full_name),
                    ("ID", case.policy_printed),
                    (
                        "Statement period",
                        f"{date(rng, case.signature_date - dt.timedelta(days=90))} - {date(rng, case.signature_date)}",
                    ),
                ],
            ),
            pick(
                rng,
                (
                    "Service date  Service  Billed  Allowed  Your share",
                    "Date  Description  Charges  Plan paid  You owe",
                ),
            ),
            *rows,
            pick(
                rng,
                (
                    "Deductible met to date: $" + str(rng.randint(100, 2000)),
                    "Out-of-pocket maximum remaining: $" + str(rng.randint(500, 6000)),
                ),
            ),
            "If you have questions about this statement, call the number on your ID card.",
        ]
    elif kind == 1:
        body = [
            pick(rng, ("Provider Bulletin", "Network News", "Provider Update", "Policy Update Notice")),
            date(rng, case.signature_date),
            pick(
                rng,
                (
                    "Changes to our code list take effect next quarter. Review the updated list on the "
                    "provider portal.",
                    "Reminder: submit claims within the timely filing limit.",
                    "Our provider services phone hours are changing.",
                    "New telehealth billing guidance is now available.",
                ),
            ),
            *bullets(
                rng,
                some(
                    rng,
                    (
                        "Portal maintenance this weekend",
                        "Updated fee schedule posted",
                        "Credentialing reminders",
                        "Flu season reminders",
                        "Quality program results",
                        "New network facilities",
                    ),
                    2,
                    4,
                ),
            ),
            "This bulletin is informational and does not change any member's benefits.",
        ]
    elif kind == 2:
        body = [
            pick(
                rng,
                (
                    "Welcome to your health plan!",
                    "Your new member ID card",
                    "Annual Notice of Changes",
                    "Important information about your coverage",
                ),
            ),
            f"Dear {case.first},",
            pick(
                rng,
                (
                    "Your new ID card is enclosed. Please show it at every visit.",
                    "Your premium for next year is listed below.",
                    "Here is what changes in your plan next year.",
                ),
            ),
            pick(
                rng,
                (
                    "Keep this letter for your records.",
                    "Visit our website to find a doctor.",
                    "Sign up for paperless statements online.",
                ),
            ),
            "Member Services",
        ]
    elif kind == 3:
        body = [
            "Appointment Reminder",
            f"Dear {case.first} {case.last},",
            f"This is a reminder of your appointment on {date(rng, case.service_date)} at "
            f"{rng.randint(8, 16)}:{pick(rng, ('00', '15', '30', '45'))}.",
            "Please arrive 15 minutes early and bring your insurance card and a photo ID.",
            "To cancel or reschedule, call at least 24 hours in advance.",
            case.requesting.practice,
        ]
    else:
        body = [
            "Patient Satisfaction Survey",
            "How did we do? Please rate your recent visit.",
            *[
                f"{q}  1  2  3  4  5"
                for q in some(
                    rng,
                    (
                        "Ease of scheduling",
                        "Wait time",
                        "Courtesy of staff",
                        "Explanation of care",
                        "Cleanliness",
                        "Likelihood to recommend",
                    ),
                    3,
                    6,
                )
            ],
            "Comments: ____________",
            "Return in the enclosed envelope. Thank you!",
        ]
    return ["\n".join(head + body)]


def fax_report(case: Case, rng: Random) -> list[str]:
    """A fax machine's transmission report, a separator sheet, or a page that says it is blank."""
    kind = rng.randrange(4)
    if kind == 0:
        lines = [
            pick(
                rng,
                ("TRANSMISSION VERIFICATION REPORT", "Fax Confirmation", "COMMUNICATION RESULT REPORT", "TX REPORT"),
            ),
            f"TIME: {case.fax.sent:%m/%d/%Y %H:%M}",
            f"NAME: {case.fax.sender_name}",
            f"FAX: {case.fax.from_number}",
            "DATE,TIME  FAX NO./NAME  DURATION  PAGE(S)  RESULT  MODE",
            f"{case.fax.sent:%m/%d %H:%M}  {case.fax.to_number}  00:0{rng.randint(1, 9)}:{rng.randint(10, 59)}"
            f"  {rng.randint(1, 20):02d}  {pick(rng, ('OK', 'OK', 'BUSY', 'NG'))}  {pick(rng, ('FINE', 'ECM'))}",
        ]
    elif kind == 1:
        lines = [
            pick(
                rng,
                (
                    "This page intentionally left blank.",
                    "THIS PAGE INTENTIONALLY LEFT BLANK",
                    "[This page left blank]",
                    "Page intentionally blank",
                ),
            )
        ]
    elif kind == 2:
        lines = [
            pick(rng, ("SEPARATOR SHEET", "Batch separator", "BATCH HEADER", "Scan separator - do not remove")),
            f"Batch {rng.randint(1000, 9999)}  Operator {pick(rng, ('JL', 'MK', 'AP', 'TR'))}",
            f"{date(rng, case.signature_date)}",
        ]
    else:
        junk = "".join(rng.choice(" .,:;'`-~_|il1!") for _ in range(rng.randint(20, 160)))
        lines = [junk[i : i + 30] for i in range(0, len(junk), 30)]
    return ["\n".join(lines)]


def office_memo(case: Case, rng: Random) -> list[str]:
    """Internal office paper that got faxed along: staff memo, schedule, directions, menu, sign-in sheet."""
    kind = rng.randrange(4)
    if kind == 0:
        lines = [
            "MEMO",
            "To: All staff",
            f"From: {pick(rng, ('Practice Administrator', 'HR', 'IT Support'))}",
            f"Date: {date(rng, case.signature_date)}",
            f"Subject: {pick(rng, ('Vacation requests', 'Parking', 'Password reset', 'Fire drill', 'Break room'))}",
            pick(
                rng,
                (
                    "Please review the attached schedule and sign up for coverage shifts.",
                    "Starting Monday, staff must park in the rear lot.",
                    "All workstation passwords must be changed by Friday.",
                    "A fire drill is scheduled this week; follow the posted exit routes.",
                    "Please label your food and clean the refrigerator on Fridays.",
                ),
            ),
        ]
    elif kind == 1:
        days = ("Mon", "Tue", "Wed", "Thu", "Fri")
        lines = [pick(rng, ("Staff Schedule", "On-call Calendar", "Front Desk Coverage"))]
        lines += [f"{d}  {pick(rng, ('Anna', 'Luis', 'Kim', 'Raj', 'Beth'))}  8-5" for d in days]
    elif kind == 2:
        lines = [
            "Directions to our office",
            pick(
                rng,
                (
                    "From the north: take Route 9 south, exit 14, turn left.",
                    "From downtown: follow Main St east 2 miles.",
                ),
            ),
            "Parking is free in the garage on level 2.",
            "Our suite is on the third floor next to the elevator.",
        ]
    else:
        lines = [
            pick(rng, ("Continuing Education Seminar", "Lunch & Learn", "Quarterly Staff Meeting Agenda")),
            *bullets(
                rng,
                some(
                    rng,
                    (
                        "Welcome and introductions",
                        "Billing updates",
                        "Coding refresher",
                        "Patient experience scores",
                        "Open discussion",
                        "Lunch provided",
                    ),
                    3,
                    5,
                ),
            ),
            f"{date(rng, case.service_date)}, {rng.randint(11, 13)}:00, Conference Room B",
        ]
    return ["\n".join(lines)]
