"""Page furniture said in other languages is furniture too (issue 9: junk kept on unseen
pastes). The labels that close an article ("Hinterlasse eine Antwort", "Das könnte Sie auch
interessieren:", "11 Kommentare", "Pour approfondir"), a comments form, share and donate
prompts, photo credits ("Foto: ..."), an author's note in German, a cookie banner in German:
none is the story. All places and people are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.readers import read_seed
from builder.readers.text import read_text

TITLE = "Neue Fähre für Velmora: Der Hafen wird umgebaut"
STORY = [
    ("Die Stadt Velmora baut ihren alten Hafen um, damit die neue Fähre nach Ostrakan ab dem "
     "Frühjahr dort anlegen kann. Die Arbeiten sollen im März beginnen und zwei Jahre dauern."),
    ("Bürgermeisterin Ilse Varnholt sagte am Dienstag, der Umbau koste rund zwölf Millionen "
     "Euro. Ein Teil des Geldes komme vom Land, der Rest aus dem Haushalt der Stadt."),
    ("Die Fischer am Nordkai fürchten, dass sie während der Bauzeit keinen Liegeplatz haben. "
     "Der Hafenmeister Tobin Ashe versprach ihnen einen Ersatz an der alten Werft."),
    ("Die erste Fähre soll im Sommer des übernächsten Jahres fahren. Sie braucht für die "
     "Strecke nach Ostrakan knapp drei Stunden, eine Stunde weniger als das alte Schiff."),
]
#: What follows a German article on its page: each is furniture, none the story.
RELATED = ["Hafenfest in Velmora fällt dieses Jahr aus",
           "Neue Buslinie zum Nordkai ab Montag",
           "Werft in Ostrakan sucht Lehrlinge"]
TEASER = ("Der Stadtrat von Velmora hat am Abend über den neuen Radweg am Ufer beraten und "
          "will im Herbst eine Entscheidung treffen, wie die Bürger es gefordert hatten.")


def _page(*tail: str) -> str:
    return "\n\n".join([TITLE, "Von Mara Quill", "14. März 2023", *STORY, *tail])


@pytest.mark.parametrize("label", [
    "Das Thema könnte dich auch interessieren:",
    "Zur Person",
    "Weitere Beiträge aus der Kolumne:",
    "Beliebte Beiträge zum Thema:",
    "NOCH MEHR NEWS",
    "Pour approfondir",
])
def test_a_label_of_other_stories_closes_the_article(label: str) -> None:
    """A list of other stories under its label, and a teaser long enough to read as prose:
    the label closes the article, and nothing under it is the story."""
    article = read_text(_page(label, *RELATED, TEASER), "velmora.txt")
    assert article.paragraphs == STORY, label


@pytest.mark.parametrize("label", [
    "Hinterlasse eine Antwort", "HINTERLASSEN SIE EINE ANTWORT", "11 Kommentare",
    "3 Antworten zu „Neue Fähre für Velmora“", "Kommentieren Sie hier",
])
def test_a_comments_label_and_form_close_the_article(label: str) -> None:
    form = ["Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * "
            "markiert.", "Kommentar", "Name *",
            "Save my name, email, and website in this browser for the next time I comment."]
    article = read_text(_page(label, *form, TEASER), "velmora.txt")
    assert article.paragraphs == STORY, label


def test_prompts_credits_and_notes_in_german_are_furniture(tmp_path: Path) -> None:
    """A photo credit, share and donate prompts and an author's note, read from a file."""
    text = "\n\n".join([
        TITLE, "Von Mara Quill", "14. März 2023", STORY[0],
        "Der alte Anleger am Nordkai im Winter. Foto: Tobin Ashe",
        *STORY[1:3], "Teile diesen Beitrag auf", "Diesen Artikel teilen", STORY[3],
        ("Ihr Beitrag hilft, unsere Berichterstattung aus Velmora weiter auszubauen und "
         "kostenlos anzubieten."),
        "Mara Quill ist freie Journalistin in Velmora und schreibt über den Hafen.",
        "Diese Website verwendet Cookies, um Ihnen das beste Erlebnis zu bieten. Mit der "
        "Nutzung stimmen Sie zu.",
    ])
    path = tmp_path / "velmora.txt"
    path.write_text(text, encoding="utf-8")
    article = read_seed(path, 1_000_000)
    assert article.paragraphs == STORY


def test_a_heading_that_only_mentions_comments_is_kept() -> None:
    """A heading of the story that starts like a label but is not one ("Kommentare der
    Fischer", a sentence with "interessieren") stays: only labels close the article."""
    heading = "Antworten der Fischer auf die Pläne"
    sentence = ("Ob die Pläne die Touristen interessieren werden, könnte sich erst im Sommer "
                "zeigen, sagte Ilse Varnholt.")
    article = read_text(_page(heading, STORY[0].replace("Velmora", "Ostrakan"), sentence),
                        "velmora.txt")
    assert article.paragraphs[-1] == sentence
    assert heading in article.paragraphs


@pytest.mark.parametrize("link", [
    "PUEDES VER: El puerto de Velmora tendrá un nuevo muelle en primavera",
    "READ MORE: Ostrakan ferry timetable to change in the spring",
    "Lesen Sie auch: Velmora streitet über den neuen Radweg am Ufer",
])
def test_a_link_to_another_story_inside_the_article_is_furniture(link: str) -> None:
    """A label and another story's headline on one line, between two paragraphs."""
    text = "\n\n".join([TITLE, "Von Mara Quill", "14. März 2023", *STORY[:2], link, *STORY[2:]])
    assert read_text(text, "velmora.txt").paragraphs == STORY


@pytest.mark.parametrize("call", [
    ("Keine Neuigkeiten aus Velmora mehr verpassen: Abonnieren Sie kostenlos den Newsletter "
     "des Velmora Boten und erhalten Sie jeden Morgen die wichtigsten Meldungen aus dem "
     "Hafen."),
    ("Never miss a story from the Ostrakan quays again: sign up for the Velmora Herald "
     "morning newsletter and get the harbour news every day before breakfast, free."),
])
def test_a_long_call_to_subscribe_inside_the_story_is_furniture(call: str) -> None:
    """A call to subscribe longer than a box's label, between two paragraphs: dropped, and
    the story goes on under it."""
    text = "\n\n".join([TITLE, "Von Mara Quill", "14. März 2023", *STORY[:2], call, *STORY[2:]])
    assert read_text(text, "velmora.txt").paragraphs == STORY


@pytest.mark.parametrize("label", [
    "Weitere Informationen zum Hafen von Velmora:", "Zusatzinformationen:",
    "Further information",
])
def test_a_box_of_links_for_more_information_is_not_the_story(label: str) -> None:
    """A box of links under "Weitere Informationen ..." set inside the article: the label
    and its links are furniture, and the story goes on under them."""
    page = "\n\n".join([TITLE, "Von Mara Quill", "14. März 2023", *STORY[:2], label,
                         *RELATED, *STORY[2:]])
    article = read_text(page, "velmora.txt")
    assert article.paragraphs == STORY, label


def test_a_more_information_heading_over_prose_is_a_section() -> None:
    """"Mehr Informationen" right over a paragraph is the story's last section, not a box of
    links: it and its paragraph stay."""
    section = ("Wer mehr über den Umbau wissen will, kann am Samstag zur Führung durch die "
               "Baustelle kommen, die der Hafenmeister Tobin Ashe selbst leitet.")
    article = read_text(_page("Mehr Informationen", section), "velmora.txt")
    assert article.paragraphs == [*STORY, "Mehr Informationen", section]
