"""A form's consent that its button opens ("Mit Absenden meiner E-Mail-Adresse willige ich
... ein", "By submitting this form, you agree ..."), a prompt to review the product ("Bitte
teilen Sie uns Ihre Erfahrungen mit ...") and a longer appeal to support the site (up to 40
words, "Gefällt dir unser Magazin? ...") are furniture, not the story (issue 9: junk kept on
unseen pages). A story's sentence on the same matters is kept. All places and people are
invented."""

from __future__ import annotations

import pytest
from test_body_author_boxes import STORY, TITLE

from builder.readers.text import furniture_marks, read_text


def _page(*tail: str) -> str:
    return "\n\n".join([TITLE, "By Mara Quill", "March 14, 2023", *STORY, *tail])


@pytest.mark.parametrize("line", [
    "Mit Absenden meiner E-Mail-Adresse willige ich bis auf Widerruf ein, den personalisierten "
    "Newsletter der Velmora Gazette zu erhalten, und dass die Gazette mir per E-Mail an mich "
    "gerichtete Werbung zu Produkten aus ihrem Sortiment zusendet.",
    "By submitting this form, you agree to receive letters from the Velmora Gazette and to "
    "the processing of your data as described in our policy.",
    "Bitte teilen Sie uns Ihre Erfahrungen mit, wenn Sie unseren Hafenkaffee aus Velmora "
    "schon probiert haben.",
    "Gefällt dir unser Hafenmagazin? Bei der Gründung der Velmora Gazette haben wir "
    "entschieden, alle Artikel kostenlos anzubieten. Damit das so bleibt, brauchen wir deine "
    "Unterstützung, jeden Monat und mit jedem Betrag, den du geben kannst.",
    # A call to give, in English.
    "Make your contribution now and help the Velmora Gazette thrive in 2027. Donate today",
])
def test_a_form_prompt_or_appeal_is_not_the_story(line: str) -> None:
    article = read_text(_page(line), "velmora.txt")
    assert article.paragraphs == STORY, line


def test_a_sentence_of_the_story_about_consent_is_kept() -> None:
    line = ("The harbour master said the fishermen of Ostrakan had agreed to the new quay "
            "rules after a long meeting, and that she would ask for their experience again.")
    article = read_text(_page(line), "velmora.txt")
    assert article.paragraphs == [*STORY, line]


@pytest.mark.parametrize("line", [
    "We rely on your support to make local news available to all",
    "Make your contribution now and help the Velmora Gazette thrive. Donate today",
    "The Velmora Gazette is funded by sponsors and member donations",
])
def test_a_call_to_give_is_furniture(line: str) -> None:
    assert furniture_marks(line)[0], line
