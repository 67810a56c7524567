"""The standfirst (the prose between a headline and its byline or stamp) is the writer's
text: the event page shows it above the story, escaped like any article text, but the
summary is the story's first sentence, not the standfirst (issue 9). The article is
fictional.

A photo's caption or credit, or a browser notice, that stands where a standfirst would (between
the headline and the byline) is no standfirst: the reader leaves it out and keeps the real
standfirst beside it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from builder import pipeline, scaffold
from builder.config import load_settings
from builder.extract.summary import is_furniture
from builder.readers import read_seed

STANDFIRST = ("Velmora's harbour board says the old ferry pier will close for two years "
              "while engineers rebuild it <script>alert('pier')</script> from the seabed up.")
LEDE = ("The Velmora Harbour Board voted on Tuesday to close the Ostrakan ferry pier from "
        "next spring, after divers found cracks in three of its oldest pillars.")
SECOND = ("Dr Ilse Varnholt, the board's chief engineer, said the ferries would use a "
          "temporary landing stage on the north quay while the work went on.")
THIRD = ("Traders on the quay told the board they feared losing custom during the works, "
         "and asked for the temporary stage to open before the summer season began.")

#: The same standfirst without markup, beside the captions and notices below.
PLAIN_STANDFIRST = STANDFIRST.replace(" <script>alert('pier')</script>", "")


def _paste(standfirst: str = STANDFIRST, header: str = "") -> str:
    """The fictional paste: headline, standfirst, a `header` line if any, byline, stamp and
    the story."""
    between = f"\n{header}\n" if header else ""
    return f"""Velmora Coast Gazette

Harbour board votes to close Ostrakan ferry pier

{standfirst}
{between}
By Tomas Quellin

Published 14 March 2026

{LEDE}

{SECOND}

{THIRD}
"""


def _seed(folder: Path) -> Path:
    path = folder / "velmora-pier.txt"
    path.write_text(_paste(), encoding="utf-8")
    return path


def test_the_reader_keeps_the_standfirst_apart_from_the_story(tmp_path: Path) -> None:
    article = read_seed(_seed(tmp_path), 10**6)
    assert article.title == "Harbour board votes to close Ostrakan ferry pier"
    assert article.standfirst == [STANDFIRST]
    assert article.paragraphs[0] == LEDE
    assert article.authors == ["Tomas Quellin"]
    assert article.published == dt.date(2026, 3, 14)


def test_the_event_page_shows_the_standfirst_escaped_and_sums_up_the_story(
        tmp_path: Path) -> None:
    scaffold.create_project(tmp_path)
    _seed(tmp_path / "seeds")
    settings = load_settings(tmp_path / "mkdocs.yml")
    report = pipeline.build(settings, dt.date(2026, 3, 20))
    [item] = report.seeds
    assert item.outcome is pipeline.Outcome.CREATED and item.page
    page = tmp_path / "content" / "events" / item.page
    text = page.read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    summary = next(line for line in front.splitlines() if line.startswith("summary:"))
    assert "Velmora Harbour Board voted on Tuesday" in summary
    assert "old ferry pier" not in summary
    # The standfirst is on the page, first, and its markup is escaped, not dropped.
    assert "old ferry pier will close for two years" in body
    assert "<script>" not in body
    assert "alert" in body and "from the seabed up." in body
    assert body.index("old ferry pier") < body.index("voted on Tuesday")
    # A rebuild leaves the page byte for byte as it was.
    pipeline.build(settings, dt.date(2026, 3, 20))
    assert page.read_text(encoding="utf-8") == text


def test_a_standfirst_above_a_dateline_is_kept_and_the_dateline_opens_the_story(
        tmp_path: Path) -> None:
    path = tmp_path / "velmora-dateline.txt"
    path.write_text(f"""Harbour board votes to close Ostrakan ferry pier

Published 14 March 2026

{STANDFIRST}

VELMORA, March 14 (Coast Wire) - {LEDE}

{SECOND}

{THIRD}
""", encoding="utf-8")
    article = read_seed(path, 10**6)
    assert article.standfirst == [STANDFIRST]
    assert article.paragraphs[0].startswith("VELMORA, March 14 (Coast Wire) - The Velmora")


HEADER_LINES = [
    # A caption ending with its photographer's credit in brackets.
    ("Dr Ilse Varnholt speaks to traders on the north quay of the Ostrakan harbour on "
     "Tuesday morning. (Tomas Quellin/Velmora Coast Gazette)"),
    # A caption placing the people in the picture, in German and in English.
    ("Von links nach rechts: Ilse Varnholt, Chefingenieurin, Tomas Quellin, Hafenmeister, "
     "und Mara Ostrakis, Vorsitzende des Hafenrats von Velmora."),
    ("From left to right: Ilse Varnholt, chief engineer, Tomas Quellin, harbour master, and "
     "Mara Ostrakis, chair of the Velmora harbour board."),
    # A notice about the reader's browser.
    ("In Ihrem Browser ist Javascript deaktiviert. Damit alle Inhalte dieser Seite richtig "
     "angezeigt werden, muss Javascript aktiviert sein."),
]


@pytest.mark.parametrize("header", HEADER_LINES)
def test_a_caption_or_notice_under_the_headline_is_no_standfirst(tmp_path: Path,
                                                                 header: str) -> None:
    path = tmp_path / "velmora-pier.txt"
    path.write_text(_paste(PLAIN_STANDFIRST, header), encoding="utf-8")
    article = read_seed(path, 10**6)
    assert article.title == "Harbour board votes to close Ostrakan ferry pier"
    assert article.standfirst == [PLAIN_STANDFIRST]
    assert article.paragraphs[0] == LEDE


@pytest.mark.parametrize("opener", [
    "Von links nach rechts: Ilse Varnholt und Tomas Quellin am Kai.",
    "De gauche à droite, Ilse Varnholt et Tomas Quellin sur le quai.",
    "De izquierda a derecha: Ilse Varnholt y Tomas Quellin en el muelle.",
    "V.l.n.r.: Ilse Varnholt und Tomas Quellin am Kai von Velmora.",
])
def test_caption_openers_in_several_languages_are_furniture(opener: str) -> None:
    assert is_furniture(opener)


def test_a_sentence_about_the_left_bank_is_no_caption() -> None:
    assert not is_furniture("The ferry from the left bank of the Ostra will stop running "
                            "when the Velmora pier closes next spring.")
