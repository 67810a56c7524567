"""Tag suggestions (issue 12): each new event gets one `review` item naming a few key phrases
of its articles that the taxonomy does not cover; never tags. Real builds of fictional
articles in temp projects, then `mkdocs build --strict` of the result."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from pathlib import Path
from typing import Any

import frontmatter
import pytest
import yaml
from conftest import mkdocs_build, timeline

from builder import pipeline
from builder.config import load_settings
from builder.extract.keyphrases import Evidence, is_suggestion, key_phrases
from builder.group import WordRarity
from builder.model import Article

#: Invented stories (places, people and outlets made up), each with its own day.
RATIONING = """Velmora begins water rationing as the Ostrakan reservoir runs low
- The Velmora Ledger

VELMORA, March 3, 2031 -- Velmora began water rationing on Monday after the Ostrakan \
reservoir fell to a fifth of its capacity, Mayor Ilse Varnholt said.

Under the water rationing plan, households may draw water for four hours each morning.

Dr Oren Falkreth, who manages the reservoir, said rationing would last until the spring rains.

Farmers asked for an exemption from the water rationing rules for their orchards.

The council will review the water rationing plan at its next meeting.
"""

FERRY = """Ashmoor ferry strike strands commuters at Port Veyra
- The Veyra Courier

PORT VEYRA, April 9, 2031 -- A ferry strike stranded thousands of commuters at Port Veyra \
on Wednesday as crews walked out over night-shift pay, union leader Tomas Quennell said.

The ferry strike is the first on the Ashmoor crossing in twelve years.

Commuters queued for buses while the ferry strike closed both piers.

The operator said talks to end the ferry strike would resume on Friday.
"""

ORCHARD = """Keldoran orchard fire destroys cider press
- The Keldoran Post

KELDORAN, May 21, 2031 -- A fire at a Keldoran orchard destroyed the village cider press on \
Tuesday night, Chief Warden Petra Lindqvist said.

The cider press had stood in the orchard for ninety years.

Villagers said the cider press would be rebuilt before the autumn harvest.
"""

TAXONOMY = {"strikes": ["strike", "walkout"], "fires": ["fire", "blaze"]}


def make_project(root: Path, taxonomy: dict[str, list[str]] | None = None,
                 suggest: object = "unset", seeds: dict[str, str] | None = None) -> Path:
    """A `timeline init` project with the fictional seeds and this taxonomy."""
    result = timeline("init", str(root), cwd=root.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    config_file = root / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8")
    options = f"    taxonomy: {yaml.safe_dump(taxonomy or {}, default_flow_style=True)}"
    if suggest != "unset":
        options += f"    suggest_tags: {yaml.safe_dump(suggest).splitlines()[0]}\n"
    assert text.endswith("\n    taxonomy: {}\n")
    text = text.removesuffix("    taxonomy: {}\n") + options
    config_file.write_text(text, encoding="utf-8")
    for name, body in (seeds if seeds is not None else {
            "rationing.txt": RATIONING, "ferry.txt": FERRY, "orchard.txt": ORCHARD}).items():
        (root / "seeds" / name).write_text(body, encoding="utf-8")
    return root


def build(project: Path, *args: str) -> str:
    result = timeline("build", "--reference-date", "2031-06-01", *args, cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def front(page: Path) -> dict[str, Any]:
    """The page's front matter."""
    metadata: dict[str, Any] = frontmatter.load(page).metadata
    return metadata


def pages(project: Path) -> dict[str, Path]:
    """Event pages by their seed."""
    found = {}
    for page in sorted((project / "content" / "events").rglob("*.md")):
        for source in front(page)["sources"]:
            found[source["seed"]] = page
    return found


def suggestions(page: Path) -> list[str]:
    """The phrases of the page's suggestion (the one review item that is one)."""
    items: list[str] = [flag for flag in front(page).get("review") or [] if is_suggestion(flag)]
    assert len(items) <= 1, items
    if not items:
        return []
    return items[0].removeprefix("suggested tags: ").split(" (")[0].split(", ")


def digests(project: Path) -> dict[str, str]:
    return {page.name: hashlib.sha256(page.read_bytes()).hexdigest()
            for page in pages(project).values()}


def test_a_build_suggests_what_each_story_is_about_never_as_tags(tmp_path: Path) -> None:
    project = make_project(tmp_path / "proj", TAXONOMY)
    build(project)
    found = pages(project)
    rationing = suggestions(found["rationing.txt"])
    assert rationing and rationing[0] == "water rationing", rationing
    assert "cider press" in suggestions(found["orchard.txt"])
    review = front(found["rationing.txt"])["review"]
    [item] = [flag for flag in review if flag.startswith("suggested tags: ")]
    assert item.endswith("(add keywords to the taxonomy in mkdocs.yml to use them)")
    for page in found.values():
        post = front(page)
        assert set(post["tags"]) <= set(TAXONOMY)  # tags come only from the taxonomy
        for phrase in suggestions(page):
            assert phrase not in post["tags"]
            # Nothing the taxonomy already covers: no tag's name, no keyword in it.
            assert phrase.rstrip("s") not in {tag.rstrip("s") for tag in TAXONOMY}
            assert not any(keyword in phrase for words in TAXONOMY.values()
                           for keyword in words), phrase
            # Names have their own pages: no person, place or outlet is suggested.
            for name in ("velmora", "ostrakan", "varnholt", "falkreth", "veyra", "ledger"):
                assert name not in phrase.lower()
    assert front(found["ferry.txt"])["tags"] == ["strikes"]
    site = mkdocs_build(project, tmp_path / "site")
    assert site.returncode == 0, site.stdout + site.stderr


def test_the_same_seeds_give_the_same_bytes(tmp_path: Path) -> None:
    first = make_project(tmp_path / "a", TAXONOMY)
    second = make_project(tmp_path / "b", TAXONOMY)
    build(first)
    build(second)
    assert digests(first) == digests(second)
    assert any(suggestions(page) for page in pages(first).values())
    before = digests(first)
    assert "created" not in build(first)
    build(first, "--force")  # rebuilt from the same seeds: the same suggestions
    assert digests(first) == before


def test_a_removed_suggestion_does_not_come_back(tmp_path: Path) -> None:
    project = make_project(tmp_path / "proj", TAXONOMY, seeds={"rationing.txt": RATIONING})
    build(project)
    page = pages(project)["rationing.txt"]
    text = page.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines(keepends=True) if "suggested tags:" not in line]
    assert len(lines) == len(text.splitlines()) - 1
    edited = "".join(lines)
    page.write_text(edited, encoding="utf-8")
    # Another report of the same happening joins the page: only its sources list changes.
    (project / "seeds" / "rationing-again.txt").write_text(
        RATIONING.replace("The Velmora Ledger", "The Ostrakan Herald")
        .replace("Farmers asked", "Orchard growers asked"), encoding="utf-8")
    output = build(project)
    assert "added as a source rationing-again.txt" in output
    assert "suggested tags:" not in page.read_text(encoding="utf-8")
    assert front(page)["sources"][1]["seed"] == "rationing-again.txt"


@pytest.mark.parametrize(("setting", "most"), [(False, 0), (0, 0), (1, 1), (True, 3)])
def test_the_option_sets_how_many(tmp_path: Path, setting: object, most: int) -> None:
    project = make_project(tmp_path / "proj", {}, setting)
    assert load_settings(project / "mkdocs.yml").suggest_tags == most
    build(project)
    counts = [len(suggestions(page)) for page in pages(project).values()]
    assert max(counts) <= most
    assert (max(counts) > 0) == (most > 0)
    if most == 0:
        for page in pages(project).values():
            assert not any("suggested" in flag for flag in front(page)["review"])


def test_a_wrong_setting_is_refused_with_what_to_write(tmp_path: Path) -> None:
    project = make_project(tmp_path / "proj", {}, "lots")
    result = timeline("build", cwd=project)
    assert result.returncode != 0
    assert "suggest_tags" in result.stdout + result.stderr
    assert "expected true, false or a number" in result.stdout + result.stderr


def test_a_note_that_gives_its_tags_gets_no_suggestion(tmp_path: Path) -> None:
    note = ("---\ntitle: Velmora water rationing ends\ndate: 2031-05-02\ntags: []\n---\n\n"
            "Water rationing in Velmora ended after the rains; water rationing had lasted "
            "two months.\n")
    project = make_project(tmp_path / "proj", {}, seeds={"note.md": note})
    build(project)
    [page] = pages(project).values()
    assert suggestions(page) == []


def test_common_words_of_the_timeline_weigh_less() -> None:
    """The same article, against a timeline where 'tribunal' is in every story and
    'reservoir' in none: the rare word ranks first."""
    article = Article(seed="x.txt", title="Tribunal rules on the reservoir",
                      paragraphs=["The tribunal ordered the reservoir drained.",
                                  "The tribunal said the reservoir leaks. The tribunal met.",
                                  "The tribunal rose.",
                                  "Engineers inspected the reservoir."],
                      date=dt.date(2031, 1, 1))
    evidence = Evidence.of([article])
    flat = WordRarity(Counter(), 0)
    assert key_phrases(evidence, flat, {}, 1) == ["tribunal"]  # said more often
    timeline_counts = WordRarity(Counter({"tribunal": 500, "reservoir": 1}), 500)
    assert key_phrases(evidence, timeline_counts, {}, 1) == ["reservoir"]
    assert key_phrases(evidence, timeline_counts, {"water": ["reservoir"]}, 2) == ["tribunal"]
    assert key_phrases(evidence, timeline_counts, {}, 0) == []


def test_pipeline_settings_reach_the_builder(tmp_path: Path) -> None:
    """The builder API (not only the CLI) honours the option."""
    project = make_project(tmp_path / "proj", {}, 2, seeds={"ferry.txt": FERRY})
    report = pipeline.build(load_settings(project / "mkdocs.yml"), dt.date(2031, 6, 1))
    [item] = report.seeds
    assert item.page is not None
    page = project / "content" / "events" / item.page
    assert suggestions(page)[0] == "ferry strike"
    assert len(suggestions(page)) == 2
