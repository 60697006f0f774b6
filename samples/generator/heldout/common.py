"""Wordings of the families written blind for the held-out split: date styles, label variants, names."""

from __future__ import annotations

import datetime as dt
from random import Random

from samples.generator.data import Case

# Date styles the tune families never print.
DATE_STYLES = ("long", "dd_mon_yyyy_title", "mdy", "mon_dot")


def fmt(day: dt.date, style: str) -> str:
    """`January 3, 2026`, `03-Jan-2026`, `01/03/2026` or `Jan. 3, 2026`."""
    if style == "long":
        return f"{day:%B} {day.day}, {day.year}"
    if style == "dd_mon_yyyy_title":
        return day.strftime("%d-%b-%Y")
    if style == "mon_dot":
        return f"{day:%b}. {day.day}, {day.year}" if day.month != 5 else f"May {day.day}, {day.year}"
    return day.strftime("%m/%d/%Y")


def initial(rng: Random) -> str:
    return rng.choice("ABCDEFGHJKLMNPRSTW")


def honorific(case: Case) -> str:
    return "Mr." if case.sex == "M" else "Ms."


def tax_id(rng: Random) -> str:
    return f"{rng.randint(10, 98)}-{rng.randint(1000000, 9999999)}"
