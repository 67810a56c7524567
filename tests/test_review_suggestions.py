"""The review page and the home page's count with tag suggestions: a suggestion is one per
event and each different, so they are gathered under one heading after the flags a person
must check, and they do not count as events to check."""

from __future__ import annotations

import datetime as dt

from test_site_scale import veyra_event

from builder.extract.keyphrases import suggestion
from builder.plugin import pages


def test_suggestions_are_one_group_after_the_flags_and_not_counted_as_to_check() -> None:
    first = veyra_event(1, dt.date(2025, 3, 1), review=[
        "year inferred", suggestion(["water rationing", "cider press"])])
    second = veyra_event(2, dt.date(2025, 3, 2), review=[suggestion(["ferry strike"])])
    third = veyra_event(3, dt.date(2025, 3, 3), review=[suggestion(["harbour dredging"])])
    site = pages.Site.of([first, second, third], "events", review=True)
    html = pages.review_html(site)
    headings = [line for line in html.splitlines() if line.startswith("<h2")]
    assert len(headings) == 2, headings
    assert "year inferred (1)" in headings[0]
    assert "Suggested tags" in headings[1] and "(3)" in headings[1]
    assert "water rationing, cider press" in html and "ferry strike" in html
    assert "suggested tags: " not in html  # the phrases, not the item's words, on each row
    home = pages.home_section(site)
    assert "1 event to check" in home, home
