"""`mkdocs build` reads the event pages through the builder's cache of parsed events.

Real `mkdocs build` runs of a project of fictional events (invented towns and people from
`test_timeline_ui`): a build with a warm cache gives the same site, byte for byte, and the
same messages as a cold one; it takes its events from the cache; a hand edit shows up even
when the page keeps its size and times; a damaged cache is said (at the info level, through
the plugin's logger: nothing is lost, so `mkdocs build --strict` passes), not trusted, and
written again; another parser's cache is dropped quietly.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import run
from test_timeline_ui import fictional_events, make_project

from builder import cache
from builder.model import Event, parse_event, render_event
from builder.plugin import search

#: Pagefind's own files are not byte-reproducible; the explorer's index is (and is kept).
PAGEFIND_OWN = f"{search.BUNDLE_DIR}/"
EXPLORER_INDEX = f"{search.BUNDLE_DIR}/explorer/"
CACHE_FILE = cache.CACHE_DIR / cache.EVENTS_FILE


def cache_events() -> list[Event]:
    """Fictional events; one has a key the schema does not know (it is never cached), two
    cite the same seed (a problem whose line is read from the page), one is a draft."""
    events = fictional_events(40, dt.date(2023, 1, 1), dt.date(2025, 11, 30), seed=5)
    events[3].extra = {"mood": "sunny"}
    events[7].sources = [*events[7].sources, events[8].sources[0]]
    events[9].draft = True
    return events


def mkdocs(project: Path, site: Path) -> tuple[str, list[str]]:
    """Build (not --strict: two pages cite one seed); the output and the plugin's messages."""
    result = run([sys.executable, "-m", "mkdocs", "build", "-d", str(site)], project)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    return output, [line for line in output.splitlines() if "timeline:" in line
                    and "site_url" not in line]


def tree(site: Path) -> dict[str, bytes]:
    """Every file of a built site but Pagefind's own, gzip files decompressed."""
    files = {}
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if not path.is_file() or (relative.startswith(PAGEFIND_OWN)
                                  and not relative.startswith(EXPLORER_INDEX)):
            continue
        data = path.read_bytes()
        files[relative] = gzip.decompress(data) if relative.endswith(".gz") else data
    return files


def assert_same_site(got: Path, expected: Path) -> None:
    got_files, expected_files = tree(got), tree(expected)
    assert sorted(got_files.keys() ^ expected_files.keys()) == []
    assert [path for path in expected_files if got_files[path] != expected_files[path]] == []


def cached_shas(project: Path) -> list[str]:
    lines = (project / CACHE_FILE).read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0])["timeline-events"] == 1
    return [json.loads(line)[0] for line in lines[1:]]


@pytest.fixture(scope="module")
def cold(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[str]]:
    """A project built once with no cache: the project, its site, the plugin's messages."""
    base = tmp_path_factory.mktemp("cache")
    project = make_project(base / "proj", cache_events())
    assert not (project / ".cache").exists()
    _, messages = mkdocs(project, base / "cold-site")
    return project, base / "cold-site", messages


def copy(project: Path, tmp_path: Path, with_cache: bool = True) -> Path:
    target = tmp_path / "proj"
    shutil.copytree(project, target)
    if not with_cache:
        shutil.rmtree(target / ".cache")
    return target


def test_a_cold_build_fills_the_cache_with_every_page_parsed_without_a_problem(
        cold: tuple[Path, Path, list[str]]) -> None:
    project, _, messages = cold
    parsed = cache.ParsedEvents(project)
    clean = unclean = 0
    for page in sorted((project / "content" / "events").rglob("*.md")):
        event, problems = parse_event(page.read_text(encoding="utf-8"), str(page))
        cached = parsed.get(hashlib.sha256(page.read_bytes()).hexdigest())
        if event is not None and not problems:
            clean += 1
            assert cached == event, page
        else:  # the page with a key the schema does not know
            unclean += 1
            assert cached is None
    assert unclean == 1 and len(cached_shas(project)) == clean
    assert any("is also a source of" in message for message in messages)


def test_a_warm_build_is_byte_identical_and_takes_its_events_from_the_cache(
        cold: tuple[Path, Path, list[str]], tmp_path: Path) -> None:
    project, cold_site, cold_messages = cold
    warm = copy(project, tmp_path)
    before = (warm / CACHE_FILE).read_bytes()
    _, messages = mkdocs(warm, tmp_path / "warm-site")
    assert messages == cold_messages
    assert_same_site(tmp_path / "warm-site", cold_site)
    assert (warm / CACHE_FILE).read_bytes() == before  # nothing new: not written
    # The build reads the cache: an entry changed by hand (kept well-formed) is what shows.
    lines = before.decode("utf-8").splitlines()
    sha, row = json.loads(lines[1])
    marked = f"{row[0]} (from the cache)"
    row[0] = marked
    lines[1] = json.dumps([sha, row])
    (warm / CACHE_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    mkdocs(warm, tmp_path / "marked-site")
    assert any(marked.encode() in data for data in tree(tmp_path / "marked-site").values())


def test_a_hand_edit_shows_up_though_the_page_keeps_its_size_and_times(
        cold: tuple[Path, Path, list[str]], tmp_path: Path) -> None:
    project, _, _ = cold
    warm = copy(project, tmp_path)
    page = next(page for page in sorted((warm / "content" / "events").rglob("*.md"))
                if "council" in page.name and "mood" not in page.read_text(encoding="utf-8"))
    text = page.read_text(encoding="utf-8")
    event, problems = parse_event(text, str(page))
    assert event is not None and not problems
    old, new = "council", "COUNCIL"
    assert old in event.title
    stat = os.stat(page)
    edited = text.replace(f"title: {event.title}", f"title: {event.title.replace(old, new)}")
    assert edited != text and len(edited) == len(text)
    page.write_text(edited, encoding="utf-8")
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    mkdocs(warm, tmp_path / "warm-site")
    fresh = copy(warm, tmp_path / "fresh", with_cache=False)
    mkdocs(fresh, tmp_path / "cold-site")
    assert_same_site(tmp_path / "warm-site", tmp_path / "cold-site")
    assert any(event.title.replace(old, new).encode() in data
               for data in tree(tmp_path / "warm-site").values())
    assert len(cached_shas(warm)) == len(set(cached_shas(project))) + 1  # the new bytes


DAMAGE: dict[str, tuple[Callable[[list[bytes]], list[bytes]], str]] = {
    "header": (lambda lines: [b"\x00\xffnot json", *lines[1:]], "its first line"),
    "a line cut short": (lambda lines: [lines[0], lines[1][:40], *lines[2:]], "line 2 "),
    "a row not an event": (lambda lines: [lines[0], json.dumps(
        [json.loads(lines[1])[0], [1, 2, 3]]).encode(), *lines[2:]], "is not an event"),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_cache_is_said_ignored_and_written_again(
        cold: tuple[Path, Path, list[str]], tmp_path: Path, damage: str) -> None:
    project, cold_site, cold_messages = cold
    warm = copy(project, tmp_path)
    change, why = DAMAGE[damage]
    lines = (warm / CACHE_FILE).read_bytes().splitlines()
    (warm / CACHE_FILE).write_bytes(b"\n".join(change(lines)) + b"\n")
    output, messages = mkdocs(warm, tmp_path / "site")
    (said,) = [line for line in output.splitlines() if "events.jsonl" in line]
    assert said.startswith("INFO    -  timeline: .cache/timeline/events.jsonl: damaged (")
    assert why in said and "the cache is written again" in said
    assert "nothing is lost" in said
    assert [m for m in messages if "events.jsonl" not in m] == cold_messages
    assert_same_site(tmp_path / "site", cold_site)
    assert sorted(cached_shas(warm)) == sorted(set(cached_shas(project)))
    output, _ = mkdocs(warm, tmp_path / "again")  # rewritten: no warning
    assert "events.jsonl" not in output


def test_a_strict_build_passes_over_a_damaged_cache(tmp_path: Path) -> None:
    """`mkdocs build --strict` fails on any warning; a damaged cache asks nothing of the
    user (the pages are read instead), so it is not one: the strict build passes, says
    what happened, gives the site a cold build gives, and leaves a whole cache."""
    project = make_project(tmp_path / "proj", fictional_events(
        12, dt.date(2024, 3, 1), dt.date(2025, 10, 31), seed=11))
    result = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d",
                  str(tmp_path / "cold-site")], project)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = (project / CACHE_FILE).read_bytes().splitlines()
    (project / CACHE_FILE).write_bytes(b"\n".join([lines[0], lines[1][:25], *lines[2:]]))
    result = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d",
                  str(tmp_path / "site")], project)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output
    (said,) = [line for line in output.splitlines() if "events.jsonl" in line]
    assert said.startswith("INFO    -  timeline: .cache/timeline/events.jsonl: damaged (line 2 ")
    assert_same_site(tmp_path / "site", tmp_path / "cold-site")
    assert len(cached_shas(project)) == len(lines) - 1


def test_another_parsers_cache_is_dropped_without_a_word(
        cold: tuple[Path, Path, list[str]], tmp_path: Path) -> None:
    project, cold_site, _ = cold
    warm = copy(project, tmp_path)
    lines = (warm / CACHE_FILE).read_bytes().splitlines()
    header = json.dumps({"timeline-events": 1, "parser": "another"}).encode()
    (warm / CACHE_FILE).write_bytes(b"\n".join([header, *lines[1:]]) + b"\n")
    output, _ = mkdocs(warm, tmp_path / "site")
    assert "events.jsonl" not in output
    assert_same_site(tmp_path / "site", cold_site)
    assert json.loads((warm / CACHE_FILE).read_bytes().splitlines()[0])["parser"] != "another"


def test_a_page_written_back_from_its_event_is_read_from_the_cache_as_parsed(
        tmp_path: Path) -> None:
    """The cache's form of an event gives back the event a page parses to (so its site is
    the same): a round trip through `render_event`, `parse_event` and the cache."""
    parsed = cache.ParsedEvents(tmp_path)
    for event in cache_events():
        if event.extra:
            continue
        text = render_event(event)
        again, problems = parse_event(text, "page.md")
        assert again is not None and not problems
        sha = hashlib.sha256(text.encode()).hexdigest()
        parsed.add(sha, again)
        assert parsed.get(sha) == again
