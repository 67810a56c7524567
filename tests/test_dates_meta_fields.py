"""A meta line of fields parted by bars, bullets or an icon font's glyphs ("30 Min. | normal |
10.10.2006 | 4512 kcal", a recipe's time, difficulty, date and energy) holds the page's
stamp when one of its fields is only a date (issue 9: a page that shows its date is dated by
it, not by its readers' comments). Read from real files with `read_seed`; every place,
person and publication here is invented."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_dates_far_stamp import MENU, read

from builder.extract.dates import COMMENT_DATE
from builder.readers.text import _stamp_line

#: As a text browser dumps a recipe's meta line: each value after its icon's glyph (the
#: Private Use Area characters of an icon font).
ICON_LINE = "\ue192 45 Min. \ue202 normal \ue916 12.03.2024 \ue26a 3120 kcal"

RECIPE = (
    "Velmorer Mandelkuchen mit Ostrakan-Honig\n\n"
    "Den Ofen auf 180 Grad vorheizen und eine Springform mit Butter ausstreichen, dann die "
    "Mandeln in einer Pfanne ohne Fett goldbraun rösten und abkühlen lassen.\n\n"
    "Butter, Zucker und Honig schaumig rühren, die Eier einzeln unterrühren und zuletzt Mehl, "
    "Backpulver und die gerösteten Mandeln unterheben, bis ein glatter Teig entsteht.\n\n"
    "Den Teig in die Form füllen und etwa vierzig Minuten backen; der Kuchen ist fertig, wenn "
    "an einem Holzstäbchen kein Teig mehr haftet.\n\n"
    "3 Kommentare\n\n"
    "Ilse Varnholt\n\n"
    "07.04.2025 21:50\n\n"
    "Sehr lecker, ich habe etwas weniger Zucker genommen.\n\n")


def test_a_field_that_is_only_a_date_makes_the_line_a_stamp() -> None:
    assert _stamp_line(ICON_LINE, True) == [(dt.date(2024, 3, 12), False)]
    assert _stamp_line("45 Min. | normal | 12.03.2024 | 3120 kcal", True) == [
        (dt.date(2024, 3, 12), False)]


def test_a_field_that_tells_of_a_date_among_words_is_no_stamp() -> None:
    assert _stamp_line("Velmora Stadtfest | Markt ab dem 12.03.2024 am Hafen | Eintritt "
                       "frei", True) == []


def test_the_recipe_meta_line_dates_the_page_not_the_first_comment(tmp_path: Path) -> None:
    article = read(tmp_path, ICON_LINE + "\n\n" + MENU + "\n" + RECIPE)
    assert article.published == dt.date(2024, 3, 12)
    assert COMMENT_DATE not in article.review
