"""The `timeline` command end to end, in real temp projects: init, build, check.

Each test runs the CLI as a user would (`python -m builder ...` in a subprocess).
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import frontmatter
import pytest
from conftest import ROOT, SEED_TITLE, timeline

SEED = ROOT / "seeds" / "000_4844bcb1a7dfeb11.txt"


def snapshot(root: Path) -> dict[str, str]:
    """Every file under root (hidden ones too) -> sha256 of its bytes."""
    return {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file()}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Here, unlike conftest's `project`: the real seed in seeds/, not yet built."""
    root = tmp_path / "t"
    result = timeline("init", str(root), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    shutil.copy(SEED, root / "seeds" / SEED.name)
    return root


def built_page(project: Path) -> Path:
    pages = sorted((project / "content" / "events" / "2025").glob("2025-12-17-*.md"))
    assert len(pages) == 1, pages
    return pages[0]


def test_init_scaffolds_a_project(tmp_path: Path) -> None:
    result = timeline("init", str(tmp_path / "t"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    root = tmp_path / "t"
    for name in ("mkdocs.yml", "content/index.md", ".gitignore", ".gitattributes"):
        assert (root / name).is_file(), name
    assert (root / "seeds").is_dir()
    config = (root / "mkdocs.yml").read_text()
    assert "- timeline:" in config and "docs_dir: content" in config and "font: false" in config
    # Running it again keeps what is there.
    (root / "content" / "index.md").write_text("# Mine\n")
    again = timeline("init", str(root), cwd=tmp_path)
    assert "kept" in again.stdout
    assert (root / "content" / "index.md").read_text() == "# Mine\n"


def test_build_turns_the_seed_into_its_event_page(project: Path) -> None:
    result = timeline("build", "--reference-date", "2026-11-26", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    page = built_page(project)
    assert f"created    {SEED.name} -> 2025/{page.name}" in result.stdout
    assert result.stdout.rstrip().endswith("1 seeds in seeds: 1 created")
    post = frontmatter.load(page)
    assert str(post["date"]) == "2025-12-17"
    assert post["title"] == SEED_TITLE
    assert post["location"] == "Berlin"
    # A new project's taxonomy is empty, so the event also suggests tags (never as tags).
    assert post["review"][0] == "year inferred"
    assert all(flag.startswith("suggested tags: ") for flag in post["review"][1:])
    assert not post["tags"]
    assert "2026-11-26" in post["date_from"]
    for person in ("Volodymyr Zelensky", "Donald Trump", "Steve Witkoff", "Jared Kushner",
                   "Friedrich Merz", "Alexus Grynkewich"):
        assert person in post["people"]
    for place in ("Berlin", "Ukraine", "Russia", "Donbas", "Miami", "Kyiv", "Moscow"):
        assert place in post["places"]
    assert {"NATO", "White House"} <= set(post["organizations"])
    assert post["tags"] == []  # a new timeline has no taxonomy: tags are the user's own
    [source] = post["sources"]
    assert source["publisher"] == "Balitang Marino"
    assert source["credit"] == "mb.com.ph"
    assert source["seed"] == SEED.name
    for furniture in ("4 hours ago", "2 min read", "Comments", "- Balitang Marino", "Source:"):
        assert furniture not in post.content
    assert post.content.startswith("BERLIN, December 17 ------ The U.S. has agreed")


def test_a_second_build_changes_no_byte(project: Path) -> None:
    assert timeline("build", "--reference-date", "2026-11-26", cwd=project).returncode == 0
    before = snapshot(project)
    result = timeline("build", cwd=project)  # another day: the date must not move either
    assert result.returncode == 0
    assert f"unchanged  {SEED.name}" in result.stdout
    assert snapshot(project) == before


def test_a_page_edited_by_hand_is_kept(project: Path) -> None:
    assert timeline("build", "--reference-date", "2026-11-26", cwd=project).returncode == 0
    page = built_page(project)
    edited = page.read_text().replace("location: Berlin", "location: Berlin, Germany")
    edited += "\nAn editor's note, added by hand.\n"
    page.write_text(edited)
    result = timeline("build", "--reference-date", "2026-11-26", cwd=project)
    assert result.returncode == 0
    assert f"kept (edited by hand) {SEED.name}" in result.stdout
    assert page.read_text() == edited


def test_a_page_deleted_by_hand_is_not_brought_back(project: Path) -> None:
    assert timeline("build", "--reference-date", "2026-11-26", cwd=project).returncode == 0
    page = built_page(project)
    page.unlink()
    result = timeline("build", cwd=project)
    assert result.returncode == 0
    assert "not restored (its page was deleted by hand)" in result.stdout
    assert not page.exists()


def test_a_broken_seed_is_reported_and_the_rest_goes_on(project: Path) -> None:
    (project / "seeds" / "empty.txt").write_text("   \n\n")
    (project / "seeds" / "undated.txt").write_text(
        "Ferry service to Ashmoor resumes\n\nThe Ashmoor ferry ran again after repairs.\n")
    result = timeline("build", "--reference-date", "2026-11-26", cwd=project)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith("failed     empty.txt: the file is empty") for line in lines)
    assert any(line.startswith("failed     undated.txt: no date found") for line in lines)
    assert f"created    {SEED.name}" in result.stdout
    assert built_page(project).is_file()
    assert result.stdout.rstrip().endswith("3 seeds in seeds: 1 created, 2 failed")


def test_check_reports_every_problem_with_path_line_and_field(project: Path) -> None:
    assert timeline("build", "--reference-date", "2026-11-26", cwd=project).returncode == 0
    ok = timeline("check", cwd=project)
    assert ok.returncode == 0, ok.stdout
    assert ok.stdout == ""
    broken = project / "content" / "events" / "2025" / "2025-12-18-broken.md"
    broken.write_text("---\ntitle: Broken\ndate: 2025-13-45\ntags: peace talks\n"
                      "end_date: 2020-01-01\n---\nText.\n")
    no_front = project / "content" / "events" / "2025" / "2025-12-19-bare.md"
    no_front.write_text("Just text.\n")
    result = timeline("check", cwd=project)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "content/events/2025/2025-12-18-broken.md:3: date: '2025-13-45' is not a date "
        "(expected YYYY-MM-DD, e.g. 2025-12-17)",
        "content/events/2025/2025-12-18-broken.md:4: tags: is 'peace talks' "
        "(expected a list, e.g. [first, second])",
        "content/events/2025/2025-12-19-bare.md:1: front matter: missing (expected the page "
        "to start with a '---' line, YAML fields, and another '---' line)",
    ]


def test_a_missing_config_is_a_clear_error(tmp_path: Path) -> None:
    result = timeline("build", cwd=tmp_path)
    assert result.returncode == 1
    assert "mkdocs.yml: no such file" in result.stderr
    assert "timeline init" in result.stderr


def test_bad_plugin_config_gets_mkdocs_message(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text()
    assert "    events_dir: events\n" in text
    config.write_text(text.replace("    events_dir: events\n",
                                   "    events_dir: events\n    reference_date: soon\n"))
    result = timeline("build", cwd=project)
    assert result.returncode == 1
    assert "reference_date" in result.stderr
    assert "'soon' is not a date (expected YYYY-MM-DD" in result.stderr
