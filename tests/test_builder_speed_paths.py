"""The builder's fast paths give what the slow ones give.

* The build cache (`builder/cache.py`, `.cache/timeline/`): a build with it writes the same
  pages and state, byte for byte, as a build without it; a damaged cache is ignored; a page
  edited by hand is seen even when its size and modification time are kept.
* The cached form of an event is the event the page parses to.
* libyaml's loader (CSafeLoader, used for every page) gives exactly the values of PyYAML's
  pure-Python loader, for our loader's rules (no implicit timestamps, duplicate keys noted).

Builds run in process (`pipeline.build`), on real files in temporary projects.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from builder import cache, pipeline, store
from builder.config import load_settings
from builder.model import Event, Source, _Loader, parse_event, render_event

ROOT = Path(__file__).resolve().parent.parent
GROUPING = ROOT / "tests" / "fixtures" / "grouping"
REFERENCE = dt.date(2026, 11, 26)


def seeds() -> list[Path]:
    return sorted(path for path in GROUPING.glob("*.txt"))[:8]


def build(project: Path) -> pipeline.BuildReport:
    return pipeline.build(load_settings(project / "mkdocs.yml"), REFERENCE)


def events_tree(project: Path) -> dict[str, str]:
    """Every file of the events folder (the state file too) -> sha256 of its bytes."""
    folder = project / "content" / "events"
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()
            and path.name != ".timeline.lock"}


def add_seeds(project: Path, paths: list[Path]) -> None:
    for path in paths:
        shutil.copy2(path, project / "seeds" / path.name)


@pytest.fixture
def built(bare_project: Path) -> Path:
    """A project with the first half of the seeds built (the cache written)."""
    add_seeds(bare_project, seeds()[:4])
    report = build(bare_project)
    assert not report.failed, [str(r) for r in report.seeds]
    return bare_project


def test_a_build_with_the_cache_writes_what_one_without_it_writes(built: Path,
                                                                   tmp_path: Path) -> None:
    assert (built / cache.CACHE_DIR / cache.PAGES_FILE).is_file()
    add_seeds(built, seeds()[4:6])
    build(built)  # parses the pages: the event cache is written
    assert (built / cache.CACHE_DIR / cache.EVENTS_FILE).is_file()
    add_seeds(built, seeds()[6:])
    fresh = tmp_path / "fresh"
    shutil.copytree(built, fresh, symlinks=True)
    shutil.rmtree(fresh / ".cache")
    with_cache, without = build(built), build(fresh)
    assert [str(r) for r in with_cache.seeds] == [str(r) for r in without.seeds]
    assert events_tree(built) == events_tree(fresh)
    # And a rebuild with nothing new writes nothing, the cache included.
    before = {path: path.read_bytes() for path in sorted(built.rglob("*")) if path.is_file()}
    build(built)
    after = {path: path.read_bytes() for path in sorted(built.rglob("*")) if path.is_file()}
    assert after == before


def test_cached_events_are_the_events_the_pages_parse_to(built: Path) -> None:
    add_seeds(built, seeds()[4:5])
    build(built)
    parsed = cache.ParsedEvents(built)
    pages = store.page_files(built / "content" / "events")
    assert pages
    for relative, path in pages:
        data = path.read_bytes()
        event, problems = parse_event(data.decode("utf-8"), relative)
        cached = parsed.get(store.digest(data))
        if cached is None:  # only the page written by the last build is not parsed yet
            continue
        assert not problems and event == cached
    hits = sum(parsed.get(store.digest(path.read_bytes())) is not None for _, path in pages)
    assert hits >= len(pages) - 1


@pytest.mark.parametrize("later", [False, True], ids=["at once", "later"])
def test_a_hand_edit_that_keeps_size_and_mtime_is_seen(built: Path, later: bool) -> None:
    events = built / "content" / "events"
    relative, page = store.page_files(events)[0]
    if later:  # as if the cache were written long after the page: not "racy"
        path = built / cache.CACHE_DIR / cache.PAGES_FILE
        data = json.loads(path.read_text())
        data["written_ns"] += 60 * 10**9
        path.write_text(json.dumps(data))
    before = page.stat()
    text = page.read_text(encoding="utf-8")
    edited = text.replace("title: ", "title: X", 1).replace("\n\n", "\n", 1)
    assert len(edited.encode()) == len(text.encode()) and edited != text
    page.write_text(edited, encoding="utf-8")
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert page.stat().st_size == before.st_size
    report = build(built)
    kept = [r for r in report.seeds if r.page == relative]
    assert kept and all(r.outcome is pipeline.Outcome.KEPT for r in kept)


def test_a_damaged_cache_is_ignored(built: Path, tmp_path: Path) -> None:
    add_seeds(built, seeds()[4:6])
    build(built)
    fresh = tmp_path / "fresh"
    shutil.copytree(built, fresh, symlinks=True)
    shutil.rmtree(fresh / ".cache")
    folder = built / cache.CACHE_DIR
    (folder / cache.PAGES_FILE).write_bytes(b'{"version": 1, "pages": [1, 2')
    lines = (folder / cache.EVENTS_FILE).read_bytes().splitlines(keepends=True)
    (folder / cache.EVENTS_FILE).write_bytes(b"".join([lines[0], b'["abc", [1, 2]]\n',
                                                      b"\x00\xff not json\n", *lines[1:2]]))
    add_seeds(built, seeds()[6:])
    add_seeds(fresh, seeds()[6:])
    assert [str(r) for r in build(built).seeds] == [str(r) for r in build(fresh).seeds]
    assert events_tree(built) == events_tree(fresh)


# --- The cached form of an event --------------------------------------------------------

_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
_NAME = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20)
_DAY = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9998, 12, 31))
_SOURCE = st.builds(Source, title=_NAME, publisher=st.none() | _NAME,
                    credit=st.none() | _NAME, url=st.none() | _NAME,
                    published=st.none() | _DAY, seed=st.none() | _NAME)


@st.composite
def events(draw: st.DrawFn) -> Event:
    day = draw(_DAY)
    return Event(title=draw(_NAME), date=day,
                 end_date=draw(st.none() | st.dates(min_value=day,
                                                    max_value=dt.date(9998, 12, 31))),
                 location=draw(st.none() | _NAME), summary=draw(_TEXT),
                 tags=draw(st.lists(_NAME, max_size=4, unique=True)),
                 people=draw(st.lists(_NAME, max_size=4, unique=True)),
                 places=draw(st.lists(_NAME, max_size=3, unique=True)),
                 organizations=draw(st.lists(_NAME, max_size=3, unique=True)),
                 sources=draw(st.lists(_SOURCE, max_size=3)),
                 date_from=draw(st.none() | _NAME),
                 review=draw(st.lists(_NAME, max_size=2, unique=True)),
                 draft=draw(st.booleans()), body=draw(_TEXT))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(events())
def test_the_cached_form_of_a_parsed_event_is_that_event(event: Event) -> None:
    parsed, problems = parse_event(render_event(event), "page.md")
    assume(parsed is not None and not problems)
    assert parsed is not None
    row = json.loads(json.dumps(cache.event_row(parsed), ensure_ascii=False))
    assert cache.event_from_row(row) == parsed


def test_an_event_with_unknown_keys_is_not_cached(tmp_path: Path) -> None:
    text = "---\ntitle: A ferry strike in Port Veyra\ndate: 2024-03-02\nmood: calm\n---\nBody\n"
    event, _ = parse_event(text, "page.md")
    assert event is not None and event.extra == {"mood": "calm"}
    parsed = cache.ParsedEvents(tmp_path)
    parsed.add("a" * 64, event)
    assert parsed.get("a" * 64) is None


# --- libyaml's loader gives what the pure-Python loader gives ---------------------------


class _PureLoader(yaml.SafeLoader):
    """PyYAML's pure-Python loader with `_Loader`'s resolvers (no implicit timestamps)."""


_PureLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


def both(text: str) -> tuple[Any, Any]:
    return yaml.load(text, Loader=_Loader), yaml.load(text, Loader=_PureLoader)


_SCALAR = (st.none() | st.booleans() | st.integers() | _TEXT
           | st.floats(allow_nan=False) | _DAY.map(dt.date.isoformat))
_VALUES = st.recursive(_SCALAR, lambda inner: st.lists(inner, max_size=4)
                       | st.dictionaries(_NAME, inner, max_size=4), max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_NAME, _VALUES, max_size=8), st.booleans())
def test_libyaml_and_pure_loaders_agree(data: dict[str, Any], flow: bool) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow, sort_keys=False)
    fast, pure = both(text)
    assert fast == pure
    assert [type(value) for value in fast.values()] == [type(value) for value in pure.values()]


@pytest.mark.parametrize("text", [
    "title: 2024-03-02\ndate: 2024-03-02 10:00:00\n",
    "a: yes\nb: No\nc: ~\nd: 0x1F\ne: 1_000\nf: .inf\ng: -.INF\nh: 0o17\ni: 1e3\n",
    "tags: [a, 'b', \"c\\u00e9\"]\nbody: |\n  line one\n  line two\nfolded: >\n  a\n  b\n",
    "k: 'it''s'\nl: \"tab\\there\"\nm: !!str 12\nn: !!binary aGVsbG8=\n",
    "dup: 1\ndup: 2\n",
])
def test_libyaml_and_pure_loaders_agree_on_edge_forms(text: str) -> None:
    fast, pure = both(text)
    assert fast == pure


def test_libyaml_and_pure_loaders_agree_on_the_repo_pages() -> None:
    pages = list(store.iter_pages(ROOT / "content" / "events"))
    assert pages
    for path in pages:
        front = path.read_text(encoding="utf-8").split("---\n")[1]
        fast, pure = both(front)
        assert fast == pure, path


# --- Listing seeds without a stat per file ----------------------------------------------


def test_seed_listing_keeps_links_and_skips_hidden_and_other_files(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    (seeds / "2024" / "deep").mkdir(parents=True)
    (seeds / ".hidden").mkdir()
    (seeds / "elsewhere").mkdir()
    for name in ("a.txt", "B.HTML", "notes.md", "skip.pdf", ".dot.txt", "2024/c.htm",
                 "2024/deep/d.txt", ".hidden/e.txt", "elsewhere/f.txt"):
        (seeds / name).write_text("Title\n\nText.\n", encoding="utf-8")
    (seeds / "link.txt").symlink_to(seeds / "a.txt")
    (seeds / "broken.txt").symlink_to(seeds / "missing.txt")
    (seeds / "folder-link").symlink_to(seeds / "elsewhere")
    (seeds / "link.pdf").symlink_to(seeds / "skip.pdf")
    os.mkfifo(seeds / "pipe.txt")
    found = pipeline.seed_files(seeds)
    assert list(found.values()) == [
        "2024/c.htm", "2024/deep/d.txt", "B.HTML", "a.txt", "broken.txt", "elsewhere/f.txt",
        "folder-link", "link.txt", "notes.md"]
    assert all(path == seeds / key for path, key in found.items())
    assert pipeline.seed_files(tmp_path / "none") == {}


# --- Tags: one pattern per tag finds what one search per keyword found ------------------


def reference_tags(lead: str, taxonomy: dict[str, list[str]], body: str) -> list[str]:
    """The tag rule, written plainly: one `findall` per keyword."""
    import re

    from builder.extract.tags import BODY_HITS, WHOLE_WORD_MAX

    def pattern(keyword: str) -> re.Pattern[str]:
        words = r"\s+".join(re.escape(word) for word in keyword.split())
        end = r"(?!\w)" if len(keyword) <= WHOLE_WORD_MAX else ""
        return re.compile(rf"(?<!\w){words}{end}", re.IGNORECASE)

    return [tag for tag, keywords in taxonomy.items()
            if any(pattern(keyword).search(lead) for keyword in keywords)
            or sum(len(pattern(keyword).findall(body)) for keyword in keywords) >= BODY_HITS]


_WORDS = ["war", "warning", "peace", "peace deal", "Peace  Deal", "ferry", "ferries", "vote",
          "votes", "a", "x.y", "ÉTÉ", "été", "(", ")", "\n", " ", "-", "negotiat",
          "negotiations", "talks"]
_KEYWORDS = st.sampled_from(["war", "peace", "peace deal", "ferr", "ferry", "vote", "a",
                             "x.y", "été", "negotiat", "talks", "de"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=30).map(" ".join),
       st.lists(st.sampled_from(_WORDS), max_size=80).map("".join),
       st.dictionaries(st.sampled_from(["t1", "t2", "t3", "t4"]),
                       st.lists(_KEYWORDS, max_size=4), max_size=4))
def test_tags_match_the_plain_rule(lead: str, body: str,
                                   taxonomy: dict[str, list[str]]) -> None:
    from builder.extract.tags import extract_tags

    assert extract_tags(lead, taxonomy, body) == reference_tags(lead, taxonomy, body)


# --- Seeds that failed are not read again while nothing they depend on changed ----------


def failures_file(project: Path) -> Path:
    return project / cache.CACHE_DIR / cache.SEEDS_FILE


def mark_cached_failure(project: Path, seed: str) -> None:
    """Put a marker in place of the recorded reason, and date the cache well after the seed
    was written: a build that reports the marker took the failure from the cache."""
    path = failures_file(project)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["seeds"][seed][-1] = "MARKER"
    data["written_ns"] += 60 * 10**9
    path.write_text(json.dumps(data), encoding="utf-8")


def failed(report: pipeline.BuildReport, seed: str) -> str | None:
    found = [r for r in report.seeds if r.seed == seed]
    assert len(found) == 1
    return found[0].detail if found[0].outcome is pipeline.Outcome.FAILED else None


def test_an_unchanged_failed_seed_is_not_read_again(built: Path) -> None:
    seed = built / "seeds" / "blank.txt"
    seed.write_text("   \n\n  \n", encoding="utf-8")
    first = failed(build(built), "blank.txt")
    assert first is not None and "empty" in first
    assert failed(build(built), "blank.txt") == first  # as read, or from the cache
    mark_cached_failure(built, "blank.txt")
    assert failed(build(built), "blank.txt") == "MARKER"

    times = seed.stat()
    os.utime(seed, ns=(times.st_atime_ns, times.st_mtime_ns + 10**9))  # only touched
    assert failed(build(built), "blank.txt") == first  # its mtime is an input: read again

    mark_cached_failure(built, "blank.txt")
    settings = load_settings(built / "mkdocs.yml")
    report = pipeline.build(settings, REFERENCE + dt.timedelta(days=1))  # another day
    assert failed(report, "blank.txt") == first

    mark_cached_failure(built, "blank.txt")
    shutil.copy2(seeds()[5], seed)  # fixed: now an article
    assert failed(build(built), "blank.txt") is None
    assert "blank.txt" not in json.loads(failures_file(built).read_text())["seeds"]


def test_a_rebuild_with_only_failed_seeds_writes_nothing(built: Path) -> None:
    (built / "seeds" / "blank.txt").write_text(" \n", encoding="utf-8")
    (built / "seeds" / "empty.md").write_text("", encoding="utf-8")
    first = build(built)
    assert failed(first, "blank.txt") and failed(first, "empty.md")
    before = {path: path.read_bytes() for path in sorted(built.rglob("*")) if path.is_file()}
    again = build(built)
    assert [str(r) for r in again.seeds] == [str(r) for r in first.seeds]
    after = {path: path.read_bytes() for path in sorted(built.rglob("*")) if path.is_file()}
    assert after == before
