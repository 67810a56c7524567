"""The chart's axis labels come at one even step per width, never overlap, and sit under
their bars, in left-to-right and right-to-left pages (Chromium).

A walk of a 116-event timeline (2004 to 2016 and on) showed "2004 2005 2006 _ 2008" at
desktop width: labels of every 5 years and of every 2 years showed together, as each kind
showed wherever all labels of its kind fitted. Now one step is chosen for the whole axis
from the width available (`chart.axis_steps`). The charts here are made by the site's own
code (`pages.listing_chart`) from fictional events, drawn with `chart.html` and
`timeline.css` at many widths.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import launch_chromium, load_bench_explorer, mkdocs_build, serve_under_subpath

from builder.model import Event
from builder.plugin import chart as chart_module
from builder.plugin import pages
from builder.plugin.chart import TICK_WIDTHS, Bar, range_class, tick_classes

CSS = Path(pages.__file__).parent / "assets" / "timeline.css"
#: Chart widths drawn (CSS px), from a phone's to a wide desktop's.
WIDTHS = (250, 290, 330, 358, 390, 420, 470, 520, 600, 700, 760, 850, 900, 1000, 1100, 1180, 1280)
#: Spans of the fictional timelines: a year chart (the walk's), a long year chart, and a
#: monthly one.
SPANS = ((dt.date(2004, 3, 1), dt.date(2026, 10, 1)),
         (dt.date(1880, 1, 1), dt.date(2026, 6, 1)),
         (dt.date(2019, 5, 1), dt.date(2025, 9, 1)))


def event(number: int, day: dt.date) -> Event:
    """A fictional event in the invented town of Velmora."""
    return Event(title=f"Velmora ferry council meets ({number})", date=day,
                 location="Velmora", summary="The ferry council met.",
                 path=f"{day.year}/{day.isoformat()}-meets-{number}.md",
                 people=["Dr Ilse Varnholt"])


def chart_html(first: dt.date, last: dt.date) -> str:
    """The timeline chart of events every 40 days from `first` to `last`."""
    days = itertools.takewhile(lambda day: day <= last,
                               (first + dt.timedelta(days=40 * n) for n in itertools.count()))
    site = pages.Site.of([event(n, day) for n, day in enumerate(days)], "events")
    listing = site.entity_listing("people", "Dr Ilse Varnholt")
    chart = pages.listing_chart(site, listing, "people/ilse-varnholt.md", site.events)
    assert chart is not None
    return str(site.render("chart.html", chart=chart))


def page(direction: str, sized: bool = True) -> str:
    """Every chart at every width of `WIDTHS` (unless not `sized`), then the walk's chart at
    the page's width."""
    charts = "" if not sized else "".join(
        f'<div class="md-typeset" style="width:{width}px">{chart_html(first, last)}</div>'
        for width in WIDTHS for first, last in SPANS)
    return (f'<!doctype html><html dir="{direction}"><head><style>body{{margin:0}}'
            f':root{{--md-primary-fg-color:#4051b5;--md-default-fg-color--light:#555;'
            f'--md-default-fg-color--lighter:#999}}'
            f'{CSS.read_text(encoding="utf-8")}</style></head><body dir="{direction}">'
            f'{charts}<div class="md-typeset" id="full">{chart_html(*SPANS[0])}</div>'
            f'</body></html>')


#: Per chart: its width, and each shown label: its text, its column, its box and its
#: column's box.
MEASURE = """() => [...document.querySelectorAll('.tl-chart')].map(chart => ({
    width: chart.getBoundingClientRect().width,
    labels: [...chart.querySelectorAll('.tl-chart-ticks > span')].map((cell, column) => {
        const label = cell.querySelector('span');
        if (!label || !label.getClientRects().length) return null;
        const r = label.getBoundingClientRect(), c = cell.getBoundingClientRect();
        return {text: label.textContent, column, left: r.left, right: r.right,
                centre: (c.left + c.right) / 2};
    }).filter(Boolean)}))"""


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with launch_chromium() as browser:
        yield browser


def measured(chromium: Any, direction: str, viewport: int, tmp: Path) -> list[dict[str, Any]]:
    tab = chromium.new_page(viewport={"width": viewport, "height": 800})
    try:
        tab.set_content(page(direction))
        charts: list[dict[str, Any]] = tab.evaluate(MEASURE)
        tab.set_content(page(direction, sized=False))
        tab.screenshot(path=str(tmp / f"chart-{direction}-{viewport}.png"))
        return charts
    finally:
        tab.close()


@pytest.mark.browser
@pytest.mark.parametrize("direction", ["ltr", "rtl"])
@pytest.mark.parametrize("viewport", [390, 1280])
def test_labels_are_evenly_spaced_apart_and_under_their_bars(
        chromium: Any, direction: str, viewport: int, tmp_path: Path) -> None:
    charts = measured(chromium, direction, viewport, tmp_path)
    assert len(charts) == len(WIDTHS) * len(SPANS) + 1
    for chart in charts:
        labels = chart["labels"]
        where = f"{direction}, chart {chart['width']:.0f}px: {[x['text'] for x in labels]}"
        if chart["width"] >= 290:
            assert len(labels) >= 2, where
        columns = [label["column"] for label in labels]
        # One step for the whole axis.
        assert len({b - a for a, b in itertools.pairwise(columns)}) <= 1, where
        # No two labels touch.
        boxes = sorted((label["left"], label["right"]) for label in labels)
        assert all(a[1] + 2 <= b[0] for a, b in itertools.pairwise(boxes)), where
        # Each label is centred under its bar.
        for label in labels:
            assert abs((label["left"] + label["right"]) / 2 - label["centre"]) <= 1, where


@pytest.fixture(scope="module")
def built_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Real sites (Material, the plugin) of 116 fictional events from 2004 to 2026, as the
    walk's timeline: one in English, one with `theme.language: ar` (right to left)."""
    bench = load_bench_explorer("bench_explorer_ticks")
    sites = {}
    for language in ("en", "ar"):
        folder = tmp_path_factory.mktemp(f"ticks-{language}")
        project = bench.make_project(folder, 0, 40)
        bench.write_events(project / "content" / "events", bench.fictional_events(
            116, 40, start=dt.date(2004, 3, 1), end=dt.date(2026, 10, 1)))
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace(
            "theme:\n", f"theme:\n  language: {language}\n", 1), encoding="utf-8")
        result = mkdocs_build(project, project / "site")
        assert result.returncode == 0, result.stdout + result.stderr
        sites[language] = project / "site"
    return sites


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_timeline_charts_labels_are_even_and_under_their_bars_on_a_built_site(
        chromium: Any, built_sites: dict[str, Path], language: str, tmp_path: Path) -> None:
    with serve_under_subpath(built_sites[language]) as url:
        for viewport in (320, 390, 1280):
            tab = chromium.new_page(viewport={"width": viewport, "height": 900})
            try:
                tab.goto(url + "timeline/")
                assert tab.evaluate("getComputedStyle(document.querySelector('.tl-chart'))"
                                    ".direction") == (
                    "rtl" if language == "ar" else "ltr")
                charts = tab.evaluate(MEASURE)
                tab.locator(".tl-chart").first.screenshot(
                    path=str(tmp_path / f"site-{language}-{viewport}.png"))
            finally:
                tab.close()
            assert charts
            labels = charts[0]["labels"]
            where = f"{language}, {viewport}px: {[label['text'] for label in labels]}"
            assert len(labels) >= 4, where
            years = [int(label["text"]) for label in labels]
            assert len({b - a for a, b in itertools.pairwise(years)}) == 1, where
            boxes = sorted((label["left"], label["right"]) for label in labels)
            assert all(a[1] + 2 <= b[0] for a, b in itertools.pairwise(boxes)), where
            for label in labels:
                assert abs((label["left"] + label["right"]) / 2 - label["centre"]) <= 1, where


def test_year_labels_of_the_walk_come_every_2_years_at_desktop_width() -> None:
    """The walk's chart (23 years) at 900 px: 2004, 2006, 2008 ..., not 2005 among them."""
    years = range(2004, 2027)
    bars = [Bar(str(year), 1, None, str(year),
                10 if year % 10 == 0 else 5 if year % 5 == 0 else 2 if year % 2 == 0 else 1)
            for year in years]
    shown = [str(year) for year, classes in zip(years, tick_classes(bars), strict=True)
             if any(visible(name, 900) for name in classes.split())]
    assert shown == [str(year) for year in years if year % 2 == 0]


def visible(name: str, width: int) -> bool:
    """Whether a label of class `name` shows in a chart `width` px wide (the classes'
    meaning, as `timeline.css` implements it)."""
    found = re.fullmatch(r"tl-tick-w(\d+)(?:-(\d+))?", name)
    assert found, name
    return int(found[1]) <= width and (found[2] is None or width < int(found[2]))


def test_the_stylesheet_has_a_rule_for_every_class_a_label_can_get() -> None:
    css = CSS.read_text(encoding="utf-8")
    names = {range_class(low, None) for low in TICK_WIDTHS} | {
        range_class(low, high) for low, high in itertools.combinations(TICK_WIDTHS, 2)}
    for name in names:
        assert f".{name} {{" in css, name
    assert chart_module.NEVER not in css
