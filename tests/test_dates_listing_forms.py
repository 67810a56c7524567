"""Two written forms of a date that a page may carry as its only stamp: a server listing's or
a mail client's, the time between the day and the year ("Jan 04 09:34 2021"), and a numeric
date parted by dashes with a four-digit year ("03-10-2004"). A page that shows only such a
date is dated by it, not refused (issue 9). Read from real files with `read_seed`; every
place, person and publication here is invented."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from builder.readers import read_seed
from builder.readers.text import _dates_in

BODY = (
    "Der Gemeinderat von Velmora hat am Dienstag beschlossen, die alte Steinbrücke über die "
    "Ostra neu zu bauen, nachdem der Streit zwischen den Anwohnern und der Baufirma mehr als "
    "drei Jahre gedauert hatte.\n\n"
    "Bürgermeisterin Ilse Varnholt sagte, die Arbeiten würden im Frühjahr beginnen und etwa "
    "zwei Jahre dauern; die Kosten tragen der Kreis und die Stadt gemeinsam.\n\n"
    "Die Anwohner des Brückenviertels hatten die Reparatur seit den Stürmen des letzten "
    "Winters verlangt, als ein Teil der Brüstung in den Fluss fiel.\n\n")


@pytest.mark.parametrize(("text", "day_first", "day"), [
    ("Jan 04 09:34 2021", False, dt.date(2021, 1, 4)),
    ("Tue Mar 3 14:02:11 2020", False, dt.date(2020, 3, 3)),
    ("Created 03-10-2004 2:20pm", False, dt.date(2004, 3, 10)),
    ("Created 03-10-2004 2:20pm", True, dt.date(2004, 10, 3)),
    ("Erstellt am 24-12-2019", False, dt.date(2019, 12, 24)),
])
def test_a_listing_stamp_or_a_dashed_date_is_read(text: str, day_first: bool,
                                                   day: dt.date) -> None:
    assert [date for date, _ in _dates_in(text, day_first)] == [day]


@pytest.mark.parametrize("text", ["Tel. 0761-12-2020", "Spiel 3-1-2020-Saison",
                                  "Ergebnis 12-15-20"])
def test_codes_spans_and_scores_are_no_dashed_date(text: str) -> None:
    assert _dates_in(text, False) == []


def test_a_page_whose_only_stamp_is_a_listing_stamp_is_dated_by_it(tmp_path: Path) -> None:
    page = "Velmora baut die alte Steinbrücke neu\n\nJan 04 09:34 2021\n\n" + BODY
    path = tmp_path / "seed.txt"
    path.write_text(page, encoding="utf-8")
    article = read_seed(path, 5_000_000)
    assert article.published == dt.date(2021, 1, 4)
