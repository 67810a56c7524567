"""The state file and the page writes under damage: kills, a full disk, a cut-short or
tampered state file, read-only folders, links out of the project, the build lock, seeds in
subfolders and the modes of the files written."""

from __future__ import annotations

import datetime as dt
import os
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import frontmatter
import pytest
from conftest import REFERENCE_DATE, SEED, timeline

STATE = ".timeline-state"


def events(project: Path) -> Path:
    return project / "content" / "events"


def pages(project: Path) -> list[Path]:
    return sorted(path for path in events(project).rglob("*.md")
                  if not any(part.startswith(".") for part in path.parts))


def write_seeds(folder: Path, count: int, start: int = 0, paragraphs: int = 1) -> list[str]:
    """Invented Ashmoor harbour stories, a week apart, each its own event."""
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for number in range(start, start + count):
        day = dt.date(2024, 3, 1) + dt.timedelta(days=7 * number)
        body = " ".join(f"Harbour master Oda Lindqvist read clause {clause} of item {number} "
                        "aloud to the Ashmoor quay committee." for clause in range(12))
        name = f"ashmoor-{number:03d}.txt"
        (folder / name).write_text(
            f"Ashmoor quay committee decides item {number}\n- The Ashmoor Lantern\n\n"
            f"ASHMOOR, {day:%B} {day.day}, {day.year} -- The committee settled item {number} "
            "after a long debate about the ferry ramp.\n\n"
            + "\n\n".join([body] * paragraphs) + "\n", encoding="utf-8")
        names.append(name)
    return names


def build(project: Path, *args: str, **limits: int) -> subprocess.CompletedProcess[str]:
    if not limits:
        return timeline("build", "--reference-date", REFERENCE_DATE, *args, cwd=project)

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limits["fsize"], limits["fsize"]))

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "builder", "build", "--reference-date",
                           REFERENCE_DATE, *args], cwd=project, env=env, capture_output=True,
                          text=True, check=False, preexec_fn=limit)


def lines_of(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
    return result.stdout.splitlines()


def state_lines(project: Path) -> list[str]:
    return (events(project) / STATE).read_text().splitlines(keepends=True)


# -- a build stopped part way -------------------------------------------------------------


def test_a_full_disk_fails_each_page_in_one_line_and_the_next_build_recovers(
        project: Path) -> None:
    names = write_seeds(project / "seeds", 3, paragraphs=4)
    # Pages of these seeds are over 4 KB; the state file stays under it: every page write
    # fails as on a full disk, after its state entry was journalled.
    result = build(project, fsize=4096)
    assert result.returncode == 1
    lines = lines_of(result)
    for name in names:
        [line] = [line for line in lines if f" {name} " in line]
        assert line.startswith(f"failed     {name} -> 2024/2024-")
        assert line.endswith("(File too large); free some space (or raise the quota or file "
                             "size limit), then run `timeline build` again")
        assert ": cannot write content/events/2024/2024-" in line
    assert f"unchanged  {SEED} -> 2025/" in result.stdout
    assert len(pages(project)) == 1
    again = build(project)
    assert again.returncode == 0, again.stdout
    assert "kept" not in again.stdout
    assert sum(line.startswith("created") for line in lines_of(again)) == 3
    assert build(project).stdout.rstrip().endswith("4 seeds in seeds: 4 unchanged")


def test_journal_entries_of_a_killed_build_are_set_aside_when_their_page_was_not_written(
        project: Path) -> None:
    # What a kill between the journal line and the page's rename leaves: an entry for a page
    # that was never created, and an entry for new bytes of a page that still has its old.
    [name] = write_seeds(project / "seeds", 1)
    [page] = pages(project)
    lines = state_lines(project)
    assert lines[-1] == "# end\n"
    [entry] = [line for line in lines if line.startswith(SEED)]
    fields = entry.split("\t")
    fields[2] = "0" * 64
    with (events(project) / STATE).open("a") as state:
        state.write(f"{name}\t2024/2024-03-01-never-written.md\t{'1' * 64}\t\t2026-11-26\n")
        state.write("\t".join(fields))
        state.write(f"{name}\t2024/2024-03-01-cut")  # the line the kill cut in half
    result = build(project)
    assert result.returncode == 0, result.stdout
    lines_of(result)
    assert f"unchanged  {SEED} -> 2025/{page.name}" in result.stdout
    assert f"created    {name} -> 2024/2024-03-01-" in result.stdout
    assert "not restored" not in result.stdout and "kept" not in result.stdout
    assert state_lines(project)[-1] == "# end\n"
    assert build(project).stdout.rstrip().endswith("2 seeds in seeds: 2 unchanged")


def test_killed_builds_always_resume_without_a_page_taken_for_a_hand_edit(
        project: Path) -> None:
    # Real kills at different moments of a build that creates pages and adds sources.
    names = write_seeds(project / "seeds", 40)
    for number, name in enumerate(names[:10]):  # copies: "added as a source" rewrites pages
        shutil.copy(project / "seeds" / name, project / "seeds" / f"copy-{number}.txt")
    for delay in (0.8, 1.6, 2.4):
        process = subprocess.Popen([sys.executable, "-m", "builder", "build",
                                    "--reference-date", REFERENCE_DATE], cwd=project,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.kill()
        process.wait()
    result = build(project)
    assert result.returncode == 0, result.stdout
    assert "kept" not in result.stdout and "not restored" not in result.stdout
    assert len(pages(project)) == 41
    result = build(project)
    assert result.stdout.rstrip().endswith("51 seeds in seeds: 51 unchanged"), result.stdout


# -- a damaged or tampered state file -------------------------------------------------------


def test_a_cut_short_state_file_is_reported_and_never_brings_back_a_deleted_page(
        project: Path) -> None:
    write_seeds(project / "seeds", 3)
    assert build(project).returncode == 0
    original = (events(project) / STATE).read_bytes()
    [deleted] = [path for path in pages(project) if "ashmoor-002.txt" in path.read_text()]
    assert state_lines(project)[-2].startswith("ashmoor-002.txt\t")  # the last entry
    deleted.unlink()
    (events(project) / STATE).write_text("".join(state_lines(project)[:-2]))
    damaged = (events(project) / STATE).read_bytes()
    result = build(project)
    assert result.returncode == 1
    lines = lines_of(result)
    assert ("failed     ashmoor-002.txt: not built: the state file is damaged (see the "
            "problem below)") in lines
    assert ("problem    content/events/.timeline-state: damaged (cut short: no `# end` line), "
            "so seeds it does not list are not built, and no page deleted by hand comes back; "
            "restore it from git (`git checkout -- <file>`), or delete it to build every seed "
            "that has no page") in lines
    assert not deleted.exists()
    assert (events(project) / STATE).read_bytes() == damaged  # the sign of damage stays
    (events(project) / STATE).write_bytes(b"")  # cut to nothing
    result = build(project)
    assert result.returncode == 1
    assert "problem    content/events/.timeline-state: damaged (empty), so seeds it does " \
           "not list" in result.stdout
    assert not deleted.exists()
    (events(project) / STATE).write_bytes(original)
    result = build(project)
    assert "not restored (its page was deleted by hand)" in result.stdout
    assert not deleted.exists()


def test_a_state_entry_outside_the_events_folder_is_ignored_and_the_batch_goes_on(
        project: Path, tmp_path: Path) -> None:
    [name, other] = write_seeds(project / "seeds", 2)
    lines = state_lines(project)
    lines.insert(-1, f"{name}\t../../../outside.md\t{'2' * 64}\t\t2026-11-26\n")
    (events(project) / STATE).write_text("".join(lines))
    result = build(project, "--restore")
    assert result.returncode == 0, result.stdout
    out = lines_of(result)
    number = len(lines) - 1
    assert (f"problem    content/events/.timeline-state:{number}: page '../../../outside.md' "
            "is outside the events folder, entry ignored (remove the line, or restore the "
            "file from git)") in out
    assert any(line.startswith(f"created    {name} -> 2024/") for line in out)
    assert any(line.startswith(f"created    {other} -> 2024/") for line in out)
    assert not list(tmp_path.rglob("outside.md"))
    assert "outside.md" not in (events(project) / STATE).read_text()


def test_a_page_linked_outside_the_project_is_not_written_under_force(
        project: Path, tmp_path: Path) -> None:
    write_seeds(project / "seeds", 2)
    assert build(project).returncode == 0
    [page] = [path for path in pages(project) if SEED in path.read_text()]
    outside = tmp_path / "elsewhere" / "kept.md"
    outside.parent.mkdir()
    outside.write_bytes(page.read_bytes().replace(b"location: Berlin", b"location: Kyiv"))
    page.unlink()
    page.symlink_to(outside)
    before = outside.read_bytes()
    result = build(project, "--force")
    assert result.returncode == 1
    relative = page.relative_to(project).as_posix()
    assert (f"failed     {SEED} -> 2025/{page.name}: {relative} leads to {outside}, outside "
            "the events folder; not written (replace the link with the file itself, or "
            "remove it)") in lines_of(result)
    assert sum(line.startswith("rebuilt    ashmoor-") for line in lines_of(result)) == 2
    assert outside.read_bytes() == before and page.is_symlink()


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """Make a folder read-only: a read-only bind mount as root (root ignores modes), else
    modes."""
    if os.geteuid() == 0:
        mounted = subprocess.run(["mount", "--bind", str(folder), str(folder)],
                                 capture_output=True, check=False).returncode == 0
        if not mounted:
            pytest.skip("root without mount: cannot make a read-only folder")
        try:
            subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True)
            yield
        finally:
            subprocess.run(["umount", str(folder)], check=True)
    else:
        modes = {path: path.stat().st_mode for path in [folder, *folder.rglob("*")]
                 if path.is_dir()}
        for path in modes:
            path.chmod(0o555)
        try:
            yield
        finally:
            for path, mode in modes.items():
                path.chmod(mode)


def test_a_read_only_content_folder_fails_each_seed_in_one_line(project: Path) -> None:
    names = write_seeds(project / "seeds", 2)
    with read_only(events(project)):
        result = build(project)
    assert result.returncode == 1
    lines = lines_of(result)
    for name in names:
        [line] = [line for line in lines if f" {name} " in line]
        assert line.startswith(f"failed     {name} -> 2024/")
        assert ": cannot write content/events/" in line
        assert "writable, then run `timeline build` again" in line
    assert f"unchanged  {SEED} -> 2025/" in result.stdout
    result = build(project)
    assert result.returncode == 0 and "kept" not in result.stdout
    assert len(pages(project)) == 3


# -- the lock, subfolders, file modes -------------------------------------------------------


def locked(folder: Path) -> bool:
    """Whether some process holds an flock on this folder (Linux: /proc/locks)."""
    inode = folder.stat().st_ino
    return any(line.split()[1] == "FLOCK" and line.split()[5].endswith(f":{inode}")
               for line in Path("/proc/locks").read_text().splitlines())


@pytest.mark.skipif(not Path("/proc/locks").is_file(), reason="needs Linux /proc/locks")
def test_deleting_files_beside_the_pages_does_not_let_a_second_build_run(
        project: Path) -> None:
    write_seeds(project / "seeds", 150, paragraphs=3)
    first = subprocess.Popen([sys.executable, "-m", "builder", "build", "--reference-date",
                              REFERENCE_DATE], cwd=project, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not locked(events(project)) and first.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.01)
        # What `git clean -fdx` would remove: every file that is not a page or the state.
        for path in events(project).iterdir():
            if path.is_file() and path.name != STATE:
                path.unlink()
        second = build(project)
        assert first.poll() is None, "the first build ended too soon to test the lock"
        assert second.returncode == 1
        assert "another `timeline build` is running on" in second.stderr
    finally:
        first.communicate(timeout=600)
    assert first.returncode == 0
    assert build(project).returncode == 0


def test_seeds_in_subfolders_are_read_and_links_to_folders_are_reported(
        project: Path, tmp_path: Path) -> None:
    write_seeds(project / "seeds" / "2024" / "spring", 1)
    write_seeds(project / "seeds" / "desk", 1, start=5)
    write_seeds(project / "seeds" / ".drafts", 1, start=9)  # hidden: a person's scratch
    (tmp_path / "elsewhere").mkdir()
    (project / "seeds" / "linked").symlink_to(tmp_path / "elsewhere")
    result = build(project)
    lines = lines_of(result)
    assert result.returncode == 1
    assert any(line.startswith("created    2024/spring/ashmoor-000.txt -> 2024/2024-03-01-")
               for line in lines)
    assert any(line.startswith("created    desk/ashmoor-005.txt -> 2024/") for line in lines)
    assert (f"failed     linked: a link to the folder {tmp_path / 'elsewhere'}; seeds in it "
            "are not read (move or copy the files into the seeds folder instead)") in lines
    assert "ashmoor-009" not in result.stdout
    [page] = [path for path in pages(project) if "2024-03-01" in path.name]
    assert frontmatter.load(page)["sources"][0]["seed"] == "2024/spring/ashmoor-000.txt"
    (project / "seeds" / "linked").unlink()
    assert build(project).stdout.rstrip().endswith("3 seeds in seeds: 3 unchanged")


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640)])
def test_files_written_honour_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    old = os.umask(umask)
    try:
        assert timeline("init", str(tmp_path / "proj"), cwd=tmp_path).returncode == 0
        project = tmp_path / "proj"
        write_seeds(project / "seeds", 1)
        assert build(project).returncode == 0
    finally:
        os.umask(old)
    written = [project / "mkdocs.yml", project / "content" / "index.md",
               project / ".gitignore", project / ".gitattributes", events(project) / STATE,
               *pages(project)]
    assert {path.name: oct(path.stat().st_mode & 0o777) for path in written} == {
        path.name: oct(mode) for path in written}
    # A page rewritten keeps the mode a person gave it.
    [page] = pages(project)
    page.chmod(0o664)
    shutil.copy(project / "seeds" / "ashmoor-000.txt", project / "seeds" / "copy.txt")
    assert "added as a source copy.txt" in build(project).stdout
    assert page.stat().st_mode & 0o777 == 0o664


def test_a_state_file_of_the_old_format_is_read_and_rewritten_in_the_new(
        project: Path) -> None:
    lines = state_lines(project)
    assert lines[0].startswith("# timeline state v2.") and lines[-1] == "# end\n"
    [entry] = [line for line in lines if not line.startswith("#")]
    (events(project) / STATE).write_text(
        "# Written by `timeline build`: seed, page, sha256 of the page as written, article "
        "fingerprint, reference date.\n# Commit it with the pages. Edit pages, not this "
        f"file.\n{entry}")
    result = build(project)
    assert result.returncode == 0
    assert lines_of(result)[-1] == "1 seeds in seeds: 1 unchanged"
    assert state_lines(project) == lines


@contextmanager
def small_disk(folder: Path, size: str) -> Iterator[None]:
    """Put a folder on a tiny tmpfs (root only); what was written there is copied back."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root")
    held = folder.with_name(folder.name + ".held")
    shutil.move(folder, held)
    folder.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                      capture_output=True, check=False).returncode != 0:
        folder.rmdir()
        shutil.move(held, folder)
        pytest.skip("cannot mount a tmpfs here")
    try:
        shutil.copytree(held, folder, dirs_exist_ok=True, symlinks=True)
        yield
    finally:
        shutil.rmtree(held)
        shutil.copytree(folder, held, symlinks=True)
        subprocess.run(["umount", str(folder)], check=True)
        folder.rmdir()
        shutil.move(held, folder)


def test_a_disk_that_fills_up_mid_build_fails_the_rest_in_one_line_each(
        project: Path) -> None:
    names = write_seeds(project / "seeds", 40, paragraphs=2)
    with small_disk(events(project), "96k"):
        result = build(project)
    assert result.returncode == 1
    lines = lines_of(result)
    failed = [line for line in lines if line.startswith("failed")]
    created = [line for line in lines if line.startswith("created")]
    assert failed and created, result.stdout  # it filled up part way
    for line in failed:
        assert "(No space left on device); free some space (or raise the quota or file size " \
               "limit), then run `timeline build` again" in line
    again = build(project)
    assert again.returncode == 0, again.stdout
    assert "kept" not in again.stdout and "not restored" not in again.stdout
    assert len(pages(project)) == 1 + len(names)
    assert build(project).stdout.rstrip().endswith("41 seeds in seeds: 41 unchanged")
