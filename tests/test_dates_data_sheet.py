"""A data sheet's date is the described item's, not the page's stamp (issue 9, round four):
a book review lists the book's publisher, pages and release date ("Erscheinungsdatum:
14.08.2027"); when a label of the sheet is taken for the headline, that date stands where a
stamp would. The page's own stamp elsewhere dates the story; with no other stamp on the
page, the sheet's date still does (a page that shows a date is not refused), and a post's
own meta lines ("Autor: ...", "Datum: ...", "Kategorie: ...") are no data sheet. Read from
real files with `read_seed`; every place, person and publication here is invented."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_dates_far_stamp import BODY, MENU, read

SHEET = ("Buchinfos:\n"
         "Seiten: 448\n"
         "Format: Broschur\n"
         "Verlag: Ostrakan Verlag\n"
         "Übersetzer: Ilse Varnholt\n"
         "Erscheinungsdatum: 14.08.2027\n"
         "Preis: 12,99 €\n\n"
         "Reihe: Die Brücken von Velmora\n\n")


def test_the_pages_stamp_not_the_books_release_date(tmp_path: Path) -> None:
    page = (MENU + "\nSamstag, 9. September 2027\n"
            "[Rezension] Die Brücken von Velmora von Ada Quill\n\n" + SHEET + BODY)
    assert read(tmp_path, page).published == dt.date(2027, 9, 9)


def test_with_no_other_stamp_the_sheets_date_is_read(tmp_path: Path) -> None:
    page = MENU + "\n[Rezension] Die Brücken von Velmora von Ada Quill\n\n" + SHEET + BODY
    assert read(tmp_path, page).published == dt.date(2027, 8, 14)


def test_a_posts_own_meta_lines_are_its_stamp(tmp_path: Path) -> None:
    meta = ("Autor: Ilse Varnholt\nDatum: 03.02.2027\nKategorie: Kultur\n"
            "Kommentare: 3\nLesezeit: 4 Minuten\n\n")
    page = (MENU + "\nSamstag, 9. September 2027\n\n"
            "Velmora baut die alte Steinbrücke über die Ostra neu\n\n" + meta + BODY)
    assert read(tmp_path, page).published == dt.date(2027, 2, 3)
