"""[Event] -> generated pages, as Markdown, and the HTML that goes into them. Pure: no MkDocs
imports, no file access, so the same pages could be made for an engine without plugins.

Two kinds of output, for two kinds of content:

- Markdown (`generated_pages`) for the pages' frame: titles, intros, overviews, index pages,
  the review page, "often with", pagers. Its links are Markdown links to `.md` paths, so
  MkDocs rewrites them for any URL style and `mkdocs build --strict` checks every one.
- HTML, added after Markdown, for what is repeated once per event and per tag and entity:
  the lists (`fill_lists`: chart, filters, jump bar, entries) and the event pages' header
  and footer (`event_header`, `event_footer`). Through Markdown these made a site of 10,000
  events build for many minutes. Their links are final URLs (`Site.raw_url`, `href`, in
  the site's URL style); the plugin checks every page they can point to exists
  (`Site.link_targets`), so `--strict` still fails on a broken one.

Text from events goes through `escape_inline` in Markdown and `html.escape` in HTML.

Long lists are split so that no page grows past a few hundred kilobytes, whatever the
number of events: a list longer than `per_page` events (or heavier than `ENTRY_BUDGET`)
becomes an overview page that links one page per year, and a year that is still too long is
split into numbered pages (`timeline/2025.md`, `timeline/2025-2.md`, ...).
"""

from __future__ import annotations

import datetime as dt
import heapq
import html
import json
import posixpath
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from builder.escape import escape_inline
from builder.model import ENTITY_KINDS, Event, Source
from builder.plugin.chart import Bar, bar_chart
from builder.store import slug_for

TIMELINE_PAGE = "timeline.md"
#: Folder of the timeline's year pages, when the timeline is split.
TIMELINE_DIR = "timeline"
HOME_PAGE = "index.md"
REVIEW_PAGE = "review.md"
#: Where `fill_lists` puts a list page's chart and list, after Markdown.
FILL = '<div class="tl-fill" data-tl-fill="{name}"></div>'
#: Front matter of list pages: left out of the search index, which would otherwise hold a
#: copy of every event per tag and entity (search finds the event pages themselves).
NOT_SEARCHED = "---\nsearch:\n  exclude: true\n---\n\n"
#: Entity kind -> (folder of its pages, title of its index page, singular label).
KINDS: dict[str, tuple[str, str, str]] = {
    "tags": ("tags", "Tags", "Tag"),
    "people": ("people", "People", "Person"),
    "places": ("places", "Places", "Place"),
    "organizations": ("organizations", "Organizations", "Organization"),
}
#: Entity kind -> the key of its filter in the URL hash (`#tag=...&person=...`).
FILTER_KEYS: dict[str, str] = {"tags": "tag", "people": "person", "places": "place",
                               "organizations": "org"}
#: Most bytes of entries on one list page (as `entry_weight` estimates them): with the
#: theme around them (about 40 KB), a page stays under ~300 KB even when each event names
#: dozens of entities.
ENTRY_BUDGET = 200_000
#: Most names on one index page (tags, people, ...); each line is about 120 bytes of HTML.
INDEX_PER_PAGE = 1000
#: Entity chips shown in a list entry besides its tags; the event page shows them all.
LIST_ENTITY_CHIPS = 4
#: Spans longer than this many months are charted per year instead of per month.
MONTHLY_CHART_MONTHS = 120
#: Most entries under each heading of "Also on this day".
RELATED_LIMIT = 5
#: Most names under "Often with" on an entity page.
OFTEN_WITH_LIMIT = 10
#: Most events listed on the review page (a person with more uses `timeline check`).
REVIEW_LIMIT = 1000


def sort_key(event: Event) -> tuple[dt.date, str, str]:
    """Events in time; the same day by title, then by page path (stable)."""
    return (event.date, event.title.lower(), event.path or "")


@dataclass(frozen=True)
class ListPage:
    """One page of a list of events: all of it, or (when split) part of one year."""

    path: str
    events: list[Event]
    #: The year this page belongs to; None for an unsplit list.
    year: int | None = None
    #: 1-based number of the page within its year, and how many pages the year has.
    number: int = 1
    of: int = 1


@dataclass
class Listing:
    """How one list of events (the timeline, or an entity's) is laid out in pages."""

    #: The page readers open: the whole list, or an overview linking the year pages.
    home: str
    pages: list[ListPage]
    split: bool
    #: (year, month) -> the first page holding that month.
    month_page: dict[tuple[int, int], str] = field(default_factory=dict)
    #: year -> its pages, in order.
    year_pages: dict[int, list[ListPage]] = field(default_factory=dict)
    #: id(event) -> the page that lists it.
    event_page: dict[int, str] = field(default_factory=dict)


def entry_weight(event: Event) -> int:
    """About how many bytes of HTML an event adds to a list page (a little more than
    `entry` makes: text twice, in the entry and its `data-text`; each name as a slug, in
    `data-text`, perhaps as a chip, and in the page's table of names)."""
    names = sum(len(name) * 3 + 64 for kind in ENTITY_KINDS for name in event.entities(kind))
    text = len(event.title) + len(event.summary) + len(event.location or "")
    return 520 + 2 * text + names + 2 * len(event.path or "")


def _chunks(events: Sequence[Event], per_page: int, budget: int) -> Iterator[list[Event]]:
    chunk: list[Event] = []
    weight = 0
    for event in events:
        cost = entry_weight(event)
        if chunk and (len(chunk) >= per_page or weight + cost > budget):
            yield chunk
            chunk, weight = [], 0
        chunk.append(event)
        weight += cost
    if chunk:
        yield chunk


def lay_out(events: Sequence[Event], home: str, folder: str, per_page: int,
            budget: int = ENTRY_BUDGET) -> Listing:
    """Split `events` (sorted) into pages: one page if small enough, else pages per year
    under `folder` (`folder/2025.md`, `folder/2025-2.md`, ...)."""
    per_page = max(1, per_page)
    if len(events) <= per_page and sum(map(entry_weight, events)) <= budget:
        pages = [ListPage(home, list(events))]
        listing = Listing(home, pages, split=False)
    else:
        by_year: dict[int, list[Event]] = defaultdict(list)
        for event in events:
            by_year[event.date.year].append(event)
        pages = []
        listing = Listing(home, pages, split=True)
        for year, year_events in sorted(by_year.items()):
            chunks = list(_chunks(year_events, per_page, budget))
            year_pages = [
                ListPage(f"{folder}/{year}.md" if number == 1 else f"{folder}/{year}-{number}.md",
                         chunk, year, number, len(chunks))
                for number, chunk in enumerate(chunks, 1)
            ]
            listing.year_pages[year] = year_pages
            pages += year_pages
    for page in pages:
        for event in page.events:
            listing.event_page[id(event)] = page.path
            listing.month_page.setdefault((event.date.year, event.date.month), page.path)
    return listing


@dataclass(frozen=True)
class ListFill:
    """What `fill_lists` puts in one list page."""

    listing: Listing
    #: The page's events; None for the overview of a split list (a chart, no list).
    page: ListPage | None
    #: The entity the list is about (its chip is left out of the entries).
    skip: tuple[str, str] | None


@dataclass
class Site:
    """The events, sorted in time, and where each generated page lives."""

    events: list[Event]
    events_dir: str
    #: Most events on one list page.
    per_page: int = 250
    #: The site's URL style (MkDocs `use_directory_urls`), for the links inside charts.
    directory_urls: bool = True
    #: kind -> name -> page path
    entity_pages: dict[str, dict[str, str]] = field(default_factory=dict)
    #: kind -> name -> the events that name it, in time
    by_entity: dict[str, dict[str, list[Event]]] = field(default_factory=dict)
    #: kind -> number of index pages
    index_pages: dict[str, int] = field(default_factory=dict)
    #: id(event) -> its index in `events`
    position: dict[int, int] = field(default_factory=dict)
    by_day: dict[dt.date, list[Event]] = field(default_factory=dict)
    by_month_day: dict[tuple[int, int], list[Event]] = field(default_factory=dict)
    timeline: Listing = field(default_factory=lambda: Listing(TIMELINE_PAGE, [], False))
    #: Whether the review page is generated (and linked).
    review: bool = False
    #: List page path -> its page and the entity it is about (whose chip it leaves out),
    #: for `fill_lists`.
    list_pages: dict[str, ListFill] = field(default_factory=dict)
    _listings: dict[str, Listing] = field(default_factory=dict)
    _slugs: dict[tuple[str, str], str] = field(default_factory=dict)
    _names: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    _urls: dict[str, str] = field(default_factory=dict)
    _ups: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, events: Iterable[Event], events_dir: str, per_page: int = 250,
           directory_urls: bool = True, review: bool = False) -> Site:
        """Sort the events and work out every page's path."""
        ordered = sorted(events, key=sort_key)
        site = cls(ordered, events_dir.strip("/"), per_page=per_page,
                   directory_urls=directory_urls, review=review)
        site.position = {id(event): index for index, event in enumerate(ordered)}
        by_day: dict[dt.date, list[Event]] = defaultdict(list)
        by_month_day: dict[tuple[int, int], list[Event]] = defaultdict(list)
        for event in ordered:
            by_day[event.date].append(event)
            by_month_day[(event.date.month, event.date.day)].append(event)
        site.by_day, site.by_month_day = dict(by_day), dict(by_month_day)
        for kind, (folder, _, _) in KINDS.items():
            by_name: dict[str, list[Event]] = defaultdict(list)
            for event in ordered:
                for name in event.entities(kind):
                    by_name[name].append(event)
            index_count = max(1, -(-len(by_name) // INDEX_PER_PAGE))
            used = {"index", *(f"index-{n}" for n in range(2, index_count + 1))}
            paths: dict[str, str] = {}
            for name in sorted(by_name):
                slug = base = slug_for(name)
                number = 2
                while slug in used:
                    slug, number = f"{base}-{number}", number + 1
                used.add(slug)
                paths[name] = f"{folder}/{slug}.md"
            site.entity_pages[kind] = paths
            site.by_entity[kind] = dict(by_name)
            site.index_pages[kind] = index_count
        site.timeline = lay_out(ordered, TIMELINE_PAGE, TIMELINE_DIR, per_page)
        return site

    def event_uri(self, event: Event) -> str:
        """The docs-relative path of an event's page."""
        return f"{self.events_dir}/{event.path}"

    def with_entity(self, kind: str, name: str) -> list[Event]:
        """The events that name `name` (of `kind`), in time."""
        return self.by_entity.get(kind, {}).get(name, [])

    def slug(self, kind: str, name: str) -> str:
        """The entity's slug: its page's file name, also its value in filter URLs."""
        key = (kind, name)
        if key not in self._slugs:
            path = self.entity_pages[kind][name]
            self._slugs[key] = posixpath.splitext(posixpath.basename(path))[0]
        return self._slugs[key]

    def names_of(self, event: Event) -> list[tuple[str, str]]:
        """The event's (kind, name) pairs, tags first (cached: lists ask for each event many
        times)."""
        key = id(event)
        if key not in self._names:
            self._names[key] = [(kind, name) for kind in ENTITY_KINDS
                                for name in event.entities(kind)]
        return self._names[key]

    def link_targets(self) -> list[str]:
        """Every page the raw HTML of lists may link to: events and entity pages. The plugin
        checks that each is in the site, as `--strict` only checks Markdown links."""
        return [*(self.event_uri(event) for event in self.events),
                *(path for paths in self.entity_pages.values() for path in paths.values()),
                *self.list_pages]

    def raw_url(self, source: str, target: str) -> str:
        """The final URL from page `source` to page `target`, for raw HTML: up to the site
        root, then down (both cached, as lists make hundreds of thousands of links)."""
        if target not in self._urls:
            self._urls[target] = page_url(target, self.directory_urls)
        if source not in self._ups:
            here = page_url(source, self.directory_urls)
            self._ups[source] = "../" * here.count("/")
        return (self._ups[source] + self._urls[target]) or "./"

    def entity_listing(self, kind: str, name: str) -> Listing:
        """How the entity's events are laid out (its page, or overview and year pages)."""
        path = self.entity_pages[kind][name]
        if path not in self._listings:
            self._listings[path] = lay_out(self.with_entity(kind, name), path,
                                           posixpath.splitext(path)[0], self.per_page)
        return self._listings[path]


# --- Links and words ----------------------------------------------------------------------


def link(source: str, target: str) -> str:
    """The relative Markdown link from page `source` to page `target` (docs-relative)."""
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


def page_url(path: str, directory_urls: bool) -> str:
    """The site-relative URL MkDocs gives the page at `path` ('' for the home page)."""
    stem = posixpath.splitext(path)[0]
    if not directory_urls:
        return f"{stem}.html"
    if posixpath.basename(stem) in ("index", "README"):
        folder = posixpath.dirname(stem)
        return f"{folder}/" if folder else ""
    return f"{stem}/"


def href(source: str, target: str, directory_urls: bool, anchor: str = "") -> str:
    """The final relative URL from page `source` to page `target` (docs-relative paths),
    for raw HTML that MkDocs does not rewrite."""
    fragment = f"#{anchor}" if anchor else ""
    here, there = page_url(source, directory_urls), page_url(target, directory_urls)
    if source == target:
        return fragment or ("./" if directory_urls else posixpath.basename(here))
    base = here if here.endswith("/") or not here else posixpath.dirname(here)
    relative = posixpath.relpath(there or ".", base.rstrip("/") or ".")
    if not there or there.endswith("/"):
        relative = "./" if relative == "." else f"{relative}/"
    return relative + fragment


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """'1 event', '2,500 events'."""
    return f"{count:,} {noun if count == 1 else nouns or noun + 's'}"


def format_day(day: dt.date) -> str:
    """'17 December 2025'."""
    return f"{day.day} {day:%B %Y}"


def format_when(event: Event) -> str:
    """The event's day, or its span of days."""
    if event.end_date and event.end_date != event.date:
        return f"{format_day(event.date)} – {format_day(event.end_date)}"
    return format_day(event.date)


def month_id(year: int, month: int) -> str:
    """The anchor of a month's heading in a list, e.g. `m2025-12`."""
    return f"m{year:04d}-{month:02d}"


def year_id(year: int) -> str:
    """The anchor of a year's heading in a list, e.g. `y2025`."""
    return f"y{year:04d}"


# --- Pages ---------------------------------------------------------------------------------


def generated_pages(site: Site) -> dict[str, str]:
    """Every generated page: path (docs-relative) -> Markdown."""
    pages: dict[str, str] = {}
    pages.update(listing_pages(site, site.timeline, TimelineList(site)))
    for kind, (folder, _, _) in KINDS.items():
        for number in range(1, site.index_pages[kind] + 1):
            pages[index_path(folder, number)] = index_page(site, kind, number)
        for name in site.entity_pages[kind]:
            listing = site.entity_listing(kind, name)
            pages.update(listing_pages(site, listing, EntityList(site, kind, name)))
    if site.review:
        pages[REVIEW_PAGE] = review_page(site)
    return pages


def shown_in_nav(uri: str) -> bool:
    """Whether a generated page belongs in the default navigation."""
    return uri in (TIMELINE_PAGE, REVIEW_PAGE) or any(
        uri == f"{folder}/index.md" for folder, _, _ in KINDS.values())


class TimelineList:
    """What differs between the timeline and an entity's list: titles, intro, extras."""

    def __init__(self, site: Site) -> None:
        self.site = site

    def title(self) -> str:
        """The page title (Markdown)."""
        return "Timeline"

    def intro(self, events: Sequence[Event]) -> list[str]:
        """The lines under the title of the list's home page."""
        return [f"{plural(len(events), 'event')}, from {format_day(events[0].date)} to "
                f"{format_day(events[-1].date)}.", ""]

    def extras(self, page: str) -> list[str]:
        """Sections between the chart and the list on the list's home page."""
        return []

    def skip(self) -> tuple[str, str] | None:
        """The (kind, name) whose chip the entries leave out: the page's own subject."""
        return None

    def empty(self) -> str:
        """What the page says when there is no event."""
        return "No events yet: add articles to the seeds folder and run `timeline build`."


class EntityList(TimelineList):
    """An entity's page: its own timeline, chart, and the entities often named with it."""

    def __init__(self, site: Site, kind: str, name: str) -> None:
        super().__init__(site)
        self.kind, self.name = kind, name

    def title(self) -> str:
        return escape_inline(self.name)

    def intro(self, events: Sequence[Event]) -> list[str]:
        _, title, label = KINDS[self.kind]
        index = index_path(KINDS[self.kind][0], 1)
        home = self.site.entity_pages[self.kind][self.name]
        return [f"{label} · {plural(len(events), 'event')}, {format_day(events[0].date)} to "
                f"{format_day(events[-1].date)} · [all {title.lower()}]({link(home, index)})",
                ""]

    def extras(self, page: str) -> list[str]:
        return often_with(self.site, self.kind, self.name, page)

    def skip(self) -> tuple[str, str] | None:
        return (self.kind, self.name)


def listing_pages(site: Site, listing: Listing, kind: TimelineList) -> dict[str, str]:
    """The pages of one list: the whole list, or its overview and year pages."""
    events = [event for page in listing.pages for event in page.events]
    if not events:
        return {listing.home: f"{NOT_SEARCHED}# {kind.title()}\n\n{kind.empty()}\n"}
    if not listing.split:
        return {listing.home: list_page(site, listing, listing.pages[0], kind)}
    pages = {listing.home: overview_page(site, listing, events, kind)}
    for page in listing.pages:
        pages[page.path] = list_page(site, listing, page, kind)
    return pages


def list_page(site: Site, listing: Listing, page: ListPage, kind: TimelineList) -> str:
    """A page that lists events: title, intro, chart, filters, jump bar, the list. The
    chart and the list are filled in after Markdown (see `fill_lists`)."""
    events = page.events
    path = page.path
    if page.year is None:
        lines = [NOT_SEARCHED + f"# {kind.title()}", "", *kind.intro(events)]
    else:
        number = f" (page {page.number} of {page.of})" if page.of > 1 else ""
        year_events = [e for p in listing.year_pages[page.year] for e in p.events]
        lines = [NOT_SEARCHED + f"# {kind.title()}: {page.year}{number}", "",
                 f"{plural(len(year_events), 'event')} in {page.year}"
                 + (f"; this page: {format_day(events[0].date)} to "
                    f"{format_day(events[-1].date)}" if page.of > 1 else "")
                 + f" · [all years]({link(path, listing.home)})", ""]
    site.list_pages[path] = ListFill(listing, page, kind.skip())
    lines += [FILL.format(name="chart"), ""]
    if path == listing.home:
        lines += kind.extras(path)
    if page.of > 1:
        lines += pager(listing, page, "top")
    lines += [FILL.format(name="list"), ""]
    if page.of > 1:
        lines += pager(listing, page, "bottom")
    return "\n".join(lines) + "\n"


def overview_page(site: Site, listing: Listing, events: Sequence[Event],
                  kind: TimelineList) -> str:
    """The home of a split list: chart, then each year with its count and pages."""
    path = listing.home
    lines = [NOT_SEARCHED + f"# {kind.title()}", "", *kind.intro(events)]
    site.list_pages[path] = ListFill(listing, None, kind.skip())
    lines += [FILL.format(name="chart"), ""]
    lines += kind.extras(path)
    lines += ["## Years", "", "One page per year; the longest years are split into several "
              "pages.", ""]
    for year, year_pages in listing.year_pages.items():
        count = sum(len(page.events) for page in year_pages)
        item = f"- [{year}]({link(path, year_pages[0].path)}): {plural(count, 'event')}"
        if len(year_pages) > 1:
            parts = [f"[{format_short(page.events[0].date)}–{format_short(page.events[-1].date)}]"
                     f"({link(path, page.path)})" for page in year_pages]
            item += " (pages: " + ", ".join(parts) + ")"
        lines.append(item)
    return "\n".join(lines) + "\n"


def format_short(day: dt.date) -> str:
    """'17 Dec'."""
    return f"{day.day} {day:%b}"


def pager(listing: Listing, page: ListPage, where: str) -> list[str]:
    """Links to the other pages of the same year (`where`: 'top' or 'bottom', for the
    landmark's name)."""
    assert page.year is not None
    parts = []
    for other in listing.year_pages[page.year]:
        label = f"{page.year} page {other.number}"
        if other is page:
            parts.append(f'<span aria-current="page">{other.number}</span>')
        else:
            parts.append(f"[{other.number}<span class=\"tl-sr-only\"> ({label})</span>]"
                         f"({link(page.path, other.path)})")
    return [f'<nav class="tl-pager" aria-label="Pages of {page.year} ({where})" markdown>',
            "",
            f"Pages of {page.year}: " + " ".join(parts), "", "</nav>", ""]


def fill_lists(site: Site, page: str, content: str) -> str:
    """A list page's HTML with its chart and list filled in.

    The Markdown of a list page holds an empty placeholder for each; they come in here, as
    HTML, after Markdown. The list is most of every list page, and lists name each event
    once per tag and entity: through Markdown (links, headings, attribute lists), a site of
    10,000 events took many minutes to build. Links here are final URLs (`Site.raw_url`);
    the plugin checks that every page they can point to exists (`Site.link_targets`), and
    anchors are made here with the headings they point to.
    """
    fill = site.list_pages.get(page)
    if fill is None:
        return content
    if fill.page is not None and fill.page.year is not None:
        chart = year_chart(site, fill.listing, fill.page.year, page)
    else:
        events = [event for part in fill.listing.pages for event in part.events]
        chart = listing_chart(site, fill.listing, page, events)
    content = content.replace(FILL.format(name="chart"), chart, 1)
    if fill.page is not None:
        content = content.replace(FILL.format(name="list"),
                                  list_block(site, fill.listing, fill.page, fill.skip), 1)
    return content


def list_block(site: Site, listing: Listing, page: ListPage,
               skip: tuple[str, str] | None = None) -> str:
    """Filters (made by timeline.js), the jump bar, then events under year and month
    headings, nested in sections so the order toggle can reverse them (HTML)."""
    parts = ['<div class="tl-filters" data-tl-filters></div>', names_script(site, page.events),
             jump_bar(site, listing, page),
             f'<div class="tl-list" data-total="{len(page.events)}">']
    year = month = None
    for event in page.events:
        if event.date.year != year:
            if year is not None:
                parts.append("</div></section></section>")
            year, month = event.date.year, None
            parts.append(f'<section class="tl-year" data-year="{year}">'
                         f'<h2 id="{year_id(year)}">{year}</h2>')
        if event.date.month != month:
            if month is not None:
                parts.append("</div></section>")
            month = event.date.month
            parts.append(f'<section class="tl-month"><h3 id="{month_id(year, month)}">'
                         f'{event.date:%B %Y}</h3><div class="tl-entries">')
        parts.append(entry(site, event, page.path, skip))
    if year is not None:
        parts.append("</div></section></section>")
    parts.append("</div>")
    return "\n".join(parts)


def names_script(site: Site, events: Sequence[Event]) -> str:
    """Slug -> name of every entity on the page, for the filter menus (JSON in a script
    element, escaped so no text can close it)."""
    names: dict[str, dict[str, str]] = {FILTER_KEYS[kind]: {} for kind in ENTITY_KINDS}
    for event in events:
        for kind, name in site.names_of(event):
            names[FILTER_KEYS[kind]][site.slug(kind, name)] = name
    data = json.dumps(names, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" class="tl-names">{data}</script>'


def jump_bar(site: Site, listing: Listing, page: ListPage) -> str:
    """Years (and the months of each year) to jump to; sticky while the list scrolls."""
    path = page.path
    here = {(e.date.year, e.date.month) for e in page.events}
    parts = ['<nav class="tl-jump" aria-label="Jump to a year or month">',
             '<div class="tl-jump-years"><ul>']
    if page.year is not None:
        for year, year_pages in listing.year_pages.items():
            current = ' aria-current="page"' if year == page.year else ""
            parts.append(f'<li><a href="{site.raw_url(path, year_pages[0].path)}"{current}>'
                         f"{year}</a></li>")
        years = [page.year]
    else:
        years = sorted({e.date.year for e in page.events})
        parts += [f'<li><a href="#{year_id(year)}">{year}</a></li>' for year in years]
    parts.append("</ul></div>")
    for year in years:
        months = sorted(m for y, m in listing.month_page if y == year)
        parts.append(f'<div class="tl-jump-months" data-year="{year}"><ul>')
        for month in months:
            anchor = month_id(year, month)
            target = listing.month_page[(year, month)]
            where = f"#{anchor}" if (year, month) in here and target == path else \
                f"{site.raw_url(path, target)}#{anchor}"
            parts.append(f'<li><a href="{where}">{dt.date(year, month, 1):%b}'
                         f'<span class="tl-sr-only"> {year}</span></a></li>')
        parts.append("</ul></div>")
    parts.append("</nav>")
    return "".join(parts)


def entry(site: Site, event: Event, page: str, skip: tuple[str, str] | None = None) -> str:
    """One event in a list, as HTML: date, location, sources, title link, summary, chips;
    data attributes carry what the filters match. Links are final URLs (`raw_url`); the
    plugin checks that every page they can point to exists (`Site.link_targets`)."""
    data = []
    for kind in ENTITY_KINDS:
        slugs = " ".join(site.slug(kind, name) for name in event.entities(kind))
        data.append(f'data-{kind}="{html.escape(slugs)}"')
    text = " ".join([event.title, event.location or "", event.summary,
                     *(name for kind in ENTITY_KINDS for name in event.entities(kind))])
    data.append(f'data-text="{html.escape(" ".join(text.casefold().split()))}"')
    parts = [f'<div class="tl-entry" data-date="{event.date.isoformat()}" {" ".join(data)}>',
             f'<p class="tl-meta">{meta_html(event)}</p>',
             f'<p><a class="tl-title" href="{site.raw_url(page, site.event_uri(event))}">'
             f"{html.escape(event.title)}</a></p>"]
    if event.summary:
        parts.append(f'<p class="tl-summary">{html.escape(" ".join(event.summary.split()))}'
                     "</p>")
    chips = list_chips(site, event, page, skip)
    if chips:
        parts.append(f'<p class="tl-chips">{chips}</p>')
    return "".join(parts) + "</div>"


def meta_html(event: Event, sources: bool = True) -> str:
    """'<time>17 December 2025</time> · Berlin · 1 source', as HTML."""
    meta = f'<time datetime="{event.date.isoformat()}">{html.escape(format_when(event))}</time>'
    if event.location:
        meta += f' · <span class="tl-location">{html.escape(event.location)}</span>'
    if sources:
        meta += f' · <span class="tl-sources">{plural(len(event.sources), "source")}</span>'
    return meta


def chip(site: Site, kind: str, name: str, page: str) -> str:
    """A link to an entity's page, as a chip."""
    target = site.entity_pages[kind][name]
    return f"[{escape_inline(name)}]({link(page, target)}){{ .tl-chip .tl-{kind} }}"


def list_chips(site: Site, event: Event, page: str, skip: tuple[str, str] | None) -> str:
    """All tags, then the first few people, places and organizations, then '+N more'
    (raw HTML)."""
    names = [(kind, name) for kind in ENTITY_KINDS for name in event.entities(kind)
             if (kind, name) != skip]
    tags = [item for item in names if item[0] == "tags"]
    others = [item for item in names if item[0] != "tags"]
    chips = [f'<a class="tl-chip tl-{kind}" '
             f'href="{site.raw_url(page, site.entity_pages[kind][name])}">{html.escape(name)}</a>'
             for kind, name in tags + others[:LIST_ENTITY_CHIPS]]
    hidden = len(others) - LIST_ENTITY_CHIPS
    if hidden > 0:
        chips.append(f'<span class="tl-more">+{hidden} more</span>')
    return " ".join(chips)


# --- Charts --------------------------------------------------------------------------------


def _months(first: dt.date, last: dt.date) -> Iterator[tuple[int, int]]:
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def listing_chart(site: Site, listing: Listing, page: str, events: Sequence[Event]) -> str:
    """Events per month (per year over long spans), each bar linking to its place."""
    counts = Counter((event.date.year, event.date.month) for event in events)
    first, last = events[0].date, events[-1].date
    months = list(_months(first, last))
    if len(months) > MONTHLY_CHART_MONTHS:
        years = Counter(event.date.year for event in events)
        bars = []
        for year in range(first.year, last.year + 1):
            target = _year_target(listing, year)
            url = None if target is None else href(page, target[0], site.directory_urls,
                                                   target[1])
            bars.append(Bar(str(year), years[year], url,
                            str(year) if year % 5 == 0 or year == first.year else ""))
        return bar_chart(bars, "Events per year", "Year")
    bars = []
    for year, month in months:
        target_page = listing.month_page.get((year, month))
        url = None if target_page is None else href(page, target_page, site.directory_urls,
                                                    month_id(year, month))
        tick = str(year) if month == 1 or (year, month) == months[0] else ""
        bars.append(Bar(f"{dt.date(year, month, 1):%B %Y}", counts[(year, month)], url, tick))
    return bar_chart(bars, "Events per month", "Month")


def _year_target(listing: Listing, year: int) -> tuple[str, str] | None:
    if listing.split:
        pages = listing.year_pages.get(year)
        return (pages[0].path, "") if pages else None
    months = [m for y, m in listing.month_page if y == year]
    return (listing.month_page[(year, min(months))], year_id(year)) if months else None


def year_chart(site: Site, listing: Listing, year: int, page: str) -> str:
    """Events per month of one year, each bar linking to the page holding that month."""
    events = [event for p in listing.year_pages[year] for event in p.events]
    counts = Counter(event.date.month for event in events)
    bars = []
    for month in range(1, 13):
        target = listing.month_page.get((year, month))
        url = None if target is None else href(page, target, site.directory_urls,
                                               month_id(year, month))
        bars.append(Bar(f"{dt.date(year, month, 1):%B %Y}", counts[month], url,
                        f"{dt.date(year, month, 1):%b}" if month % 3 == 1 else ""))
    return bar_chart(bars, f"Events per month in {year}", "Month")


# --- Entity pages --------------------------------------------------------------------------


def often_with(site: Site, kind: str, name: str, page: str) -> list[str]:
    """The tags and entities that most often appear in the same events, with counts."""
    counts: Counter[tuple[str, str]] = Counter()
    for event in site.with_entity(kind, name):
        counts.update(site.names_of(event))
    del counts[(kind, name)]
    if not counts:
        return []
    lines = ['## Often with { #often-with }', ""]
    ranked = heapq.nsmallest(OFTEN_WITH_LIMIT, counts.items(),
                             key=lambda item: (-item[1], item[0][1].lower(), item[0][0]))
    for (other_kind, other), count in ranked:
        label = KINDS[other_kind][2].lower()
        lines.append(f"- {chip(site, other_kind, other, page)} {label}, "
                     f"{plural(count, 'shared event')}")
    return [*lines, ""]


def index_path(folder: str, number: int) -> str:
    """`people/index.md`, then `people/index-2.md`, ..."""
    return f"{folder}/index.md" if number == 1 else f"{folder}/index-{number}.md"


def index_page(site: Site, kind: str, number: int = 1) -> str:
    """One page of a kind's index: names, most events first, with the count."""
    folder, title, _ = KINDS[kind]
    page = index_path(folder, number)
    counts = {name: len(events) for name, events in site.by_entity[kind].items()}
    lines = [f"# {title}" + (f" (page {number} of {site.index_pages[kind]})"
                             if site.index_pages[kind] > 1 else ""), ""]
    if not counts:
        return "\n".join([*lines, f"No {title.lower()} yet."]) + "\n"
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0].lower()))
    start = (number - 1) * INDEX_PER_PAGE
    for name, count in ranked[start:start + INDEX_PER_PAGE]:
        target = site.entity_pages[kind][name]
        lines.append(f"- [{escape_inline(name)}]({link(page, target)}) "
                     f"({plural(count, 'event')})")
    if site.index_pages[kind] > 1:
        parts = [str(n) if n == number else f"[{n}]({link(page, index_path(folder, n))})"
                 for n in range(1, site.index_pages[kind] + 1)]
        lines += ["", "Pages: " + " ".join(parts)]
    return "\n".join(lines) + "\n"


# --- Home, review, event pages -------------------------------------------------------------


def home_section(site: Site, latest_count: int) -> str:
    """Counts and the latest events, appended to the home page."""
    lines = ["", "## At a glance", ""]
    counts = [plural(len(site.events), "event")] + [
        f"{len(site.entity_pages[kind]):,} {KINDS[kind][1].lower()}" for kind in KINDS]
    lines.append(" · ".join(counts))
    lines.append("")
    if site.events:
        lines += [f"From {format_day(site.events[0].date)} to "
                  f"{format_day(site.events[-1].date)}. [Open the timeline]({TIMELINE_PAGE})", ""]
        flagged = sum(1 for event in site.events if event.review)
        if site.review and flagged:
            lines += [f"{plural(flagged, 'event')} to check: [review]({REVIEW_PAGE}).", ""]
        lines += ["## Latest events", ""]
        for event in list(reversed(site.events))[:latest_count]:
            lines += [entry(site, event, HOME_PAGE), ""]
    return "\n".join(lines) + "\n"


def review_page(site: Site) -> str:
    """Events whose `review:` flags ask a person to check something, grouped by flag."""
    lines = ["# Review", "",
             "Events whose `review:` field lists something a person should check. Check the "
             "event, correct its page, then remove the flag. (`mkdocs serve` always shows this "
             "page; the published site has it only with `publish_review_page: true`.)", ""]
    by_flag: dict[str, list[Event]] = defaultdict(list)
    for event in site.events:
        for flag in event.review:
            by_flag[flag].append(event)
    if not by_flag:
        return "\n".join([*lines, "Nothing to review."]) + "\n"
    shown = 0
    used: set[str] = set()
    for flag, events in sorted(by_flag.items(), key=lambda item: (-len(item[1]), item[0])):
        anchor = base = f"review-{slug_for(flag)}"
        number = 2
        while anchor in used:
            anchor, number = f"{base}-{number}", number + 1
        used.add(anchor)
        lines += [f"## {escape_inline(flag)} ({len(events):,}) {{ #{anchor} }}", ""]
        room = max(0, REVIEW_LIMIT - shown)
        for event in events[:room]:
            item = (f"- [{escape_inline(event.title)}]({site.event_uri(event)}) · "
                    f"{format_when(event)}")
            if event.date_from:
                item += f" · date from: {escape_inline(event.date_from)}"
            lines.append(item)
        shown += min(room, len(events))
        if len(events) > room:
            lines.append(f"- … and {len(events) - room:,} more (`timeline check` lists them "
                         "all)")
        lines.append("")
    return "\n".join(lines) + "\n"


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def _chips_html(site: Site, event: Event, page: str, kind: str) -> str:
    return " ".join(f'<a class="tl-chip tl-{kind}" '
                    f'href="{site.raw_url(page, site.entity_pages[kind][name])}">'
                    f"{html.escape(name)}</a>" for name in event.entities(kind))


def event_header(site: Site, event: Event) -> str:
    """The card above an event page's text, as HTML: date, location, sources, summary (when
    the text does not start with it), and linked tags and entities.

    The event page's header and footer are HTML added after Markdown (like the lists): a
    site has an event page per event, and their links through Markdown were a large part
    of the build time. `Site.link_targets` covers every page they link to.
    """
    page = site.event_uri(event)
    parts = ['<div class="tl-event-header">', f'<p class="tl-meta">{meta_html(event)}</p>']
    if event.summary and _normal(event.summary) not in _normal(event.body[:2000]):
        parts.append(f'<p class="tl-summary">{html.escape(" ".join(event.summary.split()))}'
                     "</p>")
    for kind in ENTITY_KINDS:
        if event.entities(kind):
            parts.append(f"<p><strong>{KINDS[kind][1]}:</strong> "
                         f"{_chips_html(site, event, page, kind)}</p>")
    parts.append("</div>")
    return "\n".join(parts) + "\n"


def _source_item(source: Source) -> str:
    title = f"<em>{html.escape(source.title)}</em>"
    parts = [title]
    if source.url and source.url.lower().startswith(("http://", "https://")):
        url = html.escape(source.url.replace(" ", "%20"))
        parts[0] = f'<a href="{url}">{title}</a>'
    elif source.url:
        parts.append(html.escape(source.url))
    if source.publisher:
        parts.append(html.escape(source.publisher))
    if source.credit:
        parts.append(f"credit: {html.escape(source.credit)}")
    if source.published:
        parts.append(f"published {format_day(source.published)}")
    if source.seed:
        parts.append(f"seed: {html.escape(source.seed)}")
    return "<li>" + " · ".join(parts) + "</li>"


def _event_item(site: Site, event: Event, page: str) -> str:
    return (f'<li><a href="{site.raw_url(page, site.event_uri(event))}">'
            f"{html.escape(event.title)}</a> · {format_when(event)}</li>")


def also_on_this_day(site: Site, event: Event) -> list[str]:
    """Other events of the same day, and of the same day in other years (HTML)."""
    page = site.event_uri(event)
    same_day = [e for e in site.by_day.get(event.date, []) if e is not event]
    other_years = [e for e in site.by_month_day.get((event.date.month, event.date.day), [])
                   if e.date.year != event.date.year]
    if not same_day and not other_years:
        return []
    parts = ['<h2 id="also-on-this-day">Also on this day</h2>']
    if same_day:
        parts.append(f"<p>The same day, {format_day(event.date)}:</p><ul>")
        parts += [_event_item(site, e, page) for e in same_day[:RELATED_LIMIT]]
        if len(same_day) > RELATED_LIMIT:
            parts.append(f"<li>… and {len(same_day) - RELATED_LIMIT:,} more in the "
                         "timeline</li>")
        parts.append("</ul>")
    if other_years:
        # The nearest years first.
        other_years.sort(key=lambda e: (abs(e.date.year - event.date.year), e.date, e.title))
        parts.append(f"<p>{event.date.day} {event.date:%B} in other years:</p><ul>")
        parts += [_event_item(site, e, page) for e in other_years[:RELATED_LIMIT]]
        parts.append("</ul>")
    return parts


def event_footer(site: Site, event: Event) -> str:
    """Sources, the place in the timeline, also on this day, previous and next events, as
    HTML (see `event_header`)."""
    page = site.event_uri(event)
    parts = ['<h2 id="sources">Sources</h2>']
    if event.sources:
        parts += ["<ol>", *(_source_item(source) for source in event.sources), "</ol>"]
    else:
        parts.append("<p>No source is recorded for this event.</p>")
    list_page_path = site.timeline.event_page.get(id(event))
    if list_page_path:
        anchor = month_id(event.date.year, event.date.month)
        url = f"{site.raw_url(page, list_page_path)}#{anchor}"
        parts.append(f'<p>In the timeline: <a href="{url}">{event.date:%B %Y}</a></p>')
    parts += also_on_this_day(site, event)
    index = site.position[id(event)]
    links = []
    if index > 0:
        previous = site.events[index - 1]
        links.append(f'<span>← Previous: <a href="{site.raw_url(page, site.event_uri(previous))}"'
                     f' rel="prev">{html.escape(previous.title)}</a></span>')
    if index + 1 < len(site.events):
        following = site.events[index + 1]
        links.append(f'<span>Next: <a href="{site.raw_url(page, site.event_uri(following))}" '
                     f'rel="next">{html.escape(following.title)}</a> →</span>')
    if links:
        parts += ['<nav class="tl-prev-next" aria-label="Previous and next event">', *links,
                  "</nav>"]
    return "\n".join(parts) + "\n"
