"""A stamp written as ISO 8601's date and time ("2025-03-14T09:12:00Z"), as some pages print
their markup's timestamp beside the byline, dates the article: the day runs into the "T"
of the time, and the page is not refused for want of a date (issue 9). The article is
fictional."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from builder.readers import read_seed
from builder.readers.text import _dates_in

PAGE = """Velmora harbour reopens its north quay

By Ilse Varnholt - Velmora Post Contributor 2025-03-14T09:12:00Z Harbour

The north quay of Velmora harbour reopened to ferries on Friday after a winter of repairs,
the harbour office said, and the first crossing to Ostrakan left on time.

The harbour master, Tomas Quellin, said two ferries could now berth at once and that the
old timber landing stage would be taken down before the summer season.
"""


def test_an_iso_date_and_time_is_read_as_its_day() -> None:
    assert [day for day, _ in _dates_in("2025-03-14T09:12:00Z", False)] == [
        dt.date(2025, 3, 14)]
    assert _dates_in("2025-03-14Tango", False) == []  # no time after the "T": no date


def test_a_byline_with_an_iso_timestamp_dates_the_page(tmp_path: Path) -> None:
    path = tmp_path / "velmora-quay.txt"
    path.write_text(PAGE, encoding="utf-8")
    article = read_seed(path, 10**6)
    assert article.published == dt.date(2025, 3, 14)
    assert article.authors == ["Ilse Varnholt"]
