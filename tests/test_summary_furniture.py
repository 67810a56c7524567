"""The summary is the article's first real sentence: never a note, a caption, a credit, an
affiliate notice, "Listen to this story", a call to subscribe or an author's bio; never cut at
an abbreviation; never escaped twice. (Issue 9; all names are invented.)"""

from __future__ import annotations

import datetime as dt

import pytest

from builder.extract import extract_article
from builder.extract.summary import extract_summary, is_furniture, summarize
from builder.readers.text import read_text

STORY = ("The Port Veyra council voted on Tuesday to rebuild the harbour wall before the winter "
         "storms, officials said.")
MORE = ("Work on the quay will start in March, and the ferry to Ashmoor will run from the north "
        "pier until it is done, the harbour master Ilse Varnholt told reporters.")


@pytest.mark.parametrize("furniture", [
    "This post originally appeared on the Ashmoor Ledger.",
    "A version of this story appeared in the Veyra Courier's weekend edition.",
    "Editor's note: This story has been updated with the council's vote.",
    "Listen to this story.",
    "All products featured on Veyra Living are independently selected by our editors.",
    "We may earn a commission when you buy through links on our site.",
    "Make your contribution now and help the Courier thrive. Donate today",
    "Sign up for our newsletter: Subscribe now",
    "This website uses cookies to improve your experience.",
    "Mr. Quennell is the deputy Opinion editor.",
    "Mara Quill is a senior writer at the Veyra Courier covering the harbour.",
    "The harbour wall after the storm. (AP Photo/Ossian Pell)",
    "Harbour master Ilse Varnholt, left, and Mayor Tobin Ashe walk along the quay, Sunday, "
    "Nov. 17, 2019, in Port Veyra.",
    "Image 1 of 12",
    "Media caption: Who is Ilse Varnholt?",
])
def test_furniture_is_never_the_summary(furniture: str) -> None:
    assert is_furniture(furniture)
    assert summarize([furniture, STORY, MORE]) == STORY


def test_a_caption_glued_to_the_story_is_passed_over() -> None:
    """A gallery's caption that the paste joined to the story's first sentence."""
    glued = f"1of4Harbour master Ilse Varnholt, left, looks at the wall. {STORY} {MORE}"
    assert summarize([glued]) == STORY


@pytest.mark.parametrize("lede", [
    STORY,
    "Time is not on the council's side.",  # a short lede is still the lede
    "The newsletter publisher Veyra Post Media raised $6 million on Tuesday.",
    "Bakers in Port Veyra sold 40,000 cookies for the harbour fund on Sunday.",
])
def test_the_story_is_kept(lede: str) -> None:
    assert not is_furniture(lede)
    assert summarize([lede, MORE]) == lede


def test_only_furniture_gives_the_lede() -> None:
    """The summary is never empty while the article has text."""
    assert summarize(["Listen to this story."]) == "Listen to this story."


@pytest.mark.parametrize(("lede", "summary"), [
    ("Dobbs v. Quennell was cited by Gov. Ilse Varnholt on Tuesday. It was close.",
     "Dobbs v. Quennell was cited by Gov. Ilse Varnholt on Tuesday."),
    ("Der Rat tagte am 19. Januar im Hafen von Port Veyra. Es wurde gestritten.",
     "Der Rat tagte am 19. Januar im Hafen von Port Veyra."),
    # A German ordinal after its article, German and Spanish short forms.
    ("Der Hafen von Port Veyra ist ein Bau des 19. Jahrhunderts. Er wird erneuert.",
     "Der Hafen von Port Veyra ist ein Bau des 19. Jahrhunderts."),
    ("Die Regatta von Port Veyra findet zum 6. Mal statt. Es segeln vierzig Boote.",
     "Die Regatta von Port Veyra findet zum 6. Mal statt."),
    ("Der Kai kostet 3,5 Mio. Euro bzw. Franken. Der Rat zahlt.",
     "Der Kai kostet 3,5 Mio. Euro bzw. Franken."),
    ("La Sra. Varnholt abrió el muelle de Port Veyra. Llovía.",
     "La Sra. Varnholt abrió el muelle de Port Veyra."),
])
def test_the_summary_is_not_cut_at_an_abbreviation_or_a_day(lede: str, summary: str) -> None:
    assert summarize([lede]) == summary
    assert extract_summary(lede) == summary


@pytest.mark.parametrize(("lede", "summary"), [
    # German quotes: a sentence closing inside „...“, the next opening with „.
    ("Die Hafenmeisterin rief: „Der Kai von Port Veyra ist gesperrt.“ Niemand widersprach.",
     "Die Hafenmeisterin rief: „Der Kai von Port Veyra ist gesperrt.“"),
    ("„Wir bauen neu“, sagte Ilse Varnholt in Port Veyra. „Der Kai ist alt.“",
     "„Wir bauen neu“, sagte Ilse Varnholt in Port Veyra."),
    # French guillemets.
    ("Le maire de Port Veyra a dit : « Le quai fermera en mars. » Les pêcheurs protestent.",
     "Le maire de Port Veyra a dit : « Le quai fermera en mars. »"),
])
def test_a_sentence_ends_at_its_closing_quote(lede: str, summary: str) -> None:
    assert extract_summary(lede) == summary


def test_a_number_closing_a_sentence_still_closes_it() -> None:
    """A number without an article before it is no ordinal: the stop after it ends the
    sentence ("... sank unter 1.")."""
    lede = "Die Zahl der Fähren in Port Veyra sank unter 1. Der Rat beriet."
    assert extract_summary(lede) == "Die Zahl der Fähren in Port Veyra sank unter 1."


def test_an_entity_left_in_the_text_is_shown_as_its_character() -> None:
    """A page that escaped its text twice leaves "&quot;" in the paste: the summary holds
    the quote itself (the site escapes it once when it shows it)."""
    assert summarize(["The council called the wall &quot;urgent&quot; on Tuesday. More."]) == (
        'The council called the wall "urgent" on Tuesday.')


def test_the_extractors_summary_skips_a_note(tmp_path: object) -> None:
    """Through the reader and the extractors, as a build makes the event page."""
    text = ("Port Veyra votes to rebuild its harbour wall\n- Veyra Courier\n- Dec 22, 2023\n\n"
            "This post originally appeared on the Ashmoor Ledger.\n\n"
            f"{STORY}\n\n{MORE}\n")
    article = extract_article(read_text(text, "wall.txt"), dt.date(2024, 1, 1), {}, {})
    assert article.summary == STORY


def test_a_slideshow_above_the_story_is_passed_over() -> None:
    """Five captions, "Image 1 of 5" and "Caption" labels above the story: the summary is the
    story's first sentence further down, not a caption or a credit."""
    slideshow = [
        f"{n}of4A shopper looks at lanterns at the Ashmoor hardware store, Tuesday, Nov. 19, "
        "2019, in Port Veyra, before the planned power cut. (Ann Roe/The Courier via AP"
        for n in range(1, 4)
    ]
    summary = summarize([*slideshow, "Image 1 of 5", "Caption", "Image 1 of 5", STORY, MORE])
    assert summary == STORY


def test_a_credit_in_brackets_is_no_sentence() -> None:
    """"(Ann Roe/The Courier via AP)" alone, after a caption, is a credit."""
    summary = summarize(["Lanterns on the shelves of the Ashmoor store on Tuesday. "
                         "(Ann Roe/The Courier via AP", STORY])
    assert summary == STORY


@pytest.mark.parametrize("furniture", [
    "Two people in Velmora have been diagnosed with the plague,...",  # a teaser cut short
    "I want to tell you about another change in the Ostrakan ferry timetable, […]",
    "Ilse Varnholt 27/09/2018 Comment!",  # a byline's stamp
    "Aktivieren Sie Javascript jetzt, um unsere Artikel wieder lesen zu können.",
    "A fisherman mends a net on the quay of Port Veyra (background) on November 19, 2019.",
])
def test_teasers_stamps_and_notices_are_not_the_summary(furniture: str) -> None:
    assert summarize([furniture, STORY, MORE]) == STORY


@pytest.mark.parametrize("caption", [
    # A caption whose credit closes it: a copyright sign, or an agency's name alone.
    "Plakat am Hafen von Port Veyra: „Die Mauer bleibt.“ Ashmoor, Mai 2021 (c) Ilse Varnholt",
    "Der neue Kai von Port Veyra im Morgenlicht © Foto: Tobin Ashe",
    "Un grupo de barcos, en el puerto de Port Veyra el 11 de febrero pasado. EFE",
    "Fischer am Nordkai von Port Veyra am vergangenen Dienstag. dpa",
])
def test_a_caption_closed_by_its_credit_is_passed_over(caption: str) -> None:
    assert is_furniture(caption)
    assert summarize([caption, STORY, MORE]) == STORY


def test_a_story_naming_an_agency_or_a_copyright_is_kept() -> None:
    lede = ("The Port Veyra council said on Tuesday that the copyright of the harbour plans "
            "stays with the town, not with the builders.")
    assert summarize([lede, MORE]) == lede
    # A story's paragraph of several sentences that an agency's name closes is no caption.
    assert summarize([f"{STORY} {MORE} Reuters", MORE]) == STORY
