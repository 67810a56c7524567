"""The timeline site as readers use it: reading, finding, the picture, at any scale.

Real `mkdocs build --strict` runs of projects made of fictional events (every name invented:
Port Veyra, Mayor Ilse Varnholt, ...) plus the real seed's event page, read with an HTML
parser, and driven in a real headless Chromium: filters, order, jump bar, chart links,
search (served and from file://), axe-core checks and screenshots (in `test-artifacts/`).
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from conftest import (
    ROOT,
    SEED_TITLE,
    free_port,
    launch_chromium,
    serve_under_subpath,
    timeline,
)

from builder.model import Event, Source, parse_event, render_event
from builder.store import slug_for

TOWNS = ["Port Veyra", "Ashmoor", "Calden Reach", "Brindlemoor", "Osterhal", "Quillon Bay",
         "Harrowgate Fen", "Lysmarch", "Tamberlow", "Grey Orchard", "Wendmere", "Corvally"]
FIRST = ["Ilse", "Odo", "Teodora", "Hamund", "Perrin", "Maelis", "Joran", "Sefa", "Aldric",
         "Nadira", "Corwin", "Lenka", "Bastian", "Yselde", "Ruan", "Tamsin", "Edvard", "Oriel",
         "Fenna", "Kasimir"]
LAST = ["Varnholt", "Brambeck", "Lisk", "Ferrow", "Quade", "Osterling", "Marrow", "Trell",
        "Vantosh", "Ebberly", "Coldridge", "Halvane", "Pimm", "Rostrel", "Sorrowby",
        "Wexley", "Ambry", "Dunmore", "Krell", "Ollander"]
ORGS = ["Harbour Board", "Ferry Company", "Town Council", "Lantern Guild", "Water Trust",
        "Fishers' Union", "Court of Small Claims", "Rail Society"]
TAGS = ["diplomacy", "economy", "energy", "courts", "protests", "elections", "health",
        "disasters", "military", "sanctions", "peace talks", "security guarantees"]
TOPICS = ["pier", "ferry timetable", "lantern festival", "harbour budget", "water meters",
          "old mill", "school roof", "tram line", "fish market", "sea wall"]
VERBS = ["votes on", "delays", "approves", "debates", "rejects", "reopens", "audits",
         "celebrates"]


def people_pool() -> list[str]:
    return [f"{first} {last}" for first in FIRST for last in LAST]


def org_pool() -> list[str]:
    return [f"{town} {org}" for town in TOWNS for org in ORGS]


def fictional_events(count: int, start: dt.date, end: dt.date, seed: int = 7,
                     heavy_every: int = 0) -> list[Event]:
    """`count` fictional events between `start` and `end`. Every `heavy_every`-th event (if
    not 0) is heavy: a long summary and two dozen names, as a long article gives."""
    rng = random.Random(seed)
    people, orgs = people_pool(), org_pool()
    span = (end - start).days
    events: list[Event] = []
    for number in range(count):
        day = start + dt.timedelta(days=rng.randrange(span + 1))
        town = rng.choice(TOWNS)
        heavy = bool(heavy_every) and number % heavy_every == 0
        title = f"{town} council {rng.choice(VERBS)} the {rng.choice(TOPICS)} ({number})"
        summary = (f"Councillors in {town} met on the {rng.choice(TOPICS)}; Mayor "
                   f"{rng.choice(people)} spoke for the plan.")
        if heavy:
            summary = " ".join([summary] * 4)
        names = 6 if heavy else 2
        events.append(Event(
            title=title, date=day, location=town, summary=summary,
            tags=rng.sample(TAGS, 4 if heavy else 2),
            people=rng.sample(people, names),
            places=[town, *rng.sample([t for t in TOWNS if t != town], names - 1)],
            organizations=rng.sample(orgs, names),
            sources=[Source(title=title, publisher="The Veyra Courier", credit="veyra.example",
                            published=day, seed=f"fictional-{number:05d}.txt")],
            review=["year inferred"] if number % 10 == 0 else [],
            body=f"{town} (fictional) — {summary}",
        ))
    return events


def write_events(events_dir: Path, events: list[Event]) -> list[Path]:
    """Write each event as `YYYY/YYYY-MM-DD-slug.md` under `events_dir`."""
    written = []
    taken: set[str] = set()
    for event in events:
        stem = f"{event.date.year}/{event.date.isoformat()}-{slug_for(event.title)}"
        path, number = f"{stem}.md", 2
        while path in taken:
            path, number = f"{stem}-{number}.md", number + 1
        taken.add(path)
        target = events_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_event(event), encoding="utf-8")
        written.append(target)
    return written


# --- Projects and builds -------------------------------------------------------------------

#: The committed event page of the real seed.
(SEED_PAGE,) = sorted((ROOT / "content" / "events" / "2025").glob("2025-12-17-*.md"))
ARTIFACTS = ROOT / "test-artifacts"
#: Where `npm install --prefix .cache/npm axe-core@4` puts axe-core (or set AXE_CORE_JS).
AXE = Path(os.environ.get("AXE_CORE_JS")
           or ROOT / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js")
PIER = "Port Veyra harbour board signs the pier accord"
FERRY = "Ashmoor ferry strike ends after nine days"
FESTIVAL = "Lantern festival fills Calden Reach"


def special_events() -> list[Event]:
    """Hand-made events: one on the seed's day, one a year earlier, one spanning days."""
    def source(title: str, day: dt.date, seed: str) -> list[Source]:
        return [Source(title=title, publisher="The Veyra Courier", credit="veyra.example",
                       url=f"https://veyra.example/{seed}", published=day, seed=f"{seed}.txt")]

    return [
        Event(title=PIER, date=dt.date(2025, 12, 17), location="Port Veyra",
              summary="Mayor Ilse Varnholt signed the pier accord with the Ashmoor Ferry "
                      "Company after a long night of talks.",
              tags=["diplomacy"], people=["Ilse Varnholt"], places=["Port Veyra", "Ashmoor"],
              organizations=["Ashmoor Ferry Company"],
              sources=source(PIER, dt.date(2025, 12, 17), "fictional-pier"),
              review=["location unsure"], body="Port Veyra (fictional) — the pier accord."),
        Event(title=FERRY, date=dt.date(2024, 12, 17), location="Ashmoor",
              summary="Ferry crews in Ashmoor went back to work after Odo Brambeck brokered "
                      "a deal.",
              tags=["economy"], people=["Odo Brambeck", "Ilse Varnholt"], places=["Ashmoor"],
              organizations=["Ashmoor Ferry Company"],
              sources=source(FERRY, dt.date(2024, 12, 17), "fictional-ferry")
              + source("Ferry crews return", dt.date(2024, 12, 18), "fictional-ferry-2"),
              body="Ashmoor (fictional) — the strike is over."),
        Event(title=FESTIVAL, date=dt.date(2025, 3, 3), end_date=dt.date(2025, 3, 5),
              location="Calden Reach",
              summary="Three nights of lanterns on the water drew crowds to Calden Reach.",
              tags=["economy"], people=["Teodora Lisk"], places=["Calden Reach"],
              sources=source(FESTIVAL, dt.date(2025, 3, 3), "fictional-festival"),
              body="Calden Reach (fictional) — lanterns."),
    ]


def ui_events() -> list[Event]:
    """The events of the UI site (besides the real seed's page)."""
    return fictional_events(40, dt.date(2024, 1, 1), dt.date(2025, 11, 30), seed=3) + \
        special_events()


def seed_event() -> Event:
    event, problems = parse_event(SEED_PAGE.read_text(encoding="utf-8"), SEED_PAGE.name)
    assert event is not None, problems
    return event


def make_project(directory: Path, events: list[Event], options: str = "") -> Path:
    """A `timeline init` project holding the real seed's page, `events`, and extra plugin
    options (YAML lines, e.g. 'events_per_page: 6')."""
    result = timeline("init", str(directory), cwd=directory.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    events_dir = directory / "content" / "events"
    (events_dir / "2025").mkdir(parents=True, exist_ok=True)
    shutil.copy2(SEED_PAGE, events_dir / "2025" / SEED_PAGE.name)
    write_events(events_dir, events)
    if options:
        config = directory / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        lines = "".join(f"    {line}\n" for line in options.splitlines())
        assert "    events_dir: events\n" in text
        config.write_text(text.replace("    events_dir: events\n",
                                       "    events_dir: events\n" + lines), encoding="utf-8")
    return directory


def build(project: Path, site: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` with extra environment variables (e.g. OFFLINE="true")."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                          cwd=project, capture_output=True, text=True, check=False,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env})


class Page(HTMLParser):
    """What the tests read from a built page: ids, links (and whether inside an SVG),
    entries, SVG charts, and the attributes of every element with a class."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, bool]] = []
        self.entries: list[dict[str, str]] = []
        self.svgs: list[dict[str, str]] = []
        self.classes: dict[str, list[dict[str, str]]] = {}
        self.svg_titles: list[str] = []
        self._svg_depth = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if "id" in attributes:
            self.ids.add(attributes["id"])
        for name in attributes.get("class", "").split():
            self.classes.setdefault(name, []).append({"tag": tag, **attributes})
        if tag == "svg":
            self._svg_depth += 1
            self.svgs.append(attributes)
        self._in_title = tag == "title" and self._svg_depth > 0
        if tag == "a" and "href" in attributes:
            in_chart = self._svg_depth > 0 or "tl-bar" in attributes.get("class", "").split()
            self.links.append((attributes["href"], in_chart))
        if "tl-entry" in attributes.get("class", "").split():
            self.entries.append(attributes)

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self._svg_depth -= 1
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.svg_titles.append(data)


def read_page(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def resolve(site: Path, html_file: Path, href: str) -> tuple[Path, str] | None:
    """The built file and fragment an href on `html_file` points to; None if external."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    base = "file://" + html_file.as_posix()
    target = urlsplit(urljoin(base, href))
    path = Path(unquote(target.path))
    if href.startswith("#") or not parts.path:
        path = html_file
    elif path.is_dir() or target.path.endswith("/"):
        path = path / "index.html"
    return path, unquote(target.fragment)


def broken_links(site: Path, only_svg: bool = False) -> tuple[int, list[str]]:
    """Every internal link of every page that misses its file or its anchor."""
    cache: dict[Path, Page] = {}
    checked, broken = 0, []
    for html_file in sorted(site.rglob("*.html")):
        if html_file.name == "404.html":
            continue  # served at any depth, so its links are absolute
        page = cache.setdefault(html_file, read_page(html_file))
        for href, in_svg in page.links:
            if only_svg and not in_svg:
                continue
            target = resolve(site, html_file, href)
            if target is None:
                continue
            checked += 1
            path, fragment = target
            if not path.is_file():
                broken.append(f"{html_file.relative_to(site)}: {href} (no file)")
                continue
            if fragment and fragment not in cache.setdefault(path, read_page(path)).ids:
                broken.append(f"{html_file.relative_to(site)}: {href} (no #{fragment})")
    return checked, broken


@pytest.fixture(scope="module")
def ui_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("ui") / "proj", ui_events())


@pytest.fixture(scope="module")
def ui_site(ui_project: Path) -> Path:
    """The UI project built as a site served under /repo/ (site_url set for that)."""
    site = ui_project.parent / "site"
    result = build(ui_project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def site_url(ui_site: Path) -> Iterator[str]:
    with serve_under_subpath(ui_site) as url:
        yield url


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same events with at most 6 per list page, and the review page published."""
    project = make_project(tmp_path_factory.mktemp("paged") / "proj", ui_events(),
                           "events_per_page: 6\npublish_review_page: true")
    site = project.parent / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def all_events() -> list[Event]:
    return [*ui_events(), seed_event()]


def expected_shown(tag: str | None = None, person: str | None = None,
                   words: str = "") -> int:
    """How many events of the UI site a filter should show (from the events themselves)."""
    count = 0
    for event in all_events():
        text = " ".join([event.title, event.location or "", event.summary, *event.tags,
                         *event.people, *event.places, *event.organizations]).casefold()
        if tag and tag not in event.tags:
            continue
        if person and person not in event.people:
            continue
        if not all(word in text for word in words.casefold().split()):
            continue
        count += 1
    return count


def event_dir(event_title: str, site: Path) -> Path:
    """The built folder of an event page, found by its title's slug."""
    (match,) = [p for p in site.glob("events/*/*") if p.name.endswith(slug_for(event_title))]
    return match


# --- Built pages, read with an HTML parser ------------------------------------------------


def test_timeline_lists_every_event_in_time_with_headings_jump_bar_and_filter_data(
        ui_site: Path) -> None:
    html_file = ui_site / "timeline" / "index.html"
    page = read_page(html_file)
    events = sorted(all_events(), key=lambda e: (e.date, e.title.lower()))
    assert [entry["data-date"] for entry in page.entries] == [e.date.isoformat()
                                                               for e in events]
    years = sorted({e.date.year for e in events})
    months = sorted({(e.date.year, e.date.month) for e in events})
    assert {f"y{year}" for year in years} <= page.ids
    assert {f"m{y}-{m:02d}" for y, m in months} <= page.ids
    jump_links = [a for a in page.classes["tl-jump"]]
    assert len(jump_links) == 1
    text = html_file.read_text(encoding="utf-8")
    jump = text[text.index('class="tl-jump"'):text.index("</nav>", text.index('class="tl-jump"'))]
    for year in years:
        assert f'href="#y{year}"' in jump
    for y, m in months:
        assert f'href="#m{y}-{m:02d}"' in jump
    pier = next(entry for entry in page.entries if "pier-accord" in entry["id"])
    assert pier["data-tags"] == "diplomacy"
    assert pier["data-people"] == "ilse-varnholt"
    assert pier["data-places"] == "port-veyra ashmoor"
    assert pier["data-organizations"] == "ashmoor-ferry-company"
    assert "Mayor Ilse Varnholt signed" in text
    # Date range, location and number of sources are in each entry's meta line.
    assert "3 March 2025 – 5 March 2025" in text
    assert '<span class="tl-location">Calden Reach</span>' in text
    assert '<span class="tl-sources">2 sources</span>' in text
    # Controls are not in the HTML: timeline.js makes them, so without JS they are absent.
    assert "tl-controls" not in text and 'class="tl-filters"' in text
    assert 'src="../assets/timeline/timeline.js"' in text


def test_every_link_of_every_page_resolves_including_chart_bars(ui_site: Path,
                                                                 paged_site: Path) -> None:
    for site in (ui_site, paged_site):
        checked, broken = broken_links(site)
        assert checked > 500
        assert broken == []
        svg_checked, svg_broken = broken_links(site, only_svg=True)
        assert svg_checked > 10 and svg_broken == []


def test_chart_is_a_row_of_bar_links_with_a_text_alternative_on_list_pages(
        ui_site: Path, paged_site: Path) -> None:
    pages = [ui_site / "timeline" / "index.html", ui_site / "people" / "ilse-varnholt"
             / "index.html", paged_site / "timeline" / "index.html",
             paged_site / "timeline" / "2025" / "index.html",
             paged_site / "tags" / "economy" / "index.html"]
    for html_file in pages:
        page = read_page(html_file)
        assert len(page.classes.get("tl-chart", [])) == 1, html_file
        # The bars are a picture for the eye (hidden from screen readers, out of the tab
        # order); the table and caption carry the figures.
        (plot,) = page.classes["tl-chart-plot"]
        assert plot["aria-hidden"] == "true"
        bars = [bar for bar in page.classes["tl-bar"] if bar["tag"] == "a"]
        assert bars and all(bar["tabindex"] == "-1" and ": " in bar["title"] for bar in bars)
        assert "tl-sr-only" in page.classes and any(
            item["tag"] == "table" for item in page.classes["tl-sr-only"]), html_file
        text = html_file.read_text(encoding="utf-8")
        assert re.search(r"<figcaption>Events per (month|year)", text), html_file
        assert any(in_chart for _, in_chart in page.links), html_file
        assert "<svg" not in text[text.index('class="tl-chart"'):text.index("</figure>")]
    # The 2025 bars of the single timeline link to the month anchors on the same page.
    text = (ui_site / "timeline" / "index.html").read_text(encoding="utf-8")
    start = text.index('class="tl-chart-plot"')
    assert 'href="#m2025-12"' in text[start:text.index("</div>", start)]


def test_long_lists_split_into_year_pages_and_numbered_pages(paged_site: Path) -> None:
    overview = (paged_site / "timeline" / "index.html").read_text(encoding="utf-8")
    # The overview shows the latest events, newest first, then links every year.
    latest = [entry["data-date"] for entry in
              read_page(paged_site / "timeline" / "index.html").entries]
    assert latest == sorted((e.date.isoformat() for e in all_events()), reverse=True)[:10]
    assert re.search(r'href="(\.\./timeline/)?2025/"', overview)
    assert re.search(r'href="(\.\./timeline/)?2024/"', overview)
    numbered = sorted(p.name for p in (paged_site / "timeline").iterdir() if p.is_dir())
    assert "2025-2" in numbered and "2024-2" in numbered
    shown = []
    for folder in numbered:
        page = read_page(paged_site / "timeline" / folder / "index.html")
        assert 0 < len(page.entries) <= 6, folder
        shown += [entry["data-date"] for entry in page.entries]
    assert shown == sorted(e.date.isoformat() for e in all_events())
    # Entity pages split the same way: the tag 'economy' has more than 6 events.
    economy = paged_site / "tags" / "economy"
    assert read_page(economy / "index.html").entries == []
    assert (economy / "2025" / "index.html").is_file()
    # Index pages still show every name with its count, most events first.
    people = (paged_site / "people" / "index.html").read_text(encoding="utf-8")
    assert re.search(r">Ilse Varnholt</a> \((\d+) events\)", people)


def test_entity_page_has_its_timeline_chart_and_the_names_often_with_it(
        ui_site: Path) -> None:
    html_file = ui_site / "people" / "ilse-varnholt" / "index.html"
    text = html_file.read_text(encoding="utf-8")
    page = read_page(html_file)
    mine = [e for e in all_events() if "Ilse Varnholt" in e.people]
    assert len(page.entries) == len(mine) >= 2
    assert 'id="often-with"' in text
    often = text[text.index('id="often-with"'):]
    # Ashmoor and the Ashmoor Ferry Company appear with her in both her events.
    assert re.search(r">Ashmoor Ferry Company</a> organization, 2 shared events", often)
    assert re.search(r">Ashmoor</a> place, 2 shared events", often)


def test_event_page_has_header_sources_neighbours_and_also_on_this_day(
        ui_site: Path) -> None:
    html_file = event_dir(PIER, ui_site) / "index.html"
    text = html_file.read_text(encoding="utf-8")
    header = text[text.index('class="tl-event-header"'):]
    assert '<time datetime="2025-12-17">17 December 2025</time>' in header
    assert '<span class="tl-location">Port Veyra</span>' in header
    assert 'href="../../../people/ilse-varnholt/"' in header
    # Sources: publisher and title, linked to the address; no seed file name when published.
    assert re.search(r'The Veyra Courier</span>: <a href="https://veyra.example/fictional-pier">'
                     r"<cite>Port Veyra harbour board signs the pier accord</cite></a>", text)
    assert "credit: veyra.example" in text
    assert "fictional-pier.txt" not in text and "seed:" not in text
    also = text[text.index('id="also-on-this-day"'):]
    assert SEED_TITLE in also  # the same day
    assert FERRY in also and "17 December 2024" in also  # the same day, a year before
    assert "Previous:" in text and "Next:" in text
    # "In the timeline" lands on the event's own entry.
    entry_id = "e-" + event_dir(PIER, ui_site).name
    assert f'href="../../../timeline/#{entry_id}"' in text
    assert f'id="{entry_id}"' in (ui_site / "timeline" / "index.html").read_text("utf-8")


def test_search_index_finds_events_by_title_summary_people_and_places(ui_site: Path) -> None:
    # The header's search reads the Pagefind index (builder/plugin/search.py): one gzipped
    # JSON fragment per record, after a "pagefind_dcd" signature. A record's page is its
    # "url" metadata, absent for the home page (Pagefind's own "url" names the file it
    # indexed the record from).
    fragments = [json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd"):])
                 for path in (ui_site / "pagefind" / "fragment").iterdir()]
    index = {"docs": [{"location": doc["meta"].get("url", ""), "title": doc["meta"]["title"],
                       "text": doc["content"]} for doc in fragments]}
    pier_dir = event_dir(PIER, ui_site).relative_to(ui_site).as_posix() + "/"
    entries = [doc for doc in index["docs"] if doc["location"].startswith(pier_dir)]
    assert entries, "the pier event page is not in the search index"
    text = " ".join(doc["title"] + " " + doc["text"] for doc in entries)
    for words in (PIER, "signed the pier accord", "Ilse Varnholt", "Port Veyra", "Ashmoor"):
        assert words in text, words
    # List pages do not flood the results with copies of every event.
    timeline_docs = [doc for doc in index["docs"] if doc["location"].startswith("timeline/")]
    assert PIER not in json.dumps(timeline_docs)


def test_review_page_is_published_only_when_asked(ui_site: Path, paged_site: Path) -> None:
    assert not (ui_site / "review").exists()
    for html_file in ui_site.rglob("*.html"):
        assert 'href="review/"' not in html_file.read_text("utf-8"), html_file
    text = (paged_site / "review" / "index.html").read_text(encoding="utf-8")
    assert 'id="review-year-inferred"' in text and 'id="review-location-unsure"' in text
    unsure = text[text.index('id="review-location-unsure"'):]
    assert PIER in unsure[:unsure.index("<h2") if "<h2" in unsure else None]
    assert SEED_TITLE in text


def test_mkdocs_serve_shows_the_review_page(ui_project: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=ui_project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        body = None
        deadline = time.monotonic() + 120
        while body is None and time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/review/") as response:
                    body = response.read().decode("utf-8")
            except OSError:
                time.sleep(0.5)
        assert body is not None, "mkdocs serve did not serve /review/"
        assert PIER in body and "location unsure" in body
    finally:
        server.terminate()
        server.wait(timeout=30)
        if server.stderr:
            server.stderr.close()


@pytest.mark.parametrize("directory_urls", [True, False])
def test_raw_html_links_resolve_as_mkdocs_own_urls_do(directory_urls: bool) -> None:
    """Lists, charts and event page cards are HTML made after Markdown, with URLs computed
    by `pages`; they must point where MkDocs' own URL for each page is, in both styles."""
    from mkdocs.structure.files import File
    from mkdocs.utils import get_relative_url

    from builder.plugin import pages

    paths = ["index.md", "timeline.md", "timeline/2025.md", "timeline/2025-2.md",
             "people/index.md", "people/index-2.md", "people/ilse-varnholt.md",
             "people/ilse-varnholt/2024.md", "events/2025/2025-12-17-pier.md", "review.md"]
    site = pages.Site.of([], "events", directory_urls=directory_urls)

    def url(path: str) -> str:
        return str(File(path, "/docs", "/site", directory_urls).url)

    for source in paths:
        base = urljoin("http://site.invalid/", url(source))
        for target in paths:
            expected = urljoin(base, get_relative_url(url(target), url(source)))
            assert urljoin(base, site.raw_url(source, target)) == expected, (source, target)
            chart = pages.href(source, target, directory_urls, "m2025-12")
            assert urljoin(base, chart) == expected + "#m2025-12", (source, target)


def test_index_pages_split_past_a_thousand_names_and_keep_their_names_free() -> None:
    from builder.plugin import pages

    people = [*(f"Citizen {number:04d} of Port Veyra" for number in range(2100)), "Index 2"]
    events = [Event(title=f"Port Veyra assembly {n}", date=dt.date(2025, 1, 1 + n % 28),
                    people=people[n::30], path=f"2025/a-{n}.md") for n in range(30)]
    site = pages.Site.of(events, "events", entity_min_events=1)
    generated = pages.generated_pages(site)
    assert {"people/index.md", "people/index-2.md", "people/index-3.md"} <= set(generated)
    assert "people/index-4.md" not in generated
    # A person whose name gives the slug of an index page gets another one.
    assert site.entity_pages["people"]["Index 2"] == "people/index-2-2.md"
    first = pages.fill_lists(site, "people/index.md", generated["people/index.md"])
    assert first.count("<li><a href=") == pages.INDEX_PER_PAGE
    assert ('<span aria-current="page">1</span> <a href="../people/index-2/">2</a> '
            '<a href="../people/index-3/">3</a>') in first


# --- In a real headless Chromium -----------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launch_chromium() as chromium:
        yield chromium


@pytest.fixture
def page(browser: Any, site_url: str) -> Iterator[Any]:
    """A fresh page (desktop size, light palette) that records requests to other hosts."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    foreign: list[str] = []

    def note_foreign(request: Any) -> None:
        if urlsplit(request.url).hostname not in ("127.0.0.1", None):
            foreign.append(request.url)

    context.on("request", note_foreign)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert foreign == [], f"requests to other hosts: {foreign}"
    assert errors == [], f"JavaScript errors: {errors}"


def count_text(shown: int, total: int) -> str:
    return f"{shown} of {total} events shown"


def visible_dates(tab: Any) -> list[str]:
    dates: list[str] = tab.eval_on_selector_all(
        ".tl-entry", "nodes => nodes.filter(n => n.offsetParent !== null)"
                     ".map(n => n.dataset.date)")
    return dates


def open_filters(tab: Any) -> None:
    """Open the one control the filters fold into."""
    from playwright.sync_api import expect

    box = tab.locator(".tl-fields-box")
    expect(box).to_be_visible()
    if box.get_attribute("open") is None:
        tab.locator(".tl-fields-box > summary").click()


@pytest.mark.browser
def test_filters_combine_live_in_the_hash_and_reset(page: Any, site_url: str) -> None:
    from playwright.sync_api import expect

    total = len(all_events())
    page.goto(f"{site_url}timeline/")
    open_filters(page)
    count = page.locator(".tl-count")
    expect(count).to_have_text(count_text(total, total))
    page.get_by_label("Tag", exact=True).select_option("diplomacy")
    expect(count).to_have_text(count_text(expected_shown(tag="diplomacy"), total))
    page.get_by_label("Person", exact=True).select_option("ilse-varnholt")
    both = expected_shown(tag="diplomacy", person="Ilse Varnholt")
    expect(count).to_have_text(count_text(both, total))
    assert both == 1 and len(visible_dates(page)) == 1
    assert page.evaluate("location.hash") == "#tag=diplomacy&person=ilse-varnholt"
    # Free text: every word must match (title, summary, location or a name).
    page.get_by_label("Person", exact=True).select_option("")
    page.get_by_label("Tag", exact=True).select_option("")
    page.get_by_label("Text", exact=True).fill("ferry ashmoor")
    expect(count).to_have_text(count_text(expected_shown(words="ferry ashmoor"), total))
    assert "q=ferry+ashmoor" in page.evaluate("location.hash")
    page.get_by_role("button", name="Show all events").click()
    expect(count).to_have_text(count_text(total, total))
    assert page.evaluate("location.hash") == ""
    assert len(visible_dates(page)) == total


@pytest.mark.browser
def test_a_shared_filter_url_opens_filtered(page: Any, site_url: str) -> None:
    from playwright.sync_api import expect

    total = len(all_events())
    page.goto(f"{site_url}timeline/#tag=economy&person=ilse-varnholt")
    expect(page.locator(".tl-count")).to_have_text(
        count_text(expected_shown(tag="economy", person="Ilse Varnholt"), total))
    expect(page.get_by_label("Tag", exact=True)).to_have_value("economy")
    expect(page.get_by_label("Person", exact=True)).to_have_value("ilse-varnholt")
    assert page.locator(".tl-entry:visible").count() == 1
    expect(page.get_by_role("link", name=FERRY, exact=True)).to_be_visible()
    # Months and years left without events are hidden too.
    assert page.locator(".tl-month:visible").count() == 1
    # The hash can also change while the page is open (back button, edited URL).
    page.evaluate("location.hash = '#q=lantern'")
    expect(page.locator(".tl-count")).to_have_text(
        count_text(expected_shown(words="lantern"), total))


@pytest.mark.browser
def test_keyboard_alone_filters_orders_and_jumps(page: Any, site_url: str) -> None:
    from playwright.sync_api import expect

    events = sorted(all_events(), key=lambda e: (e.date, e.title.lower()))
    page.goto(f"{site_url}timeline/")
    assert visible_dates(page)[0] == events[0].date.isoformat()
    open_filters(page)
    # The order toggle is a real button: focus it and press Enter, then Space.
    toggle = page.get_by_role("button", name="Show newest first")
    toggle.focus()
    page.keyboard.press("Enter")
    dates = visible_dates(page)
    assert dates == sorted(dates, reverse=True) and dates[0] == events[-1].date.isoformat()
    assert "order=newest" in page.evaluate("location.hash")
    expect(page.get_by_role("button", name="Show oldest first")).to_be_focused()
    page.keyboard.press("Space")
    assert visible_dates(page) == sorted(visible_dates(page))
    # A select, with the arrow keys only.
    tag = page.get_by_label("Tag", exact=True)
    tag.focus()
    page.keyboard.press("ArrowDown")
    assert tag.input_value() != ""
    expect(page.locator(".tl-count")).not_to_have_text(count_text(len(events), len(events)))
    # Typing in the text field stays there (Material's search keys do not steal it).
    text = page.get_by_label("Text", exact=True)
    text.focus()
    page.keyboard.type("sf/")
    expect(text).to_have_value("sf/")
    page.get_by_role("button", name="Show all events").click()
    # Jump bar: from the order button, Tab to the years, then to the months of the year;
    # each has a visible focus outline; Enter: the month's heading is in view, below the bar.
    page.get_by_role("button", name="Show newest first").focus()
    years = page.locator(".tl-jump-years a").count()
    page.keyboard.press("Tab")
    expect(page.locator(".tl-jump-years a").first).to_be_focused()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), "no visible focus outline"
    for _ in range(years):
        page.keyboard.press("Tab")
    month = page.locator(".tl-jump-months.tl-current a").first
    expect(month).to_be_focused()
    page.keyboard.press("Enter")
    href = month.get_attribute("href")
    assert href is not None and href.startswith("#m")
    heading = page.locator(f"[id='{href[1:]}']")
    expect(heading).to_be_in_viewport()
    bar_bottom = page.evaluate("document.querySelector('.tl-jump').getBoundingClientRect()"
                               ".bottom")
    assert heading.bounding_box()["y"] >= bar_bottom - 1


@pytest.mark.browser
def test_jump_bar_stays_in_view_and_follows_the_year(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}timeline/")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_function("document.querySelector('.tl-jump-months.tl-current')"
                           ".dataset.year === '2025'")
    top = page.evaluate("document.querySelector('.tl-jump').getBoundingClientRect().top")
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect()"
                           ".bottom")
    assert abs(top - header) <= 2, (top, header)
    assert page.locator(".tl-jump-years a.tl-current").inner_text() == "2025"
    page.evaluate("document.getElementById('y2024').scrollIntoView()")
    page.wait_for_function("document.querySelector('.tl-jump-months.tl-current')"
                           ".dataset.year === '2024'")
    assert page.locator(".tl-jump-months:visible").count() == 1


@pytest.mark.browser
def test_a_chart_bar_opens_its_month(page: Any, site_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(f"{site_url}timeline/")
    page.locator(".tl-chart-plot a[href='#m2025-03']").click()
    assert page.evaluate("location.hash") == "#m2025-03"
    expect(page.locator("[id='m2025-03']")).to_be_in_viewport()
    # On an entity page the bars link to that entity's months.
    page.goto(f"{site_url}people/ilse-varnholt/")
    page.locator(".tl-chart-plot a[href='#m2024-12']").click()
    expect(page.get_by_role("link", name=FERRY, exact=True)).to_be_in_viewport()


@pytest.mark.browser
def test_on_a_phone_the_filters_fold_under_a_toggle(browser: Any, site_url: str) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        tab = context.new_page()
        tab.goto(f"{site_url}timeline/")
        tag = tab.get_by_label("Tag", exact=True)
        expect(tag).to_be_hidden()
        expect(tab.locator(".tl-count")).to_be_visible()
        tab.locator(".tl-fields-box > summary").focus()
        tab.keyboard.press("Enter")
        expect(tag).to_be_visible()
        # A shared filtered link opens with the filters shown.
        shared = context.new_page()
        shared.goto(f"{site_url}timeline/#tag=economy")
        expect(shared.get_by_label("Tag", exact=True)).to_be_visible()
        expect(shared.get_by_label("Tag", exact=True)).to_have_value("economy")
    finally:
        context.close()


@pytest.mark.browser
def test_without_javascript_the_page_is_the_plain_list(browser: Any, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(f"{site_url}timeline/")
        assert tab.locator(".tl-controls").count() == 0
        assert tab.locator("select, input[type=search]:not(.md-search__input)").count() == 0
        assert tab.locator(".tl-entry:visible").count() == len(all_events())
        assert tab.locator(".tl-chart").is_visible()
    finally:
        context.close()


@pytest.mark.browser
def test_search_box_finds_events_by_title_summary_person_and_place(page: Any,
                                                                   site_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(f"{site_url}timeline/")
    box = page.locator("input.md-search__input")
    for query, title in (("pier accord", PIER), ("brokered", FERRY), ("Odo Brambeck", FERRY),
                         ("Calden Reach", FESTIVAL), ("Witkoff", SEED_TITLE)):
        box.click()
        box.fill("")
        box.press_sequentially(query, delay=20)  # as a person types (Material reads keys)
        results = page.locator(".md-search-result__item")
        expect(results.filter(has_text=title).first).to_be_visible()
        page.keyboard.press("Escape")


@pytest.fixture(scope="module")
def offline_site(ui_project: Path) -> Path:
    """The UI project built with `OFFLINE=true`: a site to open from disk (file://)."""
    site = ui_project.parent / "offline-site"
    result = build(ui_project, site, OFFLINE="true")
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.mark.browser
def test_offline_build_works_from_file_urls_with_the_network_blocked(
        browser: Any, offline_site: Path) -> None:
    from playwright.sync_api import expect

    for html_file in offline_site.rglob("*.html"):
        assert "unpkg.com" not in html_file.read_text(encoding="utf-8"), html_file
    assert (offline_site / "search" / "search_index.js").is_file()
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    blocked: list[str] = []

    def only_files(route: Any) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_files)

    def note_blocked(request: Any) -> None:
        if not request.url.startswith("file:"):
            blocked.append(request.url)

    context.on("request", note_blocked)
    try:
        tab = context.new_page()
        tab.goto((offline_site / "index.html").as_uri())
        tab.locator(".md-nav--primary").get_by_role("link", name="Timeline").first.click()
        tab.wait_for_url(re.compile(r".*/timeline\.html$"))
        expect(tab.locator(".tl-chart")).to_be_visible()
        total = len(all_events())
        open_filters(tab)
        tab.get_by_label("Tag", exact=True).select_option("diplomacy")
        expect(tab.locator(".tl-count")).to_have_text(
            count_text(expected_shown(tag="diplomacy"), total))
        box = tab.locator("input.md-search__input")
        box.click()
        box.press_sequentially("Witkoff", delay=20)
        result = tab.locator(".md-search-result__item").filter(has_text=SEED_TITLE).first
        expect(result).to_be_visible()
        result.locator("a").first.click()
        tab.wait_for_url(re.compile(r".*/events/2025/2025-12-17-[^/]+\.html.*"))
        expect(tab.locator(".md-content h1")).to_have_text(SEED_TITLE)
    finally:
        context.close()
    assert blocked == [], f"requests that were not for files: {blocked}"


def require_axe() -> None:
    if AXE.is_file():
        return
    reason = (f"axe-core is not installed at {AXE} (run: npm install --prefix .cache/npm "
              "axe-core@4)")
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but {reason}", pytrace=False)
    pytest.skip(reason)


def axe_violations(tab: Any) -> list[dict[str, Any]]:
    tab.add_script_tag(path=str(AXE))
    violations: list[dict[str, Any]] = tab.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ["violations"]});
        return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map(n => n.target.join(" "))}));
    }""")
    return violations


def key_pages(site: Path) -> dict[str, str]:
    """Name -> site-relative URL of the pages every check visits."""
    return {"home": "", "timeline": "timeline/", "entity": "people/ilse-varnholt/",
            "event": event_dir(SEED_TITLE, site).relative_to(site).as_posix() + "/"}


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_or_critical_violations(browser: Any, site_url: str,
                                                     ui_site: Path, scheme: str) -> None:
    require_axe()
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme=scheme)
    report: dict[str, list[dict[str, Any]]] = {}
    try:
        tab = context.new_page()
        for name, url in key_pages(ui_site).items():
            tab.goto(site_url + url)
            tab.wait_for_load_state("load")
            if name in ("timeline", "entity"):
                tab.wait_for_selector(".tl-controls")
            report[name] = axe_violations(tab)
    finally:
        context.close()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{scheme}.json").write_text(json.dumps(report, indent=2), "utf-8")
    severe = {name: [v for v in found if v["impact"] in ("serious", "critical")]
              for name, found in report.items()}
    assert severe == {name: [] for name in report}


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("device", "width", "height"),
                         [("phone", 390, 844), ("desktop", 1280, 800)])
def test_screenshots_and_no_sideways_scrolling_on_a_phone(
        browser: Any, site_url: str, ui_site: Path, device: str, width: int, height: int,
        scheme: str) -> None:
    context = browser.new_context(viewport={"width": width, "height": height},
                                  color_scheme=scheme, device_scale_factor=1)
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        tab = context.new_page()
        for name, url in key_pages(ui_site).items():
            tab.goto(site_url + url)
            tab.wait_for_load_state("load")
            palette = tab.evaluate("document.body.getAttribute('data-md-color-scheme')")
            assert palette == ("slate" if scheme == "dark" else "default")
            overflow = tab.evaluate("[document.documentElement.scrollWidth, innerWidth]")
            if device == "phone":
                assert overflow[0] <= overflow[1], f"{name}: scrolls sideways {overflow}"
            tab.screenshot(path=str(ARTIFACTS / f"{name}-{device}-{scheme}.png"),
                           full_page=name != "timeline")
            if name == "timeline":
                tab.screenshot(path=str(ARTIFACTS / f"{name}-{device}-{scheme}-full.png"),
                               full_page=True)
            if (name, device, scheme) == ("timeline", "desktop", "light"):
                tab.screenshot(path=str(ARTIFACTS / "readme-timeline.png"))
    finally:
        context.close()


# --- Scale ---------------------------------------------------------------------------------

#: No generated page may grow past this many bytes, however many events there are.
MAX_PAGE_BYTES = 300_000


def test_ten_thousand_events_build_with_no_page_over_300_kb(tmp_path: Path) -> None:
    events = fictional_events(10_000, dt.date(2016, 1, 1), dt.date(2025, 12, 31), seed=11,
                              heavy_every=25)
    project = make_project(tmp_path / "big", events)
    site = tmp_path / "site"
    started = time.monotonic()
    result = build(project, site)
    seconds = time.monotonic() - started
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    sizes = {path: path.stat().st_size for path in site.rglob("*.html")}
    largest = max(sizes, key=lambda path: sizes[path])
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "large-site.json").write_text(json.dumps({
        "events": len(events) + 1, "build_seconds": round(seconds, 1),
        "html_pages": len(sizes), "html_bytes": sum(sizes.values()),
        "largest_page": largest.relative_to(site).as_posix(),
        "largest_page_bytes": sizes[largest]}, indent=2), encoding="utf-8")
    assert sizes[largest] < MAX_PAGE_BYTES, (largest, sizes[largest])
    # The timeline became an overview (the latest events, then year pages), and long years
    # are numbered pages.
    assert len(read_page(site / "timeline" / "index.html").entries) == 10
    for year in range(2016, 2026):
        assert (site / "timeline" / str(year) / "index.html").is_file()
        assert (site / "timeline" / f"{year}-2" / "index.html").is_file()
    assert (site / "tags" / "economy" / "2020" / "index.html").is_file()
