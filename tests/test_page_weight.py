"""What the generated HTML leaves out to stay small, with nothing a reader sees lost: chart
labels that never show, a copy of each entry's text, class names on each chip of an event
page, links that go up to the site root and down again; and list pages filled in after the
theme (so MkDocs does not hold every list's HTML until the site is written)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from builder.model import Event, Source
from builder.plugin import pages
from builder.plugin.chart import Bar, bar_chart, tick_class


def tarrow_event(number: int, day: dt.date, **fields: Any) -> Event:
    """A fictional event in the invented town of Tarrowmere."""
    defaults: dict[str, Any] = {
        "title": f"Tarrowmere ferry board meets ({number})", "date": day,
        "location": "Tarrowmere", "summary": "The ferry board met.",
        "path": f"{day.year}/{day.isoformat()}-meets-{number}.md",
        "people": ["Orla Fenwick", "Bastian Quell"], "tags": ["ferries"],
        "sources": [Source(title=f"Ferry board meets ({number})",
                           publisher="The Tarrowmere Lamp")]}
    return Event(**{**defaults, **fields})


def test_a_sparse_chart_over_many_years_leaves_out_the_labels_that_never_show() -> None:
    days = [dt.date(2010, 1, 5), dt.date(2019, 11, 20)]
    site = pages.Site.of([tarrow_event(n, day) for n, day in enumerate(days)], "events")
    listing = site.entity_listing("people", "Orla Fenwick")
    chart = pages.listing_chart(site, listing, "people/orla-fenwick.md", site.events)
    assert chart is not None
    html = str(site.render("chart.html", chart=chart))
    assert "tl-tick-never" not in html
    # One column and one label cell per month, so the labels still sit under their bars.
    plot = html[html.index("tl-chart-plot"):html.index("tl-chart-ticks")]
    ticks = html[html.index("tl-chart-ticks"):html.index("<table")]
    assert plot.count('class="tl-bar"') == len(chart.bars) == 12 * 9 + 11
    assert ticks.count("<span>") == len(chart.bars)
    # The labels that can show are all there: at least every year's.
    shown = re.findall(r'<span class="tl-tick-w\d+">([^<]+)</span>', ticks)
    assert {str(year) for year in range(2011, 2020)} <= set(shown)


def test_a_label_that_never_fits_gets_no_class_in_the_chart() -> None:
    bars = [Bar(f"Month {n}", 1, None, "Mon", 1) for n in range(400)]
    assert tick_class(400, 1, 3) == "tl-tick-never"
    chart = bar_chart(bars, "Events per month", "Month")
    assert chart is not None
    assert {bar.tick_class for bar in chart.bars} == {""}


def test_list_entries_carry_no_copy_of_their_text_but_every_name_in_the_table() -> None:
    event = tarrow_event(1, dt.date(2024, 6, 1), people=["Orla Fenwick", "Bastian Quell"])
    site = pages.Site.of([event, tarrow_event(2, dt.date(2024, 6, 2))], "events")
    generated = pages.generated_pages(site)
    timeline = pages.fill_lists(site, "timeline.md", generated["timeline.md"])
    assert "data-text" not in timeline
    assert 'data-people="orla-fenwick bastian-quell"' in timeline
    assert '"bastian-quell":"Bastian Quell"' in timeline  # what timeline.js's text filter reads


def test_event_page_chips_and_links_are_short() -> None:
    first = tarrow_event(1, dt.date(2024, 6, 1))
    second = tarrow_event(2, dt.date(2024, 6, 2), people=["Orla Fenwick", "Ysolde Marr"])
    site = pages.Site.of([first, second], "events")
    header = pages.event_header(site, second)
    assert ('<p class="tl-chips tl-people"><strong>People:</strong> '
            '<a href="../../../people/orla-fenwick/">Orla Fenwick</a> '
            '<span>Ysolde Marr</span></p>') in header
    assert "tl-chip " not in header
    footer = pages.event_footer(site, second)
    # The previous event is in the same year's folder: no way up to the root and down.
    assert 'href="../2024-06-01-meets-1/" rel="prev"' in footer
    flat = pages.Site.of([first, second], "events", directory_urls=False)
    assert 'href="2024-06-01-meets-1.html" rel="prev"' in pages.event_footer(flat, second)


def test_list_pages_are_filled_late_and_index_pages_before_search_reads_them() -> None:
    site = pages.Site.of([tarrow_event(1, dt.date(2024, 6, 1)),
                          tarrow_event(2, dt.date(2024, 6, 2))], "events", review=True)
    pages.generated_pages(site)
    assert pages.filled_late(site, "timeline.md")
    assert pages.filled_late(site, "people/orla-fenwick.md")
    assert pages.filled_late(site, pages.REVIEW_PAGE)
    assert not pages.filled_late(site, "people/index.md")  # searched: its names are indexed
    assert not pages.filled_late(site, "about.md")  # not a generated page
