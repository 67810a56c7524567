"""seeds -> event pages, with a report of what happened to each seed.

read -> extract -> group -> write. A seed that already has a page is not read again: the page
is the source of truth once written (its date is never recomputed). A page whose bytes differ
from what the builder wrote was edited by a person and is kept as it is; a page a person
deleted stays deleted. `restore` brings deleted pages back; `force` rebuilds every page from
its seeds, first saving a copy of each edited page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from builder import state as memory
from builder import store
from builder.config import Settings
from builder.extract import extract_article, unify_people
from builder.group import event_from, fingerprint, group_articles, sources_of
from builder.model import Article, Event, Problem, SeedError, add_source_to_text, render_event
from builder.readers import is_seed, read_seed

#: Folder, beside mkdocs.yml, where `--force` saves edited pages before replacing them.
SAVED_EDITS_DIR = "saved-edits"


class Outcome(str, Enum):
    CREATED = "created"
    UNCHANGED = "unchanged"
    KEPT = "kept (edited by hand)"
    ADDED = "added as a source"
    DUPLICATE = "duplicate"
    DELETED = "not restored (its page was deleted by hand)"
    RESTORED = "restored"
    REBUILT = "rebuilt"
    FAILED = "failed"


@dataclass(frozen=True)
class SeedReport:
    seed: str
    outcome: Outcome
    page: str | None = None
    detail: str | None = None

    def __str__(self) -> str:
        text = f"{self.outcome.value:<10} {self.seed}"
        if self.page:
            text += f" -> {self.page}"
        if self.detail:
            text += f": {self.detail}"
        return text


@dataclass
class BuildReport:
    seeds: list[SeedReport] = field(default_factory=list)
    page_problems: list[Problem] = field(default_factory=list)
    #: Where `--force` saved the edited pages it replaced.
    saved_edits: list[Path] = field(default_factory=list)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for report in self.seeds if report.outcome is outcome)

    @property
    def failed(self) -> bool:
        return self.count(Outcome.FAILED) > 0


Progress = Callable[[int, int, str], None]


def list_seeds(seeds_dir: Path) -> list[Path]:
    """Seed files in the seeds folder (links included), sorted by name."""
    if not seeds_dir.is_dir():
        return []
    return sorted((path for path in seeds_dir.iterdir() if is_seed(path)
                   and (path.is_file() or path.is_symlink())), key=lambda path: path.name)


def check_seed_path(path: Path, seeds_dir: Path) -> None:
    """Refuse seeds that are links out of the seeds folder, or names the state can't hold."""
    if any(char in path.name for char in "\t\n\r"):
        raise SeedError("the file name contains a tab or line break (rename the file)")
    if path.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(seeds_dir.resolve()):
            raise SeedError(f"a link to {target}, outside the seeds folder (copy the file into "
                            "the seeds folder instead)")
        if not target.is_file():
            raise SeedError(f"a link to {target}, which is not a file")


@dataclass
class _Plan:
    """What a build is going to do, seed by seed."""

    #: seeds to read as new articles
    new: list[Path] = field(default_factory=list)
    #: page -> its seeds, to rebuild from them (restore, force)
    rebuild: dict[str, list[Path]] = field(default_factory=dict)


class Builder:
    """One run of `timeline build` over a project."""

    def __init__(self, settings: Settings, reference: dt.date | None, restore: bool = False,
                 force: bool = False, progress: Progress | None = None) -> None:
        self.settings = settings
        self.reference = reference or settings.reference_date or dt.date.today()
        self.restore = restore or force
        self.force = force
        self.progress = progress
        self.events_dir = settings.events_dir
        self.report = BuildReport()
        self._reported: set[str] = set()
        self._read_count = self._to_read = 0
        self.saved_edits_dir = settings.config_file.parent / SAVED_EDITS_DIR / (
            dt.datetime.now().strftime("%Y-%m-%dT%H%M%S"))

    def run(self) -> BuildReport:
        with memory.build_lock(self.events_dir):
            store.remove_temporary_files(self.events_dir)
            recorded = memory.load_state(self.events_dir)
            self.index = store.load_pages(self.events_dir, self.settings.config_file.parent,
                                          {seed: w.page for seed, w in recorded.items()})
            self.report.page_problems = list(self.index.problems)
            self.known_people = sorted({name for event in self.index.events
                                        for name in event.people if " " in name})
            self.journal = memory.Journal(self.events_dir, recorded)
            try:
                plan = self._plan(list_seeds(self.settings.seeds_dir))
                self._to_read = len(plan.new) + sum(map(len, plan.rebuild.values()))
                self._rebuild(plan.rebuild)
                self._create(plan.new)
            finally:
                self.journal.close()
        self.report.seeds.sort(key=lambda r: r.seed)
        return self.report

    # -- deciding --------------------------------------------------------------------------

    def _plan(self, seeds: list[Path]) -> _Plan:
        plan = _Plan()
        for path in seeds:
            try:
                check_seed_path(path, self.settings.seeds_dir)
            except SeedError as error:
                self._say(path.name, Outcome.FAILED, detail=str(error))
                continue
            target = self._existing(path.name)
            if target is not None:
                plan.rebuild.setdefault(target, []).append(path)
            elif path.name not in self._reported:
                plan.new.append(path)
        return plan

    def _existing(self, seed: str) -> str | None:
        """Report on a seed that was built before; return its page if it is to be rebuilt.
        A new seed is neither reported nor returned."""
        index, state = self.index, self.journal.state
        page = index.by_seed.get(seed)
        written = state.get(seed)
        if page is not None:
            current = index.sha256[page]
            if written is None:  # a page cites it but the builder has no record: adopt it
                self.journal.record(seed, memory.Written(page, current, "", None))
                written = state[seed]
            edited = written.sha256 != current
            if self.force:
                return page
            if written.page != page:  # moved or renamed by hand
                self.journal.record(seed, memory.Written(page, written.sha256 if edited
                                                         else current, written.fingerprint,
                                                         written.reference))
            if edited:
                self._say(seed, Outcome.KEPT, page)
            else:
                self._say(seed, Outcome.UNCHANGED, page)
            return None
        if written is None:
            return None
        if written.page in index.by_path:  # its page is there, without it among the sources
            if not self.force:
                self._say(seed, Outcome.KEPT, written.page,
                          "the page does not list it as a source (kept as it is)")
                return None
            return written.page
        if written.page in index.paths:  # there, but unreadable: never rewrite it
            self._say(seed, Outcome.KEPT, written.page,
                      "the page has problems: run `timeline check`")
            return None
        if self.restore:
            return written.page
        self._say(seed, Outcome.DELETED, written.page,
                  "`timeline build --restore` brings it back")
        return None

    # -- doing -----------------------------------------------------------------------------

    def _read(self, path: Path, reference: dt.date) -> Article | None:
        self._read_count += 1
        if self.progress is not None:
            self.progress(self._read_count, self._to_read, path.name)
        try:
            article = read_seed(path, self.settings.max_seed_bytes)
            return extract_article(article, reference, self.settings.aliases,
                                   self.settings.taxonomy, self.known_people)
        except SeedError as error:
            self._say(path.name, Outcome.FAILED, detail=str(error))
            return None
        except Exception as error:  # a reader's bug must not stop the batch
            kind = type(error).__name__
            self._say(path.name, Outcome.FAILED, detail=f"could not be read ({kind}: {error}); "
                      "please report this as a bug of the timeline builder")
            return None

    def _rebuild(self, pages: dict[str, list[Path]]) -> None:
        """Rebuild pages from their seeds (restore, force), at the same path and with the
        reference date they were first built with."""
        state = self.journal.state
        for page, paths in sorted(pages.items()):
            articles = []
            for path in paths:
                written = state.get(path.name)
                reference = (written.reference if written and written.reference
                             else self.reference)
                article = self._read(path, reference)
                if article is not None:
                    articles.append(article)
            if not articles:
                continue
            event = event_from(articles)
            existed = page in self.index.paths
            self._write(page, event, articles, Outcome.REBUILT if existed else Outcome.RESTORED)

    def _create(self, paths: list[Path]) -> None:
        known = {written.fingerprint: written.page for written in self.journal.state.values()
                 if written.fingerprint}
        new_articles: list[Article] = []
        for path in paths:
            article = self._read(path, self.reference)
            if article is None:
                continue
            page = known.get(fingerprint(article))
            if page is not None and page in self.index.by_path:
                self._add_source(page, article, "the same article as one already on this page")
            else:
                new_articles.append(article)
        unify_people(new_articles, self.settings.aliases, self.known_people)  # "Biden" -> full
        grouping = group_articles(new_articles, self.index.events)
        for page, articles in sorted(grouping.into_existing.items()):
            for article in articles:
                self._add_source(page, article, "another report of this event")
        taken = set(self.index.paths) | {w.page for w in self.journal.state.values()}
        for members in grouping.new:
            event = event_from(members)
            page = store.page_path_for(event, taken)
            taken.add(page)
            self._write(page, event, members, Outcome.CREATED)

    def _add_source(self, page: str, article: Article, why: str) -> None:
        """Add a report to an event that has a page: only its `sources` list changes, every
        other byte of the page stays as it is, edited or not."""
        seed, key = article.seed, fingerprint(article)
        records = [w for w in self.journal.state.values() if w.page == page]
        current = self.index.sha256[page]
        edited = current not in {w.sha256 for w in records}
        text: str | None = (self.events_dir / page).read_text(encoding="utf-8")
        for source in sources_of(article):
            text = add_source_to_text(text, source) if text is not None else None
        if text is None:
            self.journal.record(seed, memory.Written(page, records[0].sha256 if records
                                                     else current, key, self.reference))
            self._say(seed, Outcome.DUPLICATE, page, f"{why}; its sources list could not be "
                                                     "extended safely: add the source by hand")
            return
        data = text.encode("utf-8")
        store.write_atomic(self.events_dir / page, data)
        sha = store.digest(data)
        self.index.sha256[page] = sha
        if edited:  # the page stays "edited by hand": remember what the builder last wrote
            base = records[0].sha256 if records else current
            self.journal.record(seed, memory.Written(page, base, key, self.reference))
        else:
            self.journal.page_rewritten(page, sha)
            self.journal.record(seed, memory.Written(page, sha, key, self.reference))
        self._say(seed, Outcome.ADDED, page, why)

    def _write(self, page: str, event: Event, articles: list[Article], outcome: Outcome) -> None:
        if page in self.index.sha256 and self.index.sha256[page] != store.digest(
                render_event(event).encode("utf-8")):
            # Replacing a page's bytes (only --force does): nothing a person wrote is lost.
            self.report.saved_edits.append(
                store.save_copy(self.events_dir, page, self.saved_edits_dir))
        sha = store.write_event(self.events_dir, page, event)
        self.index.sha256[page] = sha
        self.journal.page_rewritten(page, sha)
        for article in articles:
            previous = self.journal.state.get(article.seed)
            reference = previous.reference if previous and previous.reference else (
                self.reference)
            self.journal.record(article.seed, memory.Written(page, sha, fingerprint(article),
                                                             reference))
            self._say(article.seed, outcome, page)

    def _say(self, seed: str, outcome: Outcome, page: str | None = None,
             detail: str | None = None) -> None:
        self.report.seeds.append(SeedReport(seed, outcome, page, detail))
        self._reported.add(seed)


def build(settings: Settings, reference: dt.date | None = None,
          progress: Progress | None = None, restore: bool = False,
          force: bool = False) -> BuildReport:
    """Turn new seeds into event pages; report on every seed.

    Raises `state.BuildLocked` when another build is running on the same project.
    """
    return Builder(settings, reference, restore, force, progress).run()
