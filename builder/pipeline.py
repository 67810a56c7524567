"""seeds -> event pages, with a report of what happened to each seed.

read -> extract -> group -> write. A seed that already has a page is not read again: the page
is the source of truth once written (its date is never recomputed). A page whose bytes differ
from what the builder wrote was edited by a person and is kept as it is; a page a person
deleted stays deleted. `restore` brings deleted pages back; `force` rebuilds every page from
its seeds, first saving a copy of each edited page.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import functools
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path

from builder import cache, store
from builder import state as memory
from builder.config import Settings
from builder.group import (
    ProfileCache,
    WordRarity,
    event_from,
    fingerprint,
    group_articles,
    sources_of,
    word_rarity,
)
from builder.model import Article, Event, Problem, SeedError, add_source_to_text, render_event
from builder.readers import READERS, read_seed

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
    #: What is wrong with the state file, one line each.
    state_problems: list[str] = field(default_factory=list)
    #: The state file is damaged: new seeds were not built.
    damaged: bool = False

    def count(self, outcome: Outcome) -> int:
        return sum(1 for report in self.seeds if report.outcome is outcome)

    @property
    def failed(self) -> bool:
        return self.count(Outcome.FAILED) > 0 or self.damaged


Progress = Callable[[int, int, str], None]


def seed_files(seeds_dir: Path) -> dict[Path, str]:
    """Seed files in the seeds folder and its subfolders (links included) -> their names (the
    path in the seeds folder, `2024/talks.txt`), sorted by name. Hidden files and folders are
    skipped; links to folders are listed (and refused by `check_seed_path`), so no seed is
    skipped without a word."""
    return {Path(path): key for key, path, _ in _scan_seeds(seeds_dir)}


def _scan_seeds(seeds_dir: Path) -> list[tuple[str, str, bool]]:
    """`seed_files` as (name, path, whether it is a link), sorted by name: plain strings and
    `os.scandir`'s file types, so that listing 10,000 seeds costs no `stat` per file."""
    found: list[tuple[str, str, bool]] = []

    def scan(folder: str, prefix: str) -> None:
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:
            return  # (as os.walk: a folder that cannot be listed is passed over)
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            key = prefix + name
            try:
                if entry.is_dir(follow_symlinks=False):
                    scan(entry.path, key + "/")
                elif entry.is_symlink():
                    if os.path.isdir(entry.path) or _seed_name(name):
                        found.append((key, entry.path, True))
                elif entry.is_file(follow_symlinks=False) and _seed_name(name):
                    found.append((key, entry.path, False))
            except OSError:
                continue

    if seeds_dir.is_dir():
        scan(str(seeds_dir), "")
    found.sort()
    return found


def _seed_name(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in READERS


def seed_key(path: Path, seeds_dir: Path) -> str:
    """A seed's name in pages and state: its path in the seeds folder (`2024/talks.txt`)."""
    return path.relative_to(seeds_dir).as_posix()


def check_seed_path(path: Path, seeds_dir: Path, key: str | None = None) -> None:
    """Refuse seeds that are links out of the seeds folder, or names the state can't hold."""
    if any(char in (key or seed_key(path, seeds_dir)) for char in "\t\n\r"):
        raise SeedError("the file name contains a tab or line break (rename the file)")
    if path.is_symlink():
        target = path.resolve()
        if target.is_dir():
            raise SeedError(f"a link to the folder {target}; seeds in it are not read (move "
                            "or copy the files into the seeds folder instead)")
        if not target.is_relative_to(seeds_dir.resolve()):
            raise SeedError(f"a link to {target}, outside the seeds folder (copy the file into "
                            "the seeds folder instead)")
        if not target.is_file():
            raise SeedError(f"a link to {target}, which is not a file")


def outside_error(label: str, error: store.OutsideError) -> str:
    """One line for a page that leads outside the events folder."""
    return (f"{label} {error}; not written (replace the link with the file itself, or "
            "remove it)")


def write_error(label: str, error: OSError) -> str:
    """One line for a failed write: the path, the cause and the fix."""
    reason = error.strerror or str(error)
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        fix = ("free some space (or raise the quota or file size limit), then run "
               "`timeline build` again")
    elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        fix = f"make {Path(label).parent.as_posix()}/ writable, then run `timeline build` again"
    else:
        fix = "fix the cause, then run `timeline build` again"
    return f"cannot write {label} ({reason}); {fix}"


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
        self.root = settings.config_file.parent
        self.report = BuildReport()
        self._reported: set[str] = set()
        self._read_count = self._to_read = 0
        self._written: set[Path] = set()
        #: page -> sha256 of the bytes this build wrote to it
        self._pages_written: dict[str, str] = {}
        self._known_people: dict[str, set[str]] | None = None
        self._keys: dict[Path, str] = {}
        self.saved_edits_dir = settings.config_file.parent / SAVED_EDITS_DIR / (
            dt.datetime.now().strftime("%Y-%m-%dT%H%M%S"))

    def run(self) -> BuildReport:
        with memory.build_lock(self.events_dir):
            store.remove_temporary_files(self.events_dir)
            saved = memory.read_state(self.events_dir, self._label(
                self.events_dir / memory.STATE_FILE))
            self.report.state_problems = list(saved.problems)
            self.damaged = self.report.damaged = saved.damaged is not None
            if saved.damaged:
                self.report.state_problems.append(saved.damaged)
            self.page_hashes = cache.PageHashes(self.root, self.events_dir)
            hashes = store.hash_pages(self.events_dir, self.page_hashes)
            recorded = saved.recover(hashes)
            trusted = None if self.force else _trusted(recorded)
            # Pages not as the builder wrote them (edited by hand, or not its own) are
            # parsed; the cache of parsed events holds those parsed before (by a build or
            # by the plugin), and only their lines of it are decoded.
            parsed = cache.ParsedEvents(self.root)
            parsed.want(sha for page, sha in hashes.items()
                        if trusted is None or trusted.get(page, ("",))[0] != sha)
            self.index = store.load_pages(self.events_dir, self.root,
                                          {seed: w.page for seed, w in recorded.items()},
                                          trusted, hashes, parsed)
            self.report.page_problems = list(self.index.problems)
            self.journal = memory.Journal(self.events_dir, recorded, clean=saved.clean,
                                          frozen=saved.damaged is not None)
            try:
                plan = self._plan(_scan_seeds(self.settings.seeds_dir))
                self._to_read = len(plan.new) + sum(map(len, plan.rebuild.values()))
                if plan.new or plan.rebuild:
                    self.report.page_problems.extend(
                        self.index.parse_rest(self.events_dir, self.root, parsed))
                    self.report.page_problems.sort(key=lambda p: (p.path, p.line))
                parsed.save(self.index.sha256.values())
                self._rebuild(plan.rebuild)
                self._create(plan.new)
            except BaseException:
                # Ctrl-C, or a bug: leave the journal as it is (its last entry may be for a
                # page not yet written); the next build recovers from it.
                self.journal.abandon()
                raise
            self._finish()
        self.report.seeds.sort(key=lambda r: r.seed)
        return self.report

    def _finish(self) -> None:
        """Rewrite the state sorted; make the batch durable with one sync."""
        try:
            if self.journal.close(sync=False):
                self._written.add(self.events_dir)
        except OSError as error:
            self.report.state_problems.append(
                write_error(self._label(self.events_dir / memory.STATE_FILE), error)
                + " (its journal is kept: the next build recovers from it)")
        if self._written:
            store.sync_folders(self._written, everything=True)
        if not self.restore and "failures" in self.__dict__:  # (it was used)
            self.failures.save()
        self.page_hashes.refresh(self.events_dir, self._pages_written)
        self.page_hashes.save(wrote=bool(self._pages_written))

    @property
    def known_people(self) -> dict[str, set[str]]:
        """Full names of the event pages, each with the names her events give with her."""
        if self._known_people is None:
            from builder.extract import contexts_of  # imported late, as in _read

            contexts: dict[str, set[str]] = {}
            for event in self.index.events:
                contexts_of(event.people, event.places, event.organizations, contexts)
            self._known_people = dict(sorted(contexts.items()))
        return self._known_people

    def _label(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    # -- deciding --------------------------------------------------------------------------

    def _plan(self, seeds: list[tuple[str, str, bool]]) -> _Plan:
        """What to do with each seed (name, path, whether it is a link): `Path` objects are
        made only for the seeds to read."""
        plan = _Plan()
        seeds_dir = self.settings.seeds_dir
        for key, file, link in seeds:
            if link or any(char in key for char in "\t\n\r"):
                try:
                    check_seed_path(Path(file), seeds_dir, key)
                except SeedError as error:
                    self._say(key, Outcome.FAILED, detail=str(error))
                    continue
            target = self._existing(key)
            if key in self._reported:
                continue
            if self.damaged:  # it may be a seed whose page was deleted: never bring one back
                self._say(key, Outcome.FAILED, target, "not built: the state file is damaged "
                          "(see the problem below)")
            else:
                path = Path(file)
                if target is None and not self.restore and (
                        detail := self.failures.known(key, path)) is not None:
                    self._say(key, Outcome.FAILED, detail=detail)  # unchanged since
                    continue
                self._keys[path] = key
                if target is not None:
                    plan.rebuild.setdefault(target, []).append(path)
                else:
                    plan.new.append(path)
        return plan

    @functools.cached_property
    def failures(self) -> cache.SeedFailures:
        """The seeds that failed before (read on first use: most builds have none new)."""
        settings = self.settings
        context = json.dumps([cache.code_key(), self.reference.isoformat(),
                              settings.max_seed_bytes, settings.taxonomy,
                              sorted(settings.aliases.items())])
        return cache.SeedFailures(self.root, hashlib.sha256(context.encode()).hexdigest())

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
        if index.readable(written.page):  # its page is there, without it among the sources
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
        key = self._keys[path]
        if self.progress is not None:
            self.progress(self._read_count, self._to_read, key)
        try:
            article = read_seed(path, self.settings.max_seed_bytes)
            article.seed = key
            # Imported here: a build with nothing to read does not load dateparser & co.
            from builder.extract import extract_article

            return extract_article(article, reference, self.settings.aliases,
                                   self.settings.taxonomy, self.known_people)
        except SeedError as error:
            detail = str(error)
        except Exception as error:  # a reader's bug must not stop the batch
            kind = type(error).__name__
            detail = (f"could not be read ({kind}: {error}); please report this as a bug of "
                      "the timeline builder")
        self._say(key, Outcome.FAILED, detail=detail)
        if not self.restore:
            self.failures.failed(key, path, detail)
        return None

    def _rebuild(self, pages: dict[str, list[Path]]) -> None:
        """Rebuild pages from their seeds (restore, force), at the same path and with the
        reference date they were first built with."""
        state = self.journal.state
        read: dict[str, list[Article]] = {}
        for page, paths in sorted(pages.items()):
            articles = read[page] = []
            for path in paths:
                written = state.get(self._keys[path])
                reference = (written.reference if written and written.reference
                             else self.reference)
                article = self._read(path, reference)
                if article is not None:
                    articles.append(article)
        every = [article for articles in read.values() for article in articles]
        if not every:
            return
        # Word rarity as a build of these seeds counted it: the other events and these reports.
        rarity = word_rarity(every, [event for event in self.index.events
                                     if event.path not in pages], ProfileCache(self._profiles))
        for page, articles in read.items():
            if not articles:
                continue
            event = event_from(articles)
            self._suggest_tags(event, articles, rarity)
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
        if new_articles:
            from builder.extract import unify_people  # imported late, as in _read

            unify_people(new_articles, self.settings.aliases, self.known_people)  # "Biden"
        profiles = ProfileCache(self._profiles) if new_articles else None
        grouping = group_articles(new_articles, self.index.events, cache=profiles)
        if profiles is not None:
            with contextlib.suppress(OSError):  # only a cache: the next build profiles again
                profiles.save()
        for page, articles in sorted(grouping.into_existing.items()):
            for article in articles:
                self._add_source(page, article, "another report of this event")
        taken = set(self.index.paths) | {w.page for w in self.journal.state.values()}
        for members in grouping.new:
            event = event_from(members)
            self._suggest_tags(event, members, grouping.rarity)
            page = store.page_path_for(event, taken)
            taken.add(page)
            self._write(page, event, members, Outcome.CREATED)

    @property
    def _profiles(self) -> Path:
        return self.root / cache.CACHE_DIR / "grouping.json"

    def _suggest_tags(self, event: Event, articles: list[Article], rarity: WordRarity) -> None:
        """Key phrases the taxonomy does not cover, as one review item (never as tags)."""
        from builder.extract.keyphrases import suggest_tags  # imported late, as in _read

        suggest_tags(event, articles, self.settings.taxonomy, rarity,
                     self.settings.suggest_tags)

    def _add_source(self, page: str, article: Article, why: str) -> None:
        """Add a report to an event that has a page: only its `sources` list changes, every
        other byte of the page stays as it is, edited or not."""
        seed, key = article.seed, fingerprint(article)
        records = [self.journal.state[other] for other in self.journal.seeds_of(page)]
        current = self.index.sha256[page]
        edited = current not in {w.sha256 for w in records}
        try:
            # Bytes, not read_text: a CRLF page keeps its line endings.
            text: str | None = store.inside(self.events_dir, page).read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError, store.OutsideError) as error:
            label = self._label(self.events_dir / page)
            self._say(seed, Outcome.FAILED, page, f"{why}, but {label} cannot be read "
                      f"({error}); add the source by hand")
            return
        for source in sources_of(article):
            text = add_source_to_text(text, source) if text is not None else None
        if text is None:
            try:
                self.journal.record(seed, memory.Written(page, records[0].sha256 if records
                                                         else current, key, self.reference))
            except OSError as error:
                self._say(seed, Outcome.FAILED, page, write_error(self._state_label, error))
                return
            self._say(seed, Outcome.DUPLICATE, page, f"{why}; its sources list could not be "
                                                     "extended safely: add the source by hand")
            return
        data = text.encode("utf-8")
        sha = store.digest(data)
        if edited:  # the page stays "edited by hand": remember what the builder last wrote
            base = records[0].sha256 if records else current
            entries = {seed: memory.Written(page, base, key, self.reference)}
        else:
            entries = self._rewritten(page, sha)
            entries[seed] = memory.Written(page, sha, key, self.reference)
        if self._commit(page, data, entries, [seed]):
            self._say(seed, Outcome.ADDED, page, why)

    def _write(self, page: str, event: Event, articles: list[Article], outcome: Outcome) -> None:
        data = render_event(event).encode("utf-8")
        sha = store.digest(data)
        seeds = [article.seed for article in articles]
        if page in self.index.sha256 and self.index.sha256[page] != sha:
            # Replacing a page's bytes (only --force does): nothing a person wrote is lost.
            try:
                self.report.saved_edits.append(
                    store.save_copy(self.events_dir, page, self.saved_edits_dir))
            except (OSError, store.OutsideError) as error:
                detail = (outside_error(self._label(self.events_dir / page), error)
                          if isinstance(error, store.OutsideError) else "not rebuilt: "
                          + write_error(self._label(self.saved_edits_dir), error))
                for seed in seeds:
                    self._say(seed, Outcome.FAILED, page, detail)
                return
        entries = self._rewritten(page, sha)
        for article in articles:
            previous = self.journal.state.get(article.seed)
            reference = previous.reference if previous and previous.reference else (
                self.reference)
            entries[article.seed] = memory.Written(page, sha, fingerprint(article), reference)
        if self._commit(page, data, entries, seeds):
            event.path = page
            for seed in seeds:
                self._say(seed, outcome, page)

    def _rewritten(self, page: str, sha: str) -> dict[str, memory.Written]:
        """New entries for the seeds already recorded for a page that gets new bytes."""
        return {seed: replace(written, sha256=sha) for seed in self.journal.seeds_of(page)
                if (written := self.journal.state[seed]).sha256 != sha}

    @property
    def _state_label(self) -> str:
        return self._label(self.events_dir / memory.STATE_FILE)

    def _commit(self, page: str, data: bytes, entries: dict[str, memory.Written],
                seeds: list[str]) -> bool:
        """Journal the entries, then write the page; on failure undo them and report the
        seeds failed (the batch goes on)."""
        before = {seed: self.journal.state.get(seed) for seed in entries}
        label = self._label(self.events_dir / page)
        try:
            for seed, written in entries.items():
                self.journal.record(seed, written)
            store.write_page(self.events_dir, page, data)
        except (OSError, store.OutsideError) as error:
            for seed, previous in before.items():
                self.journal.forget(seed, previous)
            if isinstance(error, store.OutsideError):
                detail = outside_error(label, error)
            else:
                state_failed = str(error.filename or "").endswith(memory.STATE_FILE)
                detail = write_error(self._state_label if state_failed else label, error)
            for seed in seeds:
                self._say(seed, Outcome.FAILED, page, detail)
            return False
        self.index.sha256[page] = self._pages_written[page] = store.digest(data)
        self._written.add((self.events_dir / page).parent)
        return True

    def _say(self, seed: str, outcome: Outcome, page: str | None = None,
             detail: str | None = None) -> None:
        self.report.seeds.append(SeedReport(seed, outcome, page, detail))
        self._reported.add(seed)


def _trusted(state: dict[str, memory.Written]) -> dict[str, tuple[str, list[str]]]:
    """page -> (sha256, seeds) for pages every seed of which records the same bytes: such a
    page, if its bytes are still those, is the builder's and need not be parsed."""
    shas: dict[str, set[str]] = {}
    seeds: dict[str, list[str]] = {}
    for seed, written in state.items():
        shas.setdefault(written.page, set()).add(written.sha256)
        seeds.setdefault(written.page, []).append(seed)
    return {page: (next(iter(found)), sorted(seeds[page])) for page, found in shas.items()
            if len(found) == 1}


def build(settings: Settings, reference: dt.date | None = None,
          progress: Progress | None = None, restore: bool = False,
          force: bool = False) -> BuildReport:
    """Turn new seeds into event pages; report on every seed.

    Raises `state.BuildLocked` when another build is running on the same project.
    """
    return Builder(settings, reference, restore, force, progress).run()
