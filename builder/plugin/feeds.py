"""[Event] -> feeds and exports: Atom, JSON Feed, iCalendar, TimelineJS JSON and CSV.

Pure: no MkDocs imports, no file access. The plugin passes the published events and a
`FeedSite` (the site's name, `site_url`, and each event page's URL) and writes what comes
back at the site root.

- Text from articles is data: each format is written by a serializer that escapes it
  (ElementTree, `json`, `icalendar`, `csv`); TimelineJS renders HTML, so its text comes
  from a template (autoescape), and CSV cells that a spreadsheet would run as a formula are
  defused.
- Output is deterministic: no build time anywhere, so an unchanged timeline gives
  byte-identical files (stable in git, no needless re-downloads by feed readers).
- Identifiers are stable: an event's id is a name-based UUID of its page path, the same in
  every build and whether or not `site_url` is set (setting it later does not make every
  entry look new to feed readers and calendars). Moving a page makes it a new entry.
- Drafts are never exported, whoever calls.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

import icalendar
from markupsafe import escape

from builder.model import Event
from builder.plugin.render import Templates

ATOM_FEED = "feed.xml"
JSON_FEED = "feed.json"
ICALENDAR = "events.ics"
TIMELINEJS = "timeline.json"
CSV_EXPORT = "events.csv"

#: Feed files announced in every page's <head>: file -> (media type, label).
AUTODISCOVERY: dict[str, tuple[str, str]] = {
    ATOM_FEED: ("application/atom+xml", "Atom feed"),
    JSON_FEED: ("application/feed+json", "JSON Feed"),
    ICALENDAR: ("text/calendar", "Calendar"),
}

#: CSV columns: the event page's front-matter fields, then the event page's URL.
CSV_COLUMNS: tuple[str, ...] = (
    "title", "date", "end_date", "location", "summary", "tags", "people", "places",
    "organizations", "sources", "review", "draft", "url",
)
#: How list fields are joined in one CSV cell.
CSV_JOIN = "; "

ATOM_NS = "http://www.w3.org/2005/Atom"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
GENERATOR = "timeline-builder"
#: Namespace of the name-based (version 5) UUIDs that identify events; fixed forever, as
#: changing it would change every id.
ID_NAMESPACE = uuid.UUID("5c0f3b9e-2b6f-5d2a-9a47-8f4e1c7d2a10")
#: Characters XML 1.0 cannot carry at all (C0 controls but tab, LF and CR; surrogates;
#: U+FFFE/U+FFFF). A stray one in an article would make the whole feed unreadable.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
#: A cell starting with one of these is run as a formula by spreadsheets (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: TimelineJS puts `unique_id` in element ids and URL fragments.
_NOT_ID = re.compile(r"[^A-Za-z0-9_-]+")
_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)


@dataclass(frozen=True)
class FeedSite:
    """What the feeds say about the site, and where its event pages are."""

    title: str
    #: Each event page's URL relative to the site root (MkDocs' `File.url`), by `page_key`.
    urls: Mapping[str, str]
    description: str = ""
    author: str | None = None
    #: MkDocs' `site_url` (absolute, ending in '/'), or None: links are then relative to the
    #: site root, where the feed files are.
    site_url: str | None = None
    #: How many of the latest events the Atom and JSON feeds carry.
    feed_count: int = 50

    def absolute(self, url: str) -> str:
        """`url` (relative to the site root) against `site_url`, if it is set."""
        return urljoin(self.site_url, url) if self.site_url else url

    def link(self, event: Event) -> str:
        """The event page's URL: absolute with `site_url`, else relative to the site root."""
        return self.absolute(self.urls[page_key(event)])


def page_key(event: Event) -> str:
    """The event's page path (relative to the events folder): its identity in the exports."""
    return event.path or f"{event.date.isoformat()}-{event.title}"


def event_id(event: Event) -> str:
    """A stable id for the event: `urn:uuid:` + a name-based UUID of its page path."""
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, page_key(event))}"


def published(events: Iterable[Event]) -> list[Event]:
    """The events that are not drafts, oldest first (then by title and page path)."""
    return sorted((event for event in events if not event.draft),
                  key=lambda event: (event.date, event.title.lower(), page_key(event)))


def latest(events: Iterable[Event], count: int) -> list[Event]:
    """The `count` latest published events, newest first."""
    return list(reversed(published(events)))[:max(count, 0)]


def export_files(events: Iterable[Event], site: FeedSite) -> dict[str, bytes]:
    """Every feed and export: file name (at the site root) -> content."""
    events = list(events)
    return {
        ATOM_FEED: atom_feed(events, site),
        JSON_FEED: json_feed(events, site).encode("utf-8"),
        ICALENDAR: ical_export(events, site),
        TIMELINEJS: timelinejs_export(events, site).encode("utf-8"),
        CSV_EXPORT: csv_export(events, site).encode("utf-8"),
    }


# --- Atom 1.0 (RFC 4287) -------------------------------------------------------------------


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


def _timestamp(day: dt.date) -> str:
    """An all-day event's date as an RFC 3339 timestamp (midnight UTC)."""
    return f"{day.isoformat()}T00:00:00Z"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _xml_text(v) for k, v in attributes.items()})
    if text is not None:
        element.text = _xml_text(text)
    return element


def atom_feed(events: Iterable[Event], site: FeedSite) -> bytes:
    """The latest `site.feed_count` events as an Atom 1.0 feed, newest first."""
    entries = latest(events, site.feed_count)
    # Unqualified tags under a default xmlns: ElementTree would otherwise write 'ns0:'.
    feed = ET.Element("feed", {"xmlns": ATOM_NS})
    _sub(feed, "id", site.site_url or f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, site.title)}")
    _sub(feed, "title", site.title)
    if site.description:
        _sub(feed, "subtitle", site.description)
    # The newest event's day, not the build time: an unchanged timeline, an unchanged feed.
    newest = max((event.date for event in entries), default=dt.date(1970, 1, 1))
    _sub(feed, "updated", _timestamp(newest))
    _sub(_sub(feed, "author"), "name", site.author or site.title)
    _sub(feed, "link", rel="self", type="application/atom+xml",
         href=site.absolute(ATOM_FEED))
    _sub(feed, "link", rel="alternate", type="text/html", href=site.absolute("./"))
    _sub(feed, "generator", GENERATOR)
    for event in entries:
        entry = _sub(feed, "entry")
        _sub(entry, "id", event_id(event))
        _sub(entry, "title", event.title, type="text")
        _sub(entry, "published", _timestamp(event.date))
        _sub(entry, "updated", _timestamp(event.date))
        _sub(entry, "link", rel="alternate", type="text/html", href=site.link(event))
        if event.summary:
            _sub(entry, "summary", event.summary, type="text")
        for tag in event.tags:
            _sub(entry, "category", term=tag)
    ET.indent(feed)
    document: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


# --- JSON Feed 1.1 (https://jsonfeed.org/version/1.1) --------------------------------------


def json_feed(events: Iterable[Event], site: FeedSite) -> str:
    """The latest `site.feed_count` events as a JSON Feed 1.1, newest first."""
    feed: dict[str, Any] = {"version": JSON_FEED_VERSION, "title": site.title}
    if site.site_url:  # both are meant to be absolute: left out rather than guessed
        feed["home_page_url"] = site.site_url
        feed["feed_url"] = site.absolute(JSON_FEED)
    if site.description:
        feed["description"] = site.description
    if site.author:
        feed["authors"] = [{"name": site.author}]
    feed["items"] = [_json_item(event, site) for event in latest(events, site.feed_count)]
    return json.dumps(feed, ensure_ascii=False, indent=2) + "\n"


def _json_item(event: Event, site: FeedSite) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": event_id(event),
        "url": site.link(event),
        "title": event.title,
        # An item must have content_text or content_html; the summary is what we have.
        "content_text": event.summary or event.title,
    }
    if event.summary:
        item["summary"] = event.summary
    item["date_published"] = _timestamp(event.date)
    if event.tags:
        item["tags"] = list(event.tags)
    return item


# --- iCalendar (RFC 5545) ------------------------------------------------------------------


def ical_export(events: Iterable[Event], site: FeedSite) -> bytes:
    """Every published event as an all-day VEVENT (DTEND exclusive, as RFC 5545 wants)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{GENERATOR}//Timeline//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", _xml_text(site.title))
    calendar.add("x-wr-calname", _xml_text(site.title))
    if site.description:
        calendar.add("x-wr-caldesc", _xml_text(site.description))
    for event in published(events):
        calendar.add_component(_vevent(event, site))
    return bytes(calendar.to_ical())


def _vevent(event: Event, site: FeedSite) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", str(uuid.uuid5(ID_NAMESPACE, page_key(event))))
    # DTSTAMP is required; the event's day keeps the file the same from build to build.
    vevent.add("dtstamp", dt.datetime.combine(event.date, dt.time(), tzinfo=dt.UTC))
    vevent.add("dtstart", event.date)
    vevent.add("dtend", (event.end_date or event.date) + dt.timedelta(days=1))
    vevent.add("summary", _xml_text(event.title))
    if event.summary:
        vevent.add("description", _xml_text(event.summary))
    if event.location:
        vevent.add("location", _xml_text(event.location))
    if event.tags:
        vevent.add("categories", [_xml_text(tag) for tag in event.tags])
    if site.site_url:  # a URL property must be absolute
        vevent.add("url", site.link(event))
    vevent.add("transp", "TRANSPARENT")  # news, not appointments: never "busy"
    return vevent


# --- TimelineJS 3 (https://timeline.knightlab.com/docs/json-format.html) -------------------


def _timelinejs_date(day: dt.date) -> dict[str, int]:
    return {"year": day.year, "month": day.month, "day": day.day}


def timelinejs_export(events: Iterable[Event], site: FeedSite) -> str:
    """Every published event as TimelineJS 3 JSON. TimelineJS inserts headline, text and
    group as HTML, so they are escaped here."""
    title_text = {"headline": str(escape(site.title))}
    if site.description:
        title_text["text"] = _templates().render("timelinejs_text.html",
                                                 text=site.description, link=None)
    slides: list[dict[str, Any]] = []
    used: set[str] = set()
    for event in published(events):
        slide: dict[str, Any] = {"start_date": _timelinejs_date(event.date)}
        if event.end_date and event.end_date != event.date:
            slide["end_date"] = _timelinejs_date(event.end_date)
        # A relative link would resolve against the page that embeds the timeline.
        text = _templates().render("timelinejs_text.html", text=event.summary,
                                   link=site.link(event) if site.site_url else None)
        slide["text"] = {"headline": str(escape(event.title)), "text": str(text)}
        if event.tags:
            slide["group"] = str(escape(event.tags[0]))
        slide["unique_id"] = _unique_id(event, used)
        slides.append(slide)
    data = {"title": {"text": title_text}, "events": slides}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _unique_id(event: Event, used: set[str]) -> str:
    stem = page_key(event).rsplit("/", 1)[-1].removesuffix(".md")
    base = _NOT_ID.sub("-", stem).strip("-") or "event"
    unique, number = base, 2
    while unique in used:
        unique, number = f"{base}-{number}", number + 1
    used.add(unique)
    return unique


# --- CSV -----------------------------------------------------------------------------------


def _cell(value: str) -> str:
    """Text a spreadsheet shows as text: a leading formula character gets a `'`."""
    return f"'{value}" if value.startswith(_FORMULA_START) else value


def _source_reference(event: Event) -> list[str]:
    return [source.url or source.seed or source.title for source in event.sources]


def csv_row(event: Event, site: FeedSite) -> dict[str, str]:
    """One event as a CSV row: lists joined with `CSV_JOIN`, dates ISO, booleans lowercase."""
    values: dict[str, str | list[str]] = {
        "title": event.title,
        "date": event.date.isoformat(),
        "end_date": event.end_date.isoformat() if event.end_date else "",
        "location": event.location or "",
        "summary": event.summary,
        "tags": event.tags,
        "people": event.people,
        "places": event.places,
        "organizations": event.organizations,
        "sources": _source_reference(event),
        "review": event.review,
        "draft": "true" if event.draft else "false",
        "url": site.link(event),
    }
    return {
        column: _cell(CSV_JOIN.join(value) if isinstance(value, list) else value)
        for column, value in values.items()
    }


def csv_export(events: Iterable[Event], site: FeedSite) -> str:
    """Every published event as CSV (RFC 4180, UTF-8): chronological, then by title."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for event in published(events):
        writer.writerow(csv_row(event, site))
    return buffer.getvalue()


# --- In the site's pages -------------------------------------------------------------------


def export_section(feed_count: int) -> str:
    """The home page's "Export" section, as Markdown links (checked by `--strict`)."""
    noun = "event" if feed_count == 1 else "events"
    lines = [
        "", "## Export", "",
        f"- [Atom feed]({ATOM_FEED}) and [JSON Feed]({JSON_FEED}): the latest "
        f"{feed_count} {noun}, for feed readers",
        f"- [Calendar]({ICALENDAR}) (iCalendar): every event as an all-day event",
        f"- [TimelineJS data]({TIMELINEJS}): every event, for a TimelineJS 3 timeline",
        f"- [Spreadsheet]({CSV_EXPORT}) (CSV): every event with its fields",
        "",
    ]
    return "\n".join(lines)


def autodiscovery_hrefs(page_url: str, site_url: str | None) -> dict[str, str]:
    """The href of each file of `AUTODISCOVERY` from the page at `page_url` (MkDocs'
    `Page.url`, e.g. '', 'timeline/', 'events/2025/x.html'): absolute with `site_url`, else
    relative to the page, so the site works under any sub-path and from the file system."""
    if site_url:
        return {name: urljoin(site_url, name) for name in AUTODISCOVERY}
    folder = page_url.rsplit("/", 1)[0] if "/" in page_url else ""
    up = "../" * len([part for part in folder.split("/") if part not in ("", ".")])
    return {name: up + name for name in AUTODISCOVERY}


@functools.cache
def _templates() -> Templates:
    """The shipped templates (feeds and exports are the same for every theme)."""
    return Templates()


def autodiscovery_links(hrefs: Mapping[str, str], title: str) -> str:
    """`<link rel="alternate">` tags: `hrefs` maps each file of `AUTODISCOVERY` to its href."""
    links = [{"kind": kind, "title": f"{title} ({label})", "href": hrefs[name]}
             for name, (kind, label) in AUTODISCOVERY.items()]
    return str(_templates().render("feed_links.html", links=links)).lstrip("\n") + "\n"


@functools.lru_cache(maxsize=256)
def _links_at(depth: int, site_url: str | None, title: str) -> str:
    """The tags of every page `depth` folders below the root (made once per depth, not
    once per page)."""
    return autodiscovery_links(autodiscovery_hrefs("a/" * depth + "x", site_url), title)


def add_autodiscovery(page_html: str, page_url: str, site_url: str | None, title: str) -> str:
    """The page with the feeds' `<link rel="alternate">` tags at the end of its <head>."""
    head_end = _HEAD_END.search(page_html)
    if head_end is None:
        return page_html
    folder = page_url.rsplit("/", 1)[0] if "/" in page_url and not site_url else ""
    depth = len([part for part in folder.split("/") if part not in ("", ".")])
    links = _links_at(depth, site_url, title)
    return page_html[:head_end.start()] + links + page_html[head_end.start():]
