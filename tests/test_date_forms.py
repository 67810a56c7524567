"""The date fast path: the common written forms are read without dateparser, with exactly
the results dateparser gives (issue 11); anything else still goes to dateparser."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.extract import dates

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _forms(day: dt.date) -> list[str]:
    month = MONTHS[day.month - 1]
    short = SHORT[day.month - 1] if day.month != 9 or day.day % 2 else "Sept"
    return [
        f"{month} {day.day}", f"{month} {day.day}, {day.year}", f"{month} {day.day} {day.year}",
        f"{short}. {day.day}, {day.year}", f"{short} {day.day}", f"{short.upper()} {day.day}",
        f"{day.day} {month} {day.year}", f"{day.day} {short}", f"{day.day} {short}. {day.year}",
        f"{month} {day.day}th", f"{day.year}-{day.month:02d}-{day.day:02d}",
        f"{day.month}/{day.day}/{day.year}", f"{day.month:02d}/{day.day:02d}/{day.year}",
    ]


@settings(max_examples=150, deadline=None)
@given(st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31)))
def test_the_fast_path_agrees_with_dateparser(day: dt.date) -> None:
    for text in _forms(day):
        cleaned = text.replace("th", "") if text.endswith("th") else text
        fast = dates._parse_fast(cleaned)
        assert fast is not None, text
        assert fast == dates._parse_with_dateparser(cleaned), text
        assert dates.parse_written_date(text) == fast


@pytest.mark.parametrize("text", [
    "February 29", "Feb 29, 2024", "29 February 2023", "February 30", "13/12/2023",
    "2023-02-29", "Dec 32", "yesterday", "last week", "the 3rd of March 2022", "3 March, 2022",
])
def test_everything_else_reads_as_dateparser_reads_it(text: str) -> None:
    cleaned = text.replace("3rd", "3")
    assert dates.parse_written_date(text) == dates._parse_with_dateparser(cleaned)


def test_the_fast_path_reads_the_common_forms_alone() -> None:
    """These never reach dateparser."""
    for text, expected in [("December 17", (None, 12, 17)), ("Dec. 17, 2025", (2025, 12, 17)),
                           ("17 December 2025", (2025, 12, 17)), ("2025-12-17", (2025, 12, 17)),
                           ("12/17/2025", (2025, 12, 17)), ("Sept 3", (None, 9, 3))]:
        assert dates._parse_fast(text) == expected


def test_every_day_of_a_leap_year_agrees() -> None:
    start = dt.date(2024, 1, 1)
    for offset, form in itertools.product(range(0, 366, 7), range(3)):
        day = start + dt.timedelta(days=offset)
        text = _forms(day)[form]
        assert dates._parse_fast(text) == dates._parse_with_dateparser(text), text
