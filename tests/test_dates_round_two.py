"""Dates on pastes, round two (issue 9): stamps the reader missed on unseen pages. A numeric
date that ends a sentence ("Aktualisiert am 17.01.2021.") or is shown twice, glued
("19.11.202119.11.2021"); a day, a month's name and a two-digit year closing a stamp line
("Datum: 03.Mär.19"); a paragraph that opens with its date in brackets; the original stamp
above the headline rather than an update under it. Read from real files with `read_seed`;
every place, person and publication here is invented."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_dates_far_stamp import BODY, TITLE, read

from builder.readers.text import _dates_in, _stamp_line

MENU = "".join(f"{word}\n" for word in (
    "Startseite", "Nachrichten", "Velmora", "Ostrakan", "Sport", "Kultur", "Wetter",
    "Abonnieren", "Anmelden", "Suche"))


def test_a_numeric_date_that_ends_a_sentence_is_read(tmp_path: Path) -> None:
    assert _dates_in("Aktualisiert am 17.01.2021.", True) == [(dt.date(2021, 1, 17), True)]
    page = MENU + "\n" + TITLE + BODY + "\nAktualisiert am 17.01.2021.\n\nImpressum\n"
    assert read(tmp_path, page).published == dt.date(2021, 1, 17)


def test_a_version_number_is_still_no_date() -> None:
    assert _dates_in("Version 1.2.20. ist da", True) == []
    assert _dates_in("Adresse 10.1.20.5", True) == []


def test_a_stamp_shown_twice_and_glued_is_read(tmp_path: Path) -> None:
    assert _dates_in("15/01/201614/01/2016", True)[0] == (dt.date(2016, 1, 15), False)
    page = MENU + "\n" + TITLE + "19.11.202119.11.2021\n\n" + BODY
    assert read(tmp_path, page).published == dt.date(2021, 11, 19)


def test_a_two_digit_year_closing_a_stamp_line_is_read(tmp_path: Path) -> None:
    assert _dates_in("( Ostrakan, 14 Gennaio 20 )", True) == [(dt.date(2020, 1, 14), False)]
    # A count after a date-like run is no stamp: the line goes on.
    assert _dates_in("Am 14 Mai 20 Gäste aus Velmora", True) == []
    page = MENU + "\n" + TITLE + BODY.replace(
        "\n\n", "\n\nAutor: Ilse Varnholt, Datum: 03.Mär.19\n\n", 1)
    assert read(tmp_path, page).published == dt.date(2019, 3, 3)


def test_a_paragraph_opening_with_its_date_in_brackets_is_dated(tmp_path: Path) -> None:
    page = (MENU + "\n" + TITLE + "(21. November 2022) " + BODY.replace(
        "hatte.\n", "hatte. Die Bürger von Velmora hatten lange gestritten, und die "
        "Versammlung im Rathaus am Markt dauerte bis tief in die Nacht hinein.\n", 1))
    assert read(tmp_path, page).published == dt.date(2022, 11, 21)


def test_the_original_stamp_above_the_headline_beats_an_update_under_it(
        tmp_path: Path) -> None:
    page = (MENU + "Accueil | Par Ilse Varnholt | 30 septembre 2018\n" + TITLE
            + "Article mis à jour le 7 janvier 2020.\n\n" + BODY)
    article = read(tmp_path, page)
    assert article.published == dt.date(2018, 9, 30)
    # With no original shown, the update still dates the page.
    page = MENU + "\n" + TITLE + "Article mis à jour le 7 janvier 2020.\n\n" + BODY
    assert read(tmp_path, page).published == dt.date(2020, 1, 7)


LONG_OPENING = ("Velmora – Die Zusammenarbeit mit dem Brückenverband von Ostrakan stand im "
                "Mittelpunkt eines Treffens von Bürgermeisterin Ilse Varnholt mit dem "
                "Verbandschef heute im Rathaus. Im Besonderen ging es um die Arbeiten an den "
                "alten Brücken der Region, vor allem an der Ostra, und um die Kosten, die der "
                "Kreis und die Stadt gemeinsam tragen.\n\n")


def test_a_stamp_glued_to_a_long_first_paragraph_dates_it(tmp_path: Path) -> None:
    page = (MENU + "\n" + TITLE + "Pressemitteilung vom 25. Januar 2022 | " + LONG_OPENING
            + BODY)
    article = read(tmp_path, page)
    assert article.published == dt.date(2022, 1, 25)
    assert article.paragraphs[0].startswith("Pressemitteilung vom 25. Januar 2022 |")


def test_a_dateline_after_other_text_is_no_sentence_telling_of_a_day(tmp_path: Path) -> None:
    page = (MENU + "\n" + TITLE + "[Eilmeldung] VELMORA, 2. Dezember 2023 (dpa) — "
            + LONG_OPENING + BODY)
    assert read(tmp_path, page).published == dt.date(2023, 12, 2)


def test_a_date_between_a_label_and_its_author_is_a_stamp(tmp_path: Path) -> None:
    assert _stamp_line("Beitrag am 23. Januar 2020 von Ilse Varnholt", True) == [
        (dt.date(2020, 1, 23), False)]
    assert _stamp_line("Der Bericht vom 3. Mai 2020 über Velmora und Ostrakan", True) == []
    page = ("Beitrag am 23. Januar 2020 von Ilse Varnholt\n" + MENU + "\n" + TITLE + BODY)
    assert read(tmp_path, page).published == dt.date(2020, 1, 23)



def test_a_caption_closing_with_its_date_in_brackets_is_no_stamp(tmp_path: Path) -> None:
    page = (MENU + "Nachricht | 30.10.2021 Velmora / Ostrakan\n" + TITLE
            + "Ilse Varnholt über ihr Leben als Brückenbauerin in Velmora und in der "
            "Stadt Ostrakan (12.02.2021)\n\n" + BODY)
    assert read(tmp_path, page).published == dt.date(2021, 10, 30)


def test_a_day_first_stamp_shown_twice_and_glued_is_read_in_any_language(
        tmp_path: Path) -> None:
    # The month's name after the glued year may open with a letter outside ASCII ...
    assert _dates_in("29 décembre 202230 décembre 2022", True)[0] == (
        dt.date(2022, 12, 29), False)
    assert _dates_in("3. März 20214. März 2021", True)[0] == (dt.date(2021, 3, 3), False)
    # ... and the year glued to the next day is no "février 202013" (20 February 2013).
    assert _dates_in("12 février 202013 février 2020", True)[0] == (
        dt.date(2020, 2, 12), False)
    assert _dates_in("22 Dec 202022 Dec 2020", False)[0] == (dt.date(2020, 12, 22), False)
    page = (MENU + "\n" + TITLE + "Par Ilse Varnholt | 12 février 202013 février 2020 | "
            "Velmora\n\n" + BODY)
    assert read(tmp_path, page).published == dt.date(2020, 2, 12)


def test_markup_copies_of_a_stamp_shown_beside_it_give_way_to_the_written_stamp(
        tmp_path: Path) -> None:
    # A dump or a paste shows the hidden datetime values of a post's stamps (its last change
    # first, then its publication, to the second) glued to the stamp written for readers
    # (issue 9, brief D11; prompted by dev page nmb-media.de.ebay).
    line = "2025-08-29 14:15:57 2025-06-22 10:20:0022.06.2025 10:20"
    assert _dates_in(line, True) == [(dt.date(2025, 6, 22), False)]
    assert _dates_in("Velmora, 10:20:0022.06.2025", True) == [(dt.date(2025, 6, 22), False)]
    assert _dates_in("2025-06-22 10:20:00", True) == [(dt.date(2025, 6, 22), False)]
    page = MENU + "\n" + TITLE + "\nVelmora Bote\n" + line + "\n\n" + BODY
    assert read(tmp_path, page).published == dt.date(2025, 6, 22)
