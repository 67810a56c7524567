"""A month's name that a case-blind match takes for another spelling ("ſep", "maı", "MAİ":
a long s, a dotless i, a dotted capital I) is folded back before it is looked up, so that a
page carrying one is read (before, the look-up failed and the reader stopped with an error
on the page's text). Read from real files with `read_seed`; every place, person and
publication here is invented."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from builder.readers import read_seed
from builder.readers.text import _dates_in


@pytest.mark.parametrize(("text", "day"), [
    ("12 ſep 2020", dt.date(2020, 9, 12)),
    ("12 maı 2020", dt.date(2020, 5, 12)),
    ("12 MAİ 2020", dt.date(2020, 5, 12)),
    ("ſep 12, 2020", dt.date(2020, 9, 12)),
])
def test_a_case_blind_spelling_of_a_month_is_read(text: str, day: dt.date) -> None:
    assert [date for date, _ in _dates_in(text, True)] == [day]


def test_a_page_with_such_a_spelling_is_read_not_stopped(tmp_path: Path) -> None:
    page = (
        "Velmora opens its new ferry pier\n\n"
        "Ilse Varnholt | 12 maı 2025\n\n"
        "The new ferry pier at Velmora opened on Monday morning after two years of work, the "
        "harbour office said, and the first crossing to Ostrakan left on time.\n\n"
        "The harbour master said the pier could take two ferries at once and that the old "
        "wooden jetty would be taken down before the summer season.\n\n")
    path = tmp_path / "seed.txt"
    path.write_text(page, encoding="utf-8")
    article = read_seed(path, 5_000_000)
    assert article.published == dt.date(2025, 5, 12)
