"""The site at real scale: templates a user overrides, pages split between days, a chart whose
bars are their own click targets, a first screen with the first event, followable sources,
capped chips and entity pages only where they help.

Real `mkdocs build --strict` runs of fictional timelines (Port Veyra and its neighbours, every
name invented), read as files and driven in a real headless Chromium.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import launch_chromium, serve_under_subpath
from test_timeline_ui import (
    SEED_PAGE,
    axe_violations,
    build,
    fictional_events,
    make_project,
    require_axe,
    special_events,
)

from builder.model import Event, Source
from builder.plugin import pages
from builder.plugin.render import Templates

# --- Templates a user overrides -------------------------------------------------------------

OVERRIDE = """<article class="my-entry" id="{{ e.id }}">
<h3><a class="tl-title" href="{{ e.url }}">{{ e.event.title }}</a></h3>
<p>My layout, {{ e.when }}</p>
</article>
"""


def test_a_template_in_the_theme_custom_dir_overrides_the_shipped_one(project: Path,
                                                                      tmp_path: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "theme:\n  name: material\n" in text
    config.write_text(text.replace("theme:\n  name: material\n",
                                   "theme:\n  name: material\n  custom_dir: overrides\n")
                      .replace("    events_dir: events\n",
                               "    events_dir: events\n    entity_min_events: 1\n"),
                      encoding="utf-8")
    (project / "overrides" / "timeline").mkdir(parents=True)
    (project / "overrides" / "timeline" / "entry.html").write_text(OVERRIDE, encoding="utf-8")
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    timeline = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert timeline.count('<article class="my-entry"') == 1
    assert "My layout, 17 December 2025" in timeline
    assert 'class="tl-entry"' not in timeline
    # The other templates are still the shipped ones.
    assert 'class="tl-chart"' in timeline
    # entity_min_events: 1 gives every name of the one event its own page.
    assert (site / "people" / "volodymyr-zelensky" / "index.html").is_file()


def test_templates_escape_article_text() -> None:
    html = Templates().render("chips.html", chips=[
        {"kind": "tags", "name": "<script>alert(1)</script>", "url": None}], more=0)
    assert "<script>" not in html and "&lt;script&gt;" in html


# --- Pages, made without MkDocs ---------------------------------------------------------------


def veyra_event(number: int, day: dt.date, **fields: Any) -> Event:
    defaults: dict[str, Any] = {
        "title": f"Port Veyra council meets ({number})", "date": day, "location": "Port Veyra",
        "summary": "The council met.", "path": f"{day.year}/{day.isoformat()}-meets-{number}.md",
        "sources": [Source(title=f"Council meets ({number})", publisher="The Veyra Courier",
                           url=f"https://veyra.example/{number}", seed=f"veyra-{number}.txt")]}
    return Event(**{**defaults, **fields})


def test_year_pages_are_split_between_days_never_inside_one() -> None:
    days = [dt.date(2025, 3, 1)] * 2 + [dt.date(2025, 3, 2)] * 5 + [dt.date(2025, 3, 3)] * 2 \
        + [dt.date(2025, 3, 4)]
    events = [veyra_event(n, day) for n, day in enumerate(days)]
    site = pages.Site.of(events, "events", per_page=3)
    year_pages = site.timeline.year_pages[2025]
    assert [[e.date.day for e in page.events] for page in year_pages] == [
        [1, 1], [2, 2, 2, 2, 2], [3, 3, 4]]
    # Each event's "In the timeline" link lands on its own entry.
    generated = pages.generated_pages(site)
    event = year_pages[1].events[3]
    footer = pages.event_footer(site, event)
    anchor = pages.entry_id(event)
    assert f'href="../../../timeline/2025-2/#{anchor}"' in footer
    listing = pages.fill_lists(site, "timeline/2025-2.md", generated["timeline/2025-2.md"])
    assert f'id="{anchor}"' in listing


def test_sources_link_publisher_and_title_and_name_the_seed_only_when_serving() -> None:
    event = veyra_event(1, dt.date(2025, 3, 1))
    published = pages.event_footer(pages.Site.of([event], "events"), event)
    assert ('<span class="tl-publisher">The Veyra Courier</span>: '
            '<a href="https://veyra.example/1"><cite>Council meets (1)</cite></a>') in published
    assert "veyra-1.txt" not in published
    served = pages.event_footer(pages.Site.of([event], "events", serving=True), event)
    assert "seed: <code>veyra-1.txt</code>" in served


def test_names_in_fewer_than_entity_min_events_events_get_no_page_and_no_link() -> None:
    first = veyra_event(1, dt.date(2025, 3, 1), people=["Ilse Varnholt", "Odo Brambeck"])
    second = veyra_event(2, dt.date(2025, 3, 2), people=["Ilse Varnholt"])
    site = pages.Site.of([first, second], "events")
    assert set(site.entity_pages["people"]) == {"Ilse Varnholt"}
    generated = pages.generated_pages(site)
    assert "people/ilse-varnholt.md" in generated
    assert "people/odo-brambeck.md" not in generated
    header = pages.event_header(site, first)
    assert '<p class="tl-chips tl-people"><strong>People:</strong>' in header
    assert '<a href="../../../people/ilse-varnholt/">Ilse Varnholt</a>' in header
    assert '<span>Odo Brambeck</span>' in header
    # Still a filter value on the lists, and counted on the index.
    timeline = pages.fill_lists(site, "timeline.md", generated["timeline.md"])
    assert 'data-people="ilse-varnholt odo-brambeck"' in timeline
    index = pages.fill_lists(site, "people/index.md", generated["people/index.md"])
    assert "1 other name appear" in index
    every = pages.Site.of([first, second], "events", entity_min_events=1)
    assert set(every.entity_pages["people"]) == {"Ilse Varnholt", "Odo Brambeck"}


def site_bytes(tags: int) -> int:
    """Bytes of every generated page body of a site of two notes that share `tags` tags."""
    names = [f"harbour topic {number:05d}" for number in range(tags)]
    events = [veyra_event(n, dt.date(2025, 3, 1 + n), tags=names) for n in range(2)]
    site = pages.Site.of(events, "events")
    generated = pages.generated_pages(site)
    total = sum(len(pages.fill_lists(site, path, markdown))
                for path, markdown in generated.items())
    return total + sum(len(pages.event_header(site, e) + pages.event_footer(site, e))
                       for e in events)


def test_chips_are_capped_per_entry_and_the_site_grows_linearly_with_tags() -> None:
    names = [f"harbour topic {number:05d}" for number in range(2000)]
    event = veyra_event(1, dt.date(2025, 3, 1), tags=names)
    site = pages.Site.of([event], "events")
    item = pages.entry(site, event, "timeline.md")
    assert len(item["chips"]) == pages.CHIPS_PER_ENTRY
    assert item["more"] == 2000 - pages.CHIPS_PER_ENTRY
    html = str(site.render("entry.html", e=item))
    assert '<span class="tl-more">+1992 more</span>' in html
    small, large = site_bytes(250), site_bytes(1000)
    # Four times the tags: about four times the bytes (it was sixteen).
    assert large < 5 * small, (small, large)


# --- A generated timeline of more than a thousand events, in Chromium -------------------------

EVENTS = 1200


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    events = fictional_events(EVENTS, dt.date(2021, 1, 1), dt.date(2025, 11, 30), seed=5,
                              heavy_every=25) + special_events()
    project = make_project(tmp_path_factory.mktemp("big") / "proj", events)
    site = project.parent / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def big_url(big_site: Path) -> Iterator[str]:
    with serve_under_subpath(big_site) as url:
        yield url


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with launch_chromium() as browser:
        yield browser


SIZES = [(1280, 800), (390, 844)]


def test_the_big_timeline_splits_years_between_days_and_keeps_event_pages_small(
        big_site: Path) -> None:
    year_folders = sorted(p for p in (big_site / "timeline").iterdir() if p.is_dir())
    assert len(year_folders) > 5
    last_day = None
    for folder in year_folders:
        dates = re.findall(r'class="tl-entry" id="[^"]+" data-date="([^"]+)"',
                           (folder / "index.html").read_text(encoding="utf-8"))
        assert dates and dates[0] != last_day, folder.name  # a day never continues
        last_day = dates[-1]
    sizes = sorted(path.stat().st_size for path in (big_site / "events").rglob("*.html"))
    assert sizes[len(sizes) // 2] <= 15_000, sizes[len(sizes) // 2]


def centre(box: dict[str, float]) -> tuple[float, float]:
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


@pytest.mark.browser
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_chart_bars_are_their_own_click_targets_and_land_on_their_month(
        chromium: Any, big_url: str, width: int, height: int) -> None:
    from playwright.sync_api import expect

    tab = chromium.new_page(viewport={"width": width, "height": height})
    try:
        for url in ("timeline/", "timeline/2023-2/"):
            tab.goto(big_url + url)
            bars = tab.locator(".tl-chart-plot a.tl-bar")
            assert bars.count() >= 12
            # Every bar is what a click at its centre hits: nothing lies over it.
            hits = tab.evaluate("""() => [...document.querySelectorAll('.tl-chart-plot a')]
                .map(a => { const r = a.getBoundingClientRect();
                            const x = r.left + r.width / 2, y = r.top + r.height / 2;
                            window.scrollTo(0, 0);
                            return document.elementFromPoint(x, y)?.closest('a') === a; })""")
            assert all(hits)
            # Labels do not overlap.
            boxes = tab.evaluate("""() => [...document.querySelectorAll(
                '.tl-chart-ticks span span')].filter(s => s.offsetParent)
                .map(s => { const r = s.getBoundingClientRect(); return [r.left, r.right]; })""")
            assert boxes and all(a[1] <= b[0] for a, b in itertools.pairwise(boxes))
            # Nothing covers the caption or the pager.
            for selector in (".tl-chart figcaption", ".tl-pager a"):
                for node in tab.locator(selector).all()[:3]:
                    node.scroll_into_view_if_needed()
                    x, y = centre(node.bounding_box())
                    covered = tab.evaluate("([x, y, el]) => !el.contains("
                                           "document.elementFromPoint(x, y))",
                                           [x, y, node.element_handle()])
                    assert not covered, selector
        # A click on October of 2023 (page 2 of 3) opens the page holding October, at it.
        october = tab.locator(".tl-chart-plot a.tl-bar[title^='October 2023']")
        target = october.get_attribute("href")
        assert target is not None and target.endswith("#m2023-10")
        october.scroll_into_view_if_needed()
        tab.mouse.click(*centre(october.bounding_box()))
        tab.wait_for_url(re.compile(r".*#m2023-10$"))
        expect(tab.locator("[id='m2023-10']")).to_be_in_viewport()
        # The pager's links are clickable.
        tab.goto(big_url + "timeline/2023-2/")
        link = tab.get_by_role("link", name="3 (2023 page 3)").first
        link.scroll_into_view_if_needed()
        tab.mouse.click(*centre(link.bounding_box()))
        tab.wait_for_url(re.compile(r".*/timeline/2023-3/$"))
        # The overview's chart: a month's bar opens its year page at that month.
        tab.goto(big_url + "timeline/")
        march = tab.locator(".tl-chart-plot a.tl-bar[title^='March 2022']")
        march.scroll_into_view_if_needed()
        tab.mouse.click(*centre(march.bounding_box()))
        tab.wait_for_url(re.compile(r".*/timeline/2022(-\d)?/#m2022-03$"))
        expect(tab.locator("[id='m2022-03']")).to_be_in_viewport()
    finally:
        tab.close()


@pytest.mark.browser
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_first_event_is_on_the_first_screen_and_ten_tabs_away(
        chromium: Any, big_url: str, width: int, height: int) -> None:
    tab = chromium.new_page(viewport={"width": width, "height": height})
    try:
        for url in ("timeline/2022/", "timeline/2023-2/"):
            tab.goto(big_url + url)
            title = tab.locator(".tl-entry .tl-title").first
            box = title.bounding_box()
            assert box["y"] + box["height"] <= height, (url, box)
            # The keyboard: Tab, and Enter on a skip link, until the first event's title.
            presses = 0
            while presses < 10:
                tab.keyboard.press("Tab")
                presses += 1
                focused = tab.evaluate("document.activeElement.className + '|' + "
                                       "document.activeElement.textContent.trim()")
                if focused.startswith("tl-title"):
                    break
                if focused.startswith("md-skip") or focused.endswith("Skip to the first event"):
                    tab.keyboard.press("Enter")
            assert tab.evaluate("document.activeElement === "
                                "document.querySelector('.tl-entry .tl-title')"), presses
            assert presses <= 10
    finally:
        tab.close()


@pytest.mark.browser
def test_the_back_to_top_button_leaves_the_jump_bar_uncovered(chromium: Any,
                                                              big_url: str) -> None:
    tab = chromium.new_page(viewport={"width": 1280, "height": 800})
    try:
        tab.goto(big_url + "timeline/2023/")
        tab.mouse.wheel(0, 3000)
        tab.wait_for_timeout(300)
        tab.mouse.wheel(0, -400)  # Material shows the button when the reader scrolls up
        tab.wait_for_selector(".md-top:not([hidden])")
        top = tab.locator(".md-top").bounding_box()
        jump = tab.locator(".tl-jump").bounding_box()
        assert top["y"] >= jump["y"] + jump["height"] or top["y"] + top["height"] <= jump["y"]
    finally:
        tab.close()


@pytest.mark.browser
def test_home_tells_the_story_and_axe_finds_nothing(chromium: Any, big_url: str,
                                                    big_site: Path) -> None:
    require_axe()
    event = next((big_site / "events" / "2025").glob(f"{SEED_PAGE.stem}*"))
    report = {}
    for scheme in ("light", "dark"):
        context = chromium.new_context(viewport={"width": 1280, "height": 800},
                                       color_scheme=scheme)
        try:
            tab = context.new_page()
            for url in ("", "timeline/", "timeline/2023-2/",
                        event.relative_to(big_site).as_posix() + "/"):
                tab.goto(big_url + url)
                tab.wait_for_load_state("load")
                if url == "":
                    text = tab.locator(".md-content").inner_text()
                    assert f"{EVENTS + 4:,} events, from " in text
                    assert "Latest events" in text
                    assert tab.locator(".tl-latest .tl-entry").count() == 10
                report[f"{scheme} /{url}"] = axe_violations(tab)
        finally:
            context.close()
    assert report == {name: [] for name in report}
