"""The `timeline` MkDocs plugin: hooks only; the pages come from `pages.py`.

- `on_config` adds the Markdown extensions and stylesheet the pages need, and a default nav.
- `on_files` reads and validates the event pages, keeps them out of the nav, and adds the
  generated pages (timeline, tag, people, place and organization pages) as virtual files,
  so `content/` holds only what people write and `mkdocs serve` shows an edit at once.
- `on_page_markdown` adds the header card, sources and previous/next links to event pages,
  and the counts and latest events to the home page.
"""

from __future__ import annotations

import html
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from builder import store
from builder.config import TimelineConfig
from builder.model import Event
from builder.plugin import pages

log = get_plugin_logger("timeline")

ASSETS = Path(__file__).parent / "assets"
STYLESHEET = "assets/timeline/timeline.css"
REQUIRED_EXTENSIONS = ("admonition", "attr_list", "md_in_html")


class TimelinePlugin(BasePlugin[TimelineConfig]):
    """Renders the timeline site from the event pages."""

    def __init__(self) -> None:
        self.site: pages.Site | None = None
        self.by_uri: dict[str, Event] = {}
        self.serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        for extension in REQUIRED_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if config.nav is None:
            config.nav = [
                {"Home": pages.HOME_PAGE},
                {"Timeline": pages.TIMELINE_PAGE},
                *({title: f"{folder}/index.md"} for folder, title, _ in pages.KINDS.values()),
            ]
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Read the event pages and add the generated pages.

        Runs after MkDocs has collected `docs_dir`, so a person's own file always wins over
        a generated one of the same name.
        """
        if not self.config.enabled:
            return files
        docs_dir = Path(config.docs_dir)
        events_dir = self.config.events_dir.strip("/")
        index = store.load_pages(docs_dir / events_dir, docs_dir.parent)
        for problem in index.problems:
            if problem.severity == "error":
                log.warning(str(problem))
            else:
                log.info(str(problem))
        shown = [event for event in index.events if self.serving or not event.draft]
        self.site = pages.Site.of(shown, events_dir)
        self.by_uri = {self.site.event_uri(event): event for event in shown}
        valid = {f"{events_dir}/{event.path}": event for event in index.events}
        for file in files.documentation_pages():
            if not file.src_uri.startswith(f"{events_dir}/"):
                continue
            event = valid.get(file.src_uri)
            if event is None:
                file.inclusion = InclusionLevel.EXCLUDED  # broken: reported above
            elif event.draft:
                file.inclusion = InclusionLevel.DRAFT
            else:
                file.inclusion = InclusionLevel.NOT_IN_NAV
        generated = pages.generated_pages(self.site)
        for uri, markdown in generated.items():
            self._add(files, config, uri, markdown, in_nav=uri.endswith("index.md") or uri ==
                      pages.TIMELINE_PAGE)
        if files.get_file_from_path(pages.HOME_PAGE) is None:
            self._add(files, config, pages.HOME_PAGE, f"# {config.site_name}\n", in_nav=True)
        if files.get_file_from_path(STYLESHEET) is None:
            files.append(File.generated(config, STYLESHEET,
                                        abs_src_path=str(ASSETS / "timeline.css")))
        return files

    def _add(self, files: Files, config: MkDocsConfig, uri: str, markdown: str,
             in_nav: bool) -> None:
        if files.get_file_from_path(uri) is not None:
            log.warning(f"{uri}: a file of yours has the name of a generated page; yours is "
                        "used (rename it to see the generated page)")
            return
        inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, uri, content=markdown, inclusion=inclusion))

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str | None:
        if not self.config.enabled or self.site is None:
            return markdown
        uri = page.file.src_uri
        event = self.by_uri.get(uri)
        if event is not None:
            # MkDocs' templates do not escape titles: an article's title is data, not markup.
            page.meta["title"] = html.escape(event.title)
            draft = ("!!! warning \"Draft\"\n    This event is a draft: it is not published.\n\n"
                     if event.draft else "")
            return (draft + pages.event_header(self.site, event) + "\n" + markdown + "\n"
                    + pages.event_footer(self.site, event))
        if uri == pages.HOME_PAGE:
            return markdown + pages.home_section(self.site, self.config.latest_count)
        return markdown
