"""A standfirst with no full stop under the headline, which the story repeats as the first
sentence of one of its paragraphs, is not compared with itself (issue 9): the words the
candidate shares with the story are counted over the story's other paragraphs, so the
standfirst does not outscore its headline by matching its own copy. Pages are laid out as a
browser pastes them, written to real files and read by the text reader. Every place and
person is invented."""

from __future__ import annotations

from pathlib import Path

from builder.readers import text as text_reader

HEADLINE = "Despite the storms, Velmora's ferry kept sailing in 2024"
DEK = "Ostrakan harbour has been in a slow decline over the past twenty winters"
STORY = [
    "Just a week into the new year, the first count of crossings made by the Velmora ferry "
    "last year is already in, and it surprised even the crew who sailed them.",
    "Perhaps surprisingly, the ferry crossed more often than the year before, according to "
    "Dr Ilse Varnholt, who keeps the harbour's records for the island council.",
    "“It is a good-news bad-news story,” said Captain Odile Marrow. “The boat held up, but "
    "the quay at Ostrakan harbour is another matter.”",
    f"{DEK}. The quay now takes half as many boats as it did in 2004, and the decline of "
    "the harbour continued through last year, as the slow silting of the channel went on "
    "over the twenty winters.",
    "The council will decide in March whether to dredge the channel of the harbour again.",
]
PAGE = ["Velmora Weekly", "News", "Islands", "Weather", HEADLINE, DEK, "", "",
        "MARTA QUILL", "JANUARY 10, 2025 9:00AM (UTC)", "", *STORY]


def _read(tmp_path: Path, lines: list[str]) -> tuple[str, dict[str, dict[str, float]]]:
    """The title the reader gives a pasted page on disk, and each candidate's features."""
    path = tmp_path / "page.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    content = path.read_text(encoding="utf-8")
    page = text_reader._parse(content)
    body_start, _ = text_reader._body_span(page)
    features = {page.blocks[index].text if head is None else head:
                dict(zip(text_reader.TITLE_FEATURES, values, strict=True))
                for index, values, head in text_reader.title_candidates(page, body_start)}
    return text_reader.read_text(content, "velmora.txt").title, features


def test_repeated_standfirst_is_not_the_headline(tmp_path: Path) -> None:
    """The headline wins over the standfirst that the story repeats."""
    title, _ = _read(tmp_path, PAGE)
    assert title == HEADLINE


def test_standfirst_not_compared_with_its_copy(tmp_path: Path) -> None:
    """The standfirst's share of the story's words leaves out the paragraph that repeats
    it; once that paragraph is gone from the page, the figure is the same."""
    _, features = _read(tmp_path, PAGE)
    without = [line for line in PAGE if not line.startswith(f"{DEK}.")]
    (tmp_path / "alone").mkdir()
    _, alone = _read(tmp_path / "alone", without)
    assert features[DEK]["shared_words"] == alone[DEK]["shared_words"]
    assert features[DEK]["overlap"] == alone[DEK]["overlap"]
