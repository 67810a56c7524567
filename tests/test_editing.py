"""Hand edits, deletions, moves, restore and force, copies of one article, the build lock,
interrupted builds and git merges: the builder never loses a word a person wrote."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import frontmatter
import pytest
from conftest import SEED, run, timeline

from builder.state import build_lock


def event_pages(project: Path) -> list[Path]:
    return sorted(path for path in (project / "content" / "events").rglob("*.md")
                  if not any(part.startswith(".") for part in path.parts))


def seed_page(project: Path) -> Path:
    [page] = [path for path in event_pages(project) if SEED in path.read_text()]
    return page


def tree(root: Path) -> dict[str, str]:
    return {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file()
            and path.name != ".timeline.lock"}


def build(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return timeline("build", *args, cwd=project)


def test_any_hand_edit_survives_rebuilds(project: Path) -> None:
    page = seed_page(project)
    text = page.read_text()
    lines = text.splitlines(keepends=True)
    # Swap two keys, add a YAML comment and a key the schema does not know, edit the body.
    assert lines[1].startswith("title:") and lines[2].startswith("date:")
    lines[1], lines[2] = lines[2], lines[1] + "# checked against the wire copy\n"
    edited = "".join(lines).replace("draft: false\n", "draft: false\ndesk_note: call Ilse\n")
    edited += "\nAdded by an editor.\n"
    page.write_text(edited)
    for _ in range(2):
        result = build(project)
        assert result.returncode == 0, result.stdout
        assert f"kept (edited by hand) {SEED} -> 2025/{page.name}" in result.stdout
        assert page.read_text() == edited
    assert f"{page.relative_to(project).as_posix()}:" in result.stdout
    assert "desk_note: unknown field (kept as is" in result.stdout
    assert frontmatter.loads(edited)["desk_note"] == "call Ilse"


def test_a_deleted_page_stays_deleted_until_restore(project: Path) -> None:
    page = seed_page(project)
    original = page.read_bytes()
    page.unlink()
    result = build(project, "--reference-date", "2027-03-01")
    assert "not restored (its page was deleted by hand)" in result.stdout
    assert "`timeline build --restore` brings it back" in result.stdout
    assert not page.exists()
    # Restored with the reference date it was first built with: the same bytes.
    result = build(project, "--restore", "--reference-date", "2027-03-01")
    assert result.returncode == 0, result.stdout
    assert f"restored   {SEED} -> 2025/{page.name}" in result.stdout
    assert page.read_bytes() == original
    assert f"unchanged  {SEED}" in build(project).stdout


def test_force_rebuilds_and_saves_the_edited_page_first(project: Path) -> None:
    page = seed_page(project)
    original = page.read_bytes()
    edited = page.read_text().replace("location: Berlin", "location: Kyiv")
    page.write_text(edited)
    result = build(project, "--force")
    assert result.returncode == 0, result.stdout
    assert f"rebuilt    {SEED} -> 2025/{page.name}" in result.stdout
    assert page.read_bytes() == original
    [saved_line] = [line for line in result.stdout.splitlines() if line.startswith("saved")]
    saved = project / saved_line.split()[1]
    assert saved.relative_to(project).parts[0] == "saved-edits"
    assert saved.read_text() == edited
    # A forced rebuild of an unedited page changes nothing and saves nothing.
    again = build(project, "--force")
    assert "saved" not in again.stdout
    assert page.read_bytes() == original


def test_a_moved_or_renamed_page_is_the_same_event(project: Path) -> None:
    page = seed_page(project)
    moved = project / "content" / "events" / "kept-by-desk" / "berlin-talks.md"
    moved.parent.mkdir()
    page.rename(moved)
    for _ in range(2):
        result = build(project)
        assert result.returncode == 0
        assert f"unchanged  {SEED} -> kept-by-desk/berlin-talks.md" in result.stdout
        assert event_pages(project) == [moved]
    state = (project / "content" / "events" / ".timeline-state").read_text()
    assert f"{SEED}\tkept-by-desk/berlin-talks.md\t" in state


def test_a_copy_of_an_article_is_one_event_with_two_sources(project: Path) -> None:
    shutil.copy(project / "seeds" / SEED, project / "seeds" / "copy of the same article.txt")
    result = build(project)
    assert result.returncode == 0, result.stdout
    assert "added as a source copy of the same article.txt -> 2025/" in result.stdout
    [page] = event_pages(project)
    sources = frontmatter.load(page)["sources"]
    assert isinstance(sources, list)
    seeds = [source["seed"] for source in sources]
    assert seeds == [SEED, "copy of the same article.txt"]
    again = build(project)
    assert "unchanged  copy of the same article.txt" in again.stdout
    assert f"unchanged  {SEED}" in again.stdout


def test_a_copy_added_to_an_edited_page_changes_only_its_sources(project: Path) -> None:
    page = seed_page(project)
    edited = page.read_text().replace("location: Berlin\n", "location: Berlin  # per desk\n")
    edited += "\nEditor's addition.\n"
    page.write_text(edited)
    shutil.copy(project / "seeds" / SEED, project / "seeds" / "copy.txt")
    result = build(project)
    assert "added as a source copy.txt -> 2025/" in result.stdout
    after = page.read_text()
    assert after.startswith(edited.split("date_from:")[0])  # all before the list end
    assert after.endswith(edited[edited.index("date_from:"):])  # all after it
    inserted = after[len(edited.split("date_from:")[0]):after.index("date_from:")]
    assert inserted == ("  - title: US officials say Washington has agreed to give Ukraine "
                        "security guarantees in peace talks\n    publisher: Balitang Marino\n"
                        "    credit: mb.com.ph\n    url: null\n    published: 2025-12-17\n"
                        "    seed: copy.txt\n")
    assert event_pages(project) == [page]
    again = build(project)
    assert "kept (edited by hand) copy.txt" in again.stdout
    assert page.read_text() == after


def test_a_second_build_at_the_same_time_refuses_clearly(project: Path) -> None:
    with build_lock(project / "content" / "events"):
        result = build(project)
    assert result.returncode == 1
    assert "another `timeline build` is running on" in result.stderr
    assert build(project).returncode == 0


def write_fictional_seeds(seeds: Path, count: int) -> None:
    """Invented harbour-council stories, two days apart (so none reads as another report of
    the same happening; the dateline names its year, so no two share a day), each with its
    own headline."""
    for number in range(count):
        day = dt.date(2021, 7, 1) + dt.timedelta(days=2 * number)
        (seeds / f"veyra-{number:04d}.txt").write_text(
            f"Port Veyra council settles harbour item {number}\n- The Veyra Courier\n\n"
            f"PORT VEYRA, {day:%B} {day.day}, {day.year} -- Mayor Ilse Varnholt said the "
            f"council voted on harbour item {number} after a long debate about the Ashmoor "
            "ferry.\n"
            f"Councillor Tomas Quennell asked for item {number} to be reviewed next year.\n",
            encoding="utf-8")


def _default_sigint() -> None:
    """In the child, before it runs Python: SIGINT back to its default disposition."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_an_interrupted_build_leaves_no_half_page_and_the_next_completes(
        project: Path, sig: signal.Signals) -> None:
    # Enough seeds that writing their pages outlasts the signal's way to the build, even on
    # a loaded machine (pages are written in one batch, with one sync, at about 1 ms each).
    count = 600
    write_fictional_seeds(project / "seeds", count)
    events = project / "content" / "events"
    before = len(event_pages(project))
    # The build gets Ctrl-C's default handling even when this test runs where SIGINT is
    # ignored (a shell without job control starts its background commands so, and the child
    # would inherit it: then SIGINT cannot cut the build short).
    process = subprocess.Popen([sys.executable, "-m", "builder", "build", "--reference-date",
                                "2026-06-01"], cwd=project, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True,
                               preexec_fn=_default_sigint)
    deadline = time.monotonic() + 60
    while len(event_pages(project)) <= before + 3 and process.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.005)
    process.send_signal(sig)
    _, stderr = process.communicate(timeout=60)
    if sig == signal.SIGINT and process.returncode == 130:
        assert "run `timeline build` again to finish" in stderr
    written = event_pages(project)
    assert before < len(written) < before + count, "the build was not cut short"
    for page in written:  # every page there is whole
        assert frontmatter.load(page)["sources"], page
    check = timeline("check", cwd=project)
    assert check.returncode == 0, check.stdout
    # The next build completes the work; nothing is doubled or reported as edited.
    result = build(project, "--reference-date", "2026-06-01")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "kept" not in result.stdout
    assert len(event_pages(project)) == before + count
    assert not list(events.rglob("*.tmp"))
    final = tree(project)
    result = build(project)
    assert result.stdout.rstrip().endswith(f"{count + 1} seeds in seeds: {count + 1} unchanged")
    assert tree(project) == final


def test_branches_adding_different_seeds_merge_cleanly(project: Path) -> None:
    def git(*args: str) -> str:
        result = run(["git", "-c", "user.name=Desk", "-c", "user.email=desk@example.invalid",
                      *args], project)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-qm", "start")
    write_fictional_seeds(project / "seeds", 2)
    seeds = sorted((project / "seeds").glob("veyra-*.txt"))
    held = {path.name: path.read_bytes() for path in seeds}
    for path in seeds:
        path.unlink()
    for branch, name in (("one", seeds[0].name), ("two", seeds[1].name)):
        git("checkout", "-q", "-b", branch, "main")
        (project / "seeds" / name).write_bytes(held[name])
        assert build(project, "--reference-date", "2026-06-01").returncode == 0
        git("add", "-A")
        git("commit", "-qm", f"add {name}")
    git("checkout", "-q", "main")
    git("merge", "-q", "one")
    git("merge", "-q", "--no-edit", "two")  # fails (and the test with it) on a conflict
    state = (project / "content" / "events" / ".timeline-state").read_text()
    assert all(f"{name}\t" in state for name in held)
    result = build(project)
    assert result.returncode == 0
    assert "3 unchanged" in result.stdout
