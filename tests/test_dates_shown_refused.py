"""Pages that show a date are not refused (issue 9, round three): a stamp whose day, month
and year stand apart by slashes or dashes ("29 / Dezember / 2022", "04-Mar-2021"); a blog's
list of recent posts that shows the story's headline with its date. Read from real files
with `read_seed`; every place, person and publication here is invented."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_dates_far_stamp import BODY, TITLE, read

from builder.extract.dates import PAGE_DATE
from builder.readers.text import _dates_in

MENU = "".join(f"{word}\n" for word in (
    "Startseite", "Nachrichten", "Velmora", "Ostrakan", "Sport", "Kultur", "Wetter",
    "Abonnieren", "Anmelden", "Suche"))


def test_a_date_set_apart_by_slashes_or_dashes_is_read(tmp_path: Path) -> None:
    assert _dates_in("29 / Dezember / 2022", True) == [(dt.date(2022, 12, 29), False)]
    assert _dates_in("Posted 04-Mar-2021", False) == [(dt.date(2021, 3, 4), False)]
    page = MENU + "\n" + TITLE + "von Ilse Varnholt\nKultur\n29 / Dezember / 2022\n\n" + BODY
    assert read(tmp_path, page).published == dt.date(2022, 12, 29)


def test_the_headline_in_a_list_of_posts_with_its_date_dates_the_story(
        tmp_path: Path) -> None:
    recent = ("Aktuelle Beiträge\n"
              "Velmora baut die alte Steinbrücke über die Ostra neu 12 Dezember, 2025\n"
              "Der Markt von Ostrakan 8 April, 2024\n"
              "Ein Fest in Velmora 7 April, 2024\n")
    page = MENU + "\n" + TITLE + BODY + "\nImpressum\n\n" + recent
    assert read(tmp_path, page).published == dt.date(2025, 12, 12)


def test_another_post_in_the_list_does_not_date_the_story(tmp_path: Path) -> None:
    recent = ("Aktuelle Beiträge\n"
              "Der Markt von Ostrakan 8 April, 2024\n"
              "Ein Fest in Velmora 7 April, 2024\n")
    page = MENU + "\n" + TITLE + BODY + "\nImpressum\n\n" + recent
    # Not the story's stamp: only the last resort's weak date, flagged for review.
    assert read(tmp_path, page).review == [PAGE_DATE]
