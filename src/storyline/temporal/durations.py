"""Durations and sets: "three weeks" P3W, "a minute and a half" PT1M30S, "every week" XXXX-WXX.

Durations need no anchor: the amount times the unit, a fraction written in the next smaller unit
(``_SMALLER_UNIT``), decades and centuries as years. Sets are TimeML's recurring times ("daily",
"each July", "every other week", "twice a week").
"""

from __future__ import annotations

import re

from storyline.temporal.finder import time_words
from storyline.temporal.groups import fmt_number, month_number, number, unit_spec, weekday_number


def duration(g, anchor, tense, state, cand):
    if "units" in g:
        letter, is_time, _ = unit_spec(g["units"])
        return f"PTX{letter}" if is_time else f"PX{letter}"
    letter, is_time, factor = unit_spec(g["unit"])
    if "half" in g:  # "half an hour"
        n: float | None = 0.5
    elif "n" not in g:  # "year-long"
        n = 1.0
    elif "n2" in g:
        n = number(g["n2"])
    else:
        n = number(g["n"])
    if n is not None and g.get("n", "").lower() in ("a", "an") and letter == "S":
        return None  # "a second time"
    text = cand.text.lower()
    if re.search(r"\w-quarters\b", text):
        return None  # "three-quarters of the vote" is a fraction
    if n is not None and re.search(r"and a half|and one-half| 1/2|½", text):
        n += 0.5
    if n is not None and n != 1 and letter in ("E", "C"):
        # "two decades": TimeBank writes P20Y; "a decade" P1E (TimeML's unit, as HeidelTime; 1 of 1)
        n, letter = n * (10 if letter == "E" else 100), "Y"
    if n is not None and n * factor != int(n * factor) and (letter, is_time) in _SMALLER_UNIT:
        # "a minute and a half" PT1M30S (TimeBank), "a day and a half" P1DT12H, "a quarter hour"
        # PT15M: the fraction in the next smaller unit
        whole = int(n * factor)
        per, small = _SMALLER_UNIT[letter, is_time]
        part = round((n * factor - whole) * per)
        head = f"{whole}{letter}" if whole else ""
        if is_time:
            return f"PT{head}{part}{small}"
        return f"P{head}{part}{small}" if small != "H" else f"P{head}T{part}H"
    amount = "X" if n is None else fmt_number(n * factor)
    return f"PT{amount}{letter}" if is_time else f"P{amount}{letter}"


# The next smaller unit, for fractions of a unit (TimeML writes no fractions where a smaller unit
# says it): years -> 12 months ("2 1/2 years" P2Y6M, TimeBank 1 of 1), days -> 24 hours, hours
# -> 60 minutes, minutes -> 60 seconds.
_SMALLER_UNIT = {
    ("Y", False): (12, "M"),
    ("D", False): (24, "H"),
    ("H", True): (60, "M"),
    ("M", True): (60, "S"),
}


def set_norm(g, anchor, tense, state, cand):
    every = g.get("every", "").lower()
    if every:
        return {
            "daily": "XXXX-XX-XX",
            "nightly": "XXXX-XX-XXTNI",
            "weekly": "XXXX-WXX",
            "monthly": "XXXX-XX",
            "quarterly": "XXXX-QX",
            "annually": "XXXX",
            "yearly": "XXXX",
            "hourly": "PT1H",
        }[every]
    if "m" in g:  # "each July"
        return f"XXXX-{month_number(g['m']):02d}"
    if "s" in g:  # "each spring"
        return f"XXXX-{time_words()['seasons'][g['s'].lower()]}"
    if "pod" in g and "wd" not in g:  # "every morning"
        return f"XXXX-XX-XXT{time_words()['parts_of_day'][g['pod'].lower()]}"
    if "other" in g:  # "every other week" P2W, "every few years" PXY
        letter, is_time, factor = unit_spec(g["unit"])
        amount = "X" if g["other"].lower() in ("few", "several") else fmt_number(2 * factor)
        return f"PT{amount}{letter}" if is_time else f"P{amount}{letter}"
    if "wd" in g:
        pod = time_words()["parts_of_day"].get(g.get("pod", "").lower().rstrip("s"))
        value = f"XXXX-WXX-{weekday_number(g['wd'])}"
        return f"{value}T{pod}" if pod else value
    letter, is_time, factor = unit_spec(g["unit"])
    n = number(g["n"]) if "n" in g else 1.0  # "twice a week": once a week, twice (P1W)
    amount = "X" if n is None else fmt_number(n * factor)
    return f"PT{amount}{letter}" if is_time else f"P{amount}{letter}"
