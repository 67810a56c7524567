"""What the builder remembers of what it wrote: `<events_dir>/.timeline-state`.

One small text file, committed with the pages: one line per seed,

    seed<TAB>page<TAB>sha256 of the page as written<TAB>article fingerprint<TAB>reference date

From it the builder knows that a page whose bytes differ was edited by a person (and is
kept), that a seed whose page is gone was deleted on purpose (and is not brought back), that
a new seed is a copy of an article it already has, and which reference date a page was
built with (so `--restore` and `--force` rebuild the same date).

During a build each page written is appended to the file at once (a journal), so a build
killed at any moment leaves a state that matches the pages; at the end the file is rewritten
sorted. Lines are independent and `.gitattributes` marks the file `merge=union`, so branches
that add different seeds merge cleanly; a seed listed twice keeps its last line.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO

from builder.store import write_atomic

STATE_FILE = ".timeline-state"
LOCK_FILE = ".timeline.lock"
_HEADER = ("# Written by `timeline build`: seed, page, sha256 of the page as written, article "
           "fingerprint, reference date.\n# Commit it with the pages. Edit pages, not this "
           "file.\n")
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


def load_state(events_dir: Path) -> dict[str, Written]:
    """seed -> what was written for it. Broken lines (an interrupted append) are skipped."""
    path = events_dir / STATE_FILE
    state: dict[str, Written] = {}
    if not path.is_file():
        return state
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        parts = line.rstrip("\n").split("\t")
        if line.startswith("#") or not line.endswith("\n") or len(parts) != 5:
            continue
        seed, page, sha, fingerprint, reference = parts
        if not _SHA.match(sha):
            continue
        try:
            day = dt.date.fromisoformat(reference) if reference else None
        except ValueError:
            day = None
        state[seed] = Written(page, sha, fingerprint, day)
    return state


def save_state(events_dir: Path, state: dict[str, Written]) -> None:
    """Rewrite the state file sorted (stable, mergeable), if its content changed."""
    data = (_HEADER + "".join(written.line(seed) for seed, written in sorted(state.items()))
            ).encode("utf-8")
    path = events_dir / STATE_FILE
    if path.is_file() and path.read_bytes() == data:
        return
    write_atomic(path, data)


class Journal:
    """Appends to the state file as pages are written, and keeps the state in memory."""

    def __init__(self, events_dir: Path, state: dict[str, Written]) -> None:
        self.events_dir = events_dir
        self.state = state
        self._stream: IO[str] | None = None

    def record(self, seed: str, written: Written) -> None:
        if self.state.get(seed) == written:
            return
        self.state[seed] = written
        if self._stream is None:
            path = self.events_dir / STATE_FILE
            self.events_dir.mkdir(parents=True, exist_ok=True)
            needs_header = not path.is_file()
            self._stream = path.open("a", encoding="utf-8")
            if needs_header:
                self._stream.write(_HEADER)
            elif path.stat().st_size and not path.read_bytes().endswith(b"\n"):
                self._stream.write("\n")  # end a line an interrupted build left half-written
        self._stream.write(written.line(seed))
        self._stream.flush()

    def page_rewritten(self, page: str, sha256: str) -> None:
        """A page was written again: every seed recorded for it gets the new sha256."""
        for seed, written in list(self.state.items()):
            if written.page == page and written.sha256 != sha256:
                self.record(seed, replace(written, sha256=sha256))

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()
            self._stream = None
        save_state(self.events_dir, self.state)


@contextmanager
def build_lock(events_dir: Path) -> Iterator[None]:
    """Hold the build lock of an events folder, or raise BuildLocked at once.

    An OS file lock: released when the process ends, however it ends (even kill -9).
    """
    events_dir.mkdir(parents=True, exist_ok=True)
    path = events_dir / LOCK_FILE
    with path.open("a") as handle:  # stays empty: a rebuild changes no byte
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise BuildLocked(f"another `timeline build` is running on {events_dir}; wait "
                              "for it to finish, then run it again") from error
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
