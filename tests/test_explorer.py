"""The explorer (/explore/) and the header's search box, on a fictional timeline of 1,200
events.

One real `mkdocs build --strict` of a project made by `timeline init` with 1,200 invented
events over twenty years (bench/explorer.py's generator: towns such as Puerto Niño, people
such as Zoë Selar), served under /repo/ as GitHub Pages serves a project site, and driven
in a real headless Chromium: filters across years with their counts, the state in the URL
(restored on reload, undone by Back), a date range, accent-insensitive words, a person
found by name in the header's search box, axe-core, and screenshots in test-artifacts/
(or $EXPLORER_ARTIFACTS).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import (
    ROOT,
    launch_chromium,
    load_bench_explorer,
    mkdocs_build,
    serve_under_subpath,
    timeline,
)
from playwright.sync_api import expect

from builder.model import Event
from builder.plugin import explorer, search

COUNT = 1200
AXE = Path(os.environ.get("AXE_CORE_JS")
           or ROOT / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js")
ARTIFACTS = Path(os.environ.get("EXPLORER_ARTIFACTS") or ROOT / "test-artifacts")


BENCH = load_bench_explorer()
EVENTS: list[Event] = BENCH.fictional_events(COUNT, words=40)


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.lower())
                   if not unicodedata.combining(c))


def count(**wanted: str) -> int:
    """How many of EVENTS have each of the given names (kind=name)."""
    return sum(all(name in event.entities(kind) for kind, name in wanted.items())
               for event in EVENTS)


def commonest(kind: str, among: list[Event]) -> str:
    tally: dict[str, int] = {}
    for event in among:
        for name in event.entities(kind):
            tally[name] = tally.get(name, 0) + 1
    return max(sorted(tally), key=lambda name: tally[name])


# --- The site --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The project's site, built with `mkdocs build --strict` and served under /repo/."""
    root = tmp_path_factory.mktemp("explorer")
    project = root / "project"
    result = timeline("init", str(project), cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    BENCH.write_events(project / "content" / "events", EVENTS)
    site = root / "site"
    with serve_under_subpath(site) as url:
        with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
            config.write(f"\nsite_url: {url}\n")
        result = mkdocs_build(project, site)
        assert result.returncode == 0, result.stdout + result.stderr
        yield site, url


def test_without_javascript_the_explorer_links_every_year(built: tuple[Path, str]) -> None:
    site, _ = built
    page = (site / "explore" / "index.html").read_text(encoding="utf-8")
    years = sorted({event.date.year for event in EVENTS})
    for year in years:
        assert re.search(rf'<a href="[^"]*{year}[^"]*">{year}</a>', page), year
    assert '<form class="tlx-form" role="search" aria-label="Filter all events" hidden>' in page
    # The page's own heading stays markup next to the template's HTML (not escaped text).
    assert '<h1 id="explore-all-events">Explore all events</h1>' in page
    assert "&lt;h1" not in page
    assert (site / "pagefind" / "pagefind.js").is_file()


def test_material_search_index_is_left_empty(built: tuple[Path, str]) -> None:
    """The header's box reads the Pagefind index; Material's, which every page would
    download, holds nothing."""
    site, _ = built
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    assert index["docs"] == []
    page = (site / "index.html").read_text(encoding="utf-8")
    assert 'name="timeline-search"' in page and 'name="search"' not in page


def test_entity_record_says_what_it_is() -> None:
    person = commonest("people", EVENTS)
    events = [event for event in EVENTS if person in event.people]
    record = search.entity_record("people", person, events, "people/x/")
    years = sorted(event.date.year for event in events)
    assert record.meta == {"title": person, "url": "people/x/",
                           "summary": f"Person: {len(events)} events, {years[0]}–{years[-1]}"}
    assert record.filters == {"kind": ["person"]}


def test_event_record_holds_names_month_and_day() -> None:
    event = EVENTS[0]
    record = search.event_record(event, "events/x/")
    assert record.filters["month"] == [f"{event.date:%Y-%m}"]
    assert record.filters["person"] == event.people
    assert record.filters["kind"] == ["event"]
    assert record.meta["title"] == event.title
    assert record.sort["date"].startswith(event.date.isoformat())
    assert explorer.site_root("explore.md", True) == "../"
    assert explorer.site_root("explore.md", False) == "./"


# --- In Chromium -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launch_chromium() as chromium:
        yield chromium


def open_explorer(browser: Any, url: str, query: str = "", **options: Any) -> Any:
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 800}, **options})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.errors = errors
    tab.goto(f"{url}explore/{query}")
    settled(tab)
    return tab


def settled(tab: Any, before: str | None = None) -> None:
    """Wait until the explorer has drawn the results of its latest run (after `before`)."""
    tab.wait_for_function(
        """before => { const box = document.querySelector('[data-tlx]');
            return box.hasAttribute('data-run') && box.getAttribute('data-run') !== before
                && !box.hasAttribute('aria-busy'); }""", arg=before)


def act(tab: Any, action: Any) -> None:
    before = tab.get_attribute("[data-tlx]", "data-run")
    action()
    settled(tab, before)


def status(tab: Any) -> str:
    text: str = tab.inner_text(".tlx-status")
    return text


def value_button(tab: Any, facet: str, name: str) -> Any:
    return tab.locator(f'[data-facet="{facet}"] .tlx-value').filter(
        has=tab.locator(".tlx-name", has_text=re.compile(f"^{re.escape(name)}$")))


def choose(tab: Any, facet: str, name: str) -> int:
    """Open the facet, find `name` with its find box, click it; returns the count shown."""
    tab.eval_on_selector(f'[data-facet="{facet}"]', "facet => { facet.open = true; }")
    tab.fill(f"#tlx-find-{facet}", name)
    button = value_button(tab, facet, name)
    shown = int(button.locator(".tlx-count").inner_text().replace(",", ""))
    act(tab, button.click)
    return shown


def query(tab: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(tab.url).query)


def years_listed(tab: Any) -> set[int]:
    dates = tab.eval_on_selector_all(".tlx-results time", "times => times.map(t => t.dateTime)")
    return {int(day[:4]) for day in dates}


@pytest.mark.browser
def test_filters_work_across_years_with_counts_and_a_restored_url(
        browser: Any, built: tuple[Path, str]) -> None:
    _, url = built
    tab = open_explorer(browser, url)
    try:
        assert status(tab).startswith(f"{COUNT:,} events, newest first")
        tag = commonest("tags", EVENTS)
        assert choose(tab, "tag", tag) == count(tags=tag)
        assert status(tab).startswith(f"{count(tags=tag):,} of {COUNT:,} events")
        with_tag = [event for event in EVENTS if tag in event.tags]
        place = commonest("places", with_tag)
        assert choose(tab, "place", place) == count(tags=tag, places=place)
        expected = count(tags=tag, places=place)
        assert status(tab).startswith(f"{expected:,} of {COUNT:,} events")
        assert query(tab) == {"tag": [tag], "place": [place]}
        newest = years_listed(tab)
        act(tab, lambda: tab.select_option("#tlx-order", "oldest"))
        oldest = years_listed(tab)
        matching = sorted(e.date for e in EVENTS if tag in e.tags and place in e.places)
        assert max(newest) == matching[-1].year and min(oldest) == matching[0].year
        assert matching[0].year != matching[-1].year, "the filter should span years"

        first, last = dt.date(2010, 3, 6), dt.date(2014, 8, 17)
        for field, value in (("#tlx-from", "2010-03-06"), ("#tlx-to", "2014-08-17")):
            act(tab, lambda f=field, v=value: tab.eval_on_selector(f, """(input, value) => {
                input.value = value; input.dispatchEvent(new Event('change'));}""", v))
        in_range = sum(first <= day <= last for day in matching)
        assert status(tab).startswith(f"{in_range:,} of {COUNT:,} events")
        assert query(tab)["from"] == ["2010-03-06"] and query(tab)["order"] == ["oldest"]

        act(tab, tab.reload)
        assert status(tab).startswith(f"{in_range:,} of {COUNT:,} events, oldest first")
        expect_pressed = value_button(tab, "tag", tag).get_attribute("aria-pressed")
        assert expect_pressed == "true"
        assert tab.input_value("#tlx-from") == "2010-03-06"
        assert tab.input_value("#tlx-order") == "oldest"
        assert tab.errors == []
    finally:
        tab.context.close()


@pytest.mark.browser
def test_back_undoes_a_filter(browser: Any, built: tuple[Path, str]) -> None:
    _, url = built
    tab = open_explorer(browser, url)
    try:
        tag = commonest("tags", EVENTS)
        choose(tab, "tag", tag)
        person = commonest("people", [event for event in EVENTS if tag in event.tags])
        choose(tab, "person", person)
        assert status(tab).startswith(f"{count(tags=tag, people=person):,} of")
        act(tab, tab.go_back)
        assert query(tab) == {"tag": [tag]}
        assert status(tab).startswith(f"{count(tags=tag):,} of {COUNT:,} events")
        act(tab, tab.go_back)
        assert query(tab) == {}
        assert status(tab).startswith(f"{COUNT:,} events")
        assert tab.url.endswith("/explore/")
    finally:
        tab.context.close()


@pytest.mark.browser
def test_words_are_accent_and_case_insensitive(browser: Any, built: tuple[Path, str]) -> None:
    _, url = built
    tab = open_explorer(browser, url)
    try:
        expected = sum(bool(re.search(r"\bnino", fold(search.event_record(e, "x").content)))
                       for e in EVENTS)
        assert expected > 0
        act(tab, lambda: tab.fill("#tlx-q", "NINO"))
        assert status(tab).startswith(f"{expected:,} of {COUNT:,} events")
        assert "Niño" in tab.inner_text(".tlx-results")
        assert query(tab) == {"text": ["NINO"]}
    finally:
        tab.context.close()


@pytest.mark.browser
def test_a_person_is_found_by_name_in_the_header_search(browser: Any,
                                                        built: tuple[Path, str]) -> None:
    _, url = built
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    try:
        tab.goto(url)
        person = commonest("people", EVENTS)
        box = tab.locator("input.md-search__input")
        box.click()
        box.press_sequentially(person, delay=10)
        first = tab.locator(".md-search-result__item").first
        expect(first.locator("h1")).to_have_text(person)
        days = [event.date for event in EVENTS if person in event.people]
        expect(first.locator("p")).to_have_text(
            f"Person: {len(days)} events, {min(days).year}–{max(days).year}")
        first.locator("a").first.click()
        tab.wait_for_url(re.compile(r".*/people/[^/]+/$"))
        assert tab.locator(".md-content h1").inner_text().startswith(person)
        requests: list[str] = []
        tab.on("request", lambda request: requests.append(request.url))
        tab.reload()
        tab.wait_for_load_state("networkidle")
        assert not [url for url in requests if "search_index" in url or "pagefind" in url]
    finally:
        context.close()


@pytest.mark.browser
def test_the_header_search_loads_its_index_again_after_a_failed_load(
        browser: Any, built: tuple[Path, str]) -> None:
    _, url = built
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    refused: list[str] = []

    def refuse_once(route: Any) -> None:
        if refused:
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    try:
        tab.route("**/pagefind-entry.json*", refuse_once)
        tab.goto(url)
        person = commonest("people", EVENTS)
        box = tab.locator("input.md-search__input")
        box.click()
        box.fill(person.split()[0])
        meta = tab.locator(".md-search-result__meta")
        expect(meta).to_contain_text("could not load its index")
        box.fill(person)
        expect(tab.locator(".md-search-result__item").first.locator("h1")).to_have_text(person)
        assert len(refused) == 1
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_the_explorer(browser: Any, built: tuple[Path, str],
                                                 scheme: str) -> None:
    if not AXE.is_file():
        reason = f"axe-core is missing at {AXE} (npm install --prefix .cache/npm axe-core@4)"
        if os.environ.get("CI"):
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    _, url = built
    tab = open_explorer(browser, url, color_scheme=scheme)
    try:
        tab.eval_on_selector_all(".tlx-facet", "all => all.forEach(f => { f.open = true; })")
        tab.add_script_tag(path=str(AXE))
        violations = tab.evaluate("""async () => {
            const result = await axe.run(document, {resultTypes: ["violations"]});
            return result.violations.map(v => ({id: v.id, impact: v.impact,
                targets: v.nodes.slice(0, 3).map(n => n.target.join(" "))}));
        }""")
        assert violations == []
    finally:
        tab.context.close()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("device", "width", "height"),
                         [("desktop", 1280, 800), ("phone", 390, 844)])
def test_screenshots_and_no_sideways_scrolling(browser: Any, built: tuple[Path, str],
                                               device: str, width: int, height: int,
                                               scheme: str) -> None:
    _, url = built
    tab = open_explorer(browser, url, "?tag=" + commonest("tags", EVENTS),
                        viewport={"width": width, "height": height}, color_scheme=scheme)
    try:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / f"explorer-{device}-{scheme}.png"))
        overflow = tab.evaluate("document.documentElement.scrollWidth - innerWidth")
        assert overflow <= 0
    finally:
        tab.context.close()


@pytest.mark.browser
def test_the_first_view_loads_no_word_index_and_words_meet_the_filters(
        browser: Any, built: tuple[Path, str]) -> None:
    """The first view loads the explorer's own index (the events' days, one file of
    records, and the facet the URL names), none of Pagefind; words load their chunk of
    the explorer's word index (not Pagefind), and its events are intersected with the
    filters and the date range (a month, as older links give it, covers its whole
    month)."""
    _, url = built
    tag = commonest("tags", EVENTS)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    fetched: list[str] = []
    context.on("requestfinished", lambda request: fetched.append(urlsplit(request.url).path))
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    try:
        tab.goto(f"{url}explore/?tag={tag}&from=2012-02")
        settled(tab)
        in_range = [event for event in EVENTS
                    if tag in event.tags and event.date >= dt.date(2012, 2, 1)]
        assert status(tab).startswith(f"{len(in_range):,} of {COUNT:,} events, newest first")
        assert tab.input_value("#tlx-from") == "2012-02-01"
        index = [path.rsplit("/", 1)[-1] for path in fetched if "/pagefind/" in path]
        assert index[0] == "index.json"
        assert sorted(name.split(".")[0] for name in index[1:]) == ["records-11", "tag"]
        # Words: the word index's events, within the tag and the range.
        fetched.clear()
        act(tab, lambda: tab.fill("#tlx-q", "nino"))
        expected = [event for event in in_range
                    if re.search(r"\bnino", fold(search.event_record(event, "x").content))]
        assert expected, "the fixture should have such events"
        assert status(tab).startswith(f"{len(expected):,} of {COUNT:,} events")
        loaded = [path.rsplit("/", 1)[-1].split(".")[0] for path in fetched
                  if "/pagefind/" in path]
        assert [name for name in loaded if not name.startswith("records-")] == ["words-ni"]
        dates = tab.eval_on_selector_all(".tlx-results time",
                                         "times => times.map(t => t.dateTime)")
        newest = sorted((event.date.isoformat() for event in expected), reverse=True)
        assert dates == newest[:len(dates)]
        assert errors == []
    finally:
        context.close()


def test_explorer_index_numbers_events_by_date_and_lists_each_value(tmp_path: Path) -> None:
    events = EVENTS[:250]
    records = [search.entity_record("people", "Ilse Varnholt", events[:3], "people/ilse/")]
    records += [search.event_record(event, f"events/{number}/")
                for number, event in enumerate(events)]
    folder = tmp_path / "explorer"
    search.write_explorer_index(records, folder)
    index = json.loads((folder / "index.json").read_text("utf-8"))
    assert index["count"] == len(events)
    order = sorted(range(len(events)), key=lambda n: (
        f"{events[n].date.isoformat()} {events[n].title}", f"events/{n}/"))
    days, day = [], dt.date.fromisoformat(index["first"]).toordinal()
    for delta in index["days"]:
        day += delta
        days.append(dt.date.fromordinal(day))
    assert days == [events[n].date for n in order]
    shown = [row for name in index["records"]
             for row in json.loads((folder / name).read_text("utf-8"))]
    assert [row[0] for row in shown] == [events[n].title for n in order]
    assert len(index["records"]) == 3 and shown[0][1] == f"events/{order[0]}/"
    people = json.loads((folder / index["facets"]["person"]).read_text("utf-8"))
    person = commonest("people", events)
    listed, at = [], 0
    for delta in people["events"][people["values"].index(person)]:
        at += delta
        listed.append(at)
    assert listed == [number for number, n in enumerate(order) if person in events[n].people]
    before = {path.name: path.read_bytes() for path in folder.iterdir()}
    search.write_explorer_index(records, folder)
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == before


def test_explorer_index_of_no_events(tmp_path: Path) -> None:
    records = [search.entity_record("tags", "harbour", EVENTS[:1], "tags/harbour/")]
    search.write_explorer_index(records, tmp_path / "explorer")
    index = json.loads((tmp_path / "explorer" / "index.json").read_text("utf-8"))
    assert (index["count"], index["first"], index["days"], index["records"]) == (0, "", [], [])


def test_distinct_words_keeps_each_word_once_where_first_used() -> None:
    text = "The ferry, the ferry. «Ferry» Niño niño — ferry-men"
    assert search.distinct_words(text) == "The ferry, Niño — ferry-men"


# --- The explorer's word index -------------------------------------------------------------------


def word_events(folder: Path, word: str) -> list[int]:
    """The event numbers the word index lists for `word` (in its indexed form)."""
    index = json.loads((folder / "index.json").read_text("utf-8"))
    chunk = json.loads((folder / index["words"][word[:2]]).read_text("utf-8"))
    stored = chunk["events"][chunk["words"].index(word)]
    if isinstance(stored, str):
        bits = base64.b64decode(stored)
        return [n for n in range(index["count"]) if bits[n >> 3] >> (n & 7) & 1]
    listed, at = [], 0
    for delta in stored:
        at += delta
        listed.append(at)
    return listed


def test_stem_strips_plurals_only() -> None:
    assert [search.stem(word) for word in
            ("elections", "weavers", "cities", "ties", "bus", "crisis", "press", "gas",
             "council")] == ["election", "weaver", "city", "tie", "bus", "crisis", "press",
                             "gas", "council"]
    assert search.word_keys("Puerto Niño's ELECTIONS, Weavers' Guild_Hall 2021") == {
        "puerto", "nino", "s", "election", "weaver", "guild", "hall", "2021"}


def test_word_index_lists_each_word_as_a_bitset_or_differences(tmp_path: Path) -> None:
    events = EVENTS[:300]
    records = [search.event_record(event, f"events/{number}/")
               for number, event in enumerate(events)]
    folder = tmp_path / "explorer"
    search.write_explorer_index(records, folder)
    order = sorted(range(len(events)), key=lambda n: (
        f"{events[n].date.isoformat()} {events[n].title}", f"events/{n}/"))
    index = json.loads((folder / "index.json").read_text("utf-8"))
    every = json.loads((folder / index["words"]["co"]).read_text("utf-8"))
    assert isinstance(every["events"][every["words"].index("council")], str), "a bitset"
    assert word_events(folder, "council") == list(range(len(events)))
    # An accented name, and a plural (the tag "elections") under its singular.
    for word, wanted in (("nino", lambda e: "Puerto Niño" in search.event_record(
            e, "x").content), ("election", lambda e: "elections" in e.tags)):
        expected = [number for number, n in enumerate(order) if wanted(events[n])]
        assert 0 < len(expected) < len(events)
        assert word_events(folder, word) == expected
    rare = json.loads((folder / index["words"]["ni"]).read_text("utf-8"))
    assert isinstance(rare["events"][rare["words"].index("nino")], list), "differences"
    assert search.encode_events([0, 9], 10) == [0, 9]
    assert search._chunk_stem("co") == "words-co"
    assert search._chunk_stem("øs") == "words-xf8-73"
    assert base64.b64decode(search.encode_events(list(range(10)), 10)) == b"\xff\x03"


@pytest.mark.browser
def test_a_common_word_and_a_stemmed_accented_word_find_events_across_years(
        browser: Any, built: tuple[Path, str]) -> None:
    """"council" is in every event's title; "elections anil" finds the tag "elections"
    (by its singular, as the last word is a prefix) with "Ciudad Añil"; "weaver guilds"
    finds the "Weavers' Guild"s, the plural of the first word by its stem."""
    _, url = built
    tab = open_explorer(browser, url)
    texts = {id(event): fold(search.event_record(event, "x").content) for event in EVENTS}
    try:
        act(tab, lambda: tab.fill("#tlx-q", "Council"))
        assert status(tab).startswith(f"{COUNT:,} events, newest first")
        for typed, patterns in (("ELECTIONS Añil", (r"\belections?\b", r"\banil")),
                                ("weaver guilds", (r"\bweavers?\b", r"\bguild"))):
            expected = sorted((event.date for event in EVENTS
                               if all(re.search(pattern, texts[id(event)])
                                      for pattern in patterns)), reverse=True)
            assert expected and expected[0].year != expected[-1].year, typed
            act(tab, lambda t=typed: tab.fill("#tlx-q", t))
            assert status(tab).startswith(f"{len(expected):,} of {COUNT:,} events"), typed
            dates = tab.eval_on_selector_all(".tlx-results time",
                                             "times => times.map(t => t.dateTime)")
            assert dates == [day.isoformat() for day in expected[:len(dates)]]
            act(tab, lambda: tab.select_option("#tlx-order", "oldest"))
            assert years_listed(tab) and min(years_listed(tab)) == expected[-1].year
            act(tab, lambda: tab.select_option("#tlx-order", "newest"))
        assert tab.errors == []
    finally:
        tab.context.close()
