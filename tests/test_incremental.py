"""The preview's incremental rebuilds (`builder/plugin/preview.py`) give, byte for byte, the
site a clean build gives: after editing, moving, adding, deleting, drafting and breaking
event pages, and after names gaining and losing their pages.

Two things are compared otherwise: `sitemap.xml.gz` by its decompressed content (its gzip
header holds a time), and the Pagefind bundle (`pagefind/`) by the records given to
Pagefind, as Pagefind itself does not write the same bytes twice for the same records
(its filter chunks come out in a varying order, and their names are their hashes).
"""

from __future__ import annotations

import datetime as dt
import gzip
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from conftest import mkdocs_build, timeline

from builder.plugin import search
from builder.plugin.preview import Preview

#: A site folder -> the records of its last Pagefind bundle.
RecordsOf = Callable[[str], str]

PEOPLE = ["Ilse Varnholt", "Tomas Quennell", "Odile Marchetti", "Bram Ostrander",
          "Wenna Calloway", "Piet Hollender"]
PLACES = ["Port Veyra", "Ashmoor", "Lindqvist Bay"]


def event_page(title: str, day: dt.date, people: list[str], body: str = "",
               draft: bool = False) -> str:
    front = {"title": title, "date": day, "location": PLACES[len(title) % len(PLACES)],
             "summary": f"{title}, as the Veyra Courier reported.", "tags": ["harbour"],
             "people": people, "places": [PLACES[len(title) % len(PLACES)]],
             "organizations": ["Veyran Harbour Authority"], "review": [], "draft": draft}
    text = body or f"The council of Port Veyra met about {title.lower()}."
    return f"---\n{yaml.safe_dump(front, sort_keys=False)}---\n\n{text}\n"


def write_event(project: Path, path: str, text: str) -> Path:
    target = project / "content" / "events" / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


@pytest.fixture
def timeline_project(bare_project: Path) -> Path:
    """36 fictional events over three years, five to a list page, some on the same day
    and on the same day of other years, two people named once only (no page)."""
    config = bare_project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "    events_dir: events\n" in text
    config.write_text(text.replace("    events_dir: events\n",
                                   "    events_dir: events\n    events_per_page: 5\n"),
                      encoding="utf-8")
    for number in range(36):
        day = day_of(number)
        people = [PEOPLE[number % 4], PEOPLE[(number + 1) % 4]]
        if number == 5:
            people.append("Wenna Calloway")  # named once: no page of her own
        title = f"Harbour council meeting {number}"
        write_event(bare_project, path_of(number), event_page(title, day, people))
    return bare_project


def day_of(number: int) -> dt.date:
    """A month apart; every seventh on 14 June (the same day, and the same day of other
    years)."""
    if number % 7 == 0:
        return dt.date(2021 + number % 3, 6, 14)
    return dt.date(2021, 3, 1) + dt.timedelta(days=31 * number)


def path_of(number: int) -> str:
    """The event's page, in the events folder."""
    day = day_of(number)
    return f"{day.year}/{day.isoformat()}-meeting-{number}.md"


def tree(site: Path) -> dict[str, bytes]:
    """Every file of a built site (Pagefind's bundle left out), gzip files decompressed."""
    files = {}
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if path.is_file() and not relative.startswith(f"{search.BUNDLE_DIR}/"):
            data = path.read_bytes()
            files[relative] = gzip.decompress(data) if relative.endswith(".gz") else data
    return files


def assert_same_tree(incremental: Path, clean: Path) -> None:
    got, expected = tree(incremental), tree(clean)
    assert sorted(got.keys() - expected.keys()) == []  # left over
    assert sorted(expected.keys() - got.keys()) == []  # missing
    assert [path for path in expected if got[path] != expected[path]] == []


@pytest.fixture
def pagefind_records(monkeypatch: pytest.MonkeyPatch) -> Iterator[RecordsOf]:
    """The records of a site's last Pagefind bundle (still written by Pagefind). They go
    through a file next to the site: the preview writes the index in a child process."""
    write_bundle = search.write_bundle

    def recording(given: object, output: Path, *args: object, **kwargs: object) -> None:
        listed = list(given)  # type: ignore[call-overload]
        Path(f"{output.parent}.records").write_text(
            "\n".join(repr(record) for record in listed), encoding="utf-8")
        write_bundle(listed, output, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(search, "write_bundle", recording)
    yield lambda site: Path(f"{site}.records").read_text(encoding="utf-8")


def clean_preview(project: Path, site: Path, serving: bool) -> Preview:
    preview = Preview(str(project / "mkdocs.yml"), str(site), serving=serving,
                      serve_url="http://127.0.0.1:8000/" if serving else None)
    preview.full_build()
    preview.wait_for_search()
    return preview


def check(preview: Preview, project: Path, tmp_path: Path, name: str,
          records: RecordsOf) -> None:
    """The preview's site equals a clean build of the same files."""
    preview.wait_for_search()
    clean = tmp_path / f"clean-{name}"
    clean_preview(project, clean, preview.serving)
    assert_same_tree(Path(preview.site_dir), clean)
    assert records(preview.site_dir) == records(str(clean))


def rebuild(preview: Preview) -> list[str]:
    update = preview.rebuild()
    assert not update.full
    return update.written


def test_incremental_serve_equals_a_clean_build(timeline_project: Path, tmp_path: Path,
                                                pagefind_records: RecordsOf
                                                ) -> None:
    project = timeline_project
    events = project / "content" / "events"
    preview = clean_preview(project, tmp_path / "served", serving=True)
    total = len(list(Path(preview.site_dir).rglob("*.html")))

    # A hand edit to the text: that page only (its body is in no list).
    page = events / path_of(1)
    page.write_text(page.read_text(encoding="utf-8").replace(
        "met about", "met late at night about"), encoding="utf-8")
    written = rebuild(preview)
    assert written == [f"events/{path_of(1)}"]
    assert "met late at night about" in (
        Path(preview.site_dir) / "events" / path_of(1)[:-3] / "index.html").read_text(
            encoding="utf-8")

    # A new title and a new day: it moves in time, its neighbours and lists change.
    page = events / path_of(2)
    page.write_text(event_page("Quay lights vote", dt.date(2022, 6, 14),
                               [PEOPLE[2], PEOPLE[3]]), encoding="utf-8")
    written = rebuild(preview)
    assert 0 < len(written) < total
    check(preview, project, tmp_path, "moved", pagefind_records)

    # Added: a name reaches two events (its page appears), another named once, a new year;
    # and the first event deleted.
    write_event(project, "2024/2024-02-29-leap-day.md",
                event_page("Leap day ferry trial", dt.date(2024, 2, 29),
                           ["Wenna Calloway", "Piet Hollender"]))
    write_event(project, "2021/2021-06-14-same-day.md",
                event_page("Ashmoor dredging begins", dt.date(2021, 6, 14), [PEOPLE[0]]))
    (events / path_of(0)).unlink()
    rebuild(preview)
    check(preview, project, tmp_path, "added", pagefind_records)

    # A draft (shown in serve, marked), a broken page (left out), a deleted name's page.
    page = events / path_of(3)
    page.write_text(event_page("Harbour council meeting 3", day_of(3), [PEOPLE[3]],
                               draft=True), encoding="utf-8")
    broken = events / path_of(5)
    broken.write_text("---\ntitle: Broken\ndate: soon\n---\nx\n", encoding="utf-8")
    (events / "2024" / "2024-02-29-leap-day.md").unlink()
    rebuild(preview)
    check(preview, project, tmp_path, "draft", pagefind_records)


def test_incremental_build_equals_mkdocs_build(timeline_project: Path, tmp_path: Path
                                               ) -> None:
    """Outside serve (drafts hidden, no review page), against `mkdocs build --strict`."""
    project = timeline_project
    events = project / "content" / "events"
    preview = clean_preview(project, tmp_path / "incremental", serving=False)
    page = events / path_of(11)
    page.write_text(event_page("Ferry timetable dispute", dt.date(2023, 6, 14),
                               [PEOPLE[1], "Wenna Calloway"], draft=False), encoding="utf-8")
    (events / path_of(3)).write_text(
        event_page("Harbour council meeting 3", day_of(3), [PEOPLE[3]], draft=True),
        encoding="utf-8")
    write_event(project, "2025/2025-01-05-new.md",
                event_page("Lindqvist Bay pier opens", dt.date(2025, 1, 5), [PEOPLE[4]]))
    rebuild(preview)
    preview.wait_for_search()
    result = mkdocs_build(project, tmp_path / "clean")
    assert result.returncode == 0, result.stdout + result.stderr
    assert_same_tree(tmp_path / "incremental", tmp_path / "clean")
    assert not (tmp_path / "incremental" / "events" / path_of(3)[:-3]).exists()


def test_other_files_rebuild_the_whole_site(timeline_project: Path, tmp_path: Path) -> None:
    """A page of the user's own changes the nav and every page: a full build."""
    preview = clean_preview(timeline_project, tmp_path / "served", serving=True)
    (timeline_project / "content" / "about.md").write_text("# About\n\nVeyra notes.\n",
                                                           encoding="utf-8")
    assert preview.rebuild().full
    assert (tmp_path / "served" / "about" / "index.html").is_file()
    assert not preview.rebuild().full  # nothing changed since


def test_timeline_serve_outside_a_project_says_what_to_do(tmp_path: Path) -> None:
    result = timeline("serve", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == ("Error: mkdocs.yml: no such file (run this in a timeline "
                                     "project, or give its mkdocs.yml with -f)")
