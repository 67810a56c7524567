"""What the builder remembers of what it wrote: `<events_dir>/.timeline-state`.

One small text file, committed with the pages: one line per seed,

    seed<TAB>page<TAB>sha256 of the page as written<TAB>article fingerprint<TAB>reference date

From it the builder knows that a page whose bytes differ was edited by a person (and is
kept), that a seed whose page is gone was deleted on purpose (and is not brought back), that
a new seed is a copy of an article it already has, and which reference date a page was
built with (so `--restore` and `--force` rebuild the same date).

The lines are sorted and the file ends with an `# end` line, so a file cut short is seen as
damaged (and then no seed it might have listed is built as new: a page deleted by hand never
comes back because of a damaged file). During a build each entry is appended after the
`# end` line *before* its page is written (a journal); at the end the file is rewritten
sorted. On the next start, `StateFile.recover` keeps, for each seed, the last entry whose
page holds exactly the bytes recorded: a build killed (or stopped by a full disk) at any
moment leaves pages and state that agree. Lines are independent and `.gitattributes` marks
the file `merge=union`, so branches that add different seeds merge cleanly; for a seed
listed twice, the entry that matches its page wins.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from builder.store import write_atomic

STATE_FILE = ".timeline-state"
#: Written by builds before the lock moved to the events folder itself; ignored now.
LOCK_FILE = ".timeline.lock"
_HEADER = ("# timeline state v2. Written by `timeline build`: seed, page, sha256 of the page "
           "as written, article fingerprint, reference date.\n# Commit it with the pages. "
           "Edit pages, not this file.\n")
_END = "# end\n"
#: How the state files of earlier versions (no `# end` line) start.
_OLD_HEADER = "# Written by `timeline build`"
_SHA = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class Written:
    """What the builder wrote for one seed."""

    page: str
    sha256: str
    fingerprint: str
    reference: dt.date | None

    def line(self, seed: str) -> str:
        reference = self.reference.isoformat() if self.reference else ""
        return f"{seed}\t{self.page}\t{self.sha256}\t{self.fingerprint}\t{reference}\n"


class BuildLocked(Exception):
    """Another build holds the lock on this events folder."""


@dataclass
class StateFile:
    """The state file as read: every entry in file order, and what was wrong with it."""

    #: seed -> [(entry, committed)]: committed entries precede the `# end` line; the others
    #: are the journal of a build that did not finish.
    entries: dict[str, list[tuple[Written, bool]]] = field(default_factory=dict)
    #: One line each, naming the file, the line and what to do.
    problems: list[str] = field(default_factory=list)
    #: Why the file cannot be trusted to list every seed built (cut short), else None.
    damaged: str | None = None
    #: Whether the file is as a finished build leaves it (sorted v2 file, no journal).
    clean: bool = True

    def latest(self) -> dict[str, Written]:
        """seed -> its last entry (what a reader that does not look at pages should use)."""
        return {seed: found[-1][0] for seed, found in self.entries.items()}

    def recover(self, page_sha: Mapping[str, str]) -> dict[str, Written]:
        """seed -> the entry that agrees with the pages on disk (page path -> sha256 now).

        The last entry whose page holds exactly its bytes wins. Otherwise the last committed
        entry (the page was since edited or deleted by a person); a seed with only journal
        entries and no such page was never built (its page write did not happen).
        """
        state: dict[str, Written] = {}
        for seed, found in self.entries.items():
            chosen = next((written for written, _ in reversed(found)
                           if page_sha.get(written.page) == written.sha256), None)
            if chosen is None:
                committed = [written for written, done in found if done]
                chosen = committed[-1] if committed else None
            if chosen is not None:
                state[seed] = chosen
        return state


def _safe_page(page: str) -> bool:
    """A page path the builder may write: relative, inside the events folder, `.md`."""
    # Plain string tests (as PurePosixPath's `is_absolute` and `parts`): cheap for 10,000.
    return (bool(page) and not page.startswith("/") and ".." not in page.split("/")
            and "\\" not in page and page.endswith(".md"))


def read_state(events_dir: Path, label: str | None = None) -> StateFile:
    """Read the state file; a missing file is an empty state. Never raises on bad content."""
    path = events_dir / STATE_FILE
    name = label or str(path)
    result = StateFile()
    try:
        text = path.read_bytes().decode("utf-8", errors="replace")
    except FileNotFoundError:
        result.clean = False
        return result
    except OSError as error:
        result.damaged = f"{name}: cannot be read ({error.strerror}); fix its permissions"
        return result
    lines = text.splitlines(keepends=True)
    versioned = text.startswith("# timeline state v2")
    committed = True  # until `# end` (an old file has none: every line counts)
    ended = False
    for number, line in enumerate(lines, 1):
        if line == _END:
            committed, ended = False, True
            continue
        if line.startswith("#") or not line.strip():
            continue
        parts = line.rstrip("\n").split("\t")
        last = number == len(lines)
        if not line.endswith("\n") or len(parts) != 5 or not _SHA.match(parts[2]):
            if not (last and not committed):  # a journal line cut by a kill is expected
                result.problems.append(f"{name}:{number}: not a state entry, skipped (expected "
                                       "5 tab-separated fields; edit pages, not this file)")
            continue
        seed, page, sha, fingerprint, reference = parts
        if not _safe_page(page):
            result.problems.append(f"{name}:{number}: page {page!r} is outside the events "
                                   "folder, entry ignored (remove the line, or restore the "
                                   "file from git)")
            continue
        try:
            day = dt.date.fromisoformat(reference) if reference else None
        except ValueError:
            day = None
        result.entries.setdefault(seed, []).append(
            (Written(page, sha, fingerprint, day), committed))
    result.clean = (versioned and ended and not result.problems
                    and all(done for found in result.entries.values() for _, done in found))
    if not versioned and not text.startswith(_OLD_HEADER):
        why = "empty" if not text.strip() else "it does not start with its header"
    elif versioned and not ended:
        why = "cut short: no `# end` line"
    else:
        return result
    result.damaged = (f"{name}: damaged ({why}), so seeds it does not list are not built, "
                      "and no page deleted by hand comes back; restore it from git (`git "
                      "checkout -- <file>`), or delete it to build every seed that has no page")
    return result


def load_state(events_dir: Path) -> dict[str, Written]:
    """seed -> what was last recorded for it (for readers that do not write pages)."""
    return read_state(events_dir).latest()


def state_bytes(state: Mapping[str, Written]) -> bytes:
    body = "".join(written.line(seed) for seed, written in sorted(state.items()))
    return (_HEADER + body + _END).encode("utf-8")


def save_state(events_dir: Path, state: Mapping[str, Written], sync: bool = True) -> bool:
    """Rewrite the state file sorted (stable, mergeable), if its content changed (True)."""
    data = state_bytes(state)
    path = events_dir / STATE_FILE
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    write_atomic(path, data, sync=sync)
    return True


class Journal:
    """The state in memory; each change is appended to the state file at once.

    Call `record` *before* writing the page it describes: a build stopped between the two
    leaves an entry that `StateFile.recover` sets aside, never a page taken for a hand edit.
    """

    def __init__(self, events_dir: Path, state: dict[str, Written], clean: bool = True,
                 frozen: bool = False) -> None:
        self.events_dir = events_dir
        self.state = state
        #: True: keep changes in memory only, never touch the file (it is damaged, and
        #: rewriting it would lose the sign of that)
        self.frozen = frozen
        #: False: rewrite the file sorted before the first append (a new file, an old
        #: format, or the journal of an interrupted build)
        self._clean = clean
        self._stream: IO[str] | None = None
        #: page -> the seeds recorded for it (kept in step with `state`)
        self._seeds_of: dict[str, set[str]] = {}
        for seed, written in state.items():
            self._seeds_of.setdefault(written.page, set()).add(seed)

    def seeds_of(self, page: str) -> list[str]:
        """The seeds recorded for a page, sorted."""
        return sorted(self._seeds_of.get(page, ()))

    def record(self, seed: str, written: Written) -> None:
        previous = self.state.get(seed)
        if previous == written:
            return
        self._append(written.line(seed))
        if previous is not None:
            self._seeds_of[previous.page].discard(seed)
        self.state[seed] = written
        self._seeds_of.setdefault(written.page, set()).add(seed)

    def forget(self, seed: str, previous: Written | None) -> None:
        """Undo a `record` whose page write failed (the file keeps the line; `recover` sets it
        aside on the next start)."""
        current = self.state.pop(seed, None)
        if current is not None:
            self._seeds_of[current.page].discard(seed)
        if previous is not None:
            self.state[seed] = previous
            self._seeds_of.setdefault(previous.page, set()).add(seed)

    def _append(self, line: str) -> None:
        if self.frozen:
            return
        if self._stream is None:
            path = self.events_dir / STATE_FILE
            if not self._clean:
                save_state(self.events_dir, self.state)
                self._clean = True
            self._stream = path.open("a", encoding="utf-8")
            if not _ends_a_line(path):
                self._stream.write("\n")  # after a half line an earlier failure left
        try:
            self._stream.write(line)
            self._stream.flush()  # in the OS's hands: a kill of this process cannot lose it
        except OSError:
            # A full disk: drop what the buffer holds (it would be written on a later flush,
            # after the failure was reported); a half line is set aside on the next start.
            stream, self._stream = self._stream, None
            with contextlib.suppress(OSError):
                stream.close()
            raise

    def abandon(self) -> None:
        """Stop without rewriting the file: the journal stays for `StateFile.recover`."""
        if self._stream is not None:
            self._stream.close()
            self._stream = None

    def close(self, sync: bool = True) -> bool:
        """Rewrite the file sorted, ending the journal; True if the file changed."""
        if self._stream is not None:
            self._stream.close()
            self._stream = None
        return not self.frozen and save_state(self.events_dir, self.state, sync=sync)


def _ends_a_line(path: Path) -> bool:
    with path.open("rb") as stream:
        if stream.seek(0, os.SEEK_END) == 0:
            return True
        stream.seek(-1, os.SEEK_END)
        return stream.read(1) == b"\n"


@contextmanager
def build_lock(events_dir: Path) -> Iterator[None]:
    """Hold the build lock of an events folder, or raise BuildLocked at once.

    An OS lock on the events folder itself (not on a file in it, which `git clean` or a person
    could delete while a build runs): released when the process ends, however it ends.
    """
    events_dir.mkdir(parents=True, exist_ok=True)
    handle = os.open(events_dir, os.O_RDONLY | os.O_DIRECTORY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise BuildLocked(f"another `timeline build` is running on {events_dir}; wait "
                              "for it to finish, then run it again") from error
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        os.close(handle)
