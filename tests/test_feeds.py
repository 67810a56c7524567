"""Feeds and exports (builder/plugin/feeds.py): real `mkdocs build --strict` runs, each output
read back by a real parser (feedparser, jsonschema, icalendar, csv).

One module-scoped set of builds of a tmp project: the repo's sources (the real seed and its
event page) plus fictional event pages written here. Built with `site_url` (twice, to show
the output is the same from build to build) and without it (relative links).
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
import icalendar
import jsonschema
import pytest
import yaml
from conftest import SEED_TITLE, copy_repo_site_sources, mkdocs_build

from builder.model import Event
from builder.plugin import feeds

SITE_URL = "https://timeline.invalid/repo/"
FEED_COUNT = 4  # fewer than the published events, so the limit shows
EXPORTS = ("feed.xml", "feed.json", "events.ics", "timeline.json", "events.csv")
FEED_TYPES = {"application/atom+xml": "feed.xml", "application/feed+json": "feed.json",
              "text/calendar": "events.ics"}

SCRIPT_TITLE = "Ashmoor council <script>alert(1)</script> approves the ferry budget"
DRAFT_TITLE = "Ferry timetable for Ashmoor still unsettled"
FAIR_PAGE = "2026/2026-03-03-port-veyra-harbour-fair.md"
#: Fictional events (invented places and people), as event pages: path -> front matter.
FICTIONAL: dict[str, dict[str, Any]] = {
    FAIR_PAGE: {
        "title": "Port Veyra harbour fair draws crowds for three days",
        "date": dt.date(2026, 3, 3),
        "end_date": dt.date(2026, 3, 5),
        "location": "Port Veyra",
        "summary": 'Mayor Ilse Varnholt opened the harbour fair; "fish & chips", stalls, '
                   "and a brass band.",
        "tags": ["festivals", "harbour"],
        "people": ["Ilse Varnholt"],
        "places": ["Port Veyra"],
        "organizations": ["Port Veyra Council"],
        "sources": [{"title": "Harbour fair opens", "publisher": "The Veyra Courier",
                     "url": "https://veyra-courier.invalid/fair", "seed": "101_fair.txt"}],
        "review": [],
        "draft": False,
    },
    "2026/2026-02-10-ashmoor-council-ferry-budget.md": {
        "title": SCRIPT_TITLE,
        "date": dt.date(2026, 2, 10),
        "location": "Ashmoor",
        "summary": "Councillor Odo Brambeck said <b>the vote</b> was close.",
        "tags": ["budget"],
        "people": ["Odo Brambeck"],
        "places": ["Ashmoor"],
        "organizations": ["Ashmoor Council"],
        "sources": [{"title": "Ferry budget", "publisher": "Ashmoor Evening Post",
                     "seed": "102_ferry.txt"}],
        "review": ["check the vote count"],
        "draft": False,
    },
    "2026/2026-02-10-ashmoor-tram-survey.md": {
        "title": "Ashmoor tram line survey begins",
        "date": dt.date(2026, 2, 10),
        "location": "Ashmoor",
        "summary": "Surveyors from Ashmoor Council began measuring the old tram line.",
        "tags": ["transport", "budget"],
        "places": ["Ashmoor"],
        "organizations": ["Ashmoor Council"],
        "sources": [{"title": "Tram survey", "seed": "103_tram.txt"},
                    {"title": "Surveyors on Mill Road", "url": "https://ashmoor-post.invalid/tram",
                     "seed": "104_tram.txt"}],
        "draft": False,
    },
    "2026/2026-01-20-brindlemoor-library.md": {
        "title": "Brindlemoor library reopens after the flood",
        "date": dt.date(2026, 1, 20),
        # A spreadsheet would run this as a formula: the CSV must defuse it.
        "summary": "=HYPERLINK(\"https://brindlemoor.invalid\") was scrawled on the door.",
        "draft": False,
    },
    "2026/2026-04-01-ashmoor-ferry-timetable.md": {  # the newest: a leak would lead the feed
        "title": DRAFT_TITLE,
        "date": dt.date(2026, 4, 1),
        "location": "Ashmoor",
        "summary": "The ferry timetable for Ashmoor is still being argued over.",
        "tags": ["transport"],
        "draft": True,
    },
}


@dataclass(frozen=True)
class Builds:
    """The project and its builds: with site_url (twice) and without."""

    project: Path
    absolute: Path
    again: Path
    relative: Path
    relative_log: str
    #: Published events' front matter (the real seed's page included), by events-dir path.
    published: dict[str, dict[str, Any]]


def _front_matter(page: Path) -> dict[str, Any]:
    text = page.read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))
    return data


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    root = tmp_path_factory.mktemp("feeds")
    project = copy_repo_site_sources(root / "src")
    events_dir = project / "content" / "events"
    for path, front in FICTIONAL.items():
        page = events_dir / path
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text("---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True)
                        + "---\nFictional text for the feed tests.\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    plain = config.read_text(encoding="utf-8")
    marker = "\n  - timeline:\n"  # the plugin's options follow, indented by 6 spaces
    assert marker in plain, plain
    config.write_text(plain.replace(marker, f"{marker}      feed_count: {FEED_COUNT}\n", 1)
                      + f"\nsite_url: {SITE_URL}\n", encoding="utf-8")
    outputs = {}
    for name in ("absolute", "again"):
        result = mkdocs_build(project, root / name)
        assert result.returncode == 0, result.stdout + result.stderr
        outputs[name] = root / name
    config.write_text(plain, encoding="utf-8")
    relative = mkdocs_build(project, root / "relative")
    assert relative.returncode == 0, relative.stdout + relative.stderr
    published = {}
    for page in sorted(events_dir.rglob("*.md")):
        front = _front_matter(page)
        if not front.get("draft"):
            published[page.relative_to(events_dir).as_posix()] = front
    assert len(published) == 5 and SEED_TITLE in {f["title"] for f in published.values()}
    return Builds(project, outputs["absolute"], outputs["again"], root / "relative",
                  relative.stdout + relative.stderr, published)


def newest_first(builds: Builds) -> list[dict[str, Any]]:
    return sorted(builds.published.values(), key=lambda f: (f["date"], f["title"].lower()),
                  reverse=True)


def site_file(site: Path, url: str) -> Path:
    """The file an absolute (under SITE_URL) or site-root-relative URL serves."""
    path = url.removeprefix(SITE_URL) if url.startswith(SITE_URL) else url
    assert not urlsplit(path).scheme and not path.startswith("/"), url
    target = site / path
    return target / "index.html" if path.endswith("/") or path == "" else target


# --- Atom ----------------------------------------------------------------------------------


def test_atom_feed_is_valid_and_lists_the_latest_events_newest_first(builds: Builds) -> None:
    raw = (builds.absolute / "feed.xml").read_bytes()
    feed = feedparser.parse(raw)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    expected = newest_first(builds)[:FEED_COUNT]
    assert [entry.title for entry in feed.entries] == [f["title"] for f in expected]
    assert SEED_TITLE not in {entry.title for entry in feed.entries}  # the oldest: past N
    for entry, front in zip(feed.entries, expected, strict=True):
        assert entry.id.startswith("urn:uuid:")
        assert entry.updated_parsed[:3] == front["date"].timetuple()[:3]
        assert [tag.term for tag in entry.get("tags", [])] == front.get("tags", [])
        assert entry.get("summary", "") == front.get("summary", "")
        assert entry.link.startswith(SITE_URL), entry.link
        assert site_file(builds.absolute, entry.link).is_file(), entry.link
    assert len({entry.id for entry in feed.entries}) == FEED_COUNT
    assert {link.rel: link.href for link in feed.feed.links} == {
        "self": SITE_URL + "feed.xml", "alternate": SITE_URL}
    # The title is text: the <script> is in the XML as character data, never as an element.
    assert b"<script>" not in raw
    assert any(entry.title == SCRIPT_TITLE for entry in feed.entries)


def test_atom_feed_without_site_url_links_relative_to_the_site_root(builds: Builds) -> None:
    feed = feedparser.parse((builds.relative / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert len(feed.entries) == 5  # default feed_count (50) is more than the events
    for entry in feed.entries:
        assert not urlsplit(entry.link).scheme, entry.link
        assert site_file(builds.relative, entry.link).is_file(), entry.link


def test_without_site_url_the_build_logs_info_never_a_warning(builds: Builds) -> None:
    assert "timeline: site_url is not set in mkdocs.yml" in builds.relative_log
    assert "WARNING" not in builds.relative_log, builds.relative_log


# --- JSON Feed 1.1 -------------------------------------------------------------------------

RFC3339 = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"
#: https://jsonfeed.org/version/1.1: required fields, types, and "one or both of
#: content_html and content_text"; extensions must start with "_".
JSON_FEED_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["version", "title", "items"],
    "properties": {
        "version": {"const": "https://jsonfeed.org/version/1.1"},
        "title": {"type": "string"},
        "home_page_url": {"type": "string"},
        "feed_url": {"type": "string"},
        "description": {"type": "string"},
        "authors": {"type": "array", "items": {"type": "object", "properties": {
            "name": {"type": "string"}, "url": {"type": "string"},
            "avatar": {"type": "string"}}}},
        "language": {"type": "string"},
        "items": {"type": "array", "items": {
            "type": "object",
            "required": ["id"],
            "anyOf": [{"required": ["content_text"]}, {"required": ["content_html"]}],
            "properties": {
                "id": {"type": "string", "minLength": 1},
                "url": {"type": "string"},
                "title": {"type": "string"},
                "content_text": {"type": "string"},
                "content_html": {"type": "string"},
                "summary": {"type": "string"},
                "date_published": {"type": "string", "pattern": RFC3339},
                "date_modified": {"type": "string", "pattern": RFC3339},
                "tags": {"type": "array", "items": {"type": "string"}},
            },
            "patternProperties": {"^_": {}},
            "additionalProperties": False,
        }},
    },
    "patternProperties": {"^_": {}},
    "additionalProperties": False,
}


def test_json_feed_follows_the_json_feed_1_1_spec(builds: Builds) -> None:
    data = json.loads((builds.absolute / "feed.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, JSON_FEED_SCHEMA)
    assert data["home_page_url"] == SITE_URL
    assert data["feed_url"] == SITE_URL + "feed.json"
    expected = newest_first(builds)[:FEED_COUNT]
    assert [item["title"] for item in data["items"]] == [f["title"] for f in expected]
    for item, front in zip(data["items"], expected, strict=True):
        assert item["date_published"] == f"{front['date'].isoformat()}T00:00:00Z"
        assert item.get("tags", []) == front.get("tags", [])
        assert item.get("summary", "") == front.get("summary", "")
        assert site_file(builds.absolute, item["url"]).is_file(), item["url"]
    atom = feedparser.parse((builds.absolute / "feed.xml").read_bytes())
    assert [item["id"] for item in data["items"]] == [entry.id for entry in atom.entries]


def test_json_feed_without_site_url_is_valid_with_relative_urls(builds: Builds) -> None:
    data = json.loads((builds.relative / "feed.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, JSON_FEED_SCHEMA)
    assert "home_page_url" not in data and "feed_url" not in data
    assert all(site_file(builds.relative, item["url"]).is_file() for item in data["items"])


# --- iCalendar -----------------------------------------------------------------------------


def vevents(site: Path) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical((site / "events.ics").read_bytes())
    return list(calendar.walk("VEVENT"))


def test_icalendar_has_one_all_day_event_per_published_event(builds: Builds) -> None:
    raw = (builds.absolute / "events.ics").read_bytes()
    lines = raw.split(b"\r\n")
    assert lines[-1] == b"" and b"\n" not in raw.replace(b"\r\n", b"")  # CRLF only
    assert max(len(line) for line in lines) <= 75  # folded (RFC 5545 3.1)
    events = vevents(builds.absolute)
    by_title = {str(event["SUMMARY"]): event for event in events}
    assert len(events) == len(by_title) == 5  # every event, not just the feed's latest
    for front in builds.published.values():
        event = by_title[front["title"]]
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is dt.date and type(end) is dt.date  # all-day: DATE, not DATE-TIME
        assert event["DTSTART"].params.get("VALUE") == "DATE"
        assert start == front["date"]
        last_day = front.get("end_date") or front["date"]
        assert end == last_day + dt.timedelta(days=1)  # DTEND is exclusive
        assert str(event.get("DESCRIPTION", "")) == front.get("summary", "")
        assert str(event.get("LOCATION", "")) == (front.get("location") or "")
        assert site_file(builds.absolute, str(event["URL"])).is_file()
    fair = by_title[FICTIONAL[FAIR_PAGE]["title"]]
    assert (fair.decoded("DTEND") - fair.decoded("DTSTART")).days == 3  # 3, 4 and 5 March


def test_icalendar_uids_are_stable_across_builds(builds: Builds) -> None:
    def uids(site: Path) -> dict[str, str]:
        return {str(event["SUMMARY"]): str(event["UID"]) for event in vevents(site)}

    first = uids(builds.absolute)
    assert len(set(first.values())) == 5
    assert uids(builds.again) == first
    assert uids(builds.relative) == first  # setting site_url later changes no UID
    assert all("URL" not in event for event in vevents(builds.relative))  # URL is absolute


def test_exports_are_identical_from_build_to_build(builds: Builds) -> None:
    for name in EXPORTS:
        assert (builds.again / name).read_bytes() == (builds.absolute / name).read_bytes(), name


# --- TimelineJS ----------------------------------------------------------------------------

_DATE = {"type": "object", "required": ["year"], "additionalProperties": False, "properties": {
    "year": {"type": "integer"}, "month": {"type": "integer", "minimum": 1, "maximum": 12},
    "day": {"type": "integer", "minimum": 1, "maximum": 31}}}
_TEXT = {"type": "object", "additionalProperties": False, "properties": {
    "headline": {"type": "string"}, "text": {"type": "string"}}}
#: https://timeline.knightlab.com/docs/json-format.html: the fields we write.
TIMELINEJS_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["events"],
    "additionalProperties": False,
    "properties": {
        "title": {"type": "object", "required": ["text"], "properties": {"text": _TEXT}},
        "events": {"type": "array", "items": {
            "type": "object",
            "required": ["start_date", "text", "unique_id"],
            "additionalProperties": False,
            "properties": {
                "start_date": _DATE,
                "end_date": _DATE,
                "text": {**_TEXT, "required": ["headline"]},
                "group": {"type": "string"},
                "unique_id": {"type": "string", "pattern": "^[A-Za-z0-9_-]+$"},
            },
        }},
    },
}


def test_timelinejs_json_is_valid_and_escaped(builds: Builds) -> None:
    data = json.loads((builds.absolute / "timeline.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, TIMELINEJS_SCHEMA)
    slides = data["events"]
    chronological = sorted(builds.published.values(),
                           key=lambda f: (f["date"], f["title"].lower()))
    # TimelineJS inserts the headline as HTML: escaped, it shows the title as written.
    assert [html.unescape(s["text"]["headline"]) for s in slides] == [
        f["title"] for f in chronological]
    assert len({slide["unique_id"] for slide in slides}) == len(slides) == 5
    for slide, front in zip(slides, chronological, strict=True):
        start = slide["start_date"]
        assert dt.date(start["year"], start["month"], start["day"]) == front["date"]
        if front.get("end_date"):
            end = slide["end_date"]
            assert dt.date(end["year"], end["month"], end["day"]) == front["end_date"]
        else:
            assert "end_date" not in slide
        assert "<script" not in slide["text"]["headline"]
        assert "<b>" not in slide["text"]["text"]
    raw = (builds.absolute / "timeline.json").read_text(encoding="utf-8")
    assert html.escape(SCRIPT_TITLE) in raw and "<script>" not in raw


# --- CSV -----------------------------------------------------------------------------------


def _joined(values: list[str] | None) -> str:
    return "; ".join(values or [])


def test_csv_has_one_row_per_event_with_its_front_matter(builds: Builds) -> None:
    text = (builds.absolute / "events.csv").read_bytes().decode("utf-8")  # UTF-8, strictly
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert rows and list(rows[0]) == list(feeds.CSV_COLUMNS)
    chronological = sorted(builds.published.items(),
                           key=lambda item: (item[1]["date"], item[1]["title"].lower()))
    assert [row["title"] for row in rows] == [front["title"] for _, front in chronological]
    for row, (path, front) in zip(rows, chronological, strict=True):
        sources = [s.get("url") or s.get("seed") or s["title"] for s in front.get("sources", [])]
        summary = front.get("summary", "")
        expected = {
            "title": front["title"],
            "date": front["date"].isoformat(),
            "end_date": front["end_date"].isoformat() if front.get("end_date") else "",
            "location": front.get("location") or "",
            # A cell starting with "=" would be run by a spreadsheet; it gets a "'".
            "summary": f"'{summary}" if summary.startswith("=") else summary,
            **{name: _joined(front.get(name)) for name in
               ("tags", "people", "places", "organizations", "review")},
            "sources": "; ".join(sources),
            "draft": "false",
        }
        assert {key: row[key] for key in expected} == expected, path
        assert site_file(builds.absolute, row["url"]).is_file()
    assert any(row["summary"].startswith("'=HYPERLINK") for row in rows)


# --- Drafts --------------------------------------------------------------------------------


def test_the_draft_is_in_no_feed_no_export_and_no_page(builds: Builds) -> None:
    for site in (builds.absolute, builds.relative):
        for name in EXPORTS:
            assert "Ferry timetable" not in (site / name).read_text(encoding="utf-8"), name
        for page in site.rglob("*.html"):
            assert DRAFT_TITLE not in page.read_text(encoding="utf-8"), page


# --- In the pages --------------------------------------------------------------------------


class HeadAndLinks(HTMLParser):
    """`<link rel="alternate">` tags inside <head>, and every `<a href>` of the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.alternates: list[dict[str, str | None]] = []
        self.anchors: list[str] = []
        self._in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "head":
            self._in_head = True
        elif tag == "link" and self._in_head and attributes.get("rel") == "alternate":
            self.alternates.append(attributes)
        elif tag == "a" and attributes.get("href"):
            self.anchors.append(attributes["href"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self._in_head = False


def parse_page(path: Path) -> HeadAndLinks:
    parser = HeadAndLinks()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def pages_to_check(site: Path) -> dict[str, Path]:
    fair = FAIR_PAGE.removesuffix(".md")
    return {"": site / "index.html", "timeline/": site / "timeline" / "index.html",
            f"events/{fair}/": site / "events" / fair / "index.html"}


@pytest.mark.parametrize("variant", ["absolute", "relative"])
def test_every_page_announces_the_feeds_in_its_head(builds: Builds, variant: str) -> None:
    site: Path = getattr(builds, variant)
    for page_url, page in pages_to_check(site).items():
        alternates = parse_page(page).alternates
        assert {link["type"] for link in alternates} == set(FEED_TYPES), page_url
        for link in alternates:
            href = link["href"] or ""
            if variant == "absolute":
                assert href == SITE_URL + FEED_TYPES[link["type"] or ""], href
                target = site_file(site, href)
            else:
                assert not urlsplit(href).scheme and not href.startswith("/"), href
                resolved = urlsplit(urljoin(f"http://site.invalid/sub/{page_url}", href)).path
                assert resolved == "/sub/" + FEED_TYPES[link["type"] or ""], (page_url, href)
                target = site / resolved.removeprefix("/sub/")
            assert target.is_file(), (page_url, href)


def test_home_page_export_section_links_every_file(builds: Builds) -> None:
    home = (builds.relative / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<h2 id="export">Export</h2>', home)
    section = home.split('<h2 id="export">', 1)[1]
    parser = HeadAndLinks()
    parser.feed(section)
    assert set(EXPORTS) <= set(parser.anchors)
    assert all((builds.relative / name).is_file() for name in EXPORTS)


# --- The pure functions, on inputs a build cannot easily give ------------------------------


def test_characters_xml_cannot_carry_are_left_out_of_the_atom_feed() -> None:
    event = Event(title="Bell\x07 rings in Port Veyra\x0b", date=dt.date(2026, 5, 1),
                  summary="Mayor Ilse Varnholt\x00 rang it.", path="2026/bell.md")
    site = feeds.FeedSite(title="Port Veyra", urls={"2026/bell.md": "events/2026/bell/"})
    feed = feedparser.parse(feeds.atom_feed([event], site))
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.entries[0].title == "Bell rings in Port Veyra"
    ET.fromstring(feeds.atom_feed([event], site))  # well-formed XML too


@pytest.mark.parametrize(("page_url", "expected"), [
    ("", "feed.xml"), ("index.html", "feed.xml"), ("timeline/", "../feed.xml"),
    ("timeline.html", "feed.xml"), ("events/2026/bell/", "../../../feed.xml"),
    ("events/2026/bell.html", "../../feed.xml"),
])
def test_autodiscovery_hrefs_follow_the_page_depth(page_url: str, expected: str) -> None:
    assert feeds.autodiscovery_hrefs(page_url, None)["feed.xml"] == expected
    assert feeds.autodiscovery_hrefs(page_url, SITE_URL)["feed.xml"] == SITE_URL + "feed.xml"


def test_export_functions_drop_drafts_whoever_calls_them() -> None:
    shown = Event(title="Port Veyra pier reopens", date=dt.date(2026, 5, 1), path="2026/a.md")
    draft = Event(title=DRAFT_TITLE, date=dt.date(2026, 5, 2), draft=True, path="2026/b.md")
    site = feeds.FeedSite(title="Port Veyra", urls={"2026/a.md": "a/", "2026/b.md": "b/"})
    for name, content in feeds.export_files([shown, draft], site).items():
        text = content.decode("utf-8")
        assert shown.title in text and "Ferry timetable" not in text, name
