"""A photo's caption or credit, or a browser notice, that stands between the headline and the
byline where a standfirst would is no standfirst: the text reader leaves it out, and keeps a
real standfirst beside it (issue 9). The articles are fictional."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.extract.summary import is_furniture
from builder.readers import read_seed

LEDE = ("The Velmora Harbour Board voted on Tuesday to close the Ostrakan ferry pier from "
        "next spring, after divers found cracks in three of its oldest pillars.")
SECOND = ("Dr Ilse Varnholt, the board's chief engineer, said the ferries would use a "
          "temporary landing stage on the north quay while the work went on.")
THIRD = ("Traders on the quay told the board they feared losing custom during the works, "
         "and asked for the temporary stage to open before the summer season began.")
STANDFIRST = ("Velmora's harbour board says the old ferry pier will close for two years "
              "while engineers rebuild it from the seabed up.")

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


def _page(header: str) -> str:
    return f"""Velmora Coast Gazette

Harbour board votes to close Ostrakan ferry pier

{STANDFIRST}

{header}

By Tomas Quellin

Published 14 March 2026

{LEDE}

{SECOND}

{THIRD}
"""


@pytest.mark.parametrize("header", HEADER_LINES)
def test_a_caption_or_notice_under_the_headline_is_no_standfirst(tmp_path: Path,
                                                                 header: str) -> None:
    path = tmp_path / "velmora-pier.txt"
    path.write_text(_page(header), encoding="utf-8")
    article = read_seed(path, 10**6)
    assert article.title == "Harbour board votes to close Ostrakan ferry pier"
    assert article.standfirst == [STANDFIRST]
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
