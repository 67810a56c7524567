"""The explorer: one page whose filters and search work on every event.

The page (`/explore/`) is a generated Markdown page whose form and result list come from
the `explorer.html` template; `explorer.js` drives them with what `search.py` writes
after the build: the explorer's own index of the events (`INDEX_DIR`) for filters, counts,
dates and words. Everything the reader chooses is in the URL's
query (`?person=Ilse+Varnholt&from=2021-01-05&order=oldest`), with a history entry per
change.
Without JavaScript the page links the static year pages instead.

Templates are Jinja2 with autoescape on; a file of the same name under the theme's
`custom_dir`, in `timeline/`, replaces the shipped one (`overrides/timeline/explorer.html`).
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from builder.plugin import pages
from builder.plugin.render import Templates

#: The explorer's page (docs-relative), and its title.
EXPLORER_PAGE = "explore.md"
TITLE = "Explore all events"
SCRIPT = "assets/timeline/explorer.js"
STYLESHEET = "assets/timeline/explorer.css"
#: The header's search box (see `search.py`), on every page.
SEARCH_SCRIPT = "assets/timeline/search.js"
#: Site path -> the file in `assets/` it is copied from.
ASSET_FILES = {SCRIPT: "explorer.js", STYLESHEET: "explorer.css", SEARCH_SCRIPT: "search.js"}
#: The plugin's theme folder: partials that replace Material's (after a user's custom_dir).
THEME = Path(__file__).parent / "theme"
#: The explorer's own index, inside the Pagefind bundle's folder (see `search.py`).
INDEX_DIR = "explorer"
#: Entity kind (as `Event.entities` names it) -> its filter's name, in the Pagefind index
#: and in the explorer's URL.
FILTERS: dict[str, str] = {"tags": "tag", "people": "person", "places": "place",
                           "organizations": "organization"}
#: Filter name -> (label of one value, label of the facet).
FACET_LABELS: dict[str, tuple[str, str]] = {"tag": ("Tag", "Tags"),
                                            "person": ("Person", "People"),
                                            "place": ("Place", "Places"),
                                            "organization": ("Organization", "Organizations")}


@dataclass(frozen=True)
class YearLink:
    """A year of the timeline, for the page's links without JavaScript."""

    year: int
    url: str
    count: int


def explorer_markdown() -> str:
    """The explorer page's Markdown: its title; the rest is filled in after Markdown
    (`explorer_html`). Left out of Material's search, as it lists no text of its own."""
    return f"{pages.NOT_SEARCHED}# {TITLE}\n"


def year_links(site: pages.Site, page: str) -> list[YearLink]:
    """Each year of the timeline with its static page (or its heading on the one timeline
    page), from the explorer page `page`."""
    counts: dict[int, int] = {}
    for event in site.events:
        counts[event.date.year] = counts.get(event.date.year, 0) + 1
    links = []
    for year, count in sorted(counts.items()):
        year_pages = site.timeline.year_pages.get(year)
        if year_pages:
            url = pages.href(page, year_pages[0].path, site.directory_urls)
        else:
            url = pages.href(page, site.timeline.home, site.directory_urls,
                             pages.year_id(year))
        links.append(YearLink(year, url, count))
    return links


def site_root(page: str, directory_urls: bool) -> str:
    """The relative URL from page `page` up to the site's root (`../`, or `./`)."""
    url = pages.page_url(page, directory_urls)
    depth = url.count("/") if directory_urls else posixpath.dirname(url).count("/") + bool(
        posixpath.dirname(url))
    return "../" * depth or "./"


def explorer_html(templates: Templates, site: pages.Site, page: str, bundle: str) -> str:
    """The explorer's form, result list and year links, as HTML for the page `page`;
    `bundle` is the Pagefind bundle's folder, relative to the site root, which also holds
    the explorer's own index (`INDEX_DIR`)."""
    root = site_root(page, site.directory_urls)
    days = [event.date for event in site.events]
    first: dt.date | None = min(days) if days else None
    last: dt.date | None = max(days) if days else None
    # `str`: the page's own HTML goes before it, and `str + Markup` would escape that HTML.
    return str(templates.render(
        "explorer.html", root=root, bundle=f"{root}{bundle.strip('/')}/",
        index=f"{root}{bundle.strip('/')}/{INDEX_DIR}/",
        script=f"{root}{SCRIPT}", stylesheet=f"{root}{STYLESHEET}", total=len(site.events),
        first=first, last=last, format_day=pages.format_day,
        years=year_links(site, page), facets=list(FACET_LABELS.items()),
        timeline=pages.href(page, site.timeline.home, site.directory_urls)))


def use_search_box(config: MkDocsConfig) -> None:
    """Put the plugin's search box in the header in place of Material's: its theme folder
    goes right after the user's `custom_dir` (which still wins), and its script on every
    page."""
    theme_dirs: list[str] = config.theme.dirs
    if str(THEME) not in theme_dirs:
        theme_dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
    if SEARCH_SCRIPT not in [str(script) for script in config.extra_javascript]:
        config.extra_javascript.append(SEARCH_SCRIPT)
