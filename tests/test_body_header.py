"""Where the story starts on a pasted page, and what stands above it (issue 9): a standfirst
and photo captions above the byline and stamp belong to the header; a caption just above its
photo credit is not the story; a long opening paragraph above a byline is the story. Dates
written in other languages and dates glued to the next label are read. All names invented."""

from __future__ import annotations

import datetime as dt

import pytest

from builder.extract import extract_article
from builder.model import Article
from builder.readers.text import read_text

REFERENCE = dt.date(2026, 1, 15)
TITLE = "Port Veyra votes to rebuild its sea wall"
LEDE = ("The harbour council of Port Veyra voted on Tuesday to rebuild the old sea wall at "
        "Ashmoor, ending a dispute that had lasted for more than three years, officials said.")
STORY = [LEDE,
         "Harbour master Tomas Quennell said the work would begin in the spring and would last "
         "about two years, and that the ferry would use the north pier until then.",
         "Residents of the quay had asked for the repairs since the storms of the last winter, "
         "when the sea broke through the wall twice in one week and flooded the fish market.",
         "The council will publish the plans next month, and residents may comment on them "
         "until the summer, the council's clerk Mara Quill said on Wednesday evening."]


def read(text: str) -> Article:
    return extract_article(read_text(text, "seed.txt"), REFERENCE, {}, {})


def test_a_standfirst_and_captions_above_the_byline_are_the_header() -> None:
    """Title, a standfirst, a photo's caption shown twice (as the picture's text and as its
    caption), a row of share buttons, then the byline and the date: the story starts under
    the stamp, however many lines of furniture stand above it."""
    caption = ("The Port Veyra harbour wall seen from the quay. The council owns the wall and "
               "the fish market behind it.")
    page = "\n\n".join([
        TITLE,
        "Engineers say the old wall cannot take another winter of storms, and the vote ends "
        "three years of quarrels over who pays for it.",
        caption, caption.replace("the quay", "the old quay"),
        "Share", "Facebook", "Twitter", "Email", "Print", "Save",
        "Ossian Pell", "By Ossian Pell", "Aug. 16, 2024", *STORY])
    article = read(page)
    assert article.date == dt.date(2024, 8, 16), article.date_from
    assert article.paragraphs[0] == LEDE
    assert article.summary == LEDE


def test_a_long_opening_paragraph_above_the_byline_is_the_story() -> None:
    """A page that sets its byline under a long first paragraph: that paragraph is kept."""
    opening = " ".join([LEDE, STORY[1], STORY[2]])
    page = "\n\n".join([TITLE, opening, "par Ossian Pell, 21 juin 2024", *STORY[3:]])
    article = read(page)
    assert article.paragraphs[0] == opening
    assert article.date == dt.date(2024, 6, 21), article.date_from


def test_a_caption_just_above_its_credit_is_not_the_story() -> None:
    page = "\n\n".join([TITLE, "By Ossian Pell", "March 3, 2024", STORY[0], STORY[1]]) + (
        "\n\nA model of the new wall at the council offices.\nPhoto: Mara Quill\n\n"
        + "\n\n".join(STORY[2:]))
    article = read(page)
    assert "A model of the new wall at the council offices." not in article.paragraphs
    assert article.paragraphs == STORY


def test_a_paragraph_above_a_distant_credit_is_kept() -> None:
    """A paragraph, two blank lines, then a chart's credit: the paragraph is the story's."""
    page = ("\n\n".join([TITLE, "By Ossian Pell", "March 3, 2024", *STORY[:2]])
            + "\n\n\n(Credit: Mara Quill / Veyra Courier)\n\n" + "\n\n".join(STORY[2:]))
    assert read(page).paragraphs == STORY


def test_a_caption_above_a_bare_credit_is_not_the_story() -> None:
    """A short sentence, a blank line, then a line that is only a credit ("Photograph by
    ...", "... / Getty Images"): a caption. A long paragraph there is still the story's."""
    for credit in ("PHOTOGRAPH BY MARA QUILL, VEYRA COURIER", "Mara Quill / Getty Images"):
        page = "\n\n".join([TITLE, "By Ossian Pell", "March 3, 2024", STORY[0],
                             "The old sea wall at Ashmoor after the storm.", credit, *STORY[1:]])
        assert read(page).paragraphs == STORY
    opening = " ".join(STORY[:2])
    page = "\n\n".join([TITLE, "By Ossian Pell", "March 3, 2024", opening,
                         "Mara Quill / Getty Images", *STORY[2:]])
    assert read(page).paragraphs == [opening, *STORY[2:]]


def test_a_credit_with_its_caption_below_leaves_the_paragraph_above() -> None:
    """"Image copyright X" then "Image caption ...": the caption is below the credit."""
    page = "\n\n".join([TITLE, "By Ossian Pell", "March 3, 2024", STORY[0],
                         "He has always denied it.\nImage copyright Getty Images\n"
                         "Image caption Ossian Pell at the quay", *STORY[1:]])
    assert "He has always denied it." in read(page).paragraphs


def test_a_slideshow_keeps_its_captions() -> None:
    """A story told in captions, each with its credit: the captions are the story."""
    slides = [f"Slide {n}: {text}" for n, text in enumerate(STORY, 1)]
    page = "\n\n".join([TITLE, "By Ossian Pell", "March 3, 2024",
                         *(f"{slide}\nImage credit: Veyra Courier" for slide in slides)])
    assert read(page).paragraphs == slides


@pytest.mark.parametrize(("stamp", "expected"), [
    ("Veröffentlicht am 19. Dezember 202419. Dezember 2024 von Redaktion", dt.date(2024, 12, 19)),
    ("1. Januar 2024 von Ossian Pell", dt.date(2024, 1, 1)),
    ("par Ossian Pell, 21 juin 2024", dt.date(2024, 6, 21)),
    ("04 de mayo 2024 a las 09:01 hrs.", dt.date(2024, 5, 4)),
    ("4 de maio de 2024", dt.date(2024, 5, 4)),
    ("12 maart 2024", dt.date(2024, 3, 12)),
    ("Aktualisiert am 5. Mai 2024, veröffentlicht am 1. Mai 2024", dt.date(2024, 5, 1)),
    ("Posted on August 2, 2024August 2, 2024Author Ossian Pell", dt.date(2024, 8, 2)),
])
def test_stamps_in_other_languages_and_glued_to_a_label(stamp: str, expected: dt.date) -> None:
    article = read("\n\n".join([TITLE, stamp, *STORY]))
    assert article.date == expected, article.date_from
    assert article.paragraphs == STORY


def test_the_original_date_wins_over_the_last_update() -> None:
    """"Last updated X, originally created Y": the article's date is when it was created."""
    article = read("\n\n".join([
        TITLE, "Last updated 04 Jun 2024, originally created 17 Jun 2023", *STORY]))
    assert article.date == dt.date(2023, 6, 17), article.date_from


def test_the_headline_shown_again_above_the_text_is_not_the_lede() -> None:
    """Pages that print the headline again over the text (a broadcaster's "Anchor:" script):
    the story's first paragraph is its first paragraph, and the summary its first sentence."""
    headline = "Colder Weather Forecast for Wed. after Cold Wave Alert Tues."
    article = read("\n\n".join([
        "Weather", headline, "Written: 2024-11-12 15:03:30 / Updated: 2024-11-12 15:30:46",
        "Share", "Print", headline, *STORY]))
    assert article.title == headline
    assert article.paragraphs == STORY
    assert article.summary == LEDE


def test_a_stamp_under_a_long_paragraph_dates_the_story() -> None:
    """A press release: the text's first paragraph runs long, then a logo's name and the
    headline again, then "Port Veyra, 28.10.2024": the stamp dates it; the paragraph stays."""
    opening = " ".join(STORY)
    page = "\n\n".join([TITLE, "Read aloud", opening, "Veyra Harbour Trust logo",
                        "Veyra Harbour Trust logo", TITLE, "Port Veyra, 28.10.2024, 058/24",
                        *STORY])
    article = read(page)
    assert article.date == dt.date(2024, 10, 28), article.date_from
    assert article.paragraphs[0] == opening
