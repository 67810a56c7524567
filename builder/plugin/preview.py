"""The preview behind `timeline serve`: a hand edit to an event page visible in seconds.

`mkdocs serve` rebuilds every page of the site on each edit (minutes at 10,000 events).
`Preview` builds the site once with MkDocs' own build, keeps the plugin's state (events,
`pages.Site`, the MkDocs files, navigation and theme environment), and on an edit of event
pages:

1. reads again only the event pages whose size or mtime changed;
2. makes the new `pages.Site`, keeping the rendered list entries of the events that did not
   change (the bulk of a list page's cost);
3. works out which pages may change: the edited events' pages and their neighbours
   (previous/next, same day, same day in other years, moved to another timeline page), the
   events that name a name whose page appeared, went or was renamed, the timeline's pages,
   the pages of every name the edited events name (before and after), the index pages,
   home, review and explorer pages;
4. renders those pages' bodies (Markdown and the plugin's HTML) and writes, through MkDocs'
   own page build, only those whose body changed; adds and removes pages that appeared or
   went; writes the feeds that changed, the sitemap when pages came or went, and the
   search indexes (Pagefind's in the background, after the browser reloaded).

Any other change (a page of the user's, `mkdocs.yml`, the theme) runs MkDocs' full build.
The result is byte for byte what a full build gives (`tests/test_incremental.py`).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.commands import build as mkdocs_build
from mkdocs.config import config_options, load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel, _file_sort_key
from mkdocs.structure.pages import Page

from builder.model import Event, parse_event
from builder.plugin import explorer, pages, search
from builder.plugin.plugin import TimelinePlugin

log = logging.getLogger("mkdocs.plugins.timeline.preview")

#: Seconds after a rebuild before its feeds and search index are written.
BACKGROUND_DELAY = 3.0
#: A file's stamp: (mtime in ns, size).
Stamp = tuple[int, int]


@dataclass
class Update:
    """What one rebuild did."""

    full: bool = False
    #: src_uris of the pages written again.
    written: list[str] = field(default_factory=list)
    #: src_uris of the pages whose body was made again (a superset of `written`).
    checked: int = 0
    removed: list[str] = field(default_factory=list)


def _scan(root: Path) -> dict[str, Stamp]:
    """Every file under `root` not hidden: path relative to it -> stamp."""
    found: dict[str, Stamp] = {}
    prefix = len(str(root)) + 1
    for folder, folders, names in os.walk(root):
        folders[:] = [name for name in folders if not name.startswith(".")]
        relative = folder[prefix:].replace(os.sep, "/")
        for name in names:
            if name.startswith(".") or name.endswith("~"):
                continue
            try:
                stat = os.stat(os.path.join(folder, name))
            except OSError:
                continue
            found[f"{relative}/{name}" if relative else name] = (stat.st_mtime_ns, stat.st_size)
    return found


def _stamp(path: str | None) -> Stamp | None:
    if not path:
        return None
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


class Preview:
    """A site built once in full, then page by page (see the module's docstring)."""

    def __init__(self, config_file: str | None, site_dir: str, *, serving: bool = True,
                 serve_url: str | None = None, **options: Any) -> None:
        self.config_file = config_file
        self.site_dir = site_dir
        self.serving = serving
        self.serve_url = serve_url
        self.options = options
        #: This preview's plugin instances: MkDocs keeps one per process, for `serve`.
        self._plugins: dict[str, Any] = {}
        self.config = self._load_config()
        self.config.plugins.on_startup(command="serve" if serving else "build", dirty=False)
        self.docs: dict[str, Stamp] = {}
        self.watched: dict[str, Stamp | None] = {}
        self._search: threading.Thread | None = None
        #: Counts the rebuilds, so that background work a later rebuild redoes is skipped.
        self._generation = 0
        self._lock = threading.Lock()

    def _load_config(self) -> MkDocsConfig:
        option = MkDocsConfig.plugins
        if isinstance(option, config_options.Plugins):
            option.plugin_cache = self._plugins
        config = load_config(config_file=self.config_file, site_dir=self.site_dir,
                             **self.options)
        if self.serve_url:
            config.site_url = self.serve_url
        return config

    @property
    def plugin(self) -> TimelinePlugin:
        plugin = self.config.plugins.get("timeline")
        if not isinstance(plugin, TimelinePlugin):
            raise RuntimeError("the timeline plugin is not in mkdocs.yml's plugins")
        return plugin

    # --- Full build -------------------------------------------------------------------------

    def full_build(self) -> Update:
        """MkDocs' own build, keeping what the next rebuilds need."""
        self.wait_for_search()
        self.config = self._load_config()
        self.docs = _scan(Path(self.config.docs_dir))
        self.watched = self._watched()
        plugin = self.plugin
        plugin.digests = {}
        mkdocs_build.build(self.config, serve_url=self.serve_url if self.serving else None)
        return Update(full=True)

    def _watched(self) -> dict[str, Stamp | None]:
        """The files outside docs_dir whose change needs a full build: the config, and
        those under its `watch` paths."""
        found: dict[str, Stamp | None] = {}
        if self.config.config_file_path:
            found[self.config.config_file_path] = _stamp(self.config.config_file_path)
        for path in self.config.watch:
            if os.path.isdir(path):
                found.update({f"{path}/{name}": stamp
                              for name, stamp in _scan(Path(path)).items()})
            else:
                found[path] = _stamp(path)
        return found

    # --- Rebuild ----------------------------------------------------------------------------

    def rebuild(self) -> Update:
        """Bring the site up to date with the files: page by page if only event pages
        changed, else in full."""
        with self._lock:
            docs = _scan(Path(self.config.docs_dir))
            changed = {path for path in docs.keys() | self.docs.keys()
                       if docs.get(path) != self.docs.get(path)}
            watched = self._watched()
            plugin = self.plugin
            events_dir = plugin.config.events_dir.strip("/") + "/"
            if (watched != self.watched or plugin.files is None or plugin.nav is None
                    or plugin.env is None or plugin.site is None
                    or any(not (path.startswith(events_dir) and path.endswith(".md"))
                           for path in changed)):
                if changed or watched != self.watched:
                    log.info("Building the whole site (a file other than an event page "
                             "changed)")
                return self.full_build()
            self.docs = docs
            if not changed:
                return Update()
            try:
                return self._update({path[len(events_dir):] for path in changed})
            except Exception as error:  # the full build reports it as `mkdocs serve` does
                log.warning(f"Building the whole site (the page by page rebuild failed: "
                            f"{error})")
                return self.full_build()

    def _update(self, changed: set[str]) -> Update:
        plugin, config = self.plugin, self.config
        assert plugin.site is not None and plugin.files is not None
        old_site, files = plugin.site, plugin.files
        old_frames = plugin.frames
        self._read(plugin, changed)
        site = plugin.make_site(config, old_site.templates)
        _keep_listings(old_site, site, changed)
        frames = plugin.frames = pages.generated_pages(site)
        plugin.site = site
        # Pages that appear or go.
        update = Update()
        events_dir = plugin.config.events_dir.strip("/")
        event_uris = {f"{events_dir}/{path}" for path in changed}
        included = self._inclusion()
        added: list[File] = []
        for uri in sorted(event_uris):
            file = files.get_file_from_path(uri)
            exists = os.path.isfile(os.path.join(config.docs_dir, uri))
            if file is not None and not exists:
                self._remove(files, file, update)
            elif file is None and exists:
                file = File(uri, config.docs_dir, config.site_dir, config.use_directory_urls)
                files.append(file)
            if file is not None and exists:
                was = included(file.inclusion)
                file.inclusion = plugin.inclusion(uri)
                if was and not included(file.inclusion):  # broken now: out of the site
                    self._unlink(file)
                    update.removed.append(uri)
                elif included(file.inclusion) and (not was or file.page is None):
                    added.append(file)
        for uri in sorted(old_frames.keys() - frames.keys()):
            file = files.get_file_from_path(uri)
            if file is not None and file.generated_by is not None:
                self._remove(files, file, update)
        for uri in sorted(frames.keys() - old_frames.keys()):
            if pages.shown_in_nav(uri):
                log.info(f"{uri}: a page of the navigation appeared; building in full")
                return self.full_build()
            if files.get_file_from_path(uri) is None:
                file = File.generated(config, uri, content=frames[uri],
                                      inclusion=InclusionLevel.NOT_IN_NAV)
                files.append(file)
                added.append(file)
        for uri, markdown in frames.items():
            file = files.get_file_from_path(uri)
            if (uri in old_frames and old_frames[uri] != markdown and file is not None
                    and file.generated_by is not None):
                file.content_string = markdown
        for file in added:
            if file.inclusion.is_in_nav():  # type: ignore[no-untyped-call]
                log.info(f"{file.src_uri}: a page of the navigation appeared; building in full")
                return self.full_build()
            if file.page is None:
                Page(None, file, config)
        if added or update.removed:
            ordered = _in_build_order(files, config.docs_dir, frames)
            for file in ordered:
                files.remove(file)
            for file in ordered:
                files.append(file)
        candidates = _candidates(old_site, site, changed, events_dir)
        candidates.update(file.src_uri for file in added)
        candidates.update(uri for uri in frames if uri in old_frames
                          and old_frames[uri] != frames[uri])
        must = {f"{events_dir}/{path}" for path in changed} | {f.src_uri for f in added}
        self._build_pages(sorted(candidates), must, update)
        if (added or update.removed) and "sitemap.xml" in config.theme.static_templates:
            assert plugin.env is not None and plugin.nav is not None
            mkdocs_build._build_theme_template("sitemap.xml", plugin.env, files, config,
                                               plugin.nav)
        self._after_build(update)
        return update

    def _read(self, plugin: TimelinePlugin, changed: Iterable[str]) -> None:
        """Read the changed event pages again (a broken one is left out, its problem
        logged, as the full build does)."""
        docs_dir = Path(self.config.docs_dir)
        events_dir = docs_dir / plugin.config.events_dir.strip("/")
        for path in changed:
            plugin.events.pop(path, None)
            file = events_dir / path
            label = file.relative_to(docs_dir.parent).as_posix()
            try:
                text = file.read_bytes().decode("utf-8")
            except FileNotFoundError:
                continue
            except (OSError, UnicodeDecodeError) as error:
                log.warning(f"{label}:1: file: cannot be read: {error} (expected a UTF-8 "
                            "text file)")
                continue
            event, problems = parse_event(text, label)
            for problem in problems:
                (log.warning if problem.severity == "error" else log.info)(str(problem))
            if event is not None:
                event.path = path
                plugin.events[path] = event
        plugin.events = dict(sorted(plugin.events.items()))

    def _inclusion(self) -> Any:
        return InclusionLevel.is_in_serve if self.serving else InclusionLevel.is_included

    def _remove(self, files: Files, file: File, update: Update) -> None:
        files.remove(file)
        update.removed.append(file.src_uri)
        self._unlink(file)

    def _unlink(self, file: File) -> None:
        """Delete a page's output, and the folders that leaves empty; drop it from
        Material's search index."""
        search = _search_index(self.config)
        if search is not None:
            search.entries = [entry for entry in search.entries
                              if _page_of(entry) != file.url]
        target = Path(file.abs_dest_path)
        target.unlink(missing_ok=True)
        folder, site_dir = target.parent, Path(self.config.site_dir)
        while folder != site_dir and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent

    def _build_pages(self, uris: list[str], must: set[str], update: Update) -> None:
        """Make each page's body again; write the page when its body changed."""
        plugin, config = self.plugin, self.config
        assert plugin.files is not None and plugin.nav is not None and plugin.env is not None
        files = plugin.files
        inclusion = self._inclusion()
        doc_files = files.documentation_pages(inclusion=inclusion)
        digests = plugin.digests if plugin.digests is not None else {}
        search = _search_index(config)
        rebuilt: set[str] = set()
        for uri in uris:
            file = files.get_file_from_path(uri)
            if file is None or file.page is None or not inclusion(file.inclusion):
                continue
            before = digests.get(uri)
            mkdocs_build._populate_page(file.page, config, files)
            update.checked += 1
            if uri in must or digests.get(uri) != before:
                rebuilt.add(file.url)
                if search is not None:
                    search.entries = [entry for entry in search.entries
                                      if _page_of(entry) != file.url]
                excluded = file.inclusion.is_excluded()  # type: ignore[no-untyped-call]
                mkdocs_build._build_page(file.page, config, doc_files, plugin.nav, plugin.env,
                                         excluded=excluded)
                update.written.append(uri)
        if search is not None and rebuilt:
            order = {file.url: number for number, file in enumerate(doc_files)}
            search.entries.sort(key=lambda entry: order.get(_page_of(entry), -1))

    def _write_feeds(self, plugin: TimelinePlugin, files: Files, site: pages.Site) -> None:
        for uri, content in plugin.feed_files(files, self.config, site).items():
            file = files.get_file_from_path(uri)
            if file is None or file.generated_by is None or file.content_bytes == content:
                continue
            file.content_bytes = content
            file.copy_file()

    def _after_build(self, update: Update) -> None:
        """The other plugins' `on_post_build` now (Material's search index); the feeds and
        the Pagefind index in the background, after the browser reloaded: they are slow,
        and no page shows them. The background work reads a snapshot of this rebuild's
        state, and waits for the previous one's to finish."""
        plugin, config = self.plugin, self.config
        for method in config.plugins.events["post_build"]:
            if getattr(method, "__self__", None) is not plugin:
                method(config=config)
        assert plugin.site is not None and plugin.files is not None
        site, files = plugin.site, plugin.files
        by_uri, own_pages = dict(plugin.by_uri), dict(plugin.own_pages)
        previous = self._search
        bundle = Path(config.site_dir) / search.BUNDLE_DIR
        self._generation += 1
        generation = self._generation

        def write_later() -> None:
            if previous is not None:
                previous.join()
            # Edits often come in bursts: wait for a quiet moment, and leave the work to
            # the last rebuild, so that it does not slow the next edit's pages down.
            time.sleep(BACKGROUND_DELAY)
            if generation != self._generation:
                return
            # In a child process (a fork: it has this rebuild's state without copying it
            # over): its Python work would otherwise hold the lock every thread of this
            # process needs, and the server answer slowly.
            child = multiprocessing.get_context("fork").Process(target=write, daemon=True)
            child.start()
            child.join()

        def write() -> None:
            self._write_feeds(plugin, files, site)
            if plugin.config.enabled and plugin.config.explorer:
                shutil.rmtree(bundle, ignore_errors=True)  # its chunks are named by hash
                plugin.write_search_index(config, site, by_uri, own_pages)

        self._search = threading.Thread(target=write_later, daemon=True)
        self._search.start()

    def wait_for_search(self) -> None:
        """Wait until the feeds and search index of the last rebuild are written."""
        if self._search is not None:
            self._search.join()
            self._search = None


def _walk_key(uri: str) -> tuple[tuple[int, Any], ...]:
    """Where `os.walk` with sorted folders and files (as MkDocs' `get_files`) meets `uri`:
    a folder's files before its subfolders, `index.md` first."""
    *folders, name = uri.split("/")
    return (*((1, folder) for folder in folders), (0, _file_sort_key(name)))


def _in_build_order(files: Files, docs_dir: str, frames: dict[str, str]) -> list[File]:
    """The files in the order a full build has them (the sitemap and search index follow
    it): those of docs_dir as MkDocs walks it, then the theme's and the generated ones as
    added, the generated pages in the order `pages.generated_pages` gives."""
    docs = os.path.abspath(docs_dir)
    own = [file for file in files if file.generated_by is None and file.src_dir is not None
           and os.path.abspath(file.src_dir) == docs]
    own.sort(key=lambda file: _walk_key(file.src_uri))
    framed = [file for uri in frames if (file := files.get_file_from_path(uri)) is not None
              and file.generated_by is not None]
    framed_uris = {file.src_uri for file in framed}
    rest: list[File] = []
    own_uris = {file.src_uri for file in own}
    for file in files:
        if file.src_uri in own_uris:
            continue
        if file.src_uri in framed_uris:
            if framed:
                rest += framed
                framed = []
            continue
        rest.append(file)
    return own + rest + framed


def _page_of(entry: dict[str, Any]) -> str:
    return str(entry.get("location", "")).split("#", 1)[0]


def _search_index(config: MkDocsConfig) -> Any:
    """Material's search index, whose entries of rebuilt pages are replaced."""
    for name in ("material/search", "search"):
        plugin = config.plugins.get(name)
        index = getattr(plugin, "search_index", None)
        if index is not None and isinstance(getattr(index, "entries", None), list):
            return index
    return None


def _keep_listings(old: pages.Site, new: pages.Site, changed: set[str]) -> None:
    """Give `new` the layouts of the names' lists that `changed` (event paths) leave as
    they were: all but those of the names the changed events name, before or after."""
    touched: set[tuple[str, str]] = set()
    for site in (old, new):
        for event in site.events:
            if event.path in changed:
                touched.update(site.names_of(event))
    for kind, paths in new.entity_pages.items():
        before = old.entity_pages.get(kind, {})
        for name, path in paths.items():
            listing = old._listings.get(path)
            if listing is not None and before.get(name) == path and (kind, name) not in touched:
                new._listings[path] = listing


def _candidates(old: pages.Site, new: pages.Site, changed: set[str],
                events_dir: str) -> set[str]:
    """The pages whose body may differ after `changed` (event paths) were edited."""
    old_by_path = {event.path or "": event for event in old.events}
    new_by_path = {event.path or "": event for event in new.events}
    uris: set[str] = set()

    def neighbours(site: pages.Site, event: Event) -> Iterable[Event]:
        index = site.position[id(event)]
        yield from site.events[max(0, index - 1):index + 2]
        yield from site.by_day.get(event.date, [])
        yield from site.by_month_day.get((event.date.month, event.date.day), [])

    names: set[tuple[str, str]] = set()
    for path in changed:
        for site, by_path in ((old, old_by_path), (new, new_by_path)):
            event = by_path.get(path)
            if event is None:
                continue
            uris.update(f"{events_dir}/{e.path}" for e in neighbours(site, event))
            names.update(site.names_of(event))
    # Events moved to another page of the timeline: their "in the timeline" link.
    for path, event in new_by_path.items():
        before = old_by_path.get(path)
        if before is None or (old.timeline.event_page.get(id(before))
                              != new.timeline.event_page.get(id(event))):
            uris.add(f"{events_dir}/{path}")
    # Names whose page appeared, went or was renamed: every event that names one links
    # to it (or no longer does), on its page and in every list.
    relinked: set[tuple[str, str]] = set()
    for kind in new.slugs.keys() | old.slugs.keys():
        old_paths, new_paths = old.entity_pages.get(kind, {}), new.entity_pages.get(kind, {})
        old_slugs, new_slugs = old.slugs.get(kind, {}), new.slugs.get(kind, {})
        for name in old_slugs.keys() | new_slugs.keys():
            if (old_slugs.get(name) != new_slugs.get(name)
                    or old_paths.get(name) != new_paths.get(name)):
                relinked.add((kind, name))
    dirty = {path for path in changed if path in new_by_path}
    for kind, name in relinked:
        for event in new.with_entity(kind, name):
            dirty.add(event.path or "")
    for path in dirty:
        event = new_by_path[path]
        uris.add(f"{events_dir}/{path}")
        names.update(new.names_of(event))
    names |= relinked
    # Keep the rendered entries of the events that are not dirty: a list page is mostly
    # entries, and the timeline's pages are all checked on every edit.
    keep = {id(event) for path, event in new_by_path.items()
            if path not in dirty and old_by_path.get(path) is event}
    new._entries.update({key: value for key, value in old._entries.items() if key[0] in keep})
    new._static.update({key: value for key, value in old._static.items() if key in keep})
    new._names.update({key: value for key, value in old._names.items() if key in keep})
    # Generated pages: the lists (the timeline's, those of the names), the indexes, home,
    # review and explorer pages.
    years = {event.date.year for site, by_path in ((old, old_by_path), (new, new_by_path))
             for path in changed | dirty if (event := by_path.get(path)) is not None}
    uris |= _list_pages(old.timeline, new.timeline, years)
    for kind, name in names:
        old_path = old.entity_pages.get(kind, {}).get(name)
        new_path = new.entity_pages.get(kind, {}).get(name)
        uris |= _list_pages(None if old_path is None else old.entity_listing(kind, name),
                            None if new_path is None else new.entity_listing(kind, name),
                            years)
    index_folders = tuple(f"{folder}/index" for folder, _, _ in pages.KINDS.values())
    uris.update(uri for uri in new.fills.keys() | old.fills.keys()
                if uri.startswith(index_folders))
    uris.add(pages.REVIEW_PAGE)
    uris.update((pages.HOME_PAGE, explorer.EXPLORER_PAGE))
    return uris


def _list_pages(old: pages.Listing | None, new: pages.Listing | None, years: set[int]
                ) -> set[str]:
    """The pages of a list that may change when events of `years` changed: all of them,
    unless the list is split in year pages laid out as before; then its overview and the
    pages of those years (a year page shows its own year's events, counts and chart, and
    links to the other years' first pages and to the pages of its months)."""
    found = {page.path for listing in (old, new) if listing is not None
             for page in listing.pages} | {listing.home for listing in (old, new)
                                           if listing is not None}
    if (old is None or new is None or not (old.split and new.split)
            or old.month_page != new.month_page
            or [page.path for page in old.pages] != [page.path for page in new.pages]):
        return found
    return {new.home} | {page.path for listing in (old, new) for page in listing.pages
                         if page.year in years}


def serve(config_file: str | None, dev_addr: str | None, open_in_browser: bool) -> None:
    """`timeline serve`: MkDocs' live-reload server on a `Preview` (see `mkdocs serve`)."""
    import tempfile

    from mkdocs.livereload import LiveReloadServer, _serve_url

    site_dir = tempfile.mkdtemp(prefix="timeline_")
    options: dict[str, Any] = {"dev_addr": dev_addr} if dev_addr else {}
    probe = load_config(config_file=config_file, site_dir=site_dir, **options)
    host, port = probe.dev_addr
    mount_path = urlsplit(probe.site_url or "/").path
    serve_url = _serve_url(host, port, mount_path)
    preview = Preview(config_file, site_dir, serving=True, serve_url=serve_url, **options)

    def builder() -> None:
        start = time.perf_counter()
        update = preview.rebuild()
        if not update.full:
            log.info(f"Wrote {len(update.written)} of the {update.checked} pages that may "
                     "have changed" + (f", removed {len(update.removed)}" if update.removed
                                       else "") + f" in {time.perf_counter() - start:.2f} s")

    server = LiveReloadServer(builder=builder, host=host, port=port, root=site_dir,
                              mount_path=mount_path)
    try:
        preview.full_build()
        server.watch(preview.config.docs_dir)
        if preview.config.config_file_path:
            server.watch(preview.config.config_file_path)
        for item in preview.config.watch:
            server.watch(item)
        try:
            server.serve(open_in_browser=open_in_browser)  # type: ignore[no-untyped-call]
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        preview.wait_for_search()
        preview.config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
