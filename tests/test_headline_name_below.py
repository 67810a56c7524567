"""The headline model's "name_below" feature (issue 9): a person's name alone, a byline
without its "By", stands under the headline (and its standfirst), not under a kicker, a
site's tagline or a related story's headline. Pages are laid out as a browser pastes them,
written to real files and parsed by the text reader. Every place and person is invented."""

from __future__ import annotations

from pathlib import Path

from builder.readers import text as text_reader

HEADLINE = "A town that forgets its islands should not be surprised when they vote"
DEK = ("While the council and the islanders faced a hard year, the ferry's crew kept the "
       "crossing open through every storm of the northern channel")
STORY = [
    "Marta Quill has crossed to the Askel islands every week for ten years, and she has "
    "seen what a winter without the ferry does to the families who live there.",
    "The ferry had stopped each winter since the old quay at Askel was closed, and the "
    "islanders crossed on the mail boat twice a week, when the sea allowed it.",
    "Captain Odile Marrow, who has steered the ferry for twenty years, said her crew would "
    "be ready for the first winter crossing in December, and that the boat had been refitted "
    "for the storms of the northern channel.",
]


def _features(tmp_path: Path, lines: list[str]) -> dict[str, dict[str, float]]:
    """Each headline candidate's features by its text, read from a pasted page on disk."""
    path = tmp_path / "page.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    page = text_reader._parse(path.read_text(encoding="utf-8"))
    body_start, _ = text_reader._body_span(page)
    return {page.blocks[index].text if head is None else head:
            dict(zip(text_reader.TITLE_FEATURES, features, strict=True))
            for index, features, head in text_reader.title_candidates(page, body_start)}


def test_name_under_headline_and_standfirst(tmp_path: Path) -> None:
    """The columnist's name two lines under the headline marks the headline and its
    standfirst; the name itself and the one-word kicker are not marked."""
    found = _features(tmp_path, ["Opinion", "Harbour Notes", HEADLINE, DEK, "Marta Quill",
                                 "Published: 10:00am, 20 Jan, 2025", "", *STORY])
    assert found[HEADLINE]["name_below"] == 1.0
    assert found[DEK]["name_below"] == 1.0
    assert found.get("Marta Quill", {}).get("name_below", 0.0) == 0.0
    assert found.get("Harbour Notes", {}).get("name_below", 0.0) == 0.0


def test_no_name_means_no_mark(tmp_path: Path) -> None:
    """A byline with "By", or a capitalised phrase that is no person's name ("Northern
    Isles Weekly"), does not mark the line above it."""
    found = _features(tmp_path, ["Islands", HEADLINE, "Northern Isles Weekly",
                                 "By Marta Quill", "March 4, 2025", "", *STORY])
    assert found[HEADLINE]["name_below"] == 0.0


def test_name_far_below_does_not_count(tmp_path: Path) -> None:
    """A name four lines under a candidate belongs to something else (a list of columnists,
    a related story): the candidate is not marked."""
    lines = ["Islands", "The Voice of the Northern Isles", "Ferries", "Harbours",
             "Weather today", HEADLINE, "March 4, 2025", "", *STORY]
    lines.insert(5, "Marta Quill")
    found = _features(tmp_path, lines)
    assert found["The Voice of the Northern Isles"]["name_below"] == 0.0
    assert found["Weather today"]["name_below"] == 0.0

