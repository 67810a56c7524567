"""Event pages on disk: load and validate, name, write atomically, save edited copies.

What the builder remembers of what it wrote lives in `state.py`.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from slugify import slugify

from builder.cache import FileStat, PageHashes, ParsedEvents
from builder.model import Event, Problem, parse_event

#: Longest slug, in characters (the title itself is kept whole in the page).
SLUG_MAX_CHARS = 60


@dataclass
class PageIndex:
    """Every event page under the events folder, read and validated."""

    events: list[Event] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: seed file name -> page path (relative to the events folder)
    by_seed: dict[str, str] = field(default_factory=dict)
    #: every page path, readable or not
    paths: set[str] = field(default_factory=set)
    #: page path -> sha256 of its bytes as they are on disk now
    sha256: dict[str, str] = field(default_factory=dict)
    #: page path -> the event it holds (readable pages only)
    by_path: dict[str, Event] = field(default_factory=dict)
    #: pages not parsed, because they hold exactly what the builder wrote: page -> seeds
    unparsed: dict[str, list[str]] = field(default_factory=dict)

    def readable(self, page: str) -> bool:
        """Whether a page is there and holds an event (parsed or not yet)."""
        return page in self.by_path or page in self.unparsed

    def parse_rest(self, events_dir: Path, label_root: Path | None = None,
                   parsed: ParsedEvents | None = None) -> list[Problem]:
        """Parse the pages skipped so far (their events are needed); return new problems.
        A page whose bytes `parsed` holds the event of is not read at all."""
        problems: list[Problem] = []
        for relative in sorted(self.unparsed):
            sha = self.sha256.get(relative)
            cached = parsed.get(sha) if parsed is not None and sha is not None else None
            if cached is not None:
                cached.path = relative
                self.events.append(cached)
                self.by_path[relative] = cached
                continue
            path = events_dir / relative
            label = _label(path, label_root)
            try:
                data = path.read_bytes()
                text = data.decode("utf-8")
            except (OSError, UnicodeDecodeError) as error:
                problems.append(Problem(label, 1, "file", f"cannot be read: {error} "
                                                          "(expected a UTF-8 text file)"))
                continue
            event, found = parse_event(text, label)
            problems.extend(found)
            if parsed is not None and event is not None and not found:
                parsed.add(digest(data), event)
            if event is not None:
                event.path = relative
                self.events.append(event)
                self.by_path[relative] = event
        self.unparsed.clear()
        self.events.sort(key=lambda event: event.path or "")
        self.problems.extend(problems)
        return problems


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def page_files(events_dir: Path) -> list[tuple[str, Path]]:
    """(path relative to the events folder, file) of every event page, sorted by the relative
    path; hidden files and folders are skipped."""
    return [(relative, Path(path)) for relative, path in _page_paths(events_dir)]


def _page_paths(events_dir: Path) -> list[tuple[str, str]]:
    """`page_files` as plain strings, not `relative_to` nor `Path` objects, so that listing
    10,000 pages stays cheap."""
    found: list[tuple[str, str]] = []
    if not events_dir.is_dir():
        return found
    root = str(events_dir)
    for folder, folders, files in os.walk(root):
        folders[:] = [name for name in folders if not name.startswith(".")]
        prefix = folder[len(root) + 1:].replace(os.sep, "/")
        for name in files:
            if name.endswith(".md") and not name.startswith("."):
                relative = f"{prefix}/{name}" if prefix else name
                found.append((relative, os.path.join(folder, name)))
    found.sort()
    return found


def iter_pages(events_dir: Path) -> Iterator[Path]:
    """Event page files, in a stable order (hidden files and folders are skipped)."""
    for _, path in page_files(events_dir):
        yield path


def hash_pages(events_dir: Path, known: PageHashes | None = None) -> dict[str, str]:
    """page path -> sha256 of its bytes, for every page that can be read. A page that
    `known` says is unchanged (by its size and times) is not read; every page hashed is
    recorded in it."""
    hashes: dict[str, str] = {}
    for relative, path in _page_paths(events_dir):
        try:
            if known is None:
                with open(path, "rb") as stream:
                    hashes[relative] = digest(stream.read())
                continue
            stat = FileStat.of(os.stat(path))
            sha = known.sha256(relative, stat)
            if sha is None:
                with open(path, "rb") as stream:
                    data = stream.read()
                    after = FileStat.of(os.fstat(stream.fileno()))
                sha = digest(data)
                if after != stat:  # changed while read: do not remember it
                    hashes[relative] = sha
                    continue
            hashes[relative] = sha
            known.record(relative, stat, sha)
        except OSError:
            continue  # load_pages reports it
    return hashes


def load_pages(events_dir: Path, label_root: Path | None = None,
               owners: Mapping[str, str] | None = None,
               trusted: Mapping[str, tuple[str, list[str]]] | None = None,
               hashes: Mapping[str, str] | None = None,
               parsed: ParsedEvents | None = None) -> PageIndex:
    """Read every event page. Problems name each page relative to `label_root`.

    A seed cited by two pages belongs to the one `owners` (seed -> page, from the state
    file) names, else to the first in path order; the other page gets the problem.
    `trusted` (page -> (sha256, seeds)) names pages the builder wrote: one whose bytes still
    have that sha256 is not parsed (see `PageIndex.parse_rest`), its seeds are taken as given;
    with `hashes` (from `hash_pages` just before) such a page is not even read again.
    `parsed` (the cache of parsed events, by the sha256 of the page's bytes): a page whose
    bytes it holds the event of is not parsed, and a page parsed without a problem is added
    to it (the caller saves it). Same events, same problems, with or without it.
    """
    index = PageIndex()
    citing: dict[str, list[str]] = {}
    #: page -> its label and the line of its sources (0: not known yet, see `_sources_line`)
    labels: dict[str, tuple[str, int]] = {}
    for relative, path in _page_paths(events_dir):
        index.paths.add(relative)
        known = (trusted or {}).get(relative)
        if known is not None and (hashes or {}).get(relative) == known[0]:
            index.sha256[relative] = known[0]
            index.unparsed[relative] = known[1]
            labels[relative] = (_label(path, label_root), 1)
            for seed in known[1]:
                citing.setdefault(seed, []).append(relative)
            continue
        label = _label(path, label_root)
        try:
            with open(path, "rb") as stream:
                data = stream.read()
            index.sha256[relative] = sha = digest(data)
            if known is not None and known[0] == sha:
                index.unparsed[relative] = known[1]
                labels[relative] = (label, 1)
                for seed in known[1]:
                    citing.setdefault(seed, []).append(relative)
                continue
            event = parsed.get(sha) if parsed is not None else None
            line = 0
            if event is None:
                text = data.decode("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            index.problems.append(Problem(label, 1, "file", f"cannot be read: {error} "
                                                            "(expected a UTF-8 text file)"))
            continue
        if event is None:
            event, problems = parse_event(text, label)
            index.problems.extend(problems)
            if event is None:
                continue
            if parsed is not None and not problems:
                parsed.add(sha, event)
            line = _key_line(text, "sources")
        event.path = relative
        index.events.append(event)
        index.by_path[relative] = event
        labels[relative] = (label, line)
        for seed in dict.fromkeys(event.seeds):
            citing.setdefault(seed, []).append(relative)
    for seed, pages in citing.items():
        owner = (owners or {}).get(seed)
        owner = owner if owner in pages else pages[0]
        index.by_seed[seed] = owner
        for page in pages:
            if page != owner:
                label, line = labels[page]
                if not line:  # an event from the cache: read its page for the line
                    line = _sources_line(events_dir / page)
                index.problems.append(Problem(
                    label, line, "sources",
                    f"seed {seed!r} is also a source of {labels[owner][0]} (expected each "
                    "seed in one event page only: merge the two pages or remove one source)"))
    index.problems.sort(key=lambda problem: (problem.path, problem.line))
    return index


def _sources_line(path: Path) -> int:
    """The line of a page's `sources` key (1 if the page cannot be read)."""
    try:
        return _key_line(path.read_bytes().decode("utf-8"), "sources")
    except (OSError, UnicodeDecodeError):
        return 1


def _key_line(text: str, key: str) -> int:
    """The line of a top-level front-matter key (1 if not found)."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith(f"{key}:"):
            return number
    return 1


def _label(path: Path | str, root: Path | None) -> str:
    """The path relative to `root` if it is inside (string prefix: cheap for many pages)."""
    text, prefix = str(path), f"{root}{os.sep}"
    if root is None or not text.startswith(prefix):
        return text
    return text[len(prefix):].replace(os.sep, "/")


def slug_for(title: str) -> str:
    """A short, stable, readable slug for a title, in any script."""
    slug = slugify(title)
    if len(slug) > SLUG_MAX_CHARS:
        cut = slug[:SLUG_MAX_CHARS + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else slug[:SLUG_MAX_CHARS]
    return slug.strip("-") or "event"


def page_path_for(event: Event, taken: set[str]) -> str:
    """`YYYY/YYYY-MM-DD-slug.md`, made unique among `taken` with -2, -3, ..."""
    stem = f"{event.date.year:04d}/{event.date.isoformat()}-{slug_for(event.title)}"
    candidate = f"{stem}.md"
    number = 2
    while candidate in taken:
        candidate = f"{stem}-{number}.md"
        number += 1
    return candidate


def new_file_mode() -> int:
    """The mode `open()` gives a new file: 0666 less the umask (0644 under umask 022)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: Path, data: bytes, sync: bool = True) -> None:
    """Write a file so that a reader (or a crash) never sees it half-written.

    Written to a temporary file beside it, then renamed over it. The file keeps the mode of
    the one it replaces, or gets the umask's (never mkstemp's 0600). `sync=False` leaves the
    fsync to the caller, once for a whole batch (`sync_folders`).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = new_file_mode()
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            os.fchmod(stream.fileno(), mode)
            stream.write(data)
            stream.flush()
            if sync:
                os.fsync(stream.fileno())
        os.replace(temporary, path)
        if sync:
            sync_folders([path.parent])
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def sync_folders(folders: Iterable[Path], everything: bool = False) -> None:
    """Make renames in these folders durable; `everything` first flushes every written file
    to disk (one `sync` for a batch of `write_atomic(sync=False)`, not one fsync per file)."""
    if everything:
        os.sync()
    for folder in sorted(set(folders)):
        try:
            handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            continue
        try:
            os.fsync(handle)
        except OSError:
            pass  # some file systems cannot sync a folder; the data itself is synced
        finally:
            os.close(handle)


class OutsideError(Exception):
    """A page path that leads out of the events folder (a link, or a bad state entry)."""

    def __init__(self, target: Path) -> None:
        super().__init__(f"leads to {target}, outside the events folder")
        self.target = target


def inside(events_dir: Path, relative: str) -> Path:
    """The page's path, or OutsideError when it (or a link on the way) leads outside."""
    target = (events_dir / relative).resolve()
    if not target.is_relative_to(events_dir.resolve()):
        raise OutsideError(target)
    return target


def write_page(events_dir: Path, relative: str, data: bytes, sync: bool = False) -> None:
    """Write a page's bytes (atomically) inside the events folder."""
    write_atomic(inside(events_dir, relative), data, sync=sync)


def save_copy(events_dir: Path, relative: str, backup_dir: Path) -> Path:
    """Copy a page (before it is replaced) to `backup_dir/relative`; return the copy's path."""
    target = backup_dir / relative
    write_atomic(target, inside(events_dir, relative).read_bytes())
    return target


def remove_temporary_files(events_dir: Path) -> None:
    """Remove what an interrupted atomic write left behind (`.name.XXXX.tmp`)."""
    if events_dir.is_dir():
        for path in events_dir.rglob(".*.tmp"):
            path.unlink(missing_ok=True)
