"""European datelines that carry a full date written day first (issue 9): "Wien, 14. Dezember
2021 –", "Paris, le 14 décembre 2021 -", "Madrid, 14 de diciembre de 2021 (EFE).-". The city
is the event's place and the date its day, as an English dateline's are, in every language
the month tables know. Every place, person and outlet here is invented."""

from __future__ import annotations

import datetime as dt

import pytest

from builder.extract.dateline import extract_dateline
from builder.extract.dates import find_date, parse_written_date

REFERENCE = dt.date(2026, 1, 10)


@pytest.mark.parametrize(("paragraph", "city", "date_text", "agency"), [
    ("Velmora, 14. Dezember 2021 – Der Gemeinderat hat beschlossen, die Brücke neu zu bauen.",
     "Velmora", "14. Dezember 2021", None),
    ("Ostrakan, le 14 décembre 2021 - Le conseil a décidé de reconstruire le pont.",
     "Ostrakan", "14 décembre 2021", None),
    ("Valdoria, 14 de diciembre de 2021 (EFE).- El consejo decidió reconstruir el puente.",
     "Valdoria", "14 de diciembre de 2021", "EFE"),
    ("Porto Velmo, 3 de maio de 2022 – O conselho decidiu reconstruir a ponte.",
     "Porto Velmo", "3 de maio de 2022", None),
    ("Zürichsee, 3. März 2022 – Der Rat hat beschlossen, die Brücke neu zu bauen.",
     "Zürichsee", "3. März 2022", None),
    ("VELMORA, 14. Dezember 2021 (dpa) - Der Gemeinderat hat beschlossen, neu zu bauen.",
     "Velmora", "14. Dezember 2021", "dpa"),
    ("Velmora, den 04.03.2021 – Der Gemeinderat hat beschlossen, die Brücke neu zu bauen.",
     "Velmora", "04.03.2021", None),
])
def test_a_day_first_dateline_gives_the_place_and_the_day(
        paragraph: str, city: str, date_text: str, agency: str | None) -> None:
    dateline = extract_dateline(paragraph)
    assert dateline is not None
    assert (dateline.city, dateline.date_text, dateline.agency) == (city, date_text, agency)
    assert paragraph[dateline.end:][0].isupper()  # the story starts after the dash
    written = parse_written_date(date_text)
    assert written is not None and written[0] is not None  # the year is written
    found = find_date(dateline.date_text, None, None, REFERENCE)
    assert found.date == dt.date(*written) and not found.review


def test_day_first_dates_are_read_in_the_month_tables_languages() -> None:
    assert parse_written_date("14. Dezember 2021") == (2021, 12, 14)
    assert parse_written_date("14 décembre 2021") == (2021, 12, 14)
    assert parse_written_date("14 de diciembre de 2021") == (2021, 12, 14)
    assert parse_written_date("14 dicembre 2021") == (2021, 12, 14)
    assert parse_written_date("04.03.2021") == (2021, 3, 4)  # dots: day first
    assert parse_written_date("31. Februar 2021") is None  # not a real day


def test_a_weekday_or_a_mixed_case_line_without_a_full_date_is_no_dateline() -> None:
    assert extract_dateline("Montag, 14. Dezember 2021 - Der Rat tagt wieder.") is None
    assert extract_dateline("Velmora, im Dezember – Der Rat tagt wieder.") is None
    assert extract_dateline("Velmora, 14. Dezember - Der Rat tagt wieder.") is None
