"""A publication stamp far from the headline (issue 9): when no date stands near the headline,
under the story or behind a label, the stamp line nearest the headline anywhere on the page
dates it ("Mi, 18. Oktober 2023 um 12:50 Uhr" twenty lines above it, among the menus); a line
that tells of a date ("Anlässlich des 11. September 2001") is no stamp. Read from real files
with `read_seed`; every place, person and publication here is invented."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from builder.extract.dates import PAGE_DATE
from builder.model import Article
from builder.readers import read_seed
from builder.readers.text import _stamp_line

MENU = "".join(f"{word}\n" for word in (
    "Startseite", "Nachrichten", "Velmora", "Ostrakan", "Sport", "Kultur", "Wetter",
    "Abonnieren", "Anmelden", "Suche", "Podcasts", "Newsletter", "Leserbriefe",
    "Veranstaltungen", "Archiv", "Impressum"))

BODY = (
    "Der Gemeinderat von Velmora hat am Dienstag beschlossen, die alte Steinbrücke über die "
    "Ostra neu zu bauen, nachdem der Streit zwischen den Anwohnern und der Baufirma mehr als "
    "drei Jahre gedauert hatte.\n\n"
    "Bürgermeisterin Ilse Varnholt sagte, die Arbeiten würden im Frühjahr beginnen und etwa "
    "zwei Jahre dauern; die Kosten tragen der Kreis und die Stadt gemeinsam.\n\n"
    "Die Anwohner des Brückenviertels hatten die Reparatur seit den Stürmen des letzten "
    "Winters verlangt, als ein Teil der Brüstung in den Fluss fiel und die Straße wochenlang "
    "gesperrt war.\n\n"
    "Die Ingenieure sagten, die neue Brücke werde einen Meter höher als die alte, und der "
    "Stein komme wie vor hundert Jahren aus den Brüchen über der Stadt.\n")

TITLE = "Velmora baut die alte Steinbrücke über die Ostra neu\n\n"


def read(tmp_path: Path, text: str) -> Article:
    path = tmp_path / "seed.txt"
    path.write_text(text, encoding="utf-8")
    return read_seed(path, 5_000_000)


def test_a_stamp_far_above_the_headline_dates_the_story(tmp_path: Path) -> None:
    page = "Mi, 18. Oktober 2023 um 12:50 Uhr\n" + MENU + "\n" + TITLE + BODY
    article = read(tmp_path, page)
    assert article.published == dt.date(2023, 10, 18)
    assert "18. Oktober 2023" in (article.date_evidence or "")


def test_the_stamp_nearest_the_headline_is_taken(tmp_path: Path) -> None:
    page = ("Abmelden 02.03.2021\n" + MENU + "Dezember 26, 2022 von Ilse Varnholt | "
            "3 Kommentare\n" + MENU + "\n" + TITLE + BODY)
    assert read(tmp_path, page).published == dt.date(2022, 12, 26)


def test_a_line_that_tells_of_a_date_is_no_stamp(tmp_path: Path) -> None:
    page = "Anlässlich des 11. September 2001\n" + MENU + "\n" + TITLE + BODY
    # Not the page's stamp: only the last resort's weak date, flagged for review.
    assert read(tmp_path, page).review == [PAGE_DATE]
    assert _stamp_line("Anlässlich des 11. September 2001", True) == []
    assert _stamp_line("13.\u20091.\u20092020", True) == [(dt.date(2020, 1, 13), False)]
    assert _stamp_line("Energie 12.12.2022, 08:30 Uhr", True) == [(dt.date(2022, 12, 12),
                                                                    False)]


STANDFIRST = ("Seit dem 1. Oktober 2022 fährt die Fähre nach Ostrakan nur noch zweimal am Tag, "
              "und die Gemeinde sucht nun einen neuen Betreiber\n\n")


def test_a_sentence_under_the_headline_that_tells_of_a_day_is_no_stamp(tmp_path: Path) -> None:
    page = MENU + "\n" + TITLE + STANDFIRST + BODY + "\n17.11.22\n\n" + MENU
    article = read(tmp_path, page)
    assert article.published == dt.date(2022, 11, 17)


def test_a_stamp_glued_to_the_end_of_a_standfirst_still_dates_it(tmp_path: Path) -> None:
    page = (MENU + "\n" + TITLE + STANDFIRST.rstrip() + "Montag, 6. März 2023\n\n" + BODY
            + "\n" + MENU)
    assert read(tmp_path, page).published == dt.date(2023, 3, 6)


def test_an_embedded_post_s_signature_does_not_date_the_page(tmp_path: Path) -> None:
    page = (MENU + "\n" + TITLE + "Die Brücke ist gesperrt, sagt die Bürgermeisterin.\n"
            "— Ilse Varnholt (@ivarnholt) May 2, 2023\n\n" + BODY + "\n04.05.23 14:50\n\n"
            + MENU)
    assert read(tmp_path, page).published == dt.date(2023, 5, 4)


def test_a_date_with_its_time_is_a_stamp_among_other_words(tmp_path: Path) -> None:
    line = "Radio Velmora - Der Brückenpodcast mit Ilse Varnholt - 18.03.2020 13:15 Uhr Autorin"
    assert _stamp_line(line, True) == [(dt.date(2020, 3, 18), False)]
    page = line + "\n" + MENU + "\n" + TITLE + BODY + "\n" + MENU
    assert read(tmp_path, page).published == dt.date(2020, 3, 18)
    # A year and the day after it are no date and time ("im Dezember 2022 15.11.2022").
    assert _stamp_line("Neue Tarife für die Fähre nach Ostrakan im Dezember 2022 15.11.2022",
                       True) == []


def test_a_long_stamp_line_with_a_time_still_dates_the_page(tmp_path: Path) -> None:
    line = ("Die alte Brücke von Velmora wurde am 19. Mai 2010 um 23:03 Uhr gepostet und unter "
            "Velmora, Ostrakan, Brücken abgelegt")
    page = line + "\n" + MENU + "\n" + TITLE + BODY + "\n" + MENU
    assert read(tmp_path, page).published == dt.date(2010, 5, 19)
