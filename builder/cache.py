"""What a build need not do again: a cache beside the project, in `.cache/timeline/`.

Nothing in it is committed (`.cache/` is in the project's `.gitignore`) and nothing depends
on it: a missing, damaged or outdated cache is ignored and rebuilt, never an error, and a
build gives the same pages and state with or without it. Three files:

* `pages.json`: each event page's size, modification and change times, inode and sha256. A
  page whose size and times are those recorded is not read again to hash it (as git's
  index does). An entry whose times are within `RACY_NS` of the moment the cache was
  written is hashed anyway: on a file system with coarse timestamps, a page edited just
  after it was recorded could keep its times and size. A build that writes no page leaves
  the file as it is unless many pages changed: a build after a few hand edits writes
  nothing at all.
* `events.jsonl`: the event each page holds, as parsed, by the sha256 of the page's bytes, so
  a build that needs every event (to group a new seed with them), every build (for the
  pages edited by hand), and the plugin's `mkdocs build` or `serve`, parse only the pages
  not parsed before. Only pages that parse
  without any problem and hold no unknown keys are kept. The file is appended to; it is
  rewritten when most of it is for pages that no longer exist. Its first line names the
  parser (a hash of `model.py` and the YAML library's version): another parser's cache is
  dropped. A damaged file (a line that is not JSON, a row that is not an event) is not
  trusted, and is rewritten (see `ParsedEvents.damage`).
* `seeds.json`: the seeds that failed, with why (see `SeedFailures`). Seeds that have a page
  are never read again in any case (the page is the source of truth).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from builder import model
from builder.model import Event, Source

#: Where the cache lives, beside mkdocs.yml.
CACHE_DIR = Path(".cache") / "timeline"
PAGES_FILE = "pages.json"
EVENTS_FILE = "events.jsonl"
SEEDS_FILE = "seeds.json"
#: An entry recorded less than this before its cache was written is checked by its bytes.
RACY_NS = 2_000_000_000
#: A build that writes no page rewrites the page cache only when more pages changed.
STALE_MAX = 64
_PAGES_VERSION = 1
_EVENTS_VERSION = 1
_SEEDS_VERSION = 1


@dataclass(frozen=True)
class FileStat:
    """What says a file has not changed: its size, times and inode."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int

    @classmethod
    def of(cls, found: os.stat_result) -> FileStat:
        return cls(found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino)

    def row(self) -> list[int]:
        return [self.size, self.mtime_ns, self.ctime_ns, self.inode]


def _write(path: Path, data: bytes) -> None:
    """Write a cache file atomically (no fsync: a cache lost in a crash is rebuilt)."""
    from builder.store import write_atomic  # store imports this module

    write_atomic(path, data, sync=False)


class PageHashes:
    """page path -> (stat, sha256), for the pages of one events folder."""

    def __init__(self, root: Path, events_dir: Path) -> None:
        self.path = root / CACHE_DIR / PAGES_FILE
        self.events_dir = str(events_dir)
        #: what the file holds: page -> (stat, sha256)
        self.recorded: dict[str, tuple[FileStat, str]] = {}
        #: when the file was written (entries near it are racy)
        self.written_ns = 0
        #: what this build found: page -> (stat, sha256)
        self.found: dict[str, tuple[FileStat, str]] = {}
        self._load()

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_bytes())
            if (data.get("version") != _PAGES_VERSION
                    or data.get("events_dir") != self.events_dir):
                return
            written = int(data["written_ns"])
            recorded = {}
            for page, (size, mtime, ctime, inode, sha) in data["pages"].items():
                if not (isinstance(page, str) and isinstance(sha, str)):
                    return
                recorded[page] = (FileStat(int(size), int(mtime), int(ctime), int(inode)), sha)
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return  # no cache, or not one this version wrote: hash every page
        self.recorded, self.written_ns = recorded, written

    def sha256(self, page: str, stat: FileStat) -> str | None:
        """The page's sha256 if it is known to be unchanged, else None (read it)."""
        entry = self.recorded.get(page)
        if entry is None or entry[0] != stat:
            return None
        if max(stat.mtime_ns, stat.ctime_ns) >= self.written_ns - RACY_NS:
            return None
        return entry[1]

    def record(self, page: str, stat: FileStat, sha: str) -> None:
        self.found[page] = (stat, sha)

    def refresh(self, events_dir: Path, pages: Mapping[str, str]) -> None:
        """Record pages written during the build (page -> sha256 of what was written)."""
        for page, sha in pages.items():
            try:
                self.found[page] = (FileStat.of(os.stat(events_dir / page)), sha)
            except OSError:
                self.found.pop(page, None)

    def save(self, wrote: bool) -> None:
        """Write what this build found, if it differs from what the file holds, and the
        build wrote pages (`wrote`) or found more than `STALE_MAX` pages changed: a build
        that writes no page writes no file for a few hand edits (they are hashed again)."""
        if self.found == self.recorded:
            return
        changed = sum(self.recorded.get(page) != entry for page, entry in self.found.items())
        changed += len(self.recorded.keys() - self.found.keys())
        if not wrote and self.written_ns and changed <= STALE_MAX:
            return
        rows = {page: [*stat.row(), sha] for page, (stat, sha) in sorted(self.found.items())}
        data = {"version": _PAGES_VERSION, "events_dir": self.events_dir,
                "written_ns": time.time_ns(), "pages": rows}
        with contextlib.suppress(OSError):  # a cache that cannot be written is only slower
            _write(self.path, json.dumps(data, separators=(",", ":")).encode("utf-8"))


def _parser_key() -> str:
    """What the parsed events depend on besides the page's bytes."""
    digest = hashlib.sha256(Path(model.__file__).read_bytes())
    digest.update(f"{yaml.__version__} {_EVENTS_VERSION}".encode())
    return digest.hexdigest()


def event_row(event: Event) -> list[Any]:
    """An event as JSON values (see `event_from_row`)."""
    return [event.title, event.date.isoformat(), _iso(event.end_date), event.location,
            event.summary, event.tags, event.people, event.places, event.organizations,
            [[s.title, s.publisher, s.credit, s.url, _iso(s.published), s.seed]
             for s in event.sources], event.date_from, event.review, event.draft, event.body]


def event_from_row(row: Any) -> Event:
    """The event `event_row` gave; ValueError or TypeError if the row is not one."""
    (title, date, end_date, location, summary, tags, people, places, organizations,
     sources, date_from, review, draft, body) = row
    for text in (title, date, summary, body):
        if not isinstance(text, str):
            raise TypeError("expected text")
    for optional in (end_date, location, date_from):
        if optional is not None and not isinstance(optional, str):
            raise TypeError("expected text or null")
    for names in (tags, people, places, organizations, review):
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise TypeError("expected a list of text")
    if not isinstance(draft, bool) or not isinstance(sources, list):
        raise TypeError("expected a flag and a list")
    return Event(title=title, date=dt.date.fromisoformat(date), end_date=_day(end_date),
                 location=location, summary=summary, tags=tags, people=people, places=places,
                 organizations=organizations, sources=[_source(item) for item in sources],
                 date_from=date_from, review=review, draft=draft, body=body)


def _source(item: Any) -> Source:
    title, publisher, credit, url, published, seed = item
    if not isinstance(title, str) or not all(
            value is None or isinstance(value, str)
            for value in (publisher, credit, url, published, seed)):
        raise TypeError("expected text or null")
    return Source(title, publisher, credit, url, _day(published), seed)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text is not None else None


def cacheable(event: Event) -> bool:
    """Whether `event_row` keeps all of the event (unknown keys are not kept)."""
    return not event.extra


class ParsedEvents:
    """sha256 of a page's bytes -> the event it holds, read from the file on first use.

    A file another parser wrote is stale: it is ignored, and rewritten on `save`. A file
    this code cannot have written (its header or a line is not JSON, a row is not an
    event) is damaged: `damage` says how; what it holds is not trusted (all of it when a line
    is not JSON, the one row otherwise), and it is rewritten on `save`.

    `want` narrows what is read to the pages named: the builder needs the events of the
    pages edited by hand only, a few of thousands, and finding their lines by their first
    bytes takes a few milliseconds where decoding every line takes about 25 ms at 2,000
    events (more than parsing a dozen pages). A line not decoded is not checked: damage is
    found in the lines read (the plugin reads them all).
    """

    def __init__(self, root: Path) -> None:
        self.path = root / CACHE_DIR / EVENTS_FILE
        self._rows: dict[str, Any] | None = None
        self._lines = 0
        self._added: dict[str, list[Any]] = {}
        self._usable = False  # the file starts with this parser's header line
        #: the sha256s (as bytes) of the only lines to decode; None: every line (see `want`)
        self._wanted: set[bytes] | None = None
        #: sha256s whose row is not an event (not trusted, even when read again)
        self._bad: set[str] = set()
        #: Why the file was found damaged (None: it was not, or it is not read yet).
        self.damage: str | None = None

    def want(self, shas: Iterable[str]) -> None:
        """Decode only the lines of the pages of these sha256s when the file is read (if
        it is not read yet); asking later for another page reads all of it."""
        if self._rows is None:
            self._wanted = {sha.encode("ascii", "replace") for sha in shas}

    def _read_all(self) -> None:
        """Read every line, after a read of the wanted ones only; the events added since
        are kept."""
        if self._wanted is None:
            return
        self._wanted, self._rows, self._lines = None, None, 0
        rows = self._load()
        for sha in self._bad:
            rows.pop(sha, None)
        rows.update(self._added)
        if self.damage is not None:
            self._usable = False  # rewritten on save, as it was found damaged

    def _load(self) -> dict[str, Any]:
        if self._rows is not None:
            return self._rows
        self._rows = {}
        try:
            with self.path.open("rb") as stream:
                header = json.loads(stream.readline())
                if not (isinstance(header, dict) and "timeline-events" in header):
                    raise ValueError("not a header")
                if header != {"timeline-events": _EVENTS_VERSION, "parser": _parser_key()}:
                    return self._rows  # stale: another parser's
                self._usable = True
                wanted = self._wanted
                for number, line in enumerate(stream, 2):
                    self._lines += 1
                    # A line is `["<sha256>",[...]]`: its sha256 is at bytes 2 to 66.
                    if wanted is not None and line[2:66] not in wanted:
                        continue
                    try:
                        sha, row = json.loads(line)
                        if not isinstance(sha, str):
                            raise TypeError("not a sha256")
                    except (ValueError, TypeError):
                        # A line cut short by a kill, or a damaged file: trust none of it.
                        self._damaged(f"line {number} is not an entry of this cache")
                        self._rows.clear()
                        return self._rows
                    self._rows[sha] = row
        except OSError:
            self._usable = False  # no cache (or not readable): every page is parsed
            self._rows.clear()
        except (ValueError, TypeError):
            self._damaged("its first line is not this cache's header")
            self._rows.clear()
        return self._rows

    def _damaged(self, why: str) -> None:
        if self.damage is None:
            self.damage = why
        self._usable = False  # rewritten on save

    def get(self, sha: str) -> Event | None:
        row = self._load().get(sha)
        if row is None and self._wanted is not None and (
                sha.encode("ascii", "replace") not in self._wanted):
            self._read_all()  # a page not named to `want`: read every line
            row = self._load().get(sha)
        if row is None:
            return None
        try:
            return event_from_row(row)
        except (ValueError, TypeError):
            self._damaged(f"the entry for a page of sha256 {sha[:12]}... is not an event")
            self._bad.add(sha)
            del self._load()[sha]
            return None

    def add(self, sha: str, event: Event) -> None:
        if cacheable(event):
            row = event_row(event)
            self._load()[sha] = row
            self._added[sha] = row

    def save(self, live: Iterable[str]) -> None:
        """Append the events added; rewrite the file without the events of pages that are
        gone (`live`: the sha256 of every page now) when they are most of it."""
        if not self._added and self.damage is None:
            return
        self._read_all()  # what is kept, and how much of the file is stale, needs every line
        rows = self._load()
        keep = set(live)
        stale = self._lines - len(keep & rows.keys())
        try:
            if not self._usable or stale > max(1000, self._lines // 2):
                header = {"timeline-events": _EVENTS_VERSION, "parser": _parser_key()}
                lines = [json.dumps(header)] + [_line(sha, row) for sha, row in rows.items()
                                                if sha in keep]
                _write(self.path, ("\n".join(lines) + "\n").encode("utf-8"))
            else:
                with self.path.open("ab") as stream:
                    if stream.tell() and not _ends_a_line(self.path):
                        stream.write(b"\n")
                    stream.write("".join(_line(sha, row) + "\n" for sha, row
                                         in self._added.items()).encode("utf-8"))
        except OSError:
            pass  # a cache that cannot be written is only slower
        self._added.clear()


def _line(sha: str, row: list[Any]) -> str:
    return json.dumps([sha, row], ensure_ascii=False, separators=(",", ":"))


def _ends_a_line(path: Path) -> bool:
    with path.open("rb") as stream:
        stream.seek(-1, os.SEEK_END)
        return stream.read(1) == b"\n"


def code_key() -> str:
    """A hash of the builder's own files (code and data): a new version may read a seed
    differently."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for folder, folders, files in sorted(os.walk(package)):
        folders[:] = sorted(name for name in folders if name != "__pycache__")
        for name in sorted(files):
            if not name.endswith((".pyc", ".pyo")):
                path = os.path.join(folder, name)
                digest.update(f"{os.path.relpath(path, package)}\0".encode())
                with contextlib.suppress(OSError), open(path, "rb") as stream:
                    digest.update(stream.read())
    return digest.hexdigest()


class SeedFailures:
    """Seeds that could not be read, by name: their size, times, inode and sha256, and why.

    A seed that failed and has not changed since (same size and times; or the same size,
    modification time and sha256 when only its change time or inode differ, as after a
    copy) fails again without being read, for the same reasons, as long as nothing else that
    reading depends on changed: the builder's own files, the reference date and the settings
    (`context`). Its modification time is one such input (a relative stamp, "5 hours ago",
    counts back from it): a seed whose mtime changed is read again. So a build with a few
    bad seeds and nothing new does not load the readers and extractors just to say the same
    thing again.
    """

    def __init__(self, root: Path, context: str) -> None:
        self.path = root / CACHE_DIR / SEEDS_FILE
        self.context = context
        self.recorded: dict[str, tuple[FileStat, str, str]] = {}
        self.written_ns = 0
        self.found: dict[str, tuple[FileStat, str, str]] = {}
        #: the file is there but not for this context (rewritten, even if empty)
        self.stale = self.path.exists()
        try:
            data = json.loads(self.path.read_bytes())
            if data.get("version") != _SEEDS_VERSION or data.get("context") != context:
                return
            written = int(data["written_ns"])
            recorded = {}
            for seed, (size, mtime, ctime, inode, sha, detail) in data["seeds"].items():
                if not (isinstance(seed, str) and isinstance(sha, str)
                        and isinstance(detail, str)):
                    return
                recorded[seed] = (FileStat(int(size), int(mtime), int(ctime), int(inode)),
                                  sha, detail)
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return
        self.recorded, self.written_ns, self.stale = recorded, written, False

    def known(self, seed: str, path: Path) -> str | None:
        """Why the seed failed, if it failed before and is unchanged; else None (read it)."""
        entry = self.recorded.get(seed)
        if entry is None:
            return None
        try:
            stat = FileStat.of(os.stat(path))
            if entry[0] == stat and max(stat.mtime_ns, stat.ctime_ns) < (
                    self.written_ns - RACY_NS):
                self.found[seed] = entry
                return entry[2]
            if (stat.size, stat.mtime_ns) != (entry[0].size, entry[0].mtime_ns) or (
                    _file_sha256(path) != entry[1]):
                return None
        except OSError:
            return None
        self.found[seed] = (stat, entry[1], entry[2])
        return entry[2]

    def failed(self, seed: str, path: Path, detail: str) -> None:
        """Record a seed that failed (read again now, for its sha256)."""
        try:
            stat = FileStat.of(os.stat(path))
            sha = _file_sha256(path)
            if FileStat.of(os.stat(path)) == stat:
                self.found[seed] = (stat, sha, detail)
        except OSError:
            pass

    def save(self) -> None:
        if self.found == self.recorded and not self.stale:
            return
        rows = {seed: [*stat.row(), sha, detail]
                for seed, (stat, sha, detail) in sorted(self.found.items())}
        data = {"version": _SEEDS_VERSION, "context": self.context,
                "written_ns": time.time_ns(), "seeds": rows}
        with contextlib.suppress(OSError):
            _write(self.path, json.dumps(data, ensure_ascii=False,
                                         separators=(",", ":")).encode("utf-8"))


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 16):
            digest.update(chunk)
    return digest.hexdigest()
