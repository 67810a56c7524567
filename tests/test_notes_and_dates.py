"""Markdown notes taken as given, relative stamps, and one name per person across events."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import frontmatter
import pytest
from conftest import timeline

from builder.extract.dates import RELATIVE_DATE, find_date
from builder.extract.entities import extract_entities
from builder.model import SeedError

NOTE = """---
title: Ashmoor ferry council meets again
date: 2025-11-03
location: Ashmoor
people: [Ilse Varnholt]
tags: []
sources:
  - https://courier.example/ashmoor-ferry
  - title: Radio Ashmoor bulletin
    publisher: Radio Ashmoor
---
My notes: the **council** met; Councillor Tomas Quennell of the Veyran Harbour Authority
asked about the winter timetable.

See [the minutes](https://council.example/minutes) and [this](javascript:alert(1)).
"""


def test_a_note_is_taken_as_given(project: Path) -> None:
    (project / "seeds" / "ashmoor-note.md").write_text(NOTE, encoding="utf-8")
    result = timeline("build", cwd=project)
    assert result.returncode == 0, result.stdout
    [page] = (project / "content" / "events" / "2025").glob("2025-11-03-*.md")
    post = frontmatter.load(page)
    assert post["title"] == "Ashmoor ferry council meets again"
    assert str(post["date"]) == "2025-11-03"
    assert post["date_from"] == "the note's date"
    assert post["location"] == "Ashmoor"
    assert post["people"] == ["Ilse Varnholt"]  # as given: Tomas Quennell is not added
    assert post["tags"] == []  # given empty: stays empty
    assert post["organizations"] == ["Veyran Harbour Authority"]  # not given: extracted
    assert [(s["title"], s["url"], s["publisher"], s["seed"]) for s in post["sources"]] == [
        ("https://courier.example/ashmoor-ferry", "https://courier.example/ashmoor-ferry",
         None, "ashmoor-note.md"),
        ("Radio Ashmoor bulletin", None, "Radio Ashmoor", "ashmoor-note.md"),
    ]
    assert "the **council** met" in post.content  # the note's Markdown stays Markdown
    assert "[the minutes](https://council.example/minutes)" in post.content
    assert "(javascript:" not in post.content
    assert timeline("check", cwd=project).returncode == 0


@pytest.mark.parametrize(("front", "message"), [
    ("title: A note\n", "date: None is not a date (expected `date: YYYY-MM-DD`"),
    ("date: 2025-11-03\n", "the note has no title (expected `title: ...`"),
    ("title: A note\ndate: 2025-02-30\n", "date: '2025-02-30' is not a date"),
])
def test_a_note_without_title_or_date_is_reported(project: Path, front: str,
                                                  message: str) -> None:
    (project / "seeds" / "note.md").write_text(f"---\n{front}---\nText.\n", encoding="utf-8")
    result = timeline("build", cwd=project)
    assert result.returncode == 1
    [line] = [line for line in result.stdout.splitlines() if "note.md" in line]
    assert line.startswith(f"failed     note.md: {message}")


def test_a_relative_stamp_counts_back_from_the_reference_date() -> None:
    reference = dt.date(2026, 3, 10)
    found = find_date(None, None, None, reference, "4 hours ago")
    assert found.date == reference
    assert found.review == (RELATIVE_DATE,)
    assert find_date(None, None, None, reference, "2 days ago").date == dt.date(2026, 3, 8)
    assert find_date(None, None, None, reference, "yesterday").date == dt.date(2026, 3, 9)
    # The page's own timestamp wins over a relative stamp.
    stamped = find_date(None, dt.date(2026, 3, 1), "timestamp", reference, "4 hours ago")
    assert stamped.date == dt.date(2026, 3, 1) and stamped.review == ()
    with pytest.raises(SeedError):
        find_date(None, None, None, reference, "a while back")


def test_a_surname_alone_takes_the_full_name_from_other_events() -> None:
    text = "Mayor Varnholt opened the quay. Varnholt said the ferry would run hourly."
    found = extract_entities(text, {}, (), known_people=["Ilse Varnholt", "Tomas Quennell"])
    assert found.people == ["Ilse Varnholt"]


def test_a_later_report_naming_only_a_surname_uses_the_known_full_name(project: Path) -> None:
    seeds = project / "seeds"
    (seeds / "first.txt").write_text(
        "Port Veyra opens new quay\n\nPORT VEYRA, March 3, 2025 -- Mayor Ilse Varnholt "
        "opened the new quay on the harbour front.\n", encoding="utf-8")
    assert timeline("build", cwd=project).returncode == 0
    (seeds / "later.txt").write_text(
        "Port Veyra lighthouse relit\n\nPORT VEYRA, June 9, 2025 -- The old lighthouse was "
        "lit again after forty years, and Varnholt pressed the switch.\n", encoding="utf-8")
    # (the same town as her page: a lone surname of an unrelated story takes no other
    # event's full name, tests/test_names_across_timeline.py)
    assert timeline("build", cwd=project).returncode == 0
    [page] = (project / "content" / "events" / "2025").glob("2025-06-09-*.md")
    assert frontmatter.load(page)["people"] == ["Ilse Varnholt"]
