"""[Event] -> generated pages, as Markdown. Pure: no MkDocs imports, no file access, so the
same pages could be written to disk for an engine without plugins.

Links are Markdown links to `.md` paths, so MkDocs rewrites them for any URL style and
`mkdocs build --strict` checks every one. Text from events goes through `escape_inline`.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from builder.escape import escape_inline
from builder.model import ENTITY_KINDS, Event
from builder.store import slug_for

TIMELINE_PAGE = "timeline.md"
HOME_PAGE = "index.md"
#: Entity kind -> (folder of its pages, title of its index page, singular label).
KINDS: dict[str, tuple[str, str, str]] = {
    "tags": ("tags", "Tags", "Tag"),
    "people": ("people", "People", "Person"),
    "places": ("places", "Places", "Place"),
    "organizations": ("organizations", "Organizations", "Organization"),
}


@dataclass
class Site:
    """The events, sorted in time, and where each generated page lives."""

    events: list[Event]
    events_dir: str
    #: kind -> name -> page path
    entity_pages: dict[str, dict[str, str]] = field(default_factory=dict)
    #: id(event) -> its index in `events`
    position: dict[int, int] = field(default_factory=dict)

    @classmethod
    def of(cls, events: Iterable[Event], events_dir: str) -> Site:
        ordered = sorted(events, key=sort_key)
        site = cls(ordered, events_dir.strip("/"))
        site.position = {id(event): index for index, event in enumerate(ordered)}
        for kind, (folder, _, _) in KINDS.items():
            pages: dict[str, str] = {}
            used: set[str] = {"index"}
            for name in sorted({n for event in ordered for n in event.entities(kind)}):
                slug = base = slug_for(name)
                number = 2
                while slug in used:
                    slug, number = f"{base}-{number}", number + 1
                used.add(slug)
                pages[name] = f"{folder}/{slug}.md"
            site.entity_pages[kind] = pages
        return site

    def event_uri(self, event: Event) -> str:
        return f"{self.events_dir}/{event.path}"

    def with_entity(self, kind: str, name: str) -> list[Event]:
        return [event for event in self.events if name in event.entities(kind)]


def sort_key(event: Event) -> tuple[dt.date, str, str]:
    return (event.date, event.title.lower(), event.path or "")


def link(source: str, target: str) -> str:
    """The relative link from page `source` to page `target` (both docs-relative paths)."""
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


def format_day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def format_when(event: Event) -> str:
    if event.end_date and event.end_date != event.date:
        return f"{format_day(event.date)} – {format_day(event.end_date)}"
    return format_day(event.date)


def generated_pages(site: Site) -> dict[str, str]:
    """Every generated page: path (docs-relative) -> Markdown."""
    pages = {TIMELINE_PAGE: timeline_page(site)}
    for kind in KINDS:
        folder = KINDS[kind][0]
        pages[f"{folder}/index.md"] = index_page(site, kind)
        for name, path in site.entity_pages[kind].items():
            pages[path] = entity_page(site, kind, name, path)
    return pages


def timeline_page(site: Site) -> str:
    lines = ["# Timeline", ""]
    if not site.events:
        lines.append("No events yet: add articles to the seeds folder and run `timeline build`.")
        return "\n".join(lines) + "\n"
    first, last = site.events[0].date, site.events[-1].date
    noun = "event" if len(site.events) == 1 else "events"
    lines += [f"{len(site.events)} {noun}, from {format_day(first)} to {format_day(last)}.", ""]
    lines += _chronicle(site, site.events, TIMELINE_PAGE, heading_level=2)
    return "\n".join(lines) + "\n"


def _chronicle(site: Site, events: Sequence[Event], page: str, heading_level: int) -> list[str]:
    """Events under year and month headings."""
    lines: list[str] = []
    year = month = None
    for event in events:
        if event.date.year != year:
            year, month = event.date.year, None
            lines += [f"{'#' * heading_level} {year} {{ #y{year} }}", ""]
        if event.date.month != month:
            month = event.date.month
            lines += [f"{'#' * (heading_level + 1)} {event.date:%B %Y} "
                      f"{{ #m{event.date:%Y-%m} }}", ""]
        lines += entry(site, event, page)
    return lines


def meta_line(event: Event) -> str:
    """'<time>17 December 2025</time> · Berlin', as inline HTML."""
    meta = f'<time datetime="{event.date.isoformat()}">{format_when(event)}</time>'
    if event.location:
        meta += f' · <span class="tl-location">{escape_inline(event.location)}</span>'
    return meta


def entry(site: Site, event: Event, page: str) -> list[str]:
    """One event in a list: date, location, title link, summary, chips."""
    meta = meta_line(event)
    if len(event.sources) > 1:
        meta += f" · {len(event.sources)} sources"
    lines = [
        '<div class="tl-entry" markdown>',
        "",
        f'<p class="tl-meta">{meta}</p>',
        "",
        f"[{escape_inline(event.title)}]({link(page, site.event_uri(event))}){{ .tl-title }}",
        "",
    ]
    if event.summary:
        lines += [escape_inline(event.summary), "", ]
    chips = chip_links(site, event, page)
    if chips:
        lines += [chips, ""]
    lines += ["</div>", ""]
    return lines


def chip_links(site: Site, event: Event, page: str,
               kinds: Sequence[str] = ENTITY_KINDS) -> str:
    chips = []
    for kind in kinds:
        for name in event.entities(kind):
            target = site.entity_pages[kind][name]
            chips.append(f"[{escape_inline(name)}]({link(page, target)})"
                         f"{{ .tl-chip .tl-{kind} }}")
    return " ".join(chips)


def index_page(site: Site, kind: str) -> str:
    folder, title, _ = KINDS[kind]
    page = f"{folder}/index.md"
    counts = Counter(name for event in site.events for name in event.entities(kind))
    lines = [f"# {title}", ""]
    if not counts:
        return "\n".join([*lines, f"No {title.lower()} yet."]) + "\n"
    for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0].lower())):
        target = site.entity_pages[kind][name]
        noun = "event" if count == 1 else "events"
        lines.append(f"- [{escape_inline(name)}]({link(page, target)}) ({count} {noun})")
    return "\n".join(lines) + "\n"


def entity_page(site: Site, kind: str, name: str, page: str) -> str:
    _, title, label = KINDS[kind]
    events = site.with_entity(kind, name)
    noun = "event" if len(events) == 1 else "events"
    lines = [f"# {escape_inline(name)}", "",
             f"{label} · {len(events)} {noun} · [all {title.lower()}](index.md)", ""]
    lines += _chronicle(site, events, page, heading_level=2)
    return "\n".join(lines) + "\n"


def home_section(site: Site, latest_count: int) -> str:
    """Counts and the latest events, appended to the home page."""
    lines = ["", "## At a glance", ""]
    counts = [f"{len(site.events)} events"] + [
        f"{len(site.entity_pages[kind])} {KINDS[kind][1].lower()}" for kind in KINDS]
    lines.append(" · ".join(counts))
    lines.append("")
    if site.events:
        lines += [f"From {format_day(site.events[0].date)} to "
                  f"{format_day(site.events[-1].date)}. [Open the timeline]({TIMELINE_PAGE})", ""]
        lines += ["## Latest events", ""]
        for event in list(reversed(site.events))[:latest_count]:
            lines += entry(site, event, HOME_PAGE)
    return "\n".join(lines) + "\n"


def event_header(site: Site, event: Event) -> str:
    """The card above an event page's text: date, location, linked tags and entities."""
    page = site.event_uri(event)
    lines = ['<div class="tl-event-header" markdown>', "",
             f'<p class="tl-meta">{meta_line(event)}</p>', ""]
    for kind in ENTITY_KINDS:
        if event.entities(kind):
            lines += [f"**{KINDS[kind][1]}:** {chip_links(site, event, page, (kind,))}", ""]
    lines += ["</div>", ""]
    return "\n".join(lines)


def event_footer(site: Site, event: Event) -> str:
    """Sources, then the previous and next events in time."""
    page = site.event_uri(event)
    lines = ["", "## Sources", ""]
    for number, source in enumerate(event.sources, 1):
        parts = [f"*{escape_inline(source.title)}*"]
        if source.url and source.url.lower().startswith(("http://", "https://")):
            parts[0] = f"[{parts[0]}](<{source.url.replace('>', '%3E').replace(' ', '%20')}>)"
        elif source.url:
            parts.append(escape_inline(source.url))
        if source.publisher:
            parts.append(escape_inline(source.publisher))
        if source.credit:
            parts.append(f"credit: {escape_inline(source.credit)}")
        if source.published:
            parts.append(f"published {format_day(source.published)}")
        if source.seed:
            parts.append(f"seed: {escape_inline(source.seed)}")
        lines.append(f"{number}. " + " · ".join(parts))
    index = site.position[id(event)]
    links = []
    if index > 0:
        previous = site.events[index - 1]
        links.append(f"← Previous: [{escape_inline(previous.title)}]"
                     f"({link(page, site.event_uri(previous))})")
    if index + 1 < len(site.events):
        following = site.events[index + 1]
        links.append(f"Next: [{escape_inline(following.title)}]"
                     f"({link(page, site.event_uri(following))}) →")
    if links:
        lines += ["", '<nav class="tl-prev-next" markdown>', "", "  \n".join(links), "",
                  "</nav>"]
    return "\n".join(lines) + "\n"
