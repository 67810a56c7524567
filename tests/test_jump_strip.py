"""The year/month jump strip on list pages, with more years than fit in one line.

A real `mkdocs build --strict` of fictional events over twenty years (invented towns and
people from `test_timeline_ui`), read in a real headless Chromium at phone and desktop
sizes, light and dark: every jump link is either in view or brought into view by the
strip's arrow or by Tab; the current year is in view on its own page; without JavaScript
the strip wraps; axe-core finds nothing. The same strip in a right-to-left language
(`theme.language: ar`) has its arrows at the ends where links are hidden, pointing there,
and an arrow's click brings the next hidden link in whole. Screenshots go to
`test-artifacts/jump/` (or to `$JUMP_ARTIFACTS`).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import launch_chromium, serve_under_subpath
from test_timeline_ui import (
    ARTIFACTS,
    axe_violations,
    build,
    fictional_events,
    make_project,
    require_axe,
)

from builder.model import Event

pytestmark = pytest.mark.browser

#: Years with events: more than a phone's or a desktop's line holds.
FIRST_YEAR, LAST_YEAR = 2006, 2025
SHOTS = Path(os.environ.get("JUMP_ARTIFACTS") or ARTIFACTS / "jump")
SIZES = [("phone", 390, 844), ("desktop", 1280, 800)]

#: The rectangle of each link of a row and of the part of the row a reader sees: the row
#: (it clips what it scrolls) less the fades of the arrows shown.
ROW_GEOMETRY = """row => {
    const box = row.getBoundingClientRect();
    let left = box.left, right = box.right;
    for (const control of row.parentElement.querySelectorAll('.tl-jump-control')) {
        if (control.hidden || getComputedStyle(control).opacity === '0') continue;
        const fade = control.getBoundingClientRect();
        // By where it is, not by its name: in a right-to-left page "prev" is on the right.
        if (fade.left + fade.right < box.left + box.right) left = fade.right;
        else right = fade.left;
    }
    const links = [...row.querySelectorAll('a')].map(a => {
        const r = a.getBoundingClientRect();
        return {text: a.textContent, left: r.left, right: r.right, top: r.top,
                bottom: r.bottom};
    });
    return {left, right, top: Math.max(box.top, 0), bottom: Math.min(box.bottom, innerHeight),
            links, scrolls: row.scrollWidth > row.clientWidth + 1};
}"""


def jump_events() -> list[Event]:
    """A few events in each year, and one in every month of the last year."""
    events = fictional_events(120, dt.date(FIRST_YEAR, 1, 1), dt.date(LAST_YEAR - 1, 12, 31),
                              seed=11)
    events[0].date = dt.date(FIRST_YEAR, 6, 1)
    for month, event in enumerate(events[-12:], 1):
        event.date = dt.date(LAST_YEAR, month, 10)
    return events


@pytest.fixture(scope="module")
def jump_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = make_project(tmp_path_factory.mktemp("jump") / "proj", jump_events(),
                           "events_per_page: 40")
    site = project.parent / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (site / "timeline" / str(LAST_YEAR) / "index.html").is_file()
    with serve_under_subpath(site) as url:
        yield url


@pytest.fixture(scope="module")
def rtl_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The same timeline in Arabic (Material writes `dir="rtl"`): the rows run right to
    left, the first year at the right."""
    project = make_project(tmp_path_factory.mktemp("jump-rtl") / "proj", jump_events(),
                           "events_per_page: 40")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "theme:\n  name: material\n" in text
    config.write_text(text.replace("theme:\n  name: material\n",
                                   "theme:\n  name: material\n  language: ar\n"),
                      encoding="utf-8")
    site = project.parent / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'dir="rtl"' in (site / "timeline" / str(LAST_YEAR) / "index.html").read_text(
        encoding="utf-8")
    with serve_under_subpath(site) as url:
        yield url


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with launch_chromium() as browser:
        yield browser


def open_tab(chromium: Any, url: str, width: int, height: int, scheme: str = "light",
             javascript: bool = True) -> Any:
    context = chromium.new_context(viewport={"width": width, "height": height},
                                   color_scheme=scheme, device_scale_factor=1,
                                   java_script_enabled=javascript)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(url)
    tab.wait_for_load_state("load")
    if javascript:
        tab.wait_for_selector(".tl-jump--on .tl-jump-control")
    tab.errors = errors
    return tab


def rows(tab: Any) -> list[Any]:
    """The strip's rows a reader sees: the years, and the months of the year shown."""
    found = [tab.locator(".tl-jump-years ul"), tab.locator(".tl-jump-months:visible ul")]
    assert [row.count() for row in found] == [1, 1]
    return found


def in_view(geometry: dict[str, Any], text: str) -> bool:
    """Whether the link is wholly inside the part of its row a reader sees."""
    (link,) = [link for link in geometry["links"] if link["text"].startswith(text)]
    return bool(link["left"] >= geometry["left"] - 0.5 and link["right"] <= geometry["right"] + 0.5
            and link["top"] >= geometry["top"] - 0.5
            and link["bottom"] <= geometry["bottom"] + 0.5)


def link_names(row: Any) -> list[str]:
    return [text.split()[0] for text in row.locator("a").all_text_contents()]


@pytest.mark.parametrize(("device", "width", "height"), SIZES)
def test_the_arrows_bring_every_jump_link_into_view(chromium: Any, jump_url: str,
                                                     device: str, width: int,
                                                     height: int) -> None:
    tab = open_tab(chromium, f"{jump_url}timeline/{LAST_YEAR}/", width, height)
    try:
        years, months = rows(tab)
        assert len(link_names(years)) == LAST_YEAR - FIRST_YEAR + 1
        assert len(link_names(months)) == 12
        # The year of the page is in view at once (it is the last one, so the start of the
        # row is hidden, and the "before" arrow shows it).
        geometry = years.evaluate(ROW_GEOMETRY)
        assert geometry["scrolls"], "twenty years fit in one line: the test proves nothing"
        assert in_view(geometry, str(LAST_YEAR))
        for row in (years, months):
            geometry = row.evaluate(ROW_GEOMETRY)
            seen = {name for name in link_names(row) if in_view(geometry, name)}
            if not geometry["scrolls"]:
                assert seen == set(link_names(row))
                continue
            controls = row.locator("xpath=..").locator(".tl-jump-control:not([hidden])")
            assert controls.count() >= 1, "a row is cut with no arrow"
            for side in ("prev", "next"):
                arrow = row.locator("xpath=..").locator(f".tl-jump-control--{side}")
                for _ in range(20):
                    if arrow.get_attribute("hidden") is not None:
                        break
                    before = row.evaluate("row => row.scrollLeft")
                    arrow.locator("button").click()
                    tab.wait_for_function("([row, before]) => row.scrollLeft !== before",
                                          arg=[row.element_handle(), before])
                    tab.wait_for_timeout(400)  # the smooth scroll ends
                    geometry = row.evaluate(ROW_GEOMETRY)
                    seen |= {name for name in link_names(row) if in_view(geometry, name)}
                else:
                    raise AssertionError(f"the {side} arrow never reached the end")
            assert seen == set(link_names(row)), (device, sorted(seen))
        assert tab.errors == []
    finally:
        tab.context.close()


@pytest.mark.parametrize("direction", ["ltr", "rtl"])
@pytest.mark.parametrize(("device", "width", "height"), SIZES)
def test_each_jump_link_tabbed_to_is_in_view(chromium: Any, request: pytest.FixtureRequest,
                                             direction: str, device: str, width: int,
                                             height: int) -> None:
    """Left to right (`jump_url`) and right to left (`rtl_url`, the rows' first year at the
    right) alike."""
    url = request.getfixturevalue("jump_url" if direction == "ltr" else "rtl_url")
    tab = open_tab(chromium, f"{url}timeline/{LAST_YEAR}/", width, height)
    try:
        years, months = rows(tab)
        links = years.locator("a").count() + months.locator("a").count()
        # From the first year on, Tab walks every link and no arrow.
        years.locator("a").first.focus()
        for number in range(links):
            if number:
                tab.keyboard.press("Tab")
            focused = tab.evaluate("document.activeElement.textContent")
            assert tab.evaluate("!!document.activeElement.closest('.tl-jump ul')"), (
                number, focused)
            row = years if number < years.locator("a").count() else months
            tab.wait_for_timeout(50)
            assert in_view(row.evaluate(ROW_GEOMETRY), focused.split()[0]), (device, focused)
        # The page's own year is in view when the page opens.
        tab.reload()
        tab.wait_for_selector(".tl-jump--on .tl-jump-control")
        assert in_view(years.evaluate(ROW_GEOMETRY), str(LAST_YEAR))
    finally:
        tab.context.close()


def test_on_a_page_of_all_years_the_year_read_is_scrolled_into_the_strip(
        chromium: Any, jump_url: str) -> None:
    tab = open_tab(chromium, f"{jump_url}tags/peace-talks/", 390, 844)
    try:
        years = tab.locator(".tl-jump-years ul")
        names = link_names(years)
        assert len(names) >= 10 and years.evaluate(ROW_GEOMETRY)["scrolls"]
        years.scroll_into_view_if_needed()
        assert in_view(years.evaluate(ROW_GEOMETRY), names[0])
        tab.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        tab.wait_for_function("year => document.querySelector('.tl-jump-years a.tl-current')"
                              "?.textContent === year", arg=names[-1])
        tab.wait_for_timeout(100)
        assert in_view(years.evaluate(ROW_GEOMETRY), names[-1])
        assert not in_view(years.evaluate(ROW_GEOMETRY), names[0])
    finally:
        tab.context.close()


@pytest.mark.parametrize(("device", "width", "height"), SIZES)
def test_without_javascript_the_strip_wraps_and_shows_every_link(
        chromium: Any, jump_url: str, device: str, width: int, height: int) -> None:
    tab = open_tab(chromium, f"{jump_url}timeline/{LAST_YEAR}/", width, height,
                   javascript=False)
    try:
        for row in tab.locator(".tl-jump ul").all():
            geometry = row.evaluate(ROW_GEOMETRY)
            assert not geometry["scrolls"]
            box = row.bounding_box()
            for link in geometry["links"]:
                assert box["x"] - 0.5 <= link["left"] and link["right"] <= (
                    box["x"] + box["width"] + 0.5), link
        assert tab.locator(".tl-jump-control").count() == 0
    finally:
        tab.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("device", "width", "height"), SIZES)
def test_the_strip_passes_axe_and_is_photographed(chromium: Any, jump_url: str, device: str,
                                                  width: int, height: int,
                                                  scheme: str) -> None:
    require_axe()
    tab = open_tab(chromium, f"{jump_url}timeline/{LAST_YEAR}/", width, height, scheme)
    try:
        strip = tab.locator(".tl-jump")
        strip.scroll_into_view_if_needed()
        SHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SHOTS / f"year-{width}x{height}-{scheme}.png"))
        violations = axe_violations(tab)
        assert [v for v in violations if v["impact"] in ("serious", "critical")] == []
        assert tab.errors == []
    finally:
        tab.context.close()


#: For each arrow shown: which side of its row it is on, which way its chevron points
#: (the icon's own way, turned if the icon is mirrored), and whether links are hidden past
#: that side.
ARROWS = """row => {
    const box = row.getBoundingClientRect();
    const style = getComputedStyle(row.closest('.tl-jump'));
    const prevIcon = style.getPropertyValue('--md-tabbed-icon--prev').trim();
    const arrows = [];
    for (const control of row.parentElement.querySelectorAll('.tl-jump-control')) {
        if (control.hidden || getComputedStyle(control).opacity === '0') continue;
        const fade = control.getBoundingClientRect();
        const side = fade.left + fade.right < box.left + box.right ? 'left' : 'right';
        const after = getComputedStyle(control.querySelector('button'), '::after');
        const mask = after.maskImage || after.webkitMaskImage;
        let way = mask.includes(prevIcon.slice(-40)) ? 'left' : 'right';
        let turned = false;
        for (let node = control.querySelector('button'); node && node !== row.parentElement;
             node = node.parentElement) {
            const t = getComputedStyle(node).transform;
            if (t && t !== 'none' && new DOMMatrix(t).a < 0) turned = !turned;
        }
        const t = after.transform;
        if (t && t !== 'none' && new DOMMatrix(t).a < 0) turned = !turned;
        if (turned) way = way === 'left' ? 'right' : 'left';
        arrows.push({side, way});
    }
    const links = [...row.querySelectorAll('a')].map(a => a.getBoundingClientRect());
    return {arrows, scrolls: row.scrollWidth > row.clientWidth + 1,
            hiddenLeft: links.some(r => r.left < box.left - 1),
            hiddenRight: links.some(r => r.right > box.right + 1)};
}"""


#: Right to left at both sizes; left to right on the phone (the first test above already
#: clicks through the desktop's rows left to right), to keep the module near a minute.
ARROW_CASES = [("rtl", *SIZES[0]), ("rtl", *SIZES[1]), ("ltr", *SIZES[0])]


@pytest.mark.parametrize(("direction", "device", "width", "height"), ARROW_CASES)
def test_each_arrow_sits_and_points_where_links_are_hidden(
        request: pytest.FixtureRequest, chromium: Any, direction: str, device: str,
        width: int, height: int) -> None:
    """In either direction an arrow shows exactly at an end with links hidden past it,
    points that way, and a click on it brings those links in, until none is left."""
    url = request.getfixturevalue("rtl_url" if direction == "rtl" else "jump_url")
    tab = open_tab(chromium, f"{url}timeline/{LAST_YEAR}/", width, height)
    try:
        years, months = rows(tab)
        assert tab.evaluate("getComputedStyle(document.querySelector('.tl-jump ul'))"
                            ".direction") == direction
        for row in (years, months):
            state = row.evaluate(ARROWS)
            if not state["scrolls"]:
                continue
            seen = {name for name in link_names(row)
                    if in_view(row.evaluate(ROW_GEOMETRY), name)}
            for side in ("left", "right"):
                for _ in range(20):
                    state = row.evaluate(ARROWS)
                    sides = {arrow["side"] for arrow in state["arrows"]}
                    assert sides == ({"left"} if state["hiddenLeft"] else set()) | (
                        {"right"} if state["hiddenRight"] else set()), (direction, state)
                    assert all(arrow["way"] == arrow["side"] for arrow in state["arrows"]), (
                        direction, state)
                    if side not in sides:
                        break
                    control = [c for c in row.locator("xpath=..").locator(
                        ".tl-jump-control").all() if c.get_attribute("hidden") is None and (
                        c.evaluate("(c, row) => { const f = c.getBoundingClientRect(), "
                                   "b = row.getBoundingClientRect(); return f.left + f.right"
                                   " < b.left + b.right; }", row.element_handle())
                        == (side == "left"))]
                    assert len(control) == 1, (direction, side, state)
                    before = row.evaluate("row => row.scrollLeft")
                    control[0].locator("button").click()
                    tab.wait_for_function("([row, before]) => row.scrollLeft !== before",
                                          arg=[row.element_handle(), before])
                    tab.wait_for_timeout(400)  # the smooth scroll ends
                    after = row.evaluate("row => row.scrollLeft")
                    # A left arrow shows what is to the left: the row's content moves right.
                    assert (after < before) == (side == "left"), (direction, side)
                    geometry = row.evaluate(ROW_GEOMETRY)
                    seen |= {name for name in link_names(row) if in_view(geometry, name)}
                else:
                    raise AssertionError(f"the {side} arrow never reached the end")
            assert seen == set(link_names(row)), (direction, device,
                                                  sorted(set(link_names(row)) - seen))
        assert tab.errors == []
    finally:
        tab.context.close()


#: Where the list's and the explorer's pieces sit: the entry's rule, the chart caption's
#: alignment, and the facet's chevron against its label.
SIDES = """() => {
    const entry = getComputedStyle(document.querySelector('.tl-entry'));
    const caption = document.querySelector('.tl-chart figcaption');
    return {ruleLeft: entry.borderLeftWidth, ruleRight: entry.borderRightWidth,
            caption: caption ? getComputedStyle(caption).textAlign : null};
}"""
CHEVRON = """() => {
    const summary = document.querySelector('details.tlx-facet > summary');
    const box = summary.getBoundingClientRect();
    const after = getComputedStyle(summary, '::after');
    const text = document.createRange();
    text.selectNodeContents(summary);
    const words = text.getBoundingClientRect();
    // The chevron's own box is not reachable: its offset from the summary's edges is.
    const left = parseFloat(after.left), right = parseFloat(after.right);
    const chevron = isNaN(left) ? box.right - right - parseFloat(after.width) / 2
                                : box.left + left + parseFloat(after.width) / 2;
    return {chevron, wordsLeft: words.left, wordsRight: words.right};
}"""


@pytest.mark.parametrize("direction", ["ltr", "rtl"])
def test_entries_and_facets_start_from_the_side_the_text_starts(
        request: pytest.FixtureRequest, chromium: Any, direction: str) -> None:
    """In a right-to-left page an entry's rule is at its right, as the text starts there;
    the chart's caption starts there too; an explorer facet's chevron is before its label."""
    url = request.getfixturevalue("rtl_url" if direction == "rtl" else "jump_url")
    tab = open_tab(chromium, f"{url}timeline/{LAST_YEAR}/", 390, 844)
    try:
        sides = tab.evaluate(SIDES)
        rule, none = ("ruleRight", "ruleLeft") if direction == "rtl" else ("ruleLeft",
                                                                           "ruleRight")
        assert (sides[rule], sides[none]) == ("3px", "0px"), (direction, sides)
        assert sides["caption"] in ("start", "right" if direction == "rtl" else "left"), sides
        tab.goto(f"{url}explore/")
        tab.wait_for_selector("details.tlx-facet > summary")
        place = tab.evaluate(CHEVRON)
        if direction == "rtl":
            assert place["chevron"] > place["wordsRight"] - 1, place
        else:
            assert place["chevron"] < place["wordsLeft"] + 1, place
    finally:
        tab.context.close()
