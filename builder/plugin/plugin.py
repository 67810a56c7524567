"""The `timeline` MkDocs plugin: hooks only; the pages come from `pages.py`.

- `on_startup` learns whether this is `mkdocs serve` (drafts and the review page shown).
- `on_config` adds the Markdown extensions, stylesheet and script the pages need, a default
  nav, and a local copy of the shim the `offline` plugin would load from a CDN.
- `on_files` reads and validates the event pages, keeps them out of the nav, and adds the
  generated pages (timeline and year pages, tag, people, place and organization pages, the
  review page) as virtual files, so `content/` holds only what people write and
  `mkdocs serve` shows an edit at once.
- `on_page_markdown` adds the draft notice to event pages, and a placeholder for the span
  and latest events, and the exports, to the home page.
- `on_page_content` adds what is made as HTML (from the Jinja2 templates, which a theme's
  `custom_dir/timeline/` overrides) after Markdown: the bodies of generated pages, the home
  page's description, span and latest events, and the header card, sources, "also on this
  day" and previous/next links of event pages (see `pages.py` for why).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from jinja2 import Environment
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from builder import store
from builder.cache import ParsedEvents
from builder.config import TimelineConfig
from builder.model import Event
from builder.plugin import explorer, feeds, pages, sanitize, search
from builder.plugin.render import Templates
from builder.state import load_state

log = get_plugin_logger("timeline")

ASSETS = Path(__file__).parent / "assets"
STYLESHEET = "assets/timeline/timeline.css"
SCRIPT = "assets/timeline/timeline.js"
#: A local copy of the Web Worker shim that Material's `offline` plugin would load from a
#: CDN (search needs it under file://); the site sends no request to another host.
IFRAME_WORKER = "assets/timeline/iframe-worker.js"
#: Site path -> the file in `assets/` it is copied from.
ASSET_FILES = {STYLESHEET: "timeline.css", SCRIPT: "timeline.js",
               IFRAME_WORKER: "iframe-worker.js"}
REQUIRED_EXTENSIONS = ("admonition", "attr_list", "md_in_html")


def _label(path: Path, root: Path) -> str:
    """A path relative to `root` when inside it, for messages."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


class TimelinePlugin(BasePlugin[TimelineConfig]):
    """Renders the timeline site from the event pages."""

    def __init__(self) -> None:
        self.site: pages.Site | None = None
        self.templates = Templates()
        #: Whether the header's search box is the plugin's (Pagefind), not Material's.
        self.search_box = False
        #: The user's own pages, for the search index (url -> record).
        self.own_pages: dict[str, search.Record] = {}
        self.by_uri: dict[str, Event] = {}
        self.serving = False
        #: Every valid event page, drafts too: its path in the events folder -> the event.
        self.events: dict[str, Event] = {}
        #: The last build's files, navigation and theme environment, for the preview's
        #: incremental rebuilds (`preview.py`).
        self.files: Files | None = None
        self.nav: Navigation | None = None
        self.env: Environment | None = None
        #: src_uri -> digest of the page's HTML body, kept only while `preview.py` asks
        #: (None otherwise): it rebuilds only the pages whose body changed.
        self.digests: dict[str, bytes] | None = None
        #: The generated pages' Markdown (path -> frame), as `pages.generated_pages` made it.
        self.frames: dict[str, str] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    @property
    def review_page_shown(self) -> bool:
        """`mkdocs serve` always shows the review page; a build only if asked to publish it."""
        return self.serving or self.config.publish_review_page

    @event_priority(-50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Add the extensions, stylesheet and script the pages need, and a default nav.

        Runs after the other plugins' `on_config` (priority -50), so that the CDN shim the
        `offline` plugin adds is seen here and replaced by the local copy.
        """
        if not self.config.enabled:
            return config
        for extension in REQUIRED_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if SCRIPT not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(SCRIPT)
        offline = config.plugins.get("material/offline")
        # Pagefind cannot load from file://, where the `offline` plugin's site is read:
        # there Material's search (its index inlined) stays.
        self.search_box = self.config.explorer and not (
            offline is not None and offline.config.get("enabled", True))
        if self.search_box:
            explorer.use_search_box(config)
        polyfills = config.extra.get("polyfills")
        if isinstance(polyfills, list):
            config.extra["polyfills"] = [IFRAME_WORKER if "iframe-worker" in str(script)
                                         else script for script in polyfills]
        if config.nav is None:
            config.nav = [
                {"Home": pages.HOME_PAGE},
                {"Timeline": pages.TIMELINE_PAGE},
                *([{"Explore": explorer.EXPLORER_PAGE}] if self.config.explorer else []),
                *({title: f"{folder}/index.md"} for folder, title, _ in pages.KINDS.values()),
                *([{"Review": pages.REVIEW_PAGE}] if self.review_page_shown else []),
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
        owners = {seed: written.page for seed, written in
                  load_state(docs_dir / events_dir).items()}
        root = Path(config.config_file_path).parent if config.config_file_path else (
            docs_dir.parent)
        index = self.load_pages(docs_dir / events_dir, docs_dir.parent, owners, root)
        for problem in index.problems:
            if problem.severity == "error":
                log.warning(str(problem))
            else:
                log.info(str(problem))
        self.events = {event.path or "": event for event in index.events}
        self.site = self.make_site(config)
        self.files = files
        for file in files.documentation_pages():
            if file.src_uri.startswith(f"{events_dir}/"):
                file.inclusion = self.inclusion(file.src_uri)
        generated = self.frames = pages.generated_pages(self.site)
        for uri, markdown in generated.items():
            self._add(files, config, uri, markdown, in_nav=pages.shown_in_nav(uri))
        for target in self.site.link_targets():
            if files.get_file_from_path(target) is None:  # a bug: --strict makes it fail
                log.warning(f"{target}: a generated page links to it, but it is not in the site")
        if files.get_file_from_path(pages.HOME_PAGE) is None:
            self._add(files, config, pages.HOME_PAGE, f"# {config.site_name}\n", in_nav=True)
        self._add_feeds(files, config)
        self._add_explorer(files, config)
        for uri, name in ASSET_FILES.items():
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, abs_src_path=str(ASSETS / name)))
        return files

    @staticmethod
    def load_pages(events_dir: Path, label_root: Path, owners: dict[str, str],
                   root: Path) -> store.PageIndex:
        """Every event page, read through the builder's cache of parsed events (beside
        mkdocs.yml, in `root`), so a page parsed before, by a build or the builder, is not
        parsed again: same events, same problems. A damaged cache is not trusted, and is
        rewritten; this is said at the info level, not as a warning: the pages are read
        from themselves, so the site is whole and nothing is asked of the user (a warning
        would fail `mkdocs build --strict` once for a cache that has healed already)."""
        parsed = ParsedEvents(root)
        index = store.load_pages(events_dir, label_root, owners, parsed=parsed)
        if parsed.damage is not None:
            log.info(f"{_label(parsed.path, root)}: damaged ({parsed.damage}); not used, "
                     "the pages were read instead and the cache is written again (nothing "
                     "is lost, nothing to do)")
        parsed.save(index.sha256.values())
        return index

    def make_site(self, config: MkDocsConfig, templates: Templates | None = None
                  ) -> pages.Site:
        """The site of the events in `self.events` that are shown (drafts only in serve);
        sets `self.by_uri` too. `templates`: those of the last build, already compiled."""
        shown = [event for event in self.events.values() if self.serving or not event.draft]
        if templates is None:
            custom_dir = config.theme.custom_dir
            templates = Templates([Path(custom_dir)] if custom_dir else [])
        site = pages.Site.of(shown, self.config.events_dir.strip("/"),
                             per_page=self.config.events_per_page,
                             directory_urls=config.use_directory_urls,
                             review=self.review_page_shown, templates=templates,
                             serving=self.serving,
                             entity_min_events=self.config.entity_min_events,
                             latest_count=self.config.latest_count)
        self.by_uri = {site.event_uri(event): event for event in shown}
        return site

    def inclusion(self, src_uri: str) -> InclusionLevel:
        """An event page's inclusion: excluded when broken (its problem is logged), a
        draft, or out of the nav."""
        events_dir = self.config.events_dir.strip("/")
        event = self.events.get(src_uri.removeprefix(f"{events_dir}/"))
        if event is None:
            return InclusionLevel.EXCLUDED
        return InclusionLevel.DRAFT if event.draft else InclusionLevel.NOT_IN_NAV

    def _add(self, files: Files, config: MkDocsConfig, uri: str, markdown: str,
             in_nav: bool) -> None:
        if files.get_file_from_path(uri) is not None:
            log.warning(f"{uri}: a file of yours has the name of a generated page; yours is "
                        "used (rename it to see the generated page)")
            return
        inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, uri, content=markdown, inclusion=inclusion))

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str | None:
        """Fill the generated pages' bodies in, the home page's section, and the event
        pages' header and footer, as HTML (see `pages.fill_lists` and `pages.event_header`)."""
        if not self.config.enabled or self.site is None:
            return html
        html = self._page_content(self.site, html, page, config)
        if self.digests is not None:
            self.digests[page.file.src_uri] = hashlib.blake2b(
                html.encode("utf-8"), digest_size=16).digest()
        return html

    def _page_content(self, site: pages.Site, html: str, page: Page,
                      config: MkDocsConfig) -> str:
        event = self.by_uri.get(page.file.src_uri)
        if event is not None:  # a page's body is untrusted, its author's or a seed's
            return (pages.event_header(site, event) + sanitize.clean_html(html) + "\n"
                    + pages.event_footer(site, event))
        if page.file.src_uri == pages.HOME_PAGE:
            return pages.fill_home(site, html, config.site_description or "")
        if self.config.explorer and page.file.src_uri == explorer.EXPLORER_PAGE:
            return html + explorer.explorer_html(self.templates, site, page.file.src_uri,
                                                 search.BUNDLE_DIR)
        if self.digests is None and pages.filled_late(site, page.file.src_uri):
            return html  # in on_post_page (a preview fills it here, so its digest sees it)
        return pages.fill_lists(site, page.file.src_uri, html)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str | None:
        if not self.config.enabled or self.site is None:
            return markdown
        uri = page.file.src_uri
        event = self.by_uri.get(uri)
        if event is not None:
            page.meta = sanitize.clean_meta(page.meta)  # the theme writes meta unescaped
            # MkDocs' templates do not escape titles: an article's title is data, not markup.
            page.meta["title"] = str(escape(event.title))
            draft = ("!!! warning \"Draft\"\n    This event is a draft: it is not published.\n\n"
                     if event.draft else "")
            return draft + markdown
        if uri == pages.HOME_PAGE:
            return (markdown + "\n\n" + pages.FILL.format(name="home") + "\n"
                    + feeds.export_section(self.config.feed_count))
        return markdown

    # --- Feeds and exports (builder/plugin/feeds.py) ---------------------------------------

    def _add_feeds(self, files: Files, config: MkDocsConfig) -> None:
        """Add the feeds and exports (Atom, JSON Feed, iCalendar, TimelineJS, CSV) at the
        site root; drafts are never in them, even under `mkdocs serve`."""
        if self.site is None:
            return
        if not config.site_url:
            log.info("site_url is not set in mkdocs.yml: the feeds and exports link to the "
                     "event pages with relative URLs")
        for uri, content in self.feed_files(files, config).items():
            if files.get_file_from_path(uri) is not None:
                log.warning(f"{uri}: a file of yours has the name of a generated export; "
                            "yours is used (rename it to get the generated one)")
                continue
            files.append(File.generated(config, uri, content=content))

    def feed_files(self, files: Files, config: MkDocsConfig,
                   site: pages.Site | None = None) -> dict[str, bytes]:
        """The feeds and exports of `site` (default: the last build's): name -> content."""
        site = self.site if site is None else site
        if site is None:
            return {}
        urls = {}
        for event in site.events:
            file = files.get_file_from_path(site.event_uri(event))
            if file is not None:
                urls[feeds.page_key(event)] = file.url
        feed_site = feeds.FeedSite(title=config.site_name, urls=urls,
                                   description=config.site_description or "",
                                   author=config.site_author, site_url=config.site_url or None,
                                   feed_count=self.config.feed_count)
        events = [event for event in site.events if feeds.page_key(event) in urls]
        return feeds.export_files(events, feed_site)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Fill the list pages' bodies in (see `pages.filled_late`), announce the feeds in
        every page's <head> (feed autodiscovery), and drop the theme's indentation (see
        `pages.compact_html`)."""
        if not self.config.enabled:
            return output
        if (self.digests is None and self.site is not None
                and pages.filled_late(self.site, page.file.src_uri)):
            output = pages.fill_lists(self.site, page.file.src_uri, output)
        output = feeds.add_autodiscovery(output, page.url, config.site_url, config.site_name)
        return pages.compact_html(output)

    # --- Explorer and search (builder/plugin/explorer.py, search.py) -----------------------

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> None:
        """Load the plugin's templates, the theme's `custom_dir/timeline/` first."""
        custom_dir = config.theme.custom_dir
        self.templates = Templates([Path(custom_dir)] if custom_dir else [])
        self.env = env

    @event_priority(-100)
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> None:
        """Keep the navigation for the preview (runs last: after any plugin changed it)."""
        self.nav = nav

    def _add_explorer(self, files: Files, config: MkDocsConfig) -> None:
        """Add the explorer page and its script and stylesheet."""
        self.own_pages = {}
        if self.site is None or not self.config.explorer:
            return
        self._add(files, config, explorer.EXPLORER_PAGE, explorer.explorer_markdown(),
                  in_nav=True)
        for uri, name in explorer.ASSET_FILES.items():  # the header's search box uses them too
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, abs_src_path=str(ASSETS / name)))

    @event_priority(10)
    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext | None:
        """Leave every page out of Material's search index, which the header's box no longer
        reads, and note the user's own pages for the Pagefind index. Runs before Material's
        search plugin (priority 0) indexes the page."""
        if not self.config.enabled or not self.config.explorer:
            return context
        if self.search_box:
            page.meta["search"] = {"exclude": True}
        if page.file.generated_by is None and page.file.src_uri not in self.by_uri:
            self.own_pages[page.url] = search.page_record(page.title or "", page.content or "",
                                                          page.url)
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the Pagefind index of every shown event, entity page and page of the
        user's into `site_dir` (see `search.py`)."""
        if not self.config.enabled or not self.config.explorer or self.site is None:
            return
        self.write_search_index(config, self.site, self.by_uri, self.own_pages)

    def write_search_index(self, config: MkDocsConfig, site: pages.Site,
                           by_uri: dict[str, Event], own_pages: dict[str, search.Record]
                           ) -> None:
        """The Pagefind index of `site` (the preview writes it in the background, from the
        state of the rebuild it follows)."""
        directory_urls = config.use_directory_urls
        records = [search.event_record(event, pages.page_url(uri, directory_urls))
                   for uri, event in by_uri.items()]
        for kind, paths in site.entity_pages.items():
            records += [search.entity_record(kind, name, site.with_entity(kind, name),
                                             pages.page_url(path, directory_urls))
                        for name, path in paths.items()]
        records += own_pages.values()
        search.write_bundle(records, Path(config.site_dir) / search.BUNDLE_DIR, self.templates)
