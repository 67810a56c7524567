"""Lines where the site speaks of itself are furniture, not the story (issue 9: junk kept on
unseen pastes): a disclaimer of its writers' opinions, a rights notice, a theme's credit, a
post's filing line, an offer of the magazine, its apps or its shop. A story's sentence that
only mentions an app is kept. All places and people are invented."""

from __future__ import annotations

import pytest
from test_body_author_boxes import STORY, TITLE

from builder.readers.text import read_text


def _page(*tail: str) -> str:
    return "\n\n".join([TITLE, "By Mara Quill", "March 14, 2023", *STORY, *tail])


@pytest.mark.parametrize("line", [
    "Les opinions exprimées dans les blogs de la Gazette de Velmora n'engagent que leurs "
    "auteurs.",
    "The Velmora Gazette is not responsible for the opinions, statements or media content "
    "presented by contributors.",
    "The views expressed here do not necessarily reflect the views of the Velmora Gazette.",
    "Vervielfältigung nur mit Genehmigung",
    "(Alle Angaben ohne Gewähr)",
    "Design von Mara Quill und Tobin Ashe. Icons von Ilse Varnholt.",
    "Kategorie: Hafen, Fähren, Velmora",
    "14. März 2023 getaggt mit: Hafen Fähre Velmora",
    "Erstellt am Dienstag 14. März 2023 um 23:30 und abgelegt unter Hafen, Velmora. "
    "Kommentare zu diesem Eintrag im RSS 2.0 Feed.",
    "Instant access to the full article PDF.",
    "For the latest stories and breaking news updates download the Gazette apps for iOS and "
    "Android.",
    "Diese Ausgabe jetzt digital lesen",
    "Jetzt neu! Besuchen Sie unseren Fan-Shop!",
    "Sie lesen gern die Velmora Gazette?",
])
def test_a_site_line_is_not_the_story(line: str) -> None:
    article = read_text(_page(line), "velmora.txt")
    assert article.paragraphs == STORY, line


def test_a_sentence_of_the_story_about_an_app_is_kept() -> None:
    sentence = ("Travellers can download the ferry company's new app to book a crossing, "
                "the harbour master said.")
    article = read_text(_page(sentence), "velmora.txt")
    assert article.paragraphs == [*STORY, sentence]


@pytest.mark.parametrize("menu", [
    "Hafen | Fähren | Blog | Impressum",
    "IMPRESSUM | DATENSCHUTZ | COPYRIGHT MARA QUILL | A VELMORA GAZETTE PROJECT",
])
def test_a_menu_line_between_bars_is_not_the_story(menu: str) -> None:
    """A line of links between bars (a menu, a footer's links) set among the story's
    paragraphs is left out of the body."""
    page = "\n\n".join([TITLE, "By Mara Quill", "March 14, 2023", *STORY[:2], menu,
                        *STORY[2:]])
    article = read_text(page, "velmora.txt")
    assert article.paragraphs == STORY, menu
