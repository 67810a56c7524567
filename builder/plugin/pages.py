"""[Event] -> generated pages. Pure: no MkDocs imports, no file access, so the same pages
could be made for an engine without plugins.

Every generated page is a small Markdown frame (front matter, its title, one placeholder,
`FILL`) and a body made as HTML from the Jinja2 templates in `templates/` (`render.py`;
autoescape on, and a user's theme `custom_dir/timeline/` overrides any template). The body
replaces the placeholder after Markdown (`fill_lists`); event pages get a header and footer
the same way (`event_header`, `event_footer`). Lists name each event once per tag and entity:
through Markdown, a site of 10,000 events took many minutes to build. Links in the HTML are
final URLs (`Site.raw_url`, `href`, in the site's URL style); the plugin checks that every
page they can point to exists (`Site.link_targets`), so `--strict` still fails on a broken
one.

Long lists are split so that no page grows past a few hundred kilobytes, whatever the
number of events: a list longer than `per_page` events (or heavier than `ENTRY_BUDGET`)
becomes an overview page (the latest events and one link per year), and a year that is
still too long is split into numbered pages (`timeline/2025.md`, `timeline/2025-2.md`, ...)
at day boundaries: a day is never split over two pages.
"""

from __future__ import annotations

import datetime as dt
import functools
import heapq
import json
import posixpath
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from builder.escape import escape_inline
from builder.model import ENTITY_KINDS, Event, Source
from builder.plugin.chart import Bar, Chart, bar_chart
from builder.plugin.render import Templates, View, format_day, plural
from builder.store import slug_for

__all__ = ["format_day", "plural"]

TIMELINE_PAGE = "timeline.md"
#: Folder of the timeline's year pages, when the timeline is split.
TIMELINE_DIR = "timeline"
HOME_PAGE = "index.md"
REVIEW_PAGE = "review.md"
#: Where `fill_lists` puts a generated page's body (or the home page's section), after
#: Markdown.
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
#: Most chips (tags first, then people, places, organizations) on one list entry; the rest
#: are counted ("+12 more"), so a note with thousands of tags does not repeat them on
#: every list. The event page shows them all.
CHIPS_PER_ENTRY = 8
#: Most names of each kind per entry that a list's filters know (in the entry's data and
#: the page's menus): a hand-made page with thousands of tags would otherwise repeat them
#: all on the list of each of its tags, and the site would grow with their square.
FILTER_NAMES_PER_ENTRY = 100
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


# The extractors' modules (the name tagger's, the key phrases') are imported only when a
# function of theirs is called: the plugin's start-up, every `mkdocs build` and `serve`,
# does not load them (about 0.1 s).


def lone_first_name(name: str) -> bool:
    """`entities.lone_first_name`: the name tagger's module is loaded only for a name of one
    word (a name of two or more is never a lone first name)."""
    if " " in name:
        return False
    from builder.extract.entities import lone_first_name as lone

    return lone(name)


def is_suggestion(flag: str) -> bool:
    """`keyphrases.is_suggestion`, its module loaded on the first call."""
    from builder.extract import keyphrases

    return keyphrases.is_suggestion(flag)


def suggested_phrases(flag: str) -> str:
    """`keyphrases.suggested_phrases`, its module loaded on the first call."""
    from builder.extract import keyphrases

    return keyphrases.suggested_phrases(flag)


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
    `entry.html` makes, as it is kept from when an entry also had a `data-text` copy of
    its text: each name as a slug, perhaps as a chip, and in the page's table of names)."""
    names = sum(len(name) * 3 + 64 for kind in ENTITY_KINDS
                for name in event.entities(kind)[:FILTER_NAMES_PER_ENTRY])
    text = len(event.title) + len(event.summary) + len(event.location or "")
    return 560 + 2 * text + names + 3 * len(event.path or "")


def _days(events: Sequence[Event]) -> Iterator[list[Event]]:
    day: list[Event] = []
    for event in events:
        if day and event.date != day[0].date:
            yield day
            day = []
        day.append(event)
    if day:
        yield day


def _chunks(events: Sequence[Event], per_page: int, budget: int) -> Iterator[list[Event]]:
    """Pages of at most `per_page` events and `budget` bytes, cut between days only (a day
    longer than a page gets a page of its own)."""
    chunk: list[Event] = []
    weight = 0
    for day in _days(events):
        cost = sum(map(entry_weight, day))
        if chunk and (len(chunk) + len(day) > per_page or weight + cost > budget):
            yield chunk
            chunk, weight = [], 0
        chunk += day
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


@dataclass
class Site:
    """The events, sorted in time, and where each generated page lives."""

    events: list[Event]
    events_dir: str
    #: Most events on one list page.
    per_page: int = 250
    #: The site's URL style (MkDocs `use_directory_urls`), for the links in the HTML.
    directory_urls: bool = True
    #: The templates every piece of HTML comes from.
    templates: Templates = field(default_factory=Templates)
    #: `mkdocs serve`: the editor's view, which also shows each source's seed file.
    serving: bool = False
    #: A name gets its own page when at least this many events name it (a lone first name
    #: of a person never does: `entities.lone_first_name`).
    entity_min_events: int = 2
    #: How many events the home page and the timeline's overview list as the latest.
    latest_count: int = 10
    #: kind -> name -> page path, for the names that have a page
    entity_pages: dict[str, dict[str, str]] = field(default_factory=dict)
    #: kind -> name -> slug (its page's file name, and its value in filter URLs), every name
    slugs: dict[str, dict[str, str]] = field(default_factory=dict)
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
    #: Generated page path -> what makes its body (HTML), for `fill_lists`.
    fills: dict[str, Callable[[], str]] = field(default_factory=dict)
    #: The generated pages a search index reads (their body is filled in before the
    #: theme; see `filled_late`).
    searched: set[str] = field(default_factory=set)
    _listings: dict[str, Listing] = field(default_factory=dict)
    _names: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    _static: dict[int, dict[str, Any]] = field(default_factory=dict)
    _filter_names: dict[int, list[tuple[str, str, str]]] = field(default_factory=dict)
    _entries: dict[tuple[int, str], Markup] = field(default_factory=dict)
    _urls: dict[str, str] = field(default_factory=dict)
    _ups: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, events: Iterable[Event], events_dir: str, per_page: int = 250,
           directory_urls: bool = True, review: bool = False,
           templates: Templates | None = None, serving: bool = False,
           entity_min_events: int = 2, latest_count: int = 10) -> Site:
        """Sort the events and work out every page's path."""
        ordered = sorted(events, key=sort_key)
        site = cls(ordered, events_dir.strip("/"), per_page=per_page,
                   directory_urls=directory_urls, review=review,
                   templates=templates or Templates(), serving=serving,
                   entity_min_events=max(1, entity_min_events), latest_count=latest_count)
        site.position = {id(event): index for index, event in enumerate(ordered)}
        by_day: dict[dt.date, list[Event]] = defaultdict(list)
        by_month_day: dict[tuple[int, int], list[Event]] = defaultdict(list)
        for event in ordered:
            by_day[event.date].append(event)
            by_month_day[(event.date.month, event.date.day)].append(event)
        site.by_day, site.by_month_day = dict(by_day), dict(by_month_day)
        # A place that some events list as an organization ("the United States condemns":
        # its government, by the gold's convention) has one page, the place's, with all of
        # those events: a reader looks for every event about it in one place.
        places = {name for event in ordered for name in event.entities("places")}
        for kind, (folder, _, _) in KINDS.items():
            by_name: dict[str, list[Event]] = defaultdict(list)
            for event in ordered:
                names = event.entities(kind)
                if kind == "places":
                    names = [*names, *(name for name in event.entities("organizations")
                                       if name in places and name not in names)]
                for name in names:
                    by_name[name].append(event)

            def gets_page(name: str, events: list[Event], kind: str = kind) -> bool:
                return len(events) >= site.entity_min_events and not (
                    (kind == "people" and lone_first_name(name))
                    or (kind == "organizations" and name in places))

            paged = sum(1 for name, found in by_name.items() if gets_page(name, found))
            index_count = max(1, -(-paged // INDEX_PER_PAGE))
            used = {"index", *(f"index-{n}" for n in range(2, index_count + 1))}
            paths: dict[str, str] = {}
            slugs: dict[str, str] = {}
            for name in sorted(by_name):
                slug = base = slug_for(name)
                number = 2
                while slug in used:
                    slug, number = f"{base}-{number}", number + 1
                used.add(slug)
                slugs[name] = slug
                if gets_page(name, by_name[name]):
                    paths[name] = f"{folder}/{slug}.md"
            site.entity_pages[kind] = paths
            site.slugs[kind] = slugs
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
        return self.slugs[kind][name]

    def names_of(self, event: Event) -> list[tuple[str, str]]:
        """The event's (kind, name) pairs, tags first (cached: lists ask for each event many
        times)."""
        key = id(event)
        if key not in self._names:
            self._names[key] = [(kind, name) for kind in ENTITY_KINDS
                                for name in event.entities(kind)]
        return self._names[key]

    def link_targets(self) -> list[str]:
        """Every page the HTML may link to: events, entity, list and index pages. The plugin
        checks that each is in the site, as `--strict` only checks Markdown links."""
        return [*(self.event_uri(event) for event in self.events),
                *(path for paths in self.entity_pages.values() for path in paths.values()),
                *self.fills]

    def raw_url(self, source: str, target: str, anchor: str = "") -> str:
        """The final URL from page `source` to page `target`, for HTML: up to the site root,
        then down (both cached, as lists make hundreds of thousands of links)."""
        if target not in self._urls:
            self._urls[target] = page_url(target, self.directory_urls)
        if source not in self._ups:
            here = page_url(source, self.directory_urls)
            self._ups[source] = "../" * here.count("/")
        url = (self._ups[source] + self._urls[target]) or "./"
        return f"{url}#{anchor}" if anchor else url

    def entity_url(self, source: str, kind: str, name: str) -> str | None:
        """The URL of the entity's page from `source`; None for a name without a page."""
        target = self.entity_pages[kind].get(name)
        if target is None and kind == "organizations":
            target = self.entity_pages.get("places", {}).get(name)  # (see `Site.of`)
        return None if target is None else self.raw_url(source, target)

    def entity_listing(self, kind: str, name: str) -> Listing:
        """How the entity's events are laid out (its page, or overview and year pages)."""
        path = self.entity_pages[kind][name]
        if path not in self._listings:
            self._listings[path] = lay_out(self.with_entity(kind, name), path,
                                           posixpath.splitext(path)[0], self.per_page)
        return self._listings[path]

    def render(self, name: str, **context: Any) -> Markup:
        """A template, rendered (see `render.Templates`)."""
        return self.templates.render(name, **context)


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


def format_when(event: Event) -> str:
    """The event's day, or its span of days."""
    if event.end_date and event.end_date != event.date:
        return f"{format_day(event.date)} – {format_day(event.end_date)}"
    return format_day(event.date)


@functools.cache
def month_label(year: int, month: int) -> str:
    """'December 2025' (cached: every chart and list names each of its months)."""
    return f"{dt.date(year, month, 1):%B %Y}"


@functools.cache
def month_abbr(month: int) -> str:
    """'Dec'."""
    return f"{dt.date(2000, month, 1):%b}"


def format_short(day: dt.date) -> str:
    """'17 Dec'."""
    return f"{day.day} {day:%b}"


def month_id(year: int, month: int) -> str:
    """The anchor of a month's heading in a list, e.g. `m2025-12`."""
    return f"m{year:04d}-{month:02d}"


def year_id(year: int) -> str:
    """The anchor of a year's heading in a list, e.g. `y2025`."""
    return f"y{year:04d}"


def entry_id(event: Event) -> str:
    """The anchor of an event's entry in a list, stable across builds: `e-` and its page's
    file name (which starts with its day), e.g. `e-2025-12-17-talks-resume`."""
    stem = posixpath.splitext(posixpath.basename(event.path or ""))[0]
    return f"e-{stem or slug_for(event.title)}"


# --- Pages ---------------------------------------------------------------------------------


def _frame(title: str, searched: bool = False) -> str:
    """A generated page's Markdown: its title and the placeholder of its body."""
    return f"{'' if searched else NOT_SEARCHED}# {title}\n\n{FILL.format(name='page')}\n"


def generated_pages(site: Site) -> dict[str, str]:
    """Every generated page: path (docs-relative) -> Markdown (a frame whose body
    `fill_lists` makes)."""
    pages: dict[str, str] = {}
    pages.update(listing_pages(site, site.timeline, TimelineList(site)))
    for kind, (folder, title, _) in KINDS.items():
        for number in range(1, site.index_pages[kind] + 1):
            path = index_path(folder, number)
            suffix = (f" (page {number} of {site.index_pages[kind]})"
                      if site.index_pages[kind] > 1 else "")
            pages[path] = _frame(title + suffix, searched=True)
            site.fills[path] = _bind(index_html, site, kind, number)
            site.searched.add(path)
        for name in site.entity_pages[kind]:
            listing = site.entity_listing(kind, name)
            pages.update(listing_pages(site, listing, EntityList(site, kind, name)))
    if site.review:
        pages[REVIEW_PAGE] = _frame("Review")
        site.fills[REVIEW_PAGE] = _bind(review_html, site)
    return pages


def _bind(function: Callable[..., str], *args: Any) -> Callable[[], str]:
    return lambda: function(*args)


def shown_in_nav(uri: str) -> bool:
    """Whether a generated page belongs in the default navigation."""
    return uri in (TIMELINE_PAGE, REVIEW_PAGE) or any(
        uri == f"{folder}/index.md" for folder, _, _ in KINDS.values())


def filled_late(site: Site, page: str) -> bool:
    """Whether the page's body is filled into the finished page (after the theme) rather
    than into its content: MkDocs holds every page's content until the whole site is
    written, and the lists are most of a site's bytes (hundreds of megabytes at 10,000
    events), while a finished page is written and let go. Left out of every search index,
    these pages lose nothing by it."""
    return page in site.fills and page not in site.searched


def fill_lists(site: Site, page: str, content: str) -> str:
    """A generated page's HTML with its body filled in (made from the templates, after
    Markdown; see the module's docstring)."""
    fill = site.fills.get(page)
    if fill is None:
        return content
    return content.replace(FILL.format(name="page"), fill(), 1)


class TimelineList:
    """What differs between the timeline and an entity's list: titles, intro, extras."""

    def __init__(self, site: Site) -> None:
        self.site = site

    def title(self) -> str:
        """The page title (Markdown)."""
        return "Timeline"

    def intro(self, events: Sequence[Event], page: str) -> dict[str, Any]:
        """The line under the title of the list's home page (`intro.html`)."""
        return {"label": "", "count": len(events), "first": events[0].date,
                "last": events[-1].date, "year": None, "this_first": None, "this_last": None,
                "home_url": None, "home_label": ""}

    def extras(self, page: str) -> str:
        """Sections between the chart and the list on the list's home page (HTML)."""
        return ""

    def latest(self) -> int:
        """How many of the latest events the overview of a split list shows."""
        return self.site.latest_count

    def empty(self) -> str:
        """What the page says when there is no event."""
        return "No events yet."


class EntityList(TimelineList):
    """An entity's page: its own timeline, chart, and the entities often named with it."""

    def __init__(self, site: Site, kind: str, name: str) -> None:
        super().__init__(site)
        self.kind, self.name = kind, name

    def title(self) -> str:
        return escape_inline(self.name)

    def intro(self, events: Sequence[Event], page: str) -> dict[str, Any]:
        folder, title, label = KINDS[self.kind]
        return {**super().intro(events, page), "label": label,
                "home_url": self.site.raw_url(page, index_path(folder, 1)),
                "home_label": f"all {title.lower()}"}

    def extras(self, page: str) -> str:
        return often_with(self.site, self.kind, self.name, page)

    def latest(self) -> int:
        return 0


def listing_pages(site: Site, listing: Listing, kind: TimelineList) -> dict[str, str]:
    """The pages of one list: the whole list, or its overview and year pages."""
    events = [event for page in listing.pages for event in page.events]
    if not events:
        site.fills[listing.home] = _bind(empty_html, site, kind.empty())
        return {listing.home: _frame(kind.title())}
    if not listing.split:
        page = listing.pages[0]
        site.fills[page.path] = _bind(list_html, site, listing, page, kind)
        return {listing.home: _frame(kind.title())}
    pages = {listing.home: _frame(kind.title())}
    site.fills[listing.home] = _bind(overview_html, site, listing, events, kind)
    for page in listing.pages:
        number = f" (page {page.number} of {page.of})" if page.of > 1 else ""
        pages[page.path] = _frame(f"{kind.title()}: {page.year}{number}")
        site.fills[page.path] = _bind(list_html, site, listing, page, kind)
    return pages


def empty_html(site: Site, text: str) -> str:
    """The body of a list with no event."""
    return str(site.render("empty.html", text=text))


def list_html(site: Site, listing: Listing, page: ListPage, kind: TimelineList) -> str:
    """A page that lists events: intro, chart, pager, filters, jump bar, the list."""
    events = page.events
    path = page.path
    if page.year is None:
        intro = kind.intro(events, path)
        chart = listing_chart(site, listing, path, events)
    else:
        year_events = [e for p in listing.year_pages[page.year] for e in p.events]
        intro = {**kind.intro(year_events, path), "year": page.year, "first": None,
                 "home_url": site.raw_url(path, listing.home), "home_label": "all years"}
        if page.of > 1:
            intro.update(this_first=events[0].date, this_last=events[-1].date)
        chart = year_chart(site, listing, page.year, path)
    years = []
    for year, year_events in _group(events, lambda e: e.date.year):
        months = [View(id=month_id(year, month), label=month_label(year, month),
                       entries=[entry_html(site, e, path) for e in month_events])
                  for month, month_events in _group(year_events, lambda e: e.date.month)]
        years.append(View(year=year, id=year_id(year), months=months))
    context = View({
        "first_id": entry_id(events[0]) if events else "",
        "intro": site.render("intro.html", intro=intro),
        "chart": site.render("chart.html", chart=chart) if chart else "",
        "extras": Markup(kind.extras(path)) if path == listing.home else "",
        "pager_top": pager(site, listing, page, "top") if page.of > 1 else "",
        "pager_bottom": pager(site, listing, page, "bottom") if page.of > 1 else "",
        "names": names_json(site, events),
        "jump": jump_bar(site, listing, page),
        "total": len(events),
        "years": years,
        # A year page's title names its year: its year heading is for screen readers only.
        "year_heading_class": "tl-sr-only" if page.year is not None else "",
    })
    return str(site.render("list.html", page=context))


def _group(events: Iterable[Event], key: Callable[[Event], int]) -> Iterator[
        tuple[int, list[Event]]]:
    group: list[Event] = []
    for event in events:
        if group and key(event) != key(group[0]):
            yield key(group[0]), group
            group = []
        group.append(event)
    if group:
        yield key(group[0]), group


def overview_html(site: Site, listing: Listing, events: Sequence[Event],
                  kind: TimelineList) -> str:
    """The home of a split list: intro, chart, the latest events, then each year with its
    count and pages."""
    path = listing.home
    years = []
    for year, year_pages in listing.year_pages.items():
        parts = [{"label": f"{format_short(p.events[0].date)}–{format_short(p.events[-1].date)}",
                  "url": site.raw_url(path, p.path)} for p in year_pages]
        years.append({"year": year, "url": site.raw_url(path, year_pages[0].path),
                      "count": sum(len(p.events) for p in year_pages), "parts": parts})
    latest = [entry_html(site, event, path)
              for event in list(reversed(events))[:kind.latest()]]
    chart = listing_chart(site, listing, path, events)
    context = {
        "intro": site.render("intro.html", intro=kind.intro(events, path)),
        "chart": site.render("chart.html", chart=chart) if chart else "",
        "extras": Markup(kind.extras(path)),
        "latest": latest,
        "years": years,
    }
    return str(site.render("overview.html", page=context))


def pager(site: Site, listing: Listing, page: ListPage, where: str) -> Markup:
    """Links to the other pages of the same year (`where`: 'top' or 'bottom', for the
    landmark's name)."""
    assert page.year is not None
    pages = [{"number": other.number, "current": other is page,
              "url": site.raw_url(page.path, other.path)}
             for other in listing.year_pages[page.year]]
    return site.render("pager.html", year=page.year, where=where, pages=pages)


def names_json(site: Site, events: Sequence[Event]) -> Markup:
    """Slug -> name of every entity on the page, for the filter menus (JSON for a script
    element, escaped so no text can close it)."""
    names: dict[str, dict[str, str]] = {FILTER_KEYS[kind]: {} for kind in ENTITY_KINDS}
    for event in events:
        for key, slug, name in _filter_names(site, event):
            names[key][slug] = name
    data = json.dumps(names, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(data)  # JSON for a script element, escaped above


def _filter_names(site: Site, event: Event) -> list[tuple[str, str, str]]:
    """The event's (filter key, slug, name) triples for the table of names (cached: each
    event is on the timeline and on the page of each of its names)."""
    key = id(event)
    found = site._filter_names.get(key)
    if found is None:
        found = site._filter_names[key] = [
            (FILTER_KEYS[kind], site.slug(kind, name), name) for kind in ENTITY_KINDS
            for name in event.entities(kind)[:FILTER_NAMES_PER_ENTRY]]
    return found


def jump_bar(site: Site, listing: Listing, page: ListPage) -> Markup:
    """Years (and the months of each year) to jump to; sticky while the list scrolls."""
    path = page.path
    here = {(e.date.year, e.date.month) for e in page.events}
    if page.year is not None:
        years = [{"label": str(year), "url": site.raw_url(path, year_pages[0].path),
                  "current": year == page.year}
                 for year, year_pages in listing.year_pages.items()]
        shown = [page.year]
    else:
        shown = sorted({e.date.year for e in page.events})
        years = [{"label": str(year), "url": f"#{year_id(year)}", "current": False}
                 for year in shown]
    rows = []
    for year in shown:
        months = []
        for month in sorted(m for y, m in listing.month_page if y == year):
            anchor = month_id(year, month)
            target = listing.month_page[(year, month)]
            url = f"#{anchor}" if (year, month) in here and target == path else \
                site.raw_url(path, target, anchor)
            months.append({"label": month_abbr(month), "url": url})
        rows.append({"year": year, "months": months})
    return site.render("jump.html", jump={"years": years, "rows": rows})


def _static(site: Site, event: Event) -> dict[str, Any]:
    """What an event's entry is on every list (cached; only links differ by page)."""
    key = id(event)
    found = site._static.get(key)
    if found is None:
        names = {kind: event.entities(kind)[:FILTER_NAMES_PER_ENTRY] for kind in ENTITY_KINDS}
        found = site._static[key] = {
            "id": entry_id(event),
            "when": format_when(event),
            "summary": " ".join(event.summary.split()),
            "data": [(kind, " ".join(site.slug(kind, name) for name in names[kind]))
                     for kind in ENTITY_KINDS],
        }
    return found


def entry(site: Site, event: Event, page: str) -> View:
    """One event in a list, for `entry.html`: its static part, its link, and at most
    `CHIPS_PER_ENTRY` chips (tags first) and how many more names it has."""
    names = site.names_of(event)
    chips = [View(kind=kind, name=name, url=site.entity_url(page, kind, name))
             for kind, name in names[:CHIPS_PER_ENTRY]]
    return View(_static(site, event), event=event,
                url=site.raw_url(page, site.event_uri(event)),
                chips=chips, more=max(0, len(names) - CHIPS_PER_ENTRY))


def entry_html(site: Site, event: Event, page: str) -> Markup:
    """`entry.html` for the event on `page`. An entry is the same on every page at the same
    depth (its links go up to the site root, then down), so each is made once per depth:
    an event is on the timeline and on the page of each of its names."""
    site.raw_url(page, HOME_PAGE)  # works out the page's way up to the root
    key = (id(event), site._ups[page])
    found = site._entries.get(key)
    if found is None:
        found = site._entries[key] = site.render("entry.html", e=entry(site, event, page))
    return found


# --- Charts --------------------------------------------------------------------------------


def _months(first: dt.date, last: dt.date) -> Iterator[tuple[int, int]]:
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _month_tick(month: int) -> tuple[str, int]:
    """A month's axis label and how often labels of its kind come: each quarter's first
    month, then every month."""
    return month_abbr(month), 3 if month % 3 == 1 else 1


def listing_chart(site: Site, listing: Listing, page: str, events: Sequence[Event]
                  ) -> Chart | None:
    """Events per month (per year over long spans), each bar linking to its place."""
    if not events:
        return None
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
            step = 10 if year % 10 == 0 else 5 if year % 5 == 0 else 2 if year % 2 == 0 else 1
            bars.append(Bar(str(year), years[year], url, str(year), step))
        return bar_chart(bars, "Events per year", "Year")
    bars = []
    for year, month in months:
        target_page = listing.month_page.get((year, month))
        url = None if target_page is None else href(page, target_page, site.directory_urls,
                                                    month_id(year, month))
        tick, step = (str(year), 12) if month == 1 else _month_tick(month)
        bars.append(Bar(month_label(year, month), counts[(year, month)], url,
                        tick, step))
    return bar_chart(bars, "Events per month", "Month")


def _year_target(listing: Listing, year: int) -> tuple[str, str] | None:
    if listing.split:
        pages = listing.year_pages.get(year)
        return (pages[0].path, "") if pages else None
    months = [m for y, m in listing.month_page if y == year]
    return (listing.month_page[(year, min(months))], year_id(year)) if months else None


def year_chart(site: Site, listing: Listing, year: int, page: str) -> Chart | None:
    """Events per month of one year, each bar linking to the page holding that month."""
    counts = Counter(event.date.month for p in listing.year_pages[year] for event in p.events)
    bars = []
    for month in range(1, 13):
        target = listing.month_page.get((year, month))
        url = None if target is None else href(page, target, site.directory_urls,
                                               month_id(year, month))
        tick, step = _month_tick(month)
        bars.append(Bar(month_label(year, month), counts[month], url, tick, step))
    return bar_chart(bars, f"Events per month in {year}", "Month")


# --- Entity pages, index pages -------------------------------------------------------------


def often_with(site: Site, kind: str, name: str, page: str) -> str:
    """The tags and entities that most often appear in the same events, with counts (HTML)."""
    counts: Counter[tuple[str, str]] = Counter()
    for event in site.with_entity(kind, name):
        counts.update(site.names_of(event))
    del counts[(kind, name)]
    if not counts:
        return ""
    ranked = heapq.nsmallest(OFTEN_WITH_LIMIT, counts.items(),
                             key=lambda item: (-item[1], item[0][1].lower(), item[0][0]))
    rows = [{"chip": {"kind": other_kind, "name": other,
                      "url": site.entity_url(page, other_kind, other)},
             "label": KINDS[other_kind][2].lower(), "count": count}
            for (other_kind, other), count in ranked]
    return str(site.render("often_with.html", rows=rows))


def index_path(folder: str, number: int) -> str:
    """`people/index.md`, then `people/index-2.md`, ..."""
    return f"{folder}/index.md" if number == 1 else f"{folder}/index-{number}.md"


def index_html(site: Site, kind: str, number: int = 1) -> str:
    """One page of a kind's index: the names that have a page, most events first, with the
    count; and how many names have none."""
    folder, title, _ = KINDS[kind]
    page = index_path(folder, number)
    counts = {name: len(site.by_entity[kind][name]) for name in site.entity_pages[kind]}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0].lower()))
    start = (number - 1) * INDEX_PER_PAGE
    rows = [{"name": name, "count": count,
             "url": site.raw_url(page, site.entity_pages[kind][name])}
            for name, count in ranked[start:start + INDEX_PER_PAGE]]
    pages = [{"number": n, "current": n == number,
              "url": site.raw_url(page, index_path(folder, n))}
             for n in range(1, site.index_pages[kind] + 1)]
    unpaged = len(site.by_entity[kind]) - len(counts) if number == 1 else 0
    return str(site.render("index.html", index={
        "rows": rows, "pages": pages, "title": title, "unpaged": unpaged,
        "min_events": site.entity_min_events}))


# --- Home, review, event pages -------------------------------------------------------------


def home_lede(site: Site, description: str) -> str:
    """The site's description, for under the home page's title ("" without one)."""
    return str(site.render("lede.html", description=description)) if description else ""


def home_section(site: Site, latest_count: int | None = None) -> str:
    """The timeline's span and counts and the latest events, under the home page's own text
    (HTML)."""
    count = site.latest_count if latest_count is None else latest_count
    events = site.events
    home: dict[str, Any] = {"count": len(events)}
    if events:
        home.update(
            first=events[0].date, last=events[-1].date,
            counts=[{"number": len(site.entity_pages[kind]), "label": KINDS[kind][1].lower()}
                    for kind in KINDS],
            timeline_url=site.raw_url(HOME_PAGE, TIMELINE_PAGE),
            review_url=site.raw_url(HOME_PAGE, REVIEW_PAGE),
            flagged=sum(1 for event in events if any(
                not is_suggestion(flag) for flag in event.review)) if site.review else 0,
            latest=[entry_html(site, event, HOME_PAGE)
                    for event in list(reversed(events))[:count]])
    return str(site.render("home.html", home=home))


def fill_home(site: Site, content: str, description: str) -> str:
    """The home page's HTML with the site's description under its title, and the span and
    latest events in their placeholder."""
    lede = home_lede(site, description)
    if lede and description not in content:
        title_end = content.find("</h1>")
        if title_end >= 0:
            title_end += len("</h1>")
            content = content[:title_end] + "\n" + lede + content[title_end:]
        else:
            content = lede + "\n" + content
    return content.replace(FILL.format(name="home"), home_section(site), 1)


#: The review page's heading over every event's tag suggestions (`extract.keyphrases`).
SUGGESTIONS_HEADING = ("Suggested tags (add keywords to the taxonomy in mkdocs.yml to use "
                       "them, or remove the item)")


def review_html(site: Site) -> str:
    """Events whose `review:` flags ask a person to check something, grouped by flag; the
    tag suggestions (one of each event, each different) last, under one heading, each row
    with its phrases."""
    by_flag: dict[str, list[Event]] = defaultdict(list)
    suggested: list[tuple[Event, str]] = []
    for event in site.events:
        for flag in event.review:
            if is_suggestion(flag):
                suggested.append((event, suggested_phrases(flag)))
            else:
                by_flag[flag].append(event)
    groups = []
    shown = 0
    used: set[str] = set()
    ordered: list[tuple[str, list[Event]]] = sorted(
        by_flag.items(), key=lambda item: (-len(item[1]), item[0]))
    notes: dict[int, str] = {}
    if suggested:
        ordered.append((SUGGESTIONS_HEADING, [event for event, _ in suggested]))
        notes = {id(event): phrases for event, phrases in suggested}
    for flag, events in ordered:
        anchor = base = f"review-{slug_for(flag)}"
        number = 2
        while anchor in used:
            anchor, number = f"{base}-{number}", number + 1
        used.add(anchor)
        room = max(0, REVIEW_LIMIT - shown)
        rows = [{"title": event.title, "when": format_when(event), "date_from": event.date_from,
                 "url": site.raw_url(REVIEW_PAGE, site.event_uri(event)),
                 "note": notes.get(id(event), "") if flag == SUGGESTIONS_HEADING else ""}
                for event in events[:room]]
        shown += len(rows)
        groups.append({"flag": flag, "id": anchor, "count": len(events), "rows": rows,
                       "hidden": len(events) - len(rows)})
    return str(site.render("review.html", groups=groups))


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def event_header(site: Site, event: Event) -> str:
    """The card above an event page's text: date, location, sources, summary (when the text
    does not start with it), and its tags and entities (HTML).

    The event page's header and footer are HTML added after Markdown (like the lists): a
    site has an event page per event, and their links through Markdown were a large part
    of the build time. `Site.link_targets` covers every page they link to.
    """
    page = site.event_uri(event)
    summary = ""
    if event.summary and _normal(event.summary) not in _normal(event.body[:2000]):
        summary = " ".join(event.summary.split())
    groups = [{"kind": kind, "title": KINDS[kind][1],
               "chips": [{"kind": kind, "name": name,
                          "url": site.entity_url(page, kind, name)}
                         for name in event.entities(kind)]}
              for kind in ENTITY_KINDS if event.entities(kind)]
    return str(site.render("event_header.html", event=event, when=format_when(event),
                           summary=summary, groups=groups)) + "\n"


def _source(site: Site, source: Source) -> dict[str, Any]:
    url = source.url if source.url and source.url.lower().startswith(
        ("http://", "https://")) else None
    return {"title": source.title, "url": url.replace(" ", "%20") if url else None,
            "address": None if url else source.url, "publisher": source.publisher,
            "credit": source.credit, "published": source.published,
            "seed": source.seed if site.serving else None}


def _neighbour(site: Site, event: Event, page: str) -> dict[str, str]:
    # The shortest relative URL (`../2025-12-18-x/`), not one up to the root and down as
    # on lists, where an entry's HTML is shared by pages at the same depth: an event page
    # is made once, and carries up to a dozen such links.
    return {"title": event.title, "when": format_when(event),
            "url": href(page, site.event_uri(event), site.directory_urls)}


def event_footer(site: Site, event: Event) -> str:
    """Sources, the place in the timeline, also on this day, previous and next events
    (HTML; see `event_header`)."""
    page = site.event_uri(event)
    same_day = [e for e in site.by_day.get(event.date, []) if e is not event]
    other_years = [e for e in site.by_month_day.get((event.date.month, event.date.day), [])
                   if e.date.year != event.date.year]
    # The nearest years first.
    other_years.sort(key=lambda e: (abs(e.date.year - event.date.year), e.date, e.title))
    list_page = site.timeline.event_page.get(id(event))
    index = site.position[id(event)]
    context = {
        "sources": [_source(site, source) for source in event.sources],
        "timeline_url": site.raw_url(page, list_page, entry_id(event)) if list_page else None,
        "month": f"{event.date:%B %Y}",
        "day": format_day(event.date),
        "month_day": f"{event.date.day} {event.date:%B}",
        "same_day": [_neighbour(site, e, page) for e in same_day[:RELATED_LIMIT]],
        "same_day_more": max(0, len(same_day) - RELATED_LIMIT),
        "other_years": [_neighbour(site, e, page) for e in other_years[:RELATED_LIMIT]],
        "previous": _neighbour(site, site.events[index - 1], page) if index > 0 else None,
        "next": (_neighbour(site, site.events[index + 1], page)
                 if index + 1 < len(site.events) else None),
    }
    return str(site.render("event_footer.html", **context)) + "\n"


_INDENT = re.compile(r"\n\s+")


def compact_html(output: str) -> str:
    """A built page without the indentation and blank lines of the theme's templates (a
    quarter of an event page's bytes): runs of white space that start a line become one
    newline, which a browser renders the same. Pages with `<pre>` or `<textarea>`, where
    white space is content, are left as they are."""
    if "<pre" in output or "<textarea" in output:
        return output
    return _INDENT.sub("\n", output)
