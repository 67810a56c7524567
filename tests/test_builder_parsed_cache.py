"""`timeline build` reads the pages edited by hand through the cache of parsed events.

A page the builder wrote and nobody changed is not parsed at all (its state vouches for
it); a page edited by hand used to be parsed again on every build. The builder now takes its
event from `.cache/timeline/events.jsonl` (by the sha256 of its bytes) when a build or the
plugin parsed those bytes before, decoding only those lines of the file
(`ParsedEvents.want`). A hand edit still shows, a damaged cache is not trusted and is
written again, and the pages are never touched by it.

Builds run in process (`pipeline.Builder`), on real files (fictional seeds of
`tests/fixtures/grouping`) in temporary projects.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from builder import cache, pipeline
from builder.config import load_settings
from builder.model import Event, parse_event

GROUPING = Path(__file__).resolve().parent / "fixtures" / "grouping"
REFERENCE = dt.date(2026, 11, 26)
CACHE_FILE = cache.CACHE_DIR / cache.EVENTS_FILE
NOTE = "A note added by hand: the ferry office in Velmora confirmed the timetable."


def build(project: Path) -> pipeline.Builder:
    builder = pipeline.Builder(load_settings(project / "mkdocs.yml"), REFERENCE)
    report = builder.run()
    assert not report.failed, [str(r) for r in report.seeds]
    return builder


def pages(project: Path) -> list[Path]:
    return sorted((project / "content" / "events").rglob("*.md"))


def events_tree(project: Path) -> dict[str, bytes]:
    """Every file of the events folder but the lock: what a build must never lose."""
    folder = project / "content" / "events"
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()
            and path.name != ".timeline.lock"}


def cache_rows(project: Path) -> dict[str, list[object]]:
    lines = (project / CACHE_FILE).read_text(encoding="utf-8").splitlines()
    return {sha: row for sha, row in map(json.loads, lines[1:])}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def edit_by_hand(page: Path) -> None:
    """A reader's edit: a sentence added at the end of the article."""
    page.write_text(page.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{NOTE}\n",
                    encoding="utf-8")


@pytest.fixture
def edited(bare_project: Path) -> tuple[Path, Path]:
    """A project built from four seeds, one page of it then edited by hand and built
    again (which parses it and keeps its event in the cache): the project, the page."""
    for seed in sorted(GROUPING.glob("*.txt"))[:4]:
        shutil.copy2(seed, bare_project / "seeds" / seed.name)
    build(bare_project)
    page = pages(bare_project)[0]
    edit_by_hand(page)
    builder = build(bare_project)
    relative = page.relative_to(bare_project / "content" / "events").as_posix()
    assert NOTE in builder.index.by_path[relative].body
    assert sha(page) in cache_rows(bare_project)
    return bare_project, page


def relative(project: Path, page: Path) -> str:
    return page.relative_to(project / "content" / "events").as_posix()


def test_a_page_edited_by_hand_is_read_from_the_cache_on_the_next_build(
        edited: tuple[Path, Path]) -> None:
    project, page = edited
    # An entry changed in the cache (kept well-formed) is what the next build sees: the
    # builder took the event from the cache, not from parsing the page.
    rows = cache_rows(project)
    row = rows[sha(page)]
    assert isinstance(row, list)
    row[0] = f"{row[0]} (from the cache)"
    header = (project / CACHE_FILE).read_text(encoding="utf-8").splitlines()[0]
    (project / CACHE_FILE).write_text("\n".join(
        [header, *(json.dumps([key, value]) for key, value in rows.items())]) + "\n",
        encoding="utf-8")
    before = events_tree(project)
    builder = build(project)
    assert builder.index.by_path[relative(project, page)].title.endswith("(from the cache)")
    assert events_tree(project) == before  # the cache is read, never written into pages


def test_a_second_hand_edit_shows_though_the_page_keeps_its_size_and_times(
        edited: tuple[Path, Path]) -> None:
    project, page = edited
    text = page.read_text(encoding="utf-8")
    stat = os.stat(page)
    changed = text.replace("Velmora", "VELMORA")
    assert changed != text and len(changed) == len(text)
    page.write_text(changed, encoding="utf-8")
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    builder = build(project)
    assert "VELMORA" in builder.index.by_path[relative(project, page)].body
    event, problems = parse_event(changed, "page.md")
    assert event is not None and not problems
    assert cache_rows(project)[sha(page)] == cache.event_row(event)


DAMAGE: dict[str, Callable[[str], str]] = {
    "the edited page's line cut short": lambda line: line[:50],
    "the edited page's row not an event": lambda line: json.dumps(
        [json.loads(line)[0], [1, 2, 3]]),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_cache_is_not_trusted_and_is_written_again(
        edited: tuple[Path, Path], tmp_path: Path, damage: str) -> None:
    project, page = edited
    lines = (project / CACHE_FILE).read_text(encoding="utf-8").splitlines()
    (number,) = [n for n, line in enumerate(lines) if line.startswith(f'["{sha(page)}"')]
    lines[number] = DAMAGE[damage](lines[number])
    (project / CACHE_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    fresh = tmp_path / "fresh"
    shutil.copytree(project, fresh, symlinks=True)
    shutil.rmtree(fresh / ".cache")
    before = events_tree(project)
    builder, cold = build(project), build(fresh)
    assert NOTE in builder.index.by_path[relative(project, page)].body
    assert builder.index.events == cold.index.events
    assert builder.index.problems == cold.index.problems
    assert [str(r) for r in builder.report.seeds] == [str(r) for r in cold.report.seeds]
    assert events_tree(project) == before  # nothing lost
    assert cache_rows(project)[sha(page)] == cache.event_row(
        builder.index.by_path[relative(project, page)])
    for line in (project / CACHE_FILE).read_text(encoding="utf-8").splitlines():
        json.loads(line)  # rewritten whole


def test_a_build_with_a_new_seed_reads_every_page_it_needs_from_the_cache(
        edited: tuple[Path, Path], tmp_path: Path) -> None:
    """A new seed needs every event (to group it): the pages the builder wrote are read
    from the cache too, after the lines of the edited page alone were read; the pages and
    state are those a build without any cache writes."""
    project, _ = edited
    seed = sorted(GROUPING.glob("*.txt"))[4]
    shutil.copy2(seed, project / "seeds" / seed.name)
    fresh = tmp_path / "fresh"
    shutil.copytree(project, fresh, symlinks=True)
    shutil.rmtree(fresh / ".cache")
    warm, cold = build(project), build(fresh)
    assert [str(r) for r in warm.report.seeds] == [str(r) for r in cold.report.seeds]
    assert events_tree(project) == events_tree(fresh)
    assert warm.index.events == cold.index.events


def event_of(number: int) -> Event:
    event, problems = parse_event(
        f"---\ntitle: Ostrakan lantern fair {number}\ndate: 2025-0{number % 9 + 1}-12\n"
        f"summary: The lantern fair of Ostrakan opened for the {number}th time.\n---\n\n"
        f"Dr Ilse Varnholt lit the first lantern ({number}).\n", "page.md")
    assert event is not None and not problems
    return event


def test_wanting_some_pages_reads_only_their_lines_and_loses_none(tmp_path: Path) -> None:
    parsed = cache.ParsedEvents(tmp_path)
    events = {f"{number:064x}": event_of(number) for number in range(1, 6)}
    for key, event in events.items():
        parsed.add(key, event)
    parsed.save(events)
    keys = sorted(events)
    whole = (tmp_path / CACHE_FILE).read_text(encoding="utf-8")
    lines = whole.splitlines()
    assert sorted(json.loads(line)[0] for line in lines[1:]) == keys
    wanted = cache.ParsedEvents(tmp_path)
    wanted.want(keys[:2])
    assert [wanted.get(key) for key in keys[:2]] == [events[key] for key in keys[:2]]
    assert wanted.damage is None
    # Another page asked for: every line is read.
    assert wanted.get(keys[4]) == events[keys[4]]
    # A damaged line of a page not wanted is not decoded: the wanted pages are served; when
    # every line is read, it is found, and none of the file is trusted.
    cut = next(n for n, line in enumerate(lines) if line.startswith(f'["{keys[3]}"'))
    (tmp_path / CACHE_FILE).write_text("\n".join(
        [*lines[:cut], lines[cut][:70], *lines[cut + 1:]]) + "\n", encoding="utf-8")
    wanted = cache.ParsedEvents(tmp_path)
    wanted.want(keys[:2])
    assert [wanted.get(key) for key in keys[:2]] == [events[key] for key in keys[:2]]
    assert wanted.damage is None
    assert wanted.get(keys[4]) is None and wanted.damage is not None
    (tmp_path / CACHE_FILE).write_text(whole, encoding="utf-8")
    # Saving after a narrow read keeps every line, and the new one.
    narrow = cache.ParsedEvents(tmp_path)
    narrow.want(keys[:1])
    assert narrow.get(keys[0]) == events[keys[0]]
    extra = f"{99:064x}"
    narrow.add(extra, event_of(99))
    narrow.save([*keys, extra])
    again = cache.ParsedEvents(tmp_path)
    assert {key: again.get(key) for key in [*keys, extra]} == {**events, extra: event_of(99)}
