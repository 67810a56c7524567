"""A headline glued to the line under it in a browser's paste (issue 9): the headline and its
byline, or its standfirst, copied as one line. The reader offers the headline alone as a
candidate too (`glued_heads`), and the model chooses. Pages are read from real files with
`read_seed`; every place and person here is invented."""

from __future__ import annotations

from pathlib import Path

from builder.readers import read_seed
from builder.readers.text import glued_heads

STORY = [
    "VELMORA — The harbour council of Velmora voted on Tuesday to keep the Ostrakan ferry "
    "running through the winter months, after three hundred island families wrote to ask "
    "for it, the council's clerk said.",
    "The ferry had stopped each winter since the old quay at Ostrakan was closed, and the "
    "islanders crossed on the mail boat twice a week, when the sea allowed it.",
    "Captain Ilse Varnholt, who has steered the ferry for twenty years, said her crew would "
    "be ready for the first winter crossing in December, and that the boat had been refitted "
    "for the storms of the northern channel.",
]
MENU = ["Skip to main content", "Home", "News", "Islands", "Weather", "Sign in"]
HEADLINE = "Velmora keeps its Ostrakan ferry running all winter"


def _read(tmp_path: Path, name: str, lines: list[str]) -> tuple[str, list[str]]:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    article = read_seed(path, 1_000_000)
    return article.title, article.authors


def test_headline_glued_to_its_byline(tmp_path: Path) -> None:
    """The byline and date pasted on the headline's line: the title is the headline, and
    the byline is still read."""
    title, authors = _read(tmp_path, "byline.txt", [
        *MENU, f"{HEADLINE} by Ilse Varnholt — March 4, 2025", "", *STORY])
    assert title == HEADLINE
    assert authors == ["Ilse Varnholt"]


def test_headline_on_a_line_of_its_own_is_kept_whole(tmp_path: Path) -> None:
    """A headline that names a person ("... by Ilse Varnholt" inside a title-case line
    without a byline after it) is not cut when it stands alone with a byline below."""
    title, _ = _read(tmp_path, "whole.txt", [
        *MENU, HEADLINE, "By Ilse Varnholt", "March 4, 2025", "", *STORY])
    assert title == HEADLINE


def test_glued_heads_kinds() -> None:
    """The ways a line may be cut: a byline or a stamp after the headline, the headline said
    twice; a headline with "by" in it is not cut when what follows is not a byline."""
    assert glued_heads(f"{HEADLINE} by Ilse Varnholt") == [
        (HEADLINE, "by Ilse Varnholt", "meta")]
    assert glued_heads(f"{HEADLINE} written by Ilse Varnholt") == [
        (HEADLINE, "written by Ilse Varnholt", "meta")]
    assert glued_heads(f"{HEADLINE} 4 March 2025") == [(HEADLINE, "4 March 2025", "meta")]
    assert glued_heads("Ferry Days in Velmora Ferry Days in Velmora") == [
        ("Ferry Days in Velmora", "Ferry Days in Velmora", "twice")]
    assert glued_heads("Ferry Seized in Velmora by Harbour Police, Council Says") == []
    assert glued_heads("Velmora") == []
