"""Search: one Pagefind index for the explorer and for the header's search box.

Material's search downloads its whole index (16.8 MB at 10,000 events) on every first page
view. Instead, after the build, the plugin writes a Pagefind bundle to `site/pagefind/`:

- one record per published event, with its names as filters (`tag`, `person`, `place`,
  `organization`), its month (for date ranges) and its day as the sort key;
- one record per person, place, organization and tag page, by its name;
- one record per page of the user's own (the home page, an "about" page ...).

Pagefind splits the index into chunks, so a browser loads only the chunks a query needs,
and ships its binary in a wheel (`pagefind[bin]`), so the build downloads nothing. Every
record has a `kind` filter, so the explorer asks for events only and the header's box can
list the pages about a name before the events that mention it.

The header keeps Material's look: the plugin's theme folder (`builder/plugin/theme/`, after
a user's `custom_dir`) replaces Material's `partials/search.html` with a box that
`assets/search.js` drives. Material's search plugin stays enabled, as the header shows a
box only with it, but every page is left out of its index: nothing reads it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from builder.model import Event
from builder.plugin.explorer import FILTERS
from builder.plugin.render import Templates

#: The filter every record has: what the record is.
KIND_FILTER = "kind"
EVENT_KIND = "event"
#: The `kind` of the user's own pages.
PAGE_KIND = "page"
#: Entity kind (as `Event.entities` names it) -> its `kind` and the label readers see.
ENTITY_KINDS: dict[str, tuple[str, str]] = {"people": ("person", "Person"),
                                            "places": ("place", "Place"),
                                            "organizations": ("organization", "Organization"),
                                            "tags": ("tag", "Tag")}
#: The filter holding each event's month (`2025-12`), for date ranges.
MONTH_FILTER = "month"
#: The sort key: the event's day, `YYYY-MM-DD` (then its title, so a day's order is stable).
SORT_KEY = "date"
#: Where the Pagefind bundle is written, inside `site_dir`.
BUNDLE_DIR = "pagefind"
#: A word every event's record holds. Pagefind answers a search with no words (filters
#: only) by loading every chunk of the word index, megabytes at 10,000 events; the explorer
#: searches for this word instead, which loads one chunk.
ALL_EVENTS_WORD = "zzallevents"

_MARKUP = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|])")


@dataclass(frozen=True)
class Record:
    """One record of the index: an event, an entity page or a page of the user's."""

    #: The page's URL, relative to the site root (`events/2025/2025-12-17-x/`).
    url: str
    content: str
    meta: dict[str, str]
    filters: dict[str, list[str]]
    sort: dict[str, str]


def format_day(day: dt.date) -> str:
    """`17 December 2025`."""
    return f"{day.day} {day:%B %Y}"


def plain_text(markdown: str) -> str:
    """The article text without the backslashes that escape Markdown characters."""
    return _MARKUP.sub(r"\1", markdown)


def event_record(event: Event, url: str) -> Record:
    """An event's record: its text (title, place, summary, names and article), its names
    as filters, its month, and its day as the sort key."""
    names = [name for kind in FILTERS for name in event.entities(kind)]
    content = "\n".join(part for part in (ALL_EVENTS_WORD, event.title, event.location or "",
                                          event.summary,
                                          " · ".join(names), plain_text(event.body)) if part)
    filters = {FILTERS[kind]: list(event.entities(kind)) for kind in FILTERS
               if event.entities(kind)}
    filters[MONTH_FILTER] = [f"{event.date:%Y-%m}"]
    filters[KIND_FILTER] = [EVENT_KIND]
    day = format_day(event.date)
    if event.end_date is not None and event.end_date != event.date:
        day += f" – {format_day(event.end_date)}"
    meta = {"title": event.title, "url": url, "day": day, "date": event.date.isoformat()}
    if event.location:
        meta["place"] = event.location
    if event.summary:
        meta["summary"] = event.summary
    return Record(url=url, content=content, meta=meta, filters=filters,
                  sort={SORT_KEY: f"{event.date.isoformat()} {event.title}"})


def entity_record(kind: str, name: str, events: Sequence[Event], url: str) -> Record:
    """A person's, place's, organization's or tag's page: its name, and a line saying what
    it is and how many events name it, over which years."""
    filter_kind, label = ENTITY_KINDS[kind]
    years = sorted({event.date.year for event in events})
    span = "" if not years else f", {years[0]}" if len(years) == 1 else \
        f", {years[0]}–{years[-1]}"
    line = f"{label}: {len(events):,} event{'' if len(events) == 1 else 's'}{span}"
    return Record(url=url, content=name, meta={"title": name, "url": url, "summary": line},
                  filters={KIND_FILTER: [filter_kind]}, sort={})


def page_record(title: str, html: str, url: str) -> Record:
    """A page of the user's own, by its title and text."""
    return Record(url=url, content=f"{title}\n{html_text(html)}",
                  meta={"title": title, "url": url}, filters={KIND_FILTER: [PAGE_KIND]},
                  sort={})


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(html: str) -> str:
    """The text of an HTML fragment."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return " ".join(" ".join(parser.parts).split())


def write_bundle(records: Iterable[Record], output: Path, templates: Templates,
                 language: str = "en") -> None:
    """Index `records` with Pagefind and write the bundle (scripts, WebAssembly and index
    chunks) to `output`.

    Each record is written as a small HTML file (`pagefind-record.html`) in a temporary
    folder that Pagefind indexes in one request: its Python API answers one request per
    tenth of a second, so adding records one by one takes minutes at 10,000 events.
    """
    with tempfile.TemporaryDirectory(prefix="timeline-pagefind-") as folder:
        for number, record in enumerate(records):
            html = templates.render("pagefind-record.html", record=record, language=language)
            (Path(folder) / f"{number:06d}.html").write_text(html, encoding="utf-8")
        asyncio.run(_write_bundle(Path(folder), output))


async def _write_bundle(folder: Path, output: Path) -> None:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(output_path=str(output))
    async with PagefindIndex(config=config) as index:
        await index.add_directory(str(folder))
