"""An author's box after the article ("About the author", "Über Ann Roe 12 Artikel", then a
paragraph about the writer), a prompt to comment ("Wenn Sie diesen Blogeintrag kommentieren
möchten, ...", "You must be logged in to post a comment") and a form's consent to the use of
one's data are page furniture, not the story (issue 9: junk kept on unseen pastes). A section
of the story under "About <a place>" stays. All places and people are invented."""

from __future__ import annotations

import pytest

from builder.readers.text import read_text

TITLE = "Velmora opens its new harbour to the Ostrakan ferry"
STORY = [
    ("The town of Velmora opened its rebuilt harbour on Tuesday, two years after work began, "
     "so that the new ferry to Ostrakan can berth there from the spring."),
    ("Mayor Ilse Varnholt said the rebuilding cost about twelve million euros, most of it from "
     "the regional government and the rest from the town's own budget."),
    ("Fishers on the north quay had feared they would lose their moorings during the work, "
     "but the harbour master Tobin Ashe found them berths at the old shipyard."),
    ("The first crossing is planned for June and will take just under three hours, an hour "
     "less than the old boat needed for the same route."),
]
BIO = ("Mara Quill has covered the coast of Velmora for the Harbour Gazette since 2015 and "
       "writes about ferries, fishing and the weather.")
FIRST_PERSON_BIO = ("Ich bin Mara, bekennende Hafenliebhaberin, und schreibe hier seit "
                    "zehn Jahren über Schiffe, Fähren und das Meer.")


def _page(*tail: str) -> str:
    return "\n\n".join([TITLE, "By Mara Quill", "March 14, 2023", *STORY, *tail])


@pytest.mark.parametrize(("label", "note"), [
    ("About the author", BIO),
    ("Autoreninfo", BIO),
    ("About Mara Quill", BIO),
    ("Über Mara 112 Artikel", FIRST_PERSON_BIO),
])
def test_an_author_box_is_not_the_story(label: str, note: str) -> None:
    article = read_text(_page(label, "Mara Quill", note, "Share"), "velmora.txt")
    assert article.paragraphs == STORY, label


def test_a_section_about_a_place_is_the_story() -> None:
    """"About Ostrakan" opens with no given name: a heading of the story, whose paragraph
    is kept."""
    section = ("Ostrakan is an island town of four thousand people, an hour's sail from "
               "the mainland, whose only link to Velmora has been the old ferry.")
    article = read_text(_page("About Ostrakan", section), "velmora.txt")
    assert article.paragraphs == [*STORY, "About Ostrakan", section]


@pytest.mark.parametrize("prompt", [
    "Wenn Sie diesen Blogeintrag kommentieren möchten, füllen Sie bitte die nachstehenden "
    "Felder aus!",
    "Du musst eingeloggt sein um Kommentare zu schreiben! oder noch gar nicht registriert?",
    "Verraten Sie gerne in den Kommentaren: Was halten Sie von der neuen Fähre nach Ostrakan?",
    "Let us know in the comments what you think of the new ferry to Ostrakan and its timetable.",
    "Ich willige darin ein, dass die Hafenverwaltung Velmora mir regelmäßig Informationen "
    "über ihre Tätigkeiten per E-Mail zusendet.",
    "Ja, ich habe die Datenschutzerklärung gelesen und bin damit einverstanden, dass meine "
    "Daten elektronisch erfasst und gespeichert werden.",
    "Klicken Sie auf den unteren Button, um den Inhalt von www.velmora-karte.example zu laden.",
])
def test_a_prompt_to_comment_or_consent_is_not_the_story(prompt: str) -> None:
    article = read_text(_page(prompt), "velmora.txt")
    assert article.paragraphs == STORY, prompt
