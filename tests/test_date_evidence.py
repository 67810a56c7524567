"""Publication dates of pasted pages read from the page's own evidence (issue 9): a numeric
date ("03/05/2022") read day first or month first from the page's language, spelling and
currency; month names of other languages written month first ("Dezember 26, 2019"); a stamp
with its time at the foot of the story; a date that opens the first paragraph; dots with a
space ("18. 05. 2014"). Read from real files with `read_seed`; every place, person and
publication here is invented."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from builder.model import Article
from builder.readers import read_seed

MENU = "Inicio\nNoticias\nDeportes\nCultura\n"

SPANISH = (
    "El consejo municipal de Valdoria aprobó el martes la reconstrucción del viejo puente de "
    "piedra sobre el río Ostra, después de una disputa que duró más de tres años entre los "
    "vecinos y la empresa que construyó la obra original.\n\n"
    "La alcaldesa Irene Montalbo dijo que las obras empezarán en la primavera y que durarán "
    "unos dos años, con un coste que pagará en parte la provincia y en parte la ciudad.\n\n"
    "Los vecinos del barrio del puente habían pedido las reparaciones desde las tormentas del "
    "invierno pasado, cuando una parte del pretil cayó al agua y el tráfico se cortó durante "
    "varias semanas en las dos orillas.\n\n"
    "Los ingenieros dijeron que el nuevo puente será un metro más alto que el antiguo, y que "
    "la piedra vendrá de las canteras de la sierra, como hace un siglo, cuando se levantó el "
    "primer puente sobre el río para unir los dos barrios de la ciudad.\n")

ENGLISH = (
    "The council of Port Veyra voted on Tuesday to rebuild the old sea wall at Ashmoor, ending "
    "a dispute that had lasted for more than three years between the residents and the firm "
    "that built the first wall, officials said.\n\n"
    "Port master Tomas Quennell said the work would begin in the spring and would last "
    "about two years, and that the {centre} of the quay would stay open to the ferries while "
    "the work goes on.\n\n"
    "Residents of the quay had asked for the repairs since the storms of the last winter, "
    "when part of the parapet fell into the bay and the road was closed for weeks.\n\n"
    "The engineers said the new wall would stand a {metre} higher than the old one, and that "
    "the stone would come from the quarries above Ashmoor, as it did a century ago.\n")


def read(tmp_path: Path, text: str) -> Article:
    path = tmp_path / "seed.txt"
    path.write_text(text, encoding="utf-8")
    return read_seed(path, 5_000_000)


def test_a_page_in_spanish_writes_the_day_first(tmp_path: Path) -> None:
    """A Spanish page's "03/05/2022" is 3 May: only American English writes the month
    first."""
    article = read(tmp_path, f"{MENU}\nValdoria reconstruirá su puente de piedra\n"
                             f"Por Lucía Ferrandel | 03/05/2022 20:36\n\n{SPANISH}")
    assert article.published == dt.date(2022, 5, 3)


@pytest.mark.parametrize(("centre", "metre", "want"), [
    ("centre", "metre", dt.date(2020, 10, 2)),
    ("center", "meter", dt.date(2020, 2, 10)),
])
def test_an_english_page_is_read_by_its_spelling(tmp_path: Path, centre: str, metre: str,
                                                   want: dt.date) -> None:
    """British spelling ("centre", "metre") reads "02/10/2020" as 2 October; American
    spelling as February 10."""
    body = ENGLISH.format(centre=centre, metre=metre)
    article = read(tmp_path, f"Home\nNews\n\nPort Veyra votes to rebuild its sea wall\n"
                             f"Veyra Courier 02/10/2020 Ann Roe\n\n{body}")
    assert article.published == want


def test_a_month_name_of_another_language_written_month_first(tmp_path: Path) -> None:
    """German blogs write "Dezember 26, 2019" as English ones write "December 26, 2019"."""
    article = read(tmp_path, f"{MENU}\nValdoria reconstruirá su puente de piedra\n"
                             f"Dezember 26, 2019 von Lucía\n\n{SPANISH}")
    assert article.published == dt.date(2019, 12, 26)


def test_a_stamp_with_its_time_at_the_foot_of_the_story(tmp_path: Path) -> None:
    """A stamp line with its time ("26 Jan, 2022 09:22 Uhr") at the foot of the story: the
    time is no words that make the line more than a stamp."""
    article = read(tmp_path, f"{MENU}\nValdoria reconstruirá su puente de piedra\n\n{SPANISH}"
                             "\n26 Jan, 2022 09:22 Uhr\nTeilen\nE-Mail\n")
    assert article.published == dt.date(2022, 1, 26)


def test_a_date_that_opens_the_first_paragraph(tmp_path: Path) -> None:
    """A date at the head of a long first paragraph ("Wien, 14. Dezember 2021 – ...") is the
    story's date, as a dateline's is."""
    first, rest = SPANISH.split("\n\n", 1)
    article = read(tmp_path, f"{MENU}\nValdoria reconstruirá su puente de piedra\n\n"
                             f"Valdoria, 14. Dezember 2021 – {first}\n\n{rest}")
    assert article.published == dt.date(2021, 12, 14)


def test_dots_with_a_space(tmp_path: Path) -> None:
    """"18. 05. 2014" (a space after each dot) is 18 May 2014."""
    article = read(tmp_path, f"{MENU}\nValdoria reconstruirá su puente de piedra\n"
                             f"18. 05. 2014 22:38\n\n{SPANISH}")
    assert article.published == dt.date(2014, 5, 18)


def test_a_foot_stamp_labelled_in_german(tmp_path: Path) -> None:
    """"Erschienen am 26. Jan 2022 im Format Aktuelles" under the story labels itself the
    stamp, as "Published on ..." does."""
    article = read(tmp_path, f"{MENU}\nValdoria reconstruirá su puente de piedra\n\n{SPANISH}"
                             "\nMehr Informationen finden Sie unter:\nwww.valdoria.example\n"
                             "Erschienen am 26. Jan 2022 im Format Aktuelles\n")
    assert article.published == dt.date(2022, 1, 26)
