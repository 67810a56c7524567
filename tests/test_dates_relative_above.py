"""A relative stamp set just above the headline, under the section's name ("Earnings /
Published 1 day ago / <headline>"), dates the page, flagged, instead of the page being
refused "no date found" (issue 9: "Refuse a seed only when no date is on it at all"). A
full date still comes first. Read from real files with `read_seed`, saved at a known time;
every place, person and publication here is invented."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_dates_last_resort import BODY_EN, _read_saved

from builder.extract.dates import RELATIVE_DATE

MENU = "".join(f"{word}\n" for word in (
    "Home", "News", "Velmora", "Ostrakan", "Markets", "Weather", "Subscribe", "Sign in"))
HEADLINE = "Velmora ferry resumes crossings to Ostrakan after the storm\n\n"


def test_a_relative_stamp_above_the_headline_dates_the_page(tmp_path: Path) -> None:
    page = MENU + "\nHarbour news\nPublished 1 day ago\n\n" + HEADLINE + BODY_EN
    article = _read_saved(tmp_path, page)
    assert article.relative_stamp == "Published 1 day ago"
    assert article.published == dt.date(2026, 3, 9)
    assert RELATIVE_DATE in article.review


def test_a_full_date_above_the_headline_comes_before_a_relative_stamp(tmp_path: Path) -> None:
    page = (MENU + "\nHarbour news\nPublished 1 day ago\n4 March 2026\n\n" + HEADLINE
            + BODY_EN)
    article = _read_saved(tmp_path, page)
    assert article.published == dt.date(2026, 3, 4)
    assert RELATIVE_DATE not in article.review
