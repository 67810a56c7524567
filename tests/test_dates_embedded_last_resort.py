"""A page whose only dates are the signatures of the posts it embeds is dated by them, and
flagged (issue 9: "Refuse a seed only when no date is on it at all"): the latest signature's
day (a story quotes posts already written), with a review item and a `date_from` that say
the day came from an embedded post. A page with a stamp of its own still takes the stamp;
a copyright year alone gives no day. Read from real files with `read_seed` and built into
an event's date with `extract_article`; every place, person and publication here is
invented."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_dates_far_stamp import MENU, read

from builder.extract import extract_article
from builder.extract.dates import EMBED_DATE, PAGE_DATE
from builder.model import SeedError
from builder.readers.text import _dates_in

TITLE = "Velmora's new ferry slogan has Ostrakan laughing\n\n"

BODY = (
    "The tourism board of Velmora unveiled its new slogan for the ferry to Ostrakan on "
    "Monday, and within hours the islanders had turned it into a running joke online.\n\n"
    "“Sail with us. We’re on it,” the board wrote beside a picture of the old ferry, which "
    "ran aground twice last winter and missed most of its crossings in the storms.\n\n"
    "Many Ostrakan residents answered with pictures of their own boats, and several asked "
    "whether the board had seen the timetable at all.\n\n")

TWEETS = (
    "we're on it. on the rocks, mostly.\n\n"
    "— Ilse Varnholt (@ivarnholt) March 3, 2026\n\n"
    "The board did not answer, but its chairman, Dr Tomas Quillan, defended the slogan.\n\n"
    "The whole point is that people are talking about the ferry again.\n\n"
    "— Velmora Tourism (@visitvelmora) March 4, 2026\n\n"
    "Older islanders remembered an earlier campaign that went the same way.\n\n"
    "remember 'Ferry Good'? we do.\n\n"
    "— Ostrakan Harbour Cats (@ostrakancats) March 3, 2026\n\n")

FOOTER = "\n© 2026 Velmora Evening Star. All rights reserved.\n" + MENU


def _event_date(tmp_path: Path, page: str) -> tuple[dt.date, str, list[str]]:
    """The day the event takes, where it came from (`date_from`) and its review items."""
    article = read(tmp_path, page)
    extract_article(article, dt.date(2026, 6, 1), {}, {})
    assert article.date is not None
    return article.date, article.date_from or "", article.review


def test_a_page_dated_only_by_embedded_posts_takes_the_latest_flagged(tmp_path: Path) -> None:
    page = MENU + "\n" + TITLE + BODY + TWEETS + FOOTER
    day, date_from, review = _event_date(tmp_path, page)
    assert day == dt.date(2026, 3, 4)
    assert EMBED_DATE in review
    assert "embedded post" in date_from and "@visitvelmora" in date_from


def test_one_embedded_post_dates_the_page(tmp_path: Path) -> None:
    page = (MENU + "\n" + TITLE + BODY + "we're on it. on the rocks, mostly.\n\n"
            "— Ilse Varnholt (@ivarnholt) March 3, 2026\n\n" + FOOTER)
    day, date_from, review = _event_date(tmp_path, page)
    assert day == dt.date(2026, 3, 3)
    assert review == [EMBED_DATE]
    assert date_from.startswith("an embedded post")


def test_a_pages_own_stamp_is_taken_not_the_embedded_posts(tmp_path: Path) -> None:
    page = (MENU + "\n" + TITLE + "By Ada Quill | March 5, 2026\n\n" + BODY + TWEETS
            + FOOTER)
    day, date_from, review = _event_date(tmp_path, page)
    assert day == dt.date(2026, 3, 5)
    assert EMBED_DATE not in review and review == []
    assert "embedded" not in date_from


def test_a_date_elsewhere_on_the_page_is_taken_before_an_embedded_post(
        tmp_path: Path) -> None:
    page = (MENU + "\n" + TITLE + BODY + TWEETS
            + "Older stories: the ferry timetable of 12 January 2026 and other news\n\n"
            + FOOTER)
    day, _, review = _event_date(tmp_path, page)
    assert day == dt.date(2026, 1, 12)
    assert review == [PAGE_DATE]


def test_an_instagram_and_a_facebook_post_date_the_page_too(tmp_path: Path) -> None:
    page = (MENU + "\n" + TITLE + BODY
            + "A post shared by Ada Quill (@ada.quill) on Feb 27, 2026 at 7:30am PST\n\n"
            + "Posted by Ostrakan Ferry Friends on Saturday, February 28, 2026\n\n" + FOOTER)
    day, _, review = _event_date(tmp_path, page)
    assert day == dt.date(2026, 2, 28)
    assert review == [EMBED_DATE]


def test_a_copyright_year_alone_gives_no_day(tmp_path: Path) -> None:
    page = MENU + "\n" + TITLE + BODY + FOOTER
    article = read(tmp_path, page)
    assert article.published is None
    with pytest.raises(SeedError, match="no date found"):
        extract_article(article, dt.date(2026, 6, 1), {}, {})


def test_the_signature_dates_are_read_apart_from_the_lines_other_dates() -> None:
    from builder.readers.text import _embedded_post_dates

    line = "— Ilse Varnholt (@ivarnholt) March 3, 2026"
    assert _dates_in(line, False) == []
    assert _embedded_post_dates(line, False) == [dt.date(2026, 3, 3)]
    # A stamp is no signature: it stays a date of the line, and no embedded post's.
    assert _embedded_post_dates("By Ada Quill | March 5, 2026", False) == []
    assert _embedded_post_dates("Posted by Ilse Varnholt on Monday, February 7, 2022 | 3 "
                                "Comments", False) == []
