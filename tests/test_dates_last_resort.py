"""A page that shows a date is never refused for want of one (issue 9: "Refuse a seed only
when no date is on it at all"): a relative stamp in another language ("Publicado hace 3
horas", "vor 2 Tagen"), beside a byline or below a standfirst; and, when no stamp, told day,
comment or relative stamp dates the page, the date written nearest the headline anywhere
(the headline's own line, a teaser, a caption), flagged for review. Read from real files
with `read_seed`; every place, person and publication here is invented."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from test_dates_far_stamp import BODY, MENU, TITLE, read

from builder.extract.dates import (
    PAGE_DATE,
    RELATIVE_DATE,
    find_date,
    relative_in_english,
    resolve_relative,
)
from builder.model import Article, SeedError
from builder.readers.text import _date_span, _stamp_line

BODY_EN = (
    "The ferry between Velmora and Ostrakan sailed again on Tuesday morning after three days "
    "in port, the harbour office said in a short statement to the town council.\n\n"
    "Captain Ilse Varnholt said the crossing had been calm and that all forty passengers and "
    "their cars arrived on time, although the pier was still wet from the storm.\n\n"
    "The harbour office expects the winter timetable to run as planned for the rest of the "
    "season, with two crossings a day and a third on market days.\n")


@pytest.mark.parametrize(("stamp", "english"), [
    ("hace 3 horas", "3 hours ago"), ("Publicado hace un día", "1 days ago"),
    ("vor einer Stunde", "1 hours ago"), ("Publiziert vor 2 Tagen", "2 days ago"),
    ("il y a 3 jours", "3 days ago"), ("há 4 dias", "4 days ago"),
    ("3 ore fa", "3 hours ago"), ("2 uur geleden", "2 hours ago")])
def test_a_relative_stamp_in_another_language_reads_as_an_english_one(
        stamp: str, english: str) -> None:
    assert relative_in_english(stamp) == english
    reference = dt.date(2026, 3, 10)
    assert resolve_relative(stamp, reference) == resolve_relative(english, reference)


@pytest.mark.parametrize("text", ["vor dem Rathaus", "hace tiempo", "il y a des jours"])
def test_words_that_are_no_relative_stamp_are_not_read_as_one(text: str) -> None:
    assert relative_in_english(text) is None
    assert resolve_relative(text, dt.date(2026, 3, 10)) is None


def _saved_at(path: Path, moment: dt.datetime) -> None:
    stamp = moment.timestamp()
    os.utime(path, (stamp, stamp))


def _read_saved(tmp_path: Path, page: str) -> Article:
    """The page as a seed file saved at noon on 10 March 2026, read."""
    path = tmp_path / "seed.txt"
    path.write_text(page, encoding="utf-8")
    _saved_at(path, dt.datetime(2026, 3, 10, 12, 0))
    from builder.readers import read_seed

    return read_seed(path, 5_000_000)


def test_a_relative_stamp_beside_the_byline_dates_the_page(tmp_path: Path) -> None:
    page = (MENU + "\n¿Vuelve el ferry de Velmora a Ostrakan?\n\n"
            "Ana Quill | Publicado hace 3 horas\n\n" + BODY_EN)
    article = _read_saved(tmp_path, page)
    assert article.relative_stamp == "Publicado hace 3 horas"
    assert article.published == dt.date(2026, 3, 10)
    assert RELATIVE_DATE in article.review


def test_a_relative_stamp_below_a_standfirst_and_a_caption_dates_the_page(
        tmp_path: Path) -> None:
    page = (MENU + "\n" + TITLE +
            "Die Gemeinde sucht einen neuen Betreiber für die Fähre nach Ostrakan.\n"
            "Die alte Brücke im Winter.\n"
            "Velmora\n"
            "Ostrakan\n"
            "Bauen\n"
            "Ilse Varnholt | vor 2 Tagen\n\n" + BODY)
    article = _read_saved(tmp_path, page)
    assert article.relative_stamp == "vor 2 Tagen"
    assert article.published == dt.date(2026, 3, 8)


def test_a_date_only_in_a_teaser_dates_the_page_flagged(tmp_path: Path) -> None:
    teaser = ("Velmora opens its new market hall and other news of Friday, 6 May 2022 from "
              "the towns along the Ostra river and the coast\n")
    article = read(tmp_path, MENU + "\nVelmora ferry sails again after the storm\n\n"
                   + BODY_EN + "\nMore from the harbour\n\n" + teaser)
    assert article.published == dt.date(2022, 5, 6)
    assert article.review == [PAGE_DATE]
    assert "6 May 2022" in (article.date_evidence or "")
    found = find_date(None, article.published, article.date_evidence, dt.date(2026, 3, 10))
    assert found.date == dt.date(2022, 5, 6)


def test_the_date_nearest_the_headline_is_taken(tmp_path: Path) -> None:
    near = ("Velmora opens its market hall and other news of Friday, 6 May 2022 from the "
            "towns along the Ostra river\n")
    far = ("Velmora opens its library and other news of Monday, 2 May 2022 from the towns "
           "along the Ostra river\n")
    article = read(tmp_path, MENU + "\nVelmora ferry sails again after the storm\n\n" + BODY_EN
                   + "\nMore from the harbour\n\n" + near + "\nArchive\n\n" + far)
    assert article.published == dt.date(2022, 5, 6)
    assert article.review == [PAGE_DATE]


def test_a_page_with_no_date_at_all_is_still_refused(tmp_path: Path) -> None:
    article = read(tmp_path, MENU + "\nVelmora ferry sails again after the storm\n\n" + BODY_EN
                   + "\n© 2022 Velmora Harbour News\n")
    assert article.published is None
    with pytest.raises(SeedError, match="no date found"):
        find_date(None, article.published, article.date_evidence, dt.date(2026, 3, 10),
                  article.relative_stamp)


def test_a_span_of_two_dates_is_no_stamp(tmp_path: Path) -> None:
    # A span under the headline (an archive's captures, an exhibition's run: "09 Jan 2014 -
    # 01 Jan 2017") is no stamp; the post's own date under it is.
    assert _date_span("09 Jan 2014 - 01 Jan 2017")
    assert _date_span("3. März 2022 bis 5. März 2022")
    assert not _date_span("9. Dezember 2013")
    assert not _date_span("Posted 12 Mar 2022 - 14:00")
    assert _stamp_line("09 Jan 2014 - 01 Jan 2017", False) == []
    page = MENU + "\n" + TITLE + "09 Jan 2014 - 01 Jan 2017\n\n9. Dezember 2013\n\n" + BODY
    article = read(tmp_path, page)
    assert article.published == dt.date(2013, 12, 9)
