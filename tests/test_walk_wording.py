"""What the walk of the corpus timeline (210 real seeds, in Chromium) found in the shipped
templates' wording, checked on the HTML the site build puts in its pages.

- The review page listed 107 tag suggestions, each row ending "date from: the page's
  publication date (htmldate, original date) · metal guy": the date's provenance, which
  the suggestion is not about, buried the phrases the row is there to show.
- "Also on this day" said "The same day, 8 November 2023:" and then "· 8 November 2023"
  after every one of its titles.
"""

from __future__ import annotations

import datetime as dt
import re

from test_site_scale import veyra_event

from builder.extract.keyphrases import suggestion
from builder.plugin import pages


def _rows(html: str, heading: str) -> list[str]:
    """The list items under the review page's heading that contains `heading`."""
    part = html.split(heading, 1)[1].split("<h2", 1)[0]
    return re.findall(r"<li>(.*?)</li>", part, re.S)


def test_a_suggestion_row_shows_its_phrases_not_how_the_date_was_found() -> None:
    provenance = "the page's publication date (htmldate, original date)"
    inferred = veyra_event(1, dt.date(2025, 3, 1), date_from="dateline 'PORT VEYRA, March 1'",
                           review=["year inferred", suggestion(["harbour dredging"])])
    suggested = veyra_event(2, dt.date(2025, 3, 2), date_from=provenance,
                            review=[suggestion(["ferry strike", "cider press"])])
    site = pages.Site.of([inferred, suggested], "events", review=True)
    html = pages.review_html(site)
    # The flag about the date keeps how the date was found: that is what to check.
    [year_row] = _rows(html, "year inferred")
    assert "date from: dateline" in year_row
    rows = _rows(html, pages.SUGGESTIONS_HEADING)
    assert len(rows) == 2, rows
    for row in rows:
        assert "date from" not in row, row
    ferry = next(row for row in rows if "ferry strike" in row)
    assert "<strong>ferry strike, cider press</strong>" in ferry, ferry
    assert provenance.replace("'", "&#39;") not in html


def test_the_same_day_list_does_not_repeat_the_day_after_each_title() -> None:
    day = dt.date(2025, 3, 2)
    events = [veyra_event(1, day), veyra_event(2, day),
              veyra_event(3, day, end_date=dt.date(2025, 3, 4))]
    site = pages.Site.of(events, "events")
    footer = pages.event_footer(site, events[0])
    same_day = footer.split("The same day, 2 March 2025:", 1)[1].split("</ul>", 1)[0]
    items = re.findall(r"<li>(.*?)</li>", same_day)
    assert len(items) == 2, items
    one_day = next(item for item in items if "(2)" in item)
    assert "2 March 2025" not in one_day, one_day
    # An event that runs on past the day still says until when.
    longer = next(item for item in items if "(3)" in item)
    assert "4 March 2025" in longer, longer


def test_a_long_list_of_names_is_folded_so_the_text_stays_near_the_top() -> None:
    """An article listing 200 MPs put 200 chips in the event page's card, and its text four
    screens down (on a phone, fifteen): past 32, the first 24 show and the rest fold into
    a `<details>` that names how many; every name stays on the page."""
    crowd = [f"Ilse Varnholt {number}" for number in range(40)]
    few = [f"Oskar Brenn {number}" for number in range(30)]
    event = veyra_event(1, dt.date(2025, 3, 2), people=crowd, places=few)
    site = pages.Site.of([event], "events")
    header = pages.event_header(site, event)
    shown, folded = header.split('<details class="tl-more-names">', 1)
    assert "<summary>16 more people</summary>" in folded
    assert all(name in header for name in crowd)
    assert sum(f"{name}<" in shown for name in crowd) == 24
    assert sum(f"{name}<" in folded.split("</details>", 1)[0] for name in crowd) == 16
    # Thirty places are not worth a fold: they all show, and there is no second one.
    assert header.count("<details") == 1
    assert all(f"{name}<" in shown or f"{name}<" in folded.split("</details>", 1)[1]
               for name in few)
