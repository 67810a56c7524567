"""Grouping: several outlets' reports of one happening become ONE event page whose `sources`
list every report, while different happenings on the same or the next day stay apart.

The fixtures in `tests/fixtures/grouping/` are invented reports (invented countries, towns,
people, organisations and outlets) of invented happenings, written the way different outlets
write: different headlines, ledes, quotes and order of facts; datelines, "Published" stamps,
notes; some filed a day later. `gold.json` says, as a person reading them would, which seeds
report the same happening, which seeds of different happenings look alike, and which late
report (kept aside in `late/`) belongs to which happening.

The test talks to the builder only through the CLI and the pages it writes: the predicted
grouping is read from each event page's `sources[].seed`, and scored pairwise against the
gold grouping (a pair of seeds is "together" when one page lists both).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import frontmatter
import pytest
from conftest import REFERENCE_DATE, ROOT, timeline

FIXTURES = ROOT / "tests" / "fixtures" / "grouping"
GOLD: dict[str, Any] = json.loads((FIXTURES / "gold.json").read_text(encoding="utf-8"))
HAPPENINGS: dict[str, list[str]] = GOLD["happenings"]
LOOK_ALIKES: list[list[str]] = GOLD["look_alikes"]
COPIES: list[list[str]] = GOLD["identical_copies"]
LATE: dict[str, str] = GOLD["late"]
#: Pairwise precision and recall the grouping must reach on this set.
MIN_PRECISION = 0.9
MIN_RECALL = 0.9
SEED_SUFFIXES = (".txt", ".md")

Pair = frozenset[str]


def fixture_seeds(folder: Path) -> list[str]:
    """Names of the seed files directly in `folder`."""
    return sorted(path.name for path in folder.iterdir()
                  if path.is_file() and path.suffix in SEED_SUFFIXES)


def event_pages(project: Path) -> list[Path]:
    """Every event page of the project (state and hidden files left out)."""
    return sorted(path for path in (project / "content" / "events").rglob("*.md")
                  if not any(part.startswith(".") for part in path.parts))


def page_seeds(page: Path) -> list[str]:
    """The seeds a page lists in its `sources`, in order, each once."""
    sources = frontmatter.load(page).get("sources") or []
    return list(dict.fromkeys(source["seed"] for source in sources
                              if isinstance(source, dict) and source.get("seed")))


def predicted_clusters(project: Path) -> dict[str, list[str]]:
    """Page (relative to the events folder) -> the seeds it lists."""
    events = project / "content" / "events"
    return {page.relative_to(events).as_posix(): page_seeds(page)
            for page in event_pages(project)}


def together(clusters: Iterable[Iterable[str]]) -> set[Pair]:
    """Every pair of seeds that share a cluster."""
    return {frozenset(pair) for cluster in clusters
            for pair in itertools.combinations(sorted(set(cluster)), 2)}


def pairwise_scores(predicted: Iterable[Iterable[str]], gold: Iterable[Iterable[str]]
                    ) -> tuple[float, float]:
    """(precision, recall) of the predicted pairs against the gold pairs. With no predicted
    pair, precision is 1.0 (nothing claimed, nothing wrong)."""
    guessed, right = together(predicted), together(gold)
    hits = len(guessed & right)
    precision = hits / len(guessed) if guessed else 1.0
    recall = hits / len(right) if right else 1.0
    return precision, recall


def tree(root: Path) -> dict[str, str]:
    """Every file under `root` (the build lock left out) -> the sha256 of its bytes."""
    return {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file()
            and path.name != ".timeline.lock"}


def without_sources(text: str) -> str:
    """The page text with its front matter's `sources:` block (key and items) removed."""
    lines = text.splitlines(keepends=True)
    assert lines and lines[0].rstrip("\r\n") == "---", text[:200]
    end = next(i for i, line in enumerate(lines[1:], 1) if line.rstrip("\r\n") == "---")
    kept: list[str] = []
    skipping = False
    for number, line in enumerate(lines):
        inside = 0 < number < end
        if inside and line.startswith("sources:"):
            skipping = True
            continue
        if skipping and inside and (line.startswith((" ", "-", "\t")) or not line.strip()):
            continue
        skipping = False
        kept.append(line)
    return "".join(kept)


def happening_pages(project: Path, happening: str) -> list[Path]:
    """The pages that list a seed of the happening (one, when grouping is right)."""
    seeds = set(HAPPENINGS[happening])
    return [page for page in event_pages(project) if seeds & set(page_seeds(page))]


def hand_edit(page: Path, title: str) -> str:
    """Give the page a new title and one more paragraph, as a person would; return its text."""
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    [number] = [index for index, line in enumerate(lines) if line.startswith("title:")]
    lines[number] = f"title: {title}\n"
    edited = "".join(lines).rstrip("\n") + (
        "\n\nThe Heritage Board listed the shed in 1994 (added by the desk).\n")
    page.write_text(edited, encoding="utf-8")
    return edited


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A `timeline init` project with every grouping seed, built once."""
    base = tmp_path_factory.mktemp("grouping")
    project = base / "proj"
    result = timeline("init", str(project), cwd=base)
    assert result.returncode == 0, result.stdout + result.stderr
    for name in fixture_seeds(FIXTURES):
        shutil.copy2(FIXTURES / name, project / "seeds" / name)
    result = timeline("build", "--reference-date", REFERENCE_DATE, cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def test_the_gold_grouping_covers_every_seed_once() -> None:
    """The fixture itself: gold.json and the seed files agree."""
    named = [seed for seeds in HAPPENINGS.values() for seed in seeds]
    assert sorted(named) == fixture_seeds(FIXTURES), "gold.json must list every seed once"
    assert len(HAPPENINGS) >= 12
    assert all(2 <= len(seeds) <= 4 for seeds in HAPPENINGS.values())
    happening_of = {seed: name for name, seeds in HAPPENINGS.items() for seed in seeds}
    assert len(LOOK_ALIKES) >= 4
    for first, second in LOOK_ALIKES:
        assert happening_of[first] != happening_of[second], (first, second)
    for first, second in COPIES:
        assert happening_of[first] == happening_of[second]
        assert (FIXTURES / first).read_bytes() == (FIXTURES / second).read_bytes()
    assert sorted(LATE) == fixture_seeds(FIXTURES / "late")
    assert set(LATE.values()) <= set(HAPPENINGS)
    assert not set(LATE) & set(happening_of)


def test_every_seed_is_on_exactly_one_page(built: Path) -> None:
    clusters = predicted_clusters(built)
    pages_of: dict[str, list[str]] = {seed: [] for seed in fixture_seeds(FIXTURES)}
    for page, seeds in clusters.items():
        assert seeds, f"{page} lists no seed"
        for seed in seeds:
            assert seed in pages_of, f"{page} lists {seed!r}, which is not a seed"
            pages_of[seed].append(page)
    wrong = {seed: pages for seed, pages in pages_of.items() if len(pages) != 1}
    assert not wrong, f"seeds not on exactly one page: {wrong}"


def test_reports_of_one_happening_share_a_page(built: Path) -> None:
    """Pairwise precision and recall of the pages' grouping against gold.json."""
    clusters = predicted_clusters(built)
    happening_of = {seed: name for name, seeds in HAPPENINGS.items() for seed in seeds}
    precision, recall = pairwise_scores(clusters.values(), HAPPENINGS.values())
    print(f"\ngrouping: {len(clusters)} pages for {len(HAPPENINGS)} happenings; "
          f"pairwise precision {precision:.3f}, recall {recall:.3f} "
          f"({len(together(clusters.values()))} predicted pairs, "
          f"{len(together(HAPPENINGS.values()))} gold pairs)")
    for page, seeds in sorted(clusters.items()):
        mixed = sorted({happening_of.get(seed, "?") for seed in seeds})
        if len(mixed) > 1:
            print(f"  merged apart happenings {mixed} on {page}")
    for name, seeds in HAPPENINGS.items():
        parts = [sorted(set(seeds) & set(listed)) for listed in clusters.values()]
        parts = sorted(part for part in parts if part)
        if len(parts) > 1:
            print(f"  {name} split over {len(parts)} pages: "
                  + " | ".join(", ".join(part) for part in parts))
    assert precision >= MIN_PRECISION, f"pairwise precision {precision:.3f}"
    assert recall >= MIN_RECALL, f"pairwise recall {recall:.3f}"


def test_look_alike_happenings_stay_apart(built: Path) -> None:
    page_of = {seed: page for page, seeds in predicted_clusters(built).items()
               for seed in seeds}
    merged = [(first, second, page_of[first]) for first, second in LOOK_ALIKES
              if page_of.get(first) is not None and page_of.get(first) == page_of.get(second)]
    assert not merged, f"different happenings on one page: {merged}"


def test_identical_copies_are_one_event(built: Path) -> None:
    page_of = {seed: page for page, seeds in predicted_clusters(built).items()
               for seed in seeds}
    for first, second in COPIES:
        assert page_of.get(first) is not None
        assert page_of.get(first) == page_of.get(second), (first, second)


def test_a_second_build_changes_no_byte(built: Path) -> None:
    before = tree(built)
    result = timeline("build", "--reference-date", REFERENCE_DATE, cwd=built)
    assert result.returncode == 0, result.stdout + result.stderr
    assert tree(built) == before


def test_a_late_report_joins_its_hand_edited_page(built: Path, tmp_path: Path) -> None:
    """A new outlet's report of a happening whose page was edited by hand: the report is
    added to that page's `sources`, not one other byte of the page changes, no page is made.
    (Should the happening be split over pages, each is edited and the report must join one.)"""
    project = tmp_path / "proj"
    shutil.copytree(built, project, ignore=shutil.ignore_patterns(".timeline.lock"))
    [(late_seed, happening)] = LATE.items()
    pages = happening_pages(project, happening)
    assert pages, f"no page lists a seed of {happening}"
    title = "Fire guts the 1888 blade store at Keldoran dockyard"
    edited = {page: hand_edit(page, title) for page in pages}
    seeds_before = {page: page_seeds(page) for page in pages}
    others = {path: path.read_bytes() for path in event_pages(project) if path not in edited}

    shutil.copy2(FIXTURES / "late" / late_seed, project / "seeds" / late_seed)
    result = timeline("build", "--reference-date", REFERENCE_DATE, cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr

    assert sorted(event_pages(project)) == sorted([*edited, *others]), (
        f"the late report made a new page:\n{result.stdout}")
    joined = [page for page in pages if late_seed in page_seeds(page)]
    assert len(joined) == 1, f"{late_seed} is on {len(joined)} of the happening's pages:\n" + (
        result.stdout)
    [page] = joined
    assert page_seeds(page) == [*seeds_before[page], late_seed]
    after = page.read_text(encoding="utf-8")
    assert without_sources(after) == without_sources(edited[page])
    assert frontmatter.loads(after)["title"] == title
    for other in pages:
        if other != page:
            assert other.read_text(encoding="utf-8") == edited[other]
    assert {path: path.read_bytes() for path in others} == others
