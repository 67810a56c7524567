"""How a page writes its numeric dates (day first or month first) is weighed from the page's
own evidence; an American agency's caption shown twice, or a date repeated in every caption
of a gallery, is one piece of evidence, not one per copy, so that a British page's
"02/10/2025" stamp reads 2 October. Read from real files with `read_seed`; every place,
person and publication here is invented."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from builder.readers import read_seed
from builder.readers.text import _day_first

CAPTION = ("OSTRAKAN (BRITAIN), Sept. 29, 2025 -- Students walk past the halls of residence at "
           "Velmora University in Ostrakan on Sept. 29, 2025. (Photo by Ilse Varnholt/Agency)")

BODY = (
    "Students at Velmora University have organised a protest outside the sports centre after "
    "the university told three halls of residence to isolate for a fortnight.\n\n"
    "The students' union said the new programme of online teaching had been announced with "
    "less than a day's notice, and that many students had travelled home before the rule "
    "came in.\n\n"
    "A spokesperson for the university said the decision had been taken on the advice of the "
    "town's health board, and that the colour-coded alert level would be reviewed weekly.\n\n")


def _page(captions: int) -> str:
    gallery = "".join(f"{CAPTION} {CAPTION}\n\n" for _ in range(captions))
    return ("Velmora students protest as halls told to isolate\n\n"
            "The Ostrakan Courier 02/10/2025 Ilse Varnholt\n\n" + BODY + gallery
            + "Caption: Students outside the halls on September 28, 2025.\n")


def test_a_caption_shown_twice_counts_once_for_how_the_page_writes_dates(
        tmp_path: Path) -> None:
    # Four British spellings (organised, centre, programme, colour) against three distinct
    # American dates written seven times over.
    page = _page(captions=3)
    assert _day_first(page)
    path = tmp_path / "seed.txt"
    path.write_text(page, encoding="utf-8")
    article = read_seed(path, 5_000_000)
    assert article.published == dt.date(2025, 10, 2)


def test_distinct_american_dates_still_outweigh_a_few_british_spellings() -> None:
    page = _page(captions=0) + "".join(
        f"Pictured on October {day}, 2025 at the pier.\n\n" for day in range(1, 7))
    assert not _day_first(page)
