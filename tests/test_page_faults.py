"""Faults in event pages and notes (issue 8, items 3, 4, 8, 9, 10, 13) and the libyaml
dumper (issue 11): each refused with a `path:line: field: message`, the same in `timeline
check`, `timeline build` and the site build, and never a traceback.

Every page, note, place and person here is fictional (Ashmoor, Port Veyra, Ilse Varnholt).
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

import pytest
import yaml
from conftest import SEED, mkdocs_build, run, timeline
from hypothesis import given, settings
from hypothesis import strategies as st

from builder import model
from builder.model import (
    MAX_NAMES,
    Event,
    Source,
    add_source_to_text,
    parse_event,
    render_event,
)

ALIAS_WORDS = "(YAML anchors and aliases are refused: write the value out in full)"

#: A "billion laughs": 1 KB of YAML that would expand to 10^9 strings.
BOMB = "\n".join(
    ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 9)]
)


def page_text(front: str, body: str = "The Ashmoor quay reopens.") -> str:
    return f"---\n{front}---\n\n{body}\n"


# --- Aliases, duplicate keys, names that are not texts, too many names -------------------


def test_an_alias_bomb_page_is_refused_before_it_expands() -> None:
    text = page_text(f"title: Ashmoor quay\ndate: 2025-05-02\n{BOMB}\ntags: *a8\n")
    event, problems = parse_event(text, "content/events/bomb.md")
    assert event is None
    assert [str(p) for p in problems] == [
        f"content/events/bomb.md:4: a0: uses the anchor &a0 {ALIAS_WORDS}",
        f"content/events/bomb.md:5: a1: uses the anchor &a1 {ALIAS_WORDS}",
        *(f"content/events/bomb.md:{n + 4}: a{n}: uses the anchor &a{n} {ALIAS_WORDS}"
          for n in range(2, 9)),
        f"content/events/bomb.md:13: tags: uses the alias *a8 {ALIAS_WORDS}",
    ]


def test_a_plain_alias_in_a_list_is_refused() -> None:
    text = page_text("title: Ashmoor quay\ndate: 2025-05-02\n"
                     "people: [&who Ilse Varnholt]\nplaces: [*who]\n")
    assert [str(p) for p in parse_event(text, "p.md")[1]] == [
        f"p.md:4: people: uses the anchor &who {ALIAS_WORDS}",
        f"p.md:5: places: uses the alias *who {ALIAS_WORDS}",
    ]


def test_duplicate_keys_are_reported_at_their_line() -> None:
    text = page_text("title: Ashmoor quay\ndate: 2025-05-02\ntitle: Port Veyra quay\n"
                     "sources:\n  - title: Ashmoor Courier\n    url: https://a.example/1\n"
                     "    url: https://a.example/2\n")
    assert [str(p) for p in parse_event(text, "p.md")[1]] == [
        "p.md:4: title: duplicate key 'title' (expected each key once: keep one and delete "
        "the other)",
        "p.md:8: sources: duplicate key 'url' (expected each key once: keep one and delete "
        "the other)",
    ]


def test_names_that_are_not_texts_are_errors_with_their_field() -> None:
    text = page_text("title: Ashmoor quay\ndate: 2025-05-02\n"
                     "tags: [harbour, [lol, lol], {a: 1}]\npeople:\n  - Ilse Varnholt\n  - null\n")
    assert [str(p) for p in parse_event(text, "p.md")[1]] == [
        "p.md:4: tags[1]: is a list (expected a text)",
        "p.md:4: tags[2]: is a mapping (expected a text)",
        "p.md:5: people[1]: is empty (expected a text)",
    ]


def test_more_names_than_the_limit_is_an_error() -> None:
    names = ", ".join(f"tag {n}" for n in range(MAX_NAMES + 1))
    text = page_text(f"title: Ashmoor quay\ndate: 2025-05-02\ntags: [{names}]\n")
    assert [str(p) for p in parse_event(text, "p.md")[1]] == [
        f"p.md:4: tags: has {MAX_NAMES + 1} names (expected at most {MAX_NAMES}: keep the "
        "main ones, or split the event)"]
    exactly = ", ".join(f"tag {n}" for n in range(MAX_NAMES))
    event, problems = parse_event(
        page_text(f"title: Ashmoor quay\ndate: 2025-05-02\ntags: [{exactly}]\n"), "p.md")
    assert event is not None and len(event.tags) == MAX_NAMES and not problems


# --- Dates at the edges -----------------------------------------------------------------


@pytest.mark.parametrize(("front", "expected"), [
    ("date: 9999-12-31\n", "p.md:3: date: 9999-12-31 is outside the supported range "
                           "(expected a date from 0001-01-01 to 9998-12-31)"),
    ("date: 2025-05-02\nend_date: 9999-01-01\n",
     "p.md:4: end_date: 9999-01-01 is outside the supported range (expected a date from "
     "0001-01-01 to 9998-12-31)"),
    ("date: 0000-12-31\n", "p.md:3: date: '0000-12-31' is not a date (expected YYYY-MM-DD, "
                           "e.g. 2025-12-17)"),
])
def test_dates_outside_the_range_are_refused(front: str, expected: str) -> None:
    event, problems = parse_event(page_text(f"title: Ashmoor quay\n{front}"), "p.md")
    assert event is None
    assert [str(p) for p in problems] == [expected]


# --- BOM and CRLF pages ------------------------------------------------------------------


def test_a_bom_page_is_read_as_a_page() -> None:
    event, problems = parse_event("\ufeff" + page_text("title: Ashmoor quay\ndate: 2025-05-02\n"),
                                  "p.md")
    assert event is not None and event.title == "Ashmoor quay" and not problems


def test_a_source_added_to_a_crlf_bom_page_keeps_every_other_byte() -> None:
    text = ("\ufeff---\r\ntitle: Ashmoor quay\r\ndate: 2025-05-02\r\nsources:\r\n"
            "  - title: Ashmoor Courier\r\n    seed: a.txt\r\nreview: []\r\n---\r\n\r\n"
            "The quay reopens.\r\n")
    after = add_source_to_text(text, Source(title="Port Veyra Post", seed="b.txt"))
    assert after == text.replace(
        "review:", "  - title: Port Veyra Post\r\n    publisher: null\r\n    credit: null\r\n"
                   "    url: null\r\n    published: null\r\n    seed: b.txt\r\nreview:")


def test_a_bom_page_takes_a_copy_of_its_article(project: Path) -> None:
    (page,) = (project / "content" / "events").rglob("2025-12-17-*.md")
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes())
    check = timeline("check", cwd=project)
    assert check.returncode == 0, check.stdout
    shutil.copy(project / "seeds" / SEED, project / "seeds" / "copy.txt")
    result = timeline("build", cwd=project)
    assert result.returncode == 0, result.stdout
    assert "added as a source copy.txt -> 2025/" in result.stdout
    assert list((project / "content" / "events").rglob("*.md")) == [page]
    assert page.read_bytes().startswith(b"\xef\xbb\xbf---\n")
    site = project.parent / "site"
    assert mkdocs_build(project, site).returncode == 0
    assert (site / "events" / "2025" / page.stem / "index.html").is_file()


def test_a_crlf_page_stays_crlf_and_identical_outside_sources(project: Path) -> None:
    (page,) = (project / "content" / "events").rglob("2025-12-17-*.md")
    before = page.read_bytes().replace(b"\n", b"\r\n")
    page.write_bytes(before)
    shutil.copy(project / "seeds" / SEED, project / "seeds" / "copy.txt")
    result = timeline("build", cwd=project)
    assert "added as a source copy.txt -> 2025/" in result.stdout, result.stdout
    after = page.read_bytes()
    cut = before.index(b"date_from:")
    assert after.startswith(before[:cut]) and after.endswith(before[cut:])
    assert after[cut:len(after) - len(before) + cut] == (
        b"  - title: US officials say Washington has agreed to give Ukraine security "
        b"guarantees in peace talks\r\n    publisher: Balitang Marino\r\n    credit: mb.com.ph"
        b"\r\n    url: null\r\n    published: 2025-12-17\r\n    seed: copy.txt\r\n")


# --- check, build and the site agree ----------------------------------------------------


def test_check_and_the_site_build_agree_on_bad_pages(bare_project: Path,
                                                     tmp_path: Path) -> None:
    events = bare_project / "content" / "events" / "2025"
    events.mkdir(parents=True)
    (events / "bomb.md").write_text(
        page_text(f"title: Ashmoor quay\ndate: 2025-05-02\n{BOMB}\n"), encoding="utf-8")
    (events / "twice.md").write_text(
        page_text("title: Ashmoor mill\ndate: 2025-05-03\ndate: 2025-05-04\n"), "utf-8")
    (events / "late.md").write_text(page_text("title: Ashmoor far future\ndate: 9999-12-31\n"),
                                    encoding="utf-8")
    (events / "edges.md").write_text(page_text("title: Ashmoor first day\ndate: 0001-01-01\n"),
                                     encoding="utf-8")
    (events / "last.md").write_text(
        page_text("title: Ashmoor last day\ndate: 9998-12-30\nend_date: 9998-12-31\n"), "utf-8")
    expected = [
        f"content/events/2025/bomb.md:4: a0: uses the anchor &a0 {ALIAS_WORDS}",
        "content/events/2025/late.md:3: date: 9999-12-31 is outside the supported range "
        "(expected a date from 0001-01-01 to 9998-12-31)",
        "content/events/2025/twice.md:4: date: duplicate key 'date' (expected each key once: "
        "keep one and delete the other)",
    ]
    check = timeline("check", cwd=bare_project)
    assert check.returncode == 1
    reported = [line for line in check.stdout.splitlines() if "bomb.md:" in line
                or "late.md" in line or "twice.md" in line]
    assert reported[0] == expected[0] and reported[-2:] == expected[1:]
    assert "edges.md" not in check.stdout and "last.md" not in check.stdout
    strict = mkdocs_build(bare_project, tmp_path / "strict")
    assert strict.returncode == 1
    for line in expected:
        assert line in strict.stderr
    assert "Traceback" not in strict.stderr
    for broken in ("bomb.md", "late.md", "twice.md"):
        (events / broken).unlink()
    built = mkdocs_build(bare_project, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    site = tmp_path / "site"
    assert (site / "events" / "2025" / "edges" / "index.html").is_file()
    assert (site / "events" / "2025" / "last" / "index.html").is_file()


# --- Notes --------------------------------------------------------------------------------


@pytest.mark.parametrize(("front", "message"), [
    (f"{BOMB}\ntags: *a8\n", f"line 4: a0: uses the anchor &a0 {ALIAS_WORDS}"),
    ("tags: [harbour, [lol, lol]]\n", "line 4: tags[1]: is a list (expected a text)"),
    ("people: [Ilse Varnholt]\npeople: [Tomas Quennell]\n",
     "line 5: people: duplicate key 'people' (expected each key once: keep one and delete "
     "the other)"),
    ("tags: [" + ", ".join(f"t{n}" for n in range(MAX_NAMES + 1)) + "]\n",
     f"line 4: tags: has {MAX_NAMES + 1} names (expected at most {MAX_NAMES}"),
])
def test_a_note_with_aliases_or_bad_names_is_refused_clearly(bare_project: Path, front: str,
                                                            message: str) -> None:
    (bare_project / "seeds" / "note.md").write_text(
        f"---\ntitle: Ashmoor quay note\ndate: 2025-05-02\n{front}---\nThe quay.\n", "utf-8")
    result = timeline("build", cwd=bare_project)
    assert result.returncode == 1
    [line] = [line for line in result.stdout.splitlines() if "note.md" in line]
    assert line.startswith(f"failed     note.md: {message}")
    assert "Traceback" not in result.stdout + result.stderr


def test_a_note_dated_out_of_range_is_refused(bare_project: Path) -> None:
    (bare_project / "seeds" / "note.md").write_text(
        "---\ntitle: Ashmoor quay note\ndate: 9999-12-31\n---\nThe quay.\n", "utf-8")
    result = timeline("build", cwd=bare_project)
    assert result.returncode == 1
    assert ("failed     note.md: date: 9999-12-31 is outside the supported range (expected a "
            "date from 0001-01-01 to 9998-12-31)") in result.stdout


# --- The libyaml dumper writes exactly what the pure one writes -------------------------

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
LONG_TEXT = st.one_of(TEXT, st.text(max_size=5000), st.sampled_from([
    "null", "~", "yes", "- a", "-", "a: b", "#x", "'q'", '"q"', "2025-01-01", "1e3", "",
    " lead", "trail ", "\ufeff", "x\ny", "tab\there", "\x85", "@at", "`b", "? q", "|", ">",
    # Near the line width (4096) once quoted or escaped, where the two emitters could fold:
    "' " * 1900, "'" * 1899, '"\\ ' * 1266, "a " * 2040, "\x01 " * 150, "\x01" * 300,
    "é " * 1900, "k" * 120,
])).map(lambda text: text.replace("\r", " "))
EXTRA_VALUE = st.one_of(LONG_TEXT, st.integers(), st.booleans(), st.none(),
                        st.lists(LONG_TEXT, max_size=3),
                        st.dictionaries(TEXT, LONG_TEXT, max_size=2))


@settings(max_examples=300, deadline=None)
@given(title=LONG_TEXT, summary=LONG_TEXT, tags=st.lists(LONG_TEXT, max_size=4),
       sources=st.lists(st.tuples(LONG_TEXT, st.one_of(st.none(), LONG_TEXT)), max_size=3),
       extra=st.dictionaries(st.one_of(TEXT, LONG_TEXT), EXTRA_VALUE, max_size=3),
       day=st.dates(model.MIN_DATE, model.MAX_DATE))
def test_the_libyaml_dumper_writes_what_the_pure_one_writes(
        title: str, summary: str, tags: list[str], sources: list[tuple[str, str | None]],
        extra: dict[str, object], day: dt.date) -> None:
    event = Event(title=title or "t", date=day, summary=summary, tags=tags,
                  sources=[Source(title=t, url=u, published=day) for t, u in sources],
                  extra={key: value for key, value in extra.items() if key not in model.FIELDS})
    data = model._one_line(event.to_front_matter())
    pure = yaml.dump(data, Dumper=model._Dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=4096)
    assert model._dump(data) == pure
    assert render_event(event).startswith("---\n" + pure.strip() + "\n---\n")


def test_the_builder_never_writes_more_names_than_check_accepts() -> None:
    event = Event(title="Ashmoor census", date=dt.date(2025, 5, 2),
                  people=[f"Ilse Varnholt {n}" for n in range(MAX_NAMES + 50)])
    read, problems = parse_event(render_event(event), "p.md")
    assert read is not None and not problems
    assert read.people == event.people[:MAX_NAMES]
    assert read.review == [f"more than {MAX_NAMES} people: only the first {MAX_NAMES} are listed"]


def test_lists_cut_by_different_counts_share_one_review_flag() -> None:
    """The review page groups events by flag: a count in the flag made a group per event."""
    flags = []
    for extra in (1, 50):
        event = Event(title="Ashmoor census", date=dt.date(2025, 5, 2),
                      people=[f"Ilse Varnholt {n}" for n in range(MAX_NAMES + extra)])
        read, _ = parse_event(render_event(event), "p.md")
        assert read is not None
        flags.append(read.review)
    assert flags[0] == flags[1]


# --- Bodies Markdown cannot render: refused, never a traceback ---------------------------

DEEPEST = [
    "- " * model.MAX_NESTING + "Ashmoor",
    "".join("    " * level + "- Ashmoor\n" for level in range(model.MAX_NESTING)),
    "> " * model.MAX_NESTING + "Ashmoor",
    '<div markdown="1">\n' * model.MAX_NESTING + "Ashmoor\n" + "</div>\n" * model.MAX_NESTING,
    "*" * model.MAX_RUN + "Ashmoor" + "*" * model.MAX_RUN,
]
TOO_DEEP = [
    ("- " * 3000 + "Ashmoor", "nests lists or quotes 3000 levels deep (expected at most 32)"),
    ("1. " * 500 + "Ashmoor", "nests lists or quotes 500 levels deep (expected at most 32)"),
    ("".join("    " * level + "- Ashmoor\n" for level in range(400)),
     "nests lists or quotes 33 levels deep (expected at most 32)"),
    ('<div markdown="1">\n' * 400 + "Ashmoor\n",
     "nests HTML elements 33 deep (expected at most 32)"),
    ("*" * 20000 + "Ashmoor" + "*" * 20000,
     "has a run of 20000 '*' (expected at most 100; write \\* for a literal one)"),
]


def test_bodies_markdown_cannot_render_are_refused_and_the_site_still_builds(
        bare_project: Path, tmp_path: Path) -> None:
    events = bare_project / "content" / "events" / "2025"
    events.mkdir(parents=True)
    for number, body in enumerate(DEEPEST):
        (events / f"deepest-{number}.md").write_text(
            page_text(f"title: Ashmoor depth {number}\ndate: 2025-06-{number + 1:02d}\n",
                      body), encoding="utf-8")
    assert timeline("check", cwd=bare_project).returncode == 0
    assert mkdocs_build(bare_project, tmp_path / "deepest").returncode == 0
    for number, (body, _message) in enumerate(TOO_DEEP):
        (events / f"deep-{number}.md").write_text(
            page_text(f"title: Port Veyra depth {number}\ndate: 2025-07-{number + 1:02d}\n",
                      f"Port Veyra.\n\n{body}"), encoding="utf-8")
    expected = [f"content/events/2025/deep-{number}.md:{8 + (number in (2, 3)) * 32}: body: "
                f"{message}" for number, (_body, message) in enumerate(TOO_DEEP)]
    check = timeline("check", cwd=bare_project)
    assert check.returncode == 1
    assert [line for line in check.stdout.splitlines() if "/deep-" in line] == expected
    strict = mkdocs_build(bare_project, tmp_path / "strict")
    assert strict.returncode == 1 and "Traceback" not in strict.stderr
    for line in expected:
        assert line in strict.stderr
    lenient = run([sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "site")],
                  bare_project)
    assert lenient.returncode == 0 and "Traceback" not in lenient.stderr


def test_a_note_markdown_cannot_render_is_refused(bare_project: Path) -> None:
    (bare_project / "seeds" / "note.md").write_text(
        "---\ntitle: Ashmoor quay note\ndate: 2025-05-02\n---\nThe quay.\n\n"
        + "- " * 3000 + "x\n", "utf-8")
    result = timeline("build", cwd=bare_project)
    assert result.returncode == 1
    assert ("failed     note.md: line 7: body: nests lists or quotes 3000 levels deep "
            "(expected at most 32)") in result.stdout
